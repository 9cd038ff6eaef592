import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { failure, value } from '../helpers/envelope';
import { sie003 } from '../helpers/bokslut';
import { pdftotext, writeTemp } from '../helpers/pdf-tools';
import { artifactPath } from '../helpers/browser';
import { application } from '../helpers/insatser';
import { countRows, ENGINES, engineSession, rows, type AnySession } from '../helpers/engines';

const rr = (v: { rr: { line: string; kr: number }[] }, line: string) => v.rr.find((r) => r.line === line)?.kr;
const plain = (m: string | null | undefined) => (m ?? '').replace(/\u00a0/g, ' ');

async function imported(s: AnySession) {
  return value(await s.api.call('bokslut.import', { fileName: 'bokslut 2017.se', contentBase64: sie003() }));
}

describe.each(ENGINES)('bokslut (%s)', (engine) => {
  it("reads seed 003's 2017 balances from SIE 3 and sets the statements to the krona, with every check holding", async () => {
    const s = await engineSession(engine);
    try {
      const v = await imported(s);
      expect(v.year).toBe(2017);
      expect(v.source).toMatchObject({ kind: 'sie', fileName: 'bokslut 2017.se' });
      expect(v.rrSums.year).toEqual({ intakter: 21_763_405, kostnader: -25_010_311, rorelseresultat: -3_246_906, finansiella: 362_537, resultat: -2_884_369 });
      expect(v.brSums.year.tillgangar).toBe(15_713_487);
      expect(v.brSums.year.egetKapital).toBe(9_555_392);
      expect(v.kfa.year).toMatchObject({ lopande: -2_629_834, investering: -3_976, kassaflode: -2_633_810, likvidaUb: 14_727_508 });
      expect(v.checks.filter((c) => !c.ok)).toEqual([]);
      expect(v.accounts.find((a) => a.account === '7690')).toMatchObject({ line: 'personal', mapped: false, resKr: 762_300 });

      const pdf = Buffer.from(value(await s.api.call('bokslut.pdf', { year: 2017 })).contentBase64, 'base64');
      execFileSync('pdftoppm', ['-png', '-r', '60', writeTemp(pdf), artifactPath('bokslut-2017')]);
      const text = pdftotext(pdf).replace(/\s+/g, ' ');
      for (const expected of [
        'Årsbokslut 2017-12-31',
        'Resultaträkning',
        'Summa verksamhetens intäkter 21 763 405',
        'Kostnader för personal Not 6 −4 262 831',
        'Årets resultat −2 884 369',
        'Summa tillgångar 15 713 487',
        'Summa eget kapital 9 555 392',
        'Årets kassaflöde −2 633 810',
        'Alla 4 kontroller stämmer',
      ])
        expect(text).toContain(expected);
    } finally {
      await s.close();
    }
  });

  it('keeps a mapping once made, puts the budget beside, and names a note that does not match its line', async () => {
    const s = await engineSession(engine);
    try {
      await imported(s);
      // Arvoden moved to övriga driftskostnader: the line changes, the result does not.
      const moved = value(await s.api.call('bokslut.saveMappings', { year: 2017, mappings: [{ account: '7690', line: 'drift' }] }));
      expect([rr(moved, 'personal'), rr(moved, 'drift'), moved.rrSums.year.resultat]).toEqual([-3_500_531, -1_469_579, -2_884_369]);
      expect(moved.accounts.find((a) => a.account === '7690')).toMatchObject({ line: 'drift', mapped: true });
      value(
        await s.api.call('budget.save', {
          year: 2017,
          lines: [
            { post: 'medlemsavgifter', amountKr: 21_585_000 },
            { post: 'samverkan_individ', amountKr: 19_283_000 },
            { post: 'fortroendevalda', amountKr: 800_000 },
            { post: 'forvaltning_personal', amountKr: 3_300_000 },
          ],
        }),
      );
      const withBudget = value(await s.api.call('bokslut.get', { year: 2017 }));
      expect(withBudget.rr.find((r) => r.line === 'personal')?.budgetKr).toBe(-4_100_000);
      expect(withBudget.rrSums.budget?.resultat).toBe(21_585_000 - 19_283_000 - 4_100_000);

      // Not 2 from the fee register: 21 585 000 against the line's 21 585 170.
      value(await s.api.call('medlemsavgifter.save', { year: 2017, totalKr: 21_585_000, status: 'faststalld', dueOn: '2017-04-30' }));
      const noted = value(await s.api.call('bokslut.get', { year: 2017 }));
      expect(noted.notes.map((n) => [n.number, n.sumKr, n.lineKr])).toEqual([[2, 21_585_000, 21_585_170]]);
      expect(plain(noted.checks.find((c) => !c.ok)?.message)).toBe(
        'Not 2 Rörelseintäkter summerar till 21 585 000 kr, men raden är 21 585 170 kr: skillnad −170 kr.',
      );
    } finally {
      await s.close();
    }
  });

  it('lists in Not 3 the samverkan utfall booked on no insats beside each insats, so the note adds up to the books', async () => {
    const s = await engineSession(engine);
    try {
      await imported(s);
      const insats = (await application(s, { name: 'Lokus Knivsta', years: [{ year: 2017, soughtKr: 12_000_000 }], decidedOn: '2016-12-10' })).insatsId ?? 0;
      value(
        await s.api.call('utfall.save', { bookedOn: '2017-06-30', post: 'samverkan_individ', insatsId: insats, amountKr: 10_000_000, text: 'Lokus Knivsta' }),
      );
      // Insatser from before the register, and an import that names no insats.
      value(await s.api.call('utfall.save', { bookedOn: '2017-06-30', post: 'samverkan_individ', amountKr: 7_042_335, text: 'Äldre insatser' }));
      value(await s.api.call('utfall.save', { bookedOn: '2017-09-30', post: 'samverkan_struktur', amountKr: 1_000_000, text: 'Lokussamordnare' }));
      const v = value(await s.api.call('bokslut.get', { year: 2017 }));
      const note = v.notes.find((n) => n.number === 3);
      expect(note?.rows).toEqual([
        { label: 'Lokus Knivsta', kr: -10_000_000 },
        { label: 'Samverkansinsatser, individinriktade, utan insats i registret', kr: -7_042_335 },
        { label: 'Samverkansinsatser, strukturinriktade, utan insats i registret', kr: -1_000_000 },
      ]);
      expect([note?.sumKr, note?.lineKr]).toEqual([-18_042_335, -18_042_335]);
      expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('takes the noter the registers cannot fill, and checks each against its line', async () => {
    const s = await engineSession(engine);
    try {
      await imported(s);
      // Seed 003's Not 1: Hyresintäkter 176 720, Övriga intäkter 1 515 = Sidointäkter 178 235.
      let v = value(
        await s.api.call('bokslut.saveNote', {
          year: 2017,
          number: 1,
          label: 'Sidointäkter',
          rows: [
            { label: 'Hyresintäkter, Kungsgatan 16', kr: 176_720 },
            { label: 'Övriga intäkter', kr: 1_515 },
          ],
        }),
      );
      expect(v.notes.map((n) => [n.number, n.sumKr, n.lineKr, n.typed])).toEqual([[1, 178_235, 178_235, true]]);
      expect(v.checks.every((c) => c.ok)).toBe(true);
      v = value(
        await s.api.call('bokslut.saveNote', {
          year: 2017,
          number: 7,
          label: 'Materiella anläggningstillgångar',
          rows: [{ label: 'Inventarier', kr: 116_000 }],
        }),
      );
      expect(plain(v.checks.find((c) => !c.ok)?.message)).toBe(
        'Not 7 Materiella anläggningstillgångar summerar till 116 000 kr, men raden är 116 804 kr: skillnad −804 kr.',
      );
      const text = pdftotext(Buffer.from(value(await s.api.call('bokslut.pdf', { year: 2017 })).contentBase64, 'base64')).replace(/\s+/g, ' ');
      expect(text).toContain('Not 1. Sidointäkter');
      expect(text).toContain('Hyresintäkter, Kungsgatan 16 176 720');
      // Without rows the typed note goes; Not 2 and 3 come from the registers.
      v = value(await s.api.call('bokslut.saveNote', { year: 2017, number: 7, label: 'Materiella anläggningstillgångar', rows: [] }));
      expect(v.notes.map((n) => n.number)).toEqual([1]);
      expect(failure(await s.api.call('bokslut.saveNote', { year: 2017, number: 2, label: 'X', rows: [{ label: 'Y', kr: 1 }] })).message).toContain(
        'fylls ur registren',
      );
    } finally {
      await s.close();
    }
  });

  it("refuses another organisation's file, a balance account without #UB and a closed year, reading nothing", async () => {
    const s = await engineSession(engine);
    try {
      const other = failure(await s.api.call('bokslut.import', { fileName: 'x.se', contentBase64: sie003({ orgNr: '212000-1355' }) }));
      expect(other.message).toBe('Filen är bokföringen för organisationsnummer 212000-1355, men förbundets är 222000-2576. Inget är inläst.');
      const noUb = failure(await s.api.call('bokslut.import', { fileName: 'x.se', contentBase64: sie003({ dropUb: '1930' }) }));
      expect(noUb.message).toBe('Balanskontona 1930 har ingående men ingen utgående balans (#UB) för 2017. Inget är inläst.');
      expect(await countRows(s, 'bokslut_saldon')).toBe(0);
      await imported(s);
      value(await s.api.call('years.close', { year: 2017 }));
      const closed = failure(await s.api.call('bokslut.import', { fileName: 'igen.se', contentBase64: sie003() }));
      expect(closed.message).toBe('År 2017 är stängt. Saldona för ett stängt år kan inte läsas in eller ändras.');
      await expect(rows(s, sql`UPDATE bokslut_saldon SET ub_ore = 0 WHERE year = 2017 AND account = '1930'`)).rejects.toThrow(/year_closed/);
      expect(failure(await s.api.call('bokslut.pdf', { year: 2016 })).message).toBe(
        'Det finns inga saldon för 2016. Läs in SIE-filen eller skriv in saldona först.',
      );
    } finally {
      await s.close();
    }
  });

  it('takes typed balances and names what does not balance', async () => {
    const s = await engineSession(engine);
    try {
      const typed = value(
        await s.api.call('bokslut.saveSaldon', {
          year: 2019,
          accounts: [
            { account: '3010', name: 'Medlemsavgifter', resKr: -1_000_000 },
            { account: '4010', name: 'Insatser', resKr: 900_000 },
            { account: '1930', name: 'Bank', ibKr: 500_000, ubKr: 600_000 },
            { account: '2091', name: 'Överskott', ibKr: -500_000, ubKr: -500_000 },
            { account: '2440', name: 'Leverantörsskulder', ibKr: 0, ubKr: -1 },
          ],
        }),
      );
      expect(typed.rrSums.year.resultat).toBe(100_000);
      expect(typed.source?.kind).toBe('inskrivet');
      expect(typed.checks.filter((c) => !c.ok).map((c) => plain(c.message))).toEqual([
        'Periodens resultat i balansräkningen (99 999 kr) och årets resultat i resultaträkningen (100 000 kr) skiljer −1 kr.',
        'Eget kapital har ändrats med −1 kr utöver årets resultat (100 000 kr), t.ex. en avsättning bokförd direkt mot eget kapital.',
      ]);
      expect(failure(await s.api.call('bokslut.saveSaldon', { year: 2019, accounts: [{ account: '19x0' }] })).paths).toEqual(['accounts.0.account']);
    } finally {
      await s.close();
    }
  });
});
