import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import { GOAL_STATUS_LABELS, type GoalStatus, type MaluppfyllelseRow, type MaluppfyllelseView } from '../../../shared/contract/schemas/maluppfyllelse';
import type { MattSource } from '../../../shared/contract/schemas/verksamhetsplan';
import { mattForYear, suggestStatus } from '../../../shared/domain/maluppfyllelse';
import { planYears, targetText } from '../../../shared/domain/verksamhetsplan';
import { workStudyShare } from '../../../shared/domain/insats-figures';
import { formatInteger } from '../../../shared/format/sv';
import type { Scope } from '../context';
import { budgetMotUtfall, periodLabel } from '../ekonomi/reports';
import { refuse, refuseAll } from '../refuse';
import { getPlan } from './plan';

/**
 * Måluppfyllelse for an adopted plan: each mått's value for the period — computed from the
 * insatser's deltagare and the books where the plan says so, typed otherwise — the status
 * the rule suggests, and what the kansli confirms. A status that goes against the rule is
 * kept only with a kommentar that explains it.
 */

type Input = ParsedInput<'maluppfyllelse.get'>;

const tkr = (kr: number) => `${formatInteger(Math.sign(kr) * Math.round(Math.abs(kr) / 1000))} tkr`;

/** What Kansli knows of a mått with a computed source, for the year up to the period's end. */
async function computed(
  scope: Scope,
  source: Exclude<MattSource, 'inskrivet'>,
  year: number,
  toMonth: number,
): Promise<{ value: number | null; text: string }> {
  if (source === 'andel_arbete_studier' || source === 'deltagare_kompetens') {
    const rows = await scope.db
      .selectFrom('participant_figures as p')
      .innerJoin('insatser as i', 'i.id', 'p.insats_id')
      .select(['i.kategori', 'p.deltagare', 'p.avslutade', 'p.till_arbete', 'p.till_studier'])
      .where('p.year', '=', year)
      .execute();
    if (source === 'deltagare_kompetens') {
      const kompetens = rows.filter((r) => r.kategori === 'kompetens');
      if (kompetens.length === 0) return { value: null, text: `Inga deltagarsiffror för ${year} i de kompetenshöjande insatserna.` };
      const n = kompetens.reduce((s, r) => s + r.deltagare, 0);
      return { value: n, text: `${formatInteger(n)} deltagare i kompetenshöjande insatser ${year}.` };
    }
    const avslutade = rows.reduce((s, r) => s + r.avslutade, 0);
    const vidare = rows.reduce((s, r) => s + r.till_arbete + r.till_studier, 0);
    const share = workStudyShare({ avslutade, tillArbete: vidare, tillStudier: 0 });
    if (share === null) return { value: null, text: `Inga avslutade deltagare ${year} i insatsernas siffror.` };
    const pct = Math.round(share * 1000) / 10;
    return {
      value: pct,
      text: `Av ${formatInteger(avslutade)} avslutade deltagare har ${formatInteger(vidare)} gått till arbete eller studier, vilket utgör ${String(Math.round(share * 100))} %.`,
    };
  }
  const bmu = await budgetMotUtfall(scope, year, 1, toMonth);
  if (source === 'forbrukningskvot') {
    const t = bmu.samverkanTotal;
    if (t.kvot === null) return { value: null, text: `Ingen budget för samverkansinsatserna ${bmu.periodLabel}.` };
    const pct = Math.round(t.kvot * 1000) / 10;
    return {
      value: pct,
      text: `Förbrukningskvot ${String(Math.round(t.kvot * 100))} %: utfall ${tkr(t.utfallKr)} av budget ${tkr(t.budgetKr)} ${bmu.periodLabel}.`,
    };
  }
  return { value: bmu.result.utfallKr, text: `Resultat ${tkr(bmu.result.utfallKr)} ${bmu.periodLabel} (budget ${tkr(bmu.result.budgetKr)}).` };
}

function toMonthOf(input: Pick<Input, 'period' | 'toMonth'>): number {
  return input.period === 'helar' ? 12 : (input.toMonth ?? 8);
}

type Judge = (value: number | null) => { status: GoalStatus; reason: string } | null;

/** The period's view, and for each mått how the rule judges a value against its target. */
async function followUp(scope: Scope, input: Input): Promise<{ view: MaluppfyllelseView; judge: Map<string, Judge> }> {
  const plan = await getPlan({ id: input.planId }, scope);
  if (plan.status === 'forslag') throw refuse('planId', `${plan.title} är inte fastställd. Måluppfyllelse följs upp mot en fastställd plan.`);
  if (input.year < plan.firstYear || input.year > plan.lastYear) {
    throw refuse('year', `${plan.title} gäller ${plan.firstYear}–${plan.lastYear}; ${input.year} ligger utanför.`);
  }
  const toMonth = toMonthOf(input);
  const stored = new Map(
    (
      await scope.db
        .selectFrom('maluppfyllelse')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('year', '=', input.year)
        .where('period', '=', input.period)
        .execute()
    ).map((r) => [r.matt_id, r]),
  );
  const rows: MaluppfyllelseRow[] = [];
  const judge = new Map<string, Judge>();
  for (const ref of mattForYear(plan.content, input.year, planYears(plan.firstYear, plan.lastYear))) {
    const m = ref.matt;
    const s = stored.get(m.id);
    const target = m.targets.find((t) => t.year === input.year);
    const calc = m.source === 'inskrivet' ? null : await computed(scope, m.source, input.year, toMonth);
    const value = calc ? calc.value : (s?.value ?? null);
    judge.set(m.id, (v) => suggestStatus(m, target, v, toMonth));
    rows.push({
      mattId: m.id,
      goalLabel: ref.goalLabel,
      goalText: ref.goalText,
      targetGoalText: ref.targetGoalText,
      mattText: m.text,
      unit: m.unit,
      source: m.source,
      targetText: targetText(m, target),
      value,
      computed: calc !== null,
      computedText: calc?.text ?? null,
      resultText: s?.result_text || calc?.text || '',
      suggested: suggestStatus(m, target, value, toMonth),
      status: s?.status ?? null,
      kommentar: s?.kommentar ?? '',
      updatedAt: s?.updated_at ?? null,
    });
  }
  const view = {
    planId: plan.id,
    planTitle: plan.title,
    year: input.year,
    period: input.period,
    toMonth,
    periodLabel: periodLabel(input.year, 1, toMonth),
    rows,
    open: rows.filter((r) => r.status === null).length,
  };
  return { view, judge };
}

export async function maluppfyllelseView(scope: Scope, input: Input): Promise<MaluppfyllelseView> {
  return (await followUp(scope, input)).view;
}

export async function getMaluppfyllelse(input: ParsedInput<'maluppfyllelse.get'>, scope: Scope): Promise<MethodResult<'maluppfyllelse.get'>> {
  return maluppfyllelseView(scope, input);
}

export async function saveMaluppfyllelse(input: ParsedInput<'maluppfyllelse.save'>, scope: Scope): Promise<MethodResult<'maluppfyllelse.save'>> {
  const { view, judge } = await followUp(scope, input);
  const rows = new Map(view.rows.map((r) => [r.mattId, r]));
  const issues: { path: string; message: string }[] = [];
  input.entries.forEach((e, i) => {
    const row = rows.get(e.mattId);
    if (!row) {
      issues.push({ path: `entries.${i}.mattId`, message: `Måttet finns inte i ${view.planTitle} för ${view.year}.` });
      return;
    }
    const rule = judge.get(e.mattId)?.(row.computed ? row.value : e.value) ?? null;
    if (e.status !== null && rule && e.status !== rule.status && e.kommentar === '') {
      issues.push({
        path: `entries.${i}.kommentar`,
        message: `”${row.mattText}”: status ${GOAL_STATUS_LABELS[e.status].toLowerCase()} går emot regeln (${rule.reason}) Skriv en kommentar som förklarar bedömningen.`,
      });
    }
  });
  if (issues.length > 0) throw refuseAll(issues[0]!.message, issues);
  const at = scope.now.toISOString();
  for (const e of input.entries) {
    const row = rows.get(e.mattId)!;
    const values = {
      to_month: view.toMonth,
      value: row.computed ? row.value : e.value,
      result_text: e.resultText,
      status: e.status,
      kommentar: e.kommentar,
      updated_at: at,
      updated_by: scope.actor,
    };
    const before = await scope.db
      .selectFrom('maluppfyllelse')
      .select(['value', 'result_text', 'status', 'kommentar'])
      .where('plan_id', '=', view.planId)
      .where('year', '=', view.year)
      .where('period', '=', view.period)
      .where('matt_id', '=', e.mattId)
      .executeTakeFirst();
    const after = { value: values.value, result_text: values.result_text, status: values.status, kommentar: values.kommentar };
    if (before && JSON.stringify(before) === JSON.stringify(after)) continue;
    await scope.db
      .insertInto('maluppfyllelse')
      .values({ plan_id: view.planId, year: view.year, period: view.period, matt_id: e.mattId, ...values })
      .onConflict((oc) => oc.columns(['plan_id', 'year', 'period', 'matt_id']).doUpdateSet(values))
      .execute();
    await scope.audit({
      entity: 'maluppfyllelse',
      entityId: `${view.planId}:${view.year}:${view.period}:${e.mattId}`,
      action: before ? 'update' : 'create',
      before: before ? { ...before, matt: row.mattText } : null,
      after: { ...after, matt: row.mattText },
    });
  }
  return maluppfyllelseView(scope, input);
}
