import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Arende } from '../../shared/contract/schemas/diarium';
import type { SearchHit } from '../../shared/contract/schemas/search';
import { matchExpression, queryWords } from '../../electron/services/search';
import { value } from '../helpers/envelope';
import type { MethodInput } from '../../shared/contract/methods';
import { ENGINES, engineSession, first, type AnySession } from '../helpers/engines';

async function hits(s: AnySession, query: string, extra: Record<string, unknown> = {}): Promise<SearchHit[]> {
  return value(await s.api.call('search.query', { query, ...extra })).hits;
}

async function save(s: AnySession, input: Partial<MethodInput<'arenden.save'>> & { title: string }): Promise<Arende> {
  return value(await s.api.call('arenden.save', { kind: 'beslutsarende', year: 2018, ...input }));
}

async function addPerson(s: AnySession, name: string, party: string | null, organisation: string | null): Promise<number> {
  const row = await first(
    s,
    sql<{
      id: number;
    }>`INSERT INTO people (name, party, organisation, created_at, updated_at) VALUES (${name}, ${party}, ${organisation}, '2018-01-01', '2018-01-01') RETURNING id`,
  );
  return Number(row?.id);
}

describe('search query words', () => {
  it('splits on anything but letters and digits and makes quoted prefix terms, all required', () => {
    expect(queryWords('  Lokus-samordnare, Älvkarleby!  2018/012 ')).toEqual(['Lokus', 'samordnare', 'Älvkarleby', '2018', '012']);
    expect(matchExpression('lokus älv')).toBe('"lokus"* AND "älv"*');
    expect(matchExpression('"; DROP TABLE arenden; --')).toBe('"DROP"* AND "TABLE"* AND "arenden"*');
    expect(matchExpression('  *** ')).toBeNull();
    expect(matchExpression('')).toBeNull();
    // A decomposed Ä (A + combining diaeresis) is the same word as the composed one.
    expect(queryWords('A\u0308lvkarleby')).toEqual(['Älvkarleby']);
  });
});

describe.each(ENGINES)('search.query (%s)', (engine) => {
  it('finds Swedish words case-insensitively and by their beginning', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const lokus = await save(s, {
      title: 'Lokussamordnare Älvkarleby – tilläggsansökan',
      kind: 'inkommande',
      description: 'Insatsägare är Älvkarleby kommun.',
    });
    const ost = await save(s, { title: 'Arbetsträning Östhammar', description: 'Individinriktad insats för unga vuxna.' });

    for (const query of ['lokus', 'LOKUSSAMORDNARE', 'Lokussamordnare', 'ÄLV', 'älvkarleby', 'tilläggs', 'lokus älv']) {
      expect(
        (await hits(s, query)).map((h) => h.id),
        query,
      ).toEqual([lokus.id]);
    }
    for (const query of ['östh', 'ÖSTHAMMAR', 'arbetsträn', 'unga vuxna']) {
      expect(
        (await hits(s, query)).map((h) => h.id),
        query,
      ).toEqual([ost.id]);
    }
    // å ä ö are letters of their own, not a, a, o.
    expect(await hits(s, 'alvkarleby')).toEqual([]);
    expect(await hits(s, 'osthammar')).toEqual([]);
    // Every word must match.
    expect(await hits(s, 'lokus östhammar')).toEqual([]);
    // The number finds the ärende too.
    expect((await hits(s, lokus.diarienummer)).map((h) => h.id)).toEqual([lokus.id]);
    await s.close();
  });

  it('returns no hits for an empty query or one without words, and survives FTS syntax', async () => {
    const s = await engineSession(engine);
    for (const query of ['', '   ', '*', '"', '()', '-', 'AND', 'NEAR(', 'lokus" OR "x', 'title:lokus']) {
      const result = await s.api.call('search.query', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(await hits(s, '')).toEqual([]);
    expect(await hits(s, ' ** ')).toEqual([]);
    expect(value(await s.api.call('search.query', { query: ' lokus ' })).query).toBe('lokus');
    const tooLong = await s.api.call('search.query', { query: 'x'.repeat(201) });
    expect(!tooLong.ok && tooLong.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/högst 200 tecken/) });
    await s.close();
  });

  it('puts a hit in the title before one in the text', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const inText = await save(s, {
      title: 'Verksamhetsplan och budget 2019',
      description: 'Budgeten ger utrymme för arbetsträning, mer arbetsträning och uppföljning av arbetsträning i alla kommuner.',
    });
    const inTitle = await save(s, { title: 'Arbetsträning Tierp', description: 'Ansökan om medel.' });
    const found = await hits(s, 'arbetsträning');
    expect(found.map((h) => h.id)).toEqual([inTitle.id, inText.id]);
    expect(found[1]?.snippet).toMatch(/«arbetsträning»/);
    expect(found[1]?.snippet).not.toMatch(/«budget/i);
    await s.close();
  });

  it('describes each kind of hit and filters by kind', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const arende = await save(s, { title: 'Heby lokusgrupp – ansökan', status: 'beslutat', receivedOn: '2018-02-01', decidedOn: '2018-03-16' });
    const doc = value(
      await s.api.call('documents.add', {
        arendeId: arende.id,
        fileName: 'protokollsutdrag.txt',
        title: 'Protokollsutdrag Heby',
        contentBase64: Buffer.from('Beslut om Heby').toString('base64'),
      }),
    );
    const person = await addPerson(s, 'Erik Hebyson', 'C', 'Heby kommun');
    const member = value(await s.api.call('members.save', { name: 'Heby kommun', shortName: 'Heby', kind: 'kommun', orgNr: '212000-2965', populations: [] }));

    const all = await hits(s, 'heby');
    const byKind = Object.fromEntries(all.map((h) => [h.kind, h]));
    expect(Object.keys(byKind).sort()).toEqual(['arende', 'document', 'member', 'person']);
    expect(byKind.arende).toMatchObject({ id: arende.id, title: 'Heby lokusgrupp – ansökan', subtitle: '2018/001 · Beslutat', arendeId: null });
    expect(byKind.document).toMatchObject({ id: doc.id, title: 'Protokollsutdrag Heby', subtitle: 'protokollsutdrag.txt · 2018/001', arendeId: arende.id });
    expect(byKind.person).toMatchObject({ id: person, title: 'Erik Hebyson', subtitle: 'C · Heby kommun', arendeId: null });
    expect(byKind.member).toMatchObject({ id: member.id, title: 'Heby kommun', subtitle: 'Kommun · 212000-2965', arendeId: null });
    for (const h of all) expect(h.snippet, h.kind).toMatch(/«Heby/);

    expect((await hits(s, 'heby', { kinds: ['person'] })).map((h) => h.kind)).toEqual(['person']);
    expect((await hits(s, 'heby', { kinds: ['arende', 'document'] })).map((h) => h.kind).sort()).toEqual(['arende', 'document']);
    expect(await hits(s, 'heby', { kinds: [] })).toEqual([]);
    expect(await hits(s, 'heby', { limit: 2 })).toHaveLength(2);
    const badKind = await s.api.dispatch('search.query', { query: 'heby', kinds: ['grupp'] });
    expect(!badKind.ok && badKind.error.code).toBe('VALIDATION');
    await s.close();
  });

  it('follows edits, makulering and removals (the index is kept by triggers)', async () => {
    const s = await engineSession(engine, { create: 'empty' });
    const a = await save(s, { title: 'Internkontrollplan 2018' });
    expect((await hits(s, 'internkontroll')).map((h) => h.id)).toEqual([a.id]);
    await save(s, { id: a.id, title: 'Riskanalys 2018' });
    expect(await hits(s, 'internkontroll')).toEqual([]);
    expect((await hits(s, 'riskanalys')).map((h) => h.id)).toEqual([a.id]);

    value(await s.api.call('arenden.void', { id: a.id, reason: 'Dubbelregistrering' }));
    const voided = await hits(s, 'dubbelreg');
    expect(voided.map((h) => [h.id, h.subtitle])).toEqual([[a.id, '2018/001 · Öppet · makulerat']]);

    const b = await save(s, { title: 'Delårsrapport 2018' });
    const doc = value(
      await s.api.call('documents.add', {
        arendeId: b.id,
        fileName: 'prognos.md',
        contentBase64: Buffer.from('Förbrukningskvot och prognos').toString('base64'),
      }),
    );
    expect((await hits(s, 'förbrukningskvot')).map((h) => [h.kind, h.id])).toEqual([['document', doc.id]]);
    value(await s.api.call('documents.remove', { id: doc.id }));
    expect(await hits(s, 'förbrukningskvot')).toEqual([]);
    await s.close();
  });

  it('finds the demo data: ärenden, the ärendeblad inside one, members and board members', async () => {
    const s = await engineSession(engine);
    const found = await hits(s, 'lokussamordnare');
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found[0]?.kind).toBe('arende');
    expect(found.some((h) => h.kind === 'document')).toBe(true);
    expect((await hits(s, 'östhammars', { kinds: ['member'] })).map((h) => h.title)).toEqual(['Östhammars kommun']);
    await s.close();
  });
});
