import type { Scope } from './context';
import { refuse } from './refuse';

/** A closed year (Ekonomi → Utfall → Stäng år): no utfall and no internkontroll occasion in it changes. */
export async function isClosed(scope: Scope, year: number): Promise<boolean> {
  return (await scope.db.selectFrom('closed_years').select('year').where('year', '=', year).executeTakeFirst()) !== undefined;
}

export async function refuseIfClosed(scope: Scope, year: number, path: string): Promise<void> {
  if (await isClosed(scope, year)) {
    throw refuse(path, `År ${year} är stängt. Utfall för ett stängt år kan inte läggas till, ändras eller tas bort.`);
  }
}
