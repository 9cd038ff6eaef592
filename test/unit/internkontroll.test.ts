import { describe, expect, it } from 'vitest';
import { cellText, DEFAULT_SCALE, levelOf, occasionsFor, reportParagraphs, riskMatrix, scaleProblems, scoreProblem } from '../../shared/domain/internkontroll';

describe('risk scale and matrix', () => {
  it('colours riskvärde by the thresholds and names a score outside the scale in its words', () => {
    expect([1, 3, 4, 6, 8, 9, 12, 16].map((v) => levelOf(v, DEFAULT_SCALE).label)).toEqual([
      'Låg',
      'Låg',
      'Måttlig',
      'Måttlig',
      'Hög',
      'Hög',
      'Mycket hög',
      'Mycket hög',
    ]);
    expect(scoreProblem('konsekvens', 0, DEFAULT_SCALE)).toBe('Konsekvens ska vara ett heltal 1–4 (1 försumbar, 2 lindrig, 3 kännbar, 4 allvarlig), inte 0.');
    expect(scoreProblem('sannolikhet', 2.5, DEFAULT_SCALE)).toContain('inte 2.5');
    expect(scoreProblem('sannolikhet', 4, DEFAULT_SCALE)).toBeNull();
    expect(scaleProblems({ ...DEFAULT_SCALE, sannolikhet: ['a', 'b'] })).toEqual(['Ange 4 ord för sannolikhet.']);
  });

  it('places risks by sannolikhet (top row highest) and konsekvens, and counts a crowded cell', () => {
    const risks = [
      { id: 1, code: 'R10', title: 'a', sannolikhet: 1, konsekvens: 1 },
      { id: 2, code: 'R2', title: 'b', sannolikhet: 1, konsekvens: 1 },
      { id: 3, code: 'R3', title: 'c', sannolikhet: 1, konsekvens: 1 },
      { id: 4, code: 'R4', title: 'd', sannolikhet: 1, konsekvens: 1 },
      { id: 5, code: 'R5', title: 'e', sannolikhet: 4, konsekvens: 1 },
    ];
    const m = riskMatrix(risks, DEFAULT_SCALE);
    expect(m[3]![0]!.text).toBe('4 risker: R2, R3, R4, R10');
    expect(m[0]![0]).toMatchObject({ text: 'R5', value: 4 });
    expect(cellText(risks.slice(0, 3))).toBe('R10, R2, R3');
  });
});

describe('occasions from the frequency', () => {
  it('ends each period on its last day, and follows the board meetings of the year', () => {
    expect(
      occasionsFor('manad', 2028)
        .map((o) => o.dueOn)
        .slice(0, 3),
    ).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
    expect(occasionsFor('halvar', 2026)).toEqual([
      { dueOn: '2026-06-30', label: 'Första halvåret 2026' },
      { dueOn: '2026-12-31', label: 'Andra halvåret 2026' },
    ]);
    expect(occasionsFor('ar', 2026)).toEqual([{ dueOn: '2026-12-31', label: 'Helåret 2026' }]);
    expect(occasionsFor('styrelsemote', 2026, ['2026-09-01', '2025-12-01', '2026-02-01']).map((o) => o.dueOn)).toEqual(['2026-02-01', '2026-09-01']);
  });
});

describe('the report text', () => {
  it('says per process what was controlled, how, the result, and each avvikelse with its åtgärd', () => {
    const out = reportParagraphs([
      {
        process: 'Beslutsfattande/Delegation/Attest',
        moment: 'Delegationsbeslut anmäls till styrelsen',
        metod: 'granskning',
        occasions: [
          { label: 'Första halvåret', done: true, sample: null, items: [{ text: 'Anmälda', result: 'ok', comment: null }] },
          { label: 'Andra halvåret', done: true, sample: null, items: [{ text: 'Anmälda', result: 'ok', comment: null }] },
        ],
        deviations: [],
      },
      {
        process: 'Beslutsfattande/Delegation/Attest',
        moment: 'utbetalningsunderlag följer attestordningen',
        metod: 'stickprov',
        occasions: [{ label: 'Kvartal 1', done: true, sample: 'underlag 14, 22', items: [{ text: 'Attest', result: 'avvikelse', comment: null }] }],
        deviations: [
          {
            description: 'Underlag 22 saknade attest',
            action: 'Rutinen för attest förtydligas',
            owner: 'Förbundschefen',
            dueOn: '2026-06-30',
            status: 'oppen',
            closedOn: null,
          },
        ],
      },
    ]);
    expect(out).toEqual([
      {
        process: 'Beslutsfattande/Delegation/Attest',
        paragraphs: [
          'Internkontrollplanen anger att kontroll ska ske att delegationsbeslut anmäls till styrelsen. Granskning har gjorts vid två tillfällen under perioden. Kontrollerna visar en korrekt hantering.',
          'Internkontrollplanen anger att kontroll ska ske att utbetalningsunderlag följer attestordningen. Stickprov har gjorts vid ett tillfälle under perioden (underlag 14, 22). Kontrollerna visar en avvikelse. Underlag 22 saknade attest. Åtgärd: rutinen för attest förtydligas (Förbundschefen), pågår, klart senast 2026-06-30.',
        ],
      },
    ]);
  });
});
