import { describe, expect, it } from 'vitest';
import { inOffice, placeAndDate, signatureBlock, type SignatureAppointment } from '../../shared/domain/signatures';

const PERIOD = { startsOn: '2015-01-01', endsOn: '2018-12-31' };

function seat(
  personName: string,
  memberName: string,
  memberKind: SignatureAppointment['memberKind'],
  extra: Partial<SignatureAppointment> = {},
): SignatureAppointment {
  return { seat: 'ordinarie', role: null, ...PERIOD, personName, memberName, memberKind, ...extra };
}

// Shaped like seed 003 (board 2017), with made-up names. Deliberately out of order.
const BOARD: SignatureAppointment[] = [
  seat('Vera Kvist', 'Östhammars kommun', 'kommun'),
  seat('Oskar Ström', 'Håbo kommun', 'kommun', { endsOn: '2017-05-31' }),
  seat('Nils Grahn', 'Håbo kommun', 'kommun', { startsOn: '2017-06-01' }),
  seat('Ebba Moss', 'Region Uppsala', 'region', { role: 'vice_ordforande_2' }),
  seat('Rut Lager', 'Enköpings kommun', 'kommun'),
  seat('Kim Ask', 'Uppsala kommun', 'kommun', { role: 'ordforande' }),
  seat('Lo Berg', 'Arbetsförmedlingen', 'stat'),
  seat('Mira Dal', 'Försäkringskassan', 'stat', { role: 'vice_ordforande_1' }),
  seat('Ella Ersätt', 'Uppsala kommun', 'kommun', { seat: 'ersattare' }),
  seat('Åke Älv', 'Älvkarleby kommun', 'kommun'),
];

describe('signature block (shared/domain/signatures)', () => {
  it('presidium: ordförande, 1:e vice, 2:e vice with their titles and who appointed them', () => {
    expect(signatureBlock({ appointments: BOARD, date: '2018-03-16', scope: 'presidium', city: 'Uppsala' })).toEqual({
      placeAndDate: 'Uppsala 2018-03-16',
      signers: [
        { name: 'Kim Ask', roleTitle: 'Förbundsordförande', appointedBy: 'Uppsala kommun' },
        { name: 'Mira Dal', roleTitle: '1:e vice ordförande', appointedBy: 'Försäkringskassan' },
        { name: 'Ebba Moss', roleTitle: '2:e vice ordförande', appointedBy: 'Region Uppsala' },
      ],
    });
  });

  it('styrelse: presidium first, then Arbetsförmedlingen and the kommuner A–Ö; ersättare do not sign', () => {
    const block = signatureBlock({ appointments: BOARD, date: '2018-03-16', scope: 'styrelse', city: 'Uppsala' });
    expect(block.signers.map((s) => `${s.name} (${s.appointedBy})`)).toEqual([
      'Kim Ask (Uppsala kommun)',
      'Mira Dal (Försäkringskassan)',
      'Ebba Moss (Region Uppsala)',
      'Lo Berg (Arbetsförmedlingen)',
      'Rut Lager (Enköpings kommun)',
      'Nils Grahn (Håbo kommun)',
      'Åke Älv (Älvkarleby kommun)',
      'Vera Kvist (Östhammars kommun)',
    ]);
    expect(block.signers.slice(3).every((s) => s.roleTitle === null)).toBe(true);
  });

  it('takes whoever held the seat on the day: a replacement mid-period', () => {
    const before = signatureBlock({ appointments: BOARD, date: '2017-05-31', scope: 'styrelse', city: null });
    const after = signatureBlock({ appointments: BOARD, date: '2017-06-01', scope: 'styrelse', city: null });
    expect(before.signers.filter((s) => s.appointedBy === 'Håbo kommun').map((s) => s.name)).toEqual(['Oskar Ström']);
    expect(after.signers.filter((s) => s.appointedBy === 'Håbo kommun').map((s) => s.name)).toEqual(['Nils Grahn']);
  });

  it('leaves out a role nobody holds that day', () => {
    const withoutChair = BOARD.map((a) => (a.role === 'ordforande' ? { ...a, endsOn: '2016-12-31' } : a));
    const block = signatureBlock({ appointments: withoutChair, date: '2017-02-01', scope: 'presidium', city: 'Uppsala' });
    expect(block.signers.map((s) => s.roleTitle)).toEqual(['1:e vice ordförande', '2:e vice ordförande']);
  });

  it('writes the place and date, or just the date when no city is set', () => {
    expect(placeAndDate('Uppsala', '2018-03-16')).toBe('Uppsala 2018-03-16');
    expect(placeAndDate(null, '2018-03-16')).toBe('2018-03-16');
    expect(placeAndDate('  ', '2018-03-16')).toBe('2018-03-16');
    expect(signatureBlock({ appointments: [], date: '2018-03-16', scope: 'styrelse', city: null })).toEqual({ placeAndDate: '2018-03-16', signers: [] });
  });

  it('counts the first and the last day as in office', () => {
    expect(inOffice({ startsOn: '2017-01-01', endsOn: '2017-06-30' }, '2017-01-01')).toBe(true);
    expect(inOffice({ startsOn: '2017-01-01', endsOn: '2017-06-30' }, '2017-06-30')).toBe(true);
    expect(inOffice({ startsOn: '2017-01-01', endsOn: '2017-06-30' }, '2017-07-01')).toBe(false);
  });
});
