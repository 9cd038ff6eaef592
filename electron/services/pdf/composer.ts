import { degrees, PDFName, PDFString, rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage, type PDFRef } from 'pdf-lib';
import type { MatrixBlock, TableBlock } from '../../../shared/contract/schemas/arendeblad';
import type { Fonts } from './pdfa';
import { taggerFor, type StructType, type Tagger } from './tagging';

/**
 * A small typesetter over pdf-lib for A4 documents: wrapped, left-aligned text,
 * headings kept with what follows, hanging lists (att-satser), tables whose header
 * repeats on a new page, and reserved boxes (signature fields, images). Headers and
 * "Sida x (y)" are drawn afterwards, when the page count is known. Everything it draws is
 * tagged (see tagging.ts): text in its structure element, rules and fills as artifacts.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MM = 72 / 25.4;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.38, 0.42);
export const RULE = rgb(0.62, 0.62, 0.66);
export const ACCENT = rgb(0.11, 0.29, 0.45);

export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TextStyle {
  font?: PDFFont;
  size?: number;
  color?: ReturnType<typeof rgb>;
  /** Line height as a multiple of the size. */
  leading?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  indent?: number;
  align?: 'left' | 'right' | 'center';
  /** The structure element the text is (default P); null: part of the element already open. */
  tag?: StructType | null;
}

/** Carlito has no U+00A0 glyph: a no-break space is laid out as one but drawn as a space. */
export function drawable(text: string): string {
  return text.replace(/[\u00a0\u2007]/g, ' ').replace(/\t/g, '    ');
}

export function textWidth(font: PDFFont, text: string, size: number): number {
  return font.widthOfTextAtSize(drawable(text), size);
}

/**
 * Splits a paragraph into lines that fit `width`; breaks at spaces, never at a no-break
 * space. A line's width is the sum of its words and spaces, each measured once: pdf-lib
 * measures by glyph advances, and no glyph joins across a space, so the sum is the
 * width of the line (measured whole only when it lands within rounding of the edge).
 */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  const space = textWidth(font, ' ', size);
  for (const hardLine of text.split('\n')) {
    const words = hardLine.split(/ +/).filter((w, i, all) => w !== '' || all.length === 1);
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      const sum = (line === '' ? 0 : lineWidth + space) + textWidth(font, word, size);
      const candidateWidth = Math.abs(sum - width) < 0.01 ? textWidth(font, candidate, size) : sum;
      if (candidateWidth <= width) {
        line = candidate;
        lineWidth = candidateWidth;
        continue;
      }
      if (line !== '') out.push(line);
      // A word longer than the line is cut where it must be.
      let rest = word;
      while (textWidth(font, rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(font, rest.slice(0, cut), size) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = textWidth(font, rest, size);
    }
    out.push(line);
  }
  return out;
}

const NUMERIC = /^([−+-]?\s?[\d\u00a0 ]+([,.]\d+)?\s?(%|kr|tkr|mkr)?|«[^»]*»|–|-)$/;

/** A column is right-aligned when every filled cell in it is an amount, a share or a placeholder. */
export function numericColumns(table: Pick<TableBlock, 'header' | 'rows'>): boolean[] {
  return table.header.map((_, c) => {
    const cells = table.rows.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    return cells.length > 0 && cells.some((v) => /\d/.test(v)) && cells.every((v) => NUMERIC.test(v));
  });
}

export interface Bookmark {
  title: string;
  pageIndex: number;
  y: number;
  children: Bookmark[];
}

export class Composer {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  /** The document's structure tree, shared with every other Composer on it. */
  readonly tags: Tagger;
  private frameFor: (pageNumber: number) => Frame;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    frame: (pageNumber: number) => Frame,
  ) {
    this.frameFor = frame;
    this.tags = taggerFor(doc);
  }

  /** Text drawn as marked content of the current structure element. */
  private drawTagged(page: PDFPage, text: string, options: Parameters<PDFPage['drawText']>[1]): void {
    this.tags.mark(page, () => page.drawText(text, options));
  }

  /** Layout that is not content (rules, fills, a repeated table header), as an artifact. */
  private drawArtifact(draw: () => void): void {
    this.tags.artifact(this.page, draw);
  }

  /** The frame of the current page (page numbers count from 0 within this composer). */
  get frame(): Frame {
    return this.frameFor(Math.max(0, this.pages.length - 1));
  }

  get width(): number {
    return this.frame.right - this.frame.left;
  }

  get pageIndex(): number {
    return this.doc.getPageIndices().length - 1;
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = this.frame.top;
    return this.page;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.pages.length === 0 || this.y - height < this.frame.bottom) this.newPage();
  }

  space(points: number): void {
    if (this.y - points < this.frame.bottom) this.newPage();
    else this.y -= points;
  }

  remaining(): number {
    return this.y - this.frame.bottom;
  }

  /** The height `text(text, style)` takes (lines and the space after), to keep a closing block together. */
  textHeight(text: string, style: TextStyle = {}): number {
    const size = style.size ?? 11;
    const lines = wrap(style.font ?? this.fonts.regular, text, size, this.width - (style.indent ?? 0));
    return lines.length * size * (style.leading ?? 1.32) + (style.spaceBefore ?? 0) + (style.spaceAfter ?? 0);
  }

  /** Wrapped text; at least two lines of a paragraph stay together at a page foot. */
  text(text: string, style: TextStyle = {}): void {
    const font = style.font ?? this.fonts.regular;
    const size = style.size ?? 11;
    const lh = size * (style.leading ?? 1.32);
    const indent = style.indent ?? 0;
    const width = this.width - indent;
    const lines = wrap(font, text, size, width);
    if (this.pages.length === 0) this.newPage();
    if (style.spaceBefore) this.space(style.spaceBefore);
    if (lines.length > 1 && this.remaining() < 2 * lh) this.newPage();
    const tag = style.tag === undefined ? 'P' : style.tag;
    const elem = tag !== null && lines.some((l) => l.trim() !== '') ? this.tags.open(tag) : null;
    for (const line of lines) {
      if (this.y - lh < this.frame.bottom) this.newPage();
      this.y -= lh;
      const w = textWidth(font, line, size);
      const x =
        style.align === 'right' ? this.frame.right - w : style.align === 'center' ? this.frame.left + indent + (width - w) / 2 : this.frame.left + indent;
      this.drawTagged(this.page, drawable(line), { x, y: this.y + size * 0.22, size, font, color: style.color ?? INK });
    }
    if (elem) this.tags.close(elem);
    if (style.spaceAfter) this.y -= style.spaceAfter;
  }

  /** A heading that never sits alone at the foot of a page. */
  heading(text: string, size: number, keepWith = 3, style: TextStyle = {}): void {
    const lh = size * 1.25;
    if (this.pages.length === 0) this.newPage();
    const before = style.spaceBefore ?? size * 0.9;
    if (this.remaining() < before + lh + keepWith * 11 * 1.32) this.newPage();
    else if (this.y !== this.frame.top) this.y -= before;
    // The level by the size the documents use: 17 the rubrik, 12.5–14 a section, smaller a sub-heading.
    const tag: StructType = size >= 16 ? 'H1' : size >= 12 ? 'H2' : 'H3';
    this.text(text, {
      font: this.fonts.bold,
      size,
      leading: 1.25,
      color: style.color ?? INK,
      spaceAfter: style.spaceAfter ?? size * 0.35,
      tag: style.tag ?? tag,
    });
  }

  /** A list with a hanging label: "att" before each att-sats, "•" or "1." before list items. */
  hanging(items: { label: string; text: string }[], opts: { labelWidth: number; indent?: number; gap?: number; size?: number; labelFont?: PDFFont }): void {
    const size = opts.size ?? 11;
    const lh = size * 1.32;
    const indent = opts.indent ?? 0;
    if (items.length === 0) return;
    const list = this.tags.open('L');
    for (const item of items) {
      const lines = wrap(this.fonts.regular, item.text, size, this.width - indent - opts.labelWidth);
      if (this.pages.length === 0) this.newPage();
      if (this.remaining() < Math.min(lines.length, 2) * lh) this.newPage();
      const li = this.tags.open('LI');
      let body: ReturnType<Tagger['open']> | null = null;
      lines.forEach((line, i) => {
        if (this.y - lh < this.frame.bottom) this.newPage();
        this.y -= lh;
        const baseline = this.y + size * 0.22;
        if (i === 0)
          this.tags.within('Lbl', () =>
            this.drawTagged(this.page, drawable(item.label), {
              x: this.frame.left + indent,
              y: baseline,
              size,
              font: opts.labelFont ?? this.fonts.regular,
              color: INK,
            }),
          );
        body ??= this.tags.open('LBody');
        this.drawTagged(this.page, drawable(line), { x: this.frame.left + indent + opts.labelWidth, y: baseline, size, font: this.fonts.regular, color: INK });
      });
      this.tags.close(li);
      this.y -= opts.gap ?? 4;
    }
    this.tags.close(list);
  }

  rule(thickness = 0.5, color = RULE): void {
    this.drawArtifact(() => this.page.drawLine({ start: { x: this.frame.left, y: this.y }, end: { x: this.frame.right, y: this.y }, thickness, color }));
  }

  /** A table of text and amounts; the header repeats when it breaks across pages. */
  table(
    block: Pick<TableBlock, 'caption' | 'header' | 'rows' | 'sumRow' | 'note'>,
    opts: { size?: number; widths?: number[]; align?: ('left' | 'right')[] } = {},
  ): void {
    const size = opts.size ?? 10;
    const pad = 4;
    const lh = size * 1.25;
    const numeric = opts.align ? opts.align.map((a) => a === 'right') : numericColumns(block);
    const { regular, bold } = this.fonts;
    const cols = block.header.length;

    // Natural widths; amount columns keep theirs, text columns share what is left.
    const natural = block.header.map(
      (head, c) =>
        // Measured in bold: a sum row is set in bold and must not wrap where the others do not.
        Math.max(textWidth(bold, head, size), ...block.rows.map((r) => textWidth(bold, r[c] ?? '', size)), 18) + 2 * pad,
    );
    const total = this.width;
    let widths = natural.slice();
    const sum = widths.reduce((a, b) => a + b, 0);
    if (sum > total) {
      // Amount columns keep their width; each text column gets at least its longest word
      // (so no word is cut), and what is left goes to the columns that want more.
      // A short text column (a status, a date) keeps its width too, so its words are not split over lines.
      const short = natural.map((w, c) => !numeric[c] && w <= total * 0.18);
      const fixed = natural.map((w, c) => (numeric[c] ? Math.min(w, total / cols + 30) : short[c] ? w : 0));
      const fixedSum = fixed.reduce((a, b) => a + b, 0);
      const longestWord = block.header.map(
        (head, c) =>
          Math.max(...[head, ...block.rows.map((r) => r[c] ?? '')].flatMap((t) => t.split(/\s+/)).map((w) => textWidth(bold, w, size)), 18) + 2 * pad,
      );
      const minimum = natural.map((w, c) => (numeric[c] || short[c] ? 0 : Math.min(w, longestWord[c] ?? w)));
      const room = total - fixedSum - minimum.reduce((a, b) => a + b, 0);
      const want = natural.map((w, c) => (numeric[c] || short[c] ? 0 : w - (minimum[c] ?? 0)));
      const wantSum = want.reduce((a, b) => a + b, 0) || 1;
      widths =
        room >= 0
          ? natural.map((_, c) => (numeric[c] || short[c] ? (fixed[c] ?? 0) : (minimum[c] ?? 0) + ((want[c] ?? 0) / wantSum) * room))
          : natural.map((_, c) => (numeric[c] || short[c] ? (fixed[c] ?? 0) : ((minimum[c] ?? 0) / (total - room - fixedSum)) * (total - fixedSum)));
    } else if (numeric.some((n) => !n)) {
      // Give spare width to the first text column, as a Word table set to the page width does.
      const first = numeric.findIndex((n) => !n);
      widths[first] = (widths[first] ?? 0) + (total - sum);
    } else {
      widths = widths.map((w) => w + (total - sum) / cols);
    }
    if (opts.widths) widths = opts.widths.slice();
    const xs = widths.map((_, c) => this.frame.left + widths.slice(0, c).reduce((a, b) => a + b, 0));

    const cellLines = (row: string[], font: PDFFont) => row.map((cell, c) => wrap(font, cell, size, Math.max(10, (widths[c] ?? 20) - 2 * pad)));
    // A row is a TR of TH or TD cells; a header repeated on a new page is an artifact (read once).
    const drawRow = (font: PDFFont, lines: string[][], cell: 'TH' | 'TD' | null) => {
      const height = Math.max(...lines.map((l) => l.length)) * lh + pad;
      const draw = () =>
        lines.forEach((cl, c) => {
          const drawCell = () =>
            cl.forEach((line, i) => {
              const w = textWidth(font, line, size);
              const x = numeric[c] ? (xs[c] ?? 0) + (widths[c] ?? 0) - pad - w : (xs[c] ?? 0) + pad;
              const options = { x, y: this.y - (i + 1) * lh + size * 0.28, size, font, color: INK };
              if (cell === null) this.page.drawText(drawable(line), options);
              else this.drawTagged(this.page, drawable(line), options);
            });
          if (cell === null) drawCell();
          else this.tags.within(cell, drawCell);
        });
      if (cell === null) this.drawArtifact(draw);
      else this.tags.within('TR', draw);
      this.y -= height;
    };
    let headerDrawn = false;
    const header = () => {
      const lines = cellLines(block.header, bold);
      const height = Math.max(...lines.map((l) => l.length)) * lh + pad;
      this.drawArtifact(() => this.page.drawRectangle({ x: this.frame.left, y: this.y - height, width: total, height, color: rgb(0.93, 0.94, 0.96) }));
      drawRow(bold, lines, headerDrawn ? null : 'TH');
      headerDrawn = true;
      this.drawArtifact(() =>
        this.page.drawLine({ start: { x: this.frame.left, y: this.y }, end: { x: this.frame.right, y: this.y }, thickness: 0.8, color: INK }),
      );
    };

    const firstRowHeight = block.rows[0] ? Math.max(...cellLines(block.rows[0], regular).map((l) => l.length)) * lh + pad : 0;
    const captionHeight = block.caption ? 11 * 1.3 + 4 : 0;
    if (this.pages.length === 0) this.newPage();
    this.ensure(captionHeight + 2 * lh + pad + firstRowHeight + 6);
    const table = this.tags.open('Table');
    if (block.caption) this.text(block.caption, { font: bold, size: 10.5, spaceAfter: 3, tag: 'Caption' });
    header();
    block.rows.forEach((row, r) => {
      const isSum = block.sumRow && r === block.rows.length - 1;
      const font = isSum ? bold : regular;
      const lines = cellLines(row, font);
      const height = Math.max(...lines.map((l) => l.length)) * lh + pad;
      if (this.y - height < this.frame.bottom) {
        this.newPage();
        header();
      }
      const line = (thickness: number, color: typeof INK) =>
        this.drawArtifact(() => this.page.drawLine({ start: { x: this.frame.left, y: this.y }, end: { x: this.frame.right, y: this.y }, thickness, color }));
      if (isSum) line(0.8, INK);
      drawRow(font, lines, 'TD');
      if (!isSum) line(0.25, RULE);
    });
    this.tags.close(table);
    if (block.note) this.text(block.note, { font: this.fonts.italic, size: 9, color: MUTED, spaceBefore: 2 });
    this.y -= 8;
  }

  /**
   * A picture (a chart) with its caption below, scaled to the text width at most and
   * never split: it moves to the next page whole. Charts are drawn at twice their
   * screen size, so 150 dpi or better in print.
   */
  image(image: PDFImage, caption: string): void {
    const maxWidth = this.width;
    const maxHeight = (this.frame.top - this.frame.bottom) * 0.6;
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 72 / 150);
    const width = image.width * scale;
    const height = image.height * scale;
    const captionHeight = caption.trim() === '' ? 0 : 9 * 1.3 * 2 + 2;
    if (this.pages.length === 0) this.newPage();
    this.ensure(height + captionHeight + 4);
    // A figure's alternative text is its caption: what a screen reader says instead of the picture.
    this.tags.within('Figure', () => this.tags.mark(this.page, () => this.page.drawImage(image, { x: this.frame.left, y: this.y - height, width, height })), {
      alt: caption.trim() === '' ? 'Diagram' : caption.trim(),
    });
    this.y -= height + 3;
    if (caption.trim() !== '') this.text(caption.trim(), { font: this.fonts.italic, size: 9, color: MUTED, tag: 'Caption' });
    this.y -= 8;
  }

  /**
   * The risk matrix as vectors: a coloured grid with the risks' ids in each cell, the
   * row and column words on the axes, the axis titles and a legend. It is measured
   * first and moved whole to the next page if it does not fit.
   */
  matrix(block: MatrixBlock): void {
    const { regular, bold, italic } = this.fonts;
    const n = block.colLabels.length;
    const labelWidth = 78;
    const titleWidth = 14;
    const cellW = (this.width - labelWidth - titleWidth) / n;
    const cellH = 40;
    const colLabelH = 24;
    const captionH = block.caption ? 11 * 1.3 + 6 : 0;
    const legendH = block.legend.length > 0 ? 18 : 0;
    const total = captionH + block.rowLabels.length * cellH + colLabelH + 14 + legendH + 8;
    if (this.pages.length === 0) this.newPage();
    this.ensure(total);
    if (block.caption) this.text(block.caption, { font: bold, size: 10.5, spaceAfter: 6 });
    // The matrix is one figure; its alternative text says which risks sit in which cell.
    const cellsText = block.rowLabels
      .flatMap((row, r) =>
        (block.cells[r] ?? []).map((cell, c) =>
          cell.text.trim() === '' ? null : `${block.rowTitle} ${row}, ${block.colTitle.toLowerCase()} ${block.colLabels[c] ?? ''}: ${cell.text}`,
        ),
      )
      .filter((t): t is string => t !== null);
    const alt = [block.caption.trim() !== '' ? block.caption : 'Riskmatris', ...cellsText].join('. ');
    this.tags.within(
      'Figure',
      () =>
        this.tags.mark(this.page, () => {
          const left = this.frame.left + titleWidth + labelWidth;
          const top = this.y;
          const hex = (c: string) => rgb(parseInt(c.slice(1, 3), 16) / 255, parseInt(c.slice(3, 5), 16) / 255, parseInt(c.slice(5, 7), 16) / 255);
          block.rowLabels.forEach((label, r) => {
            const y = top - (r + 1) * cellH;
            const lines = wrap(regular, label, 8.5, labelWidth - 6);
            lines.forEach((line, i) =>
              this.page.drawText(drawable(line), {
                x: left - 4 - textWidth(regular, line, 8.5),
                y: y + cellH / 2 + (lines.length / 2 - i - 1) * 10 + 3,
                size: 8.5,
                font: regular,
                color: INK,
              }),
            );
            block.cells[r]?.forEach((cell, c) => {
              const x = left + c * cellW;
              this.page.drawRectangle({ x, y, width: cellW, height: cellH, color: hex(cell.color), borderColor: rgb(1, 1, 1), borderWidth: 1.5 });
              const text = wrap(bold, cell.text, 8.5, cellW - 8).slice(0, 3);
              text.forEach((line, i) =>
                this.page.drawText(drawable(line), {
                  x: x + (cellW - textWidth(bold, line, 8.5)) / 2,
                  y: y + cellH / 2 + (text.length / 2 - i - 1) * 10 + 3,
                  size: 8.5,
                  font: bold,
                  color: INK,
                }),
              );
            });
          });
          const gridBottom = top - block.rowLabels.length * cellH;
          block.colLabels.forEach((label, c) => {
            const lines = wrap(regular, label, 8.5, cellW - 4);
            lines.forEach((line, i) =>
              this.page.drawText(drawable(line), {
                x: left + c * cellW + (cellW - textWidth(regular, line, 8.5)) / 2,
                y: gridBottom - 11 - i * 10,
                size: 8.5,
                font: regular,
                color: INK,
              }),
            );
          });
          // Axis titles: konsekvens below, sannolikhet turned along the left side.
          this.page.drawText(drawable(block.colTitle), {
            x: left + (n * cellW - textWidth(bold, block.colTitle, 9)) / 2,
            y: gridBottom - colLabelH - 8,
            size: 9,
            font: bold,
            color: INK,
          });
          const rowTitleW = textWidth(bold, block.rowTitle, 9);
          this.page.drawText(drawable(block.rowTitle), {
            x: this.frame.left + 9,
            y: gridBottom + (block.rowLabels.length * cellH - rowTitleW) / 2,
            size: 9,
            font: bold,
            color: INK,
            rotate: degrees(90),
          });
          this.y = gridBottom - colLabelH - 14;
          if (block.legend.length > 0) {
            let x = left;
            for (const l of block.legend) {
              this.page.drawRectangle({ x, y: this.y - 10, width: 10, height: 8, color: hex(l.color) });
              this.page.drawText(drawable(l.label), { x: x + 13, y: this.y - 9, size: 8, font: italic, color: MUTED });
              x += 13 + textWidth(italic, l.label, 8) + 12;
            }
            this.y -= legendH;
          }
        }),
      { alt },
    );
    this.y -= 8;
  }

  /**
   * Reserves a box (e.g. for a signature) at the current position and returns where it is.
   * The box moves to a new page rather than being cut.
   */
  reserve(height: number): { page: PDFPage; pageIndex: number; y: number } {
    this.ensure(height);
    this.y -= height;
    return { page: this.page, pageIndex: this.pageIndex, y: this.y };
  }
}

/** Draws an outline (bookmarks) from a tree of titles and their positions. */
export function addOutline(doc: PDFDocument, marks: Bookmark[]): void {
  if (marks.length === 0) return;
  const context = doc.context;
  const pages = doc.getPages();
  const outlinesRef = context.nextRef();
  const build = (items: Bookmark[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const page = pages[item.pageIndex];
      if (!page) return;
      const dict = context.obj({
        Title: PDFString.of(item.title),
        Parent: parent,
        Dest: context.obj([page.ref, PDFName.of('XYZ'), null, item.y, null]),
      });
      const prev = refs[i - 1];
      const next = refs[i + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev);
      if (next) dict.set(PDFName.of('Next'), next);
      count += 1;
      if (item.children.length > 0) {
        const sub = build(item.children, refs[i] as PDFRef);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Negative: the children start closed.
        dict.set(PDFName.of('Count'), context.obj(-sub.count));
      }
      context.assign(refs[i] as PDFRef, dict);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, count };
  };
  const top = build(marks, outlinesRef);
  context.assign(outlinesRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
