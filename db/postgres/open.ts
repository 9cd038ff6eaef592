import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { KansliError } from '../../shared/contract/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../migrations';
import { checkVersions, openKansliDb, type CreateKind, type PostgresKansliDb } from '../open';
import type { KansliTables } from '../schema';
import { copyInto } from '../transfer';
import { POSTGRES_BASELINE } from './baseline';
import { KansliPostgresDialect, WRITE_LOCK_KEY } from './dialect';
import { describeServer } from './address';
import { isLostConnection, serverError } from './errors';
import { libpqEnvironment } from './tools';

/**
 * A Kansli database on a PostgreSQL server (issue 18): the same services over kysely's
 * PostgreSQL dialect. On connect the database is checked as a file is: that it is
 * Kansli's (kansli_meta says so), and that its applied steps are this version's.
 */

/**
 * A connection lost while in use (the server restarted, the network dropped, an
 * administrator ended it) fails the call it was serving, and is then dropped from the pool
 * instead of handed to the next call; its late 'error' never goes unheard (an unheard one
 * would end the process).
 */
function withLostConnectionsDropped(pool: pg.Pool, where: string): { connect(): Promise<pg.PoolClient>; end(): Promise<void> } {
  const lost = new WeakSet<pg.PoolClient>();
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      lost.add(client as pg.PoolClient);
      console.error(`[kansli] server connection lost (${where}):`, err.message);
    });
  });
  const watched = new WeakSet<pg.PoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      if (!watched.has(client)) {
        watched.add(client);
        // The server's "terminating connection" reaches the query before the socket closes: the client is lost from then on.
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        client.query = ((...args: unknown[]) => {
          const result = query(...args);
          if (result instanceof Promise) result.catch((err: unknown) => void (isLostConnection(err) && lost.add(client)));
          return result;
        }) as typeof client.query;
      }
      const release = client.release.bind(client);
      client.release = (err?: Error | boolean) => release(err ?? (lost.has(client) ? new Error('connection lost') : undefined));
      return client;
    },
    end: () => pool.end(),
  };
}

/** True when the server database has no tables yet (a new database for Kansli to make). */
export async function isEmptyServerDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'Kansli' });
  try {
    await client.connect();
    const found = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()');
    return Number(found.rows[0]?.n ?? 0) === 0;
  } catch (err) {
    throw serverError(err, describeServer(url)) ?? err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What Kansli writes in kansli_meta to know a database as its own; SQLite files have their application id. */
const APPLICATION_KEY = 'application';
const APPLICATION_VALUE = 'Kansli';

export interface ServerOpenOptions {
  /** When the database has no tables: make Kansli's schema (with the demo förbund or empty), or refuse. */
  create?: CreateKind | false;
  now?: () => Date;
  /** Connections kept open; the host serving a kansli wants more than one person's app. */
  poolSize?: number;
  /** A Kansli file whose contents a new database starts with (instead of `create`'s). */
  seedFile?: string;
}

/** SQLite gives integers as numbers; so does Kansli's pool: BIGINT (20) and a sum's NUMERIC (1700) as JavaScript numbers. */
function number(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) throw new Error(`integer ${text} is outside JavaScript's safe range`);
  return n;
}
const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 || oid === 1700 ? number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

interface Found {
  tables: number;
  isKansli: boolean;
  applied: { version: number; name: string }[];
}

async function inspect(db: Kysely<KansliTables>): Promise<Found> {
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(db);
  const names = new Set(tables.rows.map((r) => r.name));
  if (!names.has('kansli_meta') || !names.has('schema_migrations')) return { tables: names.size, isKansli: false, applied: [] };
  const mark = await db.selectFrom('kansli_meta').select('value').where('key', '=', APPLICATION_KEY).executeTakeFirst();
  const applied = await db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
  return { tables: names.size, isKansli: mark?.value === APPLICATION_VALUE, applied };
}

/**
 * Kansli's schema and first contents in an empty database, in one transaction under the
 * write lock: two first starts make it once, and a failure leaves the database empty.
 */
async function createSchema(db: Kysely<KansliTables>, kind: CreateKind, now: () => Date, seedFile: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await inspect(trx);
    if (found.tables > 0) return;
    await sql.raw(POSTGRES_BASELINE.sql).execute(trx);
    await trx.insertInto('kansli_meta').values({ key: APPLICATION_KEY, value: APPLICATION_VALUE }).execute();
    await trx
      .insertInto('schema_migrations')
      .values(MIGRATIONS.slice(0, POSTGRES_BASELINE.version).map((m) => ({ version: m.version, name: m.name, applied_at: now().toISOString() })))
      .execute();
    await migrate(trx, POSTGRES_BASELINE.version, now());
    await seed(trx, kind, now, seedFile);
  });
}

/** The steps after the baseline, each with its PostgreSQL SQL, in the caller's transaction (which holds the write lock). */
async function migrate(trx: Kysely<KansliTables>, fromVersion: number, now: Date): Promise<void> {
  for (const m of MIGRATIONS.slice(fromVersion)) {
    const step = m.postgres;
    if (step === undefined) throw new Error(`migration ${m.version} ${m.name} has no PostgreSQL SQL`);
    await sql.raw(step).execute(trx);
    await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: now.toISOString() }).execute();
  }
}

/**
 * A new server database's contents: copied from `seedFile` when given (the demo förbund a
 * first start builds through the services), else as a new file gets them (db/seed), made
 * in a file and copied over.
 */
async function seed(trx: Kysely<KansliTables>, kind: CreateKind, now: () => Date, seedFile: string | undefined): Promise<void> {
  if (kind === 'blank') return;
  if (seedFile !== undefined) {
    const file = openKansliDb(seedFile, { create: false, now });
    try {
      await copyInto(file, 'postgres', trx);
    } finally {
      file.close();
    }
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-server-seed-'));
  try {
    const file = openKansliDb(path.join(dir, 'kansli.sqlite'), { create: kind, now });
    try {
      await copyInto(file, 'postgres', trx);
    } finally {
      file.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function openPostgresDb(url: string, options: ServerOpenOptions = {}): Promise<PostgresKansliDb> {
  const { create = false, now = () => new Date(), poolSize = 10 } = options;
  const where = describeServer(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: TYPES, connectionTimeoutMillis: 10_000, application_name: 'Kansli' });
  // An idle connection the server closed must not take the process down; the next query reconnects.
  pool.on('error', (err) => console.error(`[kansli] server connection lost (${where}):`, err.message));
  const kysely = new Kysely<KansliTables>({ dialect: new KansliPostgresDialect({ pool: withLostConnectionsDropped(pool, where) }) });
  let closed = false;
  const identity = { login: '', ownsDatabase: false };
  const db: PostgresKansliDb = {
    engine: 'postgres',
    get login() {
      return identity.login;
    },
    get ownsDatabase() {
      return identity.ownsDatabase;
    },
    path: where,
    kysely,
    schemaVersion: LATEST_SCHEMA_VERSION,
    migrationBackup: null,
    readOnly: null,
    networkShare: null,
    withSnapshot: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id ?? '';
        const result = await work(snapshot, async <R>(text: string) => (await client.query(text)).rows as R[]);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    toolEnvironment: () => libpqEnvironment(url),
    close: async () => {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
  };
  try {
    let found = await inspect(kysely);
    if (found.tables === 0) {
      if (!create) throw new KansliError('DB_NOT_FOUND', `Databasen ${where} är tom: där finns ingen Kansli-databas.`);
      await createSchema(kysely, create, now, options.seedFile);
      found = await inspect(kysely);
    }
    if (!found.isKansli) {
      throw new KansliError('DB_NOT_KANSLI', `Databasen ${where} är ingen Kansli-databas (den har andra tabeller). Kansli har inte ändrat den.`);
    }
    checkVersions(where, found.applied);
    const me = await sql<{ login: string; owns: boolean }>`
      SELECT session_user AS login,
        (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) = session_user
          OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS owns`.execute(kysely);
    identity.login = me.rows[0]?.login ?? '';
    identity.ownsDatabase = me.rows[0]?.owns === true;
    if (found.applied.length < LATEST_SCHEMA_VERSION) {
      await kysely.transaction().execute(async (trx) => {
        // Another start may have migrated meanwhile: read again under the lock.
        const applied = (await inspect(trx)).applied.length;
        await migrate(trx, applied, now());
      });
    }
    return db;
  } catch (err) {
    await db.close();
    throw serverError(err, where) ?? err;
  }
}

export { WRITE_LOCK_KEY };
