/**
 * Beslutsutrymme: the multi-year table "Ekonomisk information" (seed 003) the board sees
 * before every financing decision. The rule the paper follows, year by year:
 *
 *   totalt ingående beslutsutrymme = finansiella anslag + över-/underskott från tidigare år
 *   årets resultat                 = finansiella anslag − samverkansinsatser − övriga kostnader (netto)
 *   efter aktuella beslut          = över-/underskott från tidigare år + årets resultat
 *   efter ej beslutade ansökningar = efter aktuella beslut − the pending applications' amounts that year
 *   över-/underskott nästa år      = efter ej beslutade ansökningar this year
 *
 * (The paper carries the line after pending applications forward, so each year's
 * "aktuella" line already assumes the earlier years' pending applications are granted.)
 * Amounts are whole kronor; the table is shown in tkr.
 */

export interface BeslutsutrymmeYearInput {
  year: number;
  anslagKr: number;
  /** Granted insatser's yearly budgets (open years) or the booked utfall (closed years). */
  samverkanKr: number;
  /** Förtroendevalda, förvaltning, utveckling and avskrivningar less sidointäkter and financial net. */
  ovrigtNettoKr: number;
  /** Where the figures come from, for the reader: utfall (closed year), budget, or an assumption carried from an earlier year. */
  source: 'utfall' | 'budget' | 'antagande';
}

export interface PendingApplication {
  id: number;
  label: string;
  byYear: Record<number, number>;
}

export interface BeslutsutrymmeRow {
  year: number;
  source: BeslutsutrymmeYearInput['source'];
  anslagKr: number;
  fromEarlierKr: number;
  ingaendeKr: number;
  samverkanKr: number;
  ovrigtNettoKr: number;
  resultatKr: number;
  efterAktuellaKr: number;
  pendingKr: number;
  efterPendingKr: number;
}

export interface BeslutsutrymmeTable {
  rows: BeslutsutrymmeRow[];
  pending: { id: number; label: string; byYear: { year: number; kr: number }[]; totalKr: number }[];
}

export function computeBeslutsutrymme(
  openingKr: number,
  years: readonly BeslutsutrymmeYearInput[],
  pending: readonly PendingApplication[],
): BeslutsutrymmeTable {
  let carried = openingKr;
  const rows: BeslutsutrymmeRow[] = [];
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    const resultatKr = y.anslagKr - y.samverkanKr - y.ovrigtNettoKr;
    const efterAktuellaKr = carried + resultatKr;
    const pendingKr = pending.reduce((s, p) => s + (p.byYear[y.year] ?? 0), 0);
    const row: BeslutsutrymmeRow = {
      year: y.year,
      source: y.source,
      anslagKr: y.anslagKr,
      fromEarlierKr: carried,
      ingaendeKr: y.anslagKr + carried,
      samverkanKr: y.samverkanKr,
      ovrigtNettoKr: y.ovrigtNettoKr,
      resultatKr,
      efterAktuellaKr,
      pendingKr,
      efterPendingKr: efterAktuellaKr - pendingKr,
    };
    rows.push(row);
    carried = row.efterPendingKr;
  }
  const yearSet = new Set(rows.map((r) => r.year));
  return {
    rows,
    pending: pending.map((p) => {
      const byYear = Object.entries(p.byYear)
        .map(([year, kr]) => ({ year: Number(year), kr }))
        .filter((e) => yearSet.has(e.year) && e.kr !== 0)
        .sort((a, b) => a.year - b.year);
      return { id: p.id, label: p.label, byYear, totalKr: byYear.reduce((s, e) => s + e.kr, 0) };
    }),
  };
}

/** A table typed in from an older paper (amounts as printed, e.g. in tkr). */
export interface TypedBeslutsutrymmeColumn {
  year: number;
  anslag: number;
  fromEarlier: number;
  ingaende: number;
  samverkan: number | null;
  resultat: number;
  efterAktuella: number;
  pending: number[];
  efterPending: number;
}

export interface TypedProblem {
  year: number;
  line: 'ingaende' | 'efterAktuella' | 'efterPending' | 'fromEarlier';
  expected: number;
  printed: number;
  message: string;
}

const LINE_LABELS: Record<TypedProblem['line'], string> = {
  ingaende: 'Totalt ingående beslutsutrymme',
  efterAktuella: 'Beslutsutrymme efter aktuella finansieringsbeslut',
  efterPending: 'Beslutsutrymme efter ej beslutade ansökningar',
  fromEarlier: 'Över-/underskott från tidigare år',
};

/**
 * The sums of a typed table that do not add up. Each printed figure is rounded on
 * its own, so a sum of n rounded terms may differ by up to n/2 units; `tolerance`
 * (default 1 unit) is what is let through.
 */
export function checkTypedBeslutsutrymme(columns: readonly TypedBeslutsutrymmeColumn[], tolerance = 1): TypedProblem[] {
  const problems: TypedProblem[] = [];
  const sorted = [...columns].sort((a, b) => a.year - b.year);
  const check = (year: number, line: TypedProblem['line'], expected: number, printed: number, how: string) => {
    if (Math.abs(expected - printed) > tolerance) {
      problems.push({
        year,
        line,
        expected,
        printed,
        message: `${year}: ${LINE_LABELS[line]} är ${printed} men ${how} ger ${expected} (skillnad ${printed - expected}).`,
      });
    }
  };
  sorted.forEach((c, i) => {
    check(c.year, 'ingaende', c.anslag + c.fromEarlier, c.ingaende, 'anslag plus över-/underskott från tidigare år');
    check(c.year, 'efterAktuella', c.fromEarlier + c.resultat, c.efterAktuella, 'över-/underskott från tidigare år plus årets resultat');
    check(
      c.year,
      'efterPending',
      c.efterAktuella - c.pending.reduce((s, v) => s + v, 0),
      c.efterPending,
      'beslutsutrymmet efter aktuella beslut minus ej beslutade ansökningar',
    );
    const prev = sorted[i - 1];
    if (prev && prev.year === c.year - 1) check(c.year, 'fromEarlier', prev.efterPending, c.fromEarlier, `förra årets beslutsutrymme (${prev.year})`);
  });
  return problems;
}
