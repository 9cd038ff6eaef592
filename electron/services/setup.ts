import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { SetupStep } from '../../shared/contract/schemas/setup';
import { countOf, formatDate, joinSv } from '../../shared/format/sv';
import type { Scope } from './context';
import { loadForbund } from './forbund';
import { handlersFor } from './handler';
import { listMembers } from './members';
import { resolveActor } from './user';

/**
 * Kom igång: each step is done when the registers hold what it asks for, so the guide can be
 * left at any step and resumed with what was saved; finishing it only stops Översikt from
 * opening with it.
 */

/** The name an empty database starts with (db/seed/demo.ts seedEmpty). */
const NEW_NAME = 'Nytt samordningsförbund';

async function steps(scope: Scope): Promise<SetupStep[]> {
  const today = formatDate(scope.now);
  const forbund = await loadForbund(scope);
  const user = await resolveActor(scope.db, scope.ctx.actor, scope.ctx.db);
  const missing = [
    forbund.name === NEW_NAME ? 'namn' : null,
    forbund.orgNr === null ? 'organisationsnummer' : null,
    forbund.city === null ? 'säte' : null,
    forbund.address === null ? 'postadress' : null,
    user.displayName === null ? 'ditt namn' : null,
  ].filter((x): x is string => x !== null);

  const members = await listMembers({}, scope);
  const kommuner = members.filter((m) => m.kind === 'kommun');
  const withoutPopulation = kommuner.filter((m) => m.populations.length === 0).map((m) => m.name);

  const period = await scope.db
    .selectFrom('mandate_periods as p')
    .leftJoin('board_appointments as a', 'a.period_id', 'p.id')
    .select((eb) => ['p.starts_on', 'p.ends_on', eb.fn.count<number>('a.id').as('seats')])
    .where('p.starts_on', '<=', today)
    .where('p.ends_on', '>=', today)
    .groupBy('p.id')
    .executeTakeFirst();
  const seats = Number(period?.seats ?? 0);

  const delar = await scope.db.selectFrom('arshjul').select('month_day').where('key', '=', 'delarsrapport').executeTakeFirst();
  const blad = await scope.db.selectFrom('arendeblad').select('id').executeTakeFirst();

  return [
    {
      key: 'forbundet',
      label: 'Förbundet och du',
      done: missing.length === 0,
      note: missing.length === 0 ? `${forbund.name}, ${forbund.city}. Ändringar loggas som ${user.actor}.` : `Saknas: ${joinSv(missing)}.`,
    },
    {
      key: 'medlemmar',
      label: 'Medlemmar och folkmängd',
      done: members.length >= 2 && kommuner.length > 0 && withoutPopulation.length === 0,
      note:
        members.length === 0
          ? 'Inga medlemmar ännu.'
          : kommuner.length === 0
            ? `${countOf(members.length, 'medlem', 'medlemmar')}, ingen kommun ännu.`
            : withoutPopulation.length > 0
              ? `Folkmängd saknas för ${joinSv(withoutPopulation)}.`
              : `${countOf(members.length, 'medlem', 'medlemmar')}, varav ${countOf(kommuner.length, 'kommun', 'kommuner')} med folkmängd.`,
    },
    {
      key: 'styrelse',
      label: 'Styrelsen',
      done: period !== undefined && seats > 0,
      note:
        period === undefined
          ? 'Ingen mandatperiod som gäller i dag.'
          : `Mandatperioden ${period.starts_on} – ${period.ends_on}, ${countOf(seats, 'uppdrag', 'uppdrag')}.`,
    },
    {
      key: 'arshjul',
      label: 'Delårsrapportens datum',
      done: delar !== undefined,
      note: delar ? `Delårsrapporten till styrelsen senast den ${delar.month_day} varje år.` : 'Ange när delårsrapporten ska till styrelsen (förslag: 10-31).',
    },
    {
      key: 'arendeblad',
      label: 'Första ärendebladet',
      done: blad !== undefined,
      note: blad ? 'Det första ärendebladet är skrivet.' : 'Skriv ett ärendeblad ur en mall.',
    },
  ];
}

async function getStatus(_input: ParsedInput<'setup.status'>, scope: Scope): Promise<MethodResult<'setup.status'>> {
  return { finished: (await loadForbund(scope)).setupDone, steps: await steps(scope) };
}

async function finish(_input: ParsedInput<'setup.finish'>, scope: Scope): Promise<MethodResult<'setup.finish'>> {
  const before = await loadForbund(scope);
  if (before.setupDone) return before;
  await scope.db.updateTable('forbund').set({ setup_done_at: scope.now.toISOString() }).where('id', '=', 1).execute();
  const after = await loadForbund(scope);
  await scope.audit({ entity: 'forbund', entityId: 1, action: 'update', before: { setupDone: false }, after: { setupDone: true } });
  return after;
}

/** The methods this module serves. */
export const setupHandlers = handlersFor({
  'setup.status': getStatus,
  'setup.finish': finish,
});
