import zlib from 'node:zlib';
import { KansliError } from '../../shared/contract/errors';
import { formatBytes } from '../../shared/format/sv';

/**
 * An .xlsx or .docx is a zip archive. A "zip bomb" disguised as one declares a few
 * kilobytes and inflates to gigabytes: ExcelJS and JSZip would inflate all of it in
 * memory before anyone could say no. This reads the archive's central directory and
 * refuses it by its declared sizes, then inflates each entry under a hard cap of its
 * declared size, so an archive that lies about its sizes is refused too, without
 * ever holding more than the cap.
 */

export interface ZipLimits {
  /** Largest total of the entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** Most entries. */
  maxEntries: number;
}

export const OFFICE_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 256 * 1024 * 1024, maxEntries: 20_000 };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class NotZip extends Error {}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  throw new NotZip();
}

function readBig(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function centralDirectory(bytes: Buffer, eocd: number): { entries: Entry[]; count: number } {
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && bytes.readUInt32LE(locator) === ZIP64_EOCD_LOCATOR) {
    const z64 = readBig(bytes, locator + 8);
    if (z64 + 56 > bytes.length || bytes.readUInt32LE(z64) !== ZIP64_EOCD) throw new NotZip();
    count = readBig(bytes, z64 + 32);
    offset = readBig(bytes, z64 + 48);
  }
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new NotZip();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: Entry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    // Zip64: the real sizes are in the extra field, in this order, for each field set to 0xFFFFFFFF.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && extra + 4 <= bytes.length) {
      const id = bytes.readUInt16LE(extra);
      const size = bytes.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        if (entry.uncompressedSize === 0xffffffff && p + 8 <= extraEnd) ((entry.uncompressedSize = readBig(bytes, p)), (p += 8));
        if (entry.compressedSize === 0xffffffff && p + 8 <= extraEnd) ((entry.compressedSize = readBig(bytes, p)), (p += 8));
        if (entry.localHeaderOffset === 0xffffffff && p + 8 <= extraEnd) entry.localHeaderOffset = readBig(bytes, p);
      }
      extra += 4 + size;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
    if (entries.length > OFFICE_ZIP_LIMITS.maxEntries * 2) break;
  }
  return { entries, count };
}

function damaged(subject: string): KansliError {
  return new KansliError('VALIDATION', `${subject} är skadad (arkivets innehållsförteckning stämmer inte) och kan inte läsas. Inget har sparats.`);
}

function tooLarge(subject: string, what: string): KansliError {
  return new KansliError(
    'VALIDATION',
    `${subject} ${what}. Den är skadad eller gjord för att överbelasta programmet, så Kansli läser inte in den. Inget har sparats.`,
  );
}

/**
 * Refuses `bytes` unless it is a zip archive whose entries, declared and actual, stay
 * within `limits`. A file that is not a zip at all (no end of central directory) is left
 * for the reader to refuse in its own words (returns false); a zip with any entry the
 * check cannot follow is refused as damaged, so no entry goes to the reader unchecked.
 * `subject` names the file in the message ("Excel-filen", "Filen ”protokoll.docx”").
 */
export function checkZipArchive(bytes: Buffer, subject: string, limits: ZipLimits = OFFICE_ZIP_LIMITS): boolean {
  let eocd: number;
  try {
    eocd = findEndOfCentralDirectory(bytes);
  } catch (err) {
    if (err instanceof NotZip || err instanceof RangeError) return false;
    throw err;
  }
  let directory: { entries: Entry[]; count: number };
  try {
    directory = centralDirectory(bytes, eocd);
  } catch (err) {
    if (err instanceof NotZip || err instanceof RangeError) throw damaged(subject);
    throw err;
  }
  const { entries, count } = directory;
  if (count > limits.maxEntries) throw tooLarge(subject, `innehåller ${count} delar (högst ${limits.maxEntries})`);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxTotalBytes) {
    throw tooLarge(subject, `packas upp till ${formatBytes(declared)} – mer än de ${formatBytes(limits.maxTotalBytes)} Kansli tar emot`);
  }
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) throw damaged(subject); // Neither stored nor deflated: no Office file.
    const local = entry.localHeaderOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw damaged(subject);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + entry.compressedSize > bytes.length) throw damaged(subject);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.compressedSize === 0 && entry.uncompressedSize === 0) continue; // an empty entry or a folder
    let actual: number;
    if (entry.method === 0) actual = data.length;
    else {
      try {
        actual = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) }).length;
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw tooLarge(subject, `har delen ”${entry.name}” som packas upp till mer än de ${formatBytes(entry.uncompressedSize)} den uppger`);
        }
        throw damaged(subject);
      }
    }
    if (actual > entry.uncompressedSize) {
      throw tooLarge(subject, `har delen ”${entry.name}” som packas upp till mer än de ${formatBytes(entry.uncompressedSize)} den uppger`);
    }
    if (actual !== entry.uncompressedSize) throw damaged(subject);
  }
  return true;
}
