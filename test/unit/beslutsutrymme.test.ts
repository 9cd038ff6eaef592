import { describe, expect, it } from 'vitest';
import { checkTypedBeslutsutrymme, computeBeslutsutrymme } from '../../shared/domain/beslutsutrymme';

/**
 * Seed 003, "Ekonomisk information per 180302", in tkr. The paper does not print the
 * other costs; they follow from anslag − samverkansinsatser − årets resultat
 * (2017: 21 585 − 20 845 + 2 884 = 3 624).
 */
const YEARS = [
  { year: 2017, anslagKr: 21_585, samverkanKr: 20_845, ovrigtNettoKr: 3_624, source: 'utfall' as const },
  { year: 2018, anslagKr: 21_966, samverkanKr: 22_837, ovrigtNettoKr: 5_200, source: 'budget' as const },
  { year: 2019, anslagKr: 22_000, samverkanKr: 15_626, ovrigtNettoKr: 5_400, source: 'budget' as const },
  { year: 2020, anslagKr: 22_000, samverkanKr: 10_177, ovrigtNettoKr: 5_600, source: 'budget' as const },
  { year: 2021, anslagKr: 22_000, samverkanKr: 3_817, ovrigtNettoKr: 5_800, source: 'budget' as const },
];
const BRYGGAN = { id: 1, label: 'Tilläggsansökan Bryggan Östhammar 180301–210831', byYear: { 2018: 92, 2019: 110, 2020: 110, 2021: 73 } };

describe('beslutsutrymme (seed 003, "Ekonomisk information")', () => {
  it('reproduces the table line by line', () => {
    const t = computeBeslutsutrymme(11_440, YEARS, [BRYGGAN]);
    const line = (k: keyof (typeof t.rows)[number]) => t.rows.map((r) => r[k]);
    expect(line('fromEarlierKr')).toEqual([11_440, 8_556, 2_393, 3_257, 9_370]);
    expect(line('ingaendeKr')).toEqual([33_025, 30_522, 24_393, 25_257, 31_370]);
    expect(line('resultatKr')).toEqual([-2_884, -6_071, 974, 6_223, 12_383]);
    // The paper prints 24 453 for 2021; 9 370 + 12 383 is 21 753 (see the next test).
    expect(line('efterAktuellaKr')).toEqual([8_556, 2_485, 3_367, 9_480, 21_753]);
    expect(line('pendingKr')).toEqual([0, 92, 110, 110, 73]);
    expect(line('efterPendingKr')).toEqual([8_556, 2_393, 3_257, 9_370, 21_680]);
    expect(t.pending[0]?.totalKr).toBe(385);
  });

  it('flags the sum in the printed table that does not add up, and only that one', () => {
    const printed = [
      {
        year: 2017,
        anslag: 21_585,
        fromEarlier: 11_440,
        ingaende: 33_025,
        samverkan: 20_845,
        resultat: -2_884,
        efterAktuella: 8_556,
        pending: [],
        efterPending: 8_556,
      },
      {
        year: 2018,
        anslag: 21_966,
        fromEarlier: 8_556,
        ingaende: 30_522,
        samverkan: 22_837,
        resultat: -6_071,
        efterAktuella: 2_485,
        pending: [92],
        efterPending: 2_393,
      },
      {
        year: 2019,
        anslag: 22_000,
        fromEarlier: 2_393,
        ingaende: 24_393,
        samverkan: 15_626,
        resultat: 974,
        efterAktuella: 3_367,
        pending: [110],
        efterPending: 3_257,
      },
      {
        year: 2020,
        anslag: 22_000,
        fromEarlier: 3_257,
        ingaende: 25_257,
        samverkan: 10_177,
        resultat: 6_223,
        efterAktuella: 9_480,
        pending: [110],
        efterPending: 9_370,
      },
      {
        year: 2021,
        anslag: 22_000,
        fromEarlier: 9_370,
        ingaende: 31_370,
        samverkan: 3_817,
        resultat: 12_383,
        efterAktuella: 24_453,
        pending: [73],
        efterPending: 24_380,
      },
    ];
    const problems = checkTypedBeslutsutrymme(printed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ year: 2021, line: 'efterAktuella', expected: 21_753, printed: 24_453 });
    expect(problems[0]?.message).toBe(
      '2021: Beslutsutrymme efter aktuella finansieringsbeslut är 24453 men över-/underskott från tidigare år plus årets resultat ger 21753 (skillnad 2700).',
    );
  });

  it('lets rounding of one unit through but not more', () => {
    const col = { year: 2017, anslag: 100, fromEarlier: 50, ingaende: 151, samverkan: null, resultat: 0, efterAktuella: 50, pending: [], efterPending: 50 };
    expect(checkTypedBeslutsutrymme([col])).toEqual([]);
    expect(checkTypedBeslutsutrymme([{ ...col, ingaende: 152 }])).toHaveLength(1);
  });
});
