/**
 * The dates a protokoll must keep (DOCUMENTS.md, "Rules worth enforcing"):
 * justering within 14 days of the meeting, the anslag within 2 days of the justering,
 * and the appeal period of three weeks from the day the anslag went up. Whether a
 * weekend or holiday moves a last day is not settled here: the dates say so instead
 * of guessing.
 */

export const JUSTERING_DAYS = 14;
export const ANSLAG_DAYS = 2;
export const APPEAL_DAYS = 21;

function toUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** "lördag" or "söndag" when the day falls on a weekend, else null. */
export function weekendName(iso: string): string | null {
  const day = toUtc(iso).getUTCDay();
  return day === 6 ? 'lördag' : day === 0 ? 'söndag' : null;
}

export interface ProtokollDates {
  /** Last day to justera: the meeting + 14 days. */
  justeraSenast: string;
  /** Last day to post the anslag: the justering + 2 days (when justerad). */
  anslaSenast: string | null;
  /** Last day to appeal: three weeks after the anslag went up. */
  overklagaSenast: string | null;
  /** The notice comes down the day after the appeal period. */
  anslagTasNed: string | null;
  /** Plain Swedish notes: a last day on a weekend, a deadline passed. */
  notes: string[];
}

export function protokollDates(meetingOn: string, justeradOn: string | null, anslagOn: string | null, today: string): ProtokollDates {
  const justeraSenast = addDays(meetingOn, JUSTERING_DAYS);
  const anslaSenast = justeradOn ? addDays(justeradOn, ANSLAG_DAYS) : null;
  const overklagaSenast = anslagOn ? addDays(anslagOn, APPEAL_DAYS) : null;
  const anslagTasNed = anslagOn ? addDays(anslagOn, APPEAL_DAYS + 1) : null;
  const notes: string[] = [];
  const weekend = (label: string, iso: string | null) => {
    const name = iso ? weekendName(iso) : null;
    if (name) notes.push(`${label} (${iso}) är en ${name}. Om dagen flyttas till närmaste vardag avgörs inte av Kansli; kontrollera mot förbundets rutin.`);
  };
  weekend('Sista dag för justering', justeraSenast);
  weekend('Sista dag för anslag', anslaSenast);
  weekend('Sista dag för överklagande', overklagaSenast);
  if (justeradOn === null && today > justeraSenast) notes.push(`Protokollet skulle ha justerats senast ${justeraSenast}.`);
  if (justeradOn !== null && justeradOn > justeraSenast) notes.push(`Protokollet justerades ${justeradOn}, efter sista dagen ${justeraSenast}.`);
  if (anslaSenast !== null && anslagOn === null && today > anslaSenast) notes.push(`Justeringen skulle ha anslagits senast ${anslaSenast}.`);
  if (anslaSenast !== null && anslagOn !== null && anslagOn > anslaSenast) notes.push(`Anslaget sattes upp ${anslagOn}, efter sista dagen ${anslaSenast}.`);
  return { justeraSenast, anslaSenast, overklagaSenast, anslagTasNed, notes };
}
