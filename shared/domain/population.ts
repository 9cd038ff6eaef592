import type { Member } from '../contract/schemas/members';
import { joinSv } from '../format/sv';

export interface PopulationShare {
  member: Member;
  population: number;
  /** Share of the kommuner's total folkmängd, 0–1. */
  share: number;
}

/** The newest year for which every kommun has a folkmängd, or null if there is none. */
export function latestCompletePopulationYear(members: readonly Member[]): number | null {
  const kommuner = members.filter((m) => m.kind === 'kommun');
  if (kommuner.length === 0) return null;
  const years = kommuner.map((m) => new Set(m.populations.map((p) => p.year)));
  const candidates = [...(years[0] ?? [])].filter((y) => years.every((set) => set.has(y))).sort((a, b) => b - a);
  return candidates[0] ?? null;
}

/** Each kommun's folkmängd on 1 November `year` and its share of the kommuner's total. */
export function kommunPopulationShares(members: readonly Member[], year: number): { total: number; rows: PopulationShare[] } {
  const rows = members
    .filter((m) => m.kind === 'kommun')
    .map((member) => ({ member, population: member.populations.find((p) => p.year === year)?.population ?? 0 }));
  const total = rows.reduce((sum, r) => sum + r.population, 0);
  return { total, rows: rows.map((r) => ({ ...r, share: total === 0 ? 0 : r.population / total })) };
}

/**
 * Why Översikt shows an older year than the register does: the kommuner that have a newer
 * folkmängd than `year` (the newest year all have) and the newest such year. Null when none has.
 */
export function newerPopulationNote(members: readonly Member[], year: number): string | null {
  const kommuner = members.filter((m) => m.kind === 'kommun');
  const newest = Math.max(year, ...kommuner.flatMap((m) => m.populations.map((p) => p.year)));
  if (newest === year) return null;
  const have = kommuner.filter((m) => m.populations.some((p) => p.year === newest)).map((m) => m.name);
  const lack = kommuner.filter((m) => !m.populations.some((p) => p.year === newest)).map((m) => m.name);
  return `Visar 1 november ${year}, det senaste år då alla kommuner har en siffra. ${joinSv(have)} har även ${newest}; skriv in ${newest} för ${lack.length <= 3 ? joinSv(lack) : `övriga ${lack.length} kommuner`} under Register → Medlemmar så används det året.`;
}
