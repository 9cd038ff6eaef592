import { luhnCheckDigit } from './orgnr';

/**
 * Finds what looks like a Swedish personnummer or samordningsnummer in free text:
 * ÅÅMMDD-NNNN, ÅÅMMDD+NNNN, ÅÅÅÅMMDD-NNNN or the same without the dash, where the
 * date is a real date (samordningsnummer: day + 60) and the last digit is a valid
 * Luhn check digit. Organisationsnummer never match (their month would be ≥ 20),
 * nor do ISO dates or amounts.
 */
export interface PersonnummerHit {
  /** The text as written. */
  text: string;
  /** Masked for messages: "ÅÅMMDD-XXXX" style, e.g. "850709-XXXX". */
  masked: string;
  index: number;
}

const CANDIDATE = /(?<![\d-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d-])/g;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function findPersonnummer(text: string): PersonnummerHit[] {
  const hits: PersonnummerHit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, century, yy, mm, dd, , last4] = m as unknown as [string, string | undefined, string, string, string, string, string];
    if (century !== undefined && century !== '19' && century !== '20' && century !== '18') continue;
    const month = Number(mm);
    let day = Number(dd);
    if (day > 60) day -= 60; // samordningsnummer
    const fullYear = century !== undefined ? Number(century + yy) : 1900 + Number(yy);
    // Without a century either century is possible; 29 February decides nothing else.
    const dateOk = isRealDate(fullYear, month, day) || (century === undefined && isRealDate(fullYear + 100, month, day));
    if (!dateOk) continue;
    const ten = `${yy}${mm}${dd}${last4}`;
    if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) continue;
    hits.push({ text: whole, masked: `${century ?? ''}${yy}${mm}${dd}-XXXX`, index: m.index ?? 0 });
  }
  return hits;
}

export function containsPersonnummer(text: string): boolean {
  return findPersonnummer(text).length > 0;
}

export const PERSONAL_DATA_NOTICE =
  'Förbundet får inte behandla uppgifter om enskilda deltagare. Ta bort personnumret, eller bekräfta att uppgiften måste sparas.';

/** Every string in a value (objects and arrays walked), with its dotted path. */
export function scanForPersonnummer(value: unknown, skipKeys: ReadonlySet<string> = new Set()): { path: string; hits: PersonnummerHit[] }[] {
  const found: { path: string; hits: PersonnummerHit[] }[] = [];
  const walk = (v: unknown, path: string[]): void => {
    if (typeof v === 'string') {
      const hits = findPersonnummer(v);
      if (hits.length > 0) found.push({ path: path.join('.'), hits });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, String(i)]));
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) if (!skipKeys.has(key)) walk(item, [...path, key]);
    }
  };
  walk(value, []);
  return found;
}
