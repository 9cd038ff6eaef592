import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { BudgetVersion, BudgetYearView } from '../../../shared/contract/schemas/ekonomi';
import { BUDGET_POSTS, isBudgetPost, POST_INFO, type BudgetPost } from '../../../shared/domain/budget-posts';
import { result, type PostAmounts } from '../../../shared/domain/ekonomi';
import { formatKr } from '../../../shared/format/sv';
import type { Scope } from '../context';
import { refuse } from '../refuse';
import { grantedByInsatsYear } from './common';
import { handlersFor } from '../handler';

/**
 * Årsbudget in versions: one förslag per year that can be edited, then a fastställd
 * version (the board's decision) and any number of reviderade, each kept as decided
 * (triggers in 0008 refuse a change to a decided version's lines).
 */

const KIND_ORDER = { forslag: 0, faststalld: 1, reviderad: 2 } as const;

export async function loadBudgetVersions(scope: Scope, year: number): Promise<BudgetVersion[]> {
  return (await loadBudgetVersionsByYear(scope, year, year)).get(year) ?? [];
}

/** Every version of every year in a range, in two statements: year → versions in decision order. */
async function loadBudgetVersionsByYear(scope: Scope, fromYear: number, toYear: number): Promise<Map<number, BudgetVersion[]>> {
  const rows = await scope.db.selectFrom('budgets').selectAll().where('year', '>=', fromYear).where('year', '<=', toYear).execute();
  const lines =
    rows.length === 0
      ? []
      : await scope.db
          .selectFrom('budget_lines')
          .selectAll()
          .where(
            'budget_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
  const linesOf = new Map<number, { post: BudgetPost; amountKr: number }[]>();
  for (const l of lines) {
    if (!isBudgetPost(l.post)) continue;
    const own = linesOf.get(l.budget_id) ?? [];
    own.push({ post: l.post, amountKr: l.amount_kr });
    linesOf.set(l.budget_id, own);
  }
  const out = new Map<number, BudgetVersion[]>();
  for (const r of rows) {
    const own = linesOf.get(r.id) ?? [];
    own.sort((a, b) => BUDGET_POSTS.indexOf(a.post) - BUDGET_POSTS.indexOf(b.post));
    const intakterKr = own.filter((l) => POST_INFO[l.post].side === 'intakt').reduce((s, l) => s + l.amountKr, 0);
    const kostnaderKr = own.filter((l) => POST_INFO[l.post].side === 'kostnad').reduce((s, l) => s + l.amountKr, 0);
    const versions = out.get(r.year) ?? [];
    versions.push({
      id: r.id,
      kind: r.kind,
      revision: r.revision,
      decidedOn: r.decided_on,
      balanceReason: r.balance_reason,
      note: r.note,
      lines: own,
      intakterKr,
      kostnaderKr,
      resultKr: intakterKr - kostnaderKr,
    });
    out.set(r.year, versions);
  }
  for (const versions of out.values()) versions.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.revision - b.revision);
  return out;
}

/** The version that counts: the latest reviderad, else the fastställd, else the förslag. */
export function currentVersion(versions: readonly BudgetVersion[]): BudgetVersion | null {
  return versions.at(-1) ?? null;
}

export function linesToAmounts(version: BudgetVersion | null): PostAmounts {
  const out: PostAmounts = {};
  for (const l of version?.lines ?? []) out[l.post] = l.amountKr;
  return out;
}

/** The current budget of each year in a range, as post amounts. */
export async function currentBudgets(scope: Scope, fromYear: number, toYear: number): Promise<Map<number, BudgetVersion>> {
  const out = new Map<number, BudgetVersion>();
  for (const [year, versions] of await loadBudgetVersionsByYear(scope, fromYear, toYear)) {
    const v = currentVersion(versions);
    if (v) out.set(year, v);
  }
  return out;
}

export async function budgetYearView(scope: Scope, year: number): Promise<BudgetYearView> {
  const versions = await loadBudgetVersions(scope, year);
  const granted = await grantedByInsatsYear(scope, year, year);
  const grantedByKategori = { individ: 0, struktur: 0, kompetens: 0 };
  for (const g of granted) grantedByKategori[g.kategori] += Number(g.grantedKr);
  const fee = await scope.db.selectFrom('medlemsavgifter').select('total_kr').where('year', '=', year).executeTakeFirst();
  return { year, versions, currentId: currentVersion(versions)?.id ?? null, grantedByKategori, feeTotalKr: fee?.total_kr ?? null };
}

export async function getBudget(input: ParsedInput<'budget.get'>, scope: Scope): Promise<MethodResult<'budget.get'>> {
  return budgetYearView(scope, input.year);
}

export async function saveBudget(input: ParsedInput<'budget.save'>, scope: Scope): Promise<MethodResult<'budget.save'>> {
  const at = scope.now.toISOString();
  const existing = await scope.db.selectFrom('budgets').selectAll().where('year', '=', input.year).where('kind', '=', 'forslag').executeTakeFirst();
  const before = existing ? ((await loadBudgetVersions(scope, input.year)).find((v) => v.id === existing.id) ?? null) : null;
  let id: number;
  if (existing) {
    id = existing.id;
    await scope.db.updateTable('budgets').set({ balance_reason: input.balanceReason, note: input.note, updated_at: at }).where('id', '=', id).execute();
    await scope.db.deleteFrom('budget_lines').where('budget_id', '=', id).execute();
  } else {
    id = (
      await scope.db
        .insertInto('budgets')
        .values({
          year: input.year,
          kind: 'forslag',
          revision: 0,
          decided_on: null,
          balance_reason: input.balanceReason,
          note: input.note,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const lines = input.lines.filter((l) => l.amountKr !== 0);
  if (lines.length > 0)
    await scope.db
      .insertInto('budget_lines')
      .values(lines.map((l) => ({ budget_id: id, post: l.post, amount_kr: l.amountKr })))
      .execute();
  const amounts: PostAmounts = Object.fromEntries(lines.map((l) => [l.post, l.amountKr]));
  await scope.audit({
    entity: 'budget',
    entityId: id,
    action: before ? 'update' : 'create',
    before,
    after: { year: input.year, kind: 'forslag', lines, resultKr: result(amounts), balanceReason: input.balanceReason },
  });
  return budgetYearView(scope, input.year);
}

/** The board decides the förslag: it is copied into a fastställd (or the next reviderad) version, kept as decided. */
export async function decideBudget(input: ParsedInput<'budget.decide'>, scope: Scope): Promise<MethodResult<'budget.decide'>> {
  if (input.forslag) {
    const stored = await scope.db.selectFrom('budgets').select('note').where('year', '=', input.year).where('kind', '=', 'forslag').executeTakeFirst();
    await saveBudget({ year: input.year, lines: input.forslag.lines, balanceReason: input.forslag.balanceReason, note: stored?.note ?? null }, scope);
  }
  const versions = await loadBudgetVersions(scope, input.year);
  const forslag = versions.find((v) => v.kind === 'forslag');
  if (!forslag) throw refuse('year', `Det finns inget budgetförslag för ${input.year} att fastställa.`);
  if (Number(input.decidedOn.slice(0, 4)) > input.year)
    throw refuse('decidedOn', `Budgeten för ${input.year} kan inte fastställas ${input.decidedOn}, efter budgetåret.`);
  const hasFaststalld = versions.some((v) => v.kind === 'faststalld');
  if (input.kind === 'faststalld' && hasFaststalld)
    throw refuse('kind', `Budgeten för ${input.year} är redan fastställd. Ändringar beslutas som reviderad budget.`);
  if (input.kind === 'reviderad' && !hasFaststalld) throw refuse('kind', `Budgeten för ${input.year} måste fastställas innan den kan revideras.`);
  const latest = currentVersion(versions);
  if (latest && latest.decidedOn && input.decidedOn < latest.decidedOn)
    throw refuse('decidedOn', `Beslutsdatumet ligger före förra beslutet om budgeten (${latest.decidedOn}).`);
  if (forslag.resultKr < 0 && !forslag.balanceReason) {
    throw refuse(
      'balanceReason',
      `Budgeten för ${input.year} har ett underskott på ${formatKr(-forslag.resultKr)}. Ange skälet (t.ex. att överskott från tidigare år används) innan den fastställs.`,
    );
  }
  const revision = input.kind === 'reviderad' ? versions.filter((v) => v.kind === 'reviderad').length + 1 : 0;
  const at = scope.now.toISOString();
  const { id } = await scope.db
    .insertInto('budgets')
    .values({
      year: input.year,
      kind: input.kind,
      revision,
      decided_on: input.decidedOn,
      balance_reason: forslag.balanceReason,
      note: forslag.note,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (forslag.lines.length > 0)
    await scope.db
      .insertInto('budget_lines')
      .values(forslag.lines.map((l) => ({ budget_id: id, post: l.post, amount_kr: l.amountKr })))
      .execute();
  await scope.audit({
    entity: 'budget',
    entityId: id,
    action: 'create',
    before: null,
    after: { year: input.year, kind: input.kind, revision, decidedOn: input.decidedOn, lines: forslag.lines },
  });
  return budgetYearView(scope, input.year);
}

/** The methods this module serves. */
export const budgetHandlers = handlersFor({
  'budget.get': getBudget,
  'budget.save': saveBudget,
  'budget.decide': decideBudget,
});
