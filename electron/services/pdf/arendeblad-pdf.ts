import type { PDFDocument, PDFImage, PDFPage } from 'pdf-lib';
import type { ArendebladContent, Section } from '../../../shared/contract/schemas/arendeblad';
import { stripAtt } from '../../../shared/domain/arendeblad-templates';
import type { ServiceContext } from '../context';
import { A4, ACCENT, Composer, INK, MM, MUTED, RULE, drawable, textWidth, type Bookmark, type Frame } from './composer';
import { addSignatureField } from './signature-fields';
import { createPdf, finishPdfA, saveClassic, type Fonts } from './pdfa';
import { taggerFor, type Tagger } from './tagging';

/** The sender, as the footer of every page shows it (SS 03 43 21). */
export interface Sender {
  name: string;
  address: string | null;
  orgNr: string | null;
  email: string | null;
  phone: string | null;
}

export interface ArendebladDoc {
  sender: Sender;
  diarienummer: string;
  organ: string;
  rubrik: string;
  datum: string;
  content: ArendebladContent;
  proposalStyle: 'att' | 'numrerad';
  /** In a board packet the bilagor are numbered by agenda item: "3.1", "3.2". */
  bilagaPrefix?: string;
  /** The content's pictures, embedded in the PDF beforehand (see embedImages), by their base64. */
  images?: Map<string, PDFImage>;
}

/** Embeds every picture of the content once, so composing (which is synchronous) can draw them. */
export async function embedImages(doc: PDFDocument, content: ArendebladContent): Promise<Map<string, PDFImage>> {
  const out = new Map<string, PDFImage>();
  for (const section of content.sections) {
    for (const b of section.blocks) {
      if (b.type === 'bild' && !out.has(b.pngBase64)) out.set(b.pngBase64, await doc.embedPng(Buffer.from(b.pngBase64, 'base64')));
    }
  }
  return out;
}

export const MARGIN = { left: 25 * MM, right: A4.width - 22 * MM, bottom: 24 * MM } as const;
const FIRST_TOP = A4.height - 44 * MM;
const NEXT_TOP = A4.height - 30 * MM;

export function documentFrame(firstPage: boolean): Frame {
  return { left: MARGIN.left, right: MARGIN.right, top: firstPage ? FIRST_TOP : NEXT_TOP, bottom: MARGIN.bottom };
}

function drawRight(page: PDFPage, text: string, x: number, y: number, size: number, font: Fonts['regular'], color = INK): void {
  page.drawText(drawable(text), { x: x - textWidth(font, text, size), y, size, font, color });
}

/** The footer every page carries: the förbund's name, address and contact details. */
export function drawFooter(page: PDFPage, fonts: Fonts, sender: Sender): void {
  const y = MARGIN.bottom - 10 * MM;
  // The same on every page: an artifact, not read as content.
  taggerFor(page.doc).artifact(page, () => {
    page.drawLine({ start: { x: MARGIN.left, y: y + 11 }, end: { x: MARGIN.right, y: y + 11 }, thickness: 0.4, color: RULE });
    const parts = [sender.name, sender.address, sender.orgNr ? `Org.nr ${sender.orgNr}` : null, sender.email, sender.phone].filter((p): p is string => !!p);
    page.drawText(drawable(parts.join('  ·  ')), { x: MARGIN.left, y, size: 7.5, font: fonts.regular, color: MUTED });
  });
}

export interface HeaderFields {
  docType: string;
  fields: { label: string; value: string }[];
  pageLabel: string;
}

/**
 * Page 1: the förbund's name, the document type and "Sida 1 (n)", then a row of
 * labelled fields (Datum, Dnr, Till …). Later pages: one line with the same facts.
 */
export function drawHeader(page: PDFPage, fonts: Fonts, sender: Sender, header: HeaderFields, firstPage: boolean): void {
  const tags = taggerFor(page.doc);
  // Later pages repeat the head: an artifact. On page 1 it is the document's first content
  // (sender, type, Datum, Dnr, Till), read before the rubrik; "Sida 1 (n)" is an artifact.
  if (!firstPage) {
    tags.artifact(page, () => drawHeaderInk(page, fonts, sender, header, false));
    return;
  }
  const div = tags.open('Div', { before: page });
  try {
    drawHeaderInk(page, fonts, sender, header, true, tags);
  } finally {
    tags.close(div);
  }
}

function drawHeaderInk(page: PDFPage, fonts: Fonts, sender: Sender, header: HeaderFields, firstPage: boolean, tags?: Tagger): void {
  const top = A4.height - 16 * MM;
  const p = (draw: () => void) => (tags ? tags.within('P', () => tags.mark(page, draw)) : draw());
  p(() => page.drawText(drawable(sender.name), { x: MARGIN.left, y: top - 13, size: firstPage ? 14 : 10, font: fonts.bold, color: ACCENT }));
  p(() => drawRight(page, header.docType.toUpperCase(), MARGIN.right, top - 10, firstPage ? 10 : 8.5, fonts.bold, INK));
  const pageLabel = () => drawRight(page, header.pageLabel, MARGIN.right, top - (firstPage ? 23 : 21), 9, fonts.regular, MUTED);
  if (tags) tags.artifact(page, pageLabel);
  else pageLabel();
  if (!firstPage) {
    const line = header.fields
      .filter((f) => f.label === 'Dnr' || f.label === 'Datum')
      .map((f) => `${f.label} ${f.value}`)
      .join('   ');
    page.drawText(drawable(line), { x: MARGIN.left, y: top - 25, size: 8.5, font: fonts.regular, color: MUTED });
    page.drawLine({ start: { x: MARGIN.left, y: top - 31 }, end: { x: MARGIN.right, y: top - 31 }, thickness: 0.4, color: RULE });
    return;
  }
  tags?.artifact(page, () => page.drawLine({ start: { x: MARGIN.left, y: top - 30 }, end: { x: MARGIN.right, y: top - 30 }, thickness: 0.6, color: RULE }));
  let x = MARGIN.left;
  const y = top - 44;
  for (const field of header.fields) {
    const fx = x;
    p(() => {
      page.drawText(drawable(field.label), { x: fx, y, size: 7.5, font: fonts.regular, color: MUTED });
      page.drawText(drawable(field.value), { x: fx, y: y - 12, size: 10, font: fonts.regular, color: INK });
    });
    x += Math.max(textWidth(fonts.regular, field.value, 10), textWidth(fonts.regular, field.label, 7.5)) + 22;
  }
}

/** The signature field's name under an ärendeblad. */
export const FOREDRAGANDE_FIELD = 'Föredragande';

/**
 * Sets the ärendeblad's body from the current position: rubrik, Förslag till beslut,
 * the sections, the föredragande with room for a signature, bilagor and mottagare.
 * Returns the bookmarks of its parts.
 */
export function composeArendeblad(c: Composer, d: ArendebladDoc, opts: { signatureField: boolean }): Bookmark[] {
  const marks: Bookmark[] = [];
  const mark = (title: string) => marks.push({ title, pageIndex: c.pageIndex, y: c.y + 16, children: [] });

  c.heading(d.rubrik, 17, 4, { spaceBefore: 0, spaceAfter: 8 });

  const punkter = d.content.forslag.punkter.map(stripAtt).filter((t) => t !== '');
  if (punkter.length > 0 || d.content.forslag.inledning.trim() !== '') {
    mark('Förslag till beslut');
    c.heading('Förslag till beslut', 12.5, 3);
    c.text(d.content.forslag.inledning, { spaceAfter: 5 });
    c.hanging(
      punkter.map((text, i) => ({ label: d.proposalStyle === 'att' ? 'att' : `${i + 1}.`, text })),
      { labelWidth: 26, gap: 5 },
    );
    c.space(4);
  }

  composeSections(c, d.content.sections, d.images, mark);

  // The föredragande, with room above the name for the signature (digital or by hand).
  const f = d.content.foredragande;
  const name = [f.name.trim(), f.title.trim()].filter(Boolean).join(', ');
  if (name !== '') {
    const boxHeight = 44;
    c.ensure(boxHeight + 40);
    c.space(10);
    const box = c.reserve(boxHeight);
    if (opts.signatureField) addSignatureField(c.doc, box.page, FOREDRAGANDE_FIELD, { x: MARGIN.left, y: box.y, width: 62 * MM, height: boxHeight });
    c.text(name, { spaceAfter: 6 });
  }

  const bilagor = d.content.bilagor.filter((b) => b.title.trim() !== '');
  if (bilagor.length > 0) {
    mark('Bilagor');
    c.heading('Bilagor', 11, bilagor.length, { spaceBefore: 10 });
    c.hanging(
      bilagor.map((b, i) => ({ label: `${d.bilagaPrefix ?? ''}${i + 1}`, text: b.title.trim() })),
      { labelWidth: 30, gap: 1 },
    );
  }

  const mottagare = d.content.skickasTill.filter((m) => m.trim() !== '');
  if (mottagare.length > 0) {
    c.heading('Beslutet skickas till', 11, mottagare.length, { spaceBefore: 10 });
    for (const m of mottagare) c.text(m.trim(), { spaceAfter: 1 });
  }
  return marks;
}

/** Sets sections of paragraphs, lists, tables, pictures and risk matrices; an empty section is left out. */
export function composeSections(c: Composer, sections: readonly Section[], images: Map<string, PDFImage> | undefined, mark: (title: string) => void): void {
  for (const section of sections) {
    const hasText = section.blocks.some((b) =>
      b.type === 'punktlista'
        ? b.items.some((t) => t.trim())
        : b.type === 'tabell' || b.type === 'bild' || b.type === 'riskmatris'
          ? true
          : b.text.trim() !== '',
    );
    if (!hasText) continue;
    if (section.heading.trim() !== '') {
      mark(section.heading);
      // A heading over a table keeps the table's caption, header and first row with it.
      c.heading(section.heading, 12.5, section.blocks[0]?.type === 'tabell' ? 6 : 3);
    }
    section.blocks.forEach((block, i) => {
      switch (block.type) {
        case 'stycke':
          if (block.text.trim() !== '') c.text(block.text.trim(), { spaceAfter: 7 });
          break;
        case 'underrubrik': {
          // A heading stays with what follows it: two lines of text, or the next heading or a table's caption, header and first row.
          const next = section.blocks.slice(i + 1).find((b) => b.type !== 'stycke' || b.text.trim() !== '');
          const keepWith = next?.type === 'tabell' || next?.type === 'underrubrik' ? 6 : 2;
          if (block.text.trim() !== '') c.heading(block.text.trim(), 11, keepWith, { spaceBefore: 4, spaceAfter: 2 });
          break;
        }
        case 'punktlista':
          c.hanging(
            block.items.filter((t) => t.trim() !== '').map((text) => ({ label: '•', text })),
            { labelWidth: 14, indent: 6, gap: 2 },
          );
          c.space(5);
          break;
        case 'tabell':
          c.space(2);
          c.table(block);
          break;
        case 'riskmatris':
          c.space(2);
          c.matrix(block);
          break;
        case 'bild': {
          const image = images?.get(block.pngBase64);
          if (image) c.image(image, block.caption);
          break;
        }
      }
    });
  }
}

export function arendebladHeader(d: ArendebladDoc): Omit<HeaderFields, 'pageLabel'> {
  const f = d.content.foredragande;
  const fields = [
    { label: 'Datum', value: d.datum },
    { label: 'Dnr', value: d.diarienummer },
    { label: 'Till', value: d.organ },
  ];
  if (f.name.trim() !== '') fields.push({ label: 'Handläggare', value: [f.name.trim(), f.title.trim()].filter(Boolean).join(', ') });
  return { docType: 'Ärendeblad', fields };
}

/** One ärendeblad as its own PDF/A-2b file, A4, "Sida x (y)" on every page. */
export async function renderArendebladPdf(
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  d: ArendebladDoc,
  created: Date,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { doc, fonts } = await createPdf(ctx);
  const c = new Composer(doc, fonts, (n) => documentFrame(n === 0));
  c.newPage();
  composeArendeblad(c, { ...d, images: await embedImages(doc, d.content) }, { signatureField: true });
  const header = arendebladHeader(d);
  const total = c.pages.length;
  c.pages.forEach((page, i) => {
    drawHeader(page, fonts, d.sender, { ...header, pageLabel: `Sida ${i + 1} (${total})` }, i === 0);
    drawFooter(page, fonts, d.sender);
  });
  finishPdfA(doc, ctx, {
    title: `${d.rubrik} (${d.diarienummer})`,
    author: d.sender.name,
    subject: `Ärendeblad till ${d.organ.toLowerCase()}, dnr ${d.diarienummer}`,
    keywords: ['ärendeblad', d.diarienummer],
    created,
  });
  return { bytes: await saveClassic(doc), pages: total };
}
