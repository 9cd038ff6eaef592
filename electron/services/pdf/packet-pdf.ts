import { PDFDocument, PDFName, popGraphicsState, pushGraphicsState, setCharacterSpacing, type PDFPage, ParseSpeeds } from 'pdf-lib';
import type { AgendaItem, MeetingView } from '../../../shared/contract/schemas/meetings';
import type { ServiceContext } from '../context';
import {
  arendebladHeader,
  composeArendeblad,
  documentFrame,
  drawFooter,
  drawHeader,
  embedImages,
  MARGIN,
  type ArendebladDoc,
  type Sender,
} from './arendeblad-pdf';
import { A4, Composer, INK, MUTED, addOutline, drawable, textWidth, type TextStyle } from './composer';
import { createPdf, finishPdfA, saveClassic, type Fonts } from './pdfa';

/**
 * The board packet: kallelse, innehåll, dagordning, then every ärendeblad followed by
 * its bilagor, as one PDF with bookmarks, a linked table of contents and "Sida X av Y"
 * on every page, like seed 003. PDF bilagor are copied in page by page; another kind of
 * file gets a page saying where it is. The file declares PDF/A only when every page is
 * Kansli's own (a bilaga from elsewhere may not conform).
 */

export interface PacketBilaga {
  number: string;
  title: string;
  fileName: string;
  /** The PDF's bytes, or null for a file that is not a PDF. */
  pdf: Uint8Array | null;
}

export interface PacketItem {
  item: AgendaItem;
  blad: ArendebladDoc | null;
  bilagor: PacketBilaga[];
}

export interface Kallade {
  name: string;
  party: string | null;
  member: string;
}

export interface PacketInput {
  sender: Sender;
  city: string | null;
  meeting: MeetingView;
  kallelseDate: string;
  ordforande: string | null;
  ordinarie: Kallade[];
  ersattare: Kallade[];
  items: PacketItem[];
}

export type Progress = (done: number, step: string) => void;

const TOC_LINES_PER_PAGE = 34;

function when(m: MeetingView): string {
  const time = m.startsAt ? ` kl. ${m.startsAt}${m.endsAt ? `–${m.endsAt}` : ''}` : '';
  return `${m.heldOn}${time}`;
}

function kallelse(c: Composer, p: PacketInput): void {
  const { fonts } = c;
  c.heading(`Kallelse till sammanträde med ${p.meeting.bodyLabel.toLowerCase()}`, 17, 4, { spaceBefore: 0, spaceAfter: 10 });
  const facts = [
    { label: 'Tid', text: when(p.meeting) },
    { label: 'Plats', text: p.meeting.place ?? 'Meddelas senare' },
  ];
  c.hanging(facts, { labelWidth: 70, gap: 3, labelFont: fonts.bold });
  c.space(6);
  const table = (rows: Kallade[]) => ({
    caption: '',
    header: ['Namn', 'Medlemsorganisation'],
    rows: rows.map((r) => [r.party ? `${r.name} (${r.party})` : r.name, r.member]),
    sumRow: false,
    note: '',
  });
  if (p.ordinarie.length > 0) {
    c.heading('Kallade ledamöter', 12, 3);
    c.table(table(p.ordinarie));
  }
  if (p.ersattare.length > 0) {
    c.heading('Ersättare', 12, 3);
    c.text('Ersättare kallas för kännedom och tjänstgör när en ordinarie ledamot från samma medlemsorganisation har förhinder.', { spaceAfter: 4 });
    c.table(table(p.ersattare));
  }
  c.heading('Handlingar', 12, 2);
  c.text('Dagordning, ärendeblad och bilagor finns i detta utskick, i dagordningens ordning.', { spaceAfter: 6 });
  if (p.meeting.notes) c.text(p.meeting.notes, { spaceAfter: 6 });
  const contact = [p.sender.email, p.sender.phone].filter(Boolean).join(' eller ');
  // The last paragraph, place and date and the ordförande's name stay together: the signature never stands alone on a page.
  const closing: [string, TextStyle][] = [
    [`Förhinder anmäls till kansliet${contact ? ` (${contact})` : ''} så snart som möjligt, så att ersättare kan kallas.`, { spaceAfter: 16 }],
    [`${p.city ? `${p.city} ` : ''}${p.kallelseDate}`, { spaceAfter: 30 }],
    ...(p.ordforande
      ? ([
          [p.ordforande, {}],
          ['Ordförande', { color: MUTED }],
        ] as [string, TextStyle][])
      : []),
  ];
  c.ensure(closing.reduce((h, [text, style]) => h + c.textHeight(text, style), 0));
  for (const [text, style] of closing) c.text(text, style);
}

/** The dagordning; the columns have fixed widths so the page count never depends on the page numbers. */
function dagordning(c: Composer, p: PacketInput, pageOf: (item: AgendaItem) => number | null): void {
  c.heading(`Dagordning ${p.meeting.bodyLabel.toLowerCase()} ${p.meeting.heldOn}`, 17, 4, { spaceBefore: 0, spaceAfter: 10 });
  const w = c.width;
  c.table(
    {
      caption: '',
      header: ['Nr', 'Ärende', 'Dnr', 'Sida'],
      rows: p.items.map(({ item }) => {
        const page = pageOf(item);
        return [`${item.number}.`, item.title, item.diarienummer ?? '', page === null ? '' : String(page)];
      }),
      sumRow: false,
      note: '',
    },
    { widths: [30, w - 30 - 70 - 40, 70, 40], align: ['right', 'left', 'left', 'right'] },
  );
}

/** Dot leaders and a right-aligned page number, as a printed table of contents. */
function drawTocLine(page: PDFPage, fonts: Fonts, y: number, level: 0 | 1, text: string, pageNumber: number): void {
  const size = level === 0 ? 11 : 10;
  const font = level === 0 ? fonts.bold : fonts.regular;
  const x = MARGIN.left + (level === 0 ? 0 : 16);
  const num = String(pageNumber);
  const numWidth = textWidth(fonts.regular, num, size);
  let title = text;
  const max = MARGIN.right - x - numWidth - 24;
  while (textWidth(font, title, size) > max && title.length > 4) title = `${title.slice(0, -2)}…`;
  page.drawText(drawable(title), { x, y, size, font, color: INK });
  const dotsFrom = x + textWidth(font, title, size) + 6;
  const dotsTo = MARGIN.right - numWidth - 6;
  // The leader is one run of dots, spaced by the character spacing, not a text object per dot.
  const gap = 2.2;
  const dots = Math.max(0, Math.ceil((dotsTo - dotsFrom) / (textWidth(fonts.regular, '.', size) + gap)));
  if (dots > 0) {
    page.pushOperators(pushGraphicsState(), setCharacterSpacing(gap));
    page.drawText('.'.repeat(dots), { x: dotsFrom, y, size, font: fonts.regular, color: MUTED });
    page.pushOperators(popGraphicsState());
  }
  page.drawText(num, { x: MARGIN.right - numWidth, y, size, font: fonts.regular, color: INK });
}

function linkTo(doc: PDFDocument, from: PDFPage, rect: [number, number, number, number], target: PDFPage): void {
  const context = doc.context;
  const link = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], F: 4, Dest: [target.ref, PDFName.of('Fit')] }));
  const annots = from.node.Annots();
  if (annots) annots.push(link);
  else from.node.set(PDFName.of('Annots'), context.obj([link]));
}

interface PageLabel {
  docType: string;
  first: boolean;
  header: HeaderFieldsNoPage | null;
  /** A bilaga's own page: only a small stamp in the margin. */
  foreign: string | null;
}
type HeaderFieldsNoPage = ReturnType<typeof arendebladHeader>;

/** Moves pages (already in the document) to start at `at`, keeping their order. */
function movePages(doc: PDFDocument, pages: PDFPage[], at: number): void {
  pages.forEach((page, i) => {
    doc.removePage(doc.getPages().indexOf(page));
    doc.insertPage(at + i, page);
  });
}

export async function renderPacket(
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  p: PacketInput,
  created: Date,
  progress: Progress,
): Promise<{ bytes: Uint8Array; pages: number; pdfa: boolean }> {
  const { doc, fonts } = await createPdf(ctx);
  const labels = new Map<PDFPage, PageLabel>();
  /** `full`: the part's first page has the full header with its fields (kallelse, dagordning, ärendeblad). */
  const label = (pages: PDFPage[], docType: string, header: HeaderFieldsNoPage | null, opts: { foreign?: string; full?: boolean } = {}) =>
    pages.forEach((page, i) => labels.set(page, { docType, first: i === 0 && opts.full !== false && header !== null, header, foreign: opts.foreign ?? null }));
  const meetingFields = (docType: string): HeaderFieldsNoPage => ({
    docType,
    fields: [
      { label: 'Sammanträde', value: when(p.meeting) },
      { label: 'Organ', value: p.meeting.bodyLabel },
      ...(p.meeting.place ? [{ label: 'Plats', value: p.meeting.place }] : []),
    ],
  });

  progress(0, 'Kallelse');
  const k = new Composer(doc, fonts, (n) => documentFrame(n === 0));
  k.newPage();
  kallelse(k, p);
  label(k.pages, 'Kallelse', meetingFields('Kallelse'));

  // The innehåll and the dagordning go after the kallelse but are made last, when page
  // numbers are known; their sizes are known now.
  const withBlad = p.items.filter((it) => it.blad !== null);
  const tocCount = 1 + withBlad.reduce((n, it) => n + 1 + it.bilagor.length, 0);
  const tocPages = Math.ceil((tocCount + 2) / TOC_LINES_PER_PAGE);
  const probe = await createPdf(ctx);
  const probeComposer = new Composer(probe.doc, probe.fonts, (n) => documentFrame(n === 0));
  probeComposer.newPage();
  dagordning(probeComposer, p, () => 999);
  const dagordningPages = probeComposer.pages.length;
  const offset = tocPages + dagordningPages;

  const starts = new Map<number, PDFPage>();
  const marks: { title: string; page: PDFPage; y: number; children: { title: string; page: PDFPage; y: number }[] }[] = [];
  const toc: { title: string; page: PDFPage | 'dagordning'; level: 0 | 1 }[] = [{ title: 'Dagordning', page: 'dagordning', level: 0 }];
  let foreign = false;
  let done = 0;
  for (const it of withBlad) {
    const blad = it.blad as ArendebladDoc;
    done += 1;
    progress(done, `Ärendeblad ${done} av ${withBlad.length}: ${blad.rubrik}`);
    // Let the app answer (progress, other calls) between ärenden: the layout itself never waits.
    await new Promise((resolve) => setImmediate(resolve));
    const c = new Composer(doc, fonts, (n) => documentFrame(n === 0));
    const first = c.newPage();
    starts.set(it.item.id, first);
    const images = await embedImages(doc, blad.content);
    const inner = composeArendeblad(c, { ...blad, images, bilagaPrefix: `${it.item.number}.` }, { signatureField: false });
    label(c.pages, 'Ärendeblad', arendebladHeader(blad));
    const title = `${it.item.number}. ${blad.rubrik}`;
    toc.push({ title: `${title} (${blad.diarienummer})`, page: first, level: 0 });
    const children = inner.map((m) => ({ title: m.title, page: doc.getPage(m.pageIndex), y: m.y }));
    for (const b of it.bilagor) {
      let firstOfBilaga: PDFPage;
      if (b.pdf) {
        const source = await PDFDocument.load(b.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
        const copied = await doc.copyPages(source, source.getPageIndices());
        copied.forEach((page) => doc.addPage(page));
        label(copied, 'Bilaga', null, { foreign: `Bilaga ${b.number}` });
        firstOfBilaga = copied[0] as PDFPage;
        foreign = true;
      } else {
        const s = new Composer(doc, fonts, () => documentFrame(false));
        firstOfBilaga = s.newPage();
        s.heading(`Bilaga ${b.number}: ${b.title}`, 15, 2, { spaceBefore: 0 });
        s.text(`Bilagan är filen ”${b.fileName}”, som inte är en PDF och därför inte ingår i utskicket. Den finns i ärende ${blad.diarienummer} i diariet.`);
        label(s.pages, 'Bilaga', meetingFields('Bilaga'), { full: false });
      }
      toc.push({ title: `Bilaga ${b.number} ${b.title}`, page: firstOfBilaga, level: 1 });
      children.push({ title: `Bilaga ${b.number} ${b.title}`, page: firstOfBilaga, y: A4.height });
    }
    marks.push({ title, page: first, y: A4.height, children });
  }

  progress(done, 'Dagordning, innehåll och sidnummer');
  const finalNumber = (page: PDFPage) => doc.getPages().indexOf(page) + offset + 1;
  const d = new Composer(doc, fonts, (n) => documentFrame(n === 0));
  d.newPage();
  dagordning(d, p, (item) => {
    const page = starts.get(item.id);
    return page ? finalNumber(page) : null;
  });
  if (d.pages.length !== dagordningPages) throw new Error('the dagordning changed length when page numbers were added');
  label(d.pages, 'Dagordning', meetingFields('Dagordning'));
  movePages(doc, d.pages, k.pages.length);

  const tocList: PDFPage[] = [];
  for (let i = 0; i < tocPages; i++) tocList.push(doc.addPage([A4.width, A4.height]));
  label(tocList, 'Innehåll', meetingFields('Innehåll'), { full: false });
  movePages(doc, tocList, k.pages.length);

  const pages = doc.getPages();
  const top = documentFrame(false).top;
  (tocList[0] as PDFPage).drawText('Innehåll', { x: MARGIN.left, y: top - 18, size: 17, font: fonts.bold, color: INK });
  toc.forEach((entry, i) => {
    const slot = i + 2;
    const page = tocList[Math.floor(slot / TOC_LINES_PER_PAGE)] as PDFPage;
    const y = top - 20 - (slot % TOC_LINES_PER_PAGE) * 18;
    const target = entry.page === 'dagordning' ? (d.pages[0] as PDFPage) : entry.page;
    drawTocLine(page, fonts, y, entry.level, entry.title, pages.indexOf(target) + 1);
    linkTo(doc, page, [MARGIN.left, y - 4, MARGIN.right, y + 12], target);
  });

  const total = pages.length;
  pages.forEach((page, i) => {
    const l = labels.get(page);
    if (!l) return;
    const pageLabel = `Sida ${i + 1} av ${total}`;
    if (l.foreign !== null) {
      const { width, height } = page.getSize();
      const text = `${l.foreign} · ${p.meeting.bodyLabel} ${p.meeting.heldOn} · ${pageLabel}`;
      page.drawText(drawable(text), { x: width - 18 - textWidth(fonts.regular, text, 7.5), y: height - 14, size: 7.5, font: fonts.regular, color: MUTED });
      return;
    }
    drawHeader(page, fonts, p.sender, { ...(l.header ?? meetingFields(l.docType)), pageLabel }, l.first);
    drawFooter(page, fonts, p.sender);
  });

  const at = (page: PDFPage) => pages.indexOf(page);
  addOutline(doc, [
    { title: 'Kallelse', pageIndex: 0, y: A4.height, children: [] },
    { title: 'Innehåll', pageIndex: at(tocList[0] as PDFPage), y: A4.height, children: [] },
    { title: 'Dagordning', pageIndex: at(d.pages[0] as PDFPage), y: A4.height, children: [] },
    ...marks.map((m) => ({
      title: m.title,
      pageIndex: at(m.page),
      y: m.y,
      children: m.children.map((c) => ({ title: c.title, pageIndex: at(c.page), y: c.y, children: [] })),
    })),
  ]);

  finishPdfA(
    doc,
    ctx,
    {
      title: `Kallelse och handlingar – ${p.meeting.bodyLabel} ${p.meeting.heldOn}`,
      author: p.sender.name,
      subject: `Utskick till sammanträde med ${p.meeting.bodyLabel.toLowerCase()} ${p.meeting.heldOn}`,
      keywords: ['kallelse', 'dagordning', 'ärendeblad'],
      created,
    },
    { declarePdfA: !foreign },
  );
  progress(done, 'Sparar');
  return { bytes: await saveClassic(doc), pages: total, pdfa: !foreign };
}
