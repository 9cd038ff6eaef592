import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * Reading a PDF someone else made (a bilaga, a document to sign), loaded by the services
 * with import('./pdf/inspect') when first needed. pdf-lib is imported statically here: a
 * dynamic import('pdf-lib') of the CommonJS package gives no named exports in the
 * compiled CLI's ES module bundle, and the PDF would seem unreadable there.
 */

/** The number of pages, or an error for a damaged or encrypted PDF. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })).getPageCount();
}

export interface SigField {
  name: string;
  signed: boolean;
}

/** The signature fields a PDF has, signed or waiting, and its page count. */
export async function signatureFields(bytes: Uint8Array): Promise<{ fields: SigField[]; pageCount: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, parseSpeed: ParseSpeeds.Fastest });
  const pageCount = doc.getPageCount();
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return { fields: [], pageCount };
  const out: SigField[] = [];
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookupMaybe(i, PDFDict);
    if (!field || field.get(PDFName.of('FT'))?.toString() !== '/Sig') continue;
    const t = field.lookup(PDFName.of('T'));
    const name = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : `Signatur ${i + 1}`;
    out.push({ name, signed: field.has(PDFName.of('V')) });
  }
  return { fields: out, pageCount };
}
