import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { KansliError } from '../shared/contract/errors';
import { formatBytes } from '../shared/format/sv';
import { ArchiveError, ArchiveWriter, extractEntry, listArchive, readEntry, type ArchiveEntry } from './archive';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { fileDatabase, sqliteHeaderKind, type KansliDb } from './open';
import { errorCode, storageError } from './storage-errors';

/**
 * Backups: one file (`.kansli-backup`, a tar archive) holding a consistent copy of the
 * database taken while the app runs (VACUUM INTO: one read transaction, so nothing
 * still in the WAL is missed and writers in other processes go on), the files of the
 * `<database>.dokument/` folder it refers to, and a manifest with every file's SHA-256,
 * the schema version and the audit log's head. Restoring verifies all of it before it
 * replaces anything, and keeps the database it replaces.
 */

export const BACKUP_EXTENSION = '.kansli-backup';
export const BACKUP_REASONS = ['manuell', 'start', 'stängning', 'daglig', 'före återställning'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const fileSchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * For a document: where the database expects it, relative to the database's folder
   * (one file may be expected in more than one place: files are named by content).
   */
  storedPaths: z.array(z.string()).optional(),
});

export const manifestSchema = z.object({
  format: z.literal('kansli-säkerhetskopia'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  appVersion: z.string(),
  source: z.object({ path: z.string(), databaseId: z.string() }),
  forbund: z.string(),
  schemaVersion: z.number().int().positive(),
  audit: z.object({ entries: z.number().int().nonnegative(), lastId: z.number().int().nullable(), headHash: z.string().nullable() }),
  files: z.array(fileSchema),
  /** Documents the database refers to that were missing or changed beside it when the copy was made. */
  warnings: z.array(z.string()),
  /** What the copy is of: a file (kansli.sqlite and its documents) or a server database (kansli.pgdump, pg_dump's custom format). */
  engine: z.enum(['sqlite', 'postgres']).default('sqlite'),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupProgress {
  step: string;
  done: number;
  total: number;
}

export interface WrittenBackup {
  file: string;
  sizeBytes: number;
  manifest: BackupManifest;
}

/** The database's own identity (kansli_meta), the same in every copy of it. */
export function databaseId(sqlite: Database.Database): string {
  const row = sqlite.prepare("SELECT value FROM kansli_meta WHERE key = 'database_id'").get() as { value: string } | undefined;
  return row?.value ?? 'okänd';
}

export interface AuditHead {
  entries: number;
  lastId: number | null;
  headHash: string | null;
}

export function auditHead(sqlite: Database.Database): AuditHead {
  const last = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const { n } = sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
  return { entries: n, lastId: last?.id ?? null, headHash: last?.hash ?? null };
}

/** "<database file>.dokument/<sha256>[.ext]": one folder beside the database, no drive, no way up. */
const STORED_PATH = /^[^/\\:]+\.dokument\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/;

/** A temp file beside `beside` that removeLeftovers clears once its process is gone. */
export function tempName(beside: string, what: 'skrivs' | 'databas'): string {
  return `${beside}.${what}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

function refuse(message: string): KansliError {
  return new KansliError('RULE', message);
}

/**
 * Writes a backup archive to `destination` (a new file; an existing one is never
 * overwritten): written beside it under a temporary name and renamed into place when
 * complete and synced, so a crash or a full disk never leaves half a backup under the real
 * name. `fill` adds the copy's files and returns the manifest; `cleanup` removes what it
 * made on the way (a snapshot, a dump), whatever happens. Used for a file (writeBackup)
 * and for a server database (db/postgres/backup.ts).
 */
export async function writeBackupArchive(
  destination: string,
  now: Date,
  fill: (writer: ArchiveWriter) => Promise<BackupManifest>,
  cleanup: () => void,
): Promise<WrittenBackup> {
  if (fs.existsSync(destination)) throw refuse(`Det finns redan en fil ”${destination}”. Kansli skriver aldrig över en befintlig fil.`);
  const folder = path.dirname(destination);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw refuse(`Mappen ”${folder}” finns inte.`);
  const partial = tempName(destination, 'skrivs');
  let writer: ArchiveWriter | null = null;
  try {
    writer = await ArchiveWriter.create(partial);
    const manifest = await fill(writer);
    await writer.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), now);
    const sizeBytes = await writer.finish();
    writer = null;
    fs.renameSync(partial, destination);
    syncFolder(folder);
    return { file: destination, sizeBytes, manifest };
  } catch (err) {
    await writer?.abort();
    fs.rmSync(partial, { force: true });
    if (err instanceof KansliError) throw err;
    throw folderError(err, folder, 'skriva säkerhetskopian i') ?? err;
  } finally {
    cleanup();
  }
}

/**
 * Writes a backup of the database file `db` to `destination`: a consistent copy taken while
 * the app runs, the documents beside it, and the manifest.
 */
export async function writeBackup(
  db: KansliDb,
  destination: string,
  info: { reason: BackupReason; appVersion: string; now: Date; onProgress?: (p: BackupProgress) => void },
): Promise<WrittenBackup> {
  const snapshot = tempName(destination, 'databas');
  return writeBackupArchive(
    destination,
    info.now,
    async (writer) => {
      info.onProgress?.({ step: 'Kopierar databasen', done: 0, total: 1 });
      // Kysely's connection lock: no transaction of this connection is open while the copy is made.
      const file = fileDatabase(db, 'Säkerhetskopior i Kansli');
      await file.kysely.connection().execute(async () => {
        file.sqlite.prepare('VACUUM INTO ?').run(snapshot);
      });
      const copy = new Database(snapshot, { readonly: true });
      let head: AuditHead;
      let id: string;
      let forbund: string;
      let schemaVersion: number;
      let documents: { stored_path: string; sha256: string; size: number; title: string }[];
      try {
        head = auditHead(copy);
        id = databaseId(copy);
        forbund = (copy.prepare('SELECT name FROM forbund LIMIT 1').get() as { name: string } | undefined)?.name ?? '';
        schemaVersion = (copy.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
        documents = copy
          .prepare(
            "SELECT stored_path, sha256, size, title FROM documents WHERE storage = 'file' AND stored_path IS NOT NULL GROUP BY stored_path ORDER BY stored_path",
          )
          .all() as typeof documents;
      } finally {
        copy.close();
      }

      const warnings: string[] = [];
      const present = documents.filter((d) => {
        const ok = STORED_PATH.test(d.stored_path) && fs.existsSync(path.resolve(path.dirname(db.path), d.stored_path));
        if (!ok) warnings.push(`Filen till handlingen ”${d.title}” (${d.stored_path}) saknas bredvid databasen och finns inte med i kopian.`);
        return ok;
      });
      const total = fs.statSync(snapshot).size + present.reduce((sum, d) => sum + d.size, 0);
      let done = 0;
      const step = (label: string) => (n: number) => {
        done += n;
        info.onProgress?.({ step: label, done, total });
      };

      // A file is named by its content: the same name in two folders (the database renamed
      // between two additions) is one file in the archive, expected in both places.
      const byName = new Map<string, (typeof present)[number][]>();
      for (const d of present) byName.set(path.posix.basename(d.stored_path), [...(byName.get(path.posix.basename(d.stored_path)) ?? []), d]);

      const files: BackupManifest['files'] = [];
      files.push(await writer.addFile('kansli.sqlite', snapshot, step('Skriver databasen')));
      for (const [name, same] of byName) {
        const d = same[0]!;
        const entry = await writer.addFile(`dokument/${name}`, path.resolve(path.dirname(db.path), d.stored_path), step('Skriver handlingarna'));
        if (entry.sha256 !== d.sha256) {
          warnings.push(`Filen till handlingen ”${d.title}” (${d.stored_path}) har ändrats utanför Kansli: kontrollsumman stämmer inte med diariets.`);
        }
        files.push({ ...entry, storedPaths: same.map((x) => x.stored_path) });
      }
      return {
        format: 'kansli-säkerhetskopia',
        formatVersion: 1,
        createdAt: info.now.toISOString(),
        reason: info.reason,
        appVersion: info.appVersion,
        source: { path: db.path, databaseId: id },
        forbund,
        schemaVersion,
        audit: head,
        files,
        warnings,
        engine: 'sqlite',
      };
    },
    () => fs.rmSync(snapshot, { force: true }),
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

/**
 * Removes what a backup or a restore left behind when its process died mid-way (kill -9,
 * a power cut): temp files named with the dead process's id. Another live process's
 * work in progress is left alone.
 */
export function removeLeftovers(folder: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    // A database being written may have its -wal and -shm beside it.
    const m = /\.(?:databas|skrivs)-(\d+)-[0-9a-f]{8}(?:-wal|-shm|-journal)?$/.exec(name) ?? /^\.kansli-återställning-(\d+)-/.exec(name);
    if (!m?.[1] || processAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** fsync of a folder, so a rename in it survives a power cut (not possible on Windows; harmless to skip there). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A disk error while a backup is written or unpacked, said of that folder (a USB stick's
 * full or write-protected disk is not the database's).
 */
function folderError(err: unknown, folder: string, doing: string): KansliError | null {
  const code = errorCode(err);
  if (code === undefined) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new KansliError('DISK_FULL', `Disken är full: Kansli kunde inte ${doing} ${folder}. Inget har ändrats; frigör utrymme eller välj en annan mapp.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY')) {
    return new KansliError('READ_ONLY', `Kansli får inte ${doing} ${folder} (mappen eller disken är skrivskyddad). Inget har ändrats; välj en annan mapp.`);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new KansliError('DISK_ERROR', `Disken svarade med ett fel (${code}) när Kansli skulle ${doing} ${folder}. Inget har ändrats.`);
  }
  return storageError(err);
}

function notABackup(file: string, why: string): KansliError {
  return new KansliError('VALIDATION', `”${path.basename(file)}” är ingen giltig Kansli-säkerhetskopia: ${why} Inget har ändrats.`);
}

/** The manifest of a backup, read from its headers and last entry only (fast, for lists). */
export async function readManifest(file: string): Promise<{ manifest: BackupManifest; entries: ArchiveEntry[]; sizeBytes: number }> {
  let entries: ArchiveEntry[];
  try {
    entries = await listArchive(file);
  } catch (err) {
    if (err instanceof ArchiveError) throw notABackup(file, 'filen är skadad eller har ändrats.');
    const code = errorCode(err);
    if (code === 'ENOENT') throw new KansliError('NOT_FOUND', `Säkerhetskopian ”${file}” finns inte.`);
    if (code === 'EISDIR') throw notABackup(file, 'det är en mapp.');
    if (code === 'EACCES' || code === 'EPERM')
      throw new KansliError('READ_ONLY', `Säkerhetskopian ”${file}” kan inte läsas: Kansli saknar behörighet till filen. Inget har ändrats.`);
    throw storageError(err) ?? err;
  }
  const entry = entries.find((e) => e.name === 'manifest.json');
  if (!entry) throw notABackup(file, 'innehållsförteckningen (manifest.json) saknas.');
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readEntry(file, entry, 64 * 1024 * 1024)).toString('utf8'));
  } catch {
    throw notABackup(file, 'innehållsförteckningen går inte att läsa.');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw notABackup(file, 'innehållsförteckningen har fel form.');
  return { manifest: manifest.data, entries, sizeBytes: fs.statSync(file).size };
}

export interface StagedBackup {
  manifest: BackupManifest;
  /** Folder holding kansli.sqlite and dokument/ as extracted and checked. */
  dir: string;
  databaseFile: string;
  /** storedPath → extracted file. */
  documents: Map<string, string>;
  remove(): void;
}

/**
 * Extracts a backup into a new folder inside `workDir` and checks it, without touching
 * any live database: every entry against the manifest's size and SHA-256, no entry the
 * manifest does not list, the database's header, Kansli's application id, a full
 * integrity check and schema steps this version knows. The audit chain is checked by
 * the caller (electron/services/backups.ts), which knows how entries are hashed.
 */
export async function stageBackup(file: string, workDir: string, onProgress?: (p: BackupProgress) => void): Promise<StagedBackup> {
  const { manifest, entries } = await readManifest(file);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const e of entries) {
    if (e.name !== 'manifest.json' && !listed.has(e.name)) throw notABackup(file, `den innehåller ${e.name}, som innehållsförteckningen inte tar upp.`);
  }
  const dir = fs.mkdtempSync(path.join(workDir, `.kansli-återställning-${process.pid}-`));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.mkdirSync(path.join(dir, 'dokument'));
    const total = manifest.files.reduce((sum, f) => sum + f.size, 0);
    let done = 0;
    const documents = new Map<string, string>();
    for (const f of manifest.files) {
      const entry = entries.find((e) => e.name === f.path);
      if (!entry) throw notABackup(file, `${f.path} saknas i filen.`);
      if (entry.size !== f.size) throw notABackup(file, `${f.path} har fel storlek (${formatBytes(entry.size)}, ska vara ${formatBytes(f.size)}).`);
      const target = path.join(dir, ...f.path.split('/'));
      const hash = await extractEntry(file, entry, target, (n) => {
        done += n;
        onProgress?.({ step: 'Kontrollerar säkerhetskopian', done, total });
      });
      if (hash !== f.sha256) throw notABackup(file, `${f.path} har ändrats efter att kopian gjordes (kontrollsumman stämmer inte).`);
      if (f.path.startsWith('dokument/')) {
        const name = path.posix.basename(f.path);
        // Named by its content: a file whose name is not its SHA-256 is not one Kansli wrote.
        const named = name === f.sha256 || name.startsWith(`${f.sha256}.`);
        for (const storedPath of f.storedPaths ?? []) {
          if (!named || !STORED_PATH.test(storedPath) || path.posix.basename(storedPath) !== name) throw notABackup(file, `${f.path} har en ogiltig plats.`);
          documents.set(storedPath, target);
        }
      }
    }
    const databaseFile = path.join(dir, 'kansli.sqlite');
    if (!listed.has('kansli.sqlite')) throw notABackup(file, 'databasen saknas i den.');
    checkStagedDatabase(file, databaseFile, manifest, documents);
    return { manifest, dir, databaseFile, documents, remove };
  } catch (err) {
    remove();
    if (err instanceof KansliError) throw err;
    throw folderError(err, workDir, 'packa upp säkerhetskopian för kontroll i') ?? err;
  }
}

function checkStagedDatabase(file: string, databaseFile: string, manifest: BackupManifest, documents: Map<string, string>): void {
  if (sqliteHeaderKind(databaseFile) !== 'kansli') throw notABackup(file, 'databasen i den är ingen Kansli-databas.');
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
    const check = sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw notABackup(file, `databasen i den är skadad (${String(check)}).`);
    const applied = sqlite.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
    const newest = applied.at(-1)?.version ?? 0;
    if (newest > LATEST_SCHEMA_VERSION) {
      throw new KansliError(
        'DB_TOO_NEW',
        `Säkerhetskopian är gjord av en nyare version av Kansli (schemaversion ${newest}). Uppdatera Kansli för att återställa den. Inget har ändrats.`,
      );
    }
    applied.forEach((row, i) => {
      if (MIGRATIONS[i]?.version !== row.version || MIGRATIONS[i]?.name !== row.name)
        throw notABackup(file, 'databasen i den har ett schema som inte stämmer med Kansli.');
    });
    if (newest !== manifest.schemaVersion) throw notABackup(file, 'databasens schemaversion stämmer inte med innehållsförteckningen.');
    const head = auditHead(sqlite);
    if (head.lastId !== manifest.audit.lastId || head.headHash !== manifest.audit.headHash || head.entries !== manifest.audit.entries) {
      throw notABackup(file, 'granskningsloggen i databasen stämmer inte med innehållsförteckningen.');
    }
    const rows = sqlite.prepare("SELECT DISTINCT stored_path, sha256 FROM documents WHERE storage = 'file' AND stored_path IS NOT NULL").all() as {
      stored_path: string;
      sha256: string;
    }[];
    const missing = rows.filter((r) => !documents.has(r.stored_path) && !manifest.warnings.some((w) => w.includes(r.stored_path)));
    if (missing.length > 0) throw notABackup(file, `${missing.length} handlingar som databasen hänvisar till saknas i den.`);
    // Only the files the database refers to are put in place when it is restored.
    const referenced = new Set(rows.map((r) => r.stored_path));
    for (const storedPath of [...documents.keys()]) if (!referenced.has(storedPath)) documents.delete(storedPath);
  } catch (err) {
    if (err instanceof KansliError) throw err;
    const code = errorCode(err);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw notABackup(file, 'databasen i den är skadad.');
    throw err;
  } finally {
    sqlite?.close();
  }
}

export interface SwapResult {
  /** Where the replaced database was kept. */
  keptAs: string | null;
  /** Document files that were added to the documents folder. */
  documentsAdded: number;
}

/**
 * Puts a staged backup in place of the database at `target`, which must be closed by
 * every program. The database it replaces is kept (renamed `<file>.före-återställning-
 * <time>`); document files are named by their SHA-256, so the backup's are added to the
 * folder beside the database and none is removed (the kept database still refers to
 * its own). A file whose content no longer matches its name is kept aside, renamed.
 */
export function swapInBackup(staged: StagedBackup, target: string, now: Date): SwapResult {
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const side = `${target}${suffix}`;
    if (fs.existsSync(side) && (suffix !== '-shm' || fs.existsSync(`${target}-wal`))) {
      throw new KansliError(
        'BUSY',
        `Databasen ”${path.basename(target)}” är öppen i ett annat program (ett annat Kansli-fönster, webbvärden eller kommandoraden), eller stängdes inte ordentligt (${path.basename(side)} finns). Stäng det andra programmet och försök igen. Inget har ändrats.`,
      );
    }
  }
  fs.rmSync(`${target}-shm`, { force: true });
  const stamp = now.toISOString().replace(/[:]/g, '').replace(/\..*$/, '');
  let documentsAdded = 0;
  const targetDir = path.dirname(target);
  for (const [storedPath, extracted] of staged.documents) {
    const destination = path.resolve(targetDir, ...storedPath.split('/'));
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    if (fs.existsSync(destination)) {
      const same = fs.statSync(destination).size === fs.statSync(extracted).size && sha256OfFile(destination) === sha256OfFile(extracted);
      if (same) continue;
      fs.renameSync(destination, `${destination}.ändrad-${stamp}`);
    }
    fs.copyFileSync(extracted, destination, fs.constants.COPYFILE_EXCL);
    documentsAdded += 1;
  }
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    keptAs = `${target}.före-återställning-${stamp}`;
    fs.renameSync(target, keptAs);
  }
  try {
    fs.renameSync(staged.databaseFile, target);
  } catch (err) {
    // Put the database back where it was: a failed restore leaves things as they were.
    if (keptAs !== null) fs.renameSync(keptAs, target);
    throw new KansliError(
      'DISK_ERROR',
      `Säkerhetskopian kunde inte sättas på databasens plats (${errorCode(err) ?? String(err)}). Databasen är som förut; inget har ändrats.`,
    );
  }
  syncFolder(targetDir);
  staged.remove();
  return { keptAs, documentsAdded };
}

/** A document file's SHA-256 (documents are at most 50 MB each). */
function sha256OfFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Where the automatic backups of one database are kept: a folder in the user data
 * folder named by the file and its identity, e.g. "Säkerhetskopior/kansli-3f9a1c02".
 */
export function automaticBackupFolder(dataDir: string, dbPath: string, id: string): string {
  return path.join(backupRoot(dataDir), `${backupFolderPrefix(dbPath)}${id.slice(0, 8)}`);
}

export function backupRoot(dataDir: string): string {
  return path.join(dataDir, 'Säkerhetskopior');
}

/** The start of the automatic folder's name for a database file: "kansli-". */
export function backupFolderPrefix(dbPath: string): string {
  const base =
    path
      .basename(dbPath)
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .slice(0, 60) || 'kansli';
  return `${base}-`;
}

export interface ListedBackup {
  file: string;
  manifest: BackupManifest;
  sizeBytes: number;
}

/** The backups in a folder, newest first; files that are not backups, or are broken, are left out. */
export async function listBackupFiles(folder: string): Promise<ListedBackup[]> {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch {
    return [];
  }
  const out: ListedBackup[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      const { manifest, sizeBytes } = await readManifest(file);
      out.push({ file, manifest, sizeBytes });
    } catch {
      // Not a backup, or a broken one: listed by nothing, removed by nothing.
    }
  }
  return out.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}
