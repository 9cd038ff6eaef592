import { describe, expect, it } from 'vitest';
import { kommunPopulationShares, latestCompletePopulationYear, newerPopulationNote } from '../../shared/domain/population';
import type { Member } from '../../shared/contract/schemas/members';

function kommun(id: number, pops: Record<number, number>): Member {
  return {
    id,
    name: `K${id}`,
    shortName: null,
    kind: 'kommun',
    orgNr: '212000-0000',
    populations: Object.entries(pops).map(([year, population]) => ({ year: Number(year), population })),
    createdAt: '',
    updatedAt: '',
  };
}

describe('kommunernas folkmängd', () => {
  it('finds the newest year every kommun has', () => {
    const members = [kommun(1, { 2016: 10, 2017: 11 }), kommun(2, { 2016: 20 })];
    expect(latestCompletePopulationYear(members)).toBe(2016);
    expect(latestCompletePopulationYear([])).toBeNull();
    expect(latestCompletePopulationYear([kommun(1, {})])).toBeNull();
  });

  it('gives shares that add up to one', () => {
    const { total, rows } = kommunPopulationShares([kommun(1, { 2017: 30 }), kommun(2, { 2017: 10 })], 2017);
    expect(total).toBe(40);
    expect(rows.map((r) => r.share)).toEqual([0.75, 0.25]);
  });

  it("says why the common year is older than a kommun's newest figure, and is silent when it is not", () => {
    const members = [kommun(1, { 2017: 10, 2025: 12 }), kommun(2, { 2017: 20 }), kommun(3, { 2017: 5 })];
    expect(newerPopulationNote(members, 2017)).toBe(
      'Visar 1 november 2017, det senaste år då alla kommuner har en siffra. K1 har även 2025; skriv in 2025 för K2 och K3 under Register → Medlemmar så används det året.',
    );
    expect(newerPopulationNote([kommun(1, { 2017: 10 }), kommun(2, { 2017: 20 })], 2017)).toBeNull();
  });
});
