import { KansliError } from '../shared/contract/errors';

/**
 * What SQLite and the file system say when the disk, not the data, is the problem,
 * turned into one Swedish message each. Used by the API for every call, so a full
 * disk, a read-only disk or another writer holding the lock never reads as
 * "Ett oväntat fel".
 */

/** How long a write waits for another writer (the app, the host, the CLI) before it gives up. */
export const BUSY_TIMEOUT_MS = 5000;

/** The error code better-sqlite3 (SqliteError) or Node's fs (errno name) attached, if any. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** Every busy/locked variant SQLite has: BUSY, BUSY_RECOVERY, BUSY_SNAPSHOT, BUSY_TIMEOUT, LOCKED, LOCKED_SHAREDCACHE, LOCKED_VTAB. */
export function isBusy(code: string | undefined): boolean {
  return code !== undefined && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

export function busyError(): KansliError {
  return new KansliError(
    'BUSY',
    `Databasen är upptagen: någon annan sparar i samma fil just nu (ett annat Kansli-fönster, webbvärden eller kommandoraden), och den blev inte ledig inom ${BUSY_TIMEOUT_MS / 1000} sekunder. Inget har sparats – försök igen om en stund.`,
  );
}

export function readOnlyError(reason: string): KansliError {
  return new KansliError('READ_ONLY', `Databasen är öppnad skrivskyddad: ${reason} Inget har sparats.`);
}

/**
 * The Swedish error for a storage failure, or null when `err` is something else
 * (a rule, a bug). `what` names the file when that helps ("databasen", a handling's file).
 */
export function storageError(err: unknown): KansliError | null {
  const code = errorCode(err);
  if (code === undefined) return null;
  if (isBusy(code)) return busyError();
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new KansliError(
      'DISK_FULL',
      'Disken där databasen ligger är full. Inget har sparats. Frigör utrymme på disken (eller flytta databasen till en disk med plats) och försök igen.',
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return readOnlyError('disken eller filen går inte att skriva till.');
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return readOnlyError('Kansli saknar behörighet att skriva i mappen där databasen ligger.');
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'SQLITE_CANTOPEN') {
    return new KansliError(
      'DISK_ERROR',
      `Disken kunde inte läsas eller skrivas (${code}). Inget har sparats. Kontrollera att disken eller USB-minnet sitter i och fungerar, och försök igen.`,
    );
  }
  return null;
}
