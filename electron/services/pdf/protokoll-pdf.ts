import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { MeetingView } from '../../../shared/contract/schemas/meetings';
import type { ProtokollItem, ProtokollView } from '../../../shared/contract/schemas/protokoll';
import type { ServiceContext } from '../context';
import { drawFooter, drawHeader, MARGIN, documentFrame, type HeaderFields, type Sender } from './arendeblad-pdf';
import { Composer, INK, MM, MUTED, RULE, drawable, textWidth, type Frame } from './composer';
import { taggerFor } from './tagging';
import { addSignatureField } from './signature-fields';
import { createPdf, finishPdfA, saveClassic, type Fonts } from './pdfa';

/**
 * Protokoll, protokollsutdrag and anslagsbevis, set as DOCUMENTS.md describes: page 1
 * with plats och tid, beslutande, ersättare, övriga, justerare and the underskrifter;
 * one § per point; every page with the organ, the date, "Sida x (y)" and the boxes for
 * ordförandes and justerandes initials and utdragsbestyrkande.
 */

export interface ProtokollDoc {
  protokoll: ProtokollView;
  meeting: MeetingView;
  sender: Sender;
}

const PROTOCOL_BOTTOM = MARGIN.bottom + 12 * MM;

function frame(first: boolean): Frame {
  return { ...documentFrame(first), bottom: PROTOCOL_BOTTOM };
}

function when(m: MeetingView): string {
  return `${m.heldOn}${m.startsAt ? ` kl. ${m.startsAt}${m.endsAt ? `–${m.endsAt}` : ''}` : ''}`;
}

/** The three initial boxes at the foot of every protokoll page. */
function drawInitialBoxes(page: PDFPage, fonts: Fonts): void {
  const labels = ['Ordförandes sign', 'Justerandes sign', 'Utdragsbestyrkande'];
  const w = 30 * MM;
  const h = 9 * MM;
  const y = MARGIN.bottom + 1 * MM;
  // Boxes for initials on paper: layout, not content.
  taggerFor(page.doc).artifact(page, () =>
    labels.forEach((label, i) => {
      const x = MARGIN.right - (labels.length - i) * (w + 2 * MM) + 2 * MM;
      page.drawRectangle({ x, y, width: w, height: h, borderColor: RULE, borderWidth: 0.5 });
      page.drawText(label, { x: x + 2, y: y + h - 8, size: 6, font: fonts.regular, color: MUTED });
    }),
  );
}

function names(list: string[]): string {
  return list.length === 0 ? '–' : list.join(', ');
}

/** One § as the protokoll and the utdrag show it. */
export function composeParagraph(c: Composer, item: ProtokollItem, organ: string): void {
  const { fonts } = c;
  const head = `§ ${item.paragraph ?? item.number}   ${item.title}`;
  c.heading(head, 12.5, 3, { spaceBefore: 14 });
  if (item.diarienummer) c.text(`Dnr ${item.diarienummer}`, { size: 9, color: MUTED, spaceAfter: 4 });
  const decided = item.decision.filter((d) => d.trim() !== '');
  const differs = item.proposal.length > 0 && JSON.stringify(item.proposal) !== JSON.stringify(decided);
  if (item.kind === 'beslut' || item.kind === 'delegation') {
    if (item.diarienummer) c.text(`Beslutsunderlag: ärendeblad, dnr ${item.diarienummer}.`, { spaceAfter: 4 });
    if (differs) {
      c.text('Förslag till beslut', { font: fonts.bold, size: 10.5, spaceBefore: 2 });
      c.text(item.proposalIntro ?? `${organ} föreslås besluta`, { spaceAfter: 2 });
      c.hanging(
        item.proposal.map((t) => ({ label: 'att', text: t })),
        { labelWidth: 26, gap: 3 },
      );
    }
    if (decided.length > 0) {
      c.text('Beslut', { font: fonts.bold, size: 10.5, spaceBefore: 2 });
      c.text(`${organ} beslutar`, { spaceAfter: 2 });
      c.hanging(
        decided.map((t) => ({ label: 'att', text: t })),
        { labelWidth: 26, gap: 3 },
      );
    }
  } else {
    for (const d of decided) c.text(d, { spaceAfter: 4 });
  }
  if (item.jav) c.text(`Jäv: ${item.jav}`, { spaceBefore: 2, spaceAfter: 2 });
  if (item.reservationer) c.text(`Reservation: ${item.reservationer}`, { spaceBefore: 2, spaceAfter: 2 });
  if (item.anteckningar) c.text(`Protokollsanteckning: ${item.anteckningar}`, { spaceBefore: 2, spaceAfter: 2 });
  if (item.skickasTill.length > 0) c.text(`Beslutet skickas till: ${item.skickasTill.join(', ')}`, { size: 10, color: MUTED, spaceBefore: 2 });
}

function decorate(c: Composer, d: ProtokollDoc, docType: string, extra: { label: string; value: string }[], opts: { initials: boolean }): void {
  const total = c.pages.length;
  const fields = [{ label: 'Organ', value: d.meeting.bodyLabel }, { label: 'Sammanträdesdatum', value: d.meeting.heldOn }, ...extra];
  c.pages.forEach((page, i) => {
    const header: HeaderFields = { docType, fields, pageLabel: `Sida ${i + 1} (${total})` };
    drawHeader(page, c.fonts, d.sender, header, i === 0);
    // Later pages repeat the organ and the date, as every protokoll page must.
    if (i > 0) {
      const line = `${d.meeting.bodyLabel}   Sammanträdesdatum ${d.meeting.heldOn}`;
      c.tags.artifact(page, () =>
        page.drawText(drawable(line), {
          x: MARGIN.right - textWidth(c.fonts.regular, line, 8.5) - 70,
          y: page.getHeight() - 16 * MM - 25,
          size: 8.5,
          font: c.fonts.regular,
          color: MUTED,
        }),
      );
    }
    if (opts.initials) drawInitialBoxes(page, c.fonts);
    drawFooter(page, c.fonts, d.sender);
  });
}

function signatureRow(c: Composer, label: string, name: string, fieldName: string, note?: string): void {
  const box = 52 * MM;
  c.ensure(58);
  const y0 = c.y;
  // Read as one paragraph: "Justerare (datum) Anna Berg".
  const p = c.tags.open('P');
  c.tags.mark(c.page, () => {
    c.page.drawText(drawable(label), { x: MARGIN.left, y: y0 - 14, size: 10, font: c.fonts.bold, color: INK });
    if (note) c.page.drawText(drawable(note), { x: MARGIN.left, y: y0 - 27, size: 9, font: c.fonts.regular, color: MUTED });
  });
  const x = MARGIN.left + 38 * MM;
  const at = c.reserve(40);
  addSignatureField(c.doc, at.page, fieldName, { x, y: at.y, width: box, height: 38 });
  c.tags.artifact(at.page, () => at.page.drawLine({ start: { x, y: at.y }, end: { x: x + box, y: at.y }, thickness: 0.5, color: RULE }));
  c.tags.mark(c.page, () => c.page.drawText(drawable(name), { x, y: at.y - 11, size: 9.5, font: c.fonts.regular, color: INK }));
  c.tags.close(p);
  c.y = at.y - 18;
}

/** A new protokoll document: its first page with the title, in the given frame. */
async function begin(ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>, frameOf: (first: boolean) => Frame, title: string, spaceAfter: number) {
  const { doc, fonts } = await createPdf(ctx);
  const c = new Composer(doc, fonts, (n) => frameOf(n === 0));
  c.newPage();
  c.heading(title, 17, 4, { spaceBefore: 0, spaceAfter });
  return { doc, fonts, c };
}

export async function renderProtokoll(
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  d: ProtokollDoc,
  created: Date,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { doc, fonts, c } = await begin(ctx, frame, `Protokoll ${d.meeting.bodyLabel.toLowerCase()}`, 8);
  const p = d.protokoll;
  const by = (role: string) => p.attendance.filter((a) => a.role === role);
  const deciding = [...by('ledamot'), ...by('tjanstgorande_ersattare')].map((a) => {
    const parts = [a.name, a.organisation].filter(Boolean).join(', ');
    return `${parts}${a.replaces ? `, ersätter ${a.replaces}` : ''}${a.distance ? ' (på distans)' : ''}`;
  });
  c.hanging(
    [
      { label: 'Plats och tid', text: `${d.meeting.place ?? '–'}, ${when(d.meeting)}` },
      { label: 'Beslutande', text: deciding.join('\n') || '–' },
      { label: 'Ej tjänstgörande ersättare', text: names(by('ersattare').map((a) => a.name)) },
      { label: 'Övriga närvarande', text: names(by('ovrig').map((a) => [a.name, a.organisation].filter(Boolean).join(', '))) },
      { label: 'Sekreterare', text: p.sekreterare ?? '–' },
      { label: 'Utses att justera', text: names(p.justerare.filter((j) => j !== p.ordforande)) },
      { label: 'Justeringens plats och tid', text: [p.justeringPlats, p.justeringDag].filter(Boolean).join(', ') || '–' },
    ],
    { labelWidth: 44 * MM, gap: 5, labelFont: fonts.bold, size: 10.5 },
  );
  c.heading('Underskrifter', 12, 4, { spaceBefore: 10 });
  for (const s of p.signingOrder)
    signatureRow(c, s.role.replace(/ \d+$/, ''), s.name, s.role, s.role === 'Sekreterare' ? `Paragrafer ${p.paragraphs}` : undefined);

  for (const item of p.items) composeParagraph(c, item, d.meeting.bodyLabel);
  decorate(c, d, 'Protokoll', [{ label: 'Paragrafer', value: p.paragraphs }], { initials: true });
  return finish(
    doc,
    ctx,
    d,
    { title: `Protokoll ${d.meeting.bodyLabel.toLowerCase()} ${d.meeting.heldOn}`, subject: `Protokoll ${p.paragraphs}`, keyword: 'protokoll', created },
    c.pages.length,
  );
}

export async function renderUtdrag(
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  d: ProtokollDoc,
  item: ProtokollItem,
  created: Date,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { doc, c } = await begin(ctx, frame, `Protokollsutdrag ${d.meeting.bodyLabel.toLowerCase()}`, 4);
  const p = d.protokoll;
  c.text(`Protokollet justerades ${p.justeratOn ?? '–'}${p.anslagOn ? ` och justeringen tillkännagavs genom anslag ${p.anslagOn}` : ''}.`, {
    color: MUTED,
    size: 10,
  });
  composeParagraph(c, item, d.meeting.bodyLabel);
  c.heading('Utdragsbestyrkande', 11, 3, { spaceBefore: 18 });
  c.text('Rätt utdraget intygar', { spaceAfter: 4 });
  signatureRow(c, '', p.sekreterare ?? '', 'Utdragsbestyrkande');
  decorate(c, d, 'Protokollsutdrag', [{ label: 'Paragraf', value: `§ ${item.paragraph ?? item.number}` }], { initials: false });
  return finish(
    doc,
    ctx,
    d,
    {
      title: `Protokollsutdrag § ${item.paragraph} ${item.title}`,
      subject: `Utdrag ur protokoll ${d.meeting.bodyLabel.toLowerCase()} ${d.meeting.heldOn}`,
      keyword: 'protokollsutdrag',
      created,
    },
    c.pages.length,
  );
}

export async function renderAnslagsbevis(
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  d: ProtokollDoc,
  created: Date,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { doc, fonts, c } = await begin(ctx, documentFrame, 'Anslag/bevis', 8);
  const p = d.protokoll;
  c.text('Protokollet är justerat. Justeringen har tillkännagivits genom anslag.', { spaceAfter: 10 });
  c.hanging(
    [
      { label: 'Organ', text: d.meeting.bodyLabel },
      { label: 'Sammanträdesdatum', text: d.meeting.heldOn },
      { label: 'Paragrafer', text: p.paragraphs },
      { label: 'Justerat', text: p.justeratOn ?? '–' },
      { label: 'Datum då anslaget sätts upp', text: p.anslagOn ?? '–' },
      { label: 'Sista dag för överklagande', text: p.dates.overklagaSenast ?? '–' },
      { label: 'Datum då anslaget tas ned', text: p.dates.anslagTasNed ?? '–' },
      { label: 'Förvaringsplats för protokollet', text: p.forvaring ?? '–' },
    ],
    { labelWidth: 62 * MM, gap: 5, labelFont: fonts.bold },
  );
  c.space(8);
  c.text(
    'Den som är medlem i en kommun eller region som är medlem i förbundet kan överklaga beslutet genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725), jämför 28 § lagen (2003:1210) om finansiell samordning inom rehabiliteringsområdet. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då justeringen tillkännagavs på anslagstavlan.',
    { size: 10, color: MUTED, spaceAfter: 6 },
  );
  for (const note of p.dates.notes) c.text(note, { size: 10, color: MUTED, spaceAfter: 3 });
  c.space(24);
  c.text('Underskrift', { font: fonts.bold, size: 10 });
  c.space(22);
  c.rule();
  c.text(p.sekreterare ?? '', { spaceAfter: 2 });
  const total = c.pages.length;
  c.pages.forEach((page, i) => {
    drawHeader(
      page,
      fonts,
      d.sender,
      {
        docType: 'Anslag/bevis',
        fields: [
          { label: 'Organ', value: d.meeting.bodyLabel },
          { label: 'Sammanträdesdatum', value: d.meeting.heldOn },
        ],
        pageLabel: `Sida ${i + 1} (${total})`,
      },
      i === 0,
    );
    drawFooter(page, fonts, d.sender);
  });
  return finish(
    doc,
    ctx,
    d,
    { title: `Anslagsbevis ${d.meeting.bodyLabel.toLowerCase()} ${d.meeting.heldOn}`, subject: `Anslag/bevis ${p.paragraphs}`, keyword: 'anslag', created },
    total,
  );
}

/** Marks a protokoll document as PDF/A with its metadata (the förbund as author, the meeting's date as a keyword) and saves it. */
async function finish(
  doc: PDFDocument,
  ctx: Pick<ServiceContext, 'resourcesDir' | 'appVersion'>,
  d: ProtokollDoc,
  meta: { title: string; subject: string; keyword: string; created: Date },
  pages: number,
): Promise<{ bytes: Uint8Array; pages: number }> {
  finishPdfA(doc, ctx, { title: meta.title, author: d.sender.name, subject: meta.subject, keywords: [meta.keyword, d.meeting.heldOn], created: meta.created });
  return { bytes: await saveClassic(doc), pages };
}
