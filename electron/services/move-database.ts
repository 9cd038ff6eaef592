import fs from 'node:fs';
import path from 'node:path';
import { databaseExists, openKansliDb, type KansliDb } from '../../db/open';
import { describeServer, isServerAddress } from '../../db/postgres/address';
import { copyDatabase } from '../../db/transfer';
import { KansliError } from '../../shared/contract/errors';
import { verifyAuditChain } from './audit';

/**
 * Moves a förbund's database between a file and a PostgreSQL server, either way
 * (`kansli migrate --from … --to …`, issue 18): everything is copied with its documents,
 * then the copy is checked table by table (rows and SHA-256, db/transfer.ts) and its audit
 * log verified from the first entry to the last. The source is only read; the target must
 * be a new file or an empty server database, and is left as it was if anything fails.
 */

export interface MoveResult {
  from: string;
  to: string;
  tables: number;
  rows: number;
  documents: number;
  /** Documents that lay as files beside the source file and now lie in the server database. */
  documentsMovedIn: number;
  auditEntries: number;
}

export interface MoveOptions {
  now?: () => Date;
  onProgress?: (p: { step: string; done: number; total: number }) => void;
}

function shown(location: string): string {
  return isServerAddress(location) ? describeServer(location) : path.resolve(location);
}

async function openSource(location: string, now: () => Date): Promise<KansliDb> {
  if (isServerAddress(location)) {
    const { openPostgresDb } = await import('../../db/postgres/open');
    return openPostgresDb(location, { create: false, now });
  }
  return openKansliDb(location, { create: false, now });
}

/** A new file (never one that is there), or a server database that is empty or has Kansli's schema and no data. */
async function openTarget(location: string, now: () => Date): Promise<{ db: KansliDb; discard: () => void }> {
  if (isServerAddress(location)) {
    const { openPostgresDb } = await import('../../db/postgres/open');
    return { db: await openPostgresDb(location, { create: 'blank', now }), discard: () => undefined };
  }
  const file = path.resolve(location);
  if (databaseExists(file)) {
    throw new KansliError(
      'CONFLICT',
      `Filen ”${file}” finns redan. Kansli flyttar bara till en ny fil och skriver aldrig över en befintlig; inget har ändrats.`,
    );
  }
  const db = openKansliDb(file, { create: 'blank', now });
  const discard = () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  };
  return { db, discard };
}

export async function moveDatabase(from: string, to: string, options: MoveOptions = {}): Promise<MoveResult> {
  const now = options.now ?? (() => new Date());
  if (isServerAddress(from) === isServerAddress(to)) {
    throw new KansliError('VALIDATION', 'Flytten går mellan en databasfil och en databas på en server: ange en fil och en postgres://-adress.');
  }
  const source = await openSource(from, now);
  let target: { db: KansliDb; discard: () => void } | null = null;
  let moved = false;
  try {
    const chain = await verifyAuditChain(source.kysely);
    if (!chain.ok) {
      throw new KansliError(
        'RULE',
        `Granskningsloggen i ${shown(from)} håller inte (post ${chain.brokenAtId ?? '?'}: ${chain.reason}). Kansli flyttar inte en databas vars logg är bruten; inget har ändrats.`,
      );
    }
    target = await openTarget(to, now);
    const targetDb = target.db;
    // One read transaction on the source: a consistent copy, and no one writes to it meanwhile.
    const copied = await source.kysely.transaction().execute((trx) => copyDatabase({ ...source, kysely: trx }, targetDb, { onProgress: options.onProgress }));
    const check = await verifyAuditChain(targetDb.kysely);
    if (!check.ok || check.entries !== chain.entries) {
      throw new KansliError('INTERNAL', `Granskningsloggen i kopian håller inte (${check.ok ? 'fel antal poster' : check.reason}).`);
    }
    moved = true;
    const rows = copied.tables.reduce((sum, t) => sum + t.rows, 0);
    return {
      from: shown(from),
      to: shown(to),
      tables: copied.tables.length,
      rows,
      documents: copied.tables.find((t) => t.table === 'documents')?.rows ?? 0,
      documentsMovedIn: copied.documentsMovedIn,
      auditEntries: chain.entries,
    };
  } finally {
    await source.close();
    if (target !== null) {
      await target.db.close();
      if (!moved) target.discard();
    }
  }
}
