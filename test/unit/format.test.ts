import { describe, expect, it } from 'vitest';
import { countOf, formatDate, formatInteger, formatKr, formatPercent, formatTkr, withoutFullStop } from '../../shared/format/sv';

describe('sv-SE formatting', () => {
  it('groups thousands with a no-break space', () => {
    expect(formatInteger(21585170)).toBe('21\u00a0585\u00a0170');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(0)).toBe('0');
  });

  it('writes negatives with a real minus sign', () => {
    expect(formatInteger(-2884)).toBe('\u22122\u00a0884');
  });

  it('writes kronor and tkr as the papers do', () => {
    expect(formatKr(270000)).toBe('270\u00a0000\u00a0kr');
    expect(formatTkr(21585170)).toBe('21\u00a0585\u00a0tkr');
    expect(formatTkr(-2884400)).toBe('\u22122\u00a0884\u00a0tkr');
    expect(formatTkr(1500)).toBe('2\u00a0tkr');
  });

  it('writes percentages with a decimal comma', () => {
    expect(formatPercent(0.5959)).toBe('59,6\u00a0%');
    expect(formatPercent(0.5, 0)).toBe('50\u00a0%');
  });

  it('writes ISO dates', () => {
    expect(formatDate(new Date(2018, 2, 16))).toBe('2018-03-16');
  });
});

describe('words with counts', () => {
  it('says "1 rad" and "2 rader", and never puts two full stops after a sentence', () => {
    expect(countOf(1, 'rad', 'rader')).toBe('1 rad');
    expect(countOf(0, 'rad', 'rader')).toBe('0 rader');
    expect(countOf(1500, 'rad', 'rader')).toBe('1\u00a0500 rader');
    expect(`${withoutFullStop('Andelen är 6 %.')}. Åtgärd: följ upp.`).toBe('Andelen är 6 %. Åtgärd: följ upp.');
    expect(withoutFullStop('Ingen punkt')).toBe('Ingen punkt');
  });
});
