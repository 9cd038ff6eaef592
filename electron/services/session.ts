import os from 'node:os';
import path from 'node:path';
import { openKansliDb, type KansliDb, type OpenOptions } from '../../db/open';
import { createApi, type Api } from './api';

/** An open database and the API over it: what every transport holds. */
export interface Session {
  readonly db: KansliDb;
  readonly api: Api;
  close(): void;
}

export function currentOsUser(): string {
  try {
    return os.userInfo().username || 'okänd användare';
  } catch {
    return 'okänd användare';
  }
}

export function openSession(file: string, options: OpenOptions & { actor?: string; appVersion: string; resourcesDir?: string }): Session {
  const db = openKansliDb(file, options);
  const api = createApi({ db, actor: options.actor ?? currentOsUser(), appVersion: options.appVersion, now: options.now ?? (() => new Date()), resourcesDir: options.resourcesDir });
  return { db, api, close: () => db.close() };
}

/**
 * Where Electron keeps the user's data for an app named "Kansli" (app.getPath('userData')),
 * so the host and the CLI find the same database as the desktop app.
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  let base: string;
  if (platform === 'win32') base = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else base = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(base, 'Kansli', 'kansli.sqlite');
}
