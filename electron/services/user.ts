import type { Kysely } from 'kysely';
import type { KansliDb } from '../../db/open';
import type { KansliTables } from '../../db/schema';
import type { CurrentUser } from '../../shared/contract/schemas/audit';
import type { ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';
import { handlersFor } from './handler';
import { refuse } from './refuse';
import { serverCaller } from './users';

/**
 * How the audit log names the person making a call: on a file the computer's account
 * `osUser` with the name set in the app, "Eva Lind (eva)" or just "eva"; on a server the
 * person's own login with the name and role the users list gives.
 */
export async function resolveActor(db: Kysely<KansliTables>, osUser: string, database?: KansliDb): Promise<CurrentUser> {
  if (database?.engine === 'postgres') {
    const caller = await serverCaller(db, database);
    const actor = caller.name === caller.login ? caller.login : `${caller.name} (${caller.login})`;
    return { osUser: caller.login, displayName: caller.name === caller.login ? null : caller.name, actor, role: caller.role };
  }
  const row = await db.selectFrom('user_names').select('display_name').where('os_user', '=', osUser).executeTakeFirst();
  const displayName = row?.display_name ?? null;
  return { osUser, displayName, actor: displayName === null || displayName === osUser ? osUser : `${displayName} (${osUser})`, role: null };
}

export async function getUser(_input: ParsedInput<'user.get'>, scope: Scope): Promise<CurrentUser> {
  return resolveActor(scope.db, scope.ctx.actor, scope.ctx.db);
}

export async function setUser(input: ParsedInput<'user.set'>, scope: Scope): Promise<CurrentUser> {
  const server = scope.ctx.db;
  if (server.engine === 'postgres') {
    // On a server the name is the users list's: a person sets their own there, their role as it is.
    const before = await resolveActor(scope.db, scope.ctx.actor, server);
    if (before.role === null) throw refuse('name', 'Du är inte användare i Kansli på den här servern. Inget har ändrats.', 'FORBIDDEN');
    const at = scope.now.toISOString();
    await scope.db
      .insertInto('kansli_users')
      .values({ login: server.login, display_name: input.name, role: before.role, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('login').doUpdateSet({ display_name: input.name, updated_at: at }))
      .execute();
    const after = await resolveActor(scope.db, scope.ctx.actor, server);
    await scope.audit({ entity: 'user', entityId: server.login, action: before.displayName === null ? 'create' : 'update', before, after });
    return after;
  }
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
