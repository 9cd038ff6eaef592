import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { Block, Section } from '../../../shared/contract/schemas/arendeblad';
import type { DelarsrapportRow, DelarsrapportView } from '../../../shared/contract/schemas/delarsrapport';
import { GOAL_STATUS_LABELS } from '../../../shared/contract/schemas/maluppfyllelse';
import { BUDGET_POSTS, POST_INFO, signed } from '../../../shared/domain/budget-posts';
import { periodBudget } from '../../../shared/domain/ekonomi';
import { formatInteger } from '../../../shared/format/sv';
import type { Scope } from '../context';
import { currentVersion, linesToAmounts, loadBudgetVersions } from '../ekonomi/budget';
import { periodLabel, utfallByPost } from '../ekonomi/reports';
import { loadForbund, senderOf } from '../forbund';
import { handlersFor } from '../handler';
import { reportControls } from '../internkontroll/report';
import { maluppfyllelseView } from '../verksamhetsplan/maluppfyllelse';
import { adoptedPlanFor } from '../verksamhetsplan/plan';

/**
 * The delårsrapport: the result so far against the budget spread over the period's months,
 * a helårsprognos per post (the budget until the kansli types another), the goals so far
 * (the adopted plan's måluppfyllelse for the delår) and the internkontroll so far.
 */

/** The förbund's period: this year's choice, else the last year's, else August. */
async function toMonthFor(scope: Scope, year: number, asked?: number): Promise<number> {
  if (asked !== undefined) return asked;
  const own = await scope.db.selectFrom('delarsrapporter').select('to_month').where('year', '<=', year).orderBy('year', 'desc').executeTakeFirst();
  return own?.to_month ?? 8;
}

export async function delarsrapportView(scope: Scope, year: number, askedMonth?: number): Promise<DelarsrapportView> {
  const toMonth = await toMonthFor(scope, year, askedMonth);
  const budget = linesToAmounts(currentVersion(await loadBudgetVersions(scope, year)));
  const utfall = await utfallByPost(scope, year, 1, toMonth);
  const prognos = new Map((await scope.db.selectFrom('delarsrapport_prognos').selectAll().where('year', '=', year).execute()).map((r) => [r.post, r]));
  const rows: DelarsrapportRow[] = BUDGET_POSTS.filter((p) => (budget[p] ?? 0) !== 0 || (utfall[p] ?? 0) !== 0 || prognos.has(p)).map((post) => {
    const info = POST_INFO[post];
    const budgetYearKr = budget[post] ?? 0;
    const budgetPeriodKr = periodBudget(budgetYearKr, toMonth);
    const utfallPeriodKr = utfall[post] ?? 0;
    const typed = prognos.get(post);
    return {
      post,
      label: info.label,
      side: info.side,
      budgetYearKr,
      budgetPeriodKr,
      utfallPeriodKr,
      avvikelseKr: signed(post, utfallPeriodKr) - signed(post, budgetPeriodKr),
      prognosKr: typed?.prognos_kr ?? budgetYearKr,
      prognosTyped: typed !== undefined,
      kommentar: typed?.kommentar ?? '',
    };
  });
  const sum = (key: 'budgetYearKr' | 'budgetPeriodKr' | 'utfallPeriodKr' | 'prognosKr') => rows.reduce((t, r) => t + signed(r.post, r[key]), 0);
  const plan = await adoptedPlanFor(scope, year);
  const goals = plan
    ? await (async () => {
        const v = await maluppfyllelseView(scope, { planId: plan.id, year, period: 'delar', toMonth });
        return {
          planTitle: plan.title,
          rows: v.rows.map((r) => ({
            goal: r.targetGoalText,
            target: r.targetText,
            result: r.resultText || (r.value === null ? '–' : String(r.value)),
            status: r.status ? GOAL_STATUS_LABELS[r.status] : 'Ej bedömt',
          })),
        };
      })()
    : null;
  const until = `${year}-${String(toMonth).padStart(2, '0')}-${String(new Date(Date.UTC(year, toMonth, 0)).getUTCDate()).padStart(2, '0')}`;
  const controls = await reportControls(scope, year, until);
  return {
    year,
    toMonth,
    periodLabel: periodLabel(year, 1, toMonth),
    rows,
    result: { budgetYearKr: sum('budgetYearKr'), budgetPeriodKr: sum('budgetPeriodKr'), utfallPeriodKr: sum('utfallPeriodKr'), prognosKr: sum('prognosKr') },
    goals,
    internkontroll: controls.map((c) => ({
      process: c.process,
      moment: c.moment,
      done: c.occasions.filter((o) => o.done).length,
      due: c.occasions.length,
      deviations: c.deviations.length,
      open: c.deviations.filter((d) => d.status !== 'stangd').length,
    })),
  };
}

async function getDelarsrapport(input: ParsedInput<'delarsrapport.get'>, scope: Scope): Promise<MethodResult<'delarsrapport.get'>> {
  return delarsrapportView(scope, input.year, input.toMonth);
}

async function saveDelarsrapport(input: ParsedInput<'delarsrapport.save'>, scope: Scope): Promise<MethodResult<'delarsrapport.save'>> {
  const at = scope.now.toISOString();
  const before = await delarsrapportView(scope, input.year);
  const had = await scope.db.selectFrom('delarsrapporter').select('to_month').where('year', '=', input.year).executeTakeFirst();
  await scope.db
    .insertInto('delarsrapporter')
    .values({ year: input.year, to_month: input.toMonth, updated_at: at, updated_by: scope.actor })
    .onConflict((oc) => oc.column('year').doUpdateSet({ to_month: input.toMonth, updated_at: at, updated_by: scope.actor }))
    .execute();
  for (const p of input.prognos) {
    if (p.prognosKr === null) {
      await scope.db.deleteFrom('delarsrapport_prognos').where('year', '=', input.year).where('post', '=', p.post).execute();
    } else {
      await scope.db
        .insertInto('delarsrapport_prognos')
        .values({ year: input.year, post: p.post, prognos_kr: p.prognosKr, kommentar: p.kommentar })
        .onConflict((oc) => oc.columns(['year', 'post']).doUpdateSet({ prognos_kr: p.prognosKr!, kommentar: p.kommentar }))
        .execute();
    }
  }
  const after = await delarsrapportView(scope, input.year);
  const words = (v: DelarsrapportView) => ({
    year: v.year,
    manad: v.toMonth,
    prognos: v.rows.filter((r) => r.prognosTyped).map((r) => `${r.label} ${formatInteger(r.prognosKr)} kr`),
  });
  if (JSON.stringify(words(before)) !== JSON.stringify(words(after)) || !had) {
    await scope.audit({
      entity: 'delarsrapport',
      entityId: input.year,
      action: had ? 'update' : 'create',
      before: had ? words(before) : null,
      after: words(after),
    });
  }
  return after;
}

const n = (v: number) => formatInteger(v);

/** The report's sections: the result against budget with the prognos, the goals, the internkontroll. */
function sections(v: DelarsrapportView): Section[] {
  const resultRows = v.rows.map((r) => [r.label, n(r.budgetYearKr), n(r.budgetPeriodKr), n(r.utfallPeriodKr), n(r.avvikelseKr), n(r.prognosKr)]);
  resultRows.push([
    'Resultat',
    n(v.result.budgetYearKr),
    n(v.result.budgetPeriodKr),
    n(v.result.utfallPeriodKr),
    n(v.result.utfallPeriodKr - v.result.budgetPeriodKr),
    n(v.result.prognosKr),
  ]);
  const out: Section[] = [
    {
      heading: `Resultat ${v.periodLabel}`,
      blocks: [
        {
          type: 'tabell',
          caption: 'Belopp i kronor; periodens budget är årets budget fördelad jämnt över månaderna.',
          header: ['Post', 'Budget helår', 'Budget perioden', 'Utfall perioden', 'Avvikelse', 'Prognos helår'],
          rows: resultRows,
          sumRow: true,
          note: '',
        },
        ...v.rows.filter((r) => r.kommentar).map((r): Block => ({ type: 'stycke', text: `${r.label}: ${r.kommentar}` })),
      ],
    },
  ];
  if (v.goals) {
    out.push({
      heading: 'Måluppfyllelse hittills',
      blocks: [
        {
          type: 'tabell',
          caption: `Uppföljning av ${v.goals.planTitle}`,
          header: ['Resultatmål', 'Mål', 'Resultat', 'Status'],
          rows: v.goals.rows.map((r) => [r.goal, r.target, r.result, r.status]),
          sumRow: false,
          note: '',
        },
      ],
    });
  }
  if (v.internkontroll.length > 0) {
    out.push({
      heading: 'Internkontroll hittills',
      blocks: [
        {
          type: 'tabell',
          caption: '',
          header: ['Process', 'Kontrollmoment', 'Kontroller gjorda', 'Avvikelser (öppna)'],
          rows: v.internkontroll.map((c) => [c.process, c.moment, `${c.done} av ${c.due}`, `${c.deviations} (${c.open})`]),
          sumRow: false,
          note: '',
        },
      ],
    });
  }
  return out;
}

async function delarsrapportPdf(input: ParsedInput<'delarsrapport.pdf'>, scope: Scope): Promise<MethodResult<'delarsrapport.pdf'>> {
  const v = await delarsrapportView(scope, input.year, input.toMonth);
  const forbund = await loadForbund(scope);
  const { renderPlanPdf } = await import('../pdf/verksamhetsplan-pdf');
  const title = `Delårsrapport ${v.periodLabel}`;
  const { bytes, pages } = await renderPlanPdf(
    scope.ctx,
    {
      sender: senderOf(forbund),
      docType: 'Delårsrapport',
      title,
      status: `${forbund.name}, ${v.periodLabel}`,
      fields: [{ label: 'Period', value: v.periodLabel }],
      sections: sections(v),
    },
    scope.now,
  );
  return { fileName: `${title}.pdf`, mimeType: 'application/pdf', contentBase64: Buffer.from(bytes).toString('base64'), pages };
}

async function delarsrapportDocx(input: ParsedInput<'delarsrapport.docx'>, scope: Scope): Promise<MethodResult<'delarsrapport.docx'>> {
  const v = await delarsrapportView(scope, input.year, input.toMonth);
  const forbund = await loadForbund(scope);
  const { heading, renderDocx, sectionsDocx } = await import('../docx/arendeblad-docx');
  const title = `Delårsrapport ${v.periodLabel}`;
  const bytes = await renderDocx({
    sender: senderOf(forbund),
    docType: 'DELÅRSRAPPORT',
    fields: [{ label: 'Period', value: v.periodLabel }],
    title,
    description: `${forbund.name}, ${v.periodLabel}`,
    body: [heading(title, 1), ...sectionsDocx(sections(v))],
  });
  return {
    fileName: `${title}.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

/** The methods this area serves. */
export const delarsrapportHandlers = handlersFor({
  'delarsrapport.get': getDelarsrapport,
  'delarsrapport.save': saveDelarsrapport,
  'delarsrapport.pdf': delarsrapportPdf,
  'delarsrapport.docx': delarsrapportDocx,
});
