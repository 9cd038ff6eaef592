import { describe, expect, it } from 'vitest';
import { decodePc8, encodePc8 } from '../../shared/domain/pc8';
import { parseSie, SieParseError, unbalancedVerifications, writeSie } from '../../shared/domain/sie4';

const FILE = [
  '#FLAGGA 0',
  '#PROGRAM "Visma Förening" 2026.1',
  '#FORMAT PC8',
  '#GEN 20270115',
  '#SIETYP 4',
  '#FNAMN "Samordningsförbundet Uppsala län"',
  '#ORGNR 222000-2576',
  '#RAR 0 20260101 20261231',
  '#RAR -1 20250101 20251231',
  '#KSUMMA',
  '#DIM 6 "Projekt"',
  '#OBJEKT 6 "P12" "Lokus Älvkarleby"',
  '#KONTO 1930 "Företagskonto"',
  '#KONTO 5010 "Lokalhyra"',
  '#KONTO 7010 "Löner till tjänstemän"',
  '#KONTO 4010 "Köpta tjänster insatser"',
  '#SRU 5010 7513',
  '#IB 0 1930 1000000.00',
  '#VER "A" "1" 20260131 "Hyra januari \\"Kungsgatan\\""',
  '{',
  '   #TRANS 5010 {} 12500.50',
  '   #TRANS 1930 {} -12500.50',
  '}',
  '#VER A 2 20260215 "Rekvisition Älvkarleby"',
  '{',
  '   #TRANS 4010 {6 "P12"} 80000 20260210 "Första kvartalet"',
  '   #RTRANS 7010 {} 0.1',
  '   #TRANS 7010 {} 0.1',
  '   #BTRANS 7010 {} 99',
  '   #TRANS 1930 {} -80000.10',
  '}',
].join('\r\n');

describe('PC8 (code page 437)', () => {
  it('round-trips Swedish letters and refuses a character it cannot write', () => {
    const text = 'Lokalhyra Kungsgången, Ärende Östhammar: åäö ÅÄÖ é ü';
    const bytes = encodePc8(text);
    expect([...encodePc8('åäöÅÄÖ')]).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]);
    expect(decodePc8(bytes)).toBe(text);
    expect(() => encodePc8('Kungsgången – Östhammar')).toThrow('Tecknet ”–” (U+2013) kan inte skrivas i teckenkodningen PC8.');
  });
});

describe('SIE 4', () => {
  it('reads names with åäö, objects and exact öre, and skips #RTRANS and #BTRANS', () => {
    const f = parseSie(encodePc8(FILE));
    expect(f.companyName).toBe('Samordningsförbundet Uppsala län');
    expect(f.fiscalYears).toEqual([
      { index: 0, from: '2026-01-01', to: '2026-12-31' },
      { index: -1, from: '2025-01-01', to: '2025-12-31' },
    ]);
    expect(f.accounts.find((a) => a.number === '7010')?.name).toBe('Löner till tjänstemän');
    expect(f.objects).toEqual([{ dimension: 6, id: 'P12', name: 'Lokus Älvkarleby' }]);
    expect(f.verifications[0]?.text).toBe('Hyra januari "Kungsgatan"');
    const sums = new Map<string, number>();
    for (const t of f.verifications.flatMap((v) => v.transactions)) sums.set(t.account, (sums.get(t.account) ?? 0) + t.amountOre);
    expect(Object.fromEntries(sums)).toEqual({ '5010': 1_250_050, '1930': -9_250_060, '4010': 8_000_000, '7010': 10 });
    const rek = f.verifications[1]!.transactions[0]!;
    expect(rek).toMatchObject({ objects: [{ dimension: 6, id: 'P12' }], date: '2026-02-10', text: 'Första kvartalet', line: 26 });
    expect(unbalancedVerifications(f)).toEqual([]);
    // LF only works as well.
    expect(parseSie(encodePc8(FILE.replaceAll('\r\n', '\n'))).verifications).toHaveLength(2);
  });

  it('writes what it reads: accounts, objects and transactions survive a round trip', () => {
    const bytes = writeSie({
      program: 'Kansli',
      companyName: 'Samordningsförbundet Uppsala län',
      generatedOn: '2027-01-15',
      fiscalYear: { from: '2026-01-01', to: '2026-12-31' },
      accounts: [
        { number: '5010', name: 'Lokalhyra Öregrund' },
        { number: '1930', name: 'Företagskonto' },
      ],
      dimensions: [{ number: 6, name: 'Projekt' }],
      objects: [{ dimension: 6, id: 'P 1', name: 'Lokus "Heby"' }],
      verifications: [
        {
          series: 'A',
          number: '7',
          date: '2026-03-01',
          text: 'Hyra mars',
          transactions: [
            { account: '5010', objects: [{ dimension: 6, id: 'P 1' }], amountOre: 5, text: 'öresavrundning' },
            { account: '1930', amountOre: -5 },
          ],
        },
      ],
    });
    const f = parseSie(bytes);
    expect(f.accounts).toEqual([
      { number: '5010', name: 'Lokalhyra Öregrund' },
      { number: '1930', name: 'Företagskonto' },
    ]);
    expect(f.objects).toEqual([{ dimension: 6, id: 'P 1', name: 'Lokus "Heby"' }]);
    expect(f.verifications[0]?.transactions.map((t) => [t.account, t.amountOre, t.objects, t.text])).toEqual([
      ['5010', 5, [{ dimension: 6, id: 'P 1' }], 'öresavrundning'],
      ['1930', -5, [], null],
    ]);
  });

  it('finds a verification that does not balance', () => {
    const f = parseSie(encodePc8(FILE.replace('#TRANS 1930 {} -12500.50', '#TRANS 1930 {} -12500.00')));
    expect(unbalancedVerifications(f)).toEqual([{ series: 'A', number: '1', line: 19, sumOre: 50 }]);
  });

  it('reads what real exports get wrong outside the figures, and names each line in a warning', () => {
    const deviant = FILE.replace('#ORGNR 222000-2576', '#ORGNR ""')
      .replace('#KONTO 5010 "Lokalhyra"', '#KONTO 5010 "Lokalhyra "Kungsgatan" m.m."')
      .replace('#TRANS 4010 {6 "P12"} 80000 20260210 "Första kvartalet"', '#TRANS 4010 {6 "P12"} 80000 20260210 "Första kvar')
      .replace('#SIETYP 4', '#SIETYP 4I')
      .replace('#RAR 0 20260101 20261231', '#RAR 0');
    const f = parseSie(encodePc8(deviant));
    const clean = parseSie(encodePc8(FILE));
    expect(f.orgNr).toBeNull();
    expect(f.accounts.find((a) => a.number === '5010')?.name).toBe('Lokalhyra "Kungsgatan" m.m.');
    expect(f.verifications.flatMap((v) => v.transactions.map((t) => t.amountOre))).toEqual(
      clean.verifications.flatMap((v) => v.transactions.map((t) => t.amountOre)),
    );
    expect(f.verifications[1]?.transactions[0]?.text).toBe('Första kvar');
    expect(f.fiscalYears.map((y) => y.index)).toEqual([-1]);
    expect(f.warnings).toEqual([
      'Rad 8: #RAR 0 saknar datum; räkenskapsåret tas från verifikationernas datum.',
      'Rad 14: kontonamnet har citattecken som inte är skyddade med \\; det läses som ”Lokalhyra "Kungsgatan" m.m.”.',
      'Rad 26: texten stängs aldrig med citattecken; den läses till radens slut.',
    ]);
  });

  const cases: [string, string, number, string][] = [
    ['not SIE', 'Datum;Belopp\r\n', 1, 'filen börjar inte med #FLAGGA'],
    ['a comma decimal', FILE.replace('12500.50', '12500,50'), 21, 'beloppet ”12500,50” är inte ett giltigt belopp'],
    ['an exponent', FILE.replace('80000 20260210', '8e4 20260210'), 26, 'beloppet ”8e4”'],
    ['no amount', FILE.replace('#TRANS 5010 {} 12500.50', '#TRANS 5010 {}'), 21, 'Beloppet saknas.'],
    ['an impossible date', FILE.replace('20260131', '20260230'), 19, 'datumet ”20260230” finns inte'],
    ['#TRANS outside #VER', `${FILE}\r\n#TRANS 5010 {} 1.00`, 32, '#TRANS står utanför en verifikation'],
    ['#VER without {', FILE.replace('"\r\n{\r\n   #TRANS 5010', '"\r\n   #TRANS 5010'), 20, 'ska följas av en rad med {'],
    ['a block never closed', FILE.replace(/\}$/, ''), 24, 'stängs aldrig med }'],
    ['a stray }', `${FILE}\r\n}`, 32, '} utan en öppen verifikation'],
    ['a quote that swallows the amount', FILE.replace('#TRANS 5010 {} 12500.50', '#TRANS 5010 {} "12500.50 20260131"'), 21, 'är inte ett giltigt belopp'],
    ['an unclosed object list', FILE.replace('{6 "P12"}', '{6 "P12"'), 26, 'objektlistan { … } stängs aldrig'],
    ['SIE 1 with verifications', FILE.replace('#SIETYP 4', '#SIETYP 1'), 19, 'filen är SIE typ 1'],
  ];
  it.each(cases)('refuses %s with the line and why', (_name, text, line, reason) => {
    let err: unknown;
    try {
      parseSie(encodePc8(text));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SieParseError);
    expect((err as SieParseError).line).toBe(line);
    expect((err as SieParseError).message).toContain(`Rad ${line}: `);
    expect((err as SieParseError).reason).toContain(reason);
  });
});
