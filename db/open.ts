import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { KansliError } from '../shared/contract/errors';
import { ImmediateSqliteDialect } from './dialect';
import { describeWriteProblem, networkShareWarning, placeNewFile, writeProblem } from './filesystem';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { KansliTables } from './schema';
import { seedDemo, seedDemoRegisters, seedEmpty } from './seed/demo';
import { BUSY_TIMEOUT_MS, errorCode, storageError } from './storage-errors';

/** Written to the SQLite header (offset 68) of every Kansli database: "KSLI". */
export const KANSLI_APPLICATION_ID = 0x4b534c49;

/** Where SQLite cannot make its WAL index beside the file (a read-only folder), a file up to this size is inspected from a copy in memory. */
const INSPECT_IN_MEMORY_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Up to this size every open runs SQLite's quick_check over the whole file (about 0.1 s
 * for 64 MiB). A larger file gets the checks that do not read all of it (header, schema,
 * migrations), so a database of twenty years opens at once; its full check runs in every
 * backup (integrity_check of the copy, also the automatic one at start) and in
 * `backup.verify`.
 */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export interface OpenOptions {
  /**
   * When the file does not exist: create it with the demo förbund (as the tests know it),
   * only the demo's registers (the start of electron/services/demo's demo), empty, or refuse.
   */
  create?: CreateKind | false;
  /** Path of a better-sqlite3 addon built for another ABI (the Electron app passes its own). */
  nativeBinding?: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** How a commit reaches the disk; FULL unless a benchmark compares. */
  synchronous?: 'FULL' | 'NORMAL';
}

/** What every open database has, on either engine. */
interface KansliDbBase {
  /** Where the data is, as a person reads it: the file's absolute path, or the server database without its password. */
  readonly path: string;
  readonly kysely: Kysely<KansliTables>;
  readonly schemaVersion: number;
  /** Backup written before migrating an older database, if one was needed. */
  readonly migrationBackup: string | null;
  /** Why the database is open read-only (a read-only disk or folder), or null when Kansli can write it. */
  readonly readOnly: string | null;
  /** A warning when the file lies on a network share, where WAL is not safe; else null. */
  readonly networkShare: string | null;
}

/** A SQLite file: one person's database (the default). */
export interface SqliteKansliDb extends KansliDbBase {
  readonly engine: 'sqlite';
  readonly sqlite: Database.Database;
  close(): void;
}

/** A database on a PostgreSQL server: a kansli's shared data (db/postgres). */
export interface PostgresKansliDb extends KansliDbBase {
  readonly engine: 'postgres';
  /** The server login this connection is made with: who the person is (their role is in kansli_users). */
  readonly login: string;
  /** The login owns the database: it is administratör until kansli_users says otherwise. */
  readonly ownsDatabase: boolean;
  /**
   * Runs `work` inside one read-only transaction whose snapshot is exported (for pg_dump
   * --snapshot): what `query` reads and what the dump holds are the same moment.
   */
  withSnapshot<T>(work: (snapshot: string, query: <R>(text: string) => Promise<R[]>) => Promise<T>): Promise<T>;
  /** The connection as libpq's environment variables, for PostgreSQL's own programs. */
  toolEnvironment(): NodeJS.ProcessEnv;
  /** Ends the connections; resolves when they are closed. */
  close(): Promise<void>;
}

export type KansliDb = SqliteKansliDb | PostgresKansliDb;

/**
 * The SQLite file behind a database, for what only a file has (its backups beside it,
 * the anchors kept beside the user's data); a server database is refused with `what`
 * named.
 */
export function fileDatabase(db: KansliDb, what: string): SqliteKansliDb {
  if (db.engine === 'sqlite') return db;
  throw notOnServer(what);
}

export function notOnServer(what: string): KansliError {
  return new KansliError('NOT_ON_SERVER', `${what} finns ännu inte för en databas på en server. Använd serverns egna verktyg (pg_dump) så länge.`);
}

interface Inspection {
  appliedVersions: { version: number; name: string }[];
  /** Removes what the inspection made beside the file (WAL's -wal and -shm), when the file is refused. */
  undo(): void;
}

function label(file: string): string {
  return path.basename(file);
}

function notKansli(file: string, why: string): KansliError {
  return new KansliError('DB_NOT_KANSLI', `Filen ”${label(file)}” är ingen Kansli-databas (${why}). Kansli har inte ändrat filen.`);
}

/** What the first 100 bytes of a file say: a SQLite database at all, and Kansli's (application id). */
export function sqliteHeaderKind(file: string): 'not-sqlite' | 'other-program' | 'kansli' {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return 'not-sqlite';
  return header.readUInt32BE(68) === KANSLI_APPLICATION_ID ? 'kansli' : 'other-program';
}

/** SQLite's read-only open of a WAL database makes -wal and -shm beside it: those this call made are removed if the file is refused. */
function sidecarUndo(file: string): () => void {
  const made = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  return () => {
    for (const f of made) if (fs.existsSync(f) && (f.endsWith('-shm') || fs.statSync(f).size === 0)) fs.rmSync(f, { force: true });
  };
}

/**
 * Looks at an existing file without changing it: header and application id first, then,
 * through a read-only connection (never a copy of the whole file), the schema, the applied
 * migrations and, for a file up to FULL_CHECK_MAX_BYTES, SQLite's quick_check.
 */
function inspect(file: string, nativeBinding: string | undefined): Inspection {
  const size = fs.statSync(file).size;
  const kind = sqliteHeaderKind(file);
  if (kind === 'not-sqlite') throw notKansli(file, 'den är inte en SQLite-databas');
  if (kind === 'other-program') throw notKansli(file, 'den är en SQLite-databas från ett annat program');

  const undo = sidecarUndo(file);
  let probe: Database.Database | undefined;
  try {
    probe = openProbe(file, size, nativeBinding);
    if (size <= FULL_CHECK_MAX_BYTES) {
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new KansliError('DB_CORRUPT', `Databasen ”${label(file)}” är skadad (${String(check)}). Kansli har inte ändrat filen.`);
      }
    } else {
      // Reads and parses the whole schema, and the pages of the tables Kansli opens with.
      probe.prepare('SELECT count(*) FROM sqlite_master').get();
      probe.prepare('SELECT count(*) FROM kansli_meta').get();
    }
    const hasTable = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    const appliedVersions = hasTable
      ? (probe.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[])
      : [];
    probe.close();
    return { appliedVersions, undo };
  } catch (err) {
    probe?.close();
    undo();
    if (err instanceof KansliError) throw err;
    const code = errorCode(err);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (code === 'SQLITE_ERROR' && /no such table: kansli_meta/.test(String(err)))) {
      throw new KansliError('DB_CORRUPT', `Databasen ”${label(file)}” är skadad och kan inte öppnas. Kansli har inte ändrat filen.`);
    }
    throw storageError(err) ?? err;
  }
}

/** A read-only connection to the file; from a copy in memory where SQLite cannot make its WAL index beside the file. */
function openProbe(file: string, size: number, nativeBinding: string | undefined): Database.Database {
  try {
    const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    probe.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    return probe;
  } catch (err) {
    const code = errorCode(err);
    const noIndex = code === 'SQLITE_CANTOPEN' || code?.startsWith('SQLITE_READONLY');
    const walFile = `${file}-wal`;
    const pendingWal = fs.existsSync(walFile) && fs.statSync(walFile).size > 0;
    if (!noIndex || pendingWal || size > INSPECT_IN_MEMORY_MAX_BYTES) throw err;
    const image = fs.readFileSync(file);
    // An in-memory image cannot be in WAL mode: mark the copy as rollback-journal.
    image[18] = 1;
    image[19] = 1;
    return new Database(image, { nativeBinding });
  }
}

/** Refuses a database from a newer Kansli, or one whose applied steps are not this version's (`name` is what the messages call it). */
export function checkVersions(name: string, applied: readonly { version: number; name: string }[]): void {
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > LATEST_SCHEMA_VERSION) {
    throw new KansliError(
      'DB_TOO_NEW',
      `Databasen ”${name}” är skapad av en nyare version av Kansli (schemaversion ${newest}; den här versionen känner till ${LATEST_SCHEMA_VERSION}). Uppdatera Kansli för att öppna den. Filen har inte ändrats.`,
    );
  }
  applied.forEach((row, i) => {
    const known = MIGRATIONS[i];
    if (!known || row.version !== known.version || row.name !== known.name) {
      throw new KansliError(
        'DB_MISMATCH',
        `Databasen ”${name}” har ett schema som inte stämmer med den här versionen av Kansli (steg ${row.version} ”${row.name}”). Filen har inte ändrats.`,
      );
    }
  });
}

/**
 * WAL lets the app, the host and the CLI read while one of them writes. synchronous=FULL
 * syncs the WAL at every commit, so a write the user was told about (a diarienummer
 * shown) survives a power cut and is never handed out again; `npm run bench` measures
 * what it costs against NORMAL, which may lose the last commits on power loss.
 */
function configure(sqlite: Database.Database, synchronous: 'FULL' | 'NORMAL'): void {
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`synchronous = ${synchronous}`);
}

function migrate(sqlite: Database.Database, fromVersion: number, now: () => Date): void {
  for (const m of MIGRATIONS.slice(fromVersion)) {
    sqlite.transaction(() => {
      sqlite.exec(m.sql);
      sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
      sqlite.pragma(`user_version = ${m.version}`);
    })();
  }
}

const BOOTSTRAP_SQL = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT;
`;

/** What a new database starts with: the demo förbund, only its registers, an empty förbund, or nothing at all (the target of a move between engines). */
export type CreateKind = 'demo' | 'demo-registers' | 'empty' | 'blank';
const SEEDS: Record<CreateKind, (sqlite: Database.Database, now: Date) => void> = {
  demo: seedDemo,
  'demo-registers': seedDemoRegisters,
  empty: seedEmpty,
  blank: () => undefined,
};

/**
 * Creates a new database next to `file` and puts it in place when it is complete, so a
 * failure never leaves a half-made database behind (and one another start made
 * meanwhile is kept, not replaced).
 */
function createNew(file: string, kind: CreateKind, nativeBinding: string | undefined, now: () => Date): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.creating-${process.pid}`;
  fs.rmSync(temp, { force: true });
  const sqlite = new Database(temp, { nativeBinding });
  try {
    sqlite.pragma(`application_id = ${KANSLI_APPLICATION_ID}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec(BOOTSTRAP_SQL);
    migrate(sqlite, 0, now);
    sqlite.transaction(() => SEEDS[kind](sqlite, now()))();
    sqlite.close();
    placeNewFile(temp, file);
    fs.rmSync(temp, { force: true });
  } catch (err) {
    if (sqlite.open) sqlite.close();
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** A database file is there when it exists and is not empty (an empty file is made anew). */
export function databaseExists(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).size > 0;
}

export function openKansliDb(file: string, options: OpenOptions = {}): SqliteKansliDb {
  const { create = false, nativeBinding, now = () => new Date(), synchronous = 'FULL' } = options;
  const absolute = path.resolve(file);
  const exists = databaseExists(absolute);

  if (!exists) {
    if (!create) throw new KansliError('DB_NOT_FOUND', `Databasfilen ”${absolute}” finns inte.`);
    const problem = writeProblem(absolute);
    if (problem !== null) throw new KansliError('READ_ONLY', `Databasen ”${absolute}” kan inte skapas: ${problem}`);
    try {
      createNew(absolute, create, nativeBinding, now);
    } catch (err) {
      throw storageError(err) ?? err;
    }
  }

  const { appliedVersions, undo } = inspect(absolute, nativeBinding);
  try {
    checkVersions(label(absolute), appliedVersions);
  } catch (err) {
    undo();
    throw err;
  }
  const fromVersion = appliedVersions.length;
  const networkShare = networkShareWarning(absolute);

  const readOnly = writeProblem(absolute);
  if (readOnly !== null) return openReadOnly(absolute, readOnly, fromVersion, nativeBinding, networkShare);

  let migrationBackup: string | null = null;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(absolute, { fileMustExist: true, nativeBinding });
  } catch (err) {
    throw storageError(err) ?? err;
  }
  try {
    configure(sqlite, synchronous);
    if (fromVersion < LATEST_SCHEMA_VERSION) {
      if (fromVersion > 0) {
        migrationBackup = `${absolute}.backup-v${fromVersion}`;
        fs.rmSync(migrationBackup, { force: true });
        sqlite.prepare('VACUUM INTO ?').run(migrationBackup);
      }
      sqlite.exec(BOOTSTRAP_SQL);
      migrate(sqlite, fromVersion, now);
    }
  } catch (err) {
    sqlite.close();
    const code = errorCode(err);
    // A disk that refuses writes only when asked (a read-only mount access() did not
    // reveal, a locked-down file): open it read-only rather than not at all.
    if (fromVersion === LATEST_SCHEMA_VERSION && (code?.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES')) {
      return openReadOnly(absolute, describeWriteProblem(code === 'EROFS' ? 'EROFS' : undefined, 'filen', absolute), fromVersion, nativeBinding, networkShare);
    }
    throw storageError(err) ?? err;
  }
  return wrap(absolute, sqlite, { migrationBackup, readOnly: null, networkShare });
}

function wrap(absolute: string, sqlite: Database.Database, facts: Pick<KansliDb, 'migrationBackup' | 'readOnly' | 'networkShare'>): SqliteKansliDb {
  const kysely = new Kysely<KansliTables>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return {
    engine: 'sqlite',
    path: absolute,
    sqlite,
    kysely,
    schemaVersion: LATEST_SCHEMA_VERSION,
    ...facts,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * A database Kansli may not write: read through SQLite's read-only mode, or, where
 * WAL cannot make its index beside the file (a read-only folder), from a copy in
 * memory. Every write is refused with the reason (api.ts), and the window shows it.
 */
function openReadOnly(absolute: string, reason: string, fromVersion: number, nativeBinding: string | undefined, networkShare: string | null): SqliteKansliDb {
  if (fromVersion < LATEST_SCHEMA_VERSION) {
    throw new KansliError(
      'READ_ONLY',
      `Databasen ”${label(absolute)}” är från en äldre version av Kansli och måste uppgraderas, men den kan inte skrivas: ${reason} Kopiera den till en mapp där du kan skriva och öppna kopian.`,
    );
  }
  let sqlite: Database.Database | undefined;
  try {
    // readonly refuses writes; query_only would also refuse VACUUM INTO, and a read-only database must still be backed up.
    sqlite = new Database(absolute, { readonly: true, fileMustExist: true, nativeBinding });
    sqlite.prepare('SELECT count(*) FROM schema_migrations').get();
  } catch {
    sqlite?.close();
    const wal = `${absolute}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      throw new KansliError(
        'READ_ONLY',
        `Databasen ”${label(absolute)}” kan inte skrivas (${reason}) och har ändringar som ännu inte förts in i filen (${label(wal)}). Kopiera båda filerna till en mapp där du kan skriva och öppna kopian.`,
      );
    }
    const size = fs.statSync(absolute).size;
    if (size > INSPECT_IN_MEMORY_MAX_BYTES) {
      throw new KansliError(
        'READ_ONLY',
        `Databasen ”${label(absolute)}” kan inte skrivas (${reason}) och är för stor för att läsas in i minnet. Kopiera den till en mapp där du kan skriva och öppna kopian.`,
      );
    }
    const image = fs.readFileSync(absolute);
    image[18] = 1;
    image[19] = 1;
    sqlite = new Database(image, { readonly: true, nativeBinding });
  }
  sqlite.pragma('foreign_keys = ON');
  return wrap(absolute, sqlite, { migrationBackup: null, readOnly: reason, networkShare });
}
