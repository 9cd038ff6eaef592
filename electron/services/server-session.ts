import { notOnServer, type PostgresKansliDb } from '../../db/open';
import { openPostgresDb } from '../../db/postgres/open';
import { createApi } from './api';
import type { ServiceContext } from './context';
import { defaultDataDir, serviceContext, type Session, type SessionOptions } from './session';

/**
 * Opens a database on a PostgreSQL server (issue 18) with the same API over it. What only
 * a file has so far (backups and their restore in the app, the anchors of the audit log
 * beside the user's data) is refused with a message that says so.
 */
export async function openServerSession(url: string, options: SessionOptions & { seedFile?: string; poolSize?: number }): Promise<Session<PostgresKansliDb>> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const now = options.now ?? (() => new Date());
  const db = await openPostgresDb(url, { create: options.create, now, seedFile: options.seedFile, poolSize: options.poolSize });
  const context = (): ServiceContext => serviceContext(db, options, dataDir, now);
  const api = createApi(context());
  return {
    db,
    api,
    dataDir,
    context,
    restore: () => Promise.reject(notOnServer('Återställning från säkerhetskopia')),
    close: () => db.close(),
  };
}
