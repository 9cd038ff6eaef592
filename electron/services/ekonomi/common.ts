import { KansliError } from '../../../shared/contract/errors';
import type { Scope } from '../context';

/** A refusal that names the field, in Swedish. */
export function refuse(path: string, message: string, code: 'RULE' | 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' = 'RULE'): KansliError {
  return new KansliError(code, message, { issues: [{ path, message }] });
}

export async function isClosed(scope: Scope, year: number): Promise<boolean> {
  return (await scope.db.selectFrom('closed_years').select('year').where('year', '=', year).executeTakeFirst()) !== undefined;
}

export async function refuseIfClosed(scope: Scope, year: number, path: string): Promise<void> {
  if (await isClosed(scope, year)) {
    throw refuse(path, `År ${year} är stängt. Utfall för ett stängt år kan inte läggas till, ändras eller tas bort.`);
  }
}

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
