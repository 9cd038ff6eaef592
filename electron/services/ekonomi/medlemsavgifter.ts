import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { FeeShareView, FeeView } from '../../../shared/contract/schemas/ekonomi';
import { feeProblems, splitFee, statePayer, type FeeMember, type FeeSplit } from '../../../shared/domain/medlemsavgifter';
import type { Scope } from '../context';
import { listMembers } from '../members';
import { latestCompletePopulationYear } from '../../../shared/domain/population';
import { joinSv } from '../../../shared/domain/template-kit';
import { refuse } from '../refuse';
import { handlersFor } from '../handler';

/**
 * Medlemsavgifter: the year's total, split per member by the rule in
 * shared/domain/medlemsavgifter.ts, saved as decided (the split is kept, so a later
 * change of folkmängd does not move a decided fee) and compared with the year before.
 */

async function feeMembers(scope: Scope, populationYear: number): Promise<FeeMember[]> {
  const members = await listMembers({}, scope);
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    population: m.kind === 'kommun' ? (m.populations.find((p) => p.year === populationYear)?.population ?? null) : null,
  }));
}

/** "FK och AF genom FK", written from the register's state members. */
function statLabel(members: readonly FeeMember[]): string {
  const stat = members.filter((m) => m.kind === 'stat');
  const payer = statePayer(members);
  if (!payer) return 'Staten';
  const short = (name: string) => (/försäkringskassan/i.test(name) ? 'FK' : /arbetsförmedlingen/i.test(name) ? 'AF' : name);
  if (stat.length === 1) return payer.name;
  const ordered = [payer, ...stat.filter((m) => m.id !== payer.id)];
  return `${ordered.map((m) => short(m.name)).join(' och ')} genom ${short(payer.name)}`;
}

/**
 * Folkmängd on 1 November the year before splits the fee; when that count is not in the
 * register yet (SCB publishes it in the spring), the latest complete earlier count is
 * used, as the papers do ("Prel. Medlemsavgifter 2019 … baseras på folkmängd 1 november
 * 2017"). With no complete count at all, the year before, so the problem is named.
 */
export async function defaultPopulationYear(scope: Scope, year: number): Promise<number> {
  const members = await listMembers({}, scope);
  const latest = latestCompletePopulationYear(members.map((m) => ({ ...m, populations: m.populations.filter((p) => p.year <= year - 1) })));
  return latest ?? year - 1;
}

interface StoredFee {
  year: number;
  totalKr: number;
  populationYear: number;
  dueOn: string | null;
  status: 'preliminar' | 'faststalld';
  arendebladId: number | null;
  shares: Map<number, { population: number | null; amountKr: number }>;
}

export async function loadFee(scope: Scope, year: number): Promise<StoredFee | null> {
  const row = await scope.db.selectFrom('medlemsavgifter').selectAll().where('year', '=', year).executeTakeFirst();
  if (!row) return null;
  const shares = await scope.db.selectFrom('medlemsavgift_shares').selectAll().where('year', '=', year).execute();
  return {
    year,
    totalKr: row.total_kr,
    populationYear: row.population_year,
    dueOn: row.due_on,
    status: row.status,
    arendebladId: row.arendeblad_id,
    shares: new Map(shares.map((s) => [s.member_id, { population: s.population, amountKr: s.amount_kr }])),
  };
}

/** The parts of a stored fee, summed from its shares. */
function storedParts(fee: StoredFee, members: readonly FeeMember[]) {
  const part = (kind: FeeMember['kind']) => members.filter((m) => m.kind === kind).reduce((s, m) => s + (fee.shares.get(m.id)?.amountKr ?? 0), 0);
  return { year: fee.year, totalKr: fee.totalKr, statKr: part('stat'), regionKr: part('region'), kommunerKr: part('kommun') };
}

/**
 * Says which year's folkmängd the fee is split on when it is not 1 November of the year
 * before, and why: the kommuner that lack that year's figure (so the screen never splits on
 * an old year without saying so).
 */
async function populationNote(scope: Scope, year: number, populationYear: number): Promise<string | null> {
  const wanted = year - 1;
  if (populationYear === wanted) return null;
  const missing = (await listMembers({}, scope)).filter((m) => m.kind === 'kommun' && !m.populations.some((p) => p.year === wanted)).map((m) => m.name);
  if (missing.length === 0) return `Avgiften fördelas efter folkmängden 1 november ${populationYear}, inte ${wanted} som regeln säger.`;
  return `Avgiften fördelas efter folkmängden 1 november ${populationYear}, det senaste år då alla kommuner har en siffra: för ${wanted} saknas folkmängd för ${joinSv(missing)}. Skriv in den under Register → Medlemmar, så fördelas ${year} efter ${wanted}.`;
}

export async function feeView(scope: Scope, year: number, preview?: { totalKr: number; populationYear?: number }): Promise<FeeView> {
  const stored = await loadFee(scope, year);
  const populationYear = preview?.populationYear ?? stored?.populationYear ?? (await defaultPopulationYear(scope, year));
  const members = await feeMembers(scope, populationYear);
  const previous = await loadFee(scope, year - 1);
  const years = (await scope.db.selectFrom('medlemsavgifter').select('year').orderBy('year', 'desc').execute()).map((r) => r.year);
  const base = {
    year,
    populationYear,
    populationNote: await populationNote(scope, year, populationYear),
    statLabel: statLabel(members),
    previous: previous ? storedParts(previous, members) : null,
    arendebladId: stored?.arendebladId ?? null,
    years,
  };
  const previousOf = (memberId: number) => previous?.shares.get(memberId)?.amountKr ?? null;

  if (stored && preview === undefined) {
    const kommunPop = members.filter((m) => m.kind === 'kommun').reduce((s, m) => s + (stored.shares.get(m.id)?.population ?? 0), 0);
    const shares: FeeShareView[] = members.map((m) => {
      const s = stored.shares.get(m.id);
      const population = s?.population ?? null;
      return {
        memberId: m.id,
        name: m.name,
        kind: m.kind,
        population,
        populationShare: population !== null && kommunPop > 0 ? population / kommunPop : null,
        amountKr: s?.amountKr ?? 0,
        previousKr: previousOf(m.id),
      };
    });
    const parts = storedParts(stored, members);
    return {
      ...base,
      saved: true,
      status: stored.status,
      dueOn: stored.dueOn,
      totalKr: stored.totalKr,
      statKr: parts.statKr,
      regionKr: parts.regionKr,
      kommunerKr: parts.kommunerKr,
      populationTotal: kommunPop,
      shares,
      problems: [],
    };
  }

  const totalKr = preview?.totalKr ?? null;
  const problems =
    totalKr === null ? feeProblems(1, members, populationYear).filter((p) => p.path !== 'totalKr') : feeProblems(totalKr, members, populationYear);
  const split: FeeSplit | null = totalKr !== null && problems.length === 0 ? splitFee(totalKr, members) : null;
  const popTotal = members.filter((m) => m.kind === 'kommun').reduce((s, m) => s + (m.population ?? 0), 0);
  const shares: FeeShareView[] = members.map((m) => ({
    memberId: m.id,
    name: m.name,
    kind: m.kind,
    population: m.population,
    populationShare: m.population !== null && popTotal > 0 ? m.population / popTotal : null,
    amountKr: split?.shares.find((s) => s.memberId === m.id)?.amountKr ?? 0,
    previousKr: previousOf(m.id),
  }));
  return {
    ...base,
    saved: false,
    status: stored?.status ?? null,
    dueOn: stored?.dueOn ?? null,
    totalKr,
    statKr: split?.statKr ?? null,
    regionKr: split?.regionKr ?? null,
    kommunerKr: split?.kommunerKr ?? null,
    populationTotal: split ? split.populationTotal : null,
    shares,
    problems,
  };
}

export async function getFee(input: ParsedInput<'medlemsavgifter.get'>, scope: Scope): Promise<MethodResult<'medlemsavgifter.get'>> {
  return feeView(scope, input.year, input.totalKr === undefined ? undefined : { totalKr: input.totalKr, populationYear: input.populationYear });
}

export async function saveFee(input: ParsedInput<'medlemsavgifter.save'>, scope: Scope): Promise<MethodResult<'medlemsavgifter.save'>> {
  const populationYear = input.populationYear ?? (await defaultPopulationYear(scope, input.year));
  const before = await loadFee(scope, input.year);
  const members = await feeMembers(scope, populationYear);
  const problems = feeProblems(input.totalKr, members, populationYear);
  if (problems.length > 0) {
    throw refuse(problems[0]!.path, `Avgiften kan inte fördelas: ${problems.map((p) => p.message).join(' ')}`, 'VALIDATION');
  }
  const split = splitFee(input.totalKr, members);
  const at = scope.now.toISOString();
  const values = { total_kr: input.totalKr, population_year: populationYear, due_on: input.dueOn, status: input.status, updated_at: at };
  await scope.db
    .insertInto('medlemsavgifter')
    .values({ year: input.year, ...values, created_at: at })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
  await scope.db.deleteFrom('medlemsavgift_shares').where('year', '=', input.year).execute();
  await scope.db
    .insertInto('medlemsavgift_shares')
    .values(split.shares.map((s) => ({ year: input.year, member_id: s.memberId, population: s.population, amount_kr: s.amountKr })))
    .execute();
  await scope.audit({
    entity: 'medlemsavgift',
    entityId: input.year,
    action: before ? 'update' : 'create',
    before: before ? { totalKr: before.totalKr, status: before.status, dueOn: before.dueOn, shares: Object.fromEntries(before.shares) } : null,
    after: {
      totalKr: input.totalKr,
      status: input.status,
      dueOn: input.dueOn,
      populationYear,
      shares: Object.fromEntries(split.shares.map((s) => [s.memberId, s.amountKr])),
    },
  });
  return feeView(scope, input.year);
}

/** The methods this module serves. */
export const medlemsavgifterHandlers = handlersFor({
  'medlemsavgifter.get': getFee,
  'medlemsavgifter.save': saveFee,
});
