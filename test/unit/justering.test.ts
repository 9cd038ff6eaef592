import { describe, expect, it } from 'vitest';
import { addDays, protokollDates, weekendName } from '../../shared/domain/justering';

describe('protokoll dates', () => {
  it('counts 14 days to justering, 2 to the anslag and 21 to the end of the appeal period', () => {
    const d = protokollDates('2018-03-16', '2018-03-23', '2018-03-26', '2018-03-26');
    expect(d).toMatchObject({ justeraSenast: '2018-03-30', anslaSenast: '2018-03-25', overklagaSenast: '2018-04-16', anslagTasNed: '2018-04-17' });
    // The anslag went up a day late, and the last anslag day was a Sunday: both are said, not hidden.
    expect(d.notes).toContain('Anslaget sattes upp 2018-03-26, efter sista dagen 2018-03-25.');
    expect(d.notes.some((n) => n.startsWith('Sista dag för anslag (2018-03-25) är en söndag.'))).toBe(true);
  });

  it('crosses months and leap days', () => {
    expect(addDays('2024-02-20', 14)).toBe('2024-03-05');
    expect(addDays('2023-02-20', 14)).toBe('2023-03-06');
    expect(addDays('2026-12-22', 21)).toBe('2027-01-12');
    expect(weekendName('2026-11-22')).toBe('söndag');
    expect(weekendName('2026-11-23')).toBeNull();
  });

  it('warns when the justering is overdue', () => {
    expect(protokollDates('2026-10-01', null, null, '2026-10-20').notes).toContain('Protokollet skulle ha justerats senast 2026-10-15.');
  });
});
