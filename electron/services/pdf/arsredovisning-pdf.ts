import type { Section } from '../../../shared/contract/schemas/arendeblad';
import type { ServiceContext } from '../context';
import { composeSections, documentFrame, drawFooter, drawHeader, MARGIN, type Sender } from './arendeblad-pdf';
import { addOutline, Composer, INK, MM, MUTED, RULE, drawable, textWidth, type Bookmark } from './composer';
import { createPdf, finishPdfA, saveClassic } from './pdfa';
import { addSignatureField } from './signature-fields';

/** The årsredovisning as it is set: a title page, the table of contents, the sections, the underskrifter. */
export interface AnnualDoc {
  sender: Sender;
  year: number;
  title: string;
  sections: Section[];
  /** "Uppsala 2018-03-16". */
  placeAndDate: string;
  signers: { name: string; roleTitle: string | null; appointedBy: string }[];
}

const SIGNATURES = 'Underskrifter';

/** Sets the whole report; `pages` gives each heading's page number for the table of contents (the first pass has none). */
async function compose(ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>, d: AnnualDoc, pages: Map<string, number> | null) {
  const { doc, fonts } = await createPdf(ctx);
  const c = new Composer(doc, fonts, (n) => documentFrame(n === 0));
  c.newPage();
  c.space(180);
  c.text(d.title, { font: fonts.bold, size: 30, align: 'center', spaceAfter: 10 });
  c.text(d.sender.name, { size: 15, align: 'center', spaceAfter: 4 });
  if (d.sender.orgNr) c.text(`Organisationsnummer ${d.sender.orgNr}`, { size: 11, align: 'center', color: MUTED });

  // Innehåll: one line per top-level heading, the page number at the right margin.
  c.newPage();
  c.heading('Innehåll', 17, 4, { spaceBefore: 0, spaceAfter: 10 });
  // The måluppfyllelse's goals ("Mål: …") are parts of its section, not lines of their own.
  const headings = [...d.sections.map((s) => s.heading).filter((h) => !h.startsWith('Mål: ')), SIGNATURES];
  for (const heading of headings) {
    c.ensure(16);
    c.y -= 16;
    const number = pages?.get(heading);
    const label = number === undefined ? '' : String(number);
    // A line of the table of contents: the heading and its page, one paragraph.
    c.tags.within('P', () =>
      c.tags.mark(c.page, () => {
        c.page.drawText(drawable(heading), { x: MARGIN.left, y: c.y, size: 11, font: fonts.regular, color: INK });
        const w = textWidth(fonts.regular, label, 11);
        c.page.drawText(label, { x: MARGIN.right - w, y: c.y, size: 11, font: fonts.regular, color: INK });
      }),
    );
  }

  const marks: Bookmark[] = [];
  const found = new Map<string, number>();
  c.newPage();
  composeSections(c, d.sections, undefined, (title) => {
    marks.push({ title, pageIndex: c.pageIndex, y: c.y + 16, children: [] });
    if (!found.has(title)) found.set(title, c.pageIndex + 1);
  });

  // Underskrifter: every ordinarie ledamot, each with a field of their own to sign in turn.
  c.newPage();
  found.set(SIGNATURES, c.pageIndex + 1);
  marks.push({ title: SIGNATURES, pageIndex: c.pageIndex, y: c.y + 16, children: [] });
  c.heading(SIGNATURES, 17, 4, { spaceBefore: 0, spaceAfter: 6 });
  c.text(`Styrelsen för ${d.sender.name} lämnar härmed årsredovisning för räkenskapsåret ${d.year}.`, { spaceAfter: 6 });
  c.text(d.placeAndDate, { spaceAfter: 12 });
  const width = (MARGIN.right - MARGIN.left - 10 * MM) / 2;
  for (let i = 0; i < d.signers.length; i += 2) {
    c.ensure(78);
    const top = c.y;
    d.signers.slice(i, i + 2).forEach((s, k) => {
      const x = MARGIN.left + k * (width + 10 * MM);
      const boxBottom = top - 44;
      addSignatureField(doc, c.page, s.name, { x, y: boxBottom, width, height: 40 });
      c.tags.artifact(c.page, () => c.page.drawLine({ start: { x, y: boxBottom }, end: { x: x + width, y: boxBottom }, thickness: 0.5, color: RULE }));
      const under = [s.roleTitle, `Utsedd av ${s.appointedBy}`].filter(Boolean).join(' · ');
      c.tags.within('P', () =>
        c.tags.mark(c.page, () => {
          c.page.drawText(drawable(s.name), { x, y: boxBottom - 12, size: 10, font: fonts.bold, color: INK });
          c.page.drawText(drawable(under), { x, y: boxBottom - 24, size: 8.5, font: fonts.regular, color: MUTED });
        }),
      );
    });
    c.y = top - 78;
  }

  const total = c.pages.length;
  c.pages.forEach((page, i) => {
    if (i === 0) return;
    drawHeader(
      page,
      fonts,
      d.sender,
      { docType: 'Årsredovisning', fields: [{ label: 'Räkenskapsår', value: String(d.year) }], pageLabel: `Sida ${i + 1} (${total})` },
      false,
    );
    drawFooter(page, fonts, d.sender);
  });
  addOutline(doc, marks);
  return { doc, found, total };
}

/** The årsredovisning as PDF/A, with the table of contents' page numbers from a first pass. */
export async function renderAnnualPdf(
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  d: AnnualDoc,
  created: Date,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const first = await compose(ctx, d, null);
  const { doc, total } = await compose(ctx, d, first.found);
  finishPdfA(doc, ctx, {
    title: d.title,
    author: d.sender.name,
    subject: `${d.title}, ${d.sender.name}`,
    keywords: ['årsredovisning', String(d.year)],
    created,
  });
  return { bytes: await saveClassic(doc), pages: total };
}
