import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * A backup is one file: a plain POSIX tar (ustar) archive, so any tar program can open
 * it in twenty years. Written and read here in a few dozen lines rather than with a
 * general tar library, because the reader must be strict: it takes only the names a
 * Kansli backup holds, regular files only, checked header sums, sizes that fit the
 * file; anything else is refused before a byte is written to disk.
 */

const BLOCK = 512;
const CHUNK = 1024 * 1024;

/** Names a backup may hold: the manifest, the database, and the documents folder's files. */
export const ARCHIVE_NAME = /^(manifest\.json|kansli\.sqlite|kansli\.pgdump|dokument\/[A-Za-z0-9][A-Za-z0-9._-]{0,90})$/;

export class ArchiveError extends Error {}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (!ARCHIVE_NAME.test(name) || Buffer.byteLength(name) > 100) throw new ArchiveError(`name not allowed in an archive: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'ascii');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  if (size < 8 ** 11) h.write(octal(size, 12), 124, 'ascii');
  else {
    // GNU base-256 for files of 8 GiB and more.
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 124 + 4);
  }
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.fill(0x20, 148, 156);
  h.write('0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'binary');
  h.write('kansli', 265, 'ascii');
  h.write('kansli', 297, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
}

/** Appends entries to a new archive file, hashing each as it goes; `finish` syncs it to disk. */
export class ArchiveWriter {
  private position = 0;

  private constructor(private readonly handle: fs.promises.FileHandle) {}

  static async create(file: string): Promise<ArchiveWriter> {
    return new ArchiveWriter(await fs.promises.open(file, 'wx', 0o600));
  }

  private async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset, this.position);
      offset += bytesWritten;
      this.position += bytesWritten;
    }
  }

  private async pad(size: number): Promise<void> {
    const rest = size % BLOCK;
    if (rest !== 0) await this.write(Buffer.alloc(BLOCK - rest, 0));
  }

  async addBuffer(name: string, bytes: Uint8Array, mtime = new Date()): Promise<WrittenEntry> {
    await this.write(header(name, bytes.length, mtime));
    await this.write(bytes);
    await this.pad(bytes.length);
    return { path: name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Streams a file into the archive; `onBytes` reports progress. */
  async addFile(name: string, source: string, onBytes?: (n: number) => void): Promise<WrittenEntry> {
    const input = await fs.promises.open(source, 'r');
    try {
      const { size, mtime } = await input.stat();
      await this.write(header(name, size, mtime));
      const hash = createHash('sha256');
      const buffer = Buffer.alloc(CHUNK);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - done), done);
        if (bytesRead === 0) throw new ArchiveError(`${source} shrank while it was read`);
        const slice = buffer.subarray(0, bytesRead);
        hash.update(slice);
        await this.write(slice);
        done += bytesRead;
        onBytes?.(bytesRead);
      }
      await this.pad(size);
      return { path: name, size, sha256: hash.digest('hex') };
    } finally {
      await input.close();
    }
  }

  async finish(): Promise<number> {
    await this.write(Buffer.alloc(BLOCK * 2, 0));
    await this.handle.sync();
    await this.handle.close();
    return this.position;
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

export interface ArchiveEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the archive file. */
  offset: number;
}

function parseOctal(field: Buffer): number {
  if ((field[0]! & 0x80) !== 0) {
    const big = field.readBigUInt64BE(field.length - 8);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveError('size too large');
    return Number(big);
  }
  const text = field
    .toString('ascii')
    .replace(/[\0 ]+$/g, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new ArchiveError('malformed number');
  return text === '' ? 0 : parseInt(text, 8);
}

/**
 * The entries of an archive, from its headers alone (no data read). Throws ArchiveError
 * for anything a Kansli backup would not hold.
 */
export async function listArchive(file: string): Promise<ArchiveEntry[]> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const entries: ArchiveEntry[] = [];
    const seen = new Set<string>();
    const h = Buffer.alloc(BLOCK);
    let position = 0;
    for (;;) {
      if (position + BLOCK > fileSize) throw new ArchiveError('the archive ends without its end marker');
      await handle.read(h, 0, BLOCK, position);
      if (h.every((b) => b === 0)) return entries;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
      if (parseOctal(h.subarray(148, 156)) !== sum) throw new ArchiveError(`a header's checksum does not match at byte ${position}`);
      const name = h.toString('ascii', 0, 100).replace(/\0.*$/s, '');
      const prefix = h.toString('ascii', 345, 500).replace(/\0.*$/s, '');
      const type = String.fromCharCode(h[156]!);
      if (prefix !== '' || (type !== '0' && type !== '\0')) throw new ArchiveError(`unexpected entry ${prefix}${name} (type ${JSON.stringify(type)})`);
      if (!ARCHIVE_NAME.test(name)) throw new ArchiveError(`unexpected entry ${JSON.stringify(name)}`);
      if (seen.has(name)) throw new ArchiveError(`entry ${name} appears twice`);
      seen.add(name);
      const size = parseOctal(h.subarray(124, 136));
      const offset = position + BLOCK;
      if (offset + size > fileSize) throw new ArchiveError(`entry ${name} runs past the end of the file`);
      entries.push({ name, size, offset });
      position = offset + Math.ceil(size / BLOCK) * BLOCK;
      if (entries.length > 1_000_000) throw new ArchiveError('too many entries');
    }
  } finally {
    await handle.close();
  }
}

/** An entry's bytes, for small ones (the manifest). */
export async function readEntry(file: string, entry: ArchiveEntry, maxBytes: number): Promise<Buffer> {
  if (entry.size > maxBytes) throw new ArchiveError(`entry ${entry.name} is larger than ${maxBytes} bytes`);
  const handle = await fs.promises.open(file, 'r');
  try {
    const bytes = Buffer.alloc(entry.size);
    await handle.read(bytes, 0, entry.size, entry.offset);
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * Copies an entry to `target` (a new file) and returns its SHA-256; with no target it
 * only hashes. `onBytes` reports progress.
 */
export async function extractEntry(file: string, entry: ArchiveEntry, target: string | null, onBytes?: (n: number) => void): Promise<string> {
  const input = await fs.promises.open(file, 'r');
  const output = target === null ? null : await fs.promises.open(target, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK);
    let done = 0;
    while (done < entry.size) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, entry.size - done), entry.offset + done);
      if (bytesRead === 0) throw new ArchiveError(`entry ${entry.name} is cut short`);
      const slice = buffer.subarray(0, bytesRead);
      hash.update(slice);
      if (output) await output.write(slice, 0, bytesRead, done);
      done += bytesRead;
      onBytes?.(bytesRead);
    }
    if (output) await output.sync();
    return hash.digest('hex');
  } finally {
    await input.close();
    await output?.close();
  }
}
