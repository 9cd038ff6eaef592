import type { Block, Section } from '../contract/schemas/arendeblad';
import {
  GOAL_LEVEL_LABELS,
  MATT_UNIT_LABELS,
  type PlanAktivitet,
  type PlanGoal,
  type PlanMatt,
  type Verksamhetsplan,
} from '../contract/schemas/verksamhetsplan';
import { planYears, targetText } from './verksamhetsplan';

/**
 * A verksamhetsplan as a document: sections of paragraphs and tables, in the order the
 * papers set them (seed 004: vision, strategi, perspektiv, then mål, mått and aktiviteter
 * per perspektiv; seed 001: the texts, then the mål). The PDF and the Word file are both
 * set from this, so they never disagree.
 */

const p = (text: string): Block => ({ type: 'stycke', text });
const h = (text: string): Block => ({ type: 'underrubrik', text });

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map(p);
}

function yearsText(years: number[]): string {
  if (years.length === 0) return '';
  const sorted = [...years].sort((a, b) => a - b);
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  return consecutive && sorted.length > 1 ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}

function mattTable(matt: PlanMatt[], years: number[], caption: string): Block[] {
  if (matt.length === 0) return [];
  const shown = years.filter((y) => matt.some((m) => m.targets.some((t) => t.year === y)));
  const cols = shown.length > 0 ? shown : years;
  return [
    {
      type: 'tabell',
      caption,
      header: ['Mått', 'Enhet', ...cols.map((y) => `Mål ${y}`)],
      rows: matt.map((m) => [
        m.text,
        MATT_UNIT_LABELS[m.unit],
        ...cols.map((y) =>
          targetText(
            m,
            m.targets.find((t) => t.year === y),
          ),
        ),
      ]),
      sumRow: false,
      note: '',
    },
  ];
}

function aktivitetBlocks(aktiviteter: PlanAktivitet[], caption: string): Block[] {
  if (aktiviteter.length === 0) return [];
  const detailed = aktiviteter.some((a) => a.ansvarig !== '' || a.senast !== '');
  if (!detailed) return [h(caption), { type: 'punktlista', items: aktiviteter.map((a) => a.text) }];
  return [
    {
      type: 'tabell',
      caption,
      header: ['Aktivitet', 'Ansvarig', 'Klart senast'],
      rows: aktiviteter.map((a) => [a.text, a.ansvarig || '–', a.senast || '–']),
      sumRow: false,
      note: '',
    },
  ];
}

function goalBlocks(g: PlanGoal, n: number, period: number[]): Block[] {
  const years = g.years.length > 0 ? g.years : period;
  const only = g.years.length > 0 && g.years.length < period.length ? ` (${yearsText(g.years)})` : '';
  const out: Block[] = [h(`Mål ${n}${only}. ${g.text}`)];
  out.push(...paragraphs(g.description));
  out.push(...mattTable(g.matt, years, `Mått för mål ${n}`));
  g.subGoals.forEach((s, i) => {
    const label = `${GOAL_LEVEL_LABELS[s.level]} ${n}.${i + 1}`;
    const sYears = s.years.length > 0 ? s.years : years;
    out.push(h(`${label}${s.years.length > 0 ? ` (${yearsText(s.years)})` : ''}. ${s.text}`));
    out.push(...mattTable(s.matt, sYears, `Mått för ${label.toLowerCase()}`));
    out.push(...aktivitetBlocks(s.aktiviteter, `Aktiviteter för ${label.toLowerCase()}`));
  });
  out.push(...aktivitetBlocks(g.aktiviteter, `Aktiviteter för mål ${n}`));
  return out;
}

/** The plan's title and its sections, ready for the PDF and the Word file. */
export function planDocument(plan: Pick<Verksamhetsplan, 'title' | 'firstYear' | 'lastYear' | 'content'>): { title: string; sections: Section[] } {
  const { content } = plan;
  const period = planYears(plan.firstYear, plan.lastYear);
  const sections: Section[] = [];
  if (content.vision.trim() !== '') sections.push({ heading: 'Vision', blocks: paragraphs(content.vision) });
  if (content.strategi.trim() !== '') sections.push({ heading: 'Strategi', blocks: paragraphs(content.strategi) });
  for (const s of content.sections) sections.push({ heading: s.heading, blocks: paragraphs(s.body) });

  let n = 0;
  if (content.perspectives.length > 0) {
    sections.push({
      heading: 'Perspektiv',
      blocks: [
        p('Verksamhetens mål, mått och aktiviteter är ordnade i ett styrkort med följande perspektiv:'),
        { type: 'punktlista', items: content.perspectives.map((x) => x.name) },
      ],
    });
    for (const persp of content.perspectives) {
      const goals = content.goals.filter((g) => g.perspectiveId === persp.id);
      const blocks: Block[] = [...paragraphs(persp.description)];
      for (const g of goals) blocks.push(...goalBlocks(g, ++n, period));
      blocks.push(...aktivitetBlocks(persp.aktiviteter, `Aktiviteter inom ${persp.name.toLowerCase()}`));
      sections.push({ heading: persp.name, blocks });
    }
  } else if (content.goals.length > 0) {
    const blocks: Block[] = [];
    for (const g of content.goals) blocks.push(...goalBlocks(g, ++n, period));
    sections.push({ heading: `Mål, mått och aktiviteter ${yearsText(period)}`, blocks });
  }
  return { title: plan.title, sections };
}
