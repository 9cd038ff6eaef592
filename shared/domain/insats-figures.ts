/**
 * The figures the board reads about insatser, as pure functions so the screen, the
 * overview and the utvärderings-PM cannot disagree: förbrukningskvot (utfall against
 * budget), the share of those who ended who went to work or studies, cost per
 * participant, and the split of granted money by kategori against the guideline.
 */

export type Kategori = 'individ' | 'struktur' | 'kompetens';

/** Utfall / budget; null when there is no budget to measure against. */
export function forbrukningskvot(utfallKr: number, budgetKr: number): number | null {
  return budgetKr > 0 ? utfallKr / budgetKr : null;
}

export interface ParticipantTotals {
  deltagare: number;
  kvinnor: number;
  man: number;
  avslutade: number;
  tillArbete: number;
  tillStudier: number;
}

export function sumParticipants(rows: readonly ParticipantTotals[]): ParticipantTotals {
  return rows.reduce(
    (t, r) => ({
      deltagare: t.deltagare + r.deltagare,
      kvinnor: t.kvinnor + r.kvinnor,
      man: t.man + r.man,
      avslutade: t.avslutade + r.avslutade,
      tillArbete: t.tillArbete + r.tillArbete,
      tillStudier: t.tillStudier + r.tillStudier,
    }),
    { deltagare: 0, kvinnor: 0, man: 0, avslutade: 0, tillArbete: 0, tillStudier: 0 },
  );
}

/** Of those who ended, the share who went to work or studies; null when nobody has ended. */
export function workStudyShare(p: Pick<ParticipantTotals, 'avslutade' | 'tillArbete' | 'tillStudier'>): number | null {
  return p.avslutade > 0 ? (p.tillArbete + p.tillStudier) / p.avslutade : null;
}

/** Utfall per participant, whole kronor; null without participants. */
export function costPerParticipant(utfallKr: number, deltagare: number): number | null {
  return deltagare > 0 ? Math.round(utfallKr / deltagare) : null;
}

export interface CategorySplit {
  kategori: Kategori;
  grantedKr: number;
  share: number;
  /** The board's guideline share, 0–1. */
  guideline: number;
  /** share − guideline, in percentage points. */
  deviationPoints: number;
}

export function categorySplit(granted: Readonly<Record<Kategori, number>>, guideline: Readonly<Record<Kategori, number>>): CategorySplit[] {
  const total = granted.individ + granted.struktur + granted.kompetens;
  return (['individ', 'struktur', 'kompetens'] as const).map((kategori) => {
    const share = total > 0 ? granted[kategori] / total : 0;
    const guide = guideline[kategori] / 100;
    return { kategori, grantedKr: granted[kategori], share, guideline: guide, deviationPoints: Math.round((share - guide) * 1000) / 10 };
  });
}

/** Of those who ended, by kön: how many, and how many of them went to work or studies. */
export interface ByKon {
  avslutadeKvinnor: number;
  avslutadeMan: number;
  arbeteStudierKvinnor: number;
  arbeteStudierMan: number;
}

/** Participant figures as the förbund may keep them: aggregates that add up. Swedish messages by field. */
export function participantProblems(p: ParticipantTotals & { byKon?: ByKon | null }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const k = p.byKon;
  if (k) {
    if (k.avslutadeKvinnor + k.avslutadeMan > p.avslutade) {
      out.push({
        path: 'byKon.avslutadeKvinnor',
        message: `Avslutade kvinnor och män (${k.avslutadeKvinnor + k.avslutadeMan}) är fler än de avslutade (${p.avslutade}).`,
      });
    }
    if (k.arbeteStudierKvinnor > k.avslutadeKvinnor) {
      out.push({
        path: 'byKon.arbeteStudierKvinnor',
        message: `Kvinnor till arbete eller studier (${k.arbeteStudierKvinnor}) är fler än de avslutade kvinnorna (${k.avslutadeKvinnor}).`,
      });
    }
    if (k.arbeteStudierMan > k.avslutadeMan) {
      out.push({
        path: 'byKon.arbeteStudierMan',
        message: `Män till arbete eller studier (${k.arbeteStudierMan}) är fler än de avslutade männen (${k.avslutadeMan}).`,
      });
    }
    if (k.arbeteStudierKvinnor + k.arbeteStudierMan > p.tillArbete + p.tillStudier) {
      out.push({
        path: 'byKon.arbeteStudierKvinnor',
        message: `Kvinnor och män till arbete eller studier (${k.arbeteStudierKvinnor + k.arbeteStudierMan}) är fler än alla till arbete och studier (${p.tillArbete + p.tillStudier}).`,
      });
    }
  }
  if (p.kvinnor + p.man > p.deltagare) out.push({ path: 'kvinnor', message: `Kvinnor och män (${p.kvinnor + p.man}) är fler än deltagarna (${p.deltagare}).` });
  if (p.avslutade > p.deltagare) out.push({ path: 'avslutade', message: `Avslutade (${p.avslutade}) är fler än deltagarna (${p.deltagare}).` });
  if (p.tillArbete + p.tillStudier > p.avslutade) {
    out.push({ path: 'tillArbete', message: `Till arbete och studier (${p.tillArbete + p.tillStudier}) är fler än de avslutade (${p.avslutade}).` });
  }
  return out;
}

/** The share to work or studies for women and for men; null for a kön without anyone who ended. */
export function workStudyShareByKon(k: ByKon): { kvinnor: number | null; man: number | null } {
  return {
    kvinnor: k.avslutadeKvinnor > 0 ? k.arbeteStudierKvinnor / k.avslutadeKvinnor : null,
    man: k.avslutadeMan > 0 ? k.arbeteStudierMan / k.avslutadeMan : null,
  };
}

export function sumByKon(rows: readonly (ByKon | null)[]): ByKon | null {
  const given = rows.filter((r): r is ByKon => r !== null);
  if (given.length === 0) return null;
  return given.reduce(
    (t, r) => ({
      avslutadeKvinnor: t.avslutadeKvinnor + r.avslutadeKvinnor,
      avslutadeMan: t.avslutadeMan + r.avslutadeMan,
      arbeteStudierKvinnor: t.arbeteStudierKvinnor + r.arbeteStudierKvinnor,
      arbeteStudierMan: t.arbeteStudierMan + r.arbeteStudierMan,
    }),
    { avslutadeKvinnor: 0, avslutadeMan: 0, arbeteStudierKvinnor: 0, arbeteStudierMan: 0 },
  );
}
