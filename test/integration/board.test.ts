import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MandatePeriod } from '../../shared/contract/schemas/board';
import { verifyAuditChain } from '../../electron/services/audit';
import { demoMemberIds, type DemoMember } from '../helpers/session';
import { failure, firstOf, value } from '../helpers/envelope';
import { countRows, type AnySession, type Engine, ENGINES, engineSession, rows } from '../helpers/engines';

const TABLES = ['people', 'mandate_periods', 'board_appointments', 'audit_log'];
function counts(s: AnySession): Promise<number[]> {
  return Promise.all(TABLES.map((t) => countRows(s, t)));
}

interface AuditRow {
  entity: string;
  entity_id: string;
  action: string;
  method: string;
  before_json: string | null;
  after_json: string | null;
}
function auditRows(s: AnySession, entity?: string): Promise<AuditRow[]> {
  const where = entity === undefined ? sql`` : sql`WHERE entity = ${entity}`;
  return rows(s, sql<AuditRow>`SELECT entity, entity_id, action, method, before_json, after_json FROM audit_log ${where} ORDER BY id`);
}

/** An empty database with the demo's members but no board: the 2015–2018 term of seed 003. */
async function termSession(engine: Engine): Promise<{ s: AnySession; period: MandatePeriod; m: Record<DemoMember, number> }> {
  const s = await engineSession(engine);
  // Start from the demo members, without the demo board and groups.
  for (const statement of [
    sql`UPDATE delegations SET person_id = NULL`,
    sql`DELETE FROM group_members`,
    sql`DELETE FROM groups`,
    sql`DELETE FROM board_appointments`,
    sql`DELETE FROM people`,
    sql`DELETE FROM mandate_periods`,
  ])
    await rows(s, statement);
  const period = value(await s.api.call('periods.save', { startsOn: '2015-01-01', endsOn: '2018-12-31' }));
  return { s, period, m: await demoMemberIds(s) };
}

function person(name: string, party?: string) {
  return party === undefined ? { name } : { name, party };
}

describe.each(ENGINES)('mandate periods (%s)', (engine) => {
  it('makes the label from the years, lists newest first with appointment counts, and audits', async () => {
    const s = await engineSession(engine);
    const older = value(await s.api.call('periods.save', { startsOn: '2019-01-01', endsOn: '2022-12-31' }));
    expect(older).toEqual({ id: older.id, startsOn: '2019-01-01', endsOn: '2022-12-31', label: '2019–2022', appointments: 0 });
    const named = value(await s.api.call('periods.save', { startsOn: '2015-01-01', endsOn: '2018-12-31', label: 'Förra perioden' }));
    expect(named.label).toBe('Förra perioden');

    const list = value(await s.api.call('periods.list', {}));
    expect(list.map((p) => [p.label, p.appointments])).toEqual([
      ['2023–2026', 22],
      ['2019–2022', 0],
      ['Förra perioden', 0],
    ]);
    const audit = await auditRows(s, 'mandate_period');
    expect(audit.map((a) => [a.action, a.method])).toEqual([
      ['create', 'periods.save'],
      ['create', 'periods.save'],
    ]);
    expect(JSON.parse(audit[0]?.after_json ?? 'null')).toMatchObject({ label: '2019–2022' });

    value(await s.api.call('periods.remove', { id: older.id }));
    expect((await auditRows(s, 'mandate_period')).at(-1)).toMatchObject({ action: 'delete', after_json: null });
    expect(JSON.parse((await auditRows(s, 'mandate_period')).at(-1)?.before_json ?? 'null')).toMatchObject({ label: '2019–2022' });
    await s.close();
  });

  it('refuses a period ending before it starts, and writes nothing', async () => {
    const s = await engineSession(engine);
    const before = await counts(s);
    const created = failure(await s.api.call('periods.save', { startsOn: '2019-01-01', endsOn: '2018-12-31' }));
    expect(created).toMatchObject({ code: 'VALIDATION', paths: ['endsOn'] });
    expect(created.message).toMatch(/kan inte sluta innan den börjar/);

    const [demo] = value(await s.api.call('periods.list', {}));
    const updated = failure(await s.api.call('periods.save', { id: demo?.id, startsOn: '2026-12-31', endsOn: '2023-01-01' }));
    expect(updated.code).toBe('VALIDATION');
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('refuses overlapping periods, removing a period with seats, and dates that leave seats outside', async () => {
    const s = await engineSession(engine);
    const [demo] = value(await s.api.call('periods.list', {}));
    if (!demo) throw new Error('no demo period');
    const before = await counts(s);

    const overlap = failure(await s.api.call('periods.save', { startsOn: '2026-01-01', endsOn: '2030-12-31' }));
    expect(overlap).toMatchObject({ code: 'CONFLICT', paths: ['startsOn'] });
    expect(overlap.message).toMatch(/överlappar mandatperioden 2023–2026/);

    const remove = failure(await s.api.call('periods.remove', { id: demo.id }));
    expect(remove.code).toBe('RULE');
    expect(remove.message).toBe('Mandatperioden 2023–2026 har 22 styrelseuppdrag och kan inte tas bort. Ta bort uppdragen först.');

    const shrink = failure(await s.api.call('periods.save', { id: demo.id, startsOn: '2023-01-01', endsOn: '2026-06-30' }));
    expect(shrink).toMatchObject({ code: 'RULE', paths: ['endsOn'] });
    expect(shrink.message).toMatch(/22 styrelseuppdrag skulle hamna utanför mandatperioden/);

    expect(await counts(s)).toEqual(before);

    // Widening is fine, and the label follows the years when none was set.
    const widened = value(await s.api.call('periods.save', { id: demo.id, startsOn: '2022-10-15', endsOn: '2026-12-31' }));
    expect(widened).toMatchObject({ startsOn: '2022-10-15', appointments: 22 });
    await s.close();
  });

  it('refuses an unknown period with NOT_FOUND', async () => {
    const s = await engineSession(engine);
    expect(failure(await s.api.call('periods.save', { id: 999, startsOn: '2030-01-01', endsOn: '2030-12-31' })).code).toBe('NOT_FOUND');
    expect(failure(await s.api.call('periods.remove', { id: 999 })).code).toBe('NOT_FOUND');
    expect(failure(await s.api.call('board.list', { periodId: 999 })).code).toBe('NOT_FOUND');
    expect(await countRows(s, 'audit_log')).toBe(0);
    await s.close();
  });
});

describe.each(ENGINES)('the board (styrelsen) (%s)', (engine) => {
  it('lists the demo board: every member in register order with one ordinarie and one ersättare', async () => {
    const s = await engineSession(engine);
    const period = firstOf(value(await s.api.call('periods.list', {})));
    const board = value(await s.api.call('board.list', { periodId: period.id }));
    expect(board.period).toMatchObject({ startsOn: '2023-01-01', endsOn: '2026-12-31', label: '2023–2026' });
    expect(board.rows.map((r) => r.memberName)).toEqual([
      'Arbetsförmedlingen',
      'Försäkringskassan',
      'Region Uppsala',
      'Enköpings kommun',
      'Heby kommun',
      'Håbo kommun',
      'Knivsta kommun',
      'Tierps kommun',
      'Uppsala kommun',
      'Älvkarleby kommun',
      'Östhammars kommun',
    ]);
    expect(board.rows.every((r) => r.ordinarie.length === 1 && r.ersattare.length === 1)).toBe(true);
    const uppsala = board.rows.find((r) => r.memberName === 'Uppsala kommun');
    expect(uppsala?.ordinarie[0]).toMatchObject({ role: 'ordforande', seat: 'ordinarie', startsOn: '2023-01-01', endsOn: '2026-12-31' });
    expect(uppsala?.ordinarie[0]?.person.party).toBeTruthy();
    const fk = board.rows.find((r) => r.memberName === 'Försäkringskassan');
    expect(fk?.ordinarie[0]).toMatchObject({ role: 'vice_ordforande_1', person: { party: null } });
    expect(board.rows.find((r) => r.memberName === 'Region Uppsala')?.ordinarie[0]?.role).toBe('vice_ordforande_2');
    await s.close();
  });

  it('adds a member with no seats as an empty row', async () => {
    const { s, period } = await termSession(engine);
    const board = value(await s.api.call('board.list', { periodId: period.id }));
    expect(board.rows).toHaveLength(11);
    expect(board.rows.every((r) => r.ordinarie.length === 0 && r.ersattare.length === 0)).toBe(true);
    await s.close();
  });

  it('appoints an ordinarie and an ersättare with dates from the period, creating the people, all audited', async () => {
    const { s, period, m } = await termSession(engine);
    const ord = value(
      await s.api.call('board.save', {
        periodId: period.id,
        memberId: m.Heby,
        seat: 'ordinarie',
        person: { ...person('Karl Ek', 'C'), email: 'karl.ek@example.se' },
      }),
    );
    expect(ord).toMatchObject({ memberName: 'Heby kommun', seat: 'ordinarie', role: null, startsOn: '2015-01-01', endsOn: '2018-12-31' });
    expect(ord.person).toMatchObject({ name: 'Karl Ek', party: 'C', email: 'karl.ek@example.se' });
    const ers = value(await s.api.call('board.save', { periodId: period.id, memberId: m.Heby, seat: 'ersattare', person: person('Kerstin Pil', 'S') }));
    expect(ers.person.name).toBe('Kerstin Pil');

    const audit = (await auditRows(s)).filter((a) => a.entity !== 'mandate_period');
    expect(audit.map((a) => [a.entity, a.action, a.method])).toEqual([
      ['person', 'create', 'board.save'],
      ['board_appointment', 'create', 'board.save'],
      ['person', 'create', 'board.save'],
      ['board_appointment', 'create', 'board.save'],
    ]);
    expect(audit[1]?.before_json).toBeNull();
    expect(JSON.parse(audit[1]?.after_json ?? 'null')).toEqual(ord);

    // Edit: the person's details change through the appointment; both are audited with before and after.
    const edited = value(
      await s.api.call('board.save', {
        id: ord.id,
        periodId: period.id,
        memberId: m.Heby,
        seat: 'ordinarie',
        role: 'ordforande',
        person: { id: ord.person.id, name: 'Karl Ek', party: 'KD', email: 'karl.ek@example.se' },
      }),
    );
    expect(edited).toMatchObject({ id: ord.id, role: 'ordforande', person: { id: ord.person.id, party: 'KD' } });
    const [personEntry, seatEntry] = (await auditRows(s)).slice(-2);
    expect(personEntry).toMatchObject({ entity: 'person', action: 'update', entity_id: String(ord.person.id) });
    expect(JSON.parse(personEntry?.before_json ?? 'null')).toMatchObject({ party: 'C' });
    expect(JSON.parse(personEntry?.after_json ?? 'null')).toMatchObject({ party: 'KD' });
    expect(seatEntry).toMatchObject({ entity: 'board_appointment', action: 'update' });
    expect(JSON.parse(seatEntry?.before_json ?? 'null')).toMatchObject({ role: null, person: { party: 'C' } });
    expect(JSON.parse(seatEntry?.after_json ?? 'null')).toMatchObject({ role: 'ordforande', person: { party: 'KD' } });

    // Saving the same details again changes nothing, and the log says nothing (issue 14: no empty entries).
    const n = await countRows(s, 'audit_log');
    value(
      await s.api.call('board.save', {
        id: ers.id,
        periodId: period.id,
        memberId: m.Heby,
        seat: 'ersattare',
        person: { id: ers.person.id, name: 'Kerstin Pil', party: 'S' },
      }),
    );
    expect((await auditRows(s)).slice(n).map((a) => a.entity)).toEqual([]);

    // Remove the ersättare, then the ordinarie.
    value(await s.api.call('board.remove', { id: ers.id }));
    value(await s.api.call('board.remove', { id: ord.id }));
    const removed = (await auditRows(s, 'board_appointment')).slice(-2);
    expect(removed.map((a) => [a.action, a.after_json])).toEqual([
      ['delete', null],
      ['delete', null],
    ]);
    expect(JSON.parse(removed[1]?.before_json ?? 'null')).toMatchObject({ id: ord.id, person: { name: 'Karl Ek' } });
    expect(await countRows(s, 'board_appointments')).toBe(0);
    expect(await verifyAuditChain(s.db.kysely)).toMatchObject({ ok: true });
    await s.close();
  });

  it('refuses an ersättare without an ordinarie, and writes nothing', async () => {
    const { s, period, m } = await termSession(engine);
    const before = await counts(s);
    const result = failure(await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ersattare', person: person('Inga Vall', 'S') }));
    expect(result).toMatchObject({ code: 'RULE', paths: ['seat'] });
    expect(result.message).toBe('Håbo kommun har ingen ordinarie ledamot under mandatperioden 2015–2018. Lägg till den ordinarie ledamoten först.');
    expect(await counts(s)).toEqual(before);

    // An ordinarie only for the spring does not cover an ersättare for the autumn.
    value(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ordinarie', endsOn: '2017-05-31', person: person('Lisa Grahn', 'M') }),
    );
    const autumn = failure(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ersattare', startsOn: '2017-06-01', person: person('Inga Vall', 'S') }),
    );
    expect(autumn.code).toBe('RULE');
    expect(autumn.message).toMatch(/Håbo kommun har ingen ordinarie ledamot under mandatperioden 2015–2018 \(2017-06-01–2018-12-31\)/);
    await s.close();
  });

  it('accepts a replacement mid-period (Håbo 2017) and refuses two ordinarie at the same time', async () => {
    const { s, period, m } = await termSession(engine);
    const first = value(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ordinarie', endsOn: '2017-05-31', person: person('Lisa Grahn', 'M') }),
    );
    expect(first).toMatchObject({ startsOn: '2015-01-01', endsOn: '2017-05-31' });
    value(await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ersattare', person: person('Inga Vall', 'S') }));

    const before = await counts(s);
    const clash = failure(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ordinarie', startsOn: '2017-05-31', person: person('Bo Brink', 'M') }),
    );
    expect(clash).toMatchObject({ code: 'CONFLICT', paths: ['seat'] });
    expect(clash.message).toMatch(/Håbo kommun har redan en ordinarie ledamot under den tiden: Lisa Grahn \(2015-01-01–2017-05-31\)/);
    expect(await counts(s)).toEqual(before);

    const second = value(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ordinarie', startsOn: '2017-06-01', person: person('Bo Brink', 'M') }),
    );
    expect(second).toMatchObject({ startsOn: '2017-06-01', endsOn: '2018-12-31' });
    const board = value(await s.api.call('board.list', { periodId: period.id }));
    const habo = board.rows.find((r) => r.memberName === 'Håbo kommun');
    expect(habo?.ordinarie.map((a) => a.person.name)).toEqual(['Lisa Grahn', 'Bo Brink']);
    expect(habo?.ersattare.map((a) => a.person.name)).toEqual(['Inga Vall']);

    const people = value(await s.api.call('people.list', {}));
    expect(people.find((p) => p.name === 'Lisa Grahn')?.usedIn).toEqual(['Styrelsen 2015–2018: ordinarie ledamot för Håbo kommun (2015-01-01–2017-05-31)']);
    expect(people.find((p) => p.name === 'Inga Vall')?.usedIn).toEqual(['Styrelsen 2015–2018: ersättare för Håbo kommun']);
    await s.close();
  });

  it('refuses dates outside the period, an unknown member and an unknown person, writing nothing', async () => {
    const { s, period, m } = await termSession(engine);
    const before = await counts(s);
    const early = failure(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Heby, seat: 'ordinarie', startsOn: '2014-12-31', person: person('Karl Ek') }),
    );
    expect(early).toMatchObject({ code: 'RULE', paths: ['startsOn'] });
    expect(early.message).toMatch(/utanför mandatperioden 2015–2018/);
    const late = failure(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Heby, seat: 'ordinarie', endsOn: '2019-01-01', person: person('Karl Ek') }),
    );
    expect(late).toMatchObject({ code: 'RULE', paths: ['endsOn'] });
    const backwards = failure(
      await s.api.call('board.save', {
        periodId: period.id,
        memberId: m.Heby,
        seat: 'ordinarie',
        startsOn: '2017-01-01',
        endsOn: '2016-01-01',
        person: person('Karl Ek'),
      }),
    );
    expect(backwards.code).toBe('VALIDATION');
    const noMember = failure(await s.api.call('board.save', { periodId: period.id, memberId: 999, seat: 'ordinarie', person: person('Karl Ek') }));
    expect(noMember).toMatchObject({ code: 'NOT_FOUND', paths: ['memberId'] });
    const noPerson = failure(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Heby, seat: 'ordinarie', person: { id: 999, name: 'Karl Ek' } }),
    );
    expect(noPerson).toMatchObject({ code: 'NOT_FOUND', paths: ['person.id'] });
    const noPeriod = failure(await s.api.call('board.save', { periodId: 999, memberId: m.Heby, seat: 'ordinarie', person: person('Karl Ek') }));
    expect(noPeriod).toMatchObject({ code: 'NOT_FOUND', paths: ['periodId'] });
    const ersRole = failure(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Heby, seat: 'ersattare', role: 'ordforande', person: person('Karl Ek') }),
    );
    expect(ersRole).toMatchObject({ code: 'VALIDATION', paths: ['role'] });
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('refuses a role held by someone else at the same time, naming the holder', async () => {
    const { s, period, m } = await termSession(engine);
    value(
      await s.api.call('board.save', {
        periodId: period.id,
        memberId: m.Uppsala,
        seat: 'ordinarie',
        role: 'ordforande',
        endsOn: '2016-12-31',
        person: person('Ulla Wärn', 'S'),
      }),
    );
    const before = await counts(s);
    const clash = failure(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Region, seat: 'ordinarie', role: 'ordforande', person: person('Anna Fors', 'MP') }),
    );
    expect(clash).toMatchObject({ code: 'CONFLICT', paths: ['role'] });
    expect(clash.message).toMatch(/^Ulla Wärn \(Uppsala kommun\) är redan förbundsordförande under den tiden \(2015-01-01–2016-12-31\)/);
    expect(await counts(s)).toEqual(before);
    // From 2017 the chair is free.
    value(
      await s.api.call('board.save', {
        periodId: period.id,
        memberId: m.Region,
        seat: 'ordinarie',
        role: 'ordforande',
        startsOn: '2017-01-01',
        person: person('Anna Fors', 'MP'),
      }),
    );
    await s.close();
  });

  it('refuses one person in two seats at the same time', async () => {
    const { s, period, m } = await termSession(engine);
    const ord = value(await s.api.call('board.save', { periodId: period.id, memberId: m.Tierp, seat: 'ordinarie', person: person('Vera Söder', 'S') }));
    const before = await counts(s);
    const twice = failure(
      await s.api.call('board.save', {
        periodId: period.id,
        memberId: m.Heby,
        seat: 'ordinarie',
        person: { id: ord.person.id, name: 'Vera Söder', party: 'S' },
      }),
    );
    expect(twice).toMatchObject({ code: 'CONFLICT', paths: ['person'] });
    expect(twice.message).toMatch(/Vera Söder är redan ordinarie ledamot för Tierps kommun under samma tid/);
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('refuses removing or moving an ordinarie that would leave the ersättare alone', async () => {
    const { s, period, m } = await termSession(engine);
    const ord = value(await s.api.call('board.save', { periodId: period.id, memberId: m.Knivsta, seat: 'ordinarie', person: person('Gert Nil', 'M') }));
    value(await s.api.call('board.save', { periodId: period.id, memberId: m.Knivsta, seat: 'ersattare', person: person('Britt Gun', 'S') }));
    const before = await counts(s);

    const remove = failure(await s.api.call('board.remove', { id: ord.id }));
    expect(remove).toMatchObject({ code: 'RULE', paths: ['seat'] });
    expect(remove.message).toMatch(/Knivsta kommun skulle stå utan ordinarie ledamot medan Britt Gun är ersättare/);

    const move = failure(
      await s.api.call('board.save', {
        id: ord.id,
        periodId: period.id,
        memberId: m.Heby,
        seat: 'ordinarie',
        person: { id: ord.person.id, name: 'Gert Nil', party: 'M' },
      }),
    );
    expect(move.code).toBe('RULE');
    const demote = failure(
      await s.api.call('board.save', {
        id: ord.id,
        periodId: period.id,
        memberId: m.Knivsta,
        seat: 'ersattare',
        person: { id: ord.person.id, name: 'Gert Nil', party: 'M' },
      }),
    );
    expect(demote.code).toBe('RULE');
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('signs with the board in office on the day: styrelse in the order of 003 page 3, place and date', async () => {
    const s = await engineSession(engine);
    const period = firstOf(value(await s.api.call('periods.list', {})));
    const block = value(await s.api.call('board.signatures', { periodId: period.id, date: '2024-03-15', scope: 'styrelse' }));
    expect(block.placeAndDate).toBe('Uppsala 2024-03-15');
    expect(block.signers.slice(0, 3).map((x) => [x.roleTitle, x.appointedBy])).toEqual([
      ['Förbundsordförande', 'Uppsala kommun'],
      ['1:e vice ordförande', 'Försäkringskassan'],
      ['2:e vice ordförande', 'Region Uppsala'],
    ]);
    expect(block.signers.slice(3).map((x) => x.appointedBy)).toEqual([
      'Arbetsförmedlingen',
      'Enköpings kommun',
      'Heby kommun',
      'Håbo kommun',
      'Knivsta kommun',
      'Tierps kommun',
      'Älvkarleby kommun',
      'Östhammars kommun',
    ]);
    expect(block.signers.slice(3).every((x) => x.roleTitle === null)).toBe(true);

    const presidium = value(await s.api.call('board.signatures', { periodId: period.id, date: '2024-03-15' }));
    expect(presidium.signers).toHaveLength(3);

    const outside = failure(await s.api.call('board.signatures', { periodId: period.id, date: '2027-01-01' }));
    expect(outside).toMatchObject({ code: 'RULE', paths: ['date'] });
    expect(outside.message).toBe('Datumet 2027-01-01 ligger utanför mandatperioden 2023–2026 (2023-01-01–2026-12-31).');
    await s.close();
  });

  it('signs with whoever held the seat that day after a replacement, with just the date when no city is set', async () => {
    const { s, period, m } = await termSession(engine);
    await rows(s, sql`UPDATE forbund SET city = NULL`);
    value(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Uppsala, seat: 'ordinarie', role: 'ordforande', person: person('Ulla Wärn', 'S') }),
    );
    value(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ordinarie', endsOn: '2017-05-31', person: person('Lisa Grahn', 'M') }),
    );
    value(
      await s.api.call('board.save', { periodId: period.id, memberId: m.Håbo, seat: 'ordinarie', startsOn: '2017-06-01', person: person('Bo Brink', 'M') }),
    );
    const spring = value(await s.api.call('board.signatures', { periodId: period.id, date: '2017-03-16', scope: 'styrelse' }));
    expect(spring).toEqual({
      placeAndDate: '2017-03-16',
      signers: [
        { name: 'Ulla Wärn', roleTitle: 'Förbundsordförande', appointedBy: 'Uppsala kommun' },
        { name: 'Lisa Grahn', roleTitle: null, appointedBy: 'Håbo kommun' },
      ],
    });
    const autumn = value(await s.api.call('board.signatures', { periodId: period.id, date: '2017-09-01', scope: 'styrelse' }));
    expect(autumn.signers.map((x) => x.name)).toEqual(['Ulla Wärn', 'Bo Brink']);
    await s.close();
  });
});

describe.each(ENGINES)('people register (%s)', (engine) => {
  it('lists people by name (Swedish order) with where they appear', async () => {
    const s = await engineSession(engine);
    const people = value(await s.api.call('people.list', {}));
    const names = people.map((p) => p.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    const chair = people.find((p) => p.usedIn.some((u) => u.includes('förbundsordförande')));
    expect(chair?.usedIn).toEqual(['Styrelsen 2023–2026: ordinarie ledamot för Uppsala kommun, förbundsordförande', 'Arbetsutskott']);
    expect(chair?.email).toMatch(/^[a-z.]+@example\.se$/);
    await s.close();
  });

  it('adds, edits and removes a person, audited with before and after', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const created = value(await s.api.call('people.save', { name: 'Åsa Öberg', title: 'Ekonom', email: 'asa.oberg@example.se' }));
    expect(created).toMatchObject({ name: 'Åsa Öberg', title: 'Ekonom', party: null, usedIn: [] });
    const edited = value(await s.api.call('people.save', { id: created.id, name: 'Åsa Öberg', title: 'Controller' }));
    expect(edited).toMatchObject({ title: 'Controller', email: null });
    value(await s.api.call('people.remove', { id: created.id }));
    const audit = await auditRows(s, 'person');
    expect(audit.map((a) => [a.action, a.method])).toEqual([
      ['create', 'people.save'],
      ['update', 'people.save'],
      ['delete', 'people.remove'],
    ]);
    expect(JSON.parse(audit[1]?.before_json ?? 'null')).toMatchObject({ title: 'Ekonom' });
    expect(JSON.parse(audit[1]?.after_json ?? 'null')).toMatchObject({ title: 'Controller' });
    expect(audit[2]?.after_json).toBeNull();
    expect(await countRows(s, 'people')).toBe(0);
    await s.close();
  });

  it('refuses removing a person who is in use, naming where, and writes nothing', async () => {
    const s = await engineSession(engine);
    const people = value(await s.api.call('people.list', {}));
    const chair = people.find((p) => p.usedIn.some((u) => u.includes('förbundsordförande')));
    if (!chair) throw new Error('no chair in the demo');
    const before = await counts(s);
    const refused = failure(await s.api.call('people.remove', { id: chair.id }));
    expect(refused.code).toBe('RULE');
    expect(refused.message).toBe(
      `${chair.name} kan inte tas bort eftersom personen finns med i: Styrelsen 2023–2026: ordinarie ledamot för Uppsala kommun, förbundsordförande; Arbetsutskott. Ta bort uppdragen först.`,
    );
    expect(await counts(s)).toEqual(before);

    // A delegation in the delegationsordning counts as use too.
    const director = people.find((p) => p.title === 'Förbundschef');
    if (!director) throw new Error('no förbundschef in the demo');
    await rows(
      s,
      sql`INSERT INTO delegations (code, matter, delegate, person_id, valid_from, created_at, updated_at) VALUES ('T.99', 'Attest', 'Förbundschef', ${director.id}, '2023-01-01', 'x', 'x')`,
    );
    const after = value(await s.api.call('people.list', {})).find((p) => p.id === director.id);
    expect(after?.usedIn).toEqual(expect.arrayContaining(['Beredningsgrupp', 'Delegation T.99']));
    expect(failure(await s.api.call('people.remove', { id: director.id })).message).toMatch(/Delegation T\.99/);
    await s.close();
  });

  it('refuses a bad e-mail, an empty name and an unknown id, writing nothing', async () => {
    const s = await engineSession(engine);
    const before = await counts(s);
    expect(failure(await s.api.call('people.save', { name: 'Test Testsson', email: 'inte-en-adress' })).paths).toEqual(['email']);
    expect(failure(await s.api.call('people.save', { name: '  ' })).paths).toEqual(['name']);
    expect(failure(await s.api.call('people.save', { id: 9999, name: 'Test Testsson' })).code).toBe('NOT_FOUND');
    expect(failure(await s.api.call('people.remove', { id: 9999 })).code).toBe('NOT_FOUND');
    expect(failure(await s.api.call('people.save', { name: 'Test Testsson', notes: 'pnr 811218-9876' })).code).toBe('PERSONAL_DATA');
    expect(await counts(s)).toEqual(before);
    await s.close();
  });
});
