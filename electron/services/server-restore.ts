import path from 'node:path';
import { describeServer } from '../../db/postgres/address';
import { restoreServerBackup, stageServerBackup } from '../../db/postgres/backup';
import { isEmptyServerDatabase, openPostgresDb } from '../../db/postgres/open';
import { KansliError } from '../../shared/contract/errors';
import { verifyAuditChain } from './audit';

export interface ServerRestoreResult {
  restoredFrom: string;
  createdAt: string;
  forbund: string;
  /** The database it was restored into (without its password). */
  into: string;
  auditEntries: number;
}

/**
 * Restores a server backup (pg_dump in a .kansli-backup) into an empty database and checks
 * the result as a file's restore is checked: the database's identity, its schema, the
 * audit log's head against the manifest and its chain from the first entry to the last.
 */
export async function restoreIntoServer(file: string, url: string): Promise<ServerRestoreResult> {
  const staged = await stageServerBackup(path.resolve(file));
  try {
    await restoreServerBackup(staged, url, await isEmptyServerDatabase(url));
    const db = await openPostgresDb(url, { create: false });
    try {
      const { manifest } = staged;
      const id = await db.kysely.selectFrom('kansli_meta').select('value').where('key', '=', 'database_id').executeTakeFirst();
      const last = await db.kysely.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      const chain = await verifyAuditChain(db.kysely);
      const problem =
        id?.value !== manifest.source.databaseId
          ? 'databasens identitet stämmer inte med innehållsförteckningen'
          : (last?.id ?? null) !== manifest.audit.lastId || (last?.hash ?? null) !== manifest.audit.headHash || chain.entries !== manifest.audit.entries
            ? 'granskningsloggen slutar inte där innehållsförteckningen säger'
            : !chain.ok
              ? `granskningsloggen bryts vid post ${chain.brokenAtId} (${chain.reason.toLowerCase()})`
              : null;
      if (problem !== null) {
        throw new KansliError(
          'VALIDATION',
          `Återställningen till ${describeServer(url)} stämmer inte: ${problem}. Använd inte den databasen; ta bort den och försök med en annan säkerhetskopia.`,
        );
      }
      return {
        restoredFrom: path.resolve(file),
        createdAt: manifest.createdAt,
        forbund: manifest.forbund,
        into: describeServer(url),
        auditEntries: chain.entries,
      };
    } finally {
      await db.close();
    }
  } finally {
    staged.remove();
  }
}
