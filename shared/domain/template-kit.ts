import type { ArendebladContent, Block, Section } from '../contract/schemas/arendeblad';
import { formatInteger } from '../format/sv';

/**
 * The small pieces every ärendeblad template is built from: paragraphs, sub-headings,
 * sections, the skeleton with Förslag till beslut, and the Swedish ways of writing
 * counts and lists of names.
 */

export interface Built {
  rubrik: string;
  content: ArendebladContent;
}

/** What skeleton needs to know of the template data. */
export interface SkeletonData {
  organ: string;
  foredragande: { personId: number | null; name: string; title: string } | null;
}

export const p = (text: string): Block => ({ type: 'stycke', text });
export const h = (text: string): Block => ({ type: 'underrubrik', text });
export const sec = (heading: string, ...blocks: Block[]): Section => ({ heading, blocks });

/** "Förbundsstyrelsen föreslås besluta". */
export function proposalIntro(organ: string): string {
  return `${organ} föreslås besluta`;
}

export function skeleton(d: SkeletonData, punkter: string[], sections: Section[], bilagor: string[] = []): ArendebladContent {
  return {
    forslag: { inledning: proposalIntro(d.organ), punkter },
    sections,
    foredragande: d.foredragande ?? { personId: null, name: '«föredragandes namn»', title: '«titel»' },
    bilagor: bilagor.map((title) => ({ documentId: null, title })),
    skickasTill: [],
  };
}

export { joinSv } from '../format/sv';

const SMALL_NUMBERS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

/** Numbers up to twelve in words, as Myndigheternas skrivregler recommend: 8 → "åtta". */
export function countWord(n: number): string {
  return SMALL_NUMBERS[n] ?? formatInteger(n);
}

/** "2018-03-02" → "180302", as the papers date "Ekonomisk information per 180302". */
export function yymmdd(iso: string): string {
  return iso.slice(2).replaceAll('-', '');
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "2018-04-30" → "30 april 2018". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
