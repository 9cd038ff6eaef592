import { describe, expect, it } from 'vitest';
import {
  categorySplit,
  costPerParticipant,
  forbrukningskvot,
  participantProblems,
  sumByKon,
  sumParticipants,
  workStudyShare,
  workStudyShareByKon,
} from '../../shared/domain/insats-figures';

describe('insats figures', () => {
  it('förbrukningskvot is utfall over budget', () => {
    // 2017 in seed 003: 20 845 tkr used of a 21 585 tkr allocation → 0,966.
    expect(forbrukningskvot(20_845_000, 21_585_000)).toBeCloseTo(0.9657, 4);
    expect(forbrukningskvot(100, 0)).toBeNull();
  });

  it('share to work or studies is counted of those who ended', () => {
    const t = sumParticipants([
      { deltagare: 40, kvinnor: 22, man: 18, avslutade: 20, tillArbete: 5, tillStudier: 2 },
      { deltagare: 10, kvinnor: 4, man: 5, avslutade: 10, tillArbete: 3, tillStudier: 0 },
    ]);
    expect(t).toEqual({ deltagare: 50, kvinnor: 26, man: 23, avslutade: 30, tillArbete: 8, tillStudier: 2 });
    expect(workStudyShare(t)).toBeCloseTo(10 / 30, 10);
    expect(workStudyShare({ avslutade: 0, tillArbete: 0, tillStudier: 0 })).toBeNull();
    expect(costPerParticipant(1_250_000, 50)).toBe(25_000);
    expect(costPerParticipant(100_000, 3)).toBe(33_333);
  });

  it('splits granted money by kategori against the 60/30/10 guideline', () => {
    const split = categorySplit({ individ: 5_400_000, struktur: 3_000_000, kompetens: 600_000 }, { individ: 60, struktur: 30, kompetens: 10 });
    expect(split.map((s) => [s.kategori, s.share, s.deviationPoints])).toEqual([
      ['individ', 0.6, 0],
      ['struktur', 3_000_000 / 9_000_000, 3.3],
      ['kompetens', 600_000 / 9_000_000, -3.3],
    ]);
  });

  it('refuses figures that do not add up, naming the field', () => {
    expect(participantProblems({ deltagare: 10, kvinnor: 6, man: 5, avslutade: 4, tillArbete: 3, tillStudier: 2 })).toEqual([
      { path: 'kvinnor', message: 'Kvinnor och män (11) är fler än deltagarna (10).' },
      { path: 'tillArbete', message: 'Till arbete och studier (5) är fler än de avslutade (4).' },
    ]);
  });

  it('reads the share to work or studies by kön where the insatser report it', () => {
    const total = sumByKon([
      { avslutadeKvinnor: 5, avslutadeMan: 3, arbeteStudierKvinnor: 2, arbeteStudierMan: 1 },
      null,
      { avslutadeKvinnor: 5, avslutadeMan: 0, arbeteStudierKvinnor: 3, arbeteStudierMan: 0 },
    ]);
    expect(total).toEqual({ avslutadeKvinnor: 10, avslutadeMan: 3, arbeteStudierKvinnor: 5, arbeteStudierMan: 1 });
    expect(workStudyShareByKon(total ?? { avslutadeKvinnor: 0, avslutadeMan: 0, arbeteStudierKvinnor: 0, arbeteStudierMan: 0 })).toEqual({
      kvinnor: 0.5,
      man: 1 / 3,
    });
    expect(sumByKon([null, null])).toBeNull();
  });
});
