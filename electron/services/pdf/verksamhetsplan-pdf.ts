import type { Section } from '../../../shared/contract/schemas/arendeblad';
import type { ServiceContext } from '../context';
import { composeSections, documentFrame, drawFooter, drawHeader, type Sender } from './arendeblad-pdf';
import { addOutline, Composer, MUTED, type Bookmark } from './composer';
import { createPdf, finishPdfA, saveClassic } from './pdfa';

/** A plan (or another of the förbund's own documents) as it is set: sections under a title. */
export interface PlanDoc {
  sender: Sender;
  /** "VERKSAMHETSPLAN" in the header. */
  docType: string;
  title: string;
  /** Under the title: "Fastställd av förbundsstyrelsen 2019-11-21 § 12" or "Förslag". */
  status: string;
  fields: { label: string; value: string }[];
  sections: Section[];
}

/** The verksamhetsplan as PDF/A-2b, A4, with bookmarks per section and "Sida x (y)" on every page. */
export async function renderPlanPdf(
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  d: PlanDoc,
  created: Date,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { doc, fonts } = await createPdf(ctx);
  const c = new Composer(doc, fonts, (n) => documentFrame(n === 0));
  c.newPage();
  c.heading(d.title, 20, 4, { spaceBefore: 0, spaceAfter: 4 });
  c.text(d.status, { color: MUTED, spaceAfter: 10 });
  const marks: Bookmark[] = [];
  composeSections(c, d.sections, undefined, (title) => marks.push({ title, pageIndex: c.pageIndex, y: c.y + 16, children: [] }));
  const total = c.pages.length;
  c.pages.forEach((page, i) => {
    drawHeader(page, fonts, d.sender, { docType: d.docType, fields: d.fields, pageLabel: `Sida ${i + 1} (${total})` }, i === 0);
    drawFooter(page, fonts, d.sender);
  });
  addOutline(doc, marks);
  finishPdfA(doc, ctx, { title: d.title, author: d.sender.name, subject: `${d.title}, ${d.status.toLowerCase()}`, keywords: ['verksamhetsplan'], created });
  return { bytes: await saveClassic(doc), pages: total };
}
