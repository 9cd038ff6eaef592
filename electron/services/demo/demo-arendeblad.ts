import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Arendeblad, ArendebladContent } from '../../../shared/contract/schemas/arendeblad';
import { PLACEHOLDER } from '../../../shared/domain/arendeblad-templates';
import type { DemoWorld } from './world';

/**
 * Finishes an ärendeblad a generator or template wrote: each «fält» given its text and
 * each bilaga linked to its handling, as the förbundschef would before the meeting. A
 * «fält» the demo has no text for is a bug in the demo and stops it.
 */
export async function finishArendeblad(
  world: DemoWorld,
  id: number,
  texts: Record<string, string>,
  bilagor: Record<string, number> = {},
  /** The bilagor are exactly those given (a template's others, e.g. "Årsrapporter", have no handling in the demo). */
  opts: { onlyThese?: boolean } = {},
): Promise<Arendeblad> {
  const blad = await world.call('arendeblad.get', { id });
  const fill = (t: string) =>
    t.replace(PLACEHOLDER, (field) => {
      const given = texts[field];
      if (given === undefined) throw new Error(`Demoförbundet har ingen text för ${field} i ärendebladet ”${blad.rubrik}”.`);
      return given;
    });
  const content: ArendebladContent = {
    ...blad.content,
    forslag: { ...blad.content.forslag, punkter: blad.content.forslag.punkter.map(fill) },
    sections: blad.content.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) =>
        b.type === 'stycke' || b.type === 'underrubrik'
          ? { ...b, text: fill(b.text) }
          : b.type === 'punktlista'
            ? { ...b, items: b.items.map(fill) }
            : b.type === 'tabell'
              ? { ...b, rows: b.rows.map((r) => r.map(fill)) }
              : b,
      ),
    })),
    bilagor: opts.onlyThese
      ? Object.entries(bilagor).map(([title, documentId]) => ({ title, documentId }))
      : blad.content.bilagor.map((b) => ({ ...b, documentId: b.documentId ?? bilagor[b.title] ?? null })),
  };
  const rubrik = fill(blad.rubrik);
  if (rubrik === blad.rubrik && JSON.stringify(content) === JSON.stringify(blad.content)) return blad;
  return world.call('arendeblad.save', { id, revision: blad.revision, organ: blad.organ, rubrik, datum: blad.datum, content });
}

/** A handling that came in from outside (an ansökan as the insatsägare sent it): a plain one-page PDF. */
export async function incomingPdf(title: string, lines: readonly string[]): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setLanguage('sv-SE');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  let y = 780;
  page.drawText(title, { x: 60, y, size: 15, font: bold });
  y -= 30;
  for (const line of lines) {
    for (const part of wrap(line, 88)) {
      if (y < 60) break;
      page.drawText(part, { x: 60, y, size: 10.5, font });
      y -= 15;
    }
    y -= 6;
  }
  return Buffer.from(await pdf.save()).toString('base64');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}
