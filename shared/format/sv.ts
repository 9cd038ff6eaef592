/**
 * sv-SE formatting used by screens and documents alike, so the two never disagree.
 * Thousands are separated by a no-break space (U+00A0) and negatives use a real
 * minus sign (U+2212), as in the board papers: "21 585 tkr", "−2 884".
 */
export const NBSP = '\u00a0';
export const MINUS = '\u2212';

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Whole number with Swedish grouping: 21585170 → "21 585 170", -2884 → "−2 884". */
export function formatInteger(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.round(value);
  const body = groupDigits(String(Math.abs(rounded)));
  return rounded < 0 ? `${MINUS}${body}` : body;
}

/** Whole kronor: 270000 → "270 000 kr". */
export function formatKr(kronor: number): string {
  return `${formatInteger(kronor)}${NBSP}kr`;
}

/** Öre as kronor with two decimals, as the books have it: 123450 → "1 234,50 kr", −5 → "−0,05 kr". */
export function formatOre(ore: number): string {
  const abs = Math.abs(Math.round(ore));
  return `${ore < 0 ? MINUS : ''}${groupDigits(String(Math.floor(abs / 100)))},${String(abs % 100).padStart(2, '0')}${NBSP}kr`;
}

/** Thousands of kronor, rounded half away from zero: 21585170 → "21 585 tkr". */
export function formatTkr(kronor: number): string {
  const sign = kronor < 0 ? -1 : 1;
  return `${formatInteger(sign * Math.round(Math.abs(kronor) / 1000))}${NBSP}tkr`;
}

/** Percentage with one decimal and a decimal comma: 0.5959 → "59,6 %". */
export function formatPercent(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return '–';
  const fixed = (Math.abs(share) * 100).toFixed(decimals).replace('.', ',');
  const [whole = '0', frac] = fixed.split(',');
  const body = frac === undefined ? groupDigits(whole) : `${groupDigits(whole)},${frac}`;
  return `${share < 0 ? MINUS : ''}${body}${NBSP}%`;
}

/** ISO date as the papers write it: 2018-03-16. Uses the local calendar day. */
export function formatDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Date and time for logs and lists: 2018-03-16 14:05. */
export function formatDateTime(date: Date): string {
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${formatDate(date)} ${hh}:${mm}`;
}

/** A file size as a person reads it: 2 684 354 560 → "2,5 GB", 300 000 → "293 kB". */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 || value >= 100 ? formatInteger(value) : value.toFixed(1).replace('.', ',').replace(/,0$/, '');
  return `${text}${NBSP}${units[unit]}`;
}

/** "1 rad", "2 rader", "1 000 rader": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural: string): string {
  return `${formatInteger(n)} ${n === 1 ? singular : plural}`;
}

/** A sentence's text without its closing full stop, to put another after it ("… 6 %." + ". Åtgärd" must not read "6 %.."). */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/[.]+$/, '');
}

/** Names joined the Swedish way: "A, B och C". */
export function joinSv(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
}
