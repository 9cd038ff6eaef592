import { describe, expect, it } from 'vitest';
import { kommunPopulationShares, latestCompletePopulationYear } from '../../shared/domain/population';
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
});
