import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { KansliDb } from '../../db/open';
import { accessOf, mayCall, ROLE_LABELS, ROLES, type Role } from '../../shared/contract/access';
import { contract, METHOD_NAMES } from '../../shared/contract/methods';
import { openServerSession } from '../../electron/services/server-session';
import type { Session } from '../../electron/services/session';
import { failure, value } from '../helpers/envelope';
import { countRows, ENGINES, engineSession, first, newServerDatabase, rows, type AnySession } from '../helpers/engines';
import { tempDir } from '../helpers/temp';

/**
 * People and roles on a server database (issue 18): each person connects with their own
 * login, the audit log names them, and the services refuse what their role may not do —
 * for every method of the contract, not only in the window.
 */

const PEOPLE: Record<Role, { login: string; name: string }> = {
  forbundschef: { login: 'eva.chef', name: 'Eva Lind' },
  administrator: { login: 'adam.admin', name: 'Adam Berg' },
  handlaggare: { login: 'hanna.h', name: 'Hanna Holm' },
  lasare: { login: 'lars.l', name: 'Lars Ek' },
};
const PASSWORD = 'ett långt lösenord för tåget';

async function asPerson(url: string, login: string, password = PASSWORD): Promise<Session<KansliDb>> {
  const u = new URL(url);
  u.username = login;
  u.password = password;
  return openServerSession(u.toString(), { appVersion: '0.0.0-test', actor: 'datorns-konto', dataDir: tempDir() });
}

async function everyTableCount(s: AnySession): Promise<number> {
  const tables = await rows(s, sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
  let n = 0;
  for (const t of tables) n += await countRows(s, t.name);
  return n;
}

/** A server database with the demo förbund and one person of each role, each with their own login. */
async function kansliWithPeople(): Promise<{ url: string; owner: AnySession; as: Record<Role, Session<KansliDb>> }> {
  const url = await newServerDatabase();
  const owner = await openServerSession(url, { create: 'demo', appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
  for (const role of ROLES) value(await owner.api.call('users.save', { ...PEOPLE[role], role, password: PASSWORD }));
  const as = {} as Record<Role, Session<KansliDb>>;
  for (const role of ROLES) as[role] = await asPerson(url, PEOPLE[role].login);
  return { url, owner, as };
}

async function closeAll(k: { owner: AnySession; as: Record<Role, Session<KansliDb>> }) {
  for (const s of Object.values(k.as)) await s.close();
  await k.owner.close();
}

describe.skipIf(!ENGINES.includes('postgres'))('people and roles on a server database', () => {
  it('refuses every method outside the role, naming the role, before anything is read or changed', { timeout: 120_000 }, async () => {
    const k = await kansliWithPeople();
    try {
      const before = await everyTableCount(k.owner);
      let refused = 0;
      for (const role of ROLES) {
        for (const method of METHOD_NAMES) {
          if (mayCall(role, accessOf(method, contract[method].writes))) continue;
          const answer = failure(await k.as[role].api.dispatch(method, {}));
          expect(answer.code, `${role} ${method}`).toBe('FORBIDDEN');
          expect(answer.message).toContain(`Som ${ROLE_LABELS[role]} får du inte`);
          refused += 1;
        }
      }
      // The matrix as the issue puts it: a läsare reads and signs, a handläggare takes no economy decision and changes no settings.
      expect(refused).toBeGreaterThan(120);
      expect(await everyTableCount(k.owner)).toBe(before);
      for (const [role, method, allowed] of [
        ['lasare', 'arenden.list', true],
        ['lasare', 'protokoll.sign', true],
        ['lasare', 'documents.sign', true],
        ['lasare', 'arenden.save', false],
        ['handlaggare', 'arenden.save', true],
        ['handlaggare', 'budget.decide', false],
        ['handlaggare', 'utfall.import', false],
        ['handlaggare', 'forbund.save', false],
        ['handlaggare', 'users.save', false],
        ['handlaggare', 'backup.create', false],
        ['forbundschef', 'budget.decide', true],
        ['administrator', 'users.save', true],
      ] as const) {
        expect(mayCall(role, accessOf(method, contract[method].writes)), `${role} ${method}`).toBe(allowed);
      }
    } finally {
      await closeAll(k);
    }
  });

  it('lets each person do what their role allows, and the audit log names them by their own login', { timeout: 60_000 }, async () => {
    const k = await kansliWithPeople();
    try {
      const arende = value(await k.as.handlaggare.api.call('arenden.save', { title: 'Skrivelse från Heby kommun', kind: 'inkommande', year: 2031 }));
      const logged = await first(k.owner, sql<{ actor: string }>`SELECT actor FROM audit_log WHERE entity = 'arende' AND entity_id = ${String(arende.id)}`);
      expect(logged).toEqual({ actor: 'Hanna Holm (hanna.h)' });
      expect(value(await k.as.lasare.api.call('arenden.get', { id: arende.id })).title).toBe('Skrivelse från Heby kommun');
      expect(value(await k.as.lasare.api.call('user.get', {}))).toMatchObject({ osUser: 'lars.l', actor: 'Lars Ek (lars.l)', role: 'lasare' });
      expect(value(await k.as.forbundschef.api.call('budget.get', { year: 2031 }))).toBeDefined();

      // A role changed by the administratör counts at the next call.
      value(await k.as.administrator.api.call('users.save', { ...PEOPLE.lasare, role: 'handlaggare' }));
      expect(value(await k.as.lasare.api.call('arenden.save', { title: 'Nu får jag', kind: 'inkommande', year: 2031 })).diarienummer).toBe('2031/002');
      const list = value(await k.as.administrator.api.call('users.list', {}));
      expect(list.map((u) => `${u.login} ${u.role}`)).toEqual(
        expect.arrayContaining(['eva.chef forbundschef', 'adam.admin administrator', 'hanna.h handlaggare', 'lars.l handlaggare']),
      );
      expect(list.find((u) => u.login === 'adam.admin')?.isMe).toBe(true);

      // Removed from Kansli: the login still connects, but every call is refused.
      value(await k.as.administrator.api.call('users.remove', { login: 'lars.l' }));
      expect(failure(await k.as.lasare.api.call('arenden.list', {}))).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/inte användare i Kansli/),
      });
      expect(failure(await k.as.administrator.api.call('users.remove', { login: 'adam.admin' })).message).toMatch(/inte ta bort dig själv/);
      const audit = await rows(
        k.owner,
        sql<{ action: string; entity_id: string; actor: string }>`SELECT action, entity_id, actor FROM audit_log WHERE entity = 'user' ORDER BY id`,
      );
      expect(audit.slice(-2)).toEqual([
        { action: 'update', entity_id: 'lars.l', actor: 'Adam Berg (adam.admin)' },
        { action: 'delete', entity_id: 'lars.l', actor: 'Adam Berg (adam.admin)' },
      ]);
      expect(value(await k.owner.api.call('audit.verify', {}))).toMatchObject({ ok: true });
    } finally {
      await closeAll(k);
    }
  });

  it('refuses a login with a wrong password, and keeps a person without a login out', async () => {
    const k = await kansliWithPeople();
    try {
      await expect(asPerson(k.url, 'hanna.h', 'fel lösenord')).rejects.toMatchObject({ code: 'DB_AUTH' });
      const noLogin = failure(await k.owner.api.call('users.save', { login: 'okand.person', name: 'Okänd', role: 'lasare' }));
      expect(noLogin.message).toMatch(/ingen inloggning ”okand.person” på servern/);
      const short = failure(await k.owner.api.call('users.save', { login: 'ny.person', name: 'Ny', role: 'lasare', password: 'kort' }));
      expect(short.paths).toEqual(['password']);
    } finally {
      await closeAll(k);
    }
  });
});

describe('users on a file', () => {
  it('has none: the one user of a file may do everything, and the list says it is for a server', async () => {
    const s = await engineSession('sqlite');
    expect(failure(await s.api.call('users.list', {}))).toMatchObject({ code: 'NOT_ON_SERVER' });
    expect(value(await s.api.call('user.get', {})).role).toBeNull();
  });
});
