import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyNetworkShare } from '../../db/filesystem';
import { errorCode, isBusy, storageError } from '../../db/storage-errors';
import { isJsonContentType } from '../../electron/host/server';
import { rendererFileFor } from '../../electron/security';
import { decodeWindows1252, decodeTextFile } from '../../shared/domain/windows-1252';
import { formatBytes, formatOre } from '../../shared/format/sv';

describe('a database on a network share', () => {
  it('is recognised by its file system on Linux and by a UNC path on Windows', () => {
    expect(classifyNetworkShare('/mnt/kansli/k.sqlite', 0x6969, 'linux')).toBe('NFS');
    expect(classifyNetworkShare('/mnt/kansli/k.sqlite', 0xfe534d42, 'linux')).toBe('SMB2');
    expect(classifyNetworkShare('/mnt/c/Users/eva/k.sqlite', 0x01021997, 'linux')).toMatch(/9P/);
    expect(classifyNetworkShare('/home/eva/k.sqlite', 0xef53, 'linux')).toBeNull(); // ext4
    expect(classifyNetworkShare('\\\\server\\kansli\\k.sqlite', null, 'win32')).toMatch(/nätverksresurs/);
    expect(classifyNetworkShare('C:\\Users\\Åsa\\k.sqlite', null, 'win32')).toBeNull();
    expect(classifyNetworkShare('\\\\?\\C:\\Users\\k.sqlite', null, 'win32')).toBeNull();
  });
});

describe('storage errors', () => {
  it('recognises every busy and locked variant, and says the disk is full or read-only in Swedish', () => {
    for (const code of [
      'SQLITE_BUSY',
      'SQLITE_BUSY_RECOVERY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_BUSY_TIMEOUT',
      'SQLITE_LOCKED',
      'SQLITE_LOCKED_SHAREDCACHE',
      'SQLITE_LOCKED_VTAB',
    ]) {
      expect([code, isBusy(code)]).toEqual([code, true]);
      expect(storageError({ code })?.code).toBe('BUSY');
    }
    expect(isBusy('SQLITE_BUSYX')).toBe(false);
    expect(storageError({ code: 'SQLITE_FULL' })?.code).toBe('DISK_FULL');
    expect(storageError({ code: 'ENOSPC' })?.message).toMatch(/^Disken där databasen ligger är full\. Inget har sparats\./);
    expect(storageError({ code: 'SQLITE_READONLY_DBMOVED' })?.code).toBe('READ_ONLY');
    expect(storageError({ code: 'EROFS' })?.code).toBe('READ_ONLY');
    expect(storageError({ code: 'SQLITE_IOERR_FSYNC' })?.message).toMatch(/SQLITE_IOERR_FSYNC/);
    expect(storageError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeNull();
    expect(storageError(new Error('x'))).toBeNull();
    expect(errorCode(null)).toBeUndefined();
  });
});

describe('the host and the window take only what they should', () => {
  it('takes exactly JSON as the content type', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    for (const t of [
      undefined,
      '',
      'text/plain',
      'application/json-patch+json',
      'application/jsonx',
      'application/json; charset=iso-8859-1',
      'multipart/form-data',
    ]) {
      expect([t, isJsonContentType(t)]).toEqual([t, false]);
    }
  });

  it('maps app:// addresses to files inside the renderer folder only, never throwing', () => {
    const root = path.resolve('/app/dist/renderer');
    expect(rendererFileFor('app://kansli/', root)).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor('app://kansli/assets/index-abc.js', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(rendererFileFor('app://kansli/%C3%A5%C3%A4%C3%B6.png', root)).toBe(path.join(root, 'åäö.png'));
    for (const bad of [
      'app://kansli/%E0%A4%A',
      'app://kansli/..%2f..%2fetc%2fpasswd',
      'app://kansli/%2e%2e%2f%2e%2e%2fx',
      'app://kansli/a%00b',
      'app://kansli/..%5c..%5cx',
      'app://annan/index.html',
      'https://kansli/index.html',
      'inte en adress',
    ]) {
      expect([bad, rendererFileFor(bad, root)]).toEqual([bad, null]);
    }
  });
});

describe('Windows-1252', () => {
  it('decodes 0x80–0x9F as Windows does, and prefers UTF-8 when the bytes are UTF-8', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x96, 0x97, 0x93, 0x94, 0x85, 0x99, 0x8a, 0x9a, 0xe5, 0xe4, 0xf6]))).toBe('€–—“”…™ŠšåäÖ'.replace('Ö', 'ö'));
    expect(decodeTextFile(Buffer.from('\uFEFFÅsa – 5 €', 'utf8'))).toBe('Åsa – 5 €');
    expect(decodeTextFile(Uint8Array.from([0xc5, 0x73, 0x61]))).toBe('Åsa');
  });
});

describe('öre', () => {
  it('read as kronor with two decimals and a real minus', () => {
    expect(formatOre(123_450)).toBe('1\u00a0234,50\u00a0kr');
    expect(formatOre(2_158_517_000)).toBe('21\u00a0585\u00a0170,00\u00a0kr');
    expect(formatOre(-5)).toBe('\u22120,05\u00a0kr');
  });
});

describe('file sizes', () => {
  it('reads as a person says them', () => {
    expect(formatBytes(0)).toBe('0\u00a0byte');
    expect(formatBytes(1024)).toBe('1\u00a0kB');
    expect(formatBytes(617_472)).toBe('603\u00a0kB');
    expect(formatBytes(2_684_354_560)).toBe('2,5\u00a0GB');
  });
});
