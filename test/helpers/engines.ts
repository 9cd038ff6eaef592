import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import { afterEach, inject } from 'vitest';
import type { KansliDb } from '../../db/open';
import { openServerSession } from '../../electron/services/server-session';
import { openSession, type Session, type SessionOptions } from '../../electron/services/session';
import { tempDir } from './temp';

/**
 * The engines an integration test runs on: SQLite always, PostgreSQL when the run has a
 * cluster (test/global-setup.ts: in CI and wherever PostgreSQL is installed). One suite,
 * parametrised: `describe.each(ENGINES)('…', (engine) => …)`.
 */
export type Engine = 'sqlite' | 'postgres';
const baseUrl = inject('postgresBaseUrl');
export const ENGINES: Engine[] = baseUrl === '' ? ['sqlite'] : ['sqlite', 'postgres'];

export type AnySession = Session<KansliDb>;

const opened: AnySession[] = [];
const databases: string[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  if (databases.length === 0) return;
  const admin = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await admin.connect();
  try {
    for (const name of databases.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});

/** A new, empty database on this run's PostgreSQL cluster; dropped after the test. Returns its address. */
export async function newServerDatabase(): Promise<string> {
  if (baseUrl === '') throw new Error('this run has no PostgreSQL cluster');
  const name = `kansli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  databases.push(name);
  return `${baseUrl}/${name}`;
}

type Options = Partial<Omit<SessionOptions, 'create'>> & { create?: 'demo' | 'empty' };

/** A database on `engine` as the app opens it (the demo förbund unless `create` says empty), closed after the test. */
export async function engineSession(engine: Engine, options: Options = {}): Promise<AnySession & { file: string | null }> {
  const dir = tempDir();
  const full: SessionOptions = { create: 'demo', actor: 'testare', appVersion: '0.0.0-test', dataDir: path.join(dir, 'användardata'), ...options };
  const file = engine === 'sqlite' ? path.join(dir, 'kansli.sqlite') : null;
  const session: AnySession = file !== null ? openSession(file, full) : await openServerSession(await newServerDatabase(), full);
  opened.push(session);
  return Object.assign(session, { file });
}

/** Rows of a query written once for both engines (kysely's `sql` tag makes the placeholders each wants). */
export async function rows<T>(s: AnySession, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(s.db.kysely)).rows;
}

/** The first row of such a query, or undefined. */
export async function first<T>(s: AnySession, query: RawBuilder<T>): Promise<T | undefined> {
  return (await rows(s, query))[0];
}

/** How many rows a table has. */
export async function countRows(s: AnySession, table: string): Promise<number> {
  const row = await first(s, sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`);
  return Number(row?.n ?? 0);
}

/** Someone edits the data outside Kansli: one of a table's rules (a trigger of the same name on both engines) is taken away. */
export async function dropRule(s: AnySession, table: string, trigger: string): Promise<void> {
  if (s.db.engine === 'sqlite') await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(s.db.kysely);
  else await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER ${sql.id(trigger)}`.execute(s.db.kysely);
}
