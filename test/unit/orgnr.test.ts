import { describe, expect, it } from 'vitest';
import { checkOrgNr, luhnCheckDigit } from '../../shared/domain/orgnr';

describe('organisationsnummer', () => {
  it('accepts real numbers from the papers and the members, with or without hyphen', () => {
    expect(checkOrgNr('222000-2576')).toEqual({ ok: true, value: '222000-2576' });
    expect(checkOrgNr('2021005521')).toEqual({ ok: true, value: '202100-5521' });
    expect(checkOrgNr(' 232100-0024 ')).toEqual({ ok: true, value: '232100-0024' });
  });

  it('accepts the twelve-digit form with prefix 16 and shortens it', () => {
    expect(checkOrgNr('16212000-3005')).toEqual({ ok: true, value: '212000-3005' });
  });

  it('rejects a wrong check digit with a Swedish message', () => {
    const result = checkOrgNr('222000-2577');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Kontrollsiffran stämmer inte/);
  });

  it('rejects a personnummer (third digit below 2)', () => {
    // 811218-9876 is the Tax Agency's example personnummer, valid by Luhn.
    const result = checkOrgNr('811218-9876');
    expect(!result.ok && result.message).toMatch(/personnummer/);
  });

  it('rejects malformed input', () => {
    for (const bad of ['', '22200-2576', '222000_2576', 'abcdef-ghij', '222000-25761']) {
      expect(checkOrgNr(bad).ok, bad).toBe(false);
    }
  });

  it('computes the Luhn digit', () => {
    expect(luhnCheckDigit('222000257')).toBe(6);
    expect(luhnCheckDigit('212000300')).toBe(5);
  });
});
