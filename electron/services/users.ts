import { sql, type Kysely } from 'kysely';
import { notOnServer, type KansliDb, type PostgresKansliDb } from '../../db/open';
import type { KansliTables } from '../../db/schema';
import { ROLE_LABELS, type Role } from '../../shared/contract/access';
import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { KansliUser } from '../../shared/contract/schemas/users';
import type { Scope } from './context';
import { handlersFor } from './handler';
import { refuse } from './refuse';

/**
 * People and roles on a server database (issue 18). Each person connects with their own
 * server login; kansli_users gives the login its name for the audit log and its role. The
 * database's owner is administratör until the list says otherwise, so the one who moved
 * the förbund to the server can add the others. A file has no list: its one user may do
 * everything.
 */

export interface Caller {
  login: string;
  name: string;
  /** Null when the login is not one of Kansli's users (then every call is refused). */
  role: Role | null;
}

/** Who a call on a server database comes from, read at each call (a role changed by the administratör counts at once). */
export async function serverCaller(db: Kysely<KansliTables>, server: PostgresKansliDb): Promise<Caller> {
  const row = await db.selectFrom('kansli_users').select(['display_name', 'role']).where('login', '=', server.login).executeTakeFirst();
  if (row) return { login: server.login, name: row.display_name, role: row.role };
  return { login: server.login, name: server.login, role: server.ownsDatabase ? 'administrator' : null };
}

export function notAUser(login: string): KansliError {
  return new KansliError(
    'FORBIDDEN',
    `Inloggningen ”${login}” är inte användare i Kansli på den här servern. Be förbundschefen eller administratören lägga till dig under Användare. Inget har ändrats.`,
  );
}

function serverOf(db: KansliDb): PostgresKansliDb {
  if (db.engine !== 'postgres') throw notOnServer('Användare och roller');
  return db;
}

function view(row: { login: string; display_name: string; role: Role }, me: string): KansliUser {
  return { login: row.login, name: row.display_name, role: row.role, roleLabel: ROLE_LABELS[row.role], isMe: row.login === me };
}

export async function listUsers(_input: ParsedInput<'users.list'>, scope: Scope): Promise<KansliUser[]> {
  const server = serverOf(scope.ctx.db);
  const rows = await scope.db.selectFrom('kansli_users').select(['login', 'display_name', 'role']).orderBy('display_name').execute();
  return rows.map((r) => view(r, server.login));
}

/** The server login itself: made when it is not there, its password set, and given the rights Kansli's tables need. */
async function serverLogin(db: Kysely<KansliTables>, login: string, password: string): Promise<void> {
  const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${login}`.execute(db);
  try {
    if (Number(exists.rows[0]?.n ?? 0) === 0) await sql`CREATE ROLE ${sql.id(login)} LOGIN PASSWORD ${sql.lit(password)}`.execute(db);
    else await sql`ALTER ROLE ${sql.id(login)} WITH LOGIN PASSWORD ${sql.lit(password)}`.execute(db);
    const database = sql.id((await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]?.name ?? '');
    await sql`GRANT CONNECT ON DATABASE ${database} TO ${sql.id(login)}`.execute(db);
    await sql`GRANT USAGE ON SCHEMA public TO ${sql.id(login)}`.execute(db);
    // Rows only: the tables, their rules and the log's triggers stay the owner's, out of every other login's reach.
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${sql.id(login)}`.execute(db);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${sql.id(login)}`.execute(db);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${sql.id(login)}`.execute(db);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${sql.id(login)}`.execute(db);
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
    if (code === '42501') {
      throw refuse(
        'password',
        `Din inloggning på servern får inte skapa inloggningar eller dela ut rättigheter (${(err as Error).message}). Låt databasens ägare göra det, eller lägg till personen utan lösenord om inloggningen redan finns. Inget har ändrats.`,
      );
    }
    throw err;
  }
}

export async function saveUser(input: ParsedInput<'users.save'>, scope: Scope): Promise<KansliUser> {
  const server = serverOf(scope.ctx.db);
  const before = await scope.db.selectFrom('kansli_users').select(['login', 'display_name', 'role']).where('login', '=', input.login).executeTakeFirst();
  if (input.login === server.login && input.role !== 'administrator' && input.role !== 'forbundschef') {
    const others = await scope.db
      .selectFrom('kansli_users')
      .select('login')
      .where('role', 'in', ['administrator', 'forbundschef'])
      .where('login', '<>', input.login)
      .executeTakeFirst();
    if (!others && !server.ownsDatabase) {
      throw refuse('role', 'Du är den enda som kan ändra användarna: ge någon annan rollen förbundschef eller administratör först. Inget har ändrats.');
    }
  }
  if (input.password !== undefined) await serverLogin(scope.db, input.login, input.password);
  else {
    const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${input.login}`.execute(scope.db);
    if (Number(exists.rows[0]?.n ?? 0) === 0) {
      throw refuse('password', `Det finns ingen inloggning ”${input.login}” på servern. Ange ett lösenord så skapas den. Inget har ändrats.`);
    }
  }
  const at = scope.now.toISOString();
  await scope.db
    .insertInto('kansli_users')
    .values({ login: input.login, display_name: input.name, role: input.role, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('login').doUpdateSet({ display_name: input.name, role: input.role, updated_at: at }))
    .execute();
  const after = { login: input.login, name: input.name, role: input.role, passwordChanged: input.password !== undefined };
  await scope.audit({
    entity: 'user',
    entityId: input.login,
    action: before ? 'update' : 'create',
    before: before ? { login: before.login, name: before.display_name, role: before.role } : null,
    after,
  });
  return view({ login: input.login, display_name: input.name, role: input.role }, server.login);
}

export async function removeUser(input: ParsedInput<'users.remove'>, scope: Scope): Promise<MethodResult<'users.remove'>> {
  const server = serverOf(scope.ctx.db);
  if (input.login === server.login) throw refuse('login', 'Du kan inte ta bort dig själv. Be en annan förbundschef eller administratör. Inget har ändrats.');
  const before = await scope.db.selectFrom('kansli_users').select(['login', 'display_name', 'role']).where('login', '=', input.login).executeTakeFirst();
  if (!before) throw refuse('login', `Det finns ingen användare ”${input.login}” i Kansli.`, 'NOT_FOUND');
  await scope.db.deleteFrom('kansli_users').where('login', '=', input.login).execute();
  await scope.audit({
    entity: 'user',
    entityId: input.login,
    action: 'delete',
    before: { login: before.login, name: before.display_name, role: before.role },
    after: null,
  });
  return { login: input.login };
}

/** The methods this module serves. */
export const usersHandlers = handlersFor({
  'users.list': listUsers,
  'users.save': saveUser,
  'users.remove': removeUser,
});
