import type { Block } from '../contract/schemas/arendeblad';
import type { ControlView, RiskYearView } from '../contract/schemas/internkontroll';
import type { TemplateData } from './arendeblad-templates';
import { FREKVENS_LABELS, METOD_LABELS, reportParagraphs, type ReportControl } from './internkontroll';
import { countWord, h, joinSv, p, sec, skeleton, type Built } from './template-kit';

/**
 * The two ärendeblad of the internkontroll cycle, written from the data: "Riskanalys och
 * internkontrollplan" for adopting a year's plan, with the risk matrix, and "Uppföljning
 * av internkontrollplan" for the delårsrapport and the årsredovisning, per process what
 * was controlled, how, the result and the avvikelser, as seed 003 writes it.
 */

export interface RiskTemplateData {
  /** The year the plan is for. */
  year: number;
  analysis: RiskYearView;
  controls: ControlView[];
}

export interface FollowUpTemplateData {
  year: number;
  /** "delårsrapporten (2026-01-01 – 2026-08-31)" or "årsredovisningen". */
  period: 'delar' | 'helar';
  controls: ReportControl[];
}

export function matrixBlock(a: RiskYearView, caption: string): Block {
  return {
    type: 'riskmatris',
    caption,
    rowTitle: 'Sannolikhet',
    colTitle: 'Konsekvens',
    rowLabels: [...a.scale.sannolikhet].reverse(),
    colLabels: a.scale.konsekvens,
    cells: a.matrix.map((row) => row.map((c) => ({ text: c.text, color: c.level.color }))),
    legend: a.scale.levels.map((l) => ({ label: `${l.label} (t.o.m. ${l.upTo})`, color: l.color })),
  };
}

/** "Fyra risker hanteras med kontrollmoment i internkontrollplanen, en med en annan åtgärd och en accepteras." */
function hanteringSentence(h: readonly ('kontroll' | 'atgard' | 'accepterad')[]): string {
  const n = (k: (typeof h)[number]) => h.filter((x) => x === k).length;
  const parts = [
    n('kontroll') > 0
      ? `${countWord(n('kontroll'))} ${n('kontroll') === 1 ? 'risk hanteras' : 'risker hanteras'} med kontrollmoment i internkontrollplanen`
      : null,
    n('atgard') > 0 ? `${countWord(n('atgard'))} med ${n('atgard') === 1 ? 'en annan åtgärd' : 'andra åtgärder'}` : null,
    n('accepterad') > 0 ? `${countWord(n('accepterad'))} ${n('accepterad') === 1 ? 'accepteras' : 'accepteras'}` : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 1 && n('kontroll') === h.length)
    return `Alla ${h.length === 1 ? '' : `${countWord(h.length)} `}risker hanteras med kontrollmoment i internkontrollplanen.`;
  const text = joinSv(parts);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const change = (n: number | null) => (n === null ? 'ny' : n === 0 ? '±0' : n > 0 ? `+${n}` : `−${-n}`);

/** The year's risks: who ranks highest, the matrix and the table with each risk's score and hantering. */
export function riskAnalysisBlocks(a: RiskYearView, year: number): Block[] {
  const top = a.risks.filter((x) => x.value === a.risks[0]!.value);
  return [
    p(
      `Riskanalysen för ${year} omfattar ${countWord(a.risks.length)} ${a.risks.length === 1 ? 'risk' : 'risker'}. Riskvärdet är sannolikhet gånger konsekvens på en skala 1–${a.scale.size}. Högst riskvärde (${a.risks[0]!.value}) har ${top.map((x) => `${x.code} ${x.title.replace(/\.$/, '').toLocaleLowerCase('sv')}`).join(', ')}. ${hanteringSentence(a.risks.map((x) => x.hantering))}`,
    ),
    matrixBlock(a, `Riskmatris ${year}`),
    {
      type: 'tabell',
      caption: `Riskanalys ${year}`,
      header: ['Id', 'Risk', 'Process', 'S', 'K', 'Värde', 'Ändring', 'Hantering'],
      rows: a.risks.map((x) => [
        x.code,
        x.title,
        x.process,
        String(x.sannolikhet),
        String(x.konsekvens),
        String(x.value),
        change(x.change),
        x.hantering === 'kontroll' ? 'Kontroll' : `${x.hantering === 'atgard' ? 'Åtgärd' : 'Accepteras'}${x.hanteringText ? `: ${x.hanteringText}` : ''}`,
      ]),
      sumRow: false,
      note: `S = sannolikhet (${a.scale.sannolikhet.map((w, i) => `${i + 1} ${w.toLocaleLowerCase('sv')}`).join(', ')}), K = konsekvens (${a.scale.konsekvens.map((w, i) => `${i + 1} ${w.toLocaleLowerCase('sv')}`).join(', ')}), värde = S × K. Ändring mot föregående års riskvärde. Kontroll = kontrollmoment i internkontrollplanen.`,
    },
  ];
}

export function riskanalysBlad(d: TemplateData): Built {
  const r = d.risk;
  const year = r?.year ?? d.year + 1;
  const arendet: Block[] = [
    p(
      `Styrelsen ska varje år identifiera de händelser som skulle kunna hindra förbundets måluppfyllelse och anta en plan för den interna kontrollen. Resultatet av kontrollerna redovisas till styrelsen vid delårsrapport och årsredovisning.`,
    ),
  ];
  if (!r || r.analysis.risks.length === 0) {
    arendet.push(p('«Riskerna med högst riskvärde och de kontrollmoment som föreslås.»'));
  } else {
    arendet.push(...riskAnalysisBlocks(r.analysis, year));
    if (r.controls.length > 0) {
      const reports = [...new Set(r.controls.map((c) => `${c.rapportTill}, ${c.rapportNar.toLocaleLowerCase('sv')}`))];
      arendet.push({
        type: 'tabell',
        caption: `Internkontrollplan ${year}`,
        header:
          reports.length === 1
            ? ['Process', 'Kontrollmoment', 'Risk', 'Metod', 'Frekvens', 'Ansvarig']
            : ['Process', 'Kontrollmoment', 'Risk', 'Metod', 'Frekvens', 'Ansvarig', 'Rapporteras'],
        rows: r.controls.map((c) => {
          const row = [
            c.process,
            c.moment,
            c.riskCode,
            METOD_LABELS[c.metod],
            FREKVENS_LABELS[c.frekvens].replace(/^Varje /, '').replace(/^En gång per år$/, 'år'),
            c.ansvarig,
          ];
          return reports.length === 1 ? row : [...row, `${c.rapportTill}, ${c.rapportNar.toLocaleLowerCase('sv')}`];
        }),
        sumRow: false,
        note: reports.length === 1 ? `Resultatet rapporteras till ${reports[0]}.` : '',
      });
    }
  }
  return {
    rubrik: `Riskanalys och internkontrollplan ${year}`,
    content: skeleton(d, [`anta riskanalys och internkontrollplan för ${year}`], [sec('Ärendet', ...arendet)]),
  };
}

/**
 * The follow-up as seed 003 writes it in the delårsrapport and the årsredovisning: why, then
 * per process what was controlled, how and with what result, and a summary table.
 */
export function followUpBlocks(f: FollowUpTemplateData | undefined, year: number): Block[] {
  const blocks: Block[] = [
    p(
      `Internkontroll är en del av verksamhetens systematiska kvalitets- och förbättringsarbete. Förbundsstyrelsen har för år ${year} antagit en internkontrollplan. Resultatet från aktiviteter inom denna redovisas till styrelsen vid delårs- och årsrapport, i enlighet med de processer/områden som beslutats i planen.${f?.period === 'delar' ? ` Redovisningen avser perioden ${year}-01-01 – ${year}-08-31.` : ''}`,
    ),
  ];
  if (!f || f.controls.length === 0) {
    blocks.push(p('«Resultat per process.»'));
    return blocks;
  }
  for (const part of reportParagraphs(f.controls)) {
    blocks.push(h(part.process), ...part.paragraphs.map(p));
  }
  const open = f.controls.flatMap((c) => c.deviations.filter((x) => x.status === 'oppen'));
  blocks.push({
    type: 'tabell',
    caption: 'Sammanställning',
    header: ['Process', 'Kontrollmoment', 'Genomförda', 'Avvikelser', 'Öppna åtgärder'],
    rows: f.controls.map((c) => [
      c.process,
      c.moment,
      `${c.occasions.filter((o) => o.done).length} av ${c.occasions.length}`,
      String(c.deviations.length),
      String(c.deviations.filter((x) => x.status === 'oppen').length),
    ]),
    sumRow: false,
    note: open.length === 0 ? 'Alla åtgärder för avvikelser är genomförda.' : '',
  });
  return blocks;
}

export function uppfoljningBlad(d: TemplateData): Built {
  const f = d.followUp;
  const year = f?.year ?? d.year;
  const when = f?.period === 'delar' ? 'delårsrapporten' : 'årsredovisningen';
  const arendet = followUpBlocks(f, year);
  return {
    rubrik: `Uppföljning av internkontrollplan ${year}${f?.period === 'delar' ? ' – delårsrapport' : ''}`,
    content: skeleton(d, [`godkänna uppföljningen av internkontrollplanen för ${year} och lägga den till ${when}`], [sec('Ärendet', ...arendet)]),
  };
}
