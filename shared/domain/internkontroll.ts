/**
 * Riskanalys and internkontroll as pure rules: the förbund's scale (its size, the
 * Swedish words for each step, the colour thresholds of riskvärde), the risk matrix,
 * the occasions a control's frequency gives in a year, and the report text of
 * "Uppföljning av internkontrollplan" written as seed 003 writes it.
 */

export interface RiskLevel {
  /** The highest riskvärde of this level. */
  upTo: number;
  label: string;
  color: string;
}

export interface RiskScale {
  size: number;
  /** Words for sannolikhet 1..size, e.g. osannolik … sannolik. */
  sannolikhet: string[];
  /** Words for konsekvens 1..size, e.g. försumbar … allvarlig. */
  konsekvens: string[];
  /** Colour thresholds by riskvärde, ascending; the last covers size × size. */
  levels: RiskLevel[];
}

export const DEFAULT_SCALE: RiskScale = {
  size: 4,
  sannolikhet: ['Osannolik', 'Mindre sannolik', 'Möjlig', 'Sannolik'],
  konsekvens: ['Försumbar', 'Lindrig', 'Kännbar', 'Allvarlig'],
  levels: [
    { upTo: 3, label: 'Låg', color: '#8cc084' },
    { upTo: 6, label: 'Måttlig', color: '#f3d36b' },
    { upTo: 9, label: 'Hög', color: '#eea05a' },
    { upTo: 16, label: 'Mycket hög', color: '#d9534f' },
  ],
};

/** What is wrong with a scale; empty when it can be used. */
export function scaleProblems(s: RiskScale): string[] {
  const out: string[] = [];
  if (!Number.isInteger(s.size) || s.size < 3 || s.size > 5) out.push('Skalan ska ha 3, 4 eller 5 steg.');
  if (s.sannolikhet.length !== s.size) out.push(`Ange ${s.size} ord för sannolikhet.`);
  if (s.konsekvens.length !== s.size) out.push(`Ange ${s.size} ord för konsekvens.`);
  if (s.levels.length === 0) out.push('Ange minst en nivå för riskvärdet.');
  for (let i = 1; i < s.levels.length; i++) if (s.levels[i]!.upTo <= s.levels[i - 1]!.upTo) out.push('Nivåernas gränser ska öka.');
  if ((s.levels.at(-1)?.upTo ?? 0) < s.size * s.size) out.push(`Den högsta nivån ska räcka till riskvärdet ${s.size * s.size}.`);
  return out;
}

export function riskvarde(sannolikhet: number, konsekvens: number): number {
  return sannolikhet * konsekvens;
}

export function levelOf(value: number, scale: RiskScale): RiskLevel {
  return scale.levels.find((l) => value <= l.upTo) ?? scale.levels.at(-1)!;
}

/** A score outside the scale, as a Swedish message naming the field; null when it fits. */
export function scoreProblem(field: 'sannolikhet' | 'konsekvens', value: number, scale: RiskScale): string | null {
  if (Number.isInteger(value) && value >= 1 && value <= scale.size) return null;
  const words = (field === 'sannolikhet' ? scale.sannolikhet : scale.konsekvens).map((w, i) => `${i + 1} ${w.toLocaleLowerCase('sv')}`).join(', ');
  return `${field === 'sannolikhet' ? 'Sannolikhet' : 'Konsekvens'} ska vara ett heltal 1–${scale.size} (${words}), inte ${value}.`;
}

export interface MatrixRisk {
  id: number;
  code: string;
  title: string;
  sannolikhet: number;
  konsekvens: number;
}

export interface MatrixCell {
  sannolikhet: number;
  konsekvens: number;
  value: number;
  level: RiskLevel;
  risks: MatrixRisk[];
  /** What the cell shows: the ids, or when crowded the count and the ids ("4 risker: R1, R3, R7, R9"). */
  text: string;
}

/** More risks than this in one cell and it shows a count before the ids. */
export const CROWDED = 3;

export function cellText(risks: readonly MatrixRisk[]): string {
  const ids = risks.map((r) => r.code).join(', ');
  return risks.length > CROWDED ? `${risks.length} risker: ${ids}` : ids;
}

/** The matrix row by row, the highest sannolikhet first (as it is drawn), konsekvens left to right. */
export function riskMatrix(risks: readonly MatrixRisk[], scale: RiskScale): MatrixCell[][] {
  const rows: MatrixCell[][] = [];
  for (let s = scale.size; s >= 1; s--) {
    const row: MatrixCell[] = [];
    for (let k = 1; k <= scale.size; k++) {
      const here = risks.filter((r) => r.sannolikhet === s && r.konsekvens === k).sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }));
      const value = riskvarde(s, k);
      row.push({ sannolikhet: s, konsekvens: k, value, level: levelOf(value, scale), risks: here, text: cellText(here) });
    }
    rows.push(row);
  }
  return rows;
}

export const FREKVENSER = ['styrelsemote', 'manad', 'kvartal', 'halvar', 'ar'] as const;
export type Frekvens = (typeof FREKVENSER)[number];
export const FREKVENS_LABELS: Record<Frekvens, string> = {
  styrelsemote: 'Varje styrelsemöte',
  manad: 'Varje månad',
  kvartal: 'Varje kvartal',
  halvar: 'Varje halvår',
  ar: 'En gång per år',
};

export const METODER = ['stickprov', 'granskning', 'avstamning', 'uppfoljning'] as const;
export type Metod = (typeof METODER)[number];
export const METOD_LABELS: Record<Metod, string> = { stickprov: 'Stickprov', granskning: 'Granskning', avstamning: 'Avstämning', uppfoljning: 'Uppföljning' };

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const lastDay = (year: number, month: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;

/**
 * The occasions a control's frequency gives in a year, each due at the end of its period
 * (or on the day of each board meeting). Without board meetings in the register, "varje
 * styrelsemöte" gives none, and the caller says so.
 */
export function occasionsFor(frekvens: Frekvens, year: number, boardMeetings: readonly string[] = []): { dueOn: string; label: string }[] {
  switch (frekvens) {
    case 'manad':
      return MONTHS.map((m, i) => ({ dueOn: lastDay(year, i + 1), label: `${m[0]!.toUpperCase()}${m.slice(1)} ${year}` }));
    case 'kvartal':
      return [1, 2, 3, 4].map((q) => ({ dueOn: lastDay(year, q * 3), label: `Kvartal ${q} ${year}` }));
    case 'halvar':
      return [
        { dueOn: lastDay(year, 6), label: `Första halvåret ${year}` },
        { dueOn: lastDay(year, 12), label: `Andra halvåret ${year}` },
      ];
    case 'ar':
      return [{ dueOn: lastDay(year, 12), label: `Helåret ${year}` }];
    case 'styrelsemote':
      return boardMeetings
        .filter((d) => d.startsWith(`${year}-`))
        .sort()
        .map((d) => ({ dueOn: d, label: `Styrelsemöte ${d}` }));
  }
}

export interface ReportControl {
  process: string;
  moment: string;
  metod: Metod;
  occasions: { label: string; done: boolean; sample: string | null; items: { text: string; result: 'ok' | 'avvikelse' | null; comment: string | null }[] }[];
  deviations: { description: string; action: string; owner: string; dueOn: string; status: 'oppen' | 'stangd'; closedOn: string | null }[];
}

const NUMBER_WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
/** Up to twelve in words ("ett" for a neuter noun such as tillfälle), larger as digits. */
const countWord = (n: number, one: 'en' | 'ett' = 'en') => (n === 1 ? one : (NUMBER_WORDS[n] ?? String(n)));

const lowerFirst = (t: string) => t.charAt(0).toLocaleLowerCase('sv') + t.slice(1);

/** "Ekonomi/budget" → the paragraphs of seed 003's "Riskanalys och internkontrollplan", from the data. */
export function reportParagraphs(controls: readonly ReportControl[]): { process: string; paragraphs: string[] }[] {
  const processes = [...new Set(controls.map((c) => c.process))];
  return processes.map((process) => ({
    process,
    paragraphs: controls
      .filter((c) => c.process === process)
      .map((c) => {
        const done = c.occasions.filter((o) => o.done);
        const planned = c.occasions.length;
        const moment = c.moment.replace(/\.$/, '');
        const parts = [`Internkontrollplanen anger att kontroll ska ske att ${lowerFirst(moment)}.`];
        if (done.length === 0) {
          parts.push(
            planned === 0
              ? 'Inga kontrolltillfällen var planerade under perioden.'
              : `Kontrollen har ännu inte genomförts (${countWord(planned, 'ett')} ${planned === 1 ? 'tillfälle planerat' : 'tillfällen planerade'}).`,
          );
        } else {
          const how = METOD_LABELS[c.metod];
          const samples = done.flatMap((o) => (o.sample ? [o.sample] : []));
          const when =
            done.length < planned
              ? `vid ${countWord(done.length, 'ett')} av ${countWord(planned, 'ett')} planerade tillfällen`
              : `vid ${done.length === 1 ? 'ett tillfälle' : `${countWord(done.length, 'ett')} tillfällen`}`;
          parts.push(`${how} har gjorts ${when} under perioden${samples.length > 0 ? ` (${samples.join('; ')})` : ''}.`);
          const deviant = done.flatMap((o) => o.items.filter((i) => i.result === 'avvikelse'));
          if (deviant.length === 0 && c.deviations.length === 0) parts.push('Kontrollerna visar en korrekt hantering.');
          else {
            parts.push(
              `Kontrollerna visar ${c.deviations.length === 1 || deviant.length === 1 ? 'en avvikelse' : `${Math.max(deviant.length, c.deviations.length)} avvikelser`}.`,
            );
            for (const d of c.deviations) {
              const desc = d.description.replace(/\.$/, '');
              const act = d.action.replace(/\.$/, '');
              parts.push(
                `${desc}. Åtgärd: ${lowerFirst(act)} (${d.owner}), ${d.status === 'stangd' ? `åtgärdat ${d.closedOn ?? ''}` : `pågår, klart senast ${d.dueOn}`}.`,
              );
            }
          }
        }
        return parts.join(' ');
      }),
  }));
}
