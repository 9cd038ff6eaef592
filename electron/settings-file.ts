import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Small per-user settings kept beside the database (not in it): which file or server database was open last. */
const settingsSchema = z
  .object({
    lastDatabase: z.string().optional(),
    /** The server database open last (postgres://user@host/db, never with a password). */
    lastServer: z.string().optional(),
    /** Its password, encrypted by the operating system's keychain (safeStorage), base64; absent when not to be kept. */
    serverPassword: z.string().optional(),
  })
  .catch({});
export type DesktopSettings = z.infer<typeof settingsSchema>;

export function readSettings(dir: string): DesktopSettings {
  try {
    return settingsSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'kansli-settings.json'), 'utf8')));
  } catch {
    return {};
  }
}

export function writeSettings(dir: string, settings: DesktopSettings): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'kansli-settings.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
