import { decodePc8, encodePc8 } from './pc8';

/**
 * SIE 4, the Swedish accounting export (SIE-Gruppen, "SIE filformat ver 4B"): a text
 * file in PC8 with one record per line, each starting with a #label. A reader ignores
 * labels it does not know. Verifications are a #VER line followed by a block in { }
 * with #TRANS lines; #RTRANS and #BTRANS (added and removed rows) are skipped, since
 * SIE 4 writes an ordinary #TRANS after each #RTRANS. Amounts are kept as whole öre,
 * parsed from the text without floating point.
 */

export interface SieAccount {
  number: string;
  name: string;
}
export interface SieObjectRef {
  dimension: number;
  id: string;
}
export interface SieObject extends SieObjectRef {
  name: string;
}
export interface SieTransaction {
  account: string;
  objects: SieObjectRef[];
  amountOre: number;
  date: string | null;
  text: string | null;
  line: number;
}
export interface SieVerification {
  series: string;
  number: string;
  date: string;
  text: string;
  transactions: SieTransaction[];
  line: number;
}
export interface SieFile {
  format: string | null;
  sieType: string | null;
  program: string | null;
  companyName: string | null;
  orgNr: string | null;
  /** #RAR: index 0 is the current year, −1 the one before. */
  fiscalYears: { index: number; from: string; to: string }[];
  accounts: SieAccount[];
  objects: SieObject[];
  verifications: SieVerification[];
  /** #IB, #UB (balance accounts) and #RES (result accounts), per year index (0 this year, −1 the one before). */
  balances: SieBalance[];
  warnings: string[];
}

export interface SieBalance {
  kind: 'IB' | 'UB' | 'RES';
  yearIndex: number;
  account: string;
  amountOre: number;
  line: number;
}

export class SieParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`Rad ${line}: ${reason}`);
    this.name = 'SieParseError';
  }
}

type Token = string | { list: string[] };

/**
 * Splits a record into fields: bare words, "quoted text" (\" and \\ escaped) and {object
 * lists}. Real exports deviate in text fields in ways that do not touch the figures, so a
 * quote that is not followed by a space, a } or the line's end is read as part of the
 * text, and a text cut off at the line's end ends there; each is noted in `notes`.
 */
function tokenize(text: string, line: number, notes: string[] = []): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    let out = '';
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
        out += text[i + 1];
        i += 2;
      } else if (c === '"' && (i + 1 >= text.length || /[\s}]/.test(text[i + 1]!))) {
        i++;
        return out;
      } else if (c === '"') {
        notes.push('ett citattecken inuti en text är inte skyddat med \\; det läses som en del av texten.');
        out += c;
        i++;
      } else {
        out += c;
        i++;
      }
    }
    notes.push('texten stängs aldrig med citattecken; den läses till radens slut.');
    return out;
  };
  const readBare = (stop: RegExp): string => {
    const start = i;
    while (i < text.length && !stop.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') i++;
    else if (c === '"') tokens.push(readQuoted());
    else if (c === '{') {
      i++;
      const list: string[] = [];
      for (;;) {
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (i >= text.length) throw new SieParseError(line, 'objektlistan { … } stängs aldrig.');
        if (text[i] === '}') {
          i++;
          break;
        }
        list.push(text[i] === '"' ? readQuoted() : readBare(/[\s}"]/));
      }
      tokens.push({ list });
    } else tokens.push(readBare(/[\s"{]/));
  }
  return tokens;
}

function str(tokens: Token[], index: number, line: number, what: string, required = true): string | null {
  const t = tokens[index];
  if (t === undefined || (typeof t === 'string' && t === '' && required)) {
    if (required) throw new SieParseError(line, `${what} saknas.`);
    return null;
  }
  if (typeof t !== 'string') throw new SieParseError(line, `${what} ska vara text, inte en objektlista.`);
  return t;
}

/** "-1234.5" → −123 450 öre, exactly. */
export function parseSieAmount(text: string, line: number): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new SieParseError(line, `beloppet ”${text}” är inte ett giltigt belopp (skrivs med punkt som decimaltecken, t.ex. -1234.50).`);
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) throw new SieParseError(line, `beloppet ”${text}” är för stort.`);
  return m[1] === '-' ? -ore : ore;
}

/** "20170131" → "2017-01-31"; an impossible date is an error. */
export function parseSieDate(text: string, line: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new SieParseError(line, `datumet ”${text}” finns inte (skrivs ÅÅÅÅMMDD).`);
  return iso;
}

function objectRefs(token: Token | undefined, line: number): SieObjectRef[] {
  if (token === undefined || typeof token === 'string') throw new SieParseError(line, 'objektlistan { … } saknas efter kontot.');
  if (token.list.length % 2 !== 0) throw new SieParseError(line, 'objektlistan ska ha par av dimension och objekt.');
  const refs: SieObjectRef[] = [];
  for (let k = 0; k < token.list.length; k += 2) {
    const dimension = Number(token.list[k]);
    if (!Number.isInteger(dimension) || dimension < 1) throw new SieParseError(line, `dimensionen ”${token.list[k]}” i objektlistan är inte ett nummer.`);
    refs.push({ dimension, id: token.list[k + 1]! });
  }
  return refs;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return decodePc8(bytes);
}

export function parseSie(bytes: Uint8Array): SieFile {
  const lines = decode(bytes).split(/\r?\n/);
  const file: SieFile = {
    format: null,
    sieType: null,
    program: null,
    companyName: null,
    orgNr: null,
    fiscalYears: [],
    accounts: [],
    objects: [],
    verifications: [],
    balances: [],
    warnings: [],
  };
  const firstUsed = lines.findIndex((l) => l.trim() !== '');
  if (firstUsed < 0 || !/^#FLAGGA\b/i.test(lines[firstUsed]!.trim())) {
    throw new SieParseError(firstUsed < 0 ? 1 : firstUsed + 1, 'filen börjar inte med #FLAGGA och är därför ingen SIE-fil.');
  }
  let open: SieVerification | null = null;
  let expectBrace: SieVerification | null = null;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') return;
    if (expectBrace) {
      if (text !== '{') throw new SieParseError(line, `#VER på rad ${expectBrace.line} ska följas av en rad med {.`);
      open = expectBrace;
      expectBrace = null;
      return;
    }
    if (text === '}') {
      if (!open) throw new SieParseError(line, '} utan en öppen verifikation.');
      open = null;
      return;
    }
    if (!text.startsWith('#')) throw new SieParseError(line, `raden börjar inte med en etikett (#…): ”${text.slice(0, 40)}”.`);
    const notes: string[] = [];
    let tokens = tokenize(text, line, notes);
    const label = String(tokens[0]).toUpperCase();
    if (label === '#KONTO' && (notes.length > 0 || tokens.length > 3)) {
      // An account name with a stray quote: the name is the rest of the line.
      const rest = text.replace(/^#KONTO\s+\S+\s*/i, '').replace(/^"|"$/g, '');
      tokens = [tokens[0]!, tokens[1]!, rest];
      notes.splice(0, notes.length, `kontonamnet har citattecken som inte är skyddade med \\; det läses som ”${rest}”.`);
    }
    for (const note of [...new Set(notes)]) file.warnings.push(`Rad ${line}: ${note}`);
    switch (label) {
      case '#FORMAT':
        file.format = str(tokens, 1, line, 'Formatet');
        break;
      case '#SIETYP':
        file.sieType = str(tokens, 1, line, 'SIE-typen');
        break;
      case '#PROGRAM':
        file.program = str(tokens, 1, line, 'Programnamnet', false);
        break;
      case '#FNAMN':
        file.companyName = str(tokens, 1, line, 'Företagsnamnet');
        break;
      case '#ORGNR':
        // Some programs write an empty #ORGNR; it says nothing, and nothing is compared.
        file.orgNr = str(tokens, 1, line, 'Organisationsnumret', false) || null;
        break;
      case '#RAR': {
        const idx = Number(str(tokens, 1, line, 'Årsnumret'));
        if (!Number.isInteger(idx)) throw new SieParseError(line, 'årsnumret i #RAR är inte ett heltal.');
        if (!str(tokens, 2, line, 'Startdatum', false) || !str(tokens, 3, line, 'Slutdatum', false)) {
          file.warnings.push(`Rad ${line}: #RAR ${idx} saknar datum; räkenskapsåret tas från verifikationernas datum.`);
          break;
        }
        file.fiscalYears.push({
          index: idx,
          from: parseSieDate(str(tokens, 2, line, 'Startdatum')!, line),
          to: parseSieDate(str(tokens, 3, line, 'Slutdatum')!, line),
        });
        break;
      }
      case '#KONTO':
        file.accounts.push({ number: str(tokens, 1, line, 'Kontonumret')!, name: str(tokens, 2, line, 'Kontonamnet', false) ?? '' });
        break;
      case '#OBJEKT': {
        const dimension = Number(str(tokens, 1, line, 'Dimensionen'));
        if (!Number.isInteger(dimension)) throw new SieParseError(line, 'dimensionen i #OBJEKT är inte ett nummer.');
        file.objects.push({ dimension, id: str(tokens, 2, line, 'Objektet')!, name: str(tokens, 3, line, 'Objektnamnet', false) ?? '' });
        break;
      }
      case '#IB':
      case '#UB':
      case '#RES': {
        const yearIndex = Number(str(tokens, 1, line, 'Årsnumret'));
        if (!Number.isInteger(yearIndex)) throw new SieParseError(line, `årsnumret i ${label} är inte ett heltal.`);
        file.balances.push({
          kind: label.slice(1) as SieBalance['kind'],
          yearIndex,
          account: str(tokens, 2, line, 'Kontot')!,
          amountOre: parseSieAmount(str(tokens, 3, line, 'Saldot')!, line),
          line,
        });
        break;
      }
      case '#VER': {
        if (open) throw new SieParseError(line, `verifikationen på rad ${(open as SieVerification).line} stängs aldrig med }.`);
        if (file.sieType !== null && !/^4/.test(file.sieType)) {
          throw new SieParseError(line, `filen är SIE typ ${file.sieType}; bara SIE 4 innehåller verifikationer. Exportera SIE 4 ur bokföringen.`);
        }
        expectBrace = {
          series: str(tokens, 1, line, 'Verifikationsserien', false) ?? '',
          number: str(tokens, 2, line, 'Verifikationsnumret', false) ?? '',
          date: parseSieDate(str(tokens, 3, line, 'Verifikationsdatumet')!, line),
          text: str(tokens, 4, line, 'Texten', false) ?? '',
          transactions: [],
          line,
        };
        file.verifications.push(expectBrace);
        break;
      }
      case '#TRANS': {
        if (!open) throw new SieParseError(line, '#TRANS står utanför en verifikation (#VER { … }).');
        const date = str(tokens, 4, line, 'Transaktionsdatumet', false);
        (open as SieVerification).transactions.push({
          account: str(tokens, 1, line, 'Kontot')!,
          objects: objectRefs(tokens[2], line),
          amountOre: parseSieAmount(str(tokens, 3, line, 'Beloppet')!, line),
          date: date ? parseSieDate(date, line) : null,
          text: str(tokens, 5, line, 'Texten', false) || null,
          line,
        });
        break;
      }
      default:
        // #RTRANS, #BTRANS and every label this reader does not use are skipped, as the format asks.
        break;
    }
  });
  if (expectBrace) throw new SieParseError((expectBrace as SieVerification).line, '#VER följs inte av någon rad med {.');
  if (open) throw new SieParseError((open as SieVerification).line, 'verifikationen stängs aldrig med }.');
  const known = new Set(file.accounts.map((a) => a.number));
  const missing = new Set(file.verifications.flatMap((v) => v.transactions.map((t) => t.account)).filter((a) => !known.has(a)));
  for (const a of missing) file.warnings.push(`Konto ${a} används i verifikationer men saknar #KONTO i filen.`);
  return file;
}

/** Verifications whose rows do not sum to zero. */
export function unbalancedVerifications(file: SieFile): { series: string; number: string; line: number; sumOre: number }[] {
  return file.verifications
    .map((v) => ({ series: v.series, number: v.number, line: v.line, sumOre: v.transactions.reduce((s, t) => s + t.amountOre, 0) }))
    .filter((v) => v.sumOre !== 0);
}

export interface SieWriteInput {
  /** 4 unless said: 1–3 carry balances only. */
  sieType?: 1 | 2 | 3 | 4;
  balances?: Omit<SieBalance, 'line'>[];
  program: string;
  companyName: string;
  orgNr?: string;
  generatedOn: string;
  fiscalYear: { from: string; to: string };
  accounts: SieAccount[];
  dimensions?: { number: number; name: string }[];
  objects?: SieObject[];
  verifications: {
    series: string;
    number: string;
    date: string;
    text: string;
    transactions: { account: string; objects?: SieObjectRef[]; amountOre: number; text?: string }[];
  }[];
}

const q = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const d8 = (iso: string) => iso.replaceAll('-', '');
const amount = (ore: number) => `${ore < 0 ? '-' : ''}${Math.floor(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, '0')}`;

/** A SIE 4 file in PC8 with CRLF line ends; throws if a text holds a character PC8 lacks. */
export function writeSie(input: SieWriteInput): Uint8Array {
  const out = [
    '#FLAGGA 0',
    `#PROGRAM ${q(input.program)} 1.0`,
    '#FORMAT PC8',
    `#GEN ${d8(input.generatedOn)}`,
    `#SIETYP ${input.sieType ?? 4}`,
    `#FNAMN ${q(input.companyName)}`,
  ];
  if (input.orgNr) out.push(`#ORGNR ${input.orgNr}`);
  out.push(`#RAR 0 ${d8(input.fiscalYear.from)} ${d8(input.fiscalYear.to)}`);
  for (const dim of input.dimensions ?? []) out.push(`#DIM ${dim.number} ${q(dim.name)}`);
  for (const o of input.objects ?? []) out.push(`#OBJEKT ${o.dimension} ${q(o.id)} ${q(o.name)}`);
  for (const a of input.accounts) out.push(`#KONTO ${a.number} ${q(a.name)}`);
  for (const b of input.balances ?? []) out.push(`#${b.kind} ${b.yearIndex} ${b.account} ${amount(b.amountOre)}`);
  for (const v of input.verifications) {
    out.push(`#VER ${q(v.series)} ${q(v.number)} ${d8(v.date)} ${q(v.text)}`, '{');
    for (const t of v.transactions) {
      const objs = (t.objects ?? []).map((o) => `${o.dimension} ${q(o.id)}`).join(' ');
      out.push(`   #TRANS ${t.account} {${objs}} ${amount(t.amountOre)}${t.text ? ` "" ${q(t.text)}` : ''}`);
    }
    out.push('}');
  }
  return encodePc8(out.join('\r\n') + '\r\n');
}
