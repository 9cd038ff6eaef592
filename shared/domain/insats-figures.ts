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

/** Participant figures as the förbund may keep them: aggregates that add up. Swedish messages by field. */
export function participantProblems(p: ParticipantTotals): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (p.kvinnor + p.man > p.deltagare) out.push({ path: 'kvinnor', message: `Kvinnor och män (${p.kvinnor + p.man}) är fler än deltagarna (${p.deltagare}).` });
  if (p.avslutade > p.deltagare) out.push({ path: 'avslutade', message: `Avslutade (${p.avslutade}) är fler än deltagarna (${p.deltagare}).` });
  if (p.tillArbete + p.tillStudier > p.avslutade) {
    out.push({ path: 'tillArbete', message: `Till arbete och studier (${p.tillArbete + p.tillStudier}) är fler än de avslutade (${p.avslutade}).` });
  }
  return out;
}
