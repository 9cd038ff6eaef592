import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/services/audit';
import { failure, firstOf, value } from '../helpers/envelope';
import { countRows, type AnySession, type Engine, ENGINES, engineSession, first, rows } from '../helpers/engines';

const TABLES = ['arenden', 'diary_series', 'documents', 'record_links', 'audit_log'];
function counts(s: AnySession): Promise<number[]> {
  return Promise.all(TABLES.map((t) => countRows(s, t)));
}
function series(s: AnySession): Promise<{ year: number; last_number: number }[]> {
  return rows(s, sql<{ year: number; last_number: number }>`SELECT year, last_number FROM diary_series ORDER BY year`);
}

/** An empty database whose clock the test moves. */
async function clockSession(engine: Engine, start: string): Promise<AnySession & { setNow(iso: string): void }> {
  let now = new Date(start);
  const session = await engineSession(engine, { create: 'empty', now: () => now });
  return Object.assign(session, { setNow: (iso: string) => (now = new Date(iso)) });
}

const BASE = { title: 'Ansökan om medel – Lokussamordnare Älvkarleby', kind: 'inkommande' } as const;

describe.each(ENGINES)('diarium: numbering (%s)', (engine) => {
  it("takes the next number in each year's series, across a year change", async () => {
    const s = await clockSession(engine, '2018-12-30T10:00:00Z');
    const save = async (input: Record<string, unknown>) => value(await s.api.call('arenden.save', { ...BASE, ...input }));

    expect(value(await s.api.call('arenden.nextNumber', { year: 2018 }))).toEqual({ diarienummer: '2018/001' });
    expect((await save({})).diarienummer).toBe('2018/001');
    expect((await save({ title: 'Årsredovisning 2018' })).diarienummer).toBe('2018/002');

    s.setNow('2019-01-02T08:00:00Z');
    const first2019 = await save({ title: 'Internkontrollplan 2019' });
    expect(first2019).toMatchObject({ diarienummer: '2019/001', year: 2019, seq: 1 });
    // Received in December, registered in January: the series of the year it came in.
    expect((await save({ receivedOn: '2018-12-31' })).diarienummer).toBe('2018/003');
    // An explicit year beats both.
    expect((await save({ year: 2019, receivedOn: '2018-12-31' })).diarienummer).toBe('2019/002');
    expect(value(await s.api.call('arenden.nextNumber', { year: 2019 }))).toEqual({ diarienummer: '2019/003' });
    // The preview takes nothing.
    expect(value(await s.api.call('arenden.nextNumber', { year: 2019 }))).toEqual({ diarienummer: '2019/003' });
    expect(value(await s.api.call('arenden.nextNumber', { year: 2020 }))).toEqual({ diarienummer: '2020/001' });
    expect(await series(s)).toEqual([
      { year: 2018, last_number: 3 },
      { year: 2019, last_number: 2 },
    ]);
    await s.close();
  });

  it('never reuses a number, not even the one of a makulerat ärende', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const a = value(await s.api.call('arenden.save', { ...BASE, year: 2018 }));
    const b = value(await s.api.call('arenden.save', { ...BASE, year: 2018 }));
    const voided = value(await s.api.call('arenden.void', { id: b.id, reason: 'Registrerat två gånger.' }));
    expect(voided.voided).toMatchObject({ by: 'testare', reason: 'Registrerat två gånger.' });
    expect(voided.diarienummer).toBe('2018/002');
    expect(value(await s.api.call('arenden.nextNumber', { year: 2018 }))).toEqual({ diarienummer: '2018/003' });
    const c = value(await s.api.call('arenden.save', { ...BASE, year: 2018 }));
    expect([a.diarienummer, b.diarienummer, c.diarienummer]).toEqual(['2018/001', '2018/002', '2018/003']);

    // The database itself refuses to delete an ärende or change its number.
    await expect(rows(s, sql`DELETE FROM arenden WHERE id = ${b.id}`)).rejects.toThrow(/voided, never deleted/);
    await expect(rows(s, sql`UPDATE arenden SET seq = 9 WHERE id = ${a.id}`)).rejects.toThrow(/never changes/);
    await s.close();
  });

  it("uses the förbund's current format", async () => {
    const s = await engineSession(engine, { create: 'empty' });
    value(await s.api.call('forbund.save', { name: 'Finsam Test', orgNr: '', diaryFormat: 'SUL {ÅÅ}-{NN}' }));
    expect(value(await s.api.call('arenden.save', { ...BASE, year: 2018 })).diarienummer).toBe('SUL 18-01');
    expect(value(await s.api.call('arenden.nextNumber', { year: 2018 }))).toEqual({ diarienummer: 'SUL 18-02' });
    // The same year and number in another format is the same place in the series.
    value(await s.api.call('forbund.save', { name: 'Finsam Test', orgNr: '', diaryFormat: '{ÅÅÅÅ}/{NNN}' }));
    const before = await counts(s);
    const refused = failure(await s.api.call('arenden.save', { ...BASE, diarienummer: '2018/001' }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Diarienummer SUL 18-01 finns redan/) });
    expect(await counts(s)).toEqual(before);
    expect(value(await s.api.call('arenden.save', { ...BASE, year: 2018 })).diarienummer).toBe('2018/002');
    await s.close();
  });
});

describe.each(ENGINES)('diarium: a year begun in another register (%s)', (engine) => {
  it('continues the series from the löpnummer given once, never lower than taken, and logs it', async () => {
    const s = await clockSession(engine, '2026-09-01T10:00:00Z');
    const save = async () => value(await s.api.call('arenden.save', { ...BASE, year: 2026 }));
    expect(value(await s.api.call('arenden.startSeries', { year: 2026, next: 46 }))).toEqual({ diarienummer: '2026/046' });
    expect(value(await s.api.call('arenden.nextNumber', { year: 2026 }))).toEqual({ diarienummer: '2026/046' });
    expect((await save()).diarienummer).toBe('2026/046');
    expect((await save()).diarienummer).toBe('2026/047');

    const before = await counts(s);
    const lower = failure(await s.api.call('arenden.startSeries', { year: 2026, next: 40 }));
    expect(lower.paths).toEqual(['next']);
    expect(lower.message).toBe('2026/047 är redan taget; nästa diarienummer kan inte vara lägre än 2026/048.');
    expect(failure(await s.api.dispatch('arenden.startSeries', { year: 2026, next: 0 })).paths).toEqual(['next']);
    expect(failure(await s.api.dispatch('arenden.startSeries', { year: 2026, next: '50' })).paths).toEqual(['next']);
    expect(await counts(s)).toEqual(before);
    // The same number as next changes nothing and logs nothing.
    expect(value(await s.api.call('arenden.startSeries', { year: 2026, next: 48 }))).toEqual({ diarienummer: '2026/048' });
    expect(await counts(s)).toEqual(before);
    // Another year's series is untouched.
    expect(value(await s.api.call('arenden.nextNumber', { year: 2027 }))).toEqual({ diarienummer: '2027/001' });
    const logged = await rows(s, sql`SELECT before_json, after_json FROM audit_log WHERE entity = 'diary_series'`);
    expect(logged).toEqual([
      { before_json: JSON.stringify({ year: 2026, nextNumber: '2026/001' }), after_json: JSON.stringify({ year: 2026, nextNumber: '2026/046' }) },
    ]);
    expect((await verifyAuditChain(s.db.kysely)).ok).toBe(true);
    await s.close();
  });
});

describe.each(ENGINES)('diarium: registering afterwards with a number (%s)', (engine) => {
  it("keeps an explicit number (written the förbund's way) and moves the series past it", async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const old = value(
      await s.api.call('arenden.save', { ...BASE, diarienummer: '2018/12', status: 'beslutat', receivedOn: '2018-03-01', decidedOn: '2018-04-20' }),
    );
    expect(old).toMatchObject({ diarienummer: '2018/012', year: 2018, seq: 12, status: 'beslutat', decidedOn: '2018-04-20' });
    expect(value(await s.api.call('arenden.save', { ...BASE, year: 2018 })).diarienummer).toBe('2018/013');
    // A lower number that was never taken may still be registered afterwards.
    expect(value(await s.api.call('arenden.save', { ...BASE, diarienummer: '2018/007' })).seq).toBe(7);
    expect(await series(s)).toEqual([{ year: 2018, last_number: 13 }]);
    await s.close();
  });

  it('refuses a number that exists already, makulerade included, and writes nothing', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const taken = value(await s.api.call('arenden.save', { ...BASE, title: 'Lokussamordnare Älvkarleby', diarienummer: '2018/012' }));
    value(await s.api.call('arenden.void', { id: taken.id, reason: 'Fel ärende.' }));
    const before = await counts(s);
    for (const diarienummer of ['2018/012', '2018/12', ' 2018/0012 ']) {
      const refused = failure(await s.api.call('arenden.save', { ...BASE, diarienummer }));
      expect(refused).toEqual({ code: 'CONFLICT', message: 'Diarienummer 2018/012 finns redan (”Lokussamordnare Älvkarleby”).', paths: ['diarienummer'] });
    }
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('refuses a number in the wrong format, naming the format, and writes nothing', async () => {
    const s = await engineSession(engine);
    const before = await counts(s);
    const seriesBefore = await series(s);
    for (const diarienummer of ['2018-012', 'Dnr 2018/12', '18/012', '2018/0']) {
      const refused = failure(await s.api.call('arenden.save', { ...BASE, diarienummer }));
      expect(refused.code).toBe('VALIDATION');
      expect(refused.paths).toEqual(['diarienummer']);
      expect(refused.message).toMatch(/följer inte förbundets format ÅÅÅÅ\/NNN \(t\.ex\. \d{4}\/012\)/);
    }
    const wrongYear = failure(await s.api.call('arenden.save', { ...BASE, diarienummer: '2018/012', year: 2019 }));
    expect(wrongYear).toMatchObject({ code: 'VALIDATION', paths: ['year'] });
    expect(await counts(s)).toEqual(before);
    expect(await series(s)).toEqual(seriesBefore);
    await s.close();
  });
});

describe.each(ENGINES)('diarium: editing and makulering (%s)', (engine) => {
  it('edits an ärende, keeps its number, and audits before and after', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const created = value(await s.api.call('arenden.save', { ...BASE, year: 2018, receivedOn: '2018-03-06', handlaggare: 'Förbundschef' }));
    const edited = value(
      await s.api.call('arenden.save', {
        ...BASE,
        id: created.id,
        status: 'beslutat',
        receivedOn: '2018-03-06',
        decidedOn: '2018-04-20',
        description: 'Beviljas 270 000 kr.',
      }),
    );
    expect(edited).toMatchObject({
      id: created.id,
      diarienummer: '2018/001',
      status: 'beslutat',
      decidedOn: '2018-04-20',
      handlaggare: null,
      description: 'Beviljas 270 000 kr.',
    });
    const audit = (await rows(s, sql`SELECT action, method, entity_id, before_json, after_json FROM audit_log WHERE entity = 'arende' ORDER BY id`)) as {
      action: string;
      method: string;
      entity_id: string;
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(audit.map((a) => [a.action, a.method, a.entity_id])).toEqual([
      ['create', 'arenden.save', String(created.id)],
      ['update', 'arenden.save', String(created.id)],
    ]);
    expect(audit[0]?.before_json).toBeNull();
    expect(JSON.parse(audit[1]?.before_json ?? '{}')).toMatchObject({ status: 'oppet', handlaggare: 'Förbundschef' });
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({ status: 'beslutat', decidedOn: '2018-04-20' });
    await s.close();
  });

  it('refuses to change a diarienummer or a year, and the rules of the dates', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const a = value(await s.api.call('arenden.save', { ...BASE, year: 2018 }));
    const before = await counts(s);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ id: a.id, diarienummer: '2018/099' }, 'diarienummer', /kan inte ändras/],
      [{ id: a.id, year: 2019 }, 'year', /år kan inte ändras/],
      [{ status: 'beslutat' }, 'decidedOn', /Ange beslutsdatum/],
      [{ receivedOn: '2018-05-01', decidedOn: '2018-04-01' }, 'decidedOn', /före datumet ärendet kom in/],
      [{ receivedOn: '2018-02-30' }, 'receivedOn', /riktigt datum/],
      [{ title: '  ' }, 'title', /Ange rubrik/],
      [{ kind: 'brev' }, 'kind', /Välj typ/],
      [{ id: 999 }, 'id', /finns inte/],
    ];
    for (const [input, pathName, message] of cases) {
      const refused = failure(await s.api.call('arenden.save', { ...BASE, ...input }));
      expect(refused.paths, JSON.stringify(input)).toContain(pathName);
      expect(refused.message, JSON.stringify(input)).toMatch(message);
    }
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('a makulerat ärende stays, cannot be edited, voided again, nor get documents or links', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const a = value(await s.api.call('arenden.save', { ...BASE, year: 2018 }));
    const other = value(await s.api.call('arenden.save', { ...BASE, year: 2018, title: 'Årsredovisning 2018' }));
    const voided = value(await s.api.call('arenden.void', { id: a.id, reason: 'Registrerat av misstag.' }));
    expect(voided.voided).toEqual({ at: expect.any(String), by: 'testare', reason: 'Registrerat av misstag.' });
    const audit = await first(s, sql`SELECT action, method FROM audit_log WHERE entity = 'arende' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ action: 'update', method: 'arenden.void' });

    const before = await counts(s);
    const attempts = [
      await s.api.call('arenden.save', { ...BASE, id: a.id, title: 'Ny rubrik' }),
      await s.api.call('arenden.void', { id: a.id, reason: 'Igen.' }),
      await s.api.call('documents.add', { arendeId: a.id, fileName: 'a.txt', contentBase64: Buffer.from('hej').toString('base64') }),
      await s.api.call('links.add', { arendeId: a.id, targetKind: 'arende', targetId: other.id }),
    ];
    for (const attempt of attempts) {
      const refused = failure(attempt);
      expect(refused.code).toBe('RULE');
      expect(refused.message).toMatch(/Ärende 2018\/001 är makulerat/);
    }
    expect(await counts(s)).toEqual(before);
    expect(value(await s.api.call('arenden.get', { id: a.id })).title).toBe(BASE.title);
    await s.close();
  });
});

describe.each(ENGINES)('diarium: listing and reading (%s)', (engine) => {
  it('lists the demo diarium newest first, with filters and document counts', async () => {
    const s = await engineSession(engine);
    const all = value(await s.api.call('arenden.list', {}));
    expect(all.length).toBeGreaterThanOrEqual(12);
    const keys = all.map((a) => a.year * 100_000 + a.seq);
    expect(keys).toEqual([...keys].sort((x, y) => y - x));
    // Every year's series runs 1, 2, 3 … without gaps in the demo data.
    const years = [...new Set(all.map((a) => a.year))];
    for (const year of years) {
      const seqs = all
        .filter((a) => a.year === year)
        .map((a) => a.seq)
        .sort((x, y) => x - y);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    const voided = all.filter((a) => a.voided !== null);
    expect(voided.length).toBe(1);
    expect(voided[0]?.voided?.reason).toMatch(/två gånger/);
    expect(new Set(all.map((a) => a.kind)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((a) => a.status)).size).toBe(4);
    expect(all.some((a) => a.documentCount > 0)).toBe(true);
    for (const a of all) expect(a.diarienummer).toMatch(/^\d{4}\/\d{3}$/);

    const withoutVoided = value(await s.api.call('arenden.list', { includeVoided: false }));
    expect(withoutVoided.length).toBe(all.length - 1);
    const beslutade = value(await s.api.call('arenden.list', { status: 'beslutat' }));
    expect(beslutade.length).toBeGreaterThan(0);
    expect(beslutade.every((a) => a.status === 'beslutat' && a.decidedOn !== null)).toBe(true);
    const inkommande = value(await s.api.call('arenden.list', { kind: 'inkommande' }));
    expect(inkommande.every((a) => a.kind === 'inkommande')).toBe(true);
    const year = all[all.length - 1]?.year ?? 0;
    const ofYear = value(await s.api.call('arenden.list', { year }));
    expect(ofYear.length).toBe(all.filter((a) => a.year === year).length);

    // The demo data carries fictional handläggare by role, never a personnummer.
    const texts = (await first(s, sql`SELECT string_agg(concat_ws(' ', title, description, handlaggare, voided_reason), ' ') AS t FROM arenden`)) as {
      t: string;
    };
    expect(texts.t).not.toMatch(/\d{6}[-+]\d{4}/);
    await s.close();
  });

  it('serves the diarium a page at a time, filtered on the server, with the total and the years', async () => {
    const s = await engineSession(engine);
    try {
      const all = value(await s.api.call('arenden.list', {}));
      const first = value(await s.api.call('arenden.page', { limit: 5 }));
      expect(first.total).toBe(all.length);
      expect(first.rows).toEqual(all.slice(0, 5));
      expect(first.years).toEqual([...new Set(all.map((a) => a.year))].sort((x, y) => y - x));
      const second = value(await s.api.call('arenden.page', { limit: 5, offset: 5 }));
      expect(second.rows).toEqual(all.slice(5, 10));
      expect(second.offset).toBe(5);
      // Past the end: no rows, the same total.
      expect(value(await s.api.call('arenden.page', { offset: all.length + 10 }))).toMatchObject({ rows: [], total: all.length });

      const beslutade = value(await s.api.call('arenden.page', { status: 'beslutat', includeVoided: false, limit: 2 }));
      const expected = all.filter((a) => a.status === 'beslutat' && a.voided === null);
      expect(beslutade.total).toBe(expected.length);
      expect(beslutade.rows).toEqual(expected.slice(0, 2));
      expect(beslutade.years).toEqual(first.years);

      expect(failure(await s.api.call('arenden.page', { limit: 0 })).paths).toEqual(['limit']);
      expect(failure(await s.api.call('arenden.page', { limit: 10_000 })).paths).toEqual(['limit']);
      expect(failure(await s.api.call('arenden.page', { offset: -1 })).paths).toEqual(['offset']);
    } finally {
      await s.close();
    }
  });

  it('reads one demo ärende with its documents and links, labelled in Swedish', async () => {
    const s = await engineSession(engine);
    const all = value(await s.api.call('arenden.list', {}));
    const tillagg = firstOf(all.filter((a) => a.title === 'Lokussamordnare Älvkarleby – tilläggsansökan'));
    const forsta = firstOf(all.filter((a) => a.title === 'Ansökan om medel – Lokussamordnare Älvkarleby'));
    expect(tillagg && forsta).toBeTruthy();
    const arende = value(await s.api.call('arenden.get', { id: tillagg.id }));
    expect(arende.documents.map((d) => d.storage)).toEqual(['db']);
    expect(arende.links.map((l) => l.targetLabel)).toEqual(
      expect.arrayContaining([`${forsta.diarienummer} Ansökan om medel – Lokussamordnare Älvkarleby`, 'Medlem: Älvkarleby kommun']),
    );
    const incoming = value(await s.api.call('arenden.get', { id: forsta.id })).links;
    expect(incoming).toEqual([expect.objectContaining({ incoming: true, targetKind: 'arende', targetId: tillagg.id })]);
    expect(failure(await s.api.call('arenden.get', { id: 99_999 }))).toMatchObject({ code: 'NOT_FOUND' });
    await s.close();
  });
});

describe.each(ENGINES)('links (%s)', (engine) => {
  async function setup() {
    const s = await engineSession(engine);
    const a = value(await s.api.call('arenden.save', { ...BASE, title: 'Lokussamordnare Älvkarleby', year: 2018, receivedOn: '2018-03-01' }));
    const b = value(await s.api.call('arenden.save', { ...BASE, title: 'Lokussamordnare Älvkarleby – tilläggsansökan', year: 2018 }));
    return { s, a, b };
  }

  it('links an ärende to another ärende, a member, a person and a group, and shows the link on both ärenden', async () => {
    const { s, a, b } = await setup();
    const member = (await first(s, sql`SELECT id FROM members WHERE name = 'Heby kommun'`)) as { id: number };
    const personId = Number(
      (
        await first(
          s,
          sql<{ id: number }>`INSERT INTO people (name, party, created_at, updated_at) VALUES ('Eva Lind', 'S', '2018-01-01', '2018-01-01') RETURNING id`,
        )
      )?.id,
    );
    const groupId = Number(
      (
        await first(
          s,
          sql<{
            id: number;
          }>`INSERT INTO groups (name, kind, created_at, updated_at) VALUES ('Arbetsutskott test', 'arbetsutskott', '2018-01-01', '2018-01-01') RETURNING id`,
        )
      )?.id,
    );

    const toArende = value(await s.api.call('links.add', { arendeId: b.id, targetKind: 'arende', targetId: a.id, note: 'Förlängning' }));
    expect(toArende).toMatchObject({ arendeId: b.id, targetKind: 'arende', targetId: a.id, incoming: false, note: 'Förlängning' });
    expect(toArende.targetLabel).toBe(`${a.diarienummer} Lokussamordnare Älvkarleby`);
    expect(value(await s.api.call('links.add', { arendeId: b.id, targetKind: 'member', targetId: member.id })).targetLabel).toBe('Medlem: Heby kommun');
    expect(value(await s.api.call('links.add', { arendeId: b.id, targetKind: 'person', targetId: personId })).targetLabel).toBe('Person: Eva Lind');
    expect(value(await s.api.call('links.add', { arendeId: b.id, targetKind: 'group', targetId: groupId })).targetLabel).toBe('Grupp: Arbetsutskott test');

    const fromB = value(await s.api.call('arenden.get', { id: b.id }));
    expect(fromB.links.map((l) => [l.targetLabel, l.incoming])).toEqual([
      [`${a.diarienummer} Lokussamordnare Älvkarleby`, false],
      ['Medlem: Heby kommun', false],
      ['Person: Eva Lind', false],
      ['Grupp: Arbetsutskott test', false],
    ]);
    // Seen from the other ärende: the same link, turned around.
    const fromA = value(await s.api.call('arenden.get', { id: a.id }));
    expect(fromA.links).toEqual([
      {
        id: toArende.id,
        arendeId: a.id,
        targetKind: 'arende',
        targetId: b.id,
        targetLabel: `${b.diarienummer} Lokussamordnare Älvkarleby – tilläggsansökan`,
        note: 'Förlängning',
        incoming: true,
      },
    ]);

    // Removing it removes it from both; both writes are audited.
    expect(value(await s.api.call('links.remove', { id: toArende.id }))).toEqual({ id: toArende.id });
    expect(value(await s.api.call('arenden.get', { id: a.id })).links).toEqual([]);
    const audit = (await rows(s, sql`SELECT action, entity_id, after_json FROM audit_log WHERE entity = 'link' ORDER BY id`)) as {
      action: string;
      entity_id: string;
      after_json: string | null;
    }[];
    expect(audit.map((x) => x.action)).toEqual(['create', 'create', 'create', 'create', 'delete']);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ targetLabel: `${a.diarienummer} Lokussamordnare Älvkarleby` });
    expect(await verifyAuditChain(s.db.kysely)).toMatchObject({ ok: true });
    await s.close();
  });

  it('refuses a missing target, a link to itself and a duplicate, writing nothing', async () => {
    const { s, a, b } = await setup();
    value(await s.api.call('links.add', { arendeId: b.id, targetKind: 'arende', targetId: a.id }));
    const before = await counts(s);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ arendeId: b.id, targetKind: 'person', targetId: 9999 }, 'NOT_FOUND', /Personen som ärendet skulle kopplas till finns inte/],
      [{ arendeId: b.id, targetKind: 'member', targetId: 9999 }, 'NOT_FOUND', /Medlemmen .* finns inte/],
      [{ arendeId: b.id, targetKind: 'group', targetId: 9999 }, 'NOT_FOUND', /Gruppen .* finns inte/],
      [{ arendeId: b.id, targetKind: 'delegation_decision', targetId: 9999 }, 'NOT_FOUND', /Delegationsbeslutet .* finns inte/],
      [{ arendeId: b.id, targetKind: 'arende', targetId: 9999 }, 'NOT_FOUND', /Ärendet .* finns inte/],
      [{ arendeId: 9999, targetKind: 'arende', targetId: a.id }, 'NOT_FOUND', /Ärendet finns inte/],
      [{ arendeId: b.id, targetKind: 'arende', targetId: b.id }, 'RULE', /kan inte kopplas till sig självt/],
      [{ arendeId: b.id, targetKind: 'arende', targetId: a.id }, 'CONFLICT', /redan kopplat till/],
      [{ arendeId: b.id, targetKind: 'kommun', targetId: 1 }, 'VALIDATION', /Välj vad ärendet ska kopplas till/],
    ];
    for (const [input, code, message] of cases) {
      const refused = failure(await s.api.dispatch('links.add', input));
      expect(refused.code, JSON.stringify(input)).toBe(code);
      expect(refused.message, JSON.stringify(input)).toMatch(message);
    }
    expect(failure(await s.api.call('links.remove', { id: 9999 })).code).toBe('NOT_FOUND');
    expect(await counts(s)).toEqual(before);
    await s.close();
  });
});
