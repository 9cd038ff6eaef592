import { BUDGET_POSTS, POST_GROUPS, POST_INFO, signed, type BudgetPost, type PostGroup } from './budget-posts';
import { formatTkr } from '../format/sv';
import { forbrukningskvot } from './insats-figures';

/**
 * The economy's figures, as pure functions of budget lines and utfall sums:
 * budget mot utfall per post with förbrukningskvot, the "Ekonomisk översikt" by group,
 * "Förbrukning i förhållande till medlemsintäkt" and the checks of god ekonomisk
 * hushållning. Amounts are whole kronor; the services sum utfall in öre and round once.
 */

export type PostAmounts = Partial<Record<BudgetPost, number>>;

/** Öre summed exactly, then rounded to whole kronor (half away from zero). */
export function oreToKr(ore: number): number {
  return Math.sign(ore) * Math.round(Math.abs(ore) / 100);
}

/** A year's budget for `months` of its twelve, rounded to the krona (linear periodisering). */
export function periodBudget(yearKr: number, months: number): number {
  return Math.round((yearKr * months) / 12);
}

export interface PostComparison {
  post: BudgetPost;
  label: string;
  side: 'intakt' | 'kostnad';
  budgetKr: number;
  utfallKr: number;
  /** Utfall the same period the year before. */
  previousKr: number;
  /** Utfall / budget, null without budget. */
  kvot: number | null;
}

export function comparePosts(budget: PostAmounts, utfall: PostAmounts, previous: PostAmounts): PostComparison[] {
  return BUDGET_POSTS.filter((post) => (budget[post] ?? 0) !== 0 || (utfall[post] ?? 0) !== 0 || (previous[post] ?? 0) !== 0).map((post) => {
    const budgetKr = budget[post] ?? 0;
    const utfallKr = utfall[post] ?? 0;
    return {
      post,
      label: POST_INFO[post].label,
      side: POST_INFO[post].side,
      budgetKr,
      utfallKr,
      previousKr: previous[post] ?? 0,
      kvot: forbrukningskvot(utfallKr, budgetKr),
    };
  });
}

/** The result the posts give: intäkter less kostnader. */
export function result(amounts: PostAmounts): number {
  return BUDGET_POSTS.reduce((s, post) => s + signed(post, amounts[post] ?? 0), 0);
}

/**
 * "Ekonomisk översikt av verksamheten": intäkter positive, each cost group negative
 * (financial items net into förvaltning), and the result.
 */
export function overviewByGroup(amounts: PostAmounts): { group: PostGroup; kr: number }[] {
  return POST_GROUPS.map((group) => ({
    group,
    kr: BUDGET_POSTS.filter((post) => POST_INFO[post].group === group && !(group === 'intakter' && POST_INFO[post].side !== 'intakt')).reduce(
      (s, post) => s + signed(post, amounts[post] ?? 0),
      0,
    ),
  }));
}

/** Samverkansinsatser, förtroendevalda and förvaltning as costs (positive), as the history table shows them. */
export function groupCosts(amounts: PostAmounts): Record<Exclude<PostGroup, 'intakter'>, number> {
  const g = overviewByGroup(amounts);
  const cost = (group: PostGroup) => -(g.find((x) => x.group === group)?.kr ?? 0);
  return { samverkan: cost('samverkan'), fortroendevalda: cost('fortroendevalda'), forvaltning: cost('forvaltning') };
}

export interface HistoryYear {
  year: number;
  /** Tilldelning: the year's medlemsavgifter. */
  anslagKr: number;
  samverkanKr: number;
  fortroendevaldaKr: number;
  forvaltningKr: number;
  comment: string | null;
  /** Where the row comes from: Kansli's own utfall, or typed in from an older paper. */
  source: 'utfall' | 'inskrivet';
}

export interface HistoryRow extends HistoryYear {
  samverkanShare: number | null;
  fortroendevaldaShare: number | null;
  forvaltningShare: number | null;
}

/** "Förbrukning i förhållande till medlemsintäkt": each cost group as a share of the year's tilldelning. */
export function forbrukningHistory(years: readonly HistoryYear[]): HistoryRow[] {
  const share = (kr: number, anslag: number) => (anslag > 0 ? kr / anslag : null);
  return [...years]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({
      ...y,
      samverkanShare: share(y.samverkanKr, y.anslagKr),
      fortroendevaldaShare: share(y.fortroendevaldaKr, y.anslagKr),
      forvaltningShare: share(y.forvaltningKr, y.anslagKr),
    }));
}

export interface HushallningInput {
  year: number;
  /** The year's budgeted result (intäkter less kostnader), null without a budget. */
  budgetResultKr: number | null;
  /** The reason given when the budget is not in balance. */
  balanceReason: string | null;
  /** Eget kapital at the end of the year before (utfall), or null if not known. */
  egetKapitalKr: number | null;
  reservfondKr: number;
  /** The board's guideline: eget kapital at most this share of the year's medlemsavgifter. */
  guidelineShare: number;
  medlemsavgifterKr: number | null;
  /** The lowest beslutsutrymme of the coming years, with its year. */
  lowestBeslutsutrymme: { year: number; kr: number } | null;
}

export interface Warning {
  level: 'varning' | 'info';
  key: 'budget_balans' | 'budget_saknas' | 'eget_kapital_hogt' | 'eget_kapital_under_reservfond' | 'beslutsutrymme_negativt';
  message: string;
}

const tkr = (kr: number) => formatTkr(kr);

/** The guideline checks of god ekonomisk hushållning, as the overview shows them. */
export function hushallningWarnings(i: HushallningInput): Warning[] {
  const out: Warning[] = [];
  if (i.budgetResultKr === null) {
    out.push({ level: 'varning', key: 'budget_saknas', message: `Det finns ingen fastställd budget för ${i.year}.` });
  } else if (i.budgetResultKr < 0) {
    out.push(
      i.balanceReason
        ? { level: 'info', key: 'budget_balans', message: `Budgeten för ${i.year} har ett underskott på ${tkr(-i.budgetResultKr)}. Skäl: ${i.balanceReason}` }
        : {
            level: 'varning',
            key: 'budget_balans',
            message: `Budgeten för ${i.year} är inte i balans (underskott ${tkr(-i.budgetResultKr)}) och inget skäl är angivet.`,
          },
    );
  }
  if (i.egetKapitalKr !== null) {
    if (i.egetKapitalKr < i.reservfondKr) {
      out.push({
        level: 'varning',
        key: 'eget_kapital_under_reservfond',
        message: `Eget kapital (${tkr(i.egetKapitalKr)}) är lägre än den bundna reservfonden (${tkr(i.reservfondKr)}).`,
      });
    }
    if (i.medlemsavgifterKr !== null && i.medlemsavgifterKr > 0) {
      const limit = Math.round(i.medlemsavgifterKr * i.guidelineShare);
      if (i.egetKapitalKr - i.reservfondKr > limit) {
        out.push({
          level: 'varning',
          key: 'eget_kapital_hogt',
          message: `Eget kapital utöver reservfonden (${tkr(i.egetKapitalKr - i.reservfondKr)}) överstiger riktlinjen ${Math.round(i.guidelineShare * 100)} % av årets medlemsavgifter (${tkr(limit)}).`,
        });
      }
    }
  }
  if (i.lowestBeslutsutrymme && i.lowestBeslutsutrymme.kr < 0) {
    out.push({
      level: 'varning',
      key: 'beslutsutrymme_negativt',
      message: `Beslutsutrymmet blir negativt ${i.lowestBeslutsutrymme.year} (${tkr(i.lowestBeslutsutrymme.kr)}).`,
    });
  }
  return out;
}
