import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFContext } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { Font, Fontkit, GlyphRun, Subset, SubsetStream } from 'pdf-lib/cjs/types/fontkit';

/**
 * The fonts' slow parts done once per process instead of once per document or per
 * string. pdf-lib asks its fontkit to parse the font for every document, shapes a
 * string again each time it is measured or drawn, and encodes the subset anew for
 * every file. Profiles of an ärendeblad spent three quarters of the render in shaping.
 * This fontkit hands out one parsed font per font file, remembers each string's
 * glyph run, and keeps the encoded subset for a set of glyphs it has seen before.
 * What is drawn and embedded is byte for byte what fontkit makes: only when is saved.
 */

/** Strings remembered per font before the memory is cleared and filled again. */
const MAX_RUNS = 50_000;
/** Encoded subsets remembered per font. */
const MAX_SUBSETS = 64;

interface Cached {
  /** fontkit's font, as parsed. */
  parsed: Font;
  /** The same font with shaping and subsets remembered: what pdf-lib gets. */
  font: Font;
  runs: Map<string, GlyphRun>;
  subsets: Map<string, Uint8Array>;
}

const parsed = new WeakMap<Uint8Array, Cached>();

function remember<V>(map: Map<string, V>, max: number, key: string, value: V): V {
  if (map.size >= max) map.clear();
  map.set(key, value);
  return value;
}

/** A stream that gives already encoded bytes, as fontkit's subset stream would. */
function streamOf(bytes: Uint8Array): SubsetStream {
  const stream = new PassThrough();
  process.nextTick(() => stream.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  return stream as unknown as SubsetStream;
}

function encoded(subset: Subset): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const stream = subset.encodeStream() as unknown as NodeJS.EventEmitter;
    stream.on('data', (b: Uint8Array) => parts.push(b));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

/** A subset whose encoding is looked up by its glyphs before fontkit is asked to make it. */
function cachingSubset(cached: Cached): Subset {
  const subset = cached.parsed.createSubset();
  const glyphs = (subset as unknown as { glyphs: number[] }).glyphs;
  return {
    includeGlyph: (glyph) => subset.includeGlyph(glyph),
    encodeStream: () => {
      const key = glyphs.join(',');
      const known = cached.subsets.get(key);
      if (known) return streamOf(known);
      const out = new PassThrough();
      encoded(subset).then(
        (bytes) => {
          remember(cached.subsets, MAX_SUBSETS, key, bytes);
          out.end(Buffer.from(bytes));
        },
        (err: Error) => out.destroy(err),
      );
      return out as unknown as SubsetStream;
    },
  };
}

function wrapFont(font: Font): Cached {
  const layout = font.layout.bind(font);
  const wrapped = Object.create(font) as Font;
  const cached: Cached = { parsed: font, font: wrapped, runs: new Map(), subsets: new Map() };
  wrapped.layout = (text, features) => {
    // Kansli never passes features; a call that does is shaped as asked, every time.
    if (features !== undefined) return layout(text, features);
    return cached.runs.get(text) ?? remember(cached.runs, MAX_RUNS, text, layout(text));
  };
  wrapped.createSubset = () => cachingSubset(cached);
  return cached;
}

/** pdf-lib's fontkit, with each font parsed once and its shaping and subsets remembered. */
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): Font {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let cached = parsed.get(buffer);
    if (!cached) {
      cached = wrapFont(fontkit.create(buffer));
      parsed.set(buffer, cached);
    }
    return cached.font;
  },
};

/**
 * pdf-lib compresses streams (the pages' content, the embedded font, its ToUnicode map,
 * the colour profile) with pako, a deflate written in JavaScript that took half of a
 * render once the shaping was remembered. Node's zlib makes the same kind of stream
 * natively at the same level. A large stream seen again (the same font subset in the
 * next document) is compressed once. Installed once, for every PDF this process writes.
 */
let nativeDeflate = false;
const deflatedBySha = new Map<string, Buffer>();
const deflatedStreams = new WeakMap<PDFContentStream, Uint8Array>();

function deflate(bytes: Uint8Array): Buffer {
  if (bytes.length < 2_048) return deflateSync(bytes);
  const key = createHash('sha1').update(bytes).digest('hex');
  return deflatedBySha.get(key) ?? remember(deflatedBySha, 32, key, deflateSync(bytes));
}

export function useNativeDeflate(): void {
  if (nativeDeflate) return;
  nativeDeflate = true;
  PDFContext.prototype.flateStream = function flateStream(
    this: PDFContext,
    contents: string | Uint8Array,
    dict: Parameters<PDFContext['flateStream']>[1] = {},
  ) {
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
    return this.stream(deflate(bytes), { ...dict, Filter: 'FlateDecode' });
  };
  // A content stream is compressed when the file is written and kept, as pdf-lib keeps it.
  const contents = function getContents(this: PDFContentStream): Uint8Array {
    const unencoded = (this as unknown as { encode: boolean }).encode === false;
    if (unencoded) return this.getUnencodedContents();
    let bytes = deflatedStreams.get(this);
    if (!bytes) {
      bytes = deflateSync(this.getUnencodedContents());
      deflatedStreams.set(this, bytes);
    }
    return bytes;
  };
  PDFContentStream.prototype.getContents = contents;
  PDFContentStream.prototype.getContentsSize = function getContentsSize(this: PDFContentStream): number {
    return contents.call(this).length;
  };
}
