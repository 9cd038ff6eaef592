import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Section } from '../../../shared/contract/schemas/arendeblad';
import { stripAtt } from '../../../shared/domain/arendeblad-templates';
import { numericColumns } from '../pdf/composer';
import type { ArendebladDoc, Sender } from '../pdf/arendeblad-pdf';

/**
 * The ärendeblad as a Word document, for whoever must go on editing it in Word. Same
 * content and order as the PDF; real Word headings, hanging att-satser, tables with
 * amounts right-aligned, and "Sida X (Y)" in the header.
 */

const FONT = 'Calibri';
const HANGING = 567; // 1 cm in twentieths of a point

export function para(text: string, opts: { bold?: boolean; italics?: boolean; size?: number; after?: number; color?: string } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: opts.after ?? 120 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size ?? 22, color: opts.color, font: FONT })],
  });
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const size = level === 1 ? 34 : level === 2 ? 25 : 22;
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.TITLE : level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    keepNext: true,
    spacing: { before: level === 1 ? 0 : 240, after: 80 },
    children: [new TextRun({ text, bold: true, size, font: FONT, color: '1A1A1F' })],
  });
}

function hangingItem(label: string, text: string): Paragraph {
  return new Paragraph({
    indent: { left: HANGING, hanging: HANGING },
    tabStops: [{ type: TabStopType.LEFT, position: HANGING }],
    spacing: { after: 100 },
    children: [new TextRun({ text: `${label}\t${text}`, size: 22, font: FONT })],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 2, color: '9E9EA8' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function table(block: Extract<Block, { type: 'tabell' }>): (Paragraph | Table)[] {
  const numeric = numericColumns(block);
  const cell = (text: string, c: number, opts: { bold?: boolean; header?: boolean }) =>
    new TableCell({
      shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEFF4' } : undefined,
      borders: { top: none, left: none, right: none, bottom: thin },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: numeric[c] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: opts.bold, size: 20, font: FONT })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: block.header.map((h, c) => cell(h, c, { bold: true, header: true })) }),
    ...block.rows.map((r, i) => new TableRow({ children: r.map((v, c) => cell(v, c, { bold: block.sumRow && i === block.rows.length - 1 })) })),
  ];
  const out: (Paragraph | Table)[] = block.caption ? [caption(block.caption)] : [];
  out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, layout: TableLayoutType.AUTOFIT }));
  if (block.note) out.push(para(block.note, { italics: true, size: 18, color: '606068' }));
  else out.push(para('', { after: 60 }));
  return out;
}

/** A table's caption, kept with the table below it. */
function caption(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text, bold: true, size: 21, font: FONT })] });
}

/** The risk matrix as a table with shaded cells, the row words first, the column words last. */
function matrix(block: Extract<Block, { type: 'riskmatris' }>): (Paragraph | Table)[] {
  const cell = (text: string, opts: { fill?: string; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] }) =>
    new TableCell({
      shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill.slice(1) } : undefined,
      borders: { top: thin, left: thin, right: thin, bottom: thin },
      margins: { left: 60, right: 60, top: 60, bottom: 60 },
      children: [new Paragraph({ alignment: opts.align ?? AlignmentType.CENTER, children: [new TextRun({ text, bold: opts.bold, size: 18, font: FONT })] })],
    });
  const rows = block.rowLabels.map(
    (label, r) =>
      new TableRow({
        children: [cell(label, { align: AlignmentType.RIGHT }), ...(block.cells[r] ?? []).map((c) => cell(c.text, { fill: c.color, bold: true }))],
      }),
  );
  rows.push(new TableRow({ children: [cell(`${block.rowTitle} / ${block.colTitle}`, { bold: true }), ...block.colLabels.map((l) => cell(l, {}))] }));
  const out: (Paragraph | Table)[] = block.caption ? [caption(block.caption)] : [];
  out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, layout: TableLayoutType.FIXED }));
  if (block.legend.length > 0) out.push(para(block.legend.map((l) => l.label).join(' · '), { italics: true, size: 18, color: '606068' }));
  return out;
}

/** A picture at the text width at most (16 cm ≈ 600 px at Word's 96 dpi), its caption below. */
function image(block: Extract<Block, { type: 'bild' }>): Paragraph[] {
  const data = Buffer.from(block.pngBase64, 'base64');
  // PNG's IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
  const w = data.readUInt32BE(16);
  const h = data.readUInt32BE(20);
  const scale = Math.min(1, 600 / w);
  const out = [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [new ImageRun({ type: 'png', data, transformation: { width: Math.round(w * scale), height: Math.round(h * scale) } })],
    }),
  ];
  if (block.caption.trim()) out.push(para(block.caption.trim(), { italics: true, size: 18, color: '606068' }));
  return out;
}

export async function renderArendebladDocx(d: ArendebladDoc): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [];
  body.push(heading(d.rubrik, 1));

  const punkter = d.content.forslag.punkter.map(stripAtt).filter((t) => t !== '');
  body.push(heading('Förslag till beslut', 2));
  body.push(para(d.content.forslag.inledning));
  punkter.forEach((t, i) => body.push(hangingItem(d.proposalStyle === 'att' ? 'att' : `${i + 1}.`, t)));

  body.push(...sectionsDocx(d.content.sections));

  const f = d.content.foredragande;
  const name = [f.name.trim(), f.title.trim()].filter(Boolean).join(', ');
  if (name) {
    body.push(para('', { after: 600 }));
    body.push(para(name));
  }
  const bilagor = d.content.bilagor.filter((b) => b.title.trim());
  if (bilagor.length > 0) {
    body.push(heading('Bilagor', 3));
    bilagor.forEach((b, i) => body.push(hangingItem(`${d.bilagaPrefix ?? ''}${i + 1}`, b.title.trim())));
  }
  const mottagare = d.content.skickasTill.filter((m) => m.trim());
  if (mottagare.length > 0) {
    body.push(heading('Beslutet skickas till', 3));
    for (const m of mottagare) body.push(para(m, { after: 40 }));
  }

  return renderDocx({
    sender: d.sender,
    docType: 'ÄRENDEBLAD',
    fields: [
      { label: 'Datum', value: d.datum },
      { label: 'Dnr', value: d.diarienummer },
      { label: 'Till', value: d.organ },
    ],
    title: `${d.rubrik} (${d.diarienummer})`,
    description: `Ärendeblad till ${d.organ.toLowerCase()}`,
    body,
  });
}

/** Sections of paragraphs, lists, tables, pictures and risk matrices as Word paragraphs and tables. */
export function sectionsDocx(sections: readonly Section[]): (Paragraph | Table)[] {
  const body: (Paragraph | Table)[] = [];
  for (const s of sections) {
    if (s.heading.trim()) body.push(heading(s.heading, 2));
    for (const b of s.blocks) {
      if (b.type === 'stycke' && b.text.trim()) for (const line of b.text.trim().split('\n')) body.push(para(line));
      else if (b.type === 'underrubrik' && b.text.trim()) body.push(heading(b.text.trim(), 3));
      else if (b.type === 'punktlista') for (const item of b.items.filter((t) => t.trim())) body.push(hangingItem('•', item));
      else if (b.type === 'tabell') body.push(...table(b));
      else if (b.type === 'bild') body.push(...image(b));
      else if (b.type === 'riskmatris') body.push(...matrix(b));
    }
  }
  return body;
}

/** A4 Word document with the förbund's header (document type, fields, "Sida X (Y)") and footer. */
export async function renderDocx(d: {
  sender: Sender;
  docType: string;
  fields: { label: string; value: string }[];
  title: string;
  description: string;
  body: (Paragraph | Table)[];
}): Promise<Uint8Array> {
  const { body } = d;
  const headerLine = (label: string, value: string) => [
    new TextRun({ text: `${label} `, size: 16, color: '606068', font: FONT }),
    new TextRun({ text: `${value}    `, size: 20, font: FONT }),
  ];
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: 9638 }],
        children: [
          new TextRun({ text: d.sender.name, bold: true, size: 26, color: '1C4A73', font: FONT }),
          new TextRun({ text: `\t${d.docType}`, bold: true, size: 18, font: FONT }),
        ],
      }),
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: 9638 }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '9E9EA8', space: 4 } },
        children: [
          ...d.fields.flatMap((f) => headerLine(f.label, f.value)),
          new TextRun({ children: ['\tSida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'], size: 18, color: '606068', font: FONT }),
        ],
      }),
    ],
  });
  const footerParts = [d.sender.name, d.sender.address, d.sender.orgNr ? `Org.nr ${d.sender.orgNr}` : null, d.sender.email, d.sender.phone].filter(Boolean);
  const footer = new Footer({
    children: [new Paragraph({ children: [new TextRun({ text: footerParts.join('  ·  '), size: 15, color: '606068', font: FONT })] })],
  });

  const document = new Document({
    creator: d.sender.name,
    title: d.title,
    description: d.description,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1700, bottom: 1400, left: 1418, right: 1247, header: 600, footer: 600 } } },
        headers: { default: header },
        footers: { default: footer },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
