import type { Scope } from '../context';

/** Granted insatser's budget per year (the sum of every decision behind each insats). */
export async function grantedByInsatsYear(scope: Scope, fromYear: number, toYear: number) {
  return scope.db
    .selectFrom('application_years as y')
    .innerJoin('applications as a', 'a.id', 'y.application_id')
    .innerJoin('insatser as i', 'i.id', 'a.insats_id')
    .select(['i.id as insatsId', 'i.name', 'i.kategori', 'y.year'])
    .select((eb) => eb.fn.sum<number>(eb.fn.coalesce('y.granted_kr', eb.val(0))).as('grantedKr'))
    .where('a.status', 'in', ['beviljad', 'delvis_beviljad'])
    .where('y.year', '>=', fromYear)
    .where('y.year', '<=', toYear)
    .groupBy(['i.id', 'y.year'])
    .execute();
}

/** Granted insatser's budget summed by year: year → kr. */
export async function grantedByYear(scope: Scope, fromYear: number, toYear: number): Promise<Map<number, number>> {
  const rows = await scope.db
    .selectFrom('application_years as y')
    .innerJoin('applications as a', 'a.id', 'y.application_id')
    .select('y.year')
    .select((eb) => eb.fn.sum<number>(eb.fn.coalesce('y.granted_kr', eb.val(0))).as('grantedKr'))
    .where('a.status', 'in', ['beviljad', 'delvis_beviljad'])
    .where('a.insats_id', 'is not', null)
    .where('y.year', '>=', fromYear)
    .where('y.year', '<=', toYear)
    .groupBy('y.year')
    .execute();
  return new Map(rows.map((r) => [r.year, Number(r.grantedKr)]));
}
