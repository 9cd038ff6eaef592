import { describe, expect, it } from 'vitest';
import type { Application, ApplicationSaveInput, PriorityGroup } from '../../shared/contract/schemas/insatser';
import { formatDate } from '../../shared/format/sv';
import { failure, value } from '../helpers/envelope';
import { countRows, ENGINES, engineSession, type AnySession } from '../helpers/engines';

type Ids = (name: string) => number;

/** Member ids by name; a name not in the demo register is a broken test. */
async function memberIds(s: AnySession): Promise<Ids> {
  const ids = new Map(value(await s.api.call('members.list', {})).map((m) => [m.name, m.id]));
  return (name) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`no member ${name}`);
    return id;
  };
}

/** The first application for Lokussamordnare Älvkarleby, granted in 2018 (seed 002 refers to it). */
async function firstInsats(s: AnySession, m: Ids): Promise<Application> {
  const app = value(
    await s.api.call('insatser.saveApplication', {
      kind: 'ny',
      name: 'Lokussamordnare Älvkarleby',
      kategori: 'struktur',
      parties: [m('Älvkarleby kommun'), m('Arbetsförmedlingen'), m('Försäkringskassan'), m('Region Uppsala')],
      ownerMemberId: m('Älvkarleby kommun'),
      syfte: 'att säkerställa fungerande samverkan i lokusgruppen',
      malgrupp: 'lokusgruppen i Älvkarleby',
      startsOn: '2018-04-01',
      endsOn: '2019-03-31',
      years: [
        { year: 2018, soughtKr: 75_000 },
        { year: 2019, soughtKr: 25_000 },
      ],
      sus: false,
      lokusAgrees: true,
      receivedOn: '2018-02-15',
    } satisfies ApplicationSaveInput),
  );
  return value(await s.api.call('insatser.decide', { id: app.id, by: 'styrelse', outcome: 'bifall', decidedOn: '2018-03-16' }));
}

/** Seed 002: "Lokussamordnare Älvkarleby – tilläggsansökan", 270 000 kr for 2019-04-01 till 2021-03-31. */
function seed002(m: Ids, insatsId: number, groups: PriorityGroup[]): ApplicationSaveInput {
  return {
    kind: 'tillagg',
    insatsId,
    name: 'Lokussamordnare Älvkarleby',
    kategori: 'struktur',
    parties: [m('Försäkringskassan'), m('Region Uppsala'), m('Älvkarleby kommun'), m('Arbetsförmedlingen')],
    ownerMemberId: m('Älvkarleby kommun'),
    syfte: 'Att säkerställa fortsatt fungerande samverkan i lokusgruppen.',
    malgrupp: 'Lokusgruppen i Älvkarleby',
    priorityGroupIds: groups.map((g) => g.id),
    effektmal: ['fyra genomförda lokusgruppsmöten under året'],
    insatsmal: ['att sammankalla, göra dagordning och föra protokoll under fyra lokusgruppsmöten under året'],
    startsOn: '2019-04-01',
    endsOn: '2021-03-31',
    years: [
      { year: 2019, soughtKr: 101_250, participants: null },
      { year: 2020, soughtKr: 135_000, participants: null },
      { year: 2021, soughtKr: 33_750, participants: null },
    ],
    sus: false,
    lokusAgrees: true,
    receivedOn: '2019-02-20',
  };
}

describe.each(ENGINES)('ansökningar → insatser (%s)', (engine) => {
  it('takes the seed 002 tilläggsansökan to a board decision whose ärendeblad reads like the seed, and adds its years to the insats', async () => {
    const s = await engineSession(engine);
    const m = await memberIds(s);
    const first = await firstInsats(s, m);
    expect(first.status).toBe('beviljad');
    const insatsId = first.insatsId ?? 0;
    const groups = value(
      await s.api.call('insatser.savePriorityGroups', {
        year: 2019,
        names: ['Unga med funktionsnedsättning och/eller aktivitetsersättning', 'Personer med långvarigt bidrags- och/eller ersättningsberoende'],
      }),
    );

    const arendenBefore = await countRows(s, 'arenden');
    const app = value(await s.api.call('insatser.saveApplication', seed002(m, insatsId, groups)));
    // Received: registered in the diarium at once.
    expect(await countRows(s, 'arenden')).toBe(arendenBefore + 1);
    expect(app).toMatchObject({ status: 'inkommen', soughtTotalKr: 270_000, ownerName: 'Älvkarleby kommun', insatsName: 'Lokussamordnare Älvkarleby' });
    expect(app.diarienummer).toMatch(/^2019\//);

    const checked = value(
      await s.api.call('insatser.checklist', {
        id: app.id,
        items: {
          inriktning: { ok: true },
          matbara_mal: { ok: true },
          parter: { ok: true },
          budget: { ok: true, note: 'Tjänstgöringsgraden ökas från 20 till 25 %.' },
        },
      }),
    );
    expect(checked.status).toBe('under_beredning');
    expect(checked.checklist.find((c) => c.key === 'budget')).toMatchObject({ ok: true, note: 'Tjänstgöringsgraden ökas från 20 till 25 %.' });

    const decided = value(await s.api.call('insatser.decide', { id: app.id, by: 'styrelse', outcome: 'bifall', decidedOn: '2019-03-15' }));
    expect(decided.status).toBe('beviljad');
    const blad = value(await s.api.call('arendeblad.get', { id: decided.decision?.arendebladId ?? 0 }));
    expect(blad.rubrik).toBe('Lokussamordnare Älvkarleby – tilläggsansökan');
    expect(blad.diarienummer).toBe(app.diarienummer);
    expect(blad.content.forslag.inledning).toBe('Förbundsstyrelsen föreslås besluta');
    expect(blad.content.forslag.punkter).toEqual([
      'bevilja finansiellt stöd från förbundet enligt tilläggsansökan till insatsen Lokussamordnare Älvkarleby',
      'avsätta maximalt 270\u00a0000\u00a0kr som finansiering under perioden 2019-04-01 till 2021-03-31',
      'finansieringen av insatsen gäller under förutsättning att förbundet beviljas medel från medlemsorganisationerna framöver',
      'finansieringen av insatsen gäller under förutsättning att insatsen följer aktuell ansökan, gällande lagstiftning och av förbundet antagna styrdokument',
    ]);
    const text = blad.content.sections.flatMap((sec) => sec.blocks.map((b) => (b.type === 'stycke' ? b.text : ''))).join(' ');
    expect(text).toContain(
      'Älvkarleby kommun, Arbetsförmedlingen, Försäkringskassan och Region Uppsala ansöker om medel till att förlänga pågående insats Lokussamordnare Älvkarleby. Älvkarleby kommun är insatsägare. Syftet med insatsen är att säkerställa fortsatt fungerande samverkan i lokusgruppen. Målgrupp är lokusgruppen i Älvkarleby.',
    );
    expect(text).toContain('Som insatsmål har angivits: att sammankalla, göra dagordning och föra protokoll under fyra lokusgruppsmöten under året.');
    expect(text).toContain('unga med funktionsnedsättning och/eller aktivitetsersättning och personer med långvarigt bidrags- och/eller ersättningsberoende');
    expect(text).toContain('alla parter i lokusgruppen har ställt sig bakom ansökan');
    // Only the bilaga (the application itself) is left for the writer.
    expect(blad.problems).toEqual(['Bilaga 1 (”Tilläggsansökan Lokussamordnare Älvkarleby”) är inte kopplad till någon handling i diariet.']);

    // The insats: 2018–2019 from the first decision, 2019–2021 added by the tilläggsansökan, ending later.
    const insats = value(await s.api.call('insatser.get', { id: insatsId }));
    expect(insats.endsOn).toBe('2021-03-31');
    expect(insats.budget).toEqual([
      { year: 2018, budgetKr: 75_000 },
      { year: 2019, budgetKr: 25_000 + 101_250 },
      { year: 2020, budgetKr: 135_000 },
      { year: 2021, budgetKr: 33_750 },
    ]);
    expect(insats.budgetTotalKr).toBe(100_000 + 270_000);
    expect(insats.applications.map((a) => a.grantedKr)).toEqual([100_000, 270_000]);
    await s.close();
  });

  it('grants in part with lower amounts, and refuses more than was sought', async () => {
    const s = await engineSession(engine);
    const m = await memberIds(s);
    const first = await firstInsats(s, m);
    const app = value(await s.api.call('insatser.saveApplication', seed002(m, first.insatsId ?? 0, [])));
    const tooMuch = failure(
      await s.api.call('insatser.decide', {
        id: app.id,
        by: 'styrelse',
        outcome: 'delvis',
        granted: [{ year: 2020, amountKr: 150_000 }],
        decidedOn: '2019-03-15',
      }),
    );
    expect(tooMuch).toMatchObject({ code: 'RULE', paths: ['granted.0.amountKr'] });
    expect(tooMuch.message).toContain('mer än det sökta (135\u00a0000\u00a0kr)');
    const all = failure(
      await s.api.call('insatser.decide', {
        id: app.id,
        by: 'styrelse',
        outcome: 'delvis',
        granted: [
          { year: 2019, amountKr: 101_250 },
          { year: 2020, amountKr: 135_000 },
          { year: 2021, amountKr: 33_750 },
        ],
        decidedOn: '2019-03-15',
      }),
    );
    expect(all.message).toContain('välj bifall');

    const part = value(
      await s.api.call('insatser.decide', {
        id: app.id,
        by: 'styrelse',
        outcome: 'delvis',
        granted: [
          { year: 2019, amountKr: 80_000 },
          { year: 2020, amountKr: 100_000 },
        ],
        decidedOn: '2019-03-15',
      }),
    );
    expect(part.status).toBe('delvis_beviljad');
    expect(part.years.map((y) => y.grantedKr)).toEqual([80_000, 100_000, null]);
    const blad = value(await s.api.call('arendeblad.get', { id: part.decision?.arendebladId ?? 0 }));
    expect(blad.content.forslag.punkter[1]).toBe('avsätta maximalt 180\u00a0000\u00a0kr som finansiering under perioden 2019-04-01 till 2021-03-31');
    const insats = value(await s.api.call('insatser.get', { id: first.insatsId ?? 0 }));
    expect(insats.budgetTotalKr).toBe(100_000 + 180_000);
    // A decided application is locked.
    expect(failure(await s.api.call('insatser.saveApplication', { ...seed002(m, first.insatsId ?? 0, []), id: app.id })).message).toContain('är beslutad');
    await s.close();
  });

  it('decides under delegation within the limit, refuses above it and writes nothing', async () => {
    const s = await engineSession(engine);
    const m = await memberIds(s);
    const today = formatDate(new Date());
    const delegation = value(await s.api.call('delegations.list', {})).find((d) => d.code === '1.1');
    if (!delegation) throw new Error('demo delegation 1.1 missing');
    const base = {
      kind: 'ny' as const,
      name: 'Kompetensdag för lokusgrupperna',
      kategori: 'kompetens' as const,
      parties: [m('Heby kommun'), m('Arbetsförmedlingen')],
      ownerMemberId: m('Heby kommun'),
      startsOn: today,
      endsOn: today,
      sus: false,
      lokusAgrees: true,
      receivedOn: today,
    };
    const big = value(await s.api.call('insatser.saveApplication', { ...base, years: [{ year: Number(today.slice(0, 4)), soughtKr: 300_000 }] }));
    const counts = async () => [
      await countRows(s, 'delegation_decisions'),
      await countRows(s, 'arenden'),
      await countRows(s, 'insatser'),
      await countRows(s, 'audit_log'),
    ];
    const before = await counts();
    const refused = failure(
      await s.api.call('insatser.decide', { id: big.id, by: 'delegation', delegationId: delegation.id, outcome: 'bifall', decidedOn: today }),
    );
    expect(refused.message).toContain('tillåter högst 250\u00a0000\u00a0kr');
    expect(await counts()).toEqual(before);
    expect(value(await s.api.call('insatser.application', { id: big.id })).status).toBe('inkommen');

    const small = value(
      await s.api.call('insatser.saveApplication', {
        ...base,
        name: 'Studiebesök lokusgrupp Heby',
        years: [{ year: Number(today.slice(0, 4)), soughtKr: 48_500 }],
      }),
    );
    const decided = value(
      await s.api.call('insatser.decide', { id: small.id, by: 'delegation', delegationId: delegation.id, outcome: 'bifall', decidedOn: today }),
    );
    expect(decided.decision).toMatchObject({ by: 'delegation', arendebladId: null });
    const unreported = value(await s.api.call('decisions.list', { unreportedOnly: true }));
    expect(unreported.find((d) => d.id === decided.decision?.delegationDecisionId)?.amountKr).toBe(48_500);
    await s.close();
  });

  it('rejects with a reason: an ärendeblad that says so, and no insats', async () => {
    const s = await engineSession(engine);
    const m = await memberIds(s);
    const app = value(
      await s.api.call('insatser.saveApplication', {
        kind: 'ny',
        name: 'Hälsocoach Knivsta',
        kategori: 'individ',
        parties: [m('Knivsta kommun'), m('Försäkringskassan')],
        ownerMemberId: m('Knivsta kommun'),
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        years: [{ year: 2026, soughtKr: 400_000, participants: 25 }],
        sus: true,
        lokusAgrees: false,
        receivedOn: '2025-11-01',
      }),
    );
    expect(failure(await s.api.call('insatser.decide', { id: app.id, by: 'styrelse', outcome: 'avslag', decidedOn: '2025-12-10' })).paths).toEqual(['reason']);
    const insatser = await countRows(s, 'insatser');
    const rejected = value(
      await s.api.call('insatser.decide', {
        id: app.id,
        by: 'styrelse',
        outcome: 'avslag',
        reason: 'alla parter i lokusgruppen står inte bakom ansökan',
        decidedOn: '2025-12-10',
      }),
    );
    expect(rejected.status).toBe('avslagen');
    expect(await countRows(s, 'insatser')).toBe(insatser);
    const blad = value(await s.api.call('arendeblad.get', { id: rejected.decision?.arendebladId ?? 0 }));
    expect(blad.content.forslag.punkter).toEqual(['avslå ansökan om finansiering av insatsen Hälsocoach Knivsta']);
    await s.close();
  });

  it('registers an ansökan in the inkommande ärende it came in as: one case, one ärende, and refuses a second ansökan there', async () => {
    const s = await engineSession(engine);
    const m = await memberIds(s);
    const inkommen = value(
      await s.api.call('arenden.save', {
        title: 'Ansökan från Tierps kommun om Unga till arbete',
        kind: 'inkommande',
        status: 'oppet',
        receivedOn: '2026-03-02',
      }),
    );
    const decided = value(
      await s.api.call('arenden.save', { title: 'Beslutat ärende', kind: 'inkommande', status: 'beslutat', receivedOn: '2026-01-10', decidedOn: '2026-02-01' }),
    );
    const input = {
      kind: 'ny',
      name: 'Unga till arbete Tierp',
      kategori: 'individ',
      parties: [m('Tierps kommun'), m('Arbetsförmedlingen')],
      ownerMemberId: m('Tierps kommun'),
      startsOn: '2026-06-01',
      endsOn: '2026-12-31',
      years: [{ year: 2026, soughtKr: 300_000, participants: 20 }],
      sus: true,
      lokusAgrees: true,
      receivedOn: '2026-03-02',
    } satisfies ApplicationSaveInput;
    const arenden = await countRows(s, 'arenden');
    const app = value(await s.api.call('insatser.saveApplication', { ...input, arendeId: inkommen.id }));
    expect(app.arendeId).toBe(inkommen.id);
    expect(app.diarienummer).toBe(inkommen.diarienummer);
    expect(await countRows(s, 'arenden')).toBe(arenden);
    expect(value(await s.api.call('arenden.get', { id: inkommen.id })).status).toBe('under_beredning');

    // The board's ärendeblad goes into the same ärende, and the decision closes it.
    const proposed = value(await s.api.call('insatser.proposal', { id: app.id, outcome: 'bifall', datum: '2026-04-01' }));
    expect(value(await s.api.call('arendeblad.get', { id: proposed.arendebladId as number })).arendeId).toBe(inkommen.id);
    expect(await countRows(s, 'arenden')).toBe(arenden);

    const before = [await countRows(s, 'applications'), await countRows(s, 'arenden'), await countRows(s, 'audit_log')];
    const twice = failure(await s.api.call('insatser.saveApplication', { ...input, arendeId: inkommen.id }));
    expect(twice.message).toBe(`Ärende ${inkommen.diarienummer} har redan en ansökan.`);
    expect(twice.paths).toEqual(['arendeId']);
    expect(failure(await s.api.call('insatser.saveApplication', { ...input, arendeId: decided.id })).message).toBe(
      `Ärende ${decided.diarienummer} är redan beslutat.`,
    );
    expect(failure(await s.api.call('insatser.saveApplication', { ...input, arendeId: 999_999 })).code).toBe('NOT_FOUND');
    expect([await countRows(s, 'applications'), await countRows(s, 'arenden'), await countRows(s, 'audit_log')]).toEqual(before);
    await s.close();
  });

  it.each([
    [{ endsOn: '2018-01-01' }, 'endsOn', 'Periodens slut kan inte vara före dess början.'],
    [{ parties: [] }, 'parties', 'Ange samverkansparterna.'],
    [{ ownerMemberId: 'other' }, 'ownerMemberId', 'Insatsägaren måste vara en av samverkansparterna.'],
    [{ years: [{ year: 2019, soughtKr: -5 }] }, 'years.0.soughtKr', 'Sökt belopp kan inte vara negativt.'],
    [{ years: [{ year: 2019, soughtKr: 1000.5 }] }, 'years.0.soughtKr', 'Sökt belopp ska anges i hela kronor.'],
    [{ years: [{ year: 2024, soughtKr: 1000 }] }, 'years.0.year', '2024 ligger utanför insatsens period'],
  ])('refuses %o with a Swedish message naming the field, and writes nothing', async (change, path, message) => {
    const s = await engineSession(engine);
    const m = await memberIds(s);
    const input: Record<string, unknown> = { ...seed002(m, 0, []), kind: 'ny', insatsId: null };
    for (const [k, v] of Object.entries(change)) input[k] = v === 'other' ? m('Heby kommun') : v;
    const before = [await countRows(s, 'applications'), await countRows(s, 'arenden'), await countRows(s, 'audit_log')];
    const refused = failure(await s.api.dispatch('insatser.saveApplication', input));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.paths).toContain(path);
    expect(refused.message).toContain(message);
    expect([await countRows(s, 'applications'), await countRows(s, 'arenden'), await countRows(s, 'audit_log')]).toEqual(before);
    await s.close();
  });
});
