import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKUP_EXTENSION, backupFolderPrefix, backupRoot, removeLeftovers, swapInBackup } from '../../db/backup';
import { openKansliDb, type KansliDb, type OpenOptions, type SqliteKansliDb } from '../../db/open';
import { KansliError } from '../../shared/contract/errors';
import type { BackupRestoreResult } from '../../shared/contract/schemas/backup';
import { formatDateTime } from '../../shared/format/sv';
import { createApi, apiOf, type Api } from './api';
import { appendAudit } from './audit';
import { recordAnchor, recordRestore } from './audit-anchors';
import { stageVerified } from './backups';
import type { ServiceContext } from './context';

/** An open database and the API over it: what every transport holds. */
export interface Session<D extends KansliDb = SqliteKansliDb> {
  /** The database as it is now (a restore opens a new one in its place). */
  readonly db: D;
  /** The same object for the whole session; after a restore it answers from the restored database. */
  readonly api: Api;
  /** The user data folder: automatic backups and the audit anchors. */
  readonly dataDir: string;
  /** The services' view: what a backup or a check needs. */
  context(): ServiceContext;
  /** Checks a backup, closes the database, puts the backup in its place (keeping the old file) and opens it. */
  restore(file: string): Promise<BackupRestoreResult>;
  /** A file closes at once; a server database resolves when its connections are closed. */
  close(): ReturnType<D['close']>;
}

export function currentOsUser(): string {
  try {
    return os.userInfo().username || 'okänd användare';
  } catch {
    return 'okänd användare';
  }
}

export type SessionOptions = OpenOptions & { actor?: string; appVersion: string; resourcesDir?: string; dataDir?: string };

/** What the services see of a session's database and options (a file's adds its lifecycle). */
export function serviceContext(db: KansliDb, options: SessionOptions, dataDir: string, now: () => Date): ServiceContext {
  return { db, actor: options.actor ?? currentOsUser(), appVersion: options.appVersion, now, resourcesDir: options.resourcesDir, dataDir };
}

/**
 * Opens a database for a transport. A database Kansli cannot read (corrupt, not a
 * Kansli file) is refused with a message that names the newest backup of it that
 * exists, or says that there is none.
 */
export function openSession(file: string, options: SessionOptions): Session<SqliteKansliDb> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const now = options.now ?? (() => new Date());
  let db = openWithBackupHint(file, options, dataDir);
  if (db.readOnly === null) removeLeftovers(path.dirname(db.path));
  let restoring = false;

  const context = (): ServiceContext => ({ ...serviceContext(db, options, dataDir, now), lifecycle: { restore } });
  let inner = createApi(context());

  async function restore(backupFile: string): Promise<BackupRestoreResult> {
    if (restoring) throw new KansliError('BUSY', 'En återställning pågår redan.');
    restoring = true;
    const target = db.path;
    try {
      // Checked in full beside the database before anything is closed or moved.
      const staged = await stageVerified(backupFile, path.dirname(target));
      let swapped: ReturnType<typeof swapInBackup>;
      try {
        recordAnchor(dataDir, db.sqlite, target, 'före återställning', now());
        await db.kysely.connection().execute(async () => db.close());
        swapped = swapInBackup(staged, target, now());
      } catch (err) {
        staged.remove();
        if (!db.sqlite.open) {
          db = openKansliDb(target, { ...options, create: false });
          inner = createApi(context());
        }
        throw err;
      }
      db = openKansliDb(target, { ...options, create: false });
      inner = createApi(context());
      recordRestore(dataDir, db.sqlite, target, staged.manifest.createdAt, now());
      const result: BackupRestoreResult = {
        restoredFrom: backupFile,
        createdAt: staged.manifest.createdAt,
        forbund: staged.manifest.forbund,
        keptAs: swapped.keptAs,
        documentsAdded: swapped.documentsAdded,
      };
      await db.kysely.transaction().execute((trx) =>
        appendAudit(
          trx,
          { at: now().toISOString(), actor: options.actor ?? currentOsUser(), method: 'backup.restore' },
          {
            entity: 'databas',
            entityId: null,
            action: 'update',
            before: { sparadSom: swapped.keptAs },
            after: { aterstalldFran: backupFile, kopianGjord: staged.manifest.createdAt },
          },
        ),
      );
      return result;
    } finally {
      restoring = false;
    }
  }

  const api: Api = apiOf((method, input) =>
    restoring && method !== 'backup.restore'
      ? Promise.resolve({ ok: false, error: { code: 'BUSY', message: 'Kansli återställer en säkerhetskopia just nu. Försök igen om en stund.' } })
      : inner.dispatch(method, input),
  );

  return {
    get db() {
      return db;
    },
    api,
    dataDir,
    context,
    restore,
    close: () => {
      if (db.sqlite.open) recordAnchor(dataDir, db.sqlite, db.path, 'stängning', now());
      db.close();
    },
  };
}

function openWithBackupHint(file: string, options: OpenOptions, dataDir: string): SqliteKansliDb {
  try {
    return openKansliDb(file, options);
  } catch (err) {
    if (err instanceof KansliError && err.code === 'DB_CORRUPT')
      throw new KansliError('DB_CORRUPT', `${err.message} ${backupHint(path.resolve(file), dataDir)}`);
    throw err;
  }
}

/**
 * "Den senaste säkerhetskopian är …" naming one that exists (the newest file in the
 * database's automatic folders; the database itself cannot be read to find its
 * identity), or the copy made before the last upgrade, or saying there is none.
 */
function backupHint(dbPath: string, dataDir: string): string {
  const migration = fs
    .readdirSync(path.dirname(dbPath))
    .filter((n) => n.startsWith(`${path.basename(dbPath)}.backup-v`))
    .sort()
    .at(-1);
  const root = backupRoot(dataDir);
  const candidates: { file: string; mtime: number }[] = [];
  try {
    for (const folder of fs.readdirSync(root)) {
      if (!folder.startsWith(backupFolderPrefix(dbPath))) continue;
      for (const name of fs.readdirSync(path.join(root, folder))) {
        if (!name.endsWith(BACKUP_EXTENSION)) continue;
        const full = path.join(root, folder, name);
        candidates.push({ file: full, mtime: fs.statSync(full).mtimeMs });
      }
    }
  } catch {
    // No backup folder yet.
  }
  const newest = candidates.sort((a, b) => b.mtime - a.mtime)[0];
  if (newest) {
    return `Den senaste säkerhetskopian är ”${newest.file}” (${formatDateTime(new Date(newest.mtime))}). Återställ den med Arkiv → Återställ från säkerhetskopia … eller: npm run kansli -- --db "${dbPath}" restore "${newest.file}".`;
  }
  if (migration) return `Det finns en kopia från före den senaste uppgraderingen: ”${path.join(path.dirname(dbPath), migration)}”.`;
  return `Det finns ingen säkerhetskopia av den i ${root}. Spara filen som den är och kontakta den som sköter datorerna.`;
}

/** Electron's userData for an app named "Kansli", so the host and the CLI share the desktop app's folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KANSLI_DATA_DIR) return env.KANSLI_DATA_DIR;
  const home = os.homedir();
  let base: string;
  if (platform === 'win32') base = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else base = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(base, 'Kansli');
}

/**
 * Where Electron keeps the user's data for an app named "Kansli" (app.getPath('userData')),
 * so the host and the CLI find the same database as the desktop app.
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(defaultDataDir({ ...env, KANSLI_DATA_DIR: undefined }, platform), 'kansli.sqlite');
}
