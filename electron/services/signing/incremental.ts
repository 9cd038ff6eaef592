/**
 * Incremental updates of a PDF (ISO 32000-1 §7.5.6).
 *
 * pdf-lib is used only as an object model: the file is loaded, new objects are
 * registered and existing dictionaries changed through its context, and then
 * only the new objects and the ones explicitly marked as modified are written
 * after the original bytes, with a classic xref section and a trailer whose
 * /Prev points at the previous one. The original bytes stay an exact prefix of
 * the result, so earlier signatures stay valid.
 */
import { PDFDocument, PDFInvalidObject, PDFRef, type PDFContext, type PDFObject, ParseSpeeds } from 'pdf-lib';
import { KansliError } from '../../../shared/contract/errors';

export class IncrementalUpdate {
  readonly doc: PDFDocument;
  readonly original: Uint8Array;
  /** Objects numbered above this were created in this update. */
  private readonly largestOriginalObjectNumber: number;
  private readonly modified = new Map<number, PDFRef>();

  private constructor(doc: PDFDocument, original: Uint8Array) {
    this.doc = doc;
    this.original = original;
    this.largestOriginalObjectNumber = doc.context.largestObjectNumber;
  }

  static async load(bytes: Uint8Array): Promise<IncrementalUpdate> {
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    } catch (e) {
      if (e instanceof Error && /encrypt/i.test(e.message)) {
        throw new KansliError('RULE', 'PDF-filen är krypterad och kan inte signeras.');
      }
      throw new KansliError('RULE', 'PDF-filen kunde inte läsas.');
    }
    return new IncrementalUpdate(doc, bytes);
  }

  get context(): PDFContext {
    return this.doc.context;
  }

  /** Registers a new indirect object and returns its reference. */
  register(object: PDFObject): PDFRef {
    return this.context.register(object);
  }

  /** Marks an existing indirect object as changed, so it is rewritten in the update. */
  markModified(ref: PDFRef): void {
    this.modified.set(ref.objectNumber, ref);
  }

  /** Whether `ref` is an object created in this update. */
  isNew(ref: PDFRef): boolean {
    return ref.objectNumber > this.largestOriginalObjectNumber;
  }

  /** The original bytes followed by the update. */
  serialize(): Uint8Array {
    const ctx = this.context;
    const refs = new Map<number, PDFRef>(this.modified);
    for (const [ref] of ctx.enumerateIndirectObjects()) {
      if (this.isNew(ref)) refs.set(ref.objectNumber, ref);
    }
    const ordered = [...refs.values()].sort((a, b) => a.objectNumber - b.objectNumber);

    const chunks: Uint8Array[] = [];
    let length = this.original.length;
    const push = (chunk: Uint8Array) => {
      chunks.push(chunk);
      length += chunk.length;
    };
    const text = (s: string) => push(latin1(s));

    // The update must start on a new line.
    const last = this.original[this.original.length - 1];
    if (last !== 0x0a && last !== 0x0d) text('\n');

    const offsets = new Map<number, number>();
    for (const ref of ordered) {
      const object = ctx.lookup(ref);
      if (!object) throw new KansliError('INTERNAL', `Objekt ${ref.objectNumber} saknas i PDF-uppdateringen.`);
      offsets.set(ref.objectNumber, length);
      text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      push(body);
      text('\nendobj\n');
    }

    // Classic xref section: one subsection per run of consecutive object numbers.
    const xrefOffset = length;
    let xref = 'xref\n';
    for (let i = 0; i < ordered.length;) {
      let j = i;
      while (j + 1 < ordered.length && ordered[j + 1]!.objectNumber === ordered[j]!.objectNumber + 1) j += 1;
      xref += `${ordered[i]!.objectNumber} ${j - i + 1}\n`;
      for (let k = i; k <= j; k += 1) {
        const ref = ordered[k]!;
        xref += `${String(offsets.get(ref.objectNumber)).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r\n`;
      }
      i = j + 1;
    }
    text(xref);

    const info = ctx.trailerInfo;
    const previous = previousXref(this.original);
    const size = Math.max(ctx.largestObjectNumber + 1, previous.size ?? 0);
    let trailer = `trailer\n<< /Size ${size}`;
    if (info.Root) trailer += ` /Root ${info.Root.toString()}`;
    if (info.Info) trailer += ` /Info ${info.Info.toString()}`;
    if (info.ID) trailer += ` /ID ${info.ID.toString()}`;
    trailer += ` /Prev ${previous.offset} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    text(trailer);

    const out = new Uint8Array(length);
    out.set(this.original, 0);
    let at = this.original.length;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** Raw bytes written as they are, e.g. placeholders that are patched after serialization. */
export function rawObject(text: string): PDFInvalidObject {
  return PDFInvalidObject.of(latin1(text));
}

export function latin1(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

/** Offset of the last xref section (the last startxref) and the /Size of its trailer. */
function previousXref(bytes: Uint8Array): { offset: number; size: number | null } {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const matches = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const offset = matches.length ? Number(matches[matches.length - 1]![1]) : NaN;
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= bytes.length) {
    throw new KansliError('RULE', 'PDF-filens korsreferenstabell kunde inte hittas.');
  }
  // Classic table: /Size is in the trailer after the table; xref stream: in the stream dictionary.
  const section = Buffer.from(bytes.subarray(offset)).toString('latin1');
  const dictStart = section.startsWith('xref') ? section.indexOf('trailer') : 0;
  const size = dictStart >= 0 ? /\/Size\s+(\d+)/.exec(section.slice(dictStart, dictStart + 4096)) : null;
  return { offset, size: size ? Number(size[1]) : null };
}
