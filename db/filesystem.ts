import fs from 'node:fs';
import path from 'node:path';
import { errorCode } from './storage-errors';

/**
 * Facts about the disk a database lies on, read before it is opened: can Kansli
 * write there, and is it a network share (where SQLite's WAL mode is not safe:
 * its shared-memory index does not work across machines).
 */

/** statfs f_type of file systems that live on another machine (Linux magic numbers). */
const NETWORK_FS: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x5346414f: 'AFS',
  0x73757245: 'Coda',
  0x01021997: '9P (t.ex. en Windows-disk i WSL)',
  0x65735546: 'FUSE (t.ex. sshfs eller en molnmapp)',
  0x47504653: 'GPFS',
  0x0bd00bd0: 'Lustre',
  0x013111a8: 'IBRIX',
  0x564c: 'NCP',
};

/** The network file system's name when `fsType` (statfs) or the path (a Windows UNC path) says the file lies on one. */
export function classifyNetworkShare(filePath: string, fsType: number | null, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32' && /^[\\/]{2}(?![?.][\\/])/.test(filePath)) return 'en nätverksresurs (\\\\server\\mapp)';
  if (platform === 'linux' && fsType !== null) return NETWORK_FS[fsType] ?? null;
  return null;
}

/** A warning for a database on a network share, or null. */
export function networkShareWarning(file: string): string | null {
  let fsType: number | null = null;
  try {
    fsType = Number(fs.statfsSync(path.dirname(file)).type);
  } catch {
    fsType = null;
  }
  const kind = classifyNetworkShare(file, fsType);
  if (kind === null) return null;
  return (
    `Databasen ligger på en nätverksdisk (${kind}). SQLite:s WAL-läge är inte säkert där: två datorer som skriver samtidigt kan skada filen. ` +
    'Flytta databasen till datorns egen disk, eller låt kansliet dela data via en server (PostgreSQL).'
  );
}

/**
 * Why Kansli cannot write the database or create its -wal and -shm files beside it,
 * or null when it can. Checked before opening, so a read-only disk opens read-only
 * with a banner instead of failing at the first write.
 */
export function writeProblem(file: string): string | null {
  const dir = path.dirname(file);
  for (const [target, what] of [
    [dir, 'mappen'],
    [file, 'filen'],
  ] as const) {
    if (!fs.existsSync(target)) continue;
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (err) {
      return describeWriteProblem(errorCode(err), what, target);
    }
  }
  return null;
}

export function describeWriteProblem(code: string | undefined, what: 'mappen' | 'filen', target: string): string {
  if (code === 'EROFS') return `disken där databasen ligger är skrivskyddad (${target}).`;
  return `Kansli får inte skriva i ${what} ${target}.`;
}

/**
 * Puts a newly made database file in place, unless another start made one there
 * meanwhile: a hard link fails if the name is taken, where a rename would replace a file
 * another process already has open (and its writes would go to a file no one sees).
 * Returns false when the other one was kept (the new file stays for the caller to remove).
 * Where hard links are not possible (FAT, some shares) it renames, after checking that the
 * name is free.
 */
export function placeNewFile(temp: string, target: string): boolean {
  try {
    fs.linkSync(temp, target);
    fs.rmSync(temp, { force: true });
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    if (fs.existsSync(target)) return false;
    fs.renameSync(temp, target);
    return true;
  }
}
