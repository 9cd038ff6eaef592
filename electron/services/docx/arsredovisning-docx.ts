import type { AnnualDoc } from '../pdf/arsredovisning-pdf';
import { heading, para, renderDocx, sectionsDocx } from './arendeblad-docx';

/** The årsredovisning as a Word document: the same sections as the PDF, the underskrifter as names with a line for each. */
export async function renderAnnualDocx(d: AnnualDoc): Promise<Uint8Array> {
  const signatures = [
    heading('Underskrifter', 2),
    para(`Styrelsen för ${d.sender.name} lämnar härmed årsredovisning för räkenskapsåret ${d.year}.`),
    para(d.placeAndDate, { after: 480 }),
    ...d.signers.flatMap((s) => [
      para('______________________________', { after: 0 }),
      para(s.name, { bold: true, after: 0 }),
      para([s.roleTitle, `Utsedd av ${s.appointedBy}`].filter(Boolean).join(' · '), { size: 18, color: '606068', after: 360 }),
    ]),
  ];
  return renderDocx({
    sender: d.sender,
    docType: 'ÅRSREDOVISNING',
    fields: [{ label: 'Räkenskapsår', value: String(d.year) }],
    title: d.title,
    description: `${d.title}, ${d.sender.name}`,
    body: [heading(d.title, 1), ...sectionsDocx(d.sections), ...signatures],
  });
}
