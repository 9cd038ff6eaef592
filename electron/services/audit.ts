import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KansliTables } from '../../db/schema';
import type { AuditEntryView, AuditVerifyResult } from '../../shared/contract/schemas/audit';
import type { ParsedInput } from '../../shared/contract/methods';
import type { AuditEntry, Scope } from './context';
import { auditAnchorReport } from './audit-anchors';
import { auditChanges, describeEntries } from './audit-words';
import { handlersFor } from './handler';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** An audit_log row as hashed (without its id and own hash). */
export interface AuditRow {
  at: string;
  actor: string;
  method: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
}

/** The hash of an entry covers every field and the hash of the entry before it. */
export function auditHash(row: AuditRow): string {
  const canonical = JSON.stringify([row.prev_hash, row.at, row.actor, row.method, row.entity, row.entity_id, row.action, row.before_json, row.after_json]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Appends one entry; call inside the transaction of the write it records. An update
 * that changed nothing a person would see (only timestamps, or nothing at all) writes none.
 */
export async function appendAudit(db: Kysely<KansliTables>, meta: { at: string; actor: string; method: string }, entry: AuditEntry): Promise<void> {
  if (entry.action === 'update') {
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    if (auditChanges(json(entry.before), json(entry.after)).length === 0) return;
  }
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const row: AuditRow = {
    ...meta,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    action: entry.action,
    before_json: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: last?.hash ?? AUDIT_GENESIS_HASH,
  };
  await db
    .insertInto('audit_log')
    .values({ ...row, action: entry.action, hash: auditHash(row) })
    .execute();
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAtId: number; reason: string };

/** Walks the whole log and reports the first entry whose link or content does not match. */
export async function verifyAuditChain(db: Kysely<KansliTables>): Promise<ChainCheck> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = AUDIT_GENESIS_HASH;
  for (const row of rows) {
    if (row.prev_hash !== prev) return { ok: false, entries: rows.length, brokenAtId: row.id, reason: 'Länken till föregående post stämmer inte.' };
    if (auditHash(row) !== row.hash) return { ok: false, entries: rows.length, brokenAtId: row.id, reason: 'Postens innehåll har ändrats.' };
    prev = row.hash;
  }
  return { ok: true, entries: rows.length };
}

// ——— Reading the log (audit.list, audit.verify): in words, electron/services/audit-words.ts ———

export async function listAudit(input: ParsedInput<'audit.list'>, scope: Scope): Promise<AuditEntryView[]> {
  let query = scope.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(input.limit);
  if (input.entity !== undefined) query = query.where('entity', '=', input.entity);
  if (input.entityId !== undefined) query = query.where('entity_id', '=', String(input.entityId));
  if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId);
  return describeEntries(scope.db, await query.execute());
}

/**
 * The chain from the first entry to the last, then the log against every anchor kept
 * outside the file (the anchor file, the backups' manifests).
 */
export async function verifyAudit(_input: ParsedInput<'audit.verify'>, scope: Scope): Promise<AuditVerifyResult> {
  const check = await verifyAuditChain(scope.db);
  const { db } = scope.ctx;
  // Anchors are kept beside a file's user data; a server database has none yet.
  const anchors =
    db.engine === 'sqlite'
      ? await auditAnchorReport(scope.ctx.dataDir, db.sqlite, db.path)
      : { checked: 0, newestAt: null, newestLastId: null, problems: [], setAside: 0 };
  if (!check.ok) {
    const row = await scope.db.selectFrom('audit_log').selectAll().where('id', '=', check.brokenAtId).executeTakeFirst();
    return { ...check, entry: row ? ((await describeEntries(scope.db, [row]))[0] ?? null) : null, anchors };
  }
  const problem = anchors.problems[0];
  if (problem) return { ok: false, entries: check.entries, brokenAtId: null, reason: problem.message, entry: null, anchors };
  return { ...check, anchors };
}

/** The methods this module serves. */
export const auditHandlers = handlersFor({
  'audit.list': listAudit,
  'audit.verify': verifyAudit,
});
