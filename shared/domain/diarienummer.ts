/**
 * Diarienummer: one series per year, the number never reused. The förbund sets
 * the format as a template with two placeholders:
 *   {ÅÅÅÅ} or {ÅÅ}  the year (four or two digits)
 *   {N…}           the number in the year's series, padded to as many digits as N's
 * and any literal text around them, e.g. "{ÅÅÅÅ}/{NNN}" → "2018/012",
 * "SUL {ÅÅ}-{NN}" → "SUL 18-12". Numbers beyond the padding simply get longer.
 */
export const DEFAULT_DIARY_FORMAT = '{ÅÅÅÅ}/{NNN}';

const TOKEN = /\{(ÅÅÅÅ|ÅÅ|N+)\}/g;

export type FormatCheck = { ok: true } | { ok: false; message: string };

export function checkDiaryFormat(format: string): FormatCheck {
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1] ?? '');
  const years = tokens.filter((t) => t.startsWith('Å'));
  const numbers = tokens.filter((t) => t.startsWith('N'));
  if (years.length !== 1) return { ok: false, message: 'Formatet ska innehålla året en gång: {ÅÅÅÅ} eller {ÅÅ}.' };
  if (numbers.length !== 1) return { ok: false, message: 'Formatet ska innehålla löpnumret en gång, t.ex. {NNN}.' };
  const literal = format.replace(TOKEN, '');
  if (/[{}]/.test(literal)) return { ok: false, message: 'Okänd platshållare i formatet. Använd {ÅÅÅÅ}, {ÅÅ} och {NNN}.' };
  if (/\d/.test(literal)) return { ok: false, message: 'Formatets fasta text får inte innehålla siffror.' };
  if (format.length > 40) return { ok: false, message: 'Formatet får vara högst 40 tecken.' };
  // Year and number must be separated, or "2018" + "12" could not be read back.
  if (/\{(ÅÅÅÅ|ÅÅ)\}\{N+\}|\{N+\}\{(ÅÅÅÅ|ÅÅ)\}/.test(format)) {
    return { ok: false, message: 'Året och löpnumret måste skiljas åt av något tecken, t.ex. {ÅÅÅÅ}/{NNN}.' };
  }
  return { ok: true };
}

export function formatDiarienummer(format: string, year: number, seq: number): string {
  return format.replace(TOKEN, (_m, token: string) => {
    if (token === 'ÅÅÅÅ') return String(year).padStart(4, '0');
    if (token === 'ÅÅ') return String(year % 100).padStart(2, '0');
    return String(seq).padStart(token.length, '0');
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads year and number back from a diarienummer written in `format`. A two-digit
 * year is read as 2000–2099. Returns null when the text does not follow the format.
 */
export function parseDiarienummer(format: string, text: string): { year: number; seq: number } | null {
  let pattern = '';
  let yearDigits = 4;
  let last = 0;
  const order: ('year' | 'seq')[] = [];
  for (const m of format.matchAll(TOKEN)) {
    pattern += escapeRegExp(format.slice(last, m.index));
    const token = m[1] ?? '';
    if (token.startsWith('Å')) {
      yearDigits = token.length;
      pattern += `(\\d{${token.length}})`;
      order.push('year');
    } else {
      pattern += '(\\d+)';
      order.push('seq');
    }
    last = (m.index ?? 0) + m[0].length;
  }
  pattern += escapeRegExp(format.slice(last));
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) return null;
  const values: Record<'year' | 'seq', number> = { year: 0, seq: 0 };
  order.forEach((key, i) => {
    values[key] = Number(match[i + 1]);
  });
  if (yearDigits === 2) values.year += 2000;
  if (values.seq < 1 || values.year < 1900 || values.year > 2199) return null;
  return values;
}
