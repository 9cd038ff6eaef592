import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoMemberIds } from '../helpers/session';
import { failure, value } from '../helpers/envelope';
import { countRows, ENGINES, engineSession, first, rows, type AnySession } from '../helpers/engines';

function counts(s: AnySession): Promise<number[]> {
  return Promise.all(['groups', 'group_members', 'people', 'audit_log'].map((t) => countRows(s, t)));
}

describe.each(ENGINES)('groups (%s)', (engine) => {
  it('lists the demo groups by kind, then name: AU, beredningsgrupp, one lokusgrupp per kommun, strategisk utvecklingsgrupp', async () => {
    const s = await engineSession(engine);
    const groups = value(await s.api.call('groups.list', {}));
    expect(groups.map((g) => g.name)).toEqual([
      'Arbetsutskott',
      'Beredningsgrupp',
      'Lokusgrupp Enköping',
      'Lokusgrupp Heby',
      'Lokusgrupp Håbo',
      'Lokusgrupp Knivsta',
      'Lokusgrupp Tierp',
      'Lokusgrupp Uppsala',
      'Lokusgrupp Älvkarleby',
      'Lokusgrupp Östhammar',
      'Strategisk utvecklingsgrupp',
    ]);
    const au = groups[0];
    expect(au?.members.map((m) => m.role)).toEqual(['Ordförande', '1:e vice ordförande', '2:e vice ordförande']);
    expect(au?.members.every((m) => m.personId !== null)).toBe(true);
    const heby = groups.find((g) => g.name === 'Lokusgrupp Heby');
    expect(heby).toMatchObject({ kind: 'lokusgrupp', memberName: 'Heby kommun' });
    expect(heby?.members.length).toBeGreaterThanOrEqual(2);
    expect(heby?.members.every((m) => m.personId === null && m.organisation !== null)).toBe(true);
    await s.close();
  });

  it('creates a group with register people and free entries in order, edits it, removes it, all audited', async () => {
    const s = await engineSession(engine);
    const m = await demoMemberIds(s);
    const people = value(await s.api.call('people.list', {}));
    const [p1, p2] = people;
    if (!p1 || !p2) throw new Error('demo people missing');

    const created = value(
      await s.api.call('groups.save', {
        name: 'Lokusgrupp Heby-Tierp',
        kind: 'lokusgrupp',
        memberId: m.Heby,
        description: 'Gemensam grupp för norra länet.',
        members: [{ name: 'Gun Ström', organisation: 'Heby kommun', role: 'Sammankallande' }, { personId: p2.id }, { personId: p1.id, role: 'Adjungerad' }],
      }),
    );
    expect(created).toMatchObject({ name: 'Lokusgrupp Heby-Tierp', kind: 'lokusgrupp', memberId: m.Heby, memberName: 'Heby kommun' });
    expect(created.members).toEqual([
      { personId: null, name: 'Gun Ström', organisation: 'Heby kommun', role: 'Sammankallande' },
      { personId: p2.id, name: p2.name, organisation: p2.organisation, role: null },
      { personId: p1.id, name: p1.name, organisation: p1.organisation, role: 'Adjungerad' },
    ]);

    // The list replaces the old one; a register person shows their current name.
    value(await s.api.call('people.save', { id: p1.id, name: 'Nytt Namn', email: p1.email ?? undefined }));
    const edited = value(
      await s.api.call('groups.save', { id: created.id, name: 'Lokusgrupp Heby–Tierp', kind: 'lokusgrupp', memberId: m.Heby, members: [{ personId: p1.id }] }),
    );
    expect(edited.members).toEqual([{ personId: p1.id, name: 'Nytt Namn', organisation: p1.organisation, role: null }]);
    expect(edited.description).toBeNull();
    expect(await first(s, sql`SELECT count(*) AS n FROM group_members WHERE group_id = ${created.id}`)).toEqual({ n: 1 });
    expect(value(await s.api.call('people.list', {})).find((p) => p.id === p1.id)?.usedIn).toContain('Lokusgrupp Heby–Tierp');

    value(await s.api.call('groups.remove', { id: created.id }));
    expect(await first(s, sql`SELECT count(*) AS n FROM group_members WHERE group_id = ${created.id}`)).toEqual({ n: 0 });

    const audit = (await rows(s, sql`SELECT action, before_json, after_json FROM audit_log WHERE entity = 'group' ORDER BY id`)) as {
      action: string;
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[0]?.before_json).toBeNull();
    expect(JSON.parse(audit[0]?.after_json ?? 'null')).toEqual(created);
    expect(JSON.parse(audit[1]?.before_json ?? 'null')).toMatchObject({ name: 'Lokusgrupp Heby-Tierp' });
    expect(JSON.parse(audit[1]?.after_json ?? 'null')).toMatchObject({ name: 'Lokusgrupp Heby–Tierp', members: [{ name: 'Nytt Namn' }] });
    expect(JSON.parse(audit[2]?.before_json ?? 'null')).toMatchObject({ id: created.id });
    expect(audit[2]?.after_json).toBeNull();
    await s.close();
  });

  it('refuses a duplicate name in any case (Å, Ä, Ö too) and writes nothing', async () => {
    const s = await engineSession(engine);
    const m = await demoMemberIds(s);
    const before = await counts(s);
    const au = failure(await s.api.call('groups.save', { name: 'ARBETSUTSKOTT', kind: 'annan' }));
    expect(au).toMatchObject({ code: 'CONFLICT', paths: ['name'], message: 'Det finns redan en grupp som heter Arbetsutskott.' });
    const alv = failure(await s.api.call('groups.save', { name: 'LOKUSGRUPP ÄLVKARLEBY', kind: 'lokusgrupp', memberId: m.Älvkarleby }));
    expect(alv).toMatchObject({ code: 'CONFLICT', message: 'Det finns redan en grupp som heter Lokusgrupp Älvkarleby.' });
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('refuses a lokusgrupp without a kommun, or tied to a member that is no kommun, and writes nothing', async () => {
    const s = await engineSession(engine);
    const m = await demoMemberIds(s);
    const before = await counts(s);
    const none = failure(await s.api.call('groups.save', { name: 'Lokusgrupp Sala', kind: 'lokusgrupp' }));
    expect(none).toMatchObject({ code: 'VALIDATION', paths: ['memberId'] });
    expect(none.message).toMatch(/Välj vilken kommun lokusgruppen hör till/);
    const region = failure(await s.api.call('groups.save', { name: 'Lokusgrupp Region', kind: 'lokusgrupp', memberId: m.Region }));
    expect(region).toMatchObject({ code: 'RULE', paths: ['memberId'] });
    expect(region.message).toBe('En lokusgrupp hör till en kommun, och Region Uppsala är ingen kommun. Välj en kommun.');
    const missing = failure(await s.api.call('groups.save', { name: 'Lokusgrupp Sala', kind: 'lokusgrupp', memberId: 999 }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', paths: ['memberId'] });
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('refuses an unknown person, the same person twice and an entry with neither person nor name, naming the row', async () => {
    const s = await engineSession(engine);
    const [p1] = value(await s.api.call('people.list', {}));
    if (!p1) throw new Error('demo people missing');
    const before = await counts(s);
    const unknown = failure(
      await s.api.call('groups.save', { name: 'Ny grupp', kind: 'annan', members: [{ name: 'Eva Sten' }, { personId: p1.id }, { personId: 9999 }] }),
    );
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', paths: ['members.2.personId'] });
    expect(unknown.message).toMatch(/^Medlemmar, rad 3: personen finns inte i registret/);
    const twice = failure(await s.api.call('groups.save', { name: 'Ny grupp', kind: 'annan', members: [{ personId: p1.id }, { personId: p1.id }] }));
    expect(twice).toMatchObject({ code: 'CONFLICT', paths: ['members.1.personId'] });
    const empty = failure(await s.api.call('groups.save', { name: 'Ny grupp', kind: 'annan', members: [{ organisation: 'Region Uppsala' }] }));
    expect(empty).toMatchObject({ code: 'VALIDATION', paths: ['members.0.name'] });
    const both = failure(await s.api.call('groups.save', { name: 'Ny grupp', kind: 'annan', members: [{ personId: p1.id, name: 'Annat namn' }] }));
    expect(both.code).toBe('VALIDATION');
    expect(await counts(s)).toEqual(before);
    await s.close();
  });

  it('keeps a person in a group from being removed, and refuses unknown groups', async () => {
    const s = await engineSession(engine);
    const before = await counts(s);
    const director = value(await s.api.call('people.list', {})).find((p) => p.title === 'Förbundschef');
    if (!director) throw new Error('no förbundschef in the demo');
    expect(director.usedIn).toContain('Beredningsgrupp');
    const refused = failure(await s.api.call('people.remove', { id: director.id }));
    expect(refused.code).toBe('RULE');
    expect(refused.message).toMatch(/Beredningsgrupp/);
    expect(failure(await s.api.call('groups.remove', { id: 9999 })).code).toBe('NOT_FOUND');
    expect(failure(await s.api.call('groups.save', { id: 9999, name: 'X', kind: 'annan' })).code).toBe('NOT_FOUND');
    expect(await counts(s)).toEqual(before);
    await s.close();
  });
});
