import { describe, expect, it } from 'vitest';
import { checkDiaryFormat, DEFAULT_DIARY_FORMAT, formatDiarienummer, parseDiarienummer } from '../../shared/domain/diarienummer';

describe('diarienummer format', () => {
  it('formats the default ÅÅÅÅ/NNN with padding, and grows beyond it', () => {
    expect(DEFAULT_DIARY_FORMAT).toBe('{ÅÅÅÅ}/{NNN}');
    expect(formatDiarienummer(DEFAULT_DIARY_FORMAT, 2018, 12)).toBe('2018/012');
    expect(formatDiarienummer(DEFAULT_DIARY_FORMAT, 2018, 1)).toBe('2018/001');
    expect(formatDiarienummer(DEFAULT_DIARY_FORMAT, 2018, 1234)).toBe('2018/1234');
  });

  it('formats two-digit years and literal text', () => {
    expect(formatDiarienummer('SUL {ÅÅ}-{NN}', 2018, 12)).toBe('SUL 18-12');
    expect(formatDiarienummer('SUL {ÅÅ}-{NN}', 2005, 3)).toBe('SUL 05-03');
    expect(formatDiarienummer('Dnr {NNNN}/{ÅÅÅÅ}', 2026, 7)).toBe('Dnr 0007/2026');
  });

  it('reads year and number back', () => {
    expect(parseDiarienummer(DEFAULT_DIARY_FORMAT, '2018/012')).toEqual({ year: 2018, seq: 12 });
    expect(parseDiarienummer(DEFAULT_DIARY_FORMAT, '2018/12')).toEqual({ year: 2018, seq: 12 });
    expect(parseDiarienummer(DEFAULT_DIARY_FORMAT, ' 2018/1234 ')).toEqual({ year: 2018, seq: 1234 });
    expect(parseDiarienummer('SUL {ÅÅ}-{NN}', 'SUL 18-12')).toEqual({ year: 2018, seq: 12 });
    expect(parseDiarienummer('SUL {ÅÅ}-{NN}', 'SUL 99-1')).toEqual({ year: 2099, seq: 1 });
    expect(parseDiarienummer('Dnr {NNNN}/{ÅÅÅÅ}', 'Dnr 0007/2026')).toEqual({ year: 2026, seq: 7 });
  });

  it('round-trips every number it formats', () => {
    for (const format of [DEFAULT_DIARY_FORMAT, 'SUL {ÅÅ}-{NN}', 'Dnr {NNNN}/{ÅÅÅÅ}', '{ÅÅ}.{N}']) {
      for (const [year, seq] of [
        [2018, 1],
        [2026, 99],
        [2030, 100],
        [2001, 12345],
      ] as const) {
        expect(parseDiarienummer(format, formatDiarienummer(format, year, seq)), `${format} ${year} ${seq}`).toEqual({ year, seq });
      }
    }
  });

  it('does not read text that does not follow the format', () => {
    for (const text of ['2018-012', '18/012', '2018/', '/012', '2018/012a', 'Dnr 2018/012', '2018/0', '2018/000', 'abcd/efg', '']) {
      expect(parseDiarienummer(DEFAULT_DIARY_FORMAT, text), text).toBeNull();
    }
    expect(parseDiarienummer('SUL {ÅÅ}-{NN}', 'SUL 2018-12')).toBeNull();
    expect(parseDiarienummer('SUL {ÅÅ}-{NN}', 'sul 18-12')).toBeNull();
  });

  it('treats regex characters in the literal text as text', () => {
    expect(parseDiarienummer('{ÅÅÅÅ}.{NNN}', '2018.012')).toEqual({ year: 2018, seq: 12 });
    expect(parseDiarienummer('{ÅÅÅÅ}.{NNN}', '2018x012')).toBeNull();
    expect(parseDiarienummer('({ÅÅÅÅ})+{NNN}', '(2018)+012')).toEqual({ year: 2018, seq: 12 });
  });
});

describe("checking a förbund's format", () => {
  it('accepts sensible formats', () => {
    for (const format of ['{ÅÅÅÅ}/{NNN}', 'SUL {ÅÅ}-{NN}', 'Dnr {ÅÅÅÅ}/{NNN}', '{NNNN}/{ÅÅÅÅ}', '{ÅÅ}.{N}']) {
      expect(checkDiaryFormat(format), format).toEqual({ ok: true });
    }
  });

  const REJECTED: [string, string, RegExp][] = [
    ['no year', '{NNN}', /året en gång/],
    ['the year twice', '{ÅÅÅÅ}/{ÅÅ}/{NNN}', /året en gång/],
    ['a three-Å year', '{ÅÅÅ}/{NNN}', /året en gång/],
    ['no number', '{ÅÅÅÅ}', /löpnumret en gång/],
    ['the number twice', '{ÅÅÅÅ}/{NNN}/{NN}', /löpnumret en gång/],
    ['an unknown placeholder', '{ÅÅÅÅ}/{NNN}{X}', /Okänd platshållare/],
    ['a stray brace', '{ÅÅÅÅ}/{NNN}}', /Okänd platshållare/],
    ['digits in the literal text', 'Dnr2 {ÅÅÅÅ}/{NNN}', /siffror/],
    ['year and number side by side', '{ÅÅÅÅ}{NNN}', /skiljas åt/],
    ['number and year side by side', '{NN}{ÅÅ}', /skiljas åt/],
    ['more than 40 characters', `${'x'.repeat(30)} {ÅÅÅÅ}/{NNN}`, /högst 40 tecken/],
  ];

  it.each(REJECTED)('rejects %s with a Swedish message', (_what, format, message) => {
    const result = checkDiaryFormat(format);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
