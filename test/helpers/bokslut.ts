import type { AccountSaldo } from '../../shared/domain/bokslut';
import { writeSie } from '../../shared/domain/sie4';

/** Whole kronor to öre. */
const o = (kr: number) => Math.round(kr * 100);

/**
 * Seed 003's Årsbokslut 2017 of Samordningsförbundet Uppsala län as account balances, in
 * SIE's signs (debit positive): the resultaträkning's lines as #RES of one BAS account
 * each, the balansräkning's as #IB (= 2016-12-31) and #UB (2017-12-31). The 2016 result
 * (−775 197) stands in 2099 at the start of the year, the books are not yet closed.
 */
export const SEED_003_2017: AccountSaldo[] = [
  { account: '3010', name: 'Medlemsavgifter', ibOre: 0, ubOre: 0, resOre: o(-21_585_170) },
  { account: '3990', name: 'Hyresintäkter och övriga intäkter', ibOre: 0, ubOre: 0, resOre: o(-178_235) },
  { account: '4010', name: 'Samverkansinsatser', ibOre: 0, ubOre: 0, resOre: o(18_042_335) },
  { account: '4510', name: 'Övriga utvecklingsinsatser', ibOre: 0, ubOre: 0, resOre: o(1_425_318) },
  { account: '5410', name: 'Förbrukningsinventarier och övrig drift', ibOre: 0, ubOre: 0, resOre: o(707_279) },
  { account: '5010', name: 'Lokalhyra', ibOre: 0, ubOre: 0, resOre: o(542_653) },
  { account: '7010', name: 'Löner tjänstemän', ibOre: 0, ubOre: 0, resOre: o(3_500_531) },
  { account: '7690', name: 'Arvoden förtroendevalda', ibOre: 0, ubOre: 0, resOre: o(762_300) },
  { account: '7832', name: 'Avskrivningar inventarier', ibOre: 0, ubOre: 0, resOre: o(29_895) },
  { account: '8310', name: 'Ränteintäkter', ibOre: 0, ubOre: 0, resOre: o(-155) },
  { account: '8220', name: 'Resultat vid försäljning av fondandelar', ibOre: 0, ubOre: 0, resOre: o(-362_796) },
  { account: '8410', name: 'Räntekostnader', ibOre: 0, ubOre: 0, resOre: o(414) },
  { account: '1220', name: 'Inventarier', ibOre: o(142_723), ubOre: o(116_804), resOre: 0 },
  { account: '1510', name: 'Kundfordringar', ibOre: o(55_213), ubOre: o(56_111), resOre: 0 },
  { account: '1640', name: 'Skattefordringar', ibOre: o(586_008), ubOre: o(749_509), resOre: 0 },
  { account: '1790', name: 'Övriga förutbetalda kostnader', ibOre: o(69_387), ubOre: o(63_555), resOre: 0 },
  { account: '1810', name: 'Andelar i korträntefond', ibOre: o(13_495_075), ubOre: o(13_857_872), resOre: 0 },
  { account: '1930', name: 'Företagskonto', ibOre: o(3_866_243), ubOre: o(869_636), resOre: 0 },
  { account: '2081', name: 'Bunden reservfond', ibOre: o(-1_000_000), ubOre: o(-1_000_000), resOre: 0 },
  { account: '2091', name: 'Överskott från tidigare år', ibOre: o(-12_266_391), ubOre: o(-12_214_958), resOre: 0 },
  { account: '2098', name: 'Resultat föregående år', ibOre: o(51_433), ubOre: o(775_197), resOre: 0 },
  { account: '2099', name: 'Årets resultat', ibOre: o(775_197), ubOre: 0, resOre: 0 },
  { account: '2440', name: 'Leverantörsskulder', ibOre: o(-5_241_921), ubOre: o(-5_554_039), resOre: 0 },
  { account: '2890', name: 'Övriga kortfristiga skulder', ibOre: o(-276_138), ubOre: o(-292_179), resOre: 0 },
  { account: '2990', name: 'Övriga upplupna kostnader', ibOre: o(-256_829), ubOre: o(-311_877), resOre: 0 },
];

/** Seed 003's 2017 balances as an SIE 3 file (balances only), 2016's #RES beside them. */
export function sie003(opts: { orgNr?: string; dropUb?: string; type?: 1 | 2 | 3 | 4; year?: number } = {}): string {
  const year = opts.year ?? 2017;
  const balances = SEED_003_2017.flatMap((a) => {
    const rows: { kind: 'IB' | 'UB' | 'RES'; yearIndex: number; account: string; amountOre: number }[] = [];
    if (/^[12]/.test(a.account)) {
      rows.push({ kind: 'IB', yearIndex: 0, account: a.account, amountOre: a.ibOre });
      if (a.account !== opts.dropUb) rows.push({ kind: 'UB', yearIndex: 0, account: a.account, amountOre: a.ubOre });
    } else rows.push({ kind: 'RES', yearIndex: 0, account: a.account, amountOre: a.resOre });
    return rows;
  });
  const bytes = writeSie({
    sieType: opts.type ?? 3,
    program: 'Test',
    companyName: 'Samordningsförbundet Uppsala län',
    orgNr: opts.orgNr ?? '222000-2576',
    generatedOn: `${year + 1}-02-10`,
    fiscalYear: { from: `${year}-01-01`, to: `${year}-12-31` },
    accounts: SEED_003_2017.map((a) => ({ number: a.account, name: a.name })),
    balances,
    verifications: [],
  });
  return Buffer.from(bytes).toString('base64');
}
