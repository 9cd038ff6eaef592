import { describe, expect, it } from 'vitest';
import { backupsToKeep, isoWeekKey, type DatedBackup } from '../../shared/domain/backup-rotation';

/** A backup at start and at close every day from 2026-01-01 for `days` days (local time). */
function twiceADay(days: number): DatedBackup[] {
  const out: DatedBackup[] = [];
  for (let d = 0; d < days; d++) {
    for (const hour of [8, 17]) {
      const at = new Date(2026, 0, 1 + d, hour, 0, 0);
      out.push({ name: at.toISOString(), at, manual: false });
    }
  }
  return out;
}

describe('rotation of automatic backups', () => {
  it('keeps the latest, then one a day, a week and a month', () => {
    const all = twiceADay(120); // 2026-01-01 … 2026-04-30
    const keep = backupsToKeep(all, { recent: 3, daily: 7, weekly: 4, monthly: 3 });
    const kept = all.filter((b) => keep.has(b.name)).map((b) => b.at);
    const stamp = (d: Date) => `${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}`;
    // The three latest (30 April evening and morning, 29 April evening).
    expect(kept.slice(-3).map(stamp)).toEqual(['4-29 17', '4-30 8', '4-30 17']);
    // One a day for the last seven days: the evening's.
    for (const day of [24, 25, 26, 27, 28, 29, 30]) expect(kept.map(stamp)).toContain(`4-${day} 17`);
    // The newest of each of the last four ISO weeks and three months.
    expect(new Set(kept.map((d) => isoWeekKey(d))).size).toBeGreaterThanOrEqual(4);
    expect(kept.map(stamp)).toEqual(expect.arrayContaining(['3-31 17', '2-28 17']));
    // Nothing older than that: January is gone.
    expect(kept.some((d) => d.getMonth() === 0)).toBe(false);
    expect(keep.size).toBeLessThan(3 + 7 + 4 + 3 + 1);
  });

  it('never removes a backup made by hand, and always keeps at least the newest', () => {
    const all = twiceADay(30);
    const manual: DatedBackup = { name: 'för hand', at: new Date(2026, 0, 2, 12), manual: true };
    const keep = backupsToKeep([...all, manual], { recent: 1, daily: 0, weekly: 0, monthly: 0 });
    expect([...keep].sort()).toEqual([all.at(-1)!.name, 'för hand'].sort());
  });

  it('numbers weeks as ISO 8601 does (Monday first; week 1 holds the first Thursday)', () => {
    expect(isoWeekKey(new Date(2026, 11, 2))).toBe('2026-W49');
    expect(isoWeekKey(new Date(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeekKey(new Date(2024, 11, 30))).toBe('2025-W01');
  });
});
