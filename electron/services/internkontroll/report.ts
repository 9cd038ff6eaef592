import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import { HANTERING_LABELS } from '../../../shared/contract/schemas/internkontroll';
import { buildFromTemplate } from '../../../shared/domain/arendeblad-templates';
import { FREKVENS_LABELS, METOD_LABELS, type ReportControl } from '../../../shared/domain/internkontroll';
import { formatDate } from '../../../shared/format/sv';
import { templateData, writeGeneratedArendeblad } from '../arendeblad';
import type { Scope } from '../context';
import { refuse } from '../refuse';
import { buildWorkbookSheets, XLSX_MIME } from '../xlsx/workbook';
import { occasionDetails } from './checklists';
import { loadControls } from './plan';
import { riskYear } from './risks';
import { handlersFor } from '../handler';

/**
 * The report to the board: "Riskanalys och internkontrollplan" (with the matrix) when a
 * year's plan is adopted, and "Uppföljning av internkontrollplan" at the delårsrapport
 * (occasions due to 31 August) and the årsredovisning (the whole year). Also the plan
 * and its results as Excel.
 */

export async function reportControls(scope: Scope, year: number, until: string): Promise<ReportControl[]> {
  const controls = await loadControls(scope, { year });
  const details = await occasionDetails(
    scope,
    controls.flatMap((c) => c.occasions.filter((o) => o.dueOn <= until).map((o) => o.id)),
  );
  return controls.map((c) => {
    const mine = c.occasions.flatMap((o) => (details.has(o.id) ? [details.get(o.id)!] : []));
    return {
      process: c.process,
      moment: c.moment,
      metod: c.metod,
      occasions: mine.map((v) => ({
        label: v.label,
        done: v.signedOff,
        sample: v.sample,
        items: v.items.map((i) => ({ text: i.text, result: i.result, comment: i.comment })),
      })),
      deviations: mine.flatMap((v) =>
        v.deviations.map((d) => ({ description: d.description, action: d.action, owner: d.owner, dueOn: d.dueOn, status: d.status, closedOn: d.closedOn })),
      ),
    };
  });
}

export async function internkontrollArendeblad(
  input: ParsedInput<'internkontroll.arendeblad'>,
  scope: Scope,
): Promise<MethodResult<'internkontroll.arendeblad'>> {
  const datum = formatDate(scope.now);
  if (input.kind === 'riskanalys') {
    const analysis = await riskYear(scope, input.year);
    if (analysis.risks.length === 0) throw refuse('year', `Det finns ingen riskanalys för ${input.year}.`);
    const data = await templateData(scope, input.year - 1, datum, 'Förbundsstyrelsen');
    data.risk = { year: input.year, analysis, controls: await loadControls(scope, { year: input.year }) };
    const built = buildFromTemplate('riskanalys_och_internkontrollplan', data);
    return writeGeneratedArendeblad(scope, { template: 'riskanalys_och_internkontrollplan', built, datum, organ: 'Förbundsstyrelsen', kind: 'beslutsarende' });
  }
  const until = input.period === 'delar' ? `${input.year}-08-31` : `${input.year}-12-31`;
  const controls = await reportControls(scope, input.year, until);
  if (controls.length === 0) throw refuse('year', `Internkontrollplanen för ${input.year} har inga kontrollmoment att följa upp.`);
  const data = await templateData(scope, input.year, datum, 'Förbundsstyrelsen');
  data.followUp = { year: input.year, period: input.period, controls };
  const built = buildFromTemplate('uppfoljning_av_internkontroll', data);
  return writeGeneratedArendeblad(scope, { template: 'uppfoljning_av_internkontroll', built, datum, organ: 'Förbundsstyrelsen', kind: 'beslutsarende' });
}

export async function exportInternkontroll(input: ParsedInput<'internkontroll.export'>, scope: Scope): Promise<MethodResult<'internkontroll.export'>> {
  const analysis = await riskYear(scope, input.year);
  const controls = await loadControls(scope, { year: input.year });
  const details = await occasionDetails(
    scope,
    controls.flatMap((c) => c.occasions.map((o) => o.id)),
  );
  const results = controls.flatMap((c) =>
    c.occasions.flatMap((o) => {
      const v = details.get(o.id)!;
      return [
        ...v.items.map((i) => [
          c.process,
          c.moment,
          v.label,
          v.dueOn,
          v.doneOn,
          v.doneBy,
          v.sample,
          i.text,
          i.result === null ? null : i.result === 'ok' ? 'OK' : 'Avvikelse',
          i.comment,
        ]),
        ...v.deviations.map((d) => [
          c.process,
          c.moment,
          v.label,
          v.dueOn,
          null,
          null,
          null,
          `Åtgärd: ${d.action}`,
          d.status === 'stangd' ? `Stängd ${d.closedOn}` : `Öppen, senast ${d.dueOn}`,
          `${d.description} (${d.owner})`,
        ]),
      ];
    }),
  );
  const contentBase64 = await buildWorkbookSheets([
    {
      name: `Riskanalys ${input.year}`,
      columns: [
        { header: 'Id' },
        { header: 'Process', width: 26 },
        { header: 'Risk', width: 40 },
        { header: 'Orsak', width: 30 },
        { header: 'Sannolikhet', kind: 'integer' },
        { header: 'Konsekvens', kind: 'integer' },
        { header: 'Riskvärde', kind: 'integer' },
        { header: 'Förändring', kind: 'integer' },
        { header: 'Riskägare', width: 20 },
        { header: 'Hantering', width: 30 },
      ],
      rows: analysis.risks.map((r) => [
        r.code,
        r.process,
        r.title,
        r.orsak,
        r.sannolikhet,
        r.konsekvens,
        r.value,
        r.change,
        r.owner,
        `${HANTERING_LABELS[r.hantering]}${r.hanteringText ? `: ${r.hanteringText}` : ''}`,
      ]),
    },
    {
      name: `Internkontrollplan ${input.year}`,
      columns: [
        { header: 'Process', width: 26 },
        { header: 'Kontrollmoment', width: 44 },
        { header: 'Risk' },
        { header: 'Metod' },
        { header: 'Frekvens', width: 18 },
        { header: 'Ansvarig', width: 20 },
        { header: 'Rapporteras till', width: 20 },
        { header: 'När', width: 30 },
      ],
      rows: controls.map((c) => [c.process, c.moment, c.riskCode, METOD_LABELS[c.metod], FREKVENS_LABELS[c.frekvens], c.ansvarig, c.rapportTill, c.rapportNar]),
    },
    {
      name: 'Resultat',
      columns: [
        { header: 'Process', width: 26 },
        { header: 'Kontrollmoment', width: 40 },
        { header: 'Tillfälle', width: 20 },
        { header: 'Planerat', kind: 'date' },
        { header: 'Genomfört', kind: 'date' },
        { header: 'Av', width: 20 },
        { header: 'Urval', width: 30 },
        { header: 'Punkt', width: 40 },
        { header: 'Resultat', width: 16 },
        { header: 'Kommentar', width: 40 },
      ],
      rows: results,
    },
  ]);
  return {
    fileName: `Kansli Internkontroll ${input.year}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64,
    rows: analysis.risks.length + controls.length + results.length,
  };
}

/** The methods this module serves. */
export const reportHandlers = handlersFor({
  'internkontroll.arendeblad': internkontrollArendeblad,
  'internkontroll.export': exportInternkontroll,
});
