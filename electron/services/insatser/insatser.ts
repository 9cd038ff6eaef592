import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { Insats, PriorityGroup } from '../../../shared/contract/schemas/insatser';
import type { Scope } from '../context';
import { refuse } from '../refuse';
import { handlersFor } from '../handler';

/**
 * Insatser: what the granted ansökningar became. The budget of a year is the sum of
 * what every decision behind the insats granted for it, so a tilläggsansökan shows as
 * an addition, never as an overwritten figure. Also the board's prioriterade målgrupper
 * per year, which the ansökningar refer to.
 */

export async function loadInsats(scope: Scope, id: number): Promise<Insats> {
  const row = await scope.db
    .selectFrom('insatser as i')
    .innerJoin('members as m', 'm.id', 'i.owner_member_id')
    .selectAll('i')
    .select('m.name as owner_name')
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) throw refuse('id', `Insatsen finns inte (id ${id}).`, 'NOT_FOUND', 'Insatsen finns inte.');
  const apps = await scope.db
    .selectFrom('applications as a')
    .innerJoin('arenden as r', 'r.id', 'a.arende_id')
    .select(['a.id', 'a.arende_id', 'a.kind', 'a.status', 'r.diarienummer'])
    .where('a.insats_id', '=', id)
    .orderBy('a.received_on')
    .orderBy('a.id')
    .execute();
  const years = await scope.db
    .selectFrom('application_years as y')
    .innerJoin('applications as a', 'a.id', 'y.application_id')
    .select(['y.application_id', 'y.year', 'y.granted_kr'])
    .where('a.insats_id', '=', id)
    .where('a.status', 'in', ['beviljad', 'delvis_beviljad'])
    .execute();
  const byYear = new Map<number, number>();
  const byApp = new Map<number, number>();
  for (const y of years) {
    byYear.set(y.year, (byYear.get(y.year) ?? 0) + (y.granted_kr ?? 0));
    byApp.set(y.application_id, (byApp.get(y.application_id) ?? 0) + (y.granted_kr ?? 0));
  }
  const budget = [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, budgetKr]) => ({ year, budgetKr }));
  return {
    id: row.id,
    name: row.name,
    kategori: row.kategori,
    form: row.form,
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    styrgrupp: row.styrgrupp,
    budget,
    budgetTotalKr: budget.reduce((s, b) => s + b.budgetKr, 0),
    applications: apps.map((a) => ({
      id: a.id,
      arendeId: a.arende_id,
      diarienummer: a.diarienummer,
      kind: a.kind,
      status: a.status,
      grantedKr: byApp.get(a.id) ?? 0,
    })),
  };
}

export async function listInsatser(_input: ParsedInput<'insatser.list'>, scope: Scope): Promise<MethodResult<'insatser.list'>> {
  const rows = await scope.db.selectFrom('insatser').select('id').orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
  const out: Insats[] = [];
  for (const { id } of rows) out.push(await loadInsats(scope, id));
  return out;
}

export async function getInsats(input: ParsedInput<'insatser.get'>, scope: Scope): Promise<MethodResult<'insatser.get'>> {
  return loadInsats(scope, input.id);
}

async function groupsOf(scope: Scope, year: number): Promise<PriorityGroup[]> {
  return scope.db.selectFrom('priority_groups').select(['id', 'year', 'name']).where('year', '=', year).orderBy('position').execute();
}

export async function listPriorityGroups(input: ParsedInput<'insatser.priorityGroups'>, scope: Scope): Promise<MethodResult<'insatser.priorityGroups'>> {
  return groupsOf(scope, input.year);
}

/** The year's list as the board set it: kept names stay (applications refer to them), new ones are added, dropped ones removed. */
export async function savePriorityGroups(
  input: ParsedInput<'insatser.savePriorityGroups'>,
  scope: Scope,
): Promise<MethodResult<'insatser.savePriorityGroups'>> {
  const before = await groupsOf(scope, input.year);
  const wanted = input.names.map((n) => n.trim());
  const key = (n: string) => n.toLocaleLowerCase('sv');
  const dup = wanted.find((n, i) => wanted.findIndex((m) => key(m) === key(n)) !== i);
  if (dup) throw refuse('names', `”${dup}” står två gånger.`, 'VALIDATION');
  for (const g of before) {
    if (wanted.some((n) => key(n) === key(g.name))) continue;
    const used = await scope.db.selectFrom('application_priority_groups').select('application_id').where('priority_group_id', '=', g.id).executeTakeFirst();
    if (used) throw refuse('names', `”${g.name}” anges i en ansökan och kan inte tas bort från ${input.year} års lista.`, 'RULE', 'Används i en ansökan.');
    await scope.db.deleteFrom('priority_groups').where('id', '=', g.id).execute();
  }
  for (const [position, name] of wanted.entries()) {
    const existing = before.find((g) => key(g.name) === key(name));
    if (existing) await scope.db.updateTable('priority_groups').set({ position, name }).where('id', '=', existing.id).execute();
    else await scope.db.insertInto('priority_groups').values({ year: input.year, name, position }).execute();
  }
  const after = await groupsOf(scope, input.year);
  await scope.audit({ entity: 'priority_groups', entityId: input.year, action: 'update', before, after });
  return after;
}

/** The methods this module serves. */
export const insatsHandlers = handlersFor({
  'insatser.priorityGroups': listPriorityGroups,
  'insatser.savePriorityGroups': savePriorityGroups,
  'insatser.list': listInsatser,
  'insatser.get': getInsats,
});
