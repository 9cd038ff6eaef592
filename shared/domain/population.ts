import type { Member } from '../contract/schemas/members';

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
