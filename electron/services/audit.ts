import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KansliTables } from '../../db/schema';
import type { AuditEntry } from './context';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
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
  const canonical = JSON.stringify([
    row.prev_hash,
    row.at,
    row.actor,
    row.method,
    row.entity,
    row.entity_id,
    row.action,
    row.before_json,
    row.after_json,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Appends one entry; call inside the transaction of the write it records. */
export async function appendAudit(
  db: Kysely<KansliTables>,
  meta: { at: string; actor: string; method: string },
  entry: AuditEntry,
): Promise<void> {
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
  await db.insertInto('audit_log').values({ ...row, action: entry.action, hash: auditHash(row) }).execute();
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
