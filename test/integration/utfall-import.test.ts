import { describe, expect, it } from 'vitest';
import { encodePc8 } from '../../shared/domain/pc8';
import { writeSie, type SieWriteInput } from '../../shared/domain/sie4';
import { failure, value } from '../helpers/envelope';
import { monthlySumMismatches } from '../helpers/session';
import { application } from '../helpers/insatser';
import type { MethodInput } from '../../shared/contract/methods';
import { countRows, ENGINES, engineSession, type AnySession } from '../helpers/engines';

/** SIE 4, Excel and CSV imports of utfall on a real database: preview, mapping, all or nothing. */

async function insats(s: AnySession, name: string): Promise<number> {
  const granted = await application(s, {
    name,
    kategori: 'struktur',
    owner: 'Älvkarleby kommun',
    years: [{ year: 2026, soughtKr: 400_000 }],
    decidedOn: '2025-12-10',
  });
  return granted.insatsId!;
}

const ACCOUNTS = [
  { number: '1930', name: 'Företagskonto' },
  { number: '3010', name: 'Medlemsavgifter från medlemmarna' },
  { number: '4010', name: 'Köpta tjänster insatser' },
  { number: '5010', name: 'Lokalhyra Kungsängsgatan' },
  { number: '7010', name: 'Löner tjänstemän' },
  { number: '7690', name: 'Arvoden förtroendevalda, styrelse' },
];

function sie(verifications: SieWriteInput['verifications'], year = 2026): string {
  const bytes = writeSie({
    program: 'Test',
    companyName: 'Samordningsförbundet Uppsala län',
    generatedOn: `${year + 1}-01-10`,
    fiscalYear: { from: `${year}-01-01`, to: `${year}-12-31` },
    accounts: ACCOUNTS,
    dimensions: [{ number: 6, name: 'Projekt' }],
    objects: [{ dimension: 6, id: 'P12', name: 'Lokus Älvkarleby' }],
    verifications,
  });
  return Buffer.from(bytes).toString('base64');
}

const BOOKS: SieWriteInput['verifications'] = [
  {
    series: 'A',
    number: '1',
    date: '2026-01-31',
    text: 'Medlemsavgift Region',
    transactions: [
      { account: '1930', amountOre: 550_000_000 },
      { account: '3010', amountOre: -550_000_000 },
    ],
  },
  {
    series: 'A',
    number: '2',
    date: '2026-02-01',
    text: 'Hyra februari',
    transactions: [
      { account: '5010', amountOre: 4_512_550 },
      { account: '1930', amountOre: -4_512_550 },
    ],
  },
  {
    series: 'A',
    number: '3',
    date: '2026-02-25',
    text: 'Löner februari',
    transactions: [
      { account: '7010', amountOre: 31_000_000 },
      { account: '1930', amountOre: -31_000_000 },
    ],
  },
  {
    series: 'A',
    number: '4',
    date: '2026-03-15',
    text: 'Rekvisition Lokus Älvkarleby',
    transactions: [
      { account: '4010', objects: [{ dimension: 6, id: 'P12' }], amountOre: 9_876_543 },
      { account: '1930', amountOre: -9_876_543 },
    ],
  },
  {
    series: 'A',
    number: '5',
    date: '2026-03-20',
    text: 'Arvoden',
    transactions: [
      { account: '7690', amountOre: 1_200_000 },
      { account: '1930', amountOre: -1_200_000 },
    ],
  },
];

const MAPPING: MethodInput<'utfall.import'>['accounts'] = [
  { account: '3010', name: 'Medlemsavgifter från medlemmarna', post: 'medlemsavgifter' },
  { account: '4010', name: 'Köpta tjänster insatser', post: 'samverkan_ej_fordelat' },
  { account: '5010', name: 'Lokalhyra Kungsängsgatan', post: 'forvaltning_lokaler' },
  { account: '7010', name: 'Löner tjänstemän', post: 'forvaltning_personal' },
  { account: '7690', name: 'Arvoden förtroendevalda, styrelse', post: 'fortroendevalda' },
];

describe.each(ENGINES)('SIE 4 import (%s)', (engine) => {
  it('round trip: accounts with åäö import with the right names and sums, after the accounts are mapped once', async () => {
    const s = await engineSession(engine);
    try {
      const insatsId = await insats(s, 'Lokus Älvkarleby');
      const file = { fileName: 'bokföring 2026.se', contentBase64: sie(BOOKS) };
      const preview = value(await s.api.call('utfall.importPreview', file));
      expect(preview).toMatchObject({ kind: 'sie', year: 2026, companyName: 'Samordningsförbundet Uppsala län', errors: [] });
      // Nothing guessed: every result account must be mapped; the balance account 1930 is not utfall.
      expect(preview.unmappedAccounts.map((a) => [a.account, a.name, a.suggestion, a.sumOre])).toEqual([
        ['3010', 'Medlemsavgifter från medlemmarna', 'medlemsavgifter', -550_000_000],
        ['4010', 'Köpta tjänster insatser', 'samverkan_ej_fordelat', 9_876_543],
        ['5010', 'Lokalhyra Kungsängsgatan', 'forvaltning_lokaler', 4_512_550],
        ['7010', 'Löner tjänstemän', 'forvaltning_personal', 31_000_000],
        ['7690', 'Arvoden förtroendevalda, styrelse', 'fortroendevalda', 1_200_000],
      ]);
      expect(preview.objects).toEqual([{ dimension: 6, objectId: 'P12', name: 'Lokus Älvkarleby', insatsId: null, post: null, rows: 1 }]);
      expect(await countRows(s, 'utfall')).toBe(0);

      const refused = failure(await s.api.call('utfall.import', file));
      expect(refused.message).toContain(
        'Dessa konton är inte kopplade till någon budgetpost: 3010 Medlemsavgifter från medlemmarna, 4010 Köpta tjänster insatser',
      );
      expect(await countRows(s, 'utfall')).toBe(0);
      expect(await countRows(s, 'account_mappings')).toBe(0);

      const done = value(
        await s.api.call('utfall.import', { ...file, accounts: MAPPING, objects: [{ dimension: 6, objectId: 'P12', name: 'Lokus Älvkarleby', insatsId }] }),
      );
      expect(done).toMatchObject({ year: 2026, rowCount: 5 });
      const list = value(await s.api.call('utfall.list', { year: 2026 }));
      const byPost = Object.fromEntries(
        ['medlemsavgifter', 'samverkan_struktur', 'forvaltning_lokaler', 'forvaltning_personal', 'fortroendevalda'].map((p) => [
          p,
          list.rows.filter((r) => r.post === p).reduce((sum, r) => sum + r.amountOre, 0),
        ]),
      );
      // Income positive for an intäkt, costs positive for a kostnad; the insats's rows go to its kategori.
      expect(byPost).toEqual({
        medlemsavgifter: 550_000_000,
        samverkan_struktur: 9_876_543,
        forvaltning_lokaler: 4_512_550,
        forvaltning_personal: 31_000_000,
        fortroendevalda: 1_200_000,
      });
      expect(list.rows.find((r) => r.insatsId === insatsId)).toMatchObject({
        insatsName: 'Lokus Älvkarleby',
        text: 'Rekvisition Lokus Älvkarleby',
        account: '4010',
      });
      expect(list.imports).toHaveLength(1);

      // The mapping is remembered, names and all.
      const mappings = value(await s.api.call('utfall.mappings', {}));
      expect(mappings.accounts.find((a) => a.account === '7690')).toEqual({
        account: '7690',
        name: 'Arvoden förtroendevalda, styrelse',
        post: 'fortroendevalda',
      });

      // The same file again is refused; a new export of the same year replaces the earlier import.
      expect(failure(await s.api.call('utfall.import', file)).message).toContain('Filen är redan importerad');
      const more = sie([
        ...BOOKS,
        {
          series: 'A',
          number: '6',
          date: '2026-04-01',
          text: 'Hyra april',
          transactions: [
            { account: '5010', amountOre: 4_512_550 },
            { account: '1930', amountOre: -4_512_550 },
          ],
        },
      ]);
      const again = value(await s.api.call('utfall.importPreview', { fileName: 'bokföring 2026 april.se', contentBase64: more }));
      expect(again.unmappedAccounts).toEqual([]);
      expect(again.earlierImports).toBe(1);
      const replaced = value(await s.api.call('utfall.import', { fileName: 'bokföring 2026 april.se', contentBase64: more, replaceEarlier: true }));
      expect(replaced).toMatchObject({ rowCount: 6, replaced: 5 });
      expect(await countRows(s, 'utfall')).toBe(6);
      expect(await monthlySumMismatches(s)).toEqual([]);
      expect(await countRows(s, 'utfall_post_months')).toBeGreaterThan(0);
      // Removing the import takes its rows out of the monthly sums as well.
      value(await s.api.call('utfall.removeImport', { id: replaced.importId }));
      expect(await countRows(s, 'utfall')).toBe(0);
      expect([await countRows(s, 'utfall_post_months'), await countRows(s, 'utfall_insats_months')]).toEqual([0, 0]);
    } finally {
      await s.close();
    }
  });

  it('reports a malformed file or unbalanced verification with its line, and writes nothing', async () => {
    const s = await engineSession(engine);
    try {
      const bad = Buffer.from(
        encodePc8('#FLAGGA 0\r\n#SIETYP 4\r\n#RAR 0 20260101 20261231\r\n#VER A 1 20260131 "Hyra"\r\n{\r\n#TRANS 5010 {} 12,50\r\n}\r\n'),
      ).toString('base64');
      const p = value(await s.api.call('utfall.importPreview', { fileName: 'fel.se', contentBase64: bad }));
      expect(p.errors).toEqual([
        'SIE-filen är felaktig. Rad 6: beloppet ”12,50” är inte ett giltigt belopp (skrivs med punkt som decimaltecken, t.ex. -1234.50).',
      ]);
      const unbalanced = sie([
        {
          series: 'A',
          number: '9',
          date: '2026-05-01',
          text: 'Fel',
          transactions: [
            { account: '5010', amountOre: 100 },
            { account: '1930', amountOre: -90 },
          ],
        },
      ]);
      const u = failure(await s.api.call('utfall.import', { fileName: 'obalans.se', contentBase64: unbalanced, accounts: MAPPING }));
      expect(u.message).toMatch(/Inget är importerat\. Rad \d+: verifikation A 9 balanserar inte/);
      expect(await countRows(s, 'utfall')).toBe(0);
      expect(await countRows(s, 'utfall_imports')).toBe(0);
      expect(await countRows(s, 'account_mappings')).toBe(0);
    } finally {
      await s.close();
    }
  });

  it("imports a real export's deviations outside the figures with warnings, and refuses another organisation's books and a file without verifikationer", async () => {
    const s = await engineSession(engine);
    try {
      const text = Buffer.from(Buffer.from(sie(BOOKS), 'base64'))
        .toString('latin1')
        .replace('#SIETYP 4', '#SIETYP 4I')
        .replace(/#RAR 0 \d+ \d+/, '#RAR 0')
        .replace('#KONTO 5010 "Lokalhyra Kungsängsgatan"'.replace('ä', '\x84'), '#KONTO 5010 "Lokalhyra "Kungs\x84ngsgatan" m.m."');
      const deviant = Buffer.from(`${text}`, 'latin1');
      const p = value(await s.api.call('utfall.importPreview', { fileName: 'export.se', contentBase64: deviant.toString('base64'), accounts: MAPPING }));
      expect(p.errors).toEqual([]);
      expect(p.warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Rad \d+: #RAR 0 saknar datum/),
          expect.stringMatching(/kontonamnet har citattecken .* ”Lokalhyra "Kungsängsgatan" m\.m\.”/),
        ]),
      );
      const clean = value(await s.api.call('utfall.importPreview', { fileName: 'ren.se', contentBase64: sie(BOOKS), accounts: MAPPING }));
      expect([p.year, p.rowCount, p.sumOre]).toEqual([clean.year, clean.rowCount, clean.sumOre]);

      // Another organisation's books are refused, naming both numbers.
      const other = Buffer.from(text.replace('#FNAMN', '#ORGNR 212000-1355\r\n#FNAMN'), 'latin1').toString('base64');
      const refused = failure(await s.api.call('utfall.import', { fileName: 'annan.se', contentBase64: other, accounts: MAPPING }));
      expect(refused.message).toContain('Filen är bokföringen för organisationsnummer 212000-1355');
      expect(refused.message).toContain('men förbundets organisationsnummer är 222000-2576');

      // Balances only (SIE 3): said plainly, not 0 rows without a word.
      const saldon = Buffer.from(
        encodePc8('#FLAGGA 0\r\n#SIETYP 3\r\n#RAR 0 20260101 20261231\r\n#KONTO 5010 "Lokalhyra"\r\n#RES 0 5010 150000.00\r\n'),
      ).toString('base64');
      expect(value(await s.api.call('utfall.importPreview', { fileName: 'saldon.se', contentBase64: saldon })).errors).toEqual([
        'Filen har inga verifikationer (SIE typ 3). Utfallet läses ur verifikationerna: exportera SIE 4 ur bokföringen. En fil med bara saldon (SIE typ 1–3) har inget utfall per verifikation.',
      ]);
      expect(await countRows(s, 'utfall')).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('refuses a file for a closed year', async () => {
    const s = await engineSession(engine);
    try {
      value(await s.api.call('years.close', { year: 2025 }));
      const f = failure(
        await s.api.call('utfall.import', {
          fileName: '2025.se',
          contentBase64: sie(
            BOOKS.map((v) => ({ ...v, date: v.date.replace('2026', '2025') })),
            2025,
          ),
          accounts: MAPPING,
        }),
      );
      expect(f.message).toContain('År 2025 är stängt.');
      expect(await countRows(s, 'utfall')).toBe(0);
    } finally {
      await s.close();
    }
  });
});

describe.each(ENGINES)('CSV and Excel import (%s)', (engine) => {
  it('reads a Swedish CSV (semicolons, decimal comma, Windows-1252) by post and insats', async () => {
    const s = await engineSession(engine);
    try {
      await insats(s, 'Lokus Älvkarleby');
      const csv =
        'Datum;Post;Insats;Belopp;Text\r\n2026-02-01;Förtroendevalda;;"1 234,50";Arvode januari\r\n2026-03-01;Samverkansinsatser, strukturinriktade;Lokus Älvkarleby;20000;Rekvisition\r\n';
      const latin1 = Buffer.from(csv, 'latin1').toString('base64');
      const p = value(await s.api.call('utfall.importPreview', { fileName: 'utfall.csv', contentBase64: latin1 }));
      expect(p.errors).toEqual([]);
      expect(p.byPost).toEqual([
        { post: 'samverkan_struktur', sumOre: 2_000_000, rows: 1 },
        { post: 'fortroendevalda', sumOre: 123_450, rows: 1 },
      ]);
      expect(p.byInsats.map((x) => x.name)).toEqual(['Lokus Älvkarleby']);
      value(await s.api.call('utfall.import', { fileName: 'utfall.csv', contentBase64: latin1 }));
      expect(await countRows(s, 'utfall')).toBe(2);

      const wrong = Buffer.from('Datum;Post;Belopp\r\n2026-13-01;Förtroendevalda;10\r\n2026-02-01;Kaffe;10\r\n2026-02-01;Förtroendevalda;tio\r\n').toString(
        'base64',
      );
      const w = value(await s.api.call('utfall.importPreview', { fileName: 'fel.csv', contentBase64: wrong }));
      expect(w.errors[0]).toBe('Rad 2: datumet ”2026-13-01” är inte ett datum (ÅÅÅÅ-MM-DD).');
      expect(w.errors[1]).toMatch(/^Rad 3: posten ”Kaffe” finns inte\./);
      expect(w.errors[2]).toBe('Rad 4: beloppet ”tio” är inte ett belopp.');
      expect(failure(await s.api.call('utfall.import', { fileName: 'fel.csv', contentBase64: wrong })).message).toContain('Inget är importerat.');
      expect(await countRows(s, 'utfall')).toBe(2);
      expect(failure(await s.api.call('utfall.importPreview', { fileName: 'bild.png', contentBase64: 'AAAA' })).message).toContain('är varken en SIE-fil');
    } finally {
      await s.close();
    }
  });
});
