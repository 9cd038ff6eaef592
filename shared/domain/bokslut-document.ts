import type { Block, Section } from '../contract/schemas/arendeblad';
import type { BokslutRow, BokslutView, Kassaflode } from '../contract/schemas/bokslut';
import { BOKSLUT_LINES } from './bokslut';
import { formatInteger } from '../format/sv';

/**
 * The bokslut as seed 003 sets it: resultaträkning with the year before and the budget,
 * balansräkning, kassaflödesanalys, the noter Kansli fills, and the checks. Both the PDF
 * and the screen read this.
 */

const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatInteger(v));

function table(caption: string, header: string[], rows: string[][]): Block {
  return { type: 'tabell', caption, header, rows, sumRow: false, note: '' };
}

function rrRows(v: BokslutView): string[][] {
  const row = (r: BokslutRow) => [r.label, r.note ? `Not ${r.note}` : '', n(r.kr), n(r.previousKr), n(r.budgetKr)];
  const sum = (label: string, key: 'intakter' | 'kostnader' | 'rorelseresultat' | 'resultat') => [
    label,
    '',
    n(v.rrSums.year[key]),
    n(v.rrSums.previous?.[key]),
    n(v.rrSums.budget?.[key]),
  ];
  const lines = (kind: string) => v.rr.filter((r) => BOKSLUT_LINES[r.line].kind === kind).map(row);
  return [
    ['Verksamhetens intäkter', '', '', '', ''],
    ...lines('intakt'),
    sum('Summa verksamhetens intäkter', 'intakter'),
    ['Verksamhetens kostnader', '', '', '', ''],
    ...lines('kostnad'),
    sum('Summa verksamhetens kostnader', 'kostnader'),
    sum('Verksamhetens rörelseresultat', 'rorelseresultat'),
    ['Finansiella poster', '', '', '', ''],
    ...lines('finansiell'),
    sum('Resultat efter finansiella poster', 'resultat'),
    sum('Årets resultat', 'resultat'),
  ];
}

function brRows(v: BokslutView): string[][] {
  const group = (g: string) =>
    v.br
      .filter((r) => (BOKSLUT_LINES[r.line] as { group?: string }).group === g)
      .map((r) => [r.label, r.note ? `Not ${r.note}` : '', n(r.kr), n(r.previousKr)]);
  const s = v.brSums;
  const sum = (label: string, key: keyof BokslutView['brSums']['year']) => [label, '', n(s.year[key]), n(s.previous?.[key])];
  return [
    ['Tillgångar', '', '', ''],
    ...group('anlaggning'),
    sum('Summa anläggningstillgångar', 'anlaggning'),
    ...group('fordringar'),
    sum('Summa fordringar', 'fordringar'),
    ...group('likvida'),
    sum('Summa omsättningstillgångar', 'omsattning'),
    sum('Summa tillgångar', 'tillgangar'),
    ['Eget kapital och skulder', '', '', ''],
    ...group('eget_kapital'),
    ['Periodens resultat', '', n(v.periodensResultat.year), n(v.periodensResultat.previous)],
    sum('Summa eget kapital', 'egetKapital'),
    ...group('skulder'),
    sum('Summa kortfristiga skulder', 'skulder'),
    sum('Summa eget kapital och skulder', 'egetKapitalOchSkulder'),
  ];
}

function kfaRows(v: BokslutView): string[][] {
  const row = (label: string, key: keyof Kassaflode) => [label, n(v.kfa.year[key]), n(v.kfa.previous?.[key])];
  return [
    row('Årets resultat', 'resultat'),
    row('Avskrivningar (ingår inte i kassaflödet)', 'avskrivningar'),
    row('Medel från verksamheten före förändring av rörelsekapital', 'fore'),
    row('Ökning / minskning av kortfristiga fordringar', 'fordringar'),
    row('Ökning / minskning av kortfristiga skulder', 'skulder'),
    row('Kassaflöde från den löpande verksamheten', 'lopande'),
    row('Kassaflöde från investeringsverksamheten', 'investering'),
    row('Kassaflöde från finansieringsverksamheten', 'finansiering'),
    row('Årets kassaflöde', 'kassaflode'),
    row('Likvida medel vid årets början', 'likvidaIb'),
    row('Likvida medel vid årets slut', 'likvidaUb'),
  ];
}

/** The bokslut's sections: the three statements, the noter and the checks. */
export function bokslutSections(v: BokslutView): Section[] {
  const y = v.year;
  const prev = v.hasPrevious ? String(y - 1) : '';
  const sections: Section[] = [
    { heading: 'Resultaträkning', blocks: [table(`${y}-01-01 – ${y}-12-31`, ['', 'Not', String(y), prev, `Budget ${y}`], rrRows(v))] },
    { heading: 'Balansräkning', blocks: [table(`Per ${y}-12-31`, ['', 'Not', `${y}-12-31`, v.hasPrevious ? `${y - 1}-12-31` : ''], brRows(v))] },
    { heading: 'Kassaflödesanalys', blocks: [table(`${y}-01-01 – ${y}-12-31`, ['', String(y), prev], kfaRows(v))] },
  ];
  if (v.notes.length > 0) {
    sections.push({
      heading: 'Noter',
      blocks: v.notes.flatMap((note): Block[] => [
        table(
          `Not ${note.number}. ${note.label}`,
          ['', String(y)],
          [...note.rows.map((r) => [r.label, n(r.kr)]), [`Summa ${note.label.toLowerCase()}`, n(note.sumKr)]],
        ),
        ...(note.text ? [{ type: 'stycke' as const, text: note.text }] : []),
        { type: 'stycke', text: note.source },
      ]),
    });
  }
  const failed = v.checks.filter((c) => !c.ok);
  sections.push({
    heading: 'Kontroller',
    blocks:
      failed.length === 0
        ? [
            {
              type: 'stycke',
              text: `Alla ${v.checks.length} kontroller stämmer: balansräkningen balanserar, årets resultat är förändringen av eget kapital, kassaflödesanalysen slutar i förändringen av likvida medel och noterna stämmer med sina rader.`,
            },
          ]
        : [{ type: 'punktlista', items: failed.map((c) => `${c.what}: ${c.message ?? ''}`) }],
  });
  return sections;
}
