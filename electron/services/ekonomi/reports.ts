import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { BeslutsutrymmeView, BudgetMotUtfall, EconomySettings, HistoryView, InsatsComparison } from '../../../shared/contract/schemas/ekonomi';
import { APPLICATION_KIND_LABELS } from '../../../shared/contract/schemas/insatser';
import { BUDGET_POSTS, GROUP_LABELS, isBudgetPost, isSamverkanPost, POST_GROUPS, POST_INFO, signed } from '../../../shared/domain/budget-posts';
import { checkTypedBeslutsutrymme, computeBeslutsutrymme, type BeslutsutrymmeYearInput, type PendingApplication } from '../../../shared/domain/beslutsutrymme';
import {
  comparePosts,
  forbrukningHistory,
  groupCosts,
  hushallningWarnings,
  oreToKr,
  periodBudget,
  result,
  type HistoryYear,
  type PostAmounts,
} from '../../../shared/domain/ekonomi';
import { forbrukningskvot } from '../../../shared/domain/insats-figures';
import { formatKr } from '../../../shared/format/sv';
import type { Scope } from '../context';
import { currentBudgets, currentVersion, linesToAmounts, loadBudgetVersions } from './budget';
import { grantedByInsatsYear, grantedByYear } from './common';
import { handlersFor } from '../handler';

/**
 * The economy's reports, computed from the database with the pure rules in
 * shared/domain: budget mot utfall, beslutsutrymme, förbrukning over the years,
 * and the checks of god ekonomisk hushållning.
 */

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export function periodLabel(year: number, fromMonth: number, toMonth: number): string {
  if (fromMonth === 1 && toMonth === 12) return `helåret ${year}`;
  if (fromMonth === toMonth) return `${MONTHS[fromMonth - 1]} ${year}`;
  return `${MONTHS[fromMonth - 1]}–${MONTHS[toMonth - 1]} ${year}`;
}

/**
 * Utfall per post (kr) for the months fromMonth–toMonth of a year, from the monthly sums
 * that triggers keep beside the verifikationer (migration 0013).
 */
export async function utfallByPost(scope: Scope, year: number, fromMonth = 1, toMonth = 12): Promise<PostAmounts> {
  const rows = await scope.db
    .selectFrom('utfall_post_months')
    .select(['post'])
    .select((eb) => eb.fn.sum<number>('amount_ore').as('ore'))
    .where('year', '=', year)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('post')
    .execute();
  const out: PostAmounts = {};
  for (const r of rows) if (isBudgetPost(r.post)) out[r.post] = oreToKr(Number(r.ore));
  return out;
}

/** Utfall per post for several whole years at once: year → post → kr. */
async function utfallByYearPost(scope: Scope, years: readonly number[]): Promise<Map<number, PostAmounts>> {
  const out = new Map<number, PostAmounts>(years.map((y) => [y, {}]));
  if (years.length === 0) return out;
  const rows = await scope.db
    .selectFrom('utfall_post_months')
    .select(['year', 'post'])
    .select((eb) => eb.fn.sum<number>('amount_ore').as('ore'))
    .where('year', 'in', years)
    .groupBy(['year', 'post'])
    .execute();
  for (const r of rows) if (isBudgetPost(r.post)) out.get(r.year)![r.post] = oreToKr(Number(r.ore));
  return out;
}

async function utfallByInsats(scope: Scope, year: number, fromMonth: number, toMonth: number): Promise<Map<number, number>> {
  const rows = await scope.db
    .selectFrom('utfall_insats_months')
    .select(['insats_id'])
    .select((eb) => eb.fn.sum<number>('amount_ore').as('ore'))
    .where('year', '=', year)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('insats_id')
    .execute();
  return new Map(rows.map((r) => [r.insats_id, oreToKr(Number(r.ore))]));
}

export async function budgetMotUtfall(scope: Scope, year: number, fromMonth: number, toMonth: number): Promise<BudgetMotUtfall> {
  const months = toMonth - fromMonth + 1;
  const version = currentVersion(await loadBudgetVersions(scope, year));
  const yearBudget = linesToAmounts(version);
  const budget: PostAmounts = {};
  for (const post of BUDGET_POSTS) if (yearBudget[post] !== undefined) budget[post] = periodBudget(yearBudget[post]!, months);
  const utfall = await utfallByPost(scope, year, fromMonth, toMonth);
  const previous = await utfallByPost(scope, year - 1, fromMonth, toMonth);
  const posts = comparePosts(budget, utfall, previous);
  const groupSum = (amounts: PostAmounts, group: string) =>
    BUDGET_POSTS.filter((p) => POST_INFO[p].group === group).reduce((s, p) => s + signed(p, amounts[p] ?? 0), 0);
  const groups = POST_GROUPS.map((group) => ({
    group,
    label: GROUP_LABELS[group],
    budgetKr: groupSum(budget, group),
    utfallKr: groupSum(utfall, group),
    previousKr: groupSum(previous, group),
  }));

  const granted = await grantedByInsatsYear(scope, year - 1, year);
  const byInsats = await utfallByInsats(scope, year, fromMonth, toMonth);
  const prevByInsats = await utfallByInsats(scope, year - 1, fromMonth, toMonth);
  const names = new Map<number, { name: string; kategori: InsatsComparison['kategori'] }>();
  const grantedThisYear = new Map<number, number>();
  for (const g of granted) {
    names.set(g.insatsId, { name: g.name, kategori: g.kategori });
    if (g.year === year) grantedThisYear.set(g.insatsId, (grantedThisYear.get(g.insatsId) ?? 0) + Number(g.grantedKr));
  }
  const missing = [...byInsats.keys(), ...prevByInsats.keys()].filter((id) => !names.has(id));
  if (missing.length > 0) {
    for (const i of await scope.db.selectFrom('insatser').select(['id', 'name', 'kategori']).where('id', 'in', missing).execute())
      names.set(i.id, { name: i.name, kategori: i.kategori });
  }
  const insatser: InsatsComparison[] = [...names]
    .map(([insatsId, n]) => {
      const budgetKr = periodBudget(grantedThisYear.get(insatsId) ?? 0, months);
      const utfallKr = byInsats.get(insatsId) ?? 0;
      return {
        insatsId,
        name: n.name,
        kategori: n.kategori,
        budgetKr,
        utfallKr,
        previousKr: prevByInsats.get(insatsId) ?? 0,
        kvot: forbrukningskvot(utfallKr, budgetKr),
      };
    })
    .filter((r) => r.budgetKr !== 0 || r.utfallKr !== 0 || r.previousKr !== 0)
    .sort((a, b) => a.kategori.localeCompare(b.kategori) || a.name.localeCompare(b.name, 'sv'));
  const samv = groups.find((g) => g.group === 'samverkan')!;
  return {
    year,
    fromMonth,
    toMonth,
    periodLabel: periodLabel(year, fromMonth, toMonth),
    budgetKind: version?.kind ?? null,
    posts,
    groups,
    result: { budgetKr: result(budget), utfallKr: result(utfall), previousKr: result(previous) },
    insatser,
    samverkanTotal: {
      budgetKr: -samv.budgetKr,
      utfallKr: -samv.utfallKr,
      previousKr: -samv.previousKr,
      kvot: forbrukningskvot(-samv.utfallKr, -samv.budgetKr),
    },
  };
}

export async function getBudgetMotUtfall(input: ParsedInput<'ekonomi.budgetMotUtfall'>, scope: Scope): Promise<MethodResult<'ekonomi.budgetMotUtfall'>> {
  return budgetMotUtfall(scope, input.year, input.fromMonth, input.toMonth);
}

export async function loadSettings(scope: Scope): Promise<EconomySettings> {
  const row = await scope.db.selectFrom('economy_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  const closed = await scope.db.selectFrom('closed_years').select('year').orderBy('year').execute();
  return {
    reservfondKr: row?.reservfond_kr ?? 0,
    guidelinePercent: (row?.guideline_permille ?? 200) / 10,
    openingYear: row?.opening_year ?? null,
    openingEquityKr: row?.opening_equity_kr ?? null,
    closedYears: closed.map((c) => c.year),
  };
}

export async function getSettings(_input: ParsedInput<'ekonomi.settings'>, scope: Scope): Promise<MethodResult<'ekonomi.settings'>> {
  return loadSettings(scope);
}

export async function saveSettings(input: ParsedInput<'ekonomi.saveSettings'>, scope: Scope): Promise<MethodResult<'ekonomi.saveSettings'>> {
  const before = await loadSettings(scope);
  const values = {
    reservfond_kr: input.reservfondKr,
    guideline_permille: Math.round(input.guidelinePercent * 10),
    opening_year: input.openingYear,
    opening_equity_kr: input.openingEquityKr,
    updated_at: scope.now.toISOString(),
  };
  await scope.db
    .insertInto('economy_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  const after = await loadSettings(scope);
  await scope.audit({ entity: 'ekonomiinstallningar', entityId: 1, action: 'update', before, after });
  return after;
}

/** Kostnader outside samverkan less intäkter other than medlemsavgifter: what the table calls other costs. */
function ovrigtNetto(amounts: PostAmounts): number {
  return BUDGET_POSTS.filter((p) => p !== 'medlemsavgifter' && !isSamverkanPost(p) && p !== 'utveckling').reduce((s, p) => s - signed(p, amounts[p] ?? 0), 0);
}

function samverkanUtfall(amounts: PostAmounts): number {
  return BUDGET_POSTS.filter((p) => isSamverkanPost(p) || p === 'utveckling').reduce((s, p) => s + (amounts[p] ?? 0), 0);
}

export async function beslutsutrymme(scope: Scope, fromYear: number, count: number, applicationIds?: readonly number[]): Promise<BeslutsutrymmeView> {
  const settings = await loadSettings(scope);
  const notes: string[] = [];
  const startYear = settings.openingYear !== null && settings.openingYear <= fromYear ? settings.openingYear : fromYear;
  const lastYear = fromYear + count - 1;
  let openingKr = 0;
  let openingSource: string;
  if (settings.openingYear !== null && settings.openingEquityKr !== null && settings.openingYear <= fromYear) {
    openingKr = settings.openingEquityKr - settings.reservfondKr;
    openingSource = `Eget kapital vid ingången av ${settings.openingYear} (${formatKr(settings.openingEquityKr)}) minus bunden reservfond (${formatKr(settings.reservfondKr)}).`;
  } else {
    openingSource = 'Eget kapital vid årets början är inte angivet; över-/underskott från tidigare år räknas som 0.';
    notes.push('Ange eget kapital vid ett års början under Ekonomi → Hushållning & historik för att få med överskottet från tidigare år.');
  }
  const fees = new Map((await scope.db.selectFrom('medlemsavgifter').select(['year', 'total_kr']).execute()).map((f) => [f.year, f.total_kr]));
  const budgets = await currentBudgets(scope, startYear - 10, lastYear);
  const granted = await grantedByYear(scope, startYear, lastYear);
  const closed = new Set(settings.closedYears);
  const closedUtfall = await utfallByYearPost(
    scope,
    settings.closedYears.filter((y) => y >= startYear && y <= lastYear),
  );
  const years: BeslutsutrymmeYearInput[] = [];
  let lastFee: number | null = null;
  let lastBudget: PostAmounts | null = null;
  for (const [y, v] of [...budgets].sort((a, b) => a[0] - b[0])) if (y < startYear) lastBudget = linesToAmounts(v);
  for (const [y, fee] of [...fees].sort((a, b) => a[0] - b[0])) if (y < startYear) lastFee = fee;
  for (let year = startYear; year <= lastYear; year++) {
    const budget = budgets.has(year) ? linesToAmounts(budgets.get(year)!) : null;
    if (budget) lastBudget = budget;
    let anslagKr = fees.get(year) ?? budget?.medlemsavgifter ?? null;
    let source: BeslutsutrymmeYearInput['source'] = 'budget';
    if (anslagKr === null) {
      anslagKr = lastFee ?? lastBudget?.medlemsavgifter ?? 0;
      source = 'antagande';
    }
    lastFee = anslagKr;
    if (closed.has(year)) {
      const u = closedUtfall.get(year)!;
      const samverkanKr = samverkanUtfall(u);
      years.push({ year, anslagKr, samverkanKr, ovrigtNettoKr: anslagKr - samverkanKr - result({ ...u, medlemsavgifter: anslagKr }), source: 'utfall' });
      continue;
    }
    const plan = budget ?? lastBudget;
    if (!budget) source = 'antagande';
    const grantedKr = granted.get(year) ?? 0;
    years.push({ year, anslagKr, samverkanKr: grantedKr + (plan?.utveckling ?? 0), ovrigtNettoKr: plan ? ovrigtNetto(plan) : 0, source });
  }
  const pendingRows = await scope.db
    .selectFrom('applications as a')
    .innerJoin('application_years as y', 'y.application_id', 'a.id')
    .select(['a.id', 'a.kind', 'a.name', 'a.starts_on', 'a.ends_on', 'y.year', 'y.sought_kr'])
    .where('a.status', 'in', ['inkommen', 'under_beredning'])
    .orderBy('a.received_on')
    .orderBy('a.id')
    .execute();
  const pending = new Map<number, PendingApplication>();
  for (const r of pendingRows) {
    if (applicationIds && !applicationIds.includes(r.id)) continue;
    const p = pending.get(r.id) ?? {
      id: r.id,
      label: `${APPLICATION_KIND_LABELS[r.kind]} ${r.name} ${r.starts_on.slice(2).replaceAll('-', '')}–${r.ends_on.slice(2).replaceAll('-', '')}`,
      byYear: {},
    };
    p.byYear[r.year] = r.sought_kr;
    pending.set(r.id, p);
  }
  const table = computeBeslutsutrymme(openingKr, years, [...pending.values()]);
  // Earlier years run only to carry the surplus forward; the board sees fromYear on.
  const rows = table.rows.filter((r) => r.year >= fromYear);
  if (rows.some((r) => r.source === 'antagande'))
    notes.push('Där det saknas medlemsavgift eller budget för ett år antas samma belopp som det senaste kända året.');
  return {
    fromYear,
    openingKr: table.rows[0]?.fromEarlierKr ?? openingKr,
    openingSource,
    notes,
    rows,
    pending: table.pending.map((p) => ({ ...p, byYear: p.byYear.filter((e) => e.year >= fromYear) })),
  };
}

export async function getBeslutsutrymme(input: ParsedInput<'ekonomi.beslutsutrymme'>, scope: Scope): Promise<MethodResult<'ekonomi.beslutsutrymme'>> {
  return beslutsutrymme(scope, input.fromYear, input.years, input.applicationIds);
}

export async function checkTyped(input: ParsedInput<'ekonomi.checkTyped'>): Promise<MethodResult<'ekonomi.checkTyped'>> {
  const problems = checkTypedBeslutsutrymme(input.columns, input.tolerance);
  return { ok: problems.length === 0, problems };
}

export async function history(scope: Scope): Promise<HistoryView> {
  const typed = await scope.db.selectFrom('economy_history').selectAll().execute();
  const utfallYears = (await scope.db.selectFrom('utfall_post_months').select('year').distinct().orderBy('year').execute()).map((r) => r.year);
  const utfall = await utfallByYearPost(scope, utfallYears);
  const fees = new Map((await scope.db.selectFrom('medlemsavgifter').select(['year', 'total_kr']).execute()).map((f) => [f.year, f.total_kr]));
  const years: (HistoryYear & { resultatKr: number | null; sidointakterKr: number })[] = [];
  for (const year of utfallYears) {
    const u = utfall.get(year)!;
    const c = groupCosts(u);
    const anslagKr = fees.get(year) ?? u.medlemsavgifter ?? 0;
    years.push({
      year,
      anslagKr,
      samverkanKr: c.samverkan,
      fortroendevaldaKr: c.fortroendevalda,
      forvaltningKr: c.forvaltning,
      comment: null,
      source: 'utfall',
      resultatKr: result(u),
      sidointakterKr: u.sidointakter ?? 0,
    });
  }
  for (const t of typed) {
    if (utfallYears.includes(t.year)) continue;
    years.push({
      year: t.year,
      anslagKr: t.anslag_kr,
      samverkanKr: t.samverkan_kr,
      fortroendevaldaKr: t.fortroendevalda_kr,
      forvaltningKr: t.forvaltning_kr,
      comment: t.comment,
      source: 'inskrivet',
      resultatKr: t.resultat_kr,
      sidointakterKr: t.sidointakter_kr,
    });
  }
  const extra = new Map(years.map((y) => [y.year, y]));
  return {
    rows: forbrukningHistory(years).map((row) => {
      const y = extra.get(row.year)!;
      const computedResultKr = row.anslagKr + y.sidointakterKr - row.samverkanKr - row.fortroendevaldaKr - row.forvaltningKr;
      return {
        ...row,
        resultatKr: y.resultatKr,
        computedResultKr,
        mismatchKr: y.resultatKr === null || Math.abs(y.resultatKr - computedResultKr) <= 1_000 ? null : y.resultatKr - computedResultKr,
      };
    }),
  };
}

export async function getHistory(_input: ParsedInput<'ekonomi.history'>, scope: Scope): Promise<MethodResult<'ekonomi.history'>> {
  return history(scope);
}

export async function saveHistory(input: ParsedInput<'ekonomi.saveHistory'>, scope: Scope): Promise<MethodResult<'ekonomi.saveHistory'>> {
  const before = await scope.db.selectFrom('economy_history').selectAll().where('year', '=', input.year).executeTakeFirst();
  const values = {
    anslag_kr: input.anslagKr,
    samverkan_kr: input.samverkanKr,
    fortroendevalda_kr: input.fortroendevaldaKr,
    forvaltning_kr: input.forvaltningKr,
    sidointakter_kr: input.sidointakterKr,
    resultat_kr: input.resultatKr,
    comment: input.comment,
    updated_at: scope.now.toISOString(),
  };
  await scope.db
    .insertInto('economy_history')
    .values({ year: input.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
  await scope.audit({
    entity: 'ekonomihistorik',
    entityId: input.year,
    action: before ? 'update' : 'create',
    before: before ?? null,
    after: { year: input.year, ...values },
  });
  return history(scope);
}

/** God ekonomisk hushållning for a year: budget balance, eget kapital against the guideline, beslutsutrymme. */
export async function economyOverview(scope: Scope, year: number): Promise<MethodResult<'ekonomi.overview'>> {
  const settings = await loadSettings(scope);
  const version = currentVersion(await loadBudgetVersions(scope, year));
  const budgetResultKr = version && version.kind !== 'forslag' ? version.resultKr : null;
  let egetKapitalKr: number | null = null;
  if (settings.openingYear !== null && settings.openingEquityKr !== null && settings.openingYear <= year) {
    egetKapitalKr = settings.openingEquityKr;
    const opening = settings.openingYear;
    const before = Array.from({ length: year - opening }, (_, i) => opening + i);
    for (const amounts of (await utfallByYearPost(scope, before)).values()) egetKapitalKr += result(amounts);
  }
  const fee = await scope.db.selectFrom('medlemsavgifter').select('total_kr').where('year', '=', year).executeTakeFirst();
  const table = await beslutsutrymme(scope, year, 5);
  const lowest = table.rows.reduce<{ year: number; kr: number } | null>(
    (low, r) => (low === null || r.efterAktuellaKr < low.kr ? { year: r.year, kr: r.efterAktuellaKr } : low),
    null,
  );
  const warnings = hushallningWarnings({
    year,
    budgetResultKr,
    balanceReason: version?.balanceReason ?? null,
    egetKapitalKr,
    reservfondKr: settings.reservfondKr,
    guidelineShare: settings.guidelinePercent / 100,
    medlemsavgifterKr: fee?.total_kr ?? null,
    lowestBeslutsutrymme: lowest,
  });
  return { year, warnings, egetKapitalKr, budgetResultKr };
}

export async function getEconomyOverview(input: ParsedInput<'ekonomi.overview'>, scope: Scope): Promise<MethodResult<'ekonomi.overview'>> {
  return economyOverview(scope, input.year);
}

/** The methods this module serves. */
export const reportsHandlers = handlersFor({
  'ekonomi.budgetMotUtfall': getBudgetMotUtfall,
  'ekonomi.beslutsutrymme': getBeslutsutrymme,
  'ekonomi.checkTyped': checkTyped,
  'ekonomi.history': getHistory,
  'ekonomi.saveHistory': saveHistory,
  'ekonomi.settings': getSettings,
  'ekonomi.saveSettings': saveSettings,
  'ekonomi.overview': getEconomyOverview,
});
