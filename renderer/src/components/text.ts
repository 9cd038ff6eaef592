import { formatDate } from '../../../shared/format/sv';

/** Small words the register screens share: names, dates and amounts as the papers write them. */

/** "Eva Lind (S)", or just the name for an official without a party. */
export function personLabel(p: { name: string; party: string | null }): string {
  return p.party ? `${p.name} (${p.party})` : p.name;
}

export function todayIso(): string {
  return formatDate(new Date());
}

/** "2023-01-01 – 2026-12-31" with an en dash, as the papers write a span. */
export function dateSpan(from: string, to: string | null): string {
  return to === null ? `från ${from}` : `${from} – ${to}`;
}

/**
 * What the user typed in a kronor field: "270 000", "270000" or "270 000 kr" →
 * 270000; empty → null; anything else is sent as it is for the schema to reject
 * with its Swedish message.
 */
export function parseKronor(text: string): number | string | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  if (compact === '') return null;
  return /^\d+$/.test(compact) ? Number(compact) : text;
}
