import { createHash } from 'node:crypto';
import { cachingFontkit, useNativeDeflate } from './fonts';
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFFont } from 'pdf-lib';
import type { ServiceContext } from '../context';
import { resourceBytes } from '../resources';
import { taggerFor } from './tagging';

/**
 * A new PDF that can become PDF/A-2b: every font embedded (subset, with ToUnicode so
 * å, ä and ö extract right), XMP identification, an sRGB output intent and a file
 * identifier. Call finishPdfA before saving, and save with saveClassic.
 */

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  created: Date;
}

export async function createPdf(ctx: Pick<ServiceContext, 'resourcesDir'>): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  useNativeDeflate();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(resourceBytes(ctx, 'fonts', 'Carlito-Regular.ttf'), { subset: true }),
    bold: await doc.embedFont(resourceBytes(ctx, 'fonts', 'Carlito-Bold.ttf'), { subset: true }),
    italic: await doc.embedFont(resourceBytes(ctx, 'fonts', 'Carlito-Italic.ttf'), { subset: true }),
  };
  return { doc, fonts };
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 2026-11-23T09:15:00Z: what XMP and the Info dictionary must agree on (both in UTC). */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function xmpPacket(info: DocumentInfo, producer: string, declarePdfA = true): string {
  const date = xmpDate(info.created);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
${
  declarePdfA
    ? `  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
`
    : ''
}  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${xmlEscape(producer)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${xmlEscape(producer)}</pdf:Producer>
   <pdf:Keywords>${xmlEscape(info.keywords.join(' '))}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Info dictionary, XMP, output intent, language and file identifier: the PDF/A-2b parts pdf-lib does not write. */
/**
 * `declarePdfA: false` when pages from elsewhere were copied in: the file keeps every
 * other part but does not claim a conformance it cannot promise.
 */
export function finishPdfA(
  doc: PDFDocument,
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  info: DocumentInfo,
  opts: { declarePdfA?: boolean } = {},
): void {
  const producer = `Kansli ${ctx.appVersion}`;
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(producer);
  doc.setProducer(producer);
  doc.setLanguage('sv-SE');
  doc.setCreationDate(info.created);
  doc.setModificationDate(info.created);

  const context = doc.context;
  const metadata = context.stream(Buffer.from(xmpPacket(info, producer, opts.declarePdfA ?? true), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));

  const icc = context.flateStream(resourceBytes(ctx, 'icc', 'sRGB.icc'), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: context.register(icc),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));

  // The structure tree of what the Composers drew (a document of copied pages has none to write).
  taggerFor(doc).finish(doc);

  const id = createHash('md5').update(`${info.title}\u0000${info.created.toISOString()}\u0000${Math.random()}`).digest('hex');
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/** Saved with a classic cross-reference table: signatures are added later as incremental updates. */
/**
 * Written without pdf-lib's pause every 50 objects (a setTimeout, at least a millisecond
 * each: most of an ärendeblad's time went waiting there); a document is written at once.
 */
export async function saveClassic(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: 5_000 });
}
