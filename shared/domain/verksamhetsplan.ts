import type {
  PlanAktivitet,
  PlanContent,
  PlanGoal,
  PlanMatt,
  PlanPerspective,
  PlanProblem,
  PlanSection,
  PlanSubGoal,
  PlanTarget,
  planContentSchema,
} from '../contract/schemas/verksamhetsplan';
import { COMPARISON_LABELS, GOAL_LEVEL_LABELS } from '../contract/schemas/verksamhetsplan';
import type { z } from 'zod';
import { formatInteger, formatKr } from '../format/sv';

/**
 * The rules of a verksamhetsplan, without a database: the ids that keep an item the
 * same item through revisions and years, what must be in place before a plan can be
 * adopted, how a target reads, and how next year's plan starts from this one.
 */

type ParsedContent = z.output<typeof planContentSchema>;

/** The styrkort of seed 004: four perspektiv a plan may start from. */
export const STYRKORT_PERSPECTIVES = ['Individen', 'Förnyelse/utveckling', 'Arbetssätt/processer', 'Ekonomi'] as const;

export function defaultPlanTitle(firstYear: number, lastYear: number): string {
  return firstYear === lastYear ? `Verksamhetsplan ${firstYear}` : `Verksamhetsplan ${firstYear}–${lastYear}`;
}

export function planYears(firstYear: number, lastYear: number): number[] {
  return Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
}

/** Gives every item without an id one that no item of the plan has: g1, s1, m1, a1, p1, t1. */
export function withIds(content: ParsedContent): PlanContent {
  const used = new Set<string>();
  const visit = (id: string | undefined) => {
    if (id) used.add(id);
  };
  for (const s of content.sections) visit(s.id);
  for (const p of content.perspectives) {
    visit(p.id);
    p.aktiviteter.forEach((a) => visit(a.id));
  }
  for (const g of content.goals) {
    visit(g.id);
    g.matt.forEach((m) => visit(m.id));
    g.aktiviteter.forEach((a) => visit(a.id));
    for (const s of g.subGoals) {
      visit(s.id);
      s.matt.forEach((m) => visit(m.id));
      s.aktiviteter.forEach((a) => visit(a.id));
    }
  }
  const counters = new Map<string, number>();
  const fresh = (prefix: string, id: string | undefined): string => {
    if (id && id !== '') return id;
    let n = counters.get(prefix) ?? 0;
    let candidate: string;
    do candidate = `${prefix}${++n}`;
    while (used.has(candidate));
    counters.set(prefix, n);
    used.add(candidate);
    return candidate;
  };
  const matt = (m: ParsedContent['goals'][number]['matt'][number]): PlanMatt => ({
    ...m,
    id: fresh('m', m.id),
    targets: [...m.targets].sort((a, b) => a.year - b.year),
  });
  const akt = (a: ParsedContent['goals'][number]['aktiviteter'][number]): PlanAktivitet => ({ ...a, id: fresh('a', a.id) });
  const sections: PlanSection[] = content.sections.map((s) => ({ ...s, id: fresh('t', s.id) }));
  const perspectives: PlanPerspective[] = content.perspectives.map((p) => ({ ...p, id: fresh('p', p.id), aktiviteter: p.aktiviteter.map(akt) }));
  const goals: PlanGoal[] = content.goals.map((g) => ({
    ...g,
    id: fresh('g', g.id),
    years: [...new Set(g.years)].sort(),
    matt: g.matt.map(matt),
    aktiviteter: g.aktiviteter.map(akt),
    subGoals: g.subGoals.map((s): PlanSubGoal => ({
      ...s,
      id: fresh('s', s.id),
      years: [...new Set(s.years)].sort(),
      matt: s.matt.map(matt),
      aktiviteter: s.aktiviteter.map(akt),
    })),
  }));
  return { vision: content.vision, strategi: content.strategi, sections, perspectives, goals };
}

function hasTarget(t: PlanTarget): boolean {
  return t.value !== null || t.text !== '' || t.reference !== null;
}

/** What stops a plan from being adopted, each named so the writer finds it. */
export function planProblems(content: PlanContent, firstYear: number, lastYear: number): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const period = planYears(firstYear, lastYear);
  const inPeriod = (y: number) => y >= firstYear && y <= lastYear;
  const perspectiveIds = new Set(content.perspectives.map((p) => p.id));
  if (content.goals.length === 0) problems.push({ where: 'Mål', message: 'Planen har inga övergripande mål.' });
  const checkMatt = (m: PlanMatt, where: string, years: number[]) => {
    for (const t of m.targets) {
      if (!inPeriod(t.year))
        problems.push({ where, message: `Måttet ”${m.text}” har ett målvärde för ${t.year}, utanför planens period ${firstYear}–${lastYear}.` });
      if (m.unit === 'andel' && t.value !== null && (t.value < 0 || t.value > 100))
        problems.push({ where, message: `Måttet ”${m.text}” har andelen ${t.value} % för ${t.year}; en andel ligger mellan 0 och 100 %.` });
    }
    const missing = years.filter((y) => !m.targets.some((t) => t.year === y && hasTarget(t)));
    if (missing.length > 0)
      problems.push({ where, message: `Måttet ”${m.text}” saknar målvärde för ${missing.join(', ')}. Ange ett tal, ett mål i ord eller en referens.` });
  };
  const checkYears = (years: number[], where: string, within: number[]) => {
    const outside = years.filter((y) => !within.includes(y));
    if (outside.length > 0)
      problems.push({
        where,
        message: `${where} gäller ${outside.join(', ')}, utanför ${within.length === period.length ? 'planens period' : 'det övergripande målets år'}.`,
      });
  };
  content.goals.forEach((g, gi) => {
    const where = `Mål ${gi + 1}`;
    if (g.perspectiveId !== null && !perspectiveIds.has(g.perspectiveId))
      problems.push({ where, message: `${where} hör till ett perspektiv som inte finns i styrkortet.` });
    if (content.perspectives.length > 0 && g.perspectiveId === null) problems.push({ where, message: `${where} hör inte till något perspektiv i styrkortet.` });
    checkYears(g.years, where, period);
    const goalYears = g.years.length > 0 ? g.years.filter(inPeriod) : period;
    g.matt.forEach((m, mi) => checkMatt(m, `${where}, mått ${mi + 1}`, goalYears));
    g.subGoals.forEach((s, si) => {
      const sub = `${where}, ${GOAL_LEVEL_LABELS[s.level].toLowerCase()} ${si + 1}`;
      checkYears(s.years, sub, goalYears);
      const years = s.years.length > 0 ? s.years.filter((y) => goalYears.includes(y)) : goalYears;
      s.matt.forEach((m, mi) => checkMatt(m, `${sub}, mått ${mi + 1}`, years));
      if (s.matt.length === 0) problems.push({ where: sub, message: `${sub} (”${s.text}”) har inget mått: ange hur det ska mätas.` });
    });
  });
  return problems;
}

function number(unit: PlanMatt['unit'], value: number): string {
  if (unit === 'andel') return `${String(value).replace('.', ',')} %`;
  if (unit === 'kr') return formatKr(value);
  return Number.isInteger(value) ? formatInteger(value) : String(value).replace('.', ',');
}

/** A target as the plan writes it: "minst 200", "minst 50 %", "minst som rikssnittet 2016 (33 %)". */
export function targetText(m: Pick<PlanMatt, 'unit' | 'comparison'>, t: PlanTarget | undefined): string {
  if (!t || !hasTarget(t)) return '–';
  const cmp = COMPARISON_LABELS[m.comparison];
  const parts: string[] = [];
  if (t.reference) {
    const ref = t.reference.value === null ? t.reference.label : `${t.reference.label} (${number(m.unit, t.reference.value)})`;
    parts.push(m.comparison === 'lika_med' ? `som ${ref}` : `${cmp} som ${ref}`);
  } else if (t.value !== null) parts.push(m.comparison === 'lika_med' ? number(m.unit, t.value) : `${cmp} ${number(m.unit, t.value)}`);
  if (t.text !== '') parts.push(t.text);
  return parts.join('; ');
}

/**
 * Utgå från föregående år: the next plan's content from the last one. Years move with
 * the period; a year the old plan had no target for takes the target of its last year;
 * every id stays, so a mått can be followed from one plan to the next.
 */
export function carryForward(content: PlanContent, from: { firstYear: number; lastYear: number }, to: { firstYear: number; lastYear: number }): PlanContent {
  const shift = to.firstYear - from.firstYear;
  const toYears = planYears(to.firstYear, to.lastYear);
  const moveYears = (years: number[]) => years.map((y) => y + shift).filter((y) => y >= to.firstYear && y <= to.lastYear);
  const moveMatt = (m: PlanMatt): PlanMatt => {
    const byYear = new Map(m.targets.map((t) => [t.year, t]));
    const last = m.targets.at(-1);
    const targets = toYears
      .map((year) => {
        const t = byYear.get(year - shift) ?? last;
        return t ? { ...t, year } : null;
      })
      .filter((t): t is PlanTarget => t !== null);
    return { ...m, targets };
  };
  return {
    ...content,
    goals: content.goals.map((g) => ({
      ...g,
      years: moveYears(g.years),
      matt: g.matt.map(moveMatt),
      subGoals: g.subGoals.map((s) => ({ ...s, years: moveYears(s.years), matt: s.matt.map(moveMatt) })),
    })),
  };
}

/** "4 mål, 9 mått, 12 aktiviteter": the plan's size in a line, for lists and the log. */
export function planSummary(content: PlanContent): string {
  let matt = 0;
  let akt = content.perspectives.reduce((n, p) => n + p.aktiviteter.length, 0);
  for (const g of content.goals) {
    matt += g.matt.length + g.subGoals.reduce((n, s) => n + s.matt.length, 0);
    akt += g.aktiviteter.length + g.subGoals.reduce((n, s) => n + s.aktiviteter.length, 0);
  }
  const word = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [word(content.goals.length, 'mål', 'mål'), word(matt, 'mått', 'mått'), word(akt, 'aktivitet', 'aktiviteter')].join(', ');
}
