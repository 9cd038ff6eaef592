import zlib from 'node:zlib';

/**
 * A zip archive made by hand, so a test can build what no honest tool writes: entries
 * that declare one size and inflate to another, or many entries over the same data.
 */
export interface ZipPart {
  name: string;
  /** Deflated bytes (method 8). */
  data: Buffer;
  /** The uncompressed size the archive claims. */
  declaredSize: number;
  /** Point this entry at an earlier entry's data instead of writing its own. */
  sameDataAs?: number;
}

export function deflate(bytes: Buffer): Buffer {
  return zlib.deflateRawSync(bytes, { level: 9 });
}

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  parts.forEach((p, i) => {
    if (p.sameDataAs !== undefined) {
      offsets.push(offsets[p.sameDataAs]!);
      return;
    }
    const name = Buffer.from(p.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(0, 14);
    h.writeUInt32LE(p.data.length, 18);
    h.writeUInt32LE(p.declaredSize, 22);
    h.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(h, name, p.data);
    offset += h.length + name.length + p.data.length;
    void i;
  });
  const central: Buffer[] = [];
  let centralSize = 0;
  parts.forEach((p, i) => {
    const source = p.sameDataAs !== undefined ? parts[p.sameDataAs]! : p;
    const name = Buffer.from(p.name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(0, 16);
    c.writeUInt32LE(source.data.length, 20);
    c.writeUInt32LE(p.declaredSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offsets[i]!, 42);
    central.push(c, name);
    centralSize += c.length + name.length;
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
