import { describe, expect, it } from 'vitest';
import { Timeline } from '../../electron/services/demo/timeline';

describe("the demo's timeline", () => {
  it('plays steps by day, a day in the order they were added, with the clock on each day; skips the future and never goes back', async () => {
    const tl = new Timeline('2026-12-07');
    const ran: string[] = [];
    const clock: string[] = [];
    const step = (name: string, then?: () => void) => async () => {
      ran.push(`${name}@${tl.day}`);
      then?.();
    };
    tl.at('2026-03-01', step('b'));
    tl.at(
      '2026-01-15',
      step('a', () => tl.at('2026-03-01', step('c, added while playing'))),
    );
    tl.at(
      '2026-03-01',
      step('d', () => tl.at('2025-01-01', step('e, asked for an earlier day'))),
    );
    tl.at('2027-01-01', step('in the future'));
    await tl.play((at) => clock.push(at.toISOString().slice(0, 10)), new Date('2026-12-07T10:00:00Z'));
    // c was added after d, while a played: on their common day it comes after d.
    expect(ran).toEqual(['a@2026-01-15', 'b@2026-03-01', 'd@2026-03-01', 'c, added while playing@2026-03-01', 'e, asked for an earlier day@2026-03-01']);
    expect(clock).toEqual(['2026-01-15', '2026-03-01', '2026-03-01', '2026-03-01', '2026-03-01', '2026-12-07']);
  });
});
