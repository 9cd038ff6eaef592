import { describe, expect, it } from 'vitest';
import type { Application, InsatsDetail, Kategori } from '../../shared/contract/schemas/insatser';
import { PLACEHOLDER } from '../../shared/domain/arendeblad-templates';
import { pdftotext } from '../helpers/pdf-tools';
import { failure, firstOf, value } from '../helpers/envelope';
import { countRows, ENGINES, engineSession, type AnySession } from '../helpers/engines';

/** An insats for 2026 the whole way: intake, beredning, the board's bifall with its ärendeblad. One effektmål, one insatsmål. */
async function granted(s: AnySession, name: string, kategori: Kategori, amountKr: number): Promise<Application> {
  const members = value(await s.api.call('members.list', {}));
  const [a, b] = [firstOf(members.filter((m) => m.name === 'Östhammars kommun')), firstOf(members.filter((m) => m.name === 'Försäkringskassan'))];
  const app = value(
    await s.api.call('insatser.saveApplication', {
      kind: 'ny',
      name,
      kategori,
      parties: [a.id, b.id],
      ownerMemberId: a.id,
      effektmal: ['Minst en tredjedel av de avslutade går till arbete eller studier'],
      insatsmal: ['20 deltagare under året'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      years: [{ year: 2026, soughtKr: amountKr, participants: 20 }],
      sus: kategori === 'individ',
      lokusAgrees: true,
      receivedOn: '2025-11-01',
    }),
  );
  value(await s.api.call('insatser.checklist', { id: app.id, items: { inriktning: { ok: true }, matbara_mal: { ok: true }, budget: { ok: true } } }));
  const decided = value(await s.api.call('insatser.decide', { id: app.id, by: 'styrelse', outcome: 'bifall', decidedOn: '2025-12-10' }));
  // The board's decision came with its ärendeblad, written from the application.
  expect(decided.decision?.arendebladId).not.toBeNull();
  return decided;
}

/** A rekvisition paid out, and (unless `booked` is false) the same amount booked on the insats in the utfall. */
async function requisition(s: AnySession, insatsId: number, paidOn: string, amountKr: number, booked = true): Promise<InsatsDetail> {
  if (booked) value(await s.api.call('utfall.save', { bookedOn: paidOn, post: 'samverkan_ej_fordelat', amountKr, insatsId }));
  return value(await s.api.call('insatser.saveRequisition', { insatsId, paidOn, amountKr, periodFrom: '2026-01-01', periodTo: paidOn }));
}

describe.each(ENGINES)('uppföljning and the overview (%s)', (engine) => {
  it('computes förbrukningskvot, participants, share to work or studies, cost per participant and the split by kategori, as by hand', async () => {
    const s = await engineSession(engine);
    const bryggan = await granted(s, 'Bryggan Östhammar', 'individ', 600_000);
    const lokus = await granted(s, 'Lokussamordnare Älvkarleby', 'struktur', 350_000);
    const kompetens = await granted(s, 'Kompetensdag för lokusgrupperna', 'kompetens', 100_000);
    const b = bryggan.insatsId ?? 0;

    await requisition(s, b, '2026-04-30', 150_000);
    let detail = await requisition(s, b, '2026-08-31', 240_000);
    expect(detail.economy).toEqual([{ year: 2026, budgetKr: 600_000, utfallKr: 390_000, rekvisitionerKr: 390_000, skillnadKr: 0, kvot: 0.65 }]);
    // A rekvisition not yet in the books: the utfall (and every report) follows the books, the difference is shown.
    const unbooked = await requisition(s, b, '2026-09-30', 10_000, false);
    expect(unbooked.economy).toEqual([{ year: 2026, budgetKr: 600_000, utfallKr: 390_000, rekvisitionerKr: 400_000, skillnadKr: 10_000, kvot: 0.65 }]);
    value(await s.api.call('insatser.removeRequisition', { id: unbooked.requisitions.at(-1)!.id }));
    await requisition(s, lokus.insatsId ?? 0, '2026-06-30', 350_000);
    await requisition(s, kompetens.insatsId ?? 0, '2026-10-15', 80_000);

    const byKon = { avslutadeKvinnor: 5, avslutadeMan: 3, arbeteStudierKvinnor: 2, arbeteStudierMan: 1 };
    detail = value(
      await s.api.call('insatser.saveParticipants', {
        insatsId: b,
        year: 2026,
        deltagare: 20,
        kvinnor: 11,
        man: 9,
        avslutade: 8,
        tillArbete: 2,
        tillStudier: 1,
        byKon,
      }),
    );
    expect(detail.participants).toEqual([{ year: 2026, deltagare: 20, kvinnor: 11, man: 9, avslutade: 8, tillArbete: 2, tillStudier: 1, byKon }]);
    const goal = firstOf(detail.goals.filter((g) => g.kind === 'effektmal'));
    detail = value(await s.api.call('insatser.goalOutcome', { id: goal.id, outcome: 'delvis', note: '3 av 8 avslutade, 37,5 %' }));
    expect(detail.goals.find((g) => g.id === goal.id)).toMatchObject({ outcome: 'delvis', outcomeNote: '3 av 8 avslutade, 37,5 %' });

    value(await s.api.call('insatser.targets', { year: 2026, workStudyTarget: 0.34, guideline: { individ: 60, struktur: 30, kompetens: 10 } }));
    const o = value(await s.api.call('insatser.overview', { year: 2026 }));
    const row = o.rows.find((r) => r.name === 'Bryggan Östhammar');
    expect(row).toMatchObject({
      budgetKr: 600_000,
      utfallKr: 390_000,
      kvot: 0.65,
      deltagare: 20,
      kvinnor: 11,
      man: 9,
      avslutade: 8,
      tillArbeteStudier: 3,
      workStudyShare: 0.375,
      workStudyShareKvinnor: 0.4,
      costPerParticipant: 19_500,
    });
    expect(row?.workStudyShareMan).toBeCloseTo(1 / 3, 10);
    // Utfall 150 000 + 240 000 + 350 000 + 80 000 = 820 000 of 1 050 000; 820 000 / 20 deltagare = 41 000.
    expect(o.total).toMatchObject({
      budgetKr: 1_050_000,
      utfallKr: 820_000,
      deltagare: 20,
      avslutade: 8,
      tillArbeteStudier: 3,
      workStudyShare: 0.375,
      costPerParticipant: 41_000,
    });
    expect(o.total.kvot).toBeCloseTo(820 / 1050, 10);
    expect(o.workStudyTarget).toBe(0.34);
    expect(o.split.map((x) => [x.kategori, x.grantedKr, x.deviationPoints])).toEqual([
      ['individ', 600_000, -2.9],
      ['struktur', 350_000, 3.3],
      ['kompetens', 100_000, -0.5],
    ]);

    // The utvärderings-PM carries the same figures, and leaves the styrgrupper's account to the writer.
    const pm = value(await s.api.call('insatser.pm', { year: 2026, halvar: 2 }));
    expect(pm.rubrik).toBe('Utvärderings-PM helåret 2026');
    expect(pm.problems).toEqual([
      'Fyll i «Styrgruppernas möten, kontroller av metod och målgrupp, jämställdhets- och jämlikhetsarbete.» (Kvalitetssäkring av insatsen).',
    ]);
    const filled = {
      ...pm.content,
      sections: pm.content.sections.map((sec) => ({
        ...sec,
        blocks: sec.blocks.map((b) => (b.type === 'stycke' ? { ...b, text: b.text.replace(PLACEHOLDER, 'Styrgrupperna har mötts varje kvartal.') } : b)),
      })),
    };
    value(await s.api.call('arendeblad.save', { id: pm.id, revision: pm.revision, organ: pm.organ, rubrik: pm.rubrik, datum: pm.datum, content: filled }));
    const text = pdftotext(Buffer.from(value(await s.api.call('arendeblad.pdf', { id: pm.id })).contentBase64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toContain('Av de åtta avslutade deltagarna gick 37,5 % till arbete eller studier, mot förbundets mål 34 %.');
    expect(text).toContain('att lägga utvärderings-PM för helåret 2026 till handlingarna');
    expect(text).toContain('Uppdelat på kön gick 40,0 % av de avslutade kvinnorna och 33,3 % av de avslutade männen till arbete eller studier.');
    expect(text).toMatch(/Bryggan Östhammar 600 000 390 000 65,0 %/);
    expect(text).toMatch(/Totalt 20 11 9 8 3 41 000/);
    const goalsTable = pm.content.sections.flatMap((sec) => sec.blocks).find((b) => b.type === 'tabell' && b.caption === 'Måluppfyllelse per insats');
    expect(goalsTable?.type === 'tabell' && goalsTable.rows).toContainEqual([
      'Bryggan Östhammar',
      'Effektmål: Minst en tredjedel av de avslutade går till arbete eller studier',
      'Delvis uppfyllt',
    ]);
    await s.close();
  });

  it('refuses participant figures that do not add up, a requisition outside the period, and an avvikelse without text; nothing is written', async () => {
    const s = await engineSession(engine);
    const app = await granted(s, 'Bryggan Östhammar', 'individ', 600_000);
    const insatsId = app.insatsId ?? 0;
    const before = [
      await countRows(s, 'participant_figures'),
      await countRows(s, 'requisitions'),
      await countRows(s, 'insats_reports'),
      await countRows(s, 'audit_log'),
    ];

    const tooMany = failure(
      await s.api.call('insatser.saveParticipants', { insatsId, year: 2026, deltagare: 10, kvinnor: 6, man: 5, avslutade: 4, tillArbete: 1, tillStudier: 0 }),
    );
    expect(tooMany).toMatchObject({ code: 'VALIDATION', paths: ['kvinnor'] });
    expect(tooMany.message).toContain('Kvinnor och män (11) är fler än deltagarna (10).');
    const workStudy = failure(
      await s.api.call('insatser.saveParticipants', { insatsId, year: 2026, deltagare: 10, kvinnor: 5, man: 5, avslutade: 4, tillArbete: 3, tillStudier: 2 }),
    );
    expect(workStudy.paths).toEqual(['tillArbete']);
    const kon = failure(
      await s.api.call('insatser.saveParticipants', {
        insatsId,
        year: 2026,
        deltagare: 10,
        kvinnor: 5,
        man: 5,
        avslutade: 4,
        tillArbete: 2,
        tillStudier: 0,
        byKon: { avslutadeKvinnor: 2, avslutadeMan: 2, arbeteStudierKvinnor: 3, arbeteStudierMan: 0 },
      }),
    );
    expect(kon.paths).toContain('byKon.arbeteStudierKvinnor');
    expect(kon.message).toContain('Kvinnor till arbete eller studier (3) är fler än de avslutade kvinnorna (2).');

    expect(
      failure(
        await s.api.call('insatser.saveRequisition', { insatsId, paidOn: '2026-05-01', amountKr: -100, periodFrom: '2026-01-01', periodTo: '2026-04-30' }),
      ).message,
    ).toContain('Belopp kan inte vara negativt.');
    expect(
      failure(
        await s.api.call('insatser.saveRequisition', { insatsId, paidOn: '2026-05-01', amountKr: 100.5, periodFrom: '2026-01-01', periodTo: '2026-04-30' }),
      ).message,
    ).toContain('hela kronor');
    expect(
      failure(await s.api.call('insatser.saveRequisition', { insatsId, paidOn: '2027-02-01', amountKr: 100, periodFrom: '2026-10-01', periodTo: '2027-01-31' }))
        .message,
    ).toContain('utanför insatsens period');
    expect(failure(await s.api.call('insatser.report', { insatsId, kind: 'avvikelse', receivedOn: '2026-05-01' })).paths).toEqual(['text']);

    expect([
      await countRows(s, 'participant_figures'),
      await countRows(s, 'requisitions'),
      await countRows(s, 'insats_reports'),
      await countRows(s, 'audit_log'),
    ]).toEqual(before);

    const reported = value(
      await s.api.call('insatser.report', {
        insatsId,
        kind: 'avvikelse',
        receivedOn: '2026-05-01',
        text: 'Lokalen blev inte klar i tid; starten flyttas en månad.',
      }),
    );
    expect(reported.reports).toHaveLength(1);
    const ended = value(await s.api.call('insatser.update', { id: insatsId, status: 'avslutad', styrgrupp: 'Östhammars kommun (ordf.), Försäkringskassan' }));
    expect(ended).toMatchObject({ status: 'avslutad', styrgrupp: 'Östhammars kommun (ordf.), Försäkringskassan' });
    await s.close();
  });
});
