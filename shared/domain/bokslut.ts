import type { BudgetPost } from './budget-posts';
import { formatKr } from '../format/sv';

/**
 * The bokslut of a samordningsförbund as seed 003 sets it: resultaträkning, balansräkning
 * and kassaflödesanalys (indirect method), computed from account balances (SIE #IB, #UB,
 * #RES, or typed) through a mapping of accounts to lines that is separate from the budget
 * posts, and every sum checked: the balansräkning balances, the result equals the change
 * in eget kapital, the kassaflödesanalys ends in the change of likvida medel. Amounts are
 * whole öre inside and whole kronor on the page. SIE's signs: debit positive, credit
 * negative; the statements show intäkter, eget kapital and skulder positive, costs negative.
 */

export type StatementSide = 'rr' | 'br';

export interface LineInfo {
  label: string;
  side: StatementSide;
  /** rr: intäkt or kostnad; br: tillgång, eget kapital or skuld. */
  kind: 'intakt' | 'kostnad' | 'finansiell' | 'tillgang' | 'eget_kapital' | 'skuld';
  /** Group heading in the balansräkning. */
  group?: 'anlaggning' | 'fordringar' | 'likvida' | 'eget_kapital' | 'skulder';
  /** The BAS accounts that go here unless mapped otherwise: [from, to] inclusive. */
  bas: [number, number][];
  note?: number;
}

export const BOKSLUT_LINES = {
  sidointakter: { label: 'Sidointäkter', side: 'rr', kind: 'intakt', bas: [[3100, 3999]], note: 1 },
  rorelseintakter: { label: 'Rörelseintäkter', side: 'rr', kind: 'intakt', bas: [[3000, 3099]], note: 2 },
  samverkan: { label: 'Kostnader för samverkansinsatser', side: 'rr', kind: 'kostnad', bas: [[4000, 4499]], note: 3 },
  utveckling: { label: 'Kostnader för övriga utvecklingsinsatser', side: 'rr', kind: 'kostnad', bas: [[4500, 4999]], note: 4 },
  drift: { label: 'Övriga driftskostnader', side: 'rr', kind: 'kostnad', bas: [[5400, 6999]], note: 5 },
  lokaler: { label: 'Kostnader för lokaler', side: 'rr', kind: 'kostnad', bas: [[5000, 5399]] },
  personal: { label: 'Kostnader för personal', side: 'rr', kind: 'kostnad', bas: [[7000, 7699]], note: 6 },
  avskrivningar: { label: 'Avskrivningar inventarier', side: 'rr', kind: 'kostnad', bas: [[7700, 7899]] },
  ranteintakter: { label: 'Ränteintäkter', side: 'rr', kind: 'finansiell', bas: [[8300, 8399]] },
  ovriga_finansiella: { label: 'Övriga finansiella intäkter', side: 'rr', kind: 'finansiell', bas: [[8000, 8299]] },
  rantekostnader: { label: 'Räntekostnader', side: 'rr', kind: 'finansiell', bas: [[8400, 8499]] },
  inventarier: { label: 'Materiella anläggningstillgångar', side: 'br', kind: 'tillgang', group: 'anlaggning', bas: [[1000, 1399]], note: 7 },
  kundfordringar: { label: 'Kundfordringar', side: 'br', kind: 'tillgang', group: 'fordringar', bas: [[1500, 1599]] },
  ovriga_fordringar: {
    label: 'Övriga kortfristiga fordringar',
    side: 'br',
    kind: 'tillgang',
    group: 'fordringar',
    bas: [
      [1400, 1499],
      [1600, 1699],
    ],
    note: 8,
  },
  interimsfordringar: { label: 'Interimsfordringar', side: 'br', kind: 'tillgang', group: 'fordringar', bas: [[1700, 1799]] },
  placeringar: { label: 'Kortfristiga placeringar', side: 'br', kind: 'tillgang', group: 'likvida', bas: [[1800, 1899]], note: 9 },
  kassa: { label: 'Kassa och bank', side: 'br', kind: 'tillgang', group: 'likvida', bas: [[1900, 1999]], note: 10 },
  reservfond: { label: 'Bunden reservfond', side: 'br', kind: 'eget_kapital', group: 'eget_kapital', bas: [[2080, 2089]] },
  overskott: {
    label: 'Överskott från tidigare år',
    side: 'br',
    kind: 'eget_kapital',
    group: 'eget_kapital',
    bas: [
      [2000, 2079],
      [2090, 2097],
    ],
  },
  resultat_fg: { label: 'Redovisat resultat fg år', side: 'br', kind: 'eget_kapital', group: 'eget_kapital', bas: [[2098, 2098]] },
  leverantorsskulder: { label: 'Leverantörsskulder', side: 'br', kind: 'skuld', group: 'skulder', bas: [[2400, 2499]] },
  ovriga_skulder: {
    label: 'Övriga kortfristiga skulder',
    side: 'br',
    kind: 'skuld',
    group: 'skulder',
    bas: [
      [2100, 2399],
      [2500, 2899],
    ],
    note: 11,
  },
  interimsskulder: { label: 'Interimsskulder', side: 'br', kind: 'skuld', group: 'skulder', bas: [[2900, 2999]], note: 12 },
} as const satisfies Record<string, LineInfo>;

export type BokslutLine = keyof typeof BOKSLUT_LINES;
export const BOKSLUT_LINE_KEYS = Object.keys(BOKSLUT_LINES) as BokslutLine[];
const INFO: Record<BokslutLine, LineInfo> = BOKSLUT_LINES;

/** 2099 (årets resultat) is the result itself, and 8999 closes it: neither is a line. */
const CLOSING_ACCOUNTS = new Set(['2099', '8999']);

/** The budget posts as they fall on the resultaträkning's lines (arvoden are personal here, förtroendevalda in the overview). */
export const POST_TO_LINE: Record<BudgetPost, BokslutLine> = {
  medlemsavgifter: 'rorelseintakter',
  sidointakter: 'sidointakter',
  finansiella_intakter: 'ovriga_finansiella',
  samverkan_individ: 'samverkan',
  samverkan_struktur: 'samverkan',
  samverkan_kompetens: 'samverkan',
  samverkan_ej_fordelat: 'samverkan',
  utveckling: 'utveckling',
  fortroendevalda: 'personal',
  forvaltning_personal: 'personal',
  forvaltning_lokaler: 'lokaler',
  forvaltning_ovrigt: 'drift',
  avskrivningar: 'avskrivningar',
  finansiella_kostnader: 'rantekostnader',
};

/** The line a BAS account goes to when nobody has said otherwise; null when none fits. */
export function defaultLine(account: string): BokslutLine | null {
  if (!/^\d{4}/.test(account) || CLOSING_ACCOUNTS.has(account)) return null;
  const n = Number(account.slice(0, 4));
  return BOKSLUT_LINE_KEYS.find((k) => INFO[k].bas.some(([a, b]) => n >= a && n <= b)) ?? null;
}

export function isClosingAccount(account: string): boolean {
  return CLOSING_ACCOUNTS.has(account);
}

export interface AccountSaldo {
  account: string;
  name: string;
  /** Balance accounts: opening and closing balance; result accounts: the year's result. All öre, SIE signs. */
  ibOre: number;
  ubOre: number;
  resOre: number;
}

export interface StatementRow {
  line: BokslutLine;
  label: string;
  note: number | null;
  /** Whole kronor, as the statement shows it. */
  kr: number;
}

export interface Statements {
  rr: StatementRow[];
  rrSums: { intakter: number; kostnader: number; rorelseresultat: number; finansiella: number; resultat: number };
  br: StatementRow[];
  brSums: {
    anlaggning: number;
    fordringar: number;
    omsattning: number;
    tillgangar: number;
    egetKapital: number;
    skulder: number;
    egetKapitalOchSkulder: number;
  };
  /** The year's result as eget kapital shows it ("Periodens resultat"). */
  periodensResultat: number;
  kfa: {
    resultat: number;
    avskrivningar: number;
    fore: number;
    fordringar: number;
    skulder: number;
    lopande: number;
    investering: number;
    finansiering: number;
    kassaflode: number;
    likvidaIb: number;
    likvidaUb: number;
  };
  /** Accounts with a balance that no line takes. */
  unmapped: { account: string; name: string; kr: number }[];
}

const kr = (ore: number) => Math.round(ore / 100);

/** The three statements for one year from its accounts' balances and the mapping. */
export function statements(saldon: readonly AccountSaldo[], mapping: ReadonlyMap<string, BokslutLine | null>): Statements {
  const rrOre = new Map<BokslutLine, number>();
  const ubOre = new Map<BokslutLine, number>();
  const ibOre = new Map<BokslutLine, number>();
  const unmapped: Statements['unmapped'] = [];
  // Årets resultat (2099) is eget kapital; the balance accounts' sum is the result not yet closed into it.
  let ek2099Ib = 0;
  let ek2099Ub = 0;
  let openResult = 0;
  for (const s of saldon) {
    if (/^[12]/.test(s.account)) openResult += s.ubOre;
    if (s.account === '2099') {
      ek2099Ib -= s.ibOre;
      ek2099Ub -= s.ubOre;
    }
    if (isClosingAccount(s.account)) continue;
    const line = mapping.has(s.account) ? mapping.get(s.account)! : defaultLine(s.account);
    if (line === null) {
      if (s.resOre !== 0 || s.ubOre !== 0 || s.ibOre !== 0) unmapped.push({ account: s.account, name: s.name, kr: kr(s.resOre || s.ubOre) });
      continue;
    }
    if (INFO[line].side === 'rr') rrOre.set(line, (rrOre.get(line) ?? 0) - s.resOre);
    else {
      const sign = INFO[line].kind === 'tillgang' ? 1 : -1;
      ubOre.set(line, (ubOre.get(line) ?? 0) + sign * s.ubOre);
      ibOre.set(line, (ibOre.get(line) ?? 0) + sign * s.ibOre);
    }
  }
  const rrLines = BOKSLUT_LINE_KEYS.filter((k) => INFO[k].side === 'rr');
  const brLines = BOKSLUT_LINE_KEYS.filter((k) => INFO[k].side === 'br');
  const row = (line: BokslutLine, ore: number): StatementRow => ({ line, label: INFO[line].label, note: INFO[line].note ?? null, kr: kr(ore) });
  const rr = rrLines.map((l) => row(l, rrOre.get(l) ?? 0));
  const br = brLines.map((l) => row(l, ubOre.get(l) ?? 0));
  const ib = brLines.map((l) => row(l, ibOre.get(l) ?? 0));
  const sumRr = (kinds: LineInfo['kind'][]) => rr.filter((r) => kinds.includes(INFO[r.line].kind)).reduce((s, r) => s + r.kr, 0);
  const intakter = sumRr(['intakt']);
  const kostnader = sumRr(['kostnad']);
  const finansiella = sumRr(['finansiell']);
  const resultat = intakter + kostnader + finansiella;
  const sumBr = (group: LineInfo['group'], rows = br) => rows.filter((r) => INFO[r.line].group === group).reduce((s, r) => s + r.kr, 0);
  const anlaggning = sumBr('anlaggning');
  const fordringar = sumBr('fordringar');
  const likvida = sumBr('likvida');
  const periodensResultat = kr(ek2099Ub + openResult);
  const egetKapital = sumBr('eget_kapital') + periodensResultat;
  const egetKapitalIb = sumBr('eget_kapital', ib) + kr(ek2099Ib);
  const skulder = sumBr('skulder');
  const avskrivningar = -(rr.find((r) => r.line === 'avskrivningar')?.kr ?? 0);
  const fore = resultat + avskrivningar;
  const dFordringar = -(fordringar - sumBr('fordringar', ib));
  const dSkulder = skulder - sumBr('skulder', ib);
  const lopande = fore + dFordringar + dSkulder;
  const investering = -(anlaggning - sumBr('anlaggning', ib) + avskrivningar);
  const finansiering = egetKapital - egetKapitalIb - resultat;
  const kassaflode = lopande + investering + finansiering;
  return {
    rr,
    rrSums: { intakter, kostnader, rorelseresultat: intakter + kostnader, finansiella, resultat },
    br,
    brSums: {
      anlaggning,
      fordringar,
      omsattning: fordringar + likvida,
      tillgangar: anlaggning + fordringar + likvida,
      egetKapital,
      skulder,
      egetKapitalOchSkulder: egetKapital + skulder,
    },
    periodensResultat,
    kfa: {
      resultat,
      avskrivningar,
      fore,
      fordringar: dFordringar,
      skulder: dSkulder,
      lopande,
      investering,
      finansiering,
      kassaflode,
      likvidaIb: sumBr('likvida', ib),
      likvidaUb: likvida,
    },
    unmapped,
  };
}

export interface BokslutCheck {
  ok: boolean;
  what: string;
  /** The difference named, to the krona; null when it holds. */
  message: string | null;
}

/** Every cross-check of the statements, each named and, where it fails, the difference to the krona. */
export function bokslutChecks(s: Statements, notes: { label: string; noteKr: number; lineKr: number }[] = []): BokslutCheck[] {
  const check = (what: string, a: number, b: number, explain: (diff: number) => string): BokslutCheck =>
    a === b ? { ok: true, what, message: null } : { ok: false, what, message: explain(a - b) };
  const likvida = s.kfa.likvidaUb - s.kfa.likvidaIb;
  const checks = [
    check(
      'Balansräkningen balanserar',
      s.brSums.tillgangar,
      s.brSums.egetKapitalOchSkulder,
      (d) =>
        `Tillgångarna (${formatKr(s.brSums.tillgangar)}) och eget kapital och skulder (${formatKr(s.brSums.egetKapitalOchSkulder)}) skiljer ${formatKr(d)}.`,
    ),
    check(
      'Periodens resultat i balansräkningen är årets resultat',
      s.periodensResultat,
      s.rrSums.resultat,
      (d) =>
        `Periodens resultat i balansräkningen (${formatKr(s.periodensResultat)}) och årets resultat i resultaträkningen (${formatKr(s.rrSums.resultat)}) skiljer ${formatKr(d)}.`,
    ),
    check(
      'Årets resultat är förändringen av eget kapital',
      s.kfa.finansiering,
      0,
      (d) =>
        `Eget kapital har ändrats med ${formatKr(d)} utöver årets resultat (${formatKr(s.rrSums.resultat)}), t.ex. en avsättning bokförd direkt mot eget kapital.`,
    ),
    check(
      'Kassaflödesanalysen slutar i förändringen av likvida medel',
      s.kfa.kassaflode,
      likvida,
      (d) => `Årets kassaflöde (${formatKr(s.kfa.kassaflode)}) och förändringen av likvida medel (${formatKr(likvida)}) skiljer ${formatKr(d)}.`,
    ),
    ...notes.map((n) =>
      check(
        `${n.label} stämmer med raden`,
        n.noteKr,
        n.lineKr,
        (d) => `${n.label} summerar till ${formatKr(n.noteKr)}, men raden är ${formatKr(n.lineKr)}: skillnad ${formatKr(d)}.`,
      ),
    ),
  ];
  if (s.unmapped.length > 0) {
    checks.push({
      ok: false,
      what: 'Alla konton har en rad',
      message: `${s.unmapped.map((u) => `Konto ${u.account} ${u.name} (${formatKr(u.kr)})`).join(', ')} hör inte till någon rad i resultat- eller balansräkningen. Koppla kontona till rader.`,
    });
  }
  return checks;
}
