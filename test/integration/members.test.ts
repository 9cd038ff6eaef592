import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/services/audit';
import { value } from '../helpers/envelope';
import { countRows, dropRule, ENGINES, engineSession, first, rows } from '../helpers/engines';

const SALA = { name: 'Sala kommun', shortName: 'Sala', kind: 'kommun' as const, orgNr: '212000-2080', populations: [{ year: 2017, population: 22_000 }] };

describe.each(ENGINES)('members register through the API (%s)', (engine) => {
  it('lists the demo members in register order: state, region, kommuner A–Ö', async () => {
    const s = await engineSession(engine);
    const members = value(await s.api.call('members.list', {}));
    expect(members.map((m) => m.shortName)).toEqual([
      'AF',
      'FK',
      'Region',
      'Enköping',
      'Heby',
      'Håbo',
      'Knivsta',
      'Tierp',
      'Uppsala',
      'Älvkarleby',
      'Östhammar',
    ]);
    const uppsala = members.find((m) => m.shortName === 'Uppsala');
    expect(uppsala?.populations).toEqual([
      { year: 2017, population: 219_295 },
      { year: 2016, population: 213_891 },
    ]);
    await s.close();
  });

  it('adds, edits and removes a member, persisted in the file and audited', async () => {
    const s = await engineSession(engine);
    const created = value(await s.api.call('members.save', { ...SALA, orgNr: '2120002080' }));
    expect(created).toMatchObject({ name: 'Sala kommun', orgNr: '212000-2080', populations: [{ year: 2017, population: 22_000 }] });

    const edited = value(
      await s.api.call('members.save', {
        ...SALA,
        id: created.id,
        populations: [
          { year: 2016, population: 21_900 },
          { year: 2017, population: 22_050 },
        ],
      }),
    );
    expect(edited.populations).toEqual([
      { year: 2017, population: 22_050 },
      { year: 2016, population: 21_900 },
    ]);

    value(await s.api.call('members.remove', { id: created.id }));
    expect(value(await s.api.call('members.list', {})).some((m) => m.name === 'Sala kommun')).toBe(false);
    expect(await first(s, sql`SELECT count(*) AS n FROM member_populations WHERE member_id = ${created.id}`)).toEqual({ n: 0 });

    const audit = (await rows(s, sql`SELECT action, actor, method, before_json, after_json FROM audit_log WHERE entity = 'member' ORDER BY id`)) as {
      action: string;
      actor: string;
      method: string;
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(audit.map((a) => [a.action, a.method, a.actor])).toEqual([
      ['create', 'members.save', 'testare'],
      ['update', 'members.save', 'testare'],
      ['delete', 'members.remove', 'testare'],
    ]);
    expect(JSON.parse(audit[1]?.before_json ?? '{}')).toMatchObject({ populations: [{ year: 2017, population: 22_000 }] });
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({
      populations: [
        { year: 2017, population: 22_050 },
        { year: 2016, population: 21_900 },
      ],
    });
    expect(await verifyAuditChain(s.db.kysely)).toEqual({ ok: true, entries: 3 });
    await s.close();
  });

  const BAD_INPUTS: [string, unknown, string, RegExp][] = [
    ['wrong check digit', { ...SALA, orgNr: '212000-2081' }, 'VALIDATION', /Kontrollsiffran stämmer inte/],
    ['a personnummer as orgnr', { ...SALA, orgNr: '811218-9876' }, 'VALIDATION', /personnummer/],
    ['no name', { ...SALA, name: '   ' }, 'VALIDATION', /Namn: Ange namn/],
    ['unknown kind', { ...SALA, kind: 'landsting' }, 'VALIDATION', /Välj typ/],
    ['negative folkmängd', { ...SALA, populations: [{ year: 2017, population: -5 }] }, 'VALIDATION', /större än noll/],
    ['folkmängd as text', { ...SALA, populations: [{ year: 2017, population: 'många' }] }, 'VALIDATION', /Folkmängd, rad 1, Folkmängd/],
    [
      'the same year twice',
      {
        ...SALA,
        populations: [
          { year: 2017, population: 1 },
          { year: 2017, population: 2 },
        ],
      },
      'VALIDATION',
      /står två gånger/,
    ],
    ['folkmängd for a region', { ...SALA, kind: 'region' }, 'VALIDATION', /bara för kommuner/],
    ['an unknown field', { ...SALA, personnummer: '1' }, 'VALIDATION', /Okänd nyckel/],
    ['not an object', 'Sala', 'VALIDATION', /Uppgifterna är inte giltiga/],
    ['a name already taken (any case)', { ...SALA, name: 'HEBY KOMMUN' }, 'CONFLICT', /redan en medlem som heter Heby kommun/],
    ['an orgnr already taken', { ...SALA, orgNr: '212000-0241' }, 'CONFLICT', /tillhör redan Håbo kommun/],
    ['an id that does not exist', { ...SALA, id: 9999 }, 'NOT_FOUND', /finns inte/],
  ];

  it.each(BAD_INPUTS)('rejects %s with a Swedish message and writes nothing', async (_what, input, code, message) => {
    const s = await engineSession(engine);
    const before = [await countRows(s, 'members'), await countRows(s, 'member_populations'), await countRows(s, 'audit_log')];
    const result = await s.api.dispatch('members.save', input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
    expect(!result.ok && result.error.message).toMatch(message);
    expect([await countRows(s, 'members'), await countRows(s, 'member_populations'), await countRows(s, 'audit_log')]).toEqual(before);
    await s.close();
  });

  it('rejects removing a member that does not exist, and an unknown method', async () => {
    const s = await engineSession(engine);
    const removed = await s.api.call('members.remove', { id: 4242 });
    expect(!removed.ok && removed.error).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await s.api.dispatch('members.drop', {});
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'UNKNOWN_METHOD', message: 'Okänd metod ”members.drop”.' });
    expect(await countRows(s, 'audit_log')).toBe(0);
    await s.close();
  });

  it('saves the förbund with a validated orgnr and audits it', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const bad = await s.api.call('forbund.save', { name: 'Finsam Test', orgNr: '222000-2575' });
    expect(!bad.ok && bad.error.message).toMatch(/Kontrollsiffran/);
    const saved = value(await s.api.call('forbund.save', { name: 'Samordningsförbundet Test', orgNr: '2220002576', email: 'kansli@test.se' }));
    expect(saved).toMatchObject({ name: 'Samordningsförbundet Test', orgNr: '222000-2576', email: 'kansli@test.se' });
    expect(await countRows(s, 'audit_log')).toBe(1);
    await s.close();
  });
});

describe.each(ENGINES)('audit log (%s)', (engine) => {
  it('cannot be changed or deleted through SQL, and tampering breaks the chain where it happened', async () => {
    const s = await engineSession(engine);
    for (const orgNr of ['212000-2080', '212000-1975']) {
      value(await s.api.call('members.save', { ...SALA, name: `Kommun ${orgNr}`, orgNr }));
    }
    await expect(rows(s, sql`UPDATE audit_log SET actor = ${'någon'}`)).rejects.toThrow(/append-only/);
    await expect(rows(s, sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);

    // Someone edits the file outside Kansli: drop the guard and rewrite the first entry.
    await dropRule(s, 'audit_log', 'audit_log_no_update');
    const oldest = (await first(s, sql`SELECT min(id) AS id FROM audit_log`)) as { id: number };
    await rows(s, sql`UPDATE audit_log SET actor = 'någon annan' WHERE id = ${oldest.id}`);
    expect(await verifyAuditChain(s.db.kysely)).toMatchObject({ ok: false, brokenAtId: oldest.id });
    await s.close();
  });
});
