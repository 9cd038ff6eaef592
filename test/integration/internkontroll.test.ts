import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { RiskYearView } from '../../shared/contract/schemas/internkontroll';
import { artifactPath } from '../helpers/browser';
import { failure, value } from '../helpers/envelope';
import type { MethodInput } from '../../shared/contract/methods';
import { newMeeting } from '../helpers/meetings';
import { pdftotext, writeTemp } from '../helpers/pdf-tools';
import { countRows, ENGINES, engineSession, first, rows, type AnySession } from '../helpers/engines';

/** The yearly cycle on a real database: risks → matrix → plan → occasions → checklist with an avvikelse → åtgärd closed → the report. */

const RISK = { year: 2026, owner: 'Förbundschefen', hantering: 'kontroll' as const };

async function risk(
  s: AnySession,
  title: string,
  process: string,
  sannolikhet: number,
  konsekvens: number,
  extra: Record<string, unknown> = {},
): Promise<RiskYearView> {
  return value(await s.api.call('internkontroll.saveRisk', { ...RISK, title, process, sannolikhet, konsekvens, ...extra }));
}

const idOf = (a: RiskYearView, code: string) => a.risks.find((r) => r.code === code)!.id;

describe.each(ENGINES)('riskanalys and internkontroll, the yearly cycle (%s)', (engine) => {
  it('scores risks on the scale and places them in the matrix, a crowded cell showing a count', async () => {
    const s = await engineSession(engine);
    try {
      await risk(s, 'Budgeten överskrids', 'Ekonomi/budget', 2, 4, { orsak: 'Insatser förbrukar mer än beviljat' });
      for (const t of ['Faktura utan avtal', 'Attest utan delegation', 'Delegationsbeslut anmäls inte', 'Projektplan följs inte'])
        await risk(s, t, 'Upphandling/avtal', 2, 2);
      const a = await risk(s, 'Målen i verksamhetsplanen nås inte', 'Verksamhetsmål', 3, 3, {
        hantering: 'accepterad',
        hanteringText: 'Målen ägs av parterna; följs upp i delårsrapporten.',
      });
      expect(a.risks.map((r) => [r.code, r.value, r.level.label])).toEqual(
        [
          ['R1', 8, 'Hög'],
          ['R6', 9, 'Hög'],
          ['R2', 4, 'Måttlig'],
          ['R3', 4, 'Måttlig'],
          ['R4', 4, 'Måttlig'],
          ['R5', 4, 'Måttlig'],
        ].sort((x, y) => (y[1] as number) - (x[1] as number)),
      );
      // Rows from the highest sannolikhet down: row index 4 − s, column k − 1.
      expect(a.matrix[4 - 2]![4 - 1]!.text).toBe('R1');
      expect(a.matrix[4 - 2]![2 - 1]!.text).toBe('4 risker: R2, R3, R4, R5');
      expect(a.matrix[4 - 3]![3 - 1]).toMatchObject({ text: 'R6', value: 9 });
      expect(a.matrix[0]![3]).toMatchObject({ value: 16, level: { label: 'Mycket hög' } });

      const before = await countRows(s, 'risks');
      const out = failure(await s.api.call('internkontroll.saveRisk', { ...RISK, title: 'X', process: 'Ekonomi/budget', sannolikhet: 5, konsekvens: 2 }));
      expect(out.paths).toEqual(['sannolikhet']);
      expect(out.message).toBe('Sannolikhet ska vara ett heltal 1–4 (1 osannolik, 2 mindre sannolik, 3 möjlig, 4 sannolik), inte 5.');
      const accept = failure(
        await s.api.call('internkontroll.saveRisk', { ...RISK, title: 'X', process: 'Ekonomi/budget', sannolikhet: 1, konsekvens: 1, hantering: 'accepterad' }),
      );
      expect(accept.message).toContain('Ange skälet till att risken accepteras.');
      expect(await countRows(s, 'risks')).toBe(before);

      // The scale is the förbund's: other words and thresholds show in the matrix; a scale that cannot hold the risks is refused.
      const scale = value(await s.api.call('internkontroll.scale', {}));
      const mine = {
        ...scale,
        konsekvens: ['Liten', 'Märkbar', 'Stor', 'Mycket stor'],
        levels: [
          { upTo: 4, label: 'Låg', color: '#88cc88' },
          { upTo: 16, label: 'Hög', color: '#dd4444' },
        ],
      };
      value(await s.api.call('internkontroll.saveScale', mine));
      const again = value(await s.api.call('internkontroll.risks', { year: 2026 }));
      expect(again.scale.konsekvens[3]).toBe('Mycket stor');
      expect(again.risks.find((r) => r.code === 'R1')?.level.label).toBe('Hög');
      expect(again.risks.find((r) => r.code === 'R2')?.level.label).toBe('Låg');
      expect(
        failure(
          await s.api.call('internkontroll.saveScale', {
            ...mine,
            size: 3,
            sannolikhet: ['a', 'b', 'c'],
            konsekvens: ['a', 'b', 'c'],
            levels: [{ upTo: 9, label: 'x', color: '#000000' }],
          }),
        ).message,
      ).toContain('Skalan kan inte göras mindre: R1 (2026)');
      expect(failure(await s.api.call('internkontroll.saveScale', { ...mine, levels: [{ upTo: 9, label: 'x', color: '#000000' }] })).message).toContain(
        'Den högsta nivån ska räcka till riskvärdet 16.',
      );
    } finally {
      await s.close();
    }
  });

  it('runs the plan, a checklist with an avvikelse, its åtgärd closed, and writes the report with what was found', async () => {
    const s = await engineSession(engine);
    try {
      const a1 = await risk(s, 'Fakturor betalas utan avtal', 'Upphandling/avtal', 2, 3);
      const a2 = await risk(s, 'Utfallet avviker från budget utan att styrelsen vet', 'Ekonomi/budget', 2, 4);
      const plan = (
        body: Omit<MethodInput<'internkontroll.saveControl'>, 'year' | 'checklist' | 'ansvarig'> & Partial<MethodInput<'internkontroll.saveControl'>>,
      ) =>
        s.api.call('internkontroll.saveControl', {
          year: 2026,
          checklist: ['Fakturan har ett avtal', 'Beloppet följer avtalet'],
          ansvarig: 'Ekonomihandläggaren',
          ...body,
        });

      // A control without a risk or an owner is refused.
      expect(
        failure(await plan({ process: 'Upphandling/avtal', moment: 'fakturor följer ingångna avtal', riskId: null, metod: 'stickprov', frekvens: 'kvartal' }))
          .message,
      ).toContain('Välj vilken risk kontrollmomentet svarar mot.');
      expect(
        failure(
          await plan({
            process: 'Upphandling/avtal',
            moment: 'fakturor följer ingångna avtal',
            riskId: idOf(a1, 'R1'),
            metod: 'stickprov',
            frekvens: 'kvartal',
            ansvarig: '',
          }),
        ).message,
      ).toContain('Ange ansvarig.');
      expect(await countRows(s, 'controls')).toBe(0);

      value(
        await plan({ process: 'Upphandling/avtal', moment: 'fakturor följer ingångna avtal', riskId: idOf(a1, 'R1'), metod: 'stickprov', frekvens: 'kvartal' }),
      );
      value(
        await plan({
          process: 'Ekonomi/budget',
          moment: 'utfall mot budget redovisas för styrelsen',
          riskId: idOf(a2, 'R2'),
          metod: 'avstamning',
          frekvens: 'styrelsemote',
          checklist: ['Budget mot utfall finns i handlingarna'],
        }),
      );

      // "Varje styrelsemöte" follows the board's meetings in the register (the demo has one too).
      await newMeeting(s, '2026-03-12');
      await newMeeting(s, '2026-06-11');
      const meetings = (
        (await rows(s, sql`SELECT held_on FROM meetings WHERE body = 'styrelse' AND held_on LIKE '2026-%' ORDER BY held_on`)) as { held_on: string }[]
      ).map((m) => m.held_on);
      const before = (date: string) => meetings.filter((m) => m < date);
      const p = value(await s.api.call('internkontroll.generateOccasions', { year: 2026 }));
      const fakturor = p.controls.find((c) => c.metod === 'stickprov')!;
      expect(fakturor.occasions.map((o) => [o.label, o.dueOn])).toEqual([
        ['Kvartal 1 2026', '2026-03-31'],
        ['Kvartal 2 2026', '2026-06-30'],
        ['Kvartal 3 2026', '2026-09-30'],
        ['Kvartal 4 2026', '2026-12-31'],
      ]);
      expect(p.controls.find((c) => c.metod === 'avstamning')!.occasions.map((o) => o.dueOn)).toEqual(meetings);
      // Generating again adds nothing.
      expect(value(await s.api.call('internkontroll.generateOccasions', { year: 2026 })).controls.flatMap((c) => c.occasions)).toHaveLength(
        4 + meetings.length,
      );

      const q1 = fakturor.occasions[0]!;
      let o = value(await s.api.call('internkontroll.occasion', { id: q1.id }));
      expect(o.items.map((i) => i.text)).toEqual(['Fakturan har ett avtal', 'Beloppet följer avtalet']);
      o = value(
        await s.api.call('internkontroll.saveOccasion', {
          id: q1.id,
          sample: 'fakturor 2026-0112, 2026-0187',
          items: [
            { id: o.items[0]!.id, result: 'ok', comment: null },
            { id: o.items[1]!.id, result: null, comment: null },
          ],
        }),
      );
      const unanswered = failure(await s.api.call('internkontroll.signOff', { id: q1.id, doneOn: '2026-04-10' }));
      expect(unanswered.message).toBe('Checklistan kan inte avslutas: punkten ”Beloppet följer avtalet” är inte besvarad.');
      o = value(
        await s.api.call('internkontroll.saveOccasion', {
          id: q1.id,
          sample: 'fakturor 2026-0112, 2026-0187',
          items: [{ id: o.items[1]!.id, result: 'avvikelse', comment: 'Faktura 2026-0187 är 12 000 kr över avtalat pris.' }],
        }),
      );
      expect(failure(await s.api.call('internkontroll.signOff', { id: q1.id, doneOn: '2026-04-10' })).message).toContain('Registrera en åtgärd för avvikelsen');
      o = value(
        await s.api.call('internkontroll.saveDeviation', {
          occasionId: q1.id,
          itemId: o.items[1]!.id,
          description: 'Faktura 2026-0187 översteg avtalat pris med 12 000 kr',
          action: 'Kreditfaktura begärs från leverantören',
          owner: 'Förbundschefen',
          dueOn: '2026-05-15',
        }),
      );
      // Evidence from the diarium on the item that was fine.
      const arende = ((await first(s, sql`SELECT id FROM arenden ORDER BY id LIMIT 1`)) as { id: number }).id;
      const doc = value(
        await s.api.call('documents.add', {
          arendeId: arende,
          fileName: 'avtal-städ.txt',
          title: 'Avtal städtjänster 2026',
          contentBase64: Buffer.from('Avtal').toString('base64'),
        }),
      );
      o = value(
        await s.api.call('internkontroll.saveOccasion', {
          id: q1.id,
          sample: 'fakturor 2026-0112, 2026-0187',
          items: [{ id: o.items[0]!.id, result: 'ok', comment: null, documentId: doc.id }],
        }),
      );
      expect(o.items[0]).toMatchObject({ documentId: doc.id, documentTitle: 'Avtal städtjänster 2026' });
      o = value(await s.api.call('internkontroll.signOff', { id: q1.id, doneOn: '2026-04-10' }));
      expect(o).toMatchObject({ signedOff: true, doneOn: '2026-04-10' });
      expect(o.doneBy).toContain('testare');
      // A signed-off checklist stays as it was signed (the database refuses it too).
      expect(failure(await s.api.call('internkontroll.saveOccasion', { id: q1.id, sample: 'ändrat', items: [] })).message).toContain(
        'redan avslutad och signerad',
      );
      await expect(rows(s, sql`UPDATE occasion_items SET result = 'ok' WHERE occasion_id = ${q1.id}`)).rejects.toThrow(/occasion_signed_off/);

      // Overdue on Översikt: Q2 is past and not done, the åtgärd is past its date.
      const late = value(await s.api.call('internkontroll.overdue', { today: '2026-07-01' }));
      expect(late.occasions.map((x) => x.label)).toEqual([
        ...before('2026-06-30').map((m) => `Styrelsemöte ${m}`),
        'Kvartal 2 2026',
        ...before('2026-07-01')
          .filter((m) => m >= '2026-06-30')
          .map((m) => `Styrelsemöte ${m}`),
      ]);
      expect(late.deviations.map((d) => d.description)).toEqual(['Faktura 2026-0187 översteg avtalat pris med 12 000 kr']);

      expect(value(await s.api.call('internkontroll.deviations', { year: 2026 })).map((d) => [d.moment, d.occasionLabel, d.status])).toEqual([
        ['fakturor följer ingångna avtal', 'Kvartal 1 2026', 'oppen'],
      ]);
      o = value(await s.api.call('internkontroll.closeDeviation', { id: o.deviations[0]!.id, closedOn: '2026-05-02', note: 'Kreditfaktura mottagen' }));
      expect(o.deviations[0]).toMatchObject({ status: 'stangd', closedOn: '2026-05-02' });
      expect(value(await s.api.call('internkontroll.overdue', { today: '2026-07-01' })).deviations).toEqual([]);

      const blad = value(await s.api.call('internkontroll.arendeblad', { kind: 'uppfoljning', year: 2026, period: 'delar' }));
      expect(blad.rubrik).toBe('Uppföljning av internkontrollplan 2026 – delårsrapport');
      const text = JSON.stringify(blad.content);
      expect(text).toContain(
        'Internkontrollplanen anger att kontroll ska ske att fakturor följer ingångna avtal. Stickprov har gjorts vid ett av två planerade tillfällen under perioden (fakturor 2026-0112, 2026-0187). Kontrollerna visar en avvikelse. Faktura 2026-0187 översteg avtalat pris med 12 000 kr. Åtgärd: kreditfaktura begärs från leverantören (Förbundschefen), åtgärdat 2026-05-02.',
      );
      expect(text).toContain(
        `Internkontrollplanen anger att kontroll ska ske att utfall mot budget redovisas för styrelsen. Kontrollen har ännu inte genomförts (${['noll', 'ett', 'två', 'tre', 'fyra'][before('2026-09-01').length]} tillfällen planerade).`,
      );
      expect(text).toContain('"Upphandling/avtal"');
      const pdf = Buffer.from(value(await s.api.call('arendeblad.pdf', { id: blad.id })).contentBase64, 'base64');
      expect(pdftotext(pdf).replace(/\s+/g, ' ')).toContain('Kontrollerna visar en avvikelse. Faktura 2026-0187 översteg avtalat pris med 12 000 kr.');
      fs.writeFileSync(artifactPath('uppfoljning-internkontroll.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '70', '-png', writeTemp(pdf, 'uppfoljning.pdf'), artifactPath('uppfoljning-internkontroll')]);
    } finally {
      await s.close();
    }
  });

  it('starts next year from this year, shows the change per risk, and puts the matrix whole in the PDF', async () => {
    const s = await engineSession(engine);
    try {
      for (const [t, p, sa, k] of [
        ['Budgeten överskrids', 'Ekonomi/budget', 3, 4],
        ['Fakturor betalas utan avtal', 'Upphandling/avtal', 2, 3],
        ['Delegationsbeslut anmäls inte', 'Beslutsfattande/Delegation/Attest', 2, 2],
        ['Projektplaner följs inte', 'Finansierade insatser', 2, 2],
        ['Insatsernas mål nås inte', 'Finansierade insatser', 2, 2],
        ['Styrgrupper möts inte', 'Finansierade insatser', 2, 2],
      ] as const) {
        await risk(s, t, p, sa, k);
      }
      const a = value(await s.api.call('internkontroll.risks', { year: 2026 }));
      value(
        await s.api.call('internkontroll.saveControl', {
          year: 2026,
          process: 'Ekonomi/budget',
          moment: 'utfall mot budget redovisas för styrelsen',
          riskId: idOf(a, 'R1'),
          metod: 'avstamning',
          frekvens: 'kvartal',
          ansvarig: 'Förbundschefen',
          checklist: ['Budget mot utfall i handlingarna'],
        }),
      );
      const next = value(await s.api.call('internkontroll.copyYear', { fromYear: 2026, toYear: 2027 }));
      expect(next.controls.map((c) => [c.riskCode, c.moment])).toEqual([['R1', 'utfall mot budget redovisas för styrelsen']]);
      expect(failure(await s.api.call('internkontroll.copyYear', { fromYear: 2026, toYear: 2027 })).message).toContain('har redan påbörjats');
      let b = value(await s.api.call('internkontroll.risks', { year: 2027 }));
      const r1 = b.risks.find((r) => r.code === 'R1')!;
      b = value(
        await s.api.call('internkontroll.saveRisk', {
          id: r1.id,
          year: 2027,
          title: r1.title,
          process: r1.process,
          sannolikhet: 2,
          konsekvens: 4,
          owner: r1.owner,
          hantering: 'kontroll',
        }),
      );
      expect(b.risks.find((r) => r.code === 'R1')).toMatchObject({ value: 8, previous: { year: 2026, value: 12 }, change: -4 });
      expect(b.risks.find((r) => r.code === 'R2')).toMatchObject({ change: 0 });

      const blad = value(await s.api.call('internkontroll.arendeblad', { kind: 'riskanalys', year: 2027 }));
      expect(blad.rubrik).toBe('Riskanalys och internkontrollplan 2027');
      expect(blad.content.forslag.punkter).toEqual(['anta riskanalys och internkontrollplan för 2027']);
      const matrix = blad.content.sections[0]!.blocks.find((x) => x.type === 'riskmatris');
      expect(matrix && matrix.type === 'riskmatris' ? matrix.cells[2]![1]!.text : null).toBe('4 risker: R3, R4, R5, R6');
      const pdf = value(await s.api.call('arendeblad.pdf', { id: blad.id }));
      const bytes = Buffer.from(pdf.contentBase64, 'base64');
      const text = pdftotext(bytes).replace(/\u00a0/g, ' ');
      for (const word of ['Riskmatris 2027', 'Sannolikhet', 'Konsekvens', 'Allvarlig', 'Osannolik', '4 risker: R3, R4,', 'R1', 'Internkontrollplan 2027'])
        expect(text).toContain(word);
      expect(text).toMatch(/R1\s+Budgeten överskrids\s+Ekonomi\/budget\s+2\s+4\s+8\s+−4\s+Kontroll/);
      // Look at the pages as a reader would.
      fs.writeFileSync(artifactPath('riskanalys.pdf'), bytes);
      execFileSync('pdftoppm', ['-r', '70', '-png', writeTemp(bytes, 'riskanalys.pdf'), artifactPath('riskanalys')]);

      // "Varje styrelsemöte" needs the year's meetings.
      value(
        await s.api.call('internkontroll.saveControl', {
          year: 2027,
          process: 'Ekonomi/budget',
          moment: 'budget mot utfall i handlingarna',
          riskId: idOf(b, 'R1'),
          metod: 'avstamning',
          frekvens: 'styrelsemote',
          ansvarig: 'Förbundschefen',
          checklist: ['Finns'],
        }),
      );
      expect(failure(await s.api.call('internkontroll.generateOccasions', { year: 2027 })).message).toContain('Det finns inga styrelsemöten 2027 i registret.');

      // An occasion in a closed year is refused.
      value(await s.api.call('years.close', { year: 2025 }));
      value(
        await s.api.call('internkontroll.saveRisk', { ...RISK, year: 2025, title: 'Gammal risk', process: 'Ekonomi/budget', sannolikhet: 1, konsekvens: 1 }),
      );
      const old = value(await s.api.call('internkontroll.risks', { year: 2025 }));
      value(
        await s.api.call('internkontroll.saveControl', {
          year: 2025,
          process: 'Ekonomi/budget',
          moment: 'x',
          riskId: old.risks[0]!.id,
          metod: 'granskning',
          frekvens: 'ar',
          ansvarig: 'Förbundschefen',
          checklist: ['y'],
        }),
      );
      expect(failure(await s.api.call('internkontroll.generateOccasions', { year: 2025 })).message).toBe(
        'År 2025 är stängt. Inga kontrolltillfällen kan läggas in i ett stängt år.',
      );
      expect(await countRows(s, 'control_occasions')).toBe(0);

      const xlsx = value(await s.api.call('internkontroll.export', { year: 2027 }));
      expect(xlsx.rows).toBe(8);
    } finally {
      await s.close();
    }
  });
});
