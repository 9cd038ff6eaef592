import type { PlanDoc } from '../pdf/verksamhetsplan-pdf';
import { heading, para, renderDocx, sectionsDocx } from './arendeblad-docx';

/** The verksamhetsplan as a Word document: the same sections as the PDF, for whoever edits on in Word. */
export async function renderPlanDocx(d: PlanDoc): Promise<Uint8Array> {
  return renderDocx({
    sender: d.sender,
    docType: d.docType,
    fields: d.fields,
    title: d.title,
    description: d.status,
    body: [heading(d.title, 1), para(d.status, { color: '606068' }), ...sectionsDocx(d.sections)],
  });
}
