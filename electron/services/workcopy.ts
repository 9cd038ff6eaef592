import fs from 'node:fs';
import path from 'node:path';
import { databaseExists, openKansliDb, type KansliDb } from '../../db/open';
import { describeServer } from '../../db/postgres/address';
import { copyDatabase } from '../../db/transfer';
import { KansliError } from '../../shared/contract/errors';
import type { Arendeblad } from '../../shared/contract/schemas/arendeblad';
import type { Api } from './api';
import { openServerSession } from './server-session';
import { openSession } from './session';
import { serverCaller } from './users';
import { WORKCOPY_KEY, workCopyMark, type WorkCopyMark } from './workcopy-mark';

/**
 * A working copy for the train (issue 18): a person whose kansli works on a server takes a
 * file with everything in it before leaving; on the train the registers are read-only and
 * only the ärendeblad they chose can be edited; back on the network the edits are sent to
 * the server. An ärendeblad that changed on the server meanwhile is never overwritten: both
 * versions are shown, and the person chooses (their own, or the server's).
 */

export interface TakenCopy {
  file: string;
  server: string;
  arendeblad: { id: number; rubrik: string }[];
}

/** Takes a working copy of `serverUrl` into a new file, with `arendebladIds` editable in it. */
export async function takeWorkCopy(serverUrl: string, file: string, arendebladIds: number[], now: () => Date = () => new Date()): Promise<TakenCopy> {
  const target = path.resolve(file);
  if (databaseExists(target)) throw new KansliError('CONFLICT', `Filen ”${target}” finns redan. Välj en ny fil för arbetskopian; inget har ändrats.`);
  const { openPostgresDb } = await import('../../db/postgres/open');
  const server = await openPostgresDb(serverUrl, { create: false, now });
  let copy: KansliDb | null = null;
  let done = false;
  try {
    const caller = await serverCaller(server.kysely, server);
    if (caller.role === null || caller.role === 'lasare') {
      throw new KansliError('FORBIDDEN', 'Bara den som får ändra i Kansli kan ta en arbetskopia att ändra i; som läsare kan du läsa på servern.');
    }
    const chosen = await server.kysely
      .selectFrom('arendeblad')
      .select(['id', 'revision', 'rubrik', 'version', 'signed_version'])
      .where('id', 'in', arendebladIds.length > 0 ? arendebladIds : [-1])
      .execute();
    const missing = arendebladIds.filter((id) => !chosen.some((c) => c.id === id));
    if (missing.length > 0) throw new KansliError('NOT_FOUND', `Ärendebladen ${missing.join(', ')} finns inte på servern. Inget har ändrats.`);
    const signed = chosen.filter((c) => c.signed_version !== null && c.signed_version === c.version);
    if (signed.length > 0) throw new KansliError('RULE', `”${signed[0]?.rubrik}” är signerat och kan inte ändras på tåget. Inget har ändrats.`);
    const meta = await server.kysely.selectFrom('kansli_meta').select('value').where('key', '=', 'database_id').executeTakeFirst();
    copy = openKansliDb(target, { create: 'blank', now });
    const into = copy;
    await server.kysely.transaction().execute((trx) => copyDatabase({ ...server, kysely: trx }, into));
    const mark: WorkCopyMark = {
      server: describeServer(serverUrl),
      databaseId: meta?.value ?? '',
      takenAt: now().toISOString(),
      takenBy: caller.login,
      arendeblad: chosen.map((c) => ({ id: c.id, revision: c.revision, localRevision: c.revision, rubrik: c.rubrik })),
      sentAt: null,
    };
    await into.kysely
      .insertInto('kansli_meta')
      .values({ key: WORKCOPY_KEY, value: JSON.stringify(mark) })
      .execute();
    done = true;
    return { file: target, server: mark.server, arendeblad: mark.arendeblad.map(({ id, rubrik }) => ({ id, rubrik })) };
  } finally {
    await server.close();
    copy?.close();
    if (!done && copy !== null) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  }
}

export interface SentItem {
  id: number;
  rubrik: string;
  outcome: 'skickat' | 'oförändrat' | 'din version ersatte serverns' | 'serverns version behölls' | 'konflikt';
}

export interface Conflict {
  id: number;
  /** What the person wrote on the train. */
  mine: Pick<Arendeblad, 'rubrik' | 'organ' | 'datum' | 'content' | 'updatedAt' | 'updatedBy'>;
  /** What is on the server now, saved by someone else after the copy was taken. */
  theirs: Pick<Arendeblad, 'rubrik' | 'organ' | 'datum' | 'content' | 'updatedAt' | 'updatedBy'>;
}

export interface SendResult {
  items: SentItem[];
  conflicts: Conflict[];
}

async function get(api: Api, id: number): Promise<Arendeblad> {
  const answer = await api.call('arendeblad.get', { id });
  if (!answer.ok) throw new KansliError(answer.error.code, answer.error.message);
  return answer.value;
}

const side = (a: Arendeblad): Conflict['mine'] => ({
  rubrik: a.rubrik,
  organ: a.organ,
  datum: a.datum,
  content: a.content,
  updatedAt: a.updatedAt,
  updatedBy: a.updatedBy,
});

/**
 * Sends the working copy's edits to the server, as the person connecting: an ärendeblad
 * nobody changed on the server meanwhile is saved there; one that was changed is left as
 * it is and returned as a conflict with both versions, until the person chooses
 * (`choices`: "mine" saves theirs over the server's after all, "theirs" drops their own).
 */
export async function sendWorkCopy(file: string, serverUrl: string, choices: Record<number, 'mine' | 'theirs'> = {}): Promise<SendResult> {
  const local = openSession(path.resolve(file), { create: false, appVersion: 'arbetskopia' });
  const server = await openServerSession(serverUrl, { create: false, appVersion: 'arbetskopia' });
  try {
    const mark = await workCopyMark(local.db.kysely);
    if (mark === null) throw new KansliError('VALIDATION', `”${path.basename(file)}” är ingen arbetskopia. Inget har skickats.`);
    const meta = await server.db.kysely.selectFrom('kansli_meta').select('value').where('key', '=', 'database_id').executeTakeFirst();
    if (meta?.value !== mark.databaseId) {
      throw new KansliError('CONFLICT', `Arbetskopian är tagen från ${mark.server}, inte från ${describeServer(serverUrl)}. Inget har skickats.`);
    }
    const items: SentItem[] = [];
    const conflicts: Conflict[] = [];
    const next: WorkCopyMark['arendeblad'] = [];
    for (const base of mark.arendeblad) {
      const mine = await get(local.api, base.id);
      const theirs = await get(server.api, base.id);
      const save = async () => {
        const saved = await server.api.call('arendeblad.save', {
          id: base.id,
          revision: theirs.revision,
          organ: mine.organ,
          rubrik: mine.rubrik,
          datum: mine.datum,
          content: mine.content,
          confirmPersonalData: true,
        });
        if (!saved.ok) throw new KansliError(saved.error.code, `”${mine.rubrik}”: ${saved.error.message}`);
        return saved.value.revision;
      };
      if (mine.revision === base.localRevision) {
        items.push({ id: base.id, rubrik: mine.rubrik, outcome: 'oförändrat' });
        next.push(base);
      } else if (theirs.revision === base.revision || choices[base.id] === 'mine') {
        const revision = await save();
        items.push({ id: base.id, rubrik: mine.rubrik, outcome: theirs.revision === base.revision ? 'skickat' : 'din version ersatte serverns' });
        next.push({ ...base, revision, localRevision: mine.revision });
      } else if (choices[base.id] === 'theirs') {
        items.push({ id: base.id, rubrik: mine.rubrik, outcome: 'serverns version behölls' });
        next.push({ ...base, revision: theirs.revision, localRevision: mine.revision });
      } else {
        items.push({ id: base.id, rubrik: mine.rubrik, outcome: 'konflikt' });
        conflicts.push({ id: base.id, mine: side(mine), theirs: side(theirs) });
        next.push(base);
      }
    }
    // What was sent or settled is the copy's new starting point; a conflict stays open until chosen.
    const updated: WorkCopyMark = { ...mark, arendeblad: next, sentAt: conflicts.length === 0 ? new Date().toISOString() : mark.sentAt };
    await local.db.kysely
      .updateTable('kansli_meta')
      .set({ value: JSON.stringify(updated) })
      .where('key', '=', WORKCOPY_KEY)
      .execute();
    return { items, conflicts };
  } finally {
    local.close();
    await server.close();
  }
}
