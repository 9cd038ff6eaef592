import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import {
  automaticBackupFolder,
  auditHead,
  BACKUP_EXTENSION,
  backupRoot,
  databaseId,
  listBackupFiles,
  readManifest,
  removeLeftovers,
  stageBackup,
  writeBackup,
  type BackupManifest,
  type BackupReason,
  type ListedBackup,
  type StagedBackup,
  type WrittenBackup,
} from '../../db/backup';
import { fileDatabase } from '../../db/open';
import type { KansliTables } from '../../db/schema';
import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { BackupInfo, BackupVerifyResult } from '../../shared/contract/schemas/backup';
import { backupsToKeep, DEFAULT_BACKUP_POLICY, type BackupPolicy } from '../../shared/domain/backup-rotation';
import { formatDateTime } from '../../shared/format/sv';
import { verifyAuditChain } from './audit';
import { recordAnchor } from './audit-anchors';
import type { Scope, ServiceContext } from './context';
import { refuse } from './refuse';
import { handlersFor } from './handler';

/**
 * Backups as the user meets them: Säkerhetskopiera (to a folder of their choice or the
 * automatic folder), the automatic ones at start, at close and daily, rotated by the
 * förbund's counts, and checking a backup before it is restored. The file format and
 * the copying are db/backup.ts; the swap of files is the session's (session.ts).
 */

type BackupContext = Pick<ServiceContext, 'db' | 'dataDir' | 'appVersion' | 'now'>;

const SERVER_BACKUPS = 'Säkerhetskopior i Kansli';

export function backupFolderOf(ctx: Pick<ServiceContext, 'db' | 'dataDir'>): string {
  // A server database's backups: a folder named by the server and the database (never its password).
  if (ctx.db.engine === 'postgres')
    return path.join(
      backupRoot(ctx.dataDir),
      `server-${ctx.db.path
        .replace(/^postgres:\/\//, '')
        .replace(/[^\p{L}\p{N}._-]+/gu, '-')
        .slice(0, 80)}`,
    );
  return automaticBackupFolder(ctx.dataDir, ctx.db.path, databaseId(fileDatabase(ctx.db, SERVER_BACKUPS).sqlite));
}

/** "Kansli 2026-12-02 kl 10.45.12 start.kansli-backup": sorts by time, says why, no characters Windows forbids. */
export function backupFileName(now: Date, reason: BackupReason): string {
  const stamp = formatDateTime(now).replace(' ', ' kl ').replace(':', '.');
  const seconds = String(now.getSeconds()).padStart(2, '0');
  return `Kansli ${stamp}.${seconds} ${reason}${BACKUP_EXTENSION}`;
}

function freeName(folder: string, now: Date, reason: BackupReason): string {
  const base = backupFileName(now, reason);
  let file = path.join(folder, base);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, base.replace(BACKUP_EXTENSION, ` (${n})${BACKUP_EXTENSION}`));
  return file;
}

export function toInfo(b: Pick<ListedBackup, 'file' | 'manifest' | 'sizeBytes'>): BackupInfo {
  return {
    file: b.file,
    fileName: path.basename(b.file),
    createdAt: b.manifest.createdAt,
    reason: b.manifest.reason,
    forbund: b.manifest.forbund,
    sizeBytes: b.sizeBytes,
    auditEntries: b.manifest.audit.entries,
    documents: b.manifest.files.filter((f) => f.path.startsWith('dokument/')).length,
    warnings: b.manifest.warnings,
  };
}

/** Takes the call's own handle: inside a write the connection is the transaction's (Kysely has one connection). */
export async function readPolicy(db: Kysely<KansliTables>): Promise<BackupPolicy> {
  const row = await db.selectFrom('backup_settings').selectAll().executeTakeFirst();
  return row ? { recent: row.recent, daily: row.daily, weekly: row.weekly, monthly: row.monthly } : DEFAULT_BACKUP_POLICY;
}

/**
 * This database's backups in its automatic folder (also those made there by hand): the
 * same identity at the same place. A copy of the file elsewhere has the same identity
 * and, with the same file name, the same folder; its backups are neither listed nor rotated here.
 */
async function ownBackups(ctx: Pick<ServiceContext, 'db' | 'dataDir'>): Promise<ListedBackup[]> {
  if (ctx.db.engine === 'postgres') {
    const meta = await ctx.db.kysely.selectFrom('kansli_meta').select('value').where('key', '=', 'database_id').executeTakeFirst();
    return (await listBackupFiles(backupFolderOf(ctx))).filter((b) => b.manifest.engine === 'postgres' && b.manifest.source.databaseId === meta?.value);
  }
  const id = databaseId(fileDatabase(ctx.db, SERVER_BACKUPS).sqlite);
  return (await listBackupFiles(backupFolderOf(ctx))).filter((b) => b.manifest.source.databaseId === id && b.manifest.source.path === ctx.db.path);
}

/** Removes the automatic backups the policy no longer keeps. Only files that are this database's backups are ever removed. */
export async function rotate(ctx: Pick<ServiceContext, 'db' | 'dataDir'>, policy: BackupPolicy): Promise<string[]> {
  removeLeftovers(backupFolderOf(ctx));
  const backups = await ownBackups(ctx);
  const keep = backupsToKeep(
    backups.map((b) => ({ name: b.file, at: new Date(b.manifest.createdAt), manual: b.manifest.reason === 'manuell' })),
    policy,
  );
  const removed: string[] = [];
  for (const b of backups) {
    if (keep.has(b.file)) continue;
    fs.rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}

/** Writes one backup and records the log's head as an anchor. */
export async function makeBackup(ctx: BackupContext, reason: BackupReason, folder?: string, fileName?: string): Promise<WrittenBackup> {
  const now = ctx.now();
  const target = folder ?? backupFolderOf(ctx);
  if (folder === undefined) fs.mkdirSync(target, { recursive: true });
  const file = fileName === undefined ? freeName(target, now, reason) : path.join(target, fileName);
  if (ctx.db.engine === 'postgres') {
    // pg_dump's copy, with the same manifest; the log's anchors beside the user's data are a file's.
    const { writeServerBackup } = await import('../../db/postgres/backup');
    return writeServerBackup(ctx.db, file, { reason, appVersion: ctx.appVersion, now });
  }
  const written = await writeBackup(ctx.db, file, { reason, appVersion: ctx.appVersion, now });
  // The head as copied: read from the snapshot, so never an entry of a write still under way.
  recordAnchor(ctx.dataDir, fileDatabase(ctx.db, SERVER_BACKUPS).sqlite, ctx.db.path, `säkerhetskopia (${reason})`, now, written.manifest.audit);
  return written;
}

// ——— The automatic backups ———

const lastErrors = new Map<string, string>();

/** True when the newest backup already holds what the database holds (same log head, same schema). */
async function unchangedSince(ctx: BackupContext, backups: ListedBackup[]): Promise<boolean> {
  const newest = backups[0];
  if (!newest) return false;
  const head = auditHead(fileDatabase(ctx.db, SERVER_BACKUPS).sqlite);
  return (
    newest.manifest.audit.lastId === head.lastId && newest.manifest.audit.headHash === head.headHash && newest.manifest.schemaVersion === ctx.db.schemaVersion
  );
}

/**
 * One automatic backup, unless nothing has changed since the newest one; then the
 * rotation. Never throws: a failure is kept and shown on the Säkerhetskopior tab.
 */
export async function automaticBackup(ctx: BackupContext, reason: BackupReason): Promise<WrittenBackup | null> {
  // A server database is backed up by the server's own tools (issue 18, item 7).
  if (ctx.db.engine !== 'sqlite') return null;
  try {
    const backups = await ownBackups(ctx);
    if (await unchangedSince(ctx, backups)) return null;
    const written = await makeBackup(ctx, reason);
    await rotate(ctx, await readPolicy(ctx.db.kysely));
    lastErrors.delete(ctx.db.path);
    return written;
  } catch (err) {
    const message = err instanceof KansliError ? err.message : String(err);
    lastErrors.set(ctx.db.path, `${formatDateTime(ctx.now())}: ${message}`);
    console.error('[kansli] the automatic backup failed:', err);
    return null;
  }
}

export interface AutomaticBackups {
  /** Waits for a running backup, then takes the one at close. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * At start, then daily while the app runs (checked every quarter of an hour), and at
 * close. `current` gives the session's context as it is now (a restore replaces it).
 */
export function startAutomaticBackups(current: () => BackupContext | null, checkEveryMs = 15 * 60 * 1000): AutomaticBackups {
  let running: Promise<unknown> = Promise.resolve();
  const queue = (reason: BackupReason) => {
    running = running.then(async () => {
      const ctx = current();
      if (!ctx || ctx.db.engine !== 'sqlite' || !ctx.db.sqlite.open) return;
      if (reason === 'daglig') {
        const newest = (await ownBackups(ctx))[0];
        if (newest && ctx.now().getTime() - new Date(newest.manifest.createdAt).getTime() < DAY_MS) return;
      }
      await automaticBackup(ctx, reason);
    });
    return running;
  };
  void queue('start');
  const timer = setInterval(() => void queue('daglig'), checkEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await queue('stängning');
    },
  };
}

// ——— Checking a backup ———

/** Extracts and checks a backup (files, database, audit chain) into `workDir`; the caller removes it. */
export async function stageVerified(file: string, workDir: string): Promise<StagedBackup> {
  const staged = await stageBackup(file, workDir);
  try {
    const sqlite = new Database(staged.databaseFile, { readonly: true, fileMustExist: true });
    const kysely = new Kysely<KansliTables>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      const chain = await verifyAuditChain(kysely);
      if (!chain.ok) {
        throw new KansliError(
          'VALIDATION',
          `”${path.basename(file)}” kan inte återställas: granskningsloggen i den bryts vid post ${chain.brokenAtId} (${chain.reason.toLowerCase()}) Databasen i kopian har ändrats utanför Kansli. Inget har ändrats.`,
        );
      }
    } finally {
      await kysely.destroy();
    }
    return staged;
  } catch (err) {
    staged.remove();
    throw err;
  }
}

function checksOf(manifest: BackupManifest): string[] {
  const documents = manifest.files.filter((f) => f.path.startsWith('dokument/')).length;
  return [
    `${manifest.files.length === 1 ? 'Databasfilen' : `Alla ${manifest.files.length} filer`} i kopian har rätt storlek och kontrollsumma (SHA-256).`,
    'Databasen i kopian är hel (integrity_check) och är en Kansli-databas med känt schema.',
    `Granskningsloggens ${manifest.audit.entries} poster hänger ihop och slutar där innehållsförteckningen säger.`,
    documents === 0 ? 'Alla handlingar ligger i databasen.' : `De ${documents} handlingarna utanför databasen finns med.`,
  ];
}

// ——— Handlers ———

export async function backupStatus(_input: ParsedInput<'backup.status'>, scope: Scope): Promise<MethodResult<'backup.status'>> {
  const { ctx } = scope;
  return {
    folder: backupFolderOf(ctx),
    policy: await readPolicy(scope.db),
    backups: (await ownBackups(ctx)).map(toInfo),
    lastError: lastErrors.get(ctx.db.path) ?? null,
    readOnly: ctx.db.readOnly,
    networkShare: ctx.db.networkShare,
  };
}

export async function createBackupNow(input: ParsedInput<'backup.create'>, scope: Scope): Promise<MethodResult<'backup.create'>> {
  if (input.folder !== undefined && (!fs.existsSync(input.folder) || !fs.statSync(input.folder).isDirectory())) {
    throw refuse('folder', `Mappen ”${input.folder}” finns inte.`, 'VALIDATION');
  }
  const written = await makeBackup(scope.ctx, 'manuell', input.folder);
  return toInfo({ file: written.file, manifest: written.manifest, sizeBytes: written.sizeBytes });
}

/** Checks a backup in a temp folder, as a restore would, and changes nothing. */
export async function verifyBackupFile(file: string): Promise<BackupVerifyResult> {
  if ((await readManifest(file)).manifest.engine === 'postgres') {
    const { stageServerBackup } = await import('../../db/postgres/backup');
    const staged = await stageServerBackup(file);
    staged.remove();
    const m = staged.manifest;
    return {
      ok: true,
      backup: toInfo({ file, manifest: m, sizeBytes: fs.statSync(file).size }),
      checks: [
        'Databaskopian (pg_dump) har rätt storlek och kontrollsumma (SHA-256).',
        `pg_restore läser hela kopian: ${staged.tables} tabeller, schemaversion ${m.schemaVersion}.`,
        `Granskningsloggens ${m.audit.entries} poster kontrolleras mot innehållsförteckningen när kopian återställs till en tom databas.`,
        'Alla handlingar ligger i databasen.',
      ],
    };
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-kontroll-'));
  try {
    const staged = await stageVerified(file, workDir);
    staged.remove();
    return { ok: true, backup: toInfo({ file, manifest: staged.manifest, sizeBytes: fs.statSync(file).size }), checks: checksOf(staged.manifest) };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export async function verifyBackup(input: ParsedInput<'backup.verify'>, _scope: Scope): Promise<MethodResult<'backup.verify'>> {
  return verifyBackupFile(input.file);
}

export async function restoreBackup(input: ParsedInput<'backup.restore'>, scope: Scope): Promise<MethodResult<'backup.restore'>> {
  if (!scope.ctx.lifecycle) throw new KansliError('RULE', 'Återställning görs från Kansli-fönstret, webbvärden eller kommandoraden (restore).');
  return scope.ctx.lifecycle.restore(input.file);
}

export async function saveBackupSettings(input: ParsedInput<'backup.saveSettings'>, scope: Scope): Promise<MethodResult<'backup.saveSettings'>> {
  const before = await readPolicy(scope.db);
  await scope.db
    .insertInto('backup_settings')
    .values({ id: 1, ...input, updated_at: scope.now.toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...input, updated_at: scope.now.toISOString() }))
    .execute();
  if (JSON.stringify(before) !== JSON.stringify(input)) await scope.audit({ entity: 'backup_settings', entityId: 1, action: 'update', before, after: input });
  return input;
}

/** The newest backup that holds a document file with this SHA-256, for the message when the file is missing or changed. */
export async function backupWithDocument(ctx: Pick<ServiceContext, 'db' | 'dataDir'>, sha256: string): Promise<ListedBackup | null> {
  return (await ownBackups(ctx)).find((b) => b.manifest.files.some((f) => f.path.startsWith('dokument/') && f.sha256 === sha256)) ?? null;
}

/** The methods this module serves. */
export const backupsHandlers = handlersFor({
  'backup.status': backupStatus,
  'backup.create': createBackupNow,
  'backup.verify': verifyBackup,
  'backup.restore': restoreBackup,
  'backup.saveSettings': saveBackupSettings,
});
