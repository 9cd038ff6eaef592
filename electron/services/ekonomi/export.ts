import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import { ECONOMY_TABLE_LABELS } from '../../../shared/contract/schemas/ekonomi';
import { BUDGET_POSTS, POST_INFO } from '../../../shared/domain/budget-posts';
import type { Scope } from '../context';
import { loadInsats } from '../insatser/insatser';
import { buildWorkbook, XLSX_MIME, type CellValue, type Column } from '../xlsx/workbook';
import { budgetYearView } from './budget';
import { feeView } from './medlemsavgifter';
import { beslutsutrymme, budgetMotUtfall, history } from './reports';
import { handlersFor } from '../handler';

/**
 * Every table of the economy as an Excel sheet, amounts in whole kronor (numbers, not
 * text, so the administrator can go on computing), shares as fractions formatted %.
 */

interface Sheet {
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

const kr = (header: string): Column => ({ header, kind: 'amount', width: 16 });
const text = (header: string, width = 40): Column => ({ header, kind: 'text', width });
const share = (v: number | null): CellValue => (v === null ? null : Math.round(v * 1000) / 10);

async function sheetFor(input: ParsedInput<'ekonomi.export'>, scope: Scope): Promise<Sheet> {
  const { year } = input;
  switch (input.table) {
    case 'medlemsavgifter': {
      const f = await feeView(scope, year);
      return {
        name: `Medlemsavgifter ${year}`,
        columns: [
          text('Medlem'),
          text('Typ', 12),
          { header: `Folkmängd 1 nov ${f.populationYear}`, kind: 'integer', width: 18 },
          text('Andel av kommunernas folkmängd, %', 18),
          kr(`Avgift ${year}, kr`),
          kr(`Avgift ${year - 1}, kr`),
        ],
        rows: [
          ...f.shares.map((s) => [s.name, s.kind, s.population, share(s.populationShare), s.amountKr, s.previousKr]),
          ['Summa', null, f.populationTotal, null, f.totalKr, f.previous?.totalKr ?? null],
        ],
      };
    }
    case 'budget': {
      const b = await budgetYearView(scope, year);
      const versions = b.versions;
      return {
        name: `Budget ${year}`,
        columns: [
          text('Post'),
          ...versions.map((v) =>
            kr(
              `${v.kind === 'forslag' ? 'Förslag' : v.kind === 'faststalld' ? 'Fastställd' : `Reviderad ${v.revision}`}${v.decidedOn ? ` ${v.decidedOn}` : ''}, kr`,
            ),
          ),
        ],
        rows: [
          ...BUDGET_POSTS.map((post) => [POST_INFO[post].label, ...versions.map((v) => v.lines.find((l) => l.post === post)?.amountKr ?? 0)]),
          ['Summa intäkter', ...versions.map((v) => v.intakterKr)],
          ['Summa kostnader', ...versions.map((v) => v.kostnaderKr)],
          ['Resultat', ...versions.map((v) => v.resultKr)],
        ],
      };
    }
    case 'utfall': {
      const rows = await scope.db.selectFrom('utfall').selectAll().where('year', '=', year).orderBy('booked_on').orderBy('id').execute();
      const names = new Map<number, string>();
      for (const id of new Set(rows.flatMap((r) => (r.insats_id === null ? [] : [r.insats_id])))) names.set(id, (await loadInsats(scope, id)).name);
      return {
        name: `Utfall ${year}`,
        columns: [
          { header: 'Datum', kind: 'date', width: 12 },
          text('Post', 36),
          text('Insats', 30),
          text('Konto', 8),
          { header: 'Belopp, kr', kind: 'amount', width: 16 },
          text('Text'),
        ],
        rows: rows.map((r) => [
          r.booked_on,
          POST_INFO[r.post as (typeof BUDGET_POSTS)[number]]?.label ?? r.post,
          r.insats_id === null ? null : (names.get(r.insats_id) ?? null),
          r.account,
          r.amount_ore / 100,
          r.text,
        ]),
      };
    }
    case 'budget_mot_utfall': {
      const t = await budgetMotUtfall(scope, year, input.fromMonth, input.toMonth);
      return {
        name: 'Budget mot utfall',
        columns: [text('Post eller insats'), kr('Budget, kr'), kr('Utfall, kr'), text('Förbrukningskvot, %', 14), kr(`Utfall ${year - 1}, kr`)],
        rows: [
          ...t.groups.map((g) => [`${g.label} (netto)`, g.budgetKr, g.utfallKr, null, g.previousKr]),
          ['Resultat', t.result.budgetKr, t.result.utfallKr, null, t.result.previousKr],
          [null, null, null, null, null],
          ...t.posts.map((p) => [p.label, p.budgetKr, p.utfallKr, share(p.kvot), p.previousKr]),
          ['Resultat', t.result.budgetKr, t.result.utfallKr, null, t.result.previousKr],
          [null, null, null, null, null],
          ...t.insatser.map((i) => [i.name, i.budgetKr, i.utfallKr, share(i.kvot), i.previousKr]),
          ['Samverkansinsatser totalt', t.samverkanTotal.budgetKr, t.samverkanTotal.utfallKr, share(t.samverkanTotal.kvot), t.samverkanTotal.previousKr],
        ],
      };
    }
    case 'beslutsutrymme': {
      const b = await beslutsutrymme(scope, year, 5);
      const line = (label: string, pick: (r: (typeof b.rows)[number]) => number): CellValue[] => [label, ...b.rows.map(pick)];
      return {
        name: 'Ekonomisk information',
        columns: [text('Ekonomisk information (kr)', 50), ...b.rows.map((r) => kr(String(r.year)))],
        rows: [
          line('Finansiella anslag', (r) => r.anslagKr),
          line('Över-/underskott från tidigare år', (r) => r.fromEarlierKr),
          line('Totalt ingående beslutsutrymme', (r) => r.ingaendeKr),
          line('Samverkansinsatser', (r) => r.samverkanKr),
          line('Förtroendevalda och förvaltning (netto)', (r) => r.ovrigtNettoKr),
          line('Årets resultat', (r) => r.resultatKr),
          line('Beslutsutrymme efter aktuella finansieringsbeslut', (r) => r.efterAktuellaKr),
          ...b.pending.map((a) => [a.label, ...b.rows.map((r) => a.byYear.find((e) => e.year === r.year)?.kr ?? 0)]),
          line('Beslutsutrymme efter ej beslutade ansökningar', (r) => r.efterPendingKr),
        ],
      };
    }
    case 'forbrukning': {
      const h = await history(scope);
      return {
        name: 'Förbrukning',
        columns: [
          { header: 'År', kind: 'integer', width: 8 },
          text('Samverkansinsatser, %', 14),
          text('Förtroendevalda, %', 14),
          text('Administration, %', 14),
          kr('Tilldelning, kr'),
          kr('Samverkan, kr'),
          kr('Förtroendevalda, kr'),
          kr('Förvaltning, kr'),
          text('Kommentar'),
        ],
        rows: h.rows.map((r) => [
          r.year,
          share(r.samverkanShare),
          share(r.fortroendevaldaShare),
          share(r.forvaltningShare),
          r.anslagKr,
          r.samverkanKr,
          r.fortroendevaldaKr,
          r.forvaltningKr,
          r.comment,
        ]),
      };
    }
  }
}

export async function exportEconomyTable(input: ParsedInput<'ekonomi.export'>, scope: Scope): Promise<MethodResult<'ekonomi.export'>> {
  const sheet = await sheetFor(input, scope);
  return {
    fileName: `Kansli ${ECONOMY_TABLE_LABELS[input.table]} ${input.year}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64: await buildWorkbook(sheet.name.slice(0, 31), sheet.columns, sheet.rows),
    rows: sheet.rows.length,
  };
}

/** The methods this module serves. */
export const exportHandlers = handlersFor({
  'ekonomi.export': exportEconomyTable,
});
