import { describe, expect, it } from 'vitest';
import { bokslutChecks, defaultLine, statements } from '../../shared/domain/bokslut';
import { SEED_003_2017 } from '../helpers/bokslut';

const NONE = new Map();
/** The message as read, with the no-break spaces of the amounts as plain spaces. */
const plain = (m: string | null | undefined) => (m ?? '').replace(/\u00a0/g, ' ');

describe('bokslut', () => {
  it("reproduces seed 003's resultaträkning, balansräkning and kassaflödesanalys 2017 to the krona", () => {
    const s = statements(SEED_003_2017, NONE);
    const rr = Object.fromEntries(s.rr.map((r) => [r.line, r.kr]));
    expect(rr).toMatchObject({
      sidointakter: 178_235,
      rorelseintakter: 21_585_170,
      samverkan: -18_042_335,
      utveckling: -1_425_318,
      drift: -707_279,
      lokaler: -542_653,
      // Arvoden to förtroendevalda are personal in the resultaträkning.
      personal: -4_262_831,
      avskrivningar: -29_895,
      ranteintakter: 155,
      ovriga_finansiella: 362_796,
      rantekostnader: -414,
    });
    expect(s.rrSums).toEqual({ intakter: 21_763_405, kostnader: -25_010_311, rorelseresultat: -3_246_906, finansiella: 362_537, resultat: -2_884_369 });
    const br = Object.fromEntries(s.br.map((r) => [r.line, r.kr]));
    expect(br).toMatchObject({
      inventarier: 116_804,
      kundfordringar: 56_111,
      ovriga_fordringar: 749_509,
      interimsfordringar: 63_555,
      placeringar: 13_857_872,
      kassa: 869_636,
      reservfond: 1_000_000,
      overskott: 12_214_958,
      resultat_fg: -775_197,
      leverantorsskulder: 5_554_039,
      ovriga_skulder: 292_179,
      interimsskulder: 311_877,
    });
    expect(s.periodensResultat).toBe(-2_884_369);
    expect(s.brSums).toEqual({
      anlaggning: 116_804,
      fordringar: 869_175,
      omsattning: 15_596_683,
      tillgangar: 15_713_487,
      egetKapital: 9_555_392,
      skulder: 6_158_095,
      egetKapitalOchSkulder: 15_713_487,
    });
    expect(s.kfa).toEqual({
      resultat: -2_884_369,
      avskrivningar: 29_895,
      fore: -2_854_474,
      fordringar: -158_567,
      skulder: 383_207,
      lopande: -2_629_834,
      investering: -3_976,
      finansiering: 0,
      kassaflode: -2_633_810,
      likvidaIb: 17_361_318,
      likvidaUb: 14_727_508,
    });
    expect(bokslutChecks(s).every((c) => c.ok)).toBe(true);
  });

  it('names what does not add up, to the krona: a balance off by a krona, an account without a line, a note against its line', () => {
    // As the paper's 2016 column, where the resultaträkning ends in −775 198 and the
    // balansräkning's periodens resultat is −775 197: Kansli names the krona.
    const off = SEED_003_2017.map((a) => (a.account === '1930' ? { ...a, ubOre: a.ubOre + 100 } : a));
    const s = statements(off, NONE);
    const failed = bokslutChecks(s).filter((c) => !c.ok);
    expect(failed.map((c) => plain(c.message))).toEqual([
      'Periodens resultat i balansräkningen (−2 884 368 kr) och årets resultat i resultaträkningen (−2 884 369 kr) skiljer 1 kr.',
      'Eget kapital har ändrats med 1 kr utöver årets resultat (−2 884 369 kr), t.ex. en avsättning bokförd direkt mot eget kapital.',
    ]);
    const unknown = statements([...SEED_003_2017, { account: '9100', name: 'Internt', ibOre: 0, ubOre: 0, resOre: 5_000 }], NONE);
    expect(plain(bokslutChecks(unknown).at(-1)?.message)).toBe(
      'Konto 9100 Internt (50 kr) hör inte till någon rad i resultat- eller balansräkningen. Koppla kontona till rader.',
    );
    const note = bokslutChecks(statements(SEED_003_2017, NONE), [{ label: 'Not 2 Rörelseintäkter', noteKr: 21_585_000, lineKr: 21_585_170 }]);
    expect(plain(note.at(-1)?.message)).toBe('Not 2 Rörelseintäkter summerar till 21 585 000 kr, men raden är 21 585 170 kr: skillnad −170 kr.');
    // A mapping overrides the BAS default: arvoden could be placed elsewhere.
    expect(defaultLine('7690')).toBe('personal');
    const moved = statements(SEED_003_2017, new Map([['7690', 'drift' as const]]));
    expect(moved.rr.find((r) => r.line === 'drift')?.kr).toBe(-1_469_579);
    expect(moved.rrSums.resultat).toBe(-2_884_369);
  });
});
