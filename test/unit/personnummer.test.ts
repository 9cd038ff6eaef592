import { describe, expect, it } from 'vitest';
import { containsPersonnummer, findPersonnummer, scanForPersonnummer } from '../../shared/domain/personnummer';

describe('personnummer in free text', () => {
  it('finds a valid personnummer in every way it is written', () => {
    // 811218-9876 is the Tax Agency's example, valid by Luhn.
    for (const text of ['811218-9876', '8112189876', '811218+9876', '19811218-9876', '198112189876']) {
      expect(
        findPersonnummer(text).map((h) => h.text),
        text,
      ).toEqual([text]);
    }
  });

  it('masks the last four digits in the hit, keeping the date as written', () => {
    expect(findPersonnummer('Deltagare 811218-9876 har avslutat')).toEqual([{ text: '811218-9876', masked: '811218-XXXX', index: 10 }]);
    expect(findPersonnummer('19811218-9876')[0]?.masked).toBe('19811218-XXXX');
  });

  it('finds several in one text, and ones born in the 2000s', () => {
    const hits = findPersonnummer('Gäller 20050101-1233 och 121212-1212 samt 20121212-1212.');
    expect(hits.map((h) => h.text)).toEqual(['20050101-1233', '121212-1212', '20121212-1212']);
  });

  it('finds a samordningsnummer (day + 60)', () => {
    // 701063-2391: born on the 3rd, samordningsnummer.
    expect(findPersonnummer('Samordningsnummer 701063-2391.').map((h) => h.text)).toEqual(['701063-2391']);
  });

  it('does not flag a wrong check digit', () => {
    expect(findPersonnummer('811218-9875')).toEqual([]);
    expect(findPersonnummer('19811218-9877')).toEqual([]);
    expect(findPersonnummer('701063-2392')).toEqual([]);
  });

  it('does not flag impossible dates', () => {
    expect(findPersonnummer('811318-9876')).toEqual([]); // month 13
    expect(findPersonnummer('811200-9870')).toEqual([]); // day 0
    // 29 February only in a leap year: 2000 was one, 1901 and 2001 were not.
    expect(findPersonnummer('000229-2340').map((h) => h.text)).toEqual(['000229-2340']);
    expect(findPersonnummer('010229-2349')).toEqual([]);
  });

  it('does not flag a century other than 18, 19 or 20', () => {
    expect(findPersonnummer('21811218-9876')).toEqual([]);
  });

  it('does not flag organisationsnummer (month 20 and up)', () => {
    for (const orgNr of ['222000-2576', '212000-3005', '202100-5521', '232100-0024', '2120000290']) {
      expect(containsPersonnummer(orgNr), orgNr).toBe(false);
    }
  });

  it('does not flag ISO dates, diarienummer, amounts or phone numbers', () => {
    const text =
      'Beslutat 2018-03-16, dnr 2018/012. Avsätt 270000 kr (270 000 kr) under perioden 2019-04-01 till 2021-03-31. ' +
      'Ring 070-123 45 67 eller 018-7271000. Budget 21585 tkr.';
    expect(findPersonnummer(text)).toEqual([]);
  });

  it('does not flag a number that is part of a longer run of digits', () => {
    expect(findPersonnummer('811218-98761')).toEqual([]);
    expect(findPersonnummer('1811218-9876')).toEqual([]);
    expect(findPersonnummer('811218-9876-1')).toEqual([]);
  });

  it('walks objects and arrays and names the path, skipping keys it is told to', () => {
    const found = scanForPersonnummer(
      { title: 'Ansökan', members: [{ note: 'ok' }, { note: 'pnr 811218-9876' }], contentBase64: '8112189876', nested: { n: 5 } },
      new Set(['contentBase64']),
    );
    expect(found).toEqual([{ path: 'members.1.note', hits: [{ text: '811218-9876', masked: '811218-XXXX', index: 4 }] }]);
    expect(scanForPersonnummer({ a: 'inget här', b: 2018 })).toEqual([]);
  });
});
