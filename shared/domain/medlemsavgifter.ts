/**
 * Medlemsavgifter: how a year's total member fee is split, to the krona.
 *
 * The rule in lagen (2003:1210) om finansiell samordning and the förbund's papers
 * (seed 003, "Medlemsavgifter 2018 per medlem"): the state pays half (Försäkringskassan,
 * for itself and Arbetsförmedlingen), the region a quarter, and the kommuner the last
 * quarter, split by folkmängd on 1 November the year before. Every part is whole
 * kronor and the parts add up exactly to the total:
 *
 * - staten = the total halved, an odd krona rounded up (so 21 585 171 gives 10 792 586);
 * - regionen = what is left halved, an odd krona rounded up (21 585 170 gives 5 396 293
 *   to the region and 5 396 292 to the kommuner, as the paper shows);
 * - kommunerna = the rest, split by largest remainder (Hare): each kommun gets the whole
 *   kronor of its exact share, and the kronor left over go to the largest fractions.
 *
 * Exact shares are computed in BigInt, so no population or total loses precision.
 * The state's half is paid by Försäkringskassan for both state members ("FK och AF
 * genom FK"), so it goes to one payer: the state member named Försäkringskassan, or
 * the first state member. Two regions share theirs evenly (largest remainder).
 */

export interface FeeMember {
  id: number;
  name: string;
  kind: 'stat' | 'region' | 'kommun';
  /** Folkmängd 1 november the year before the fee year; kommuner only. */
  population: number | null;
}

export interface FeeShare {
  memberId: number;
  name: string;
  kind: FeeMember['kind'];
  population: number | null;
  amountKr: number;
}

export interface FeeSplit {
  totalKr: number;
  statKr: number;
  regionKr: number;
  kommunerKr: number;
  populationTotal: number;
  /** In the order given (register order). */
  shares: FeeShare[];
}

export interface FeeProblem {
  path: string;
  message: string;
}

/** Whole kronor of `total` split in proportion to `weights`, largest remainder first. */
export function largestRemainder(totalKr: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum <= 0n) throw new Error('largestRemainder: the weights must add up to more than zero');
  const total = BigInt(totalKr);
  const parts = weights.map((w, index) => {
    const exact = total * BigInt(w);
    return { index, floor: exact / sum, remainder: exact % sum, weight: w };
  });
  let left = total - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.remainder === b.remainder ? b.weight - a.weight || a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const result = parts.map((p) => p.floor);
  for (const p of order) {
    if (left <= 0n) break;
    result[p.index] = (result[p.index] ?? 0n) + 1n;
    left -= 1n;
  }
  return result.map(Number);
}

/** Halves with an odd krona to the first half. */
function halfUp(kr: number): number {
  return Math.ceil(kr / 2);
}

/** What stops a split: no members of a kind, or a kommun without folkmängd. */
export function feeProblems(totalKr: number, members: readonly FeeMember[], populationYear: number): FeeProblem[] {
  const problems: FeeProblem[] = [];
  if (!Number.isSafeInteger(totalKr) || totalKr <= 0) {
    problems.push({ path: 'totalKr', message: 'Den totala medlemsavgiften ska vara ett positivt heltal i kronor.' });
  }
  if (!members.some((m) => m.kind === 'stat'))
    problems.push({ path: 'members', message: 'Förbundet har ingen statlig medlem (Försäkringskassan) i registret.' });
  if (!members.some((m) => m.kind === 'region')) problems.push({ path: 'members', message: 'Förbundet har ingen region i registret.' });
  const kommuner = members.filter((m) => m.kind === 'kommun');
  if (kommuner.length === 0) problems.push({ path: 'members', message: 'Förbundet har ingen kommun i registret.' });
  for (const k of kommuner) {
    if (k.population === null || !Number.isSafeInteger(k.population) || k.population <= 0) {
      problems.push({ path: 'population', message: `${k.name} saknar folkmängd 1 november ${populationYear}. Ange den under Register → Medlemmar.` });
    }
  }
  return problems;
}

/** The state member that is invoiced the state's half. */
export function statePayer(members: readonly FeeMember[]): FeeMember | undefined {
  const stat = members.filter((m) => m.kind === 'stat');
  return stat.find((m) => /försäkringskassan/i.test(m.name)) ?? stat[0];
}

/** The split of `totalKr`; throws if feeProblems finds anything (check it first). */
export function splitFee(totalKr: number, members: readonly FeeMember[]): FeeSplit {
  const statKr = halfUp(totalKr);
  const regionKr = halfUp(totalKr - statKr);
  const kommunerKr = totalKr - statKr - regionKr;
  const amounts = new Map<number, number>();
  const spread = (kind: FeeMember['kind'], partKr: number, weight: (m: FeeMember) => number) => {
    const group = members.filter((m) => m.kind === kind);
    largestRemainder(partKr, group.map(weight)).forEach((kr, i) => amounts.set(group[i]!.id, kr));
  };
  const payer = statePayer(members);
  if (payer) amounts.set(payer.id, statKr);
  spread('region', regionKr, () => 1);
  spread('kommun', kommunerKr, (m) => {
    if (m.population === null || m.population <= 0) throw new Error(`splitFee: ${m.name} has no folkmängd`);
    return m.population;
  });
  const populationTotal = members.filter((m) => m.kind === 'kommun').reduce((s, m) => s + (m.population ?? 0), 0);
  return {
    totalKr,
    statKr,
    regionKr,
    kommunerKr,
    populationTotal,
    shares: members.map((m) => ({
      memberId: m.id,
      name: m.name,
      kind: m.kind,
      population: m.kind === 'kommun' ? m.population : null,
      amountKr: amounts.get(m.id) ?? 0,
    })),
  };
}
