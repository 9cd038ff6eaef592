import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { value } from '../helpers/envelope';
import { countRows, dropRule, ENGINES, engineSession, first, rows, type AnySession } from '../helpers/engines';

const FORBUND = { name: 'Samordningsförbundet Test', orgNr: '222000-2576', city: 'Uppsala' };

/** The name the log gives the tests' user: set in the app on a file, in the users list on a server. */
async function setMyName(s: AnySession, name: string): Promise<void> {
  if (s.db.engine === 'sqlite') value(await s.api.call('user.set', { name }));
  else value(await s.api.call('users.save', { login: 'testare', name, role: 'administrator' }));
}

describe.each(ENGINES)('audit log through the API (%s)', (engine) => {
  it('records who, when, which record and what changed, viewable per record', async () => {
    const s = await engineSession(engine);
    await setMyName(s, 'Eva Lind');
    const heby = value(await s.api.call('members.list', {})).find((m) => m.shortName === 'Heby');
    if (!heby) throw new Error('no Heby');
    const { name, kind, orgNr, populations } = heby;
    value(await s.api.call('members.save', { id: heby.id, name, kind, orgNr, populations, shortName: 'Heby K' }));

    const trail = value(await s.api.call('audit.list', { entity: 'member', entityId: heby.id }));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor: 'Eva Lind (testare)', entity: 'member', entityId: String(heby.id), action: 'update', method: 'members.save' });
    expect(trail[0]?.changes).toEqual([{ field: 'shortName', before: 'Heby', after: 'Heby K', label: 'Kortnamn', beforeText: 'Heby', afterText: 'Heby K' }]);
    expect(trail[0]).toMatchObject({ entityLabel: 'Medlem', recordName: 'Heby kommun' });

    // The whole log, newest first, paged.
    const all = value(await s.api.call('audit.list', { limit: 1 }));
    expect(all[0]?.entity).toBe('member');
    const older = value(await s.api.call('audit.list', { beforeId: all[0]?.id }));
    expect(older.map((e) => e.entity)).toEqual(['user']);
    await s.close();
  });

  it('names each field once: a member id and the member name it reads as are one line', async () => {
    const s = await engineSession(engine);
    const heby = value(await s.api.call('members.list', {})).find((m) => m.shortName === 'Heby');
    if (!heby) throw new Error('no Heby');
    const group = value(await s.api.call('groups.save', { name: 'Lokusgrupp Heby 2', kind: 'lokusgrupp', memberId: heby.id, members: [] }));
    const [entry] = value(await s.api.call('audit.list', { entity: 'group', entityId: group.id }));
    const labels = entry?.changes.map((c) => c.label) ?? [];
    expect(labels.filter((l) => l === 'Medlemsorganisation')).toHaveLength(1);
    expect(entry?.changes.find((c) => c.label === 'Medlemsorganisation')?.afterText).toBe('Heby kommun');
    await s.close();
  });

  it('names the OS user until a name is set, and the name can be changed', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    // On a server the database's owner is administratör until the users list says otherwise.
    const role = s.db.engine === 'postgres' ? 'administrator' : null;
    expect(value(await s.api.call('user.get', {}))).toEqual({ osUser: 'testare', displayName: null, actor: 'testare', role });
    await setMyName(s, 'Eva Lind');
    await setMyName(s, 'Eva Lind-Ek');
    expect(value(await s.api.call('user.get', {})).actor).toBe('Eva Lind-Ek (testare)');
    const bad = await s.api.call('user.set', { name: '  ' });
    expect(bad.ok).toBe(false);
    await s.close();
  });

  it('verifies the chain, and after an edit outside Kansli shows where it breaks', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    for (const name of ['A', 'B', 'C']) value(await s.api.call('forbund.save', { ...FORBUND, name: `Samordningsförbundet ${name}` }));
    expect(value(await s.api.call('audit.verify', {}))).toMatchObject({ ok: true, entries: 3 });

    await dropRule(s, 'audit_log', 'audit_log_no_update');
    const second = ((await first(s, sql`SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1`)) as { id: number }).id;
    await rows(s, sql`UPDATE audit_log SET after_json = replace(after_json, 'B', 'X') WHERE id = ${second}`);
    const result = value(await s.api.call('audit.verify', {}));
    expect(result).toMatchObject({ ok: false, entries: 3, brokenAtId: second, reason: 'Postens innehåll har ändrats.' });
    expect(!result.ok && result.entry?.entity).toBe('forbund');

    // A removed entry breaks the link of the one after it.
    await dropRule(s, 'audit_log', 'audit_log_no_delete');
    await rows(s, sql`DELETE FROM audit_log WHERE id = ${second}`);
    expect(value(await s.api.call('audit.verify', {}))).toMatchObject({ ok: false, reason: 'Länken till föregående post stämmer inte.' });
    await s.close();
  });

  it('has no method that edits or deletes audit entries', async () => {
    const { METHOD_NAMES } = await import('../../shared/contract/methods');
    expect(METHOD_NAMES.filter((m) => m.startsWith('audit.'))).toEqual(['audit.list', 'audit.verify']);
  });
});

describe.each(ENGINES)('personnummer in free text (%s)', (engine) => {
  it('is refused with a Swedish warning naming the field, and nothing is written', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const auditBefore = await countRows(s, 'audit_log');
    const refused = await s.api.call('forbund.save', { ...FORBUND, address: 'Kontakt Anna, 811218-9876, Storgatan 1' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('PERSONAL_DATA');
    expect(refused.error.message).toMatch(/^Adress: texten ser ut att innehålla ett personnummer/);
    expect(refused.error.message).toMatch(/får inte behandla uppgifter om enskilda/);
    expect(refused.error.details?.issues).toEqual([{ path: 'address', message: 'Ser ut att innehålla ett personnummer (811218-XXXX).' }]);
    expect(await countRows(s, 'audit_log')).toBe(auditBefore);
    expect(value(await s.api.call('forbund.get', {})).address).toBeNull();
    await s.close();
  });

  it('is saved when the user confirms it, and organisationsnummer or dates never trigger it', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const confirmed = value(await s.api.call('forbund.save', { ...FORBUND, address: 'Kontakt 811218-9876', confirmPersonalData: true }));
    expect(confirmed.address).toBe('Kontakt 811218-9876');
    const harmless = await s.api.call('forbund.save', { ...FORBUND, address: 'Org.nr 222000-2576, beslut 2018-03-16, 270 000 kr' });
    expect(harmless.ok).toBe(true);
    await s.close();
  });
});
