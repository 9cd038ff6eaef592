import type { Block, Section } from '../contract/schemas/arendeblad';
import { GOAL_STATUS_LABELS, type GoalStatus, type MaluppfyllelseView } from '../contract/schemas/maluppfyllelse';
import { COMPARISON_LABELS, GOAL_LEVEL_LABELS, type PlanContent, type PlanMatt, type PlanTarget } from '../contract/schemas/verksamhetsplan';
import { formatInteger, formatKr } from '../format/sv';

/**
 * Måluppfyllelse without a database: which mått a year is followed up on, the status the
 * rule suggests for a value against its target, and the report's table.
 *
 * The rule: a target to reach ("minst") is uppfyllt when the value reaches it, delvis
 * uppfyllt from 80 % of it, otherwise ej uppfyllt; a ceiling ("högst") the other way round
 * (delvis up to 20 % over); "lika med" is uppfyllt within 5 %. A target against a reference
 * uses the reference's value. At a delår, targets counted in antal or kronor are compared
 * pro rata (the months so far of twelve); a share is compared as it is. A target in words
 * gets no suggestion: the kansli judges it.
 */

export interface PlanMattRef {
  matt: PlanMatt;
  goalLabel: string;
  goalText: string;
  targetGoalText: string;
}

/** The plan's mått that apply in a year, in the plan's order, with the goal each belongs to. */
export function mattForYear(content: PlanContent, year: number, period: number[]): PlanMattRef[] {
  const out: PlanMattRef[] = [];
  const applies = (years: number[]) => (years.length === 0 ? period : years).includes(year);
  content.goals.forEach((g, gi) => {
    if (!applies(g.years)) return;
    for (const m of g.matt) out.push({ matt: m, goalLabel: `Mål ${gi + 1}`, goalText: g.text, targetGoalText: g.text });
    g.subGoals.forEach((s, si) => {
      if (!applies(s.years)) return;
      for (const m of s.matt) out.push({ matt: m, goalLabel: `${GOAL_LEVEL_LABELS[s.level]} ${gi + 1}.${si + 1}`, goalText: g.text, targetGoalText: s.text });
    });
  });
  return out;
}

function show(unit: PlanMatt['unit'], v: number): string {
  if (unit === 'andel') return `${String(Math.round(v * 10) / 10).replace('.', ',')} %`;
  if (unit === 'kr') return formatKr(Math.round(v));
  return Number.isInteger(v) ? formatInteger(v) : String(Math.round(v * 10) / 10).replace('.', ',');
}

/** The suggested status of a value against the year's target, with the reason in words; null when the rule cannot judge. */
export function suggestStatus(
  m: Pick<PlanMatt, 'unit' | 'comparison'>,
  target: PlanTarget | undefined,
  value: number | null,
  monthsOfYear = 12,
): { status: GoalStatus; reason: string } | null {
  if (value === null || !target) return null;
  const base = target.reference?.value ?? (target.reference ? null : target.value);
  if (base === null || base === undefined) return null;
  const proRata = monthsOfYear < 12 && (m.unit === 'antal' || m.unit === 'kr');
  const goal = proRata ? (base * monthsOfYear) / 12 : base;
  const against = `${COMPARISON_LABELS[m.comparison]} ${show(m.unit, goal)}${proRata ? ` (${show(m.unit, base)} för helåret, räknat för ${monthsOfYear} månader)` : ''}${target.reference ? ` (${target.reference.label})` : ''}`;
  let status: GoalStatus;
  if (m.comparison === 'minst') status = value >= goal ? 'uppfyllt' : value >= goal * 0.8 ? 'delvis' : 'ej';
  else if (m.comparison === 'hogst') status = value <= goal ? 'uppfyllt' : value <= goal * 1.2 ? 'delvis' : 'ej';
  else status = Math.abs(value - goal) <= Math.abs(goal) * 0.05 ? 'uppfyllt' : 'ej';
  return { status, reason: `${show(m.unit, value)} mot målet ${against}: ${GOAL_STATUS_LABELS[status].toLowerCase()}.` };
}

/** The report's table, as in seed 003's "Mål 2017": per övergripande mål, Resultatmål · Resultat · Status, then the kommentarer. */
export function maluppfyllelseSections(view: MaluppfyllelseView): Section[] {
  const byGoal = new Map<string, MaluppfyllelseView['rows']>();
  for (const r of view.rows) byGoal.set(r.goalText, [...(byGoal.get(r.goalText) ?? []), r]);
  const sections: Section[] = [];
  for (const [goal, rows] of byGoal) {
    const blocks: Block[] = [
      {
        type: 'tabell',
        caption: '',
        header: ['Resultatmål', 'Resultat', 'Status'],
        rows: rows.map((r) => [
          r.targetGoalText === r.goalText ? `${r.mattText} (${r.targetText})` : r.targetGoalText,
          r.resultText || (r.value === null ? '–' : show(r.unit, r.value)),
          r.status ? GOAL_STATUS_LABELS[r.status] : 'Ej bedömt',
        ]),
        sumRow: false,
        note: '',
      },
    ];
    for (const r of rows) if (r.kommentar) blocks.push({ type: 'stycke', text: `Kommentar: ${r.kommentar}` });
    sections.push({ heading: `Mål: ${goal}`, blocks });
  }
  return sections;
}
