import type { Kysely } from 'kysely';
import type { KansliTables } from '../../db/schema';
import type { CurrentUser } from '../../shared/contract/schemas/audit';
import type { ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';
import { handlersFor } from './handler';

/** How the audit log names the person behind `osUser`: "Eva Lind (eva)", or just "eva". */
export async function resolveActor(db: Kysely<KansliTables>, osUser: string): Promise<CurrentUser> {
  const row = await db.selectFrom('user_names').select('display_name').where('os_user', '=', osUser).executeTakeFirst();
  const displayName = row?.display_name ?? null;
  return { osUser, displayName, actor: displayName === null || displayName === osUser ? osUser : `${displayName} (${osUser})` };
}

export async function getUser(_input: ParsedInput<'user.get'>, scope: Scope): Promise<CurrentUser> {
  return resolveActor(scope.db, scope.ctx.actor);
}

export async function setUser(input: ParsedInput<'user.set'>, scope: Scope): Promise<CurrentUser> {
  const osUser = scope.ctx.actor;
  const before = await resolveActor(scope.db, osUser);
  await scope.db
    .insertInto('user_names')
    .values({ os_user: osUser, display_name: input.name, updated_at: scope.now.toISOString() })
    .onConflict((oc) => oc.column('os_user').doUpdateSet({ display_name: input.name, updated_at: scope.now.toISOString() }))
    .execute();
  const after = await resolveActor(scope.db, osUser);
  await scope.audit({ entity: 'user', entityId: osUser, action: before.displayName === null ? 'create' : 'update', before, after });
  return after;
}

/** The methods this module serves. */
export const userHandlers = handlersFor({
  'user.get': getUser,
  'user.set': setUser,
});
