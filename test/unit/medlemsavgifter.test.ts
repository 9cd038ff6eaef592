import { describe, expect, it } from 'vitest';
import { DEMO_MEMBERS } from '../../db/seed/demo';
import { feeProblems, largestRemainder, splitFee, type FeeMember } from '../../shared/domain/medlemsavgifter';

/** The demo förbund's members with folkmängd 1 november `year`. */
function members(year: number): FeeMember[] {
  return DEMO_MEMBERS.map((m, i) => ({ id: i + 1, name: m.shortName, kind: m.kind, population: m.populations?.[year] ?? null }));
}

function byName(split: ReturnType<typeof splitFee>): Record<string, number> {
  return Object.fromEntries(split.shares.map((s) => [s.name, s.amountKr]));
}

describe('medlemsavgifter: the split of the total (seed 003)', () => {
  it('reproduces "Medlemsavgifter 2018 per medlem" to the krona, both columns', () => {
    const y2018 = splitFee(21_966_000, members(2017));
    expect([y2018.statKr, y2018.regionKr, y2018.kommunerKr]).toEqual([10_983_000, 5_491_500, 5_491_500]);
    expect(byName(y2018)).toMatchObject({
      FK: 10_983_000,
      AF: 0,
      Region: 5_491_500,
      Håbo: 313_551,
      Älvkarleby: 140_369,
      Knivsta: 267_741,
      Heby: 206_472,
      Tierp: 311_834,
      Uppsala: 3_272_264,
      Enköping: 651_677,
      Östhammar: 327_592,
    });

    // The 2017 column: an odd half, so the region gets the odd krona and the kommuner the rest.
    const y2017 = splitFee(21_585_170, members(2016));
    expect([y2017.statKr, y2017.regionKr, y2017.kommunerKr]).toEqual([10_792_585, 5_396_293, 5_396_292]);
    expect(byName(y2017)).toMatchObject({
      Håbo: 308_876,
      Älvkarleby: 140_435,
      Knivsta: 258_334,
      Heby: 206_232,
      Tierp: 310_435,
      Uppsala: 3_205_058,
      Enköping: 640_634,
      Östhammar: 326_288,
    });
  });

  it('reproduces the preliminary 2019 table (22 000 000 kr on the same folkmängd)', () => {
    const y2019 = splitFee(22_000_000, members(2017));
    expect(byName(y2019)).toMatchObject({
      Håbo: 314_036,
      Älvkarleby: 140_586,
      Knivsta: 268_155,
      Heby: 206_792,
      Tierp: 312_317,
      Uppsala: 3_277_329,
      Enköping: 652_686,
      Östhammar: 328_099,
    });
  });

  it('gives an odd krona of the total to the state, and every part adds up exactly', () => {
    const s = splitFee(21_585_171, members(2016));
    expect([s.statKr, s.regionKr, s.kommunerKr]).toEqual([10_792_586, 5_396_293, 5_396_292]);
    expect(s.shares.reduce((sum, x) => sum + x.amountKr, 0)).toBe(21_585_171);
  });

  it('largest remainder always adds up to the total, whatever the weights', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let n = 0; n < 500; n++) {
      const weights = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => 1 + Math.floor(rnd() * 1_000_000));
      const total = Math.floor(rnd() * 50_000_000);
      const parts = largestRemainder(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1));
    }
  });

  it('names what stops a split: total, missing or negative folkmängd, no region', () => {
    expect(feeProblems(0, members(2017), 2017).map((p) => p.path)).toContain('totalKr');
    expect(feeProblems(1.5, members(2017), 2017).map((p) => p.path)).toContain('totalKr');
    const missing = feeProblems(22_000_000, members(2015), 2015);
    expect(missing).toHaveLength(8);
    expect(missing[0]?.message).toBe('Enköping saknar folkmängd 1 november 2015. Ange den under Register → Medlemmar.');
    const negative = members(2017).map((m) => (m.name === 'Heby' ? { ...m, population: -5 } : m));
    expect(feeProblems(22_000_000, negative, 2017).map((p) => p.message)).toEqual([
      'Heby saknar folkmängd 1 november 2017. Ange den under Register → Medlemmar.',
    ]);
    expect(
      feeProblems(
        22_000_000,
        members(2017).filter((m) => m.kind !== 'region'),
        2017,
      ).map((p) => p.message),
    ).toEqual(['Förbundet har ingen region i registret.']);
  });
});
