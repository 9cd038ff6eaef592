import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KansliError } from '../../shared/contract/errors';
import { extractEntry } from '../archive';
import { readManifest, tempName, writeBackupArchive, type BackupManifest, type BackupProgress, type BackupReason, type WrittenBackup } from '../backup';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import type { PostgresKansliDb } from '../open';
import { describeServer } from './address';
import { libpqEnvironment, runTool } from './tools';

/**
 * Backups of a server database (issue 18): PostgreSQL's own pg_dump (custom format) in the
 * same .kansli-backup file as a file's backup, with the same manifest: the förbund, the
 * schema version, the database's identity and the audit log's head, read in the very
 * snapshot the dump is taken from. A restore goes into an empty database only, with
 * pg_restore in one transaction, and is then checked against the manifest: identity,
 * schema, and the audit log's head (its chain is verified by the caller).
 */

export const DUMP_ENTRY = 'kansli.pgdump';

function notABackup(file: string, why: string): KansliError {
  return new KansliError('VALIDATION', `”${path.basename(file)}” är ingen giltig säkerhetskopia av en serverdatabas: ${why} Inget har ändrats.`);
}

export async function writeServerBackup(
  db: PostgresKansliDb,
  destination: string,
  info: { reason: BackupReason; appVersion: string; now: Date; onProgress?: (p: BackupProgress) => void },
): Promise<WrittenBackup> {
  const dump = tempName(destination, 'databas');
  return writeBackupArchive(
    destination,
    info.now,
    async (writer) => {
      info.onProgress?.({ step: 'Kopierar databasen med pg_dump', done: 0, total: 1 });
      const facts = await db.withSnapshot(async (snapshot, query) => {
        const last = (await query<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'))[0];
        const entries = Number((await query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]?.n ?? 0);
        const id = (await query<{ value: string }>("SELECT value FROM kansli_meta WHERE key = 'database_id'"))[0]?.value ?? '';
        const forbund = (await query<{ name: string }>('SELECT name FROM forbund LIMIT 1'))[0]?.name ?? '';
        const schemaVersion = Number((await query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations'))[0]?.v ?? 0);
        await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, '--file', dump], db.toolEnvironment());
        return { audit: { entries, lastId: last?.id ?? null, headHash: last?.hash ?? null }, id, forbund, schemaVersion };
      });
      const total = fs.statSync(dump).size;
      const files = [await writer.addFile(DUMP_ENTRY, dump, (n) => info.onProgress?.({ step: 'Skriver säkerhetskopian', done: n, total }))];
      return {
        format: 'kansli-säkerhetskopia',
        formatVersion: 1,
        createdAt: info.now.toISOString(),
        reason: info.reason,
        appVersion: info.appVersion,
        source: { path: db.path, databaseId: facts.id },
        forbund: facts.forbund,
        schemaVersion: facts.schemaVersion,
        audit: facts.audit,
        files,
        warnings: [],
        engine: 'postgres',
      } satisfies BackupManifest;
    },
    () => fs.rmSync(dump, { force: true }),
  );
}

export interface StagedServerBackup {
  manifest: BackupManifest;
  dumpFile: string;
  /** What pg_restore --list found in the dump: its table data entries. */
  tables: number;
  remove(): void;
}

/**
 * Extracts a server backup into a temp folder and checks it without touching any database:
 * the dump against the manifest's size and SHA-256, nothing the manifest does not list, a
 * schema this version knows, and pg_restore's own reading of the whole table of contents.
 */
export async function stageServerBackup(file: string): Promise<StagedServerBackup> {
  const { manifest, entries } = await readManifest(file);
  if (manifest.engine !== 'postgres') throw notABackup(file, 'den är en kopia av en databasfil; återställ den som en fil.');
  const listed = manifest.files.find((f) => f.path === DUMP_ENTRY);
  const entry = entries.find((e) => e.name === DUMP_ENTRY);
  if (!listed || !entry || entries.some((e) => e.name !== 'manifest.json' && e.name !== DUMP_ENTRY))
    throw notABackup(file, 'innehållet stämmer inte med innehållsförteckningen.');
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new KansliError(
      'DB_TOO_NEW',
      `Säkerhetskopian är gjord av en nyare version av Kansli (schemaversion ${manifest.schemaVersion}). Uppdatera Kansli för att återställa den. Inget har ändrats.`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-serverkopia-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const dumpFile = path.join(dir, DUMP_ENTRY);
    if (entry.size !== listed.size) throw notABackup(file, 'databaskopian har fel storlek.');
    if ((await extractEntry(file, entry, dumpFile, () => undefined)) !== listed.sha256) {
      throw notABackup(file, 'databaskopian har ändrats efter att den gjordes (kontrollsumman stämmer inte).');
    }
    let contents: string;
    try {
      contents = await runTool('pg_restore', ['--list', dumpFile], process.env);
    } catch {
      throw notABackup(file, 'pg_restore kan inte läsa databaskopian.');
    }
    const tables = contents.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
    if (!/ TABLE DATA public audit_log /.test(contents) || !/ TABLE DATA public kansli_meta /.test(contents)) {
      throw notABackup(file, 'databaskopian är ingen Kansli-databas.');
    }
    return { manifest, dumpFile, tables, remove };
  } catch (err) {
    remove();
    throw err;
  }
}

/**
 * Restores a server backup into `url`, which must be an empty database (the kansli's live
 * database is never written over): pg_restore in one transaction, so a failure leaves it
 * empty. The caller opens it and checks it against the manifest.
 */
export async function restoreServerBackup(staged: StagedServerBackup, url: string, isEmpty: boolean): Promise<void> {
  if (!isEmpty) {
    throw new KansliError(
      'CONFLICT',
      `Databasen ${describeServer(url)} är inte tom. En serverdatabas återställs till en ny, tom databas (skapa den med createdb), aldrig över den som används. Inget har ändrats.`,
    );
  }
  await runTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', libpqEnvironment(url).PGDATABASE ?? '', staged.dumpFile],
    libpqEnvironment(url),
  );
}
