import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { InsatsDetail, InsatsForm, Kategori, Overview, OverviewRow } from '../../../shared/contract/schemas/insatser';
import {
  categorySplit,
  costPerParticipant,
  forbrukningskvot,
  participantProblems,
  sumByKon,
  sumParticipants,
  workStudyShare,
  workStudyShareByKon,
  type ByKon,
} from '../../../shared/domain/insats-figures';
import { KATEGORI_LABELS } from '../../../shared/contract/schemas/insatser';
import { buildFromTemplate, type EvaluationData } from '../../../shared/domain/arendeblad-templates';
import { formatDate } from '../../../shared/format/sv';
import type { Scope } from '../context';
import { refuse, refuseAll } from '../refuse';
import { templateData, writeGeneratedArendeblad } from '../arendeblad';
import { loadInsats } from './insatser';
import { handlersFor } from '../handler';
import { logFieldChange } from '../save-record';

/**
 * Follow-up of an insats: status and styrgrupp, rekvisitioner (utfall), participant
 * figures per year as aggregates, the outcome of each goal, reports and avvikelser;
 * and the overview the board reads, with the figures from shared/domain.
 */

export async function loadInsatsDetail(scope: Scope, id: number): Promise<InsatsDetail> {
  const insats = await loadInsats(scope, id);
  const requisitions = await scope.db.selectFrom('requisitions').selectAll().where('insats_id', '=', id).orderBy('paid_on').orderBy('id').execute();
  const utfallByYear = new Map<number, number>();
  for (const r of requisitions) {
    const year = Number(r.paid_on.slice(0, 4));
    utfallByYear.set(year, (utfallByYear.get(year) ?? 0) + r.amount_kr);
  }
  // One rule: utfall is what the books say (Ekonomi → Utfall); the rekvisitioner paid out stand beside it with the difference.
  const booked = new Map(
    (
      await scope.db
        .selectFrom('utfall_insats_months')
        .select('year')
        .select((eb) => eb.fn.sum<number>('amount_ore').as('ore'))
        .where('insats_id', '=', id)
        .groupBy('year')
        .execute()
    ).map((r) => [r.year, Math.round(Number(r.ore) / 100)]),
  );
  const years = [...new Set([...insats.budget.map((b) => b.year), ...utfallByYear.keys(), ...booked.keys()])].sort((a, b) => a - b);
  const economy = years.map((year) => {
    const budgetKr = insats.budget.find((b) => b.year === year)?.budgetKr ?? 0;
    const utfallKr = booked.get(year) ?? 0;
    const rekvisitionerKr = utfallByYear.get(year) ?? 0;
    return { year, budgetKr, utfallKr, rekvisitionerKr, skillnadKr: rekvisitionerKr - utfallKr, kvot: forbrukningskvot(utfallKr, budgetKr) };
  });
  const utfallTotalKr = [...booked.values()].reduce((s, v) => s + v, 0);
  const rekvisitionerTotalKr = requisitions.reduce((s, r) => s + r.amount_kr, 0);
  const participants = await scope.db.selectFrom('participant_figures').selectAll().where('insats_id', '=', id).orderBy('year').execute();
  const goals = await scope.db
    .selectFrom('goals')
    .selectAll()
    .where('insats_id', '=', id)
    .orderBy('application_id')
    .orderBy('kind')
    .orderBy('position')
    .execute();
  const reports = await scope.db.selectFrom('insats_reports').selectAll().where('insats_id', '=', id).orderBy('received_on').orderBy('id').execute();
  return {
    ...insats,
    requisitions: requisitions.map((r) => ({
      id: r.id,
      paidOn: r.paid_on,
      amountKr: r.amount_kr,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      note: r.note,
    })),
    economy,
    utfallTotalKr,
    rekvisitionerTotalKr,
    kvot: forbrukningskvot(utfallTotalKr, insats.budgetTotalKr),
    participants: participants.map((p) => ({
      year: p.year,
      deltagare: p.deltagare,
      kvinnor: p.kvinnor,
      man: p.man,
      avslutade: p.avslutade,
      tillArbete: p.till_arbete,
      tillStudier: p.till_studier,
      byKon:
        p.avslutade_kvinnor === null || p.avslutade_man === null || p.arbete_studier_kvinnor === null || p.arbete_studier_man === null
          ? null
          : {
              avslutadeKvinnor: p.avslutade_kvinnor,
              avslutadeMan: p.avslutade_man,
              arbeteStudierKvinnor: p.arbete_studier_kvinnor,
              arbeteStudierMan: p.arbete_studier_man,
            },
    })),
    goals: goals.map((g) => ({ id: g.id, kind: g.kind, text: g.text, outcome: g.outcome, outcomeNote: g.outcome_note })),
    reports: reports.map((r) => ({ id: r.id, kind: r.kind, year: r.year, receivedOn: r.received_on, text: r.text, documentId: r.document_id })),
  };
}

export async function insatsDetail(input: ParsedInput<'insatser.detail'>, scope: Scope): Promise<MethodResult<'insatser.detail'>> {
  return loadInsatsDetail(scope, input.id);
}

export async function updateInsats(input: ParsedInput<'insatser.update'>, scope: Scope): Promise<MethodResult<'insatser.update'>> {
  const before = await loadInsatsDetail(scope, input.id);
  await scope.db
    .updateTable('insatser')
    .set({ status: input.status, form: input.form ?? before.form, styrgrupp: input.styrgrupp, updated_at: scope.now.toISOString() })
    .where('id', '=', input.id)
    .execute();
  const after = await loadInsatsDetail(scope, input.id);
  await logFieldChange(scope, 'insats', input.id, { before, after }, ['status', 'form', 'styrgrupp']);
  return after;
}

export async function saveRequisition(input: ParsedInput<'insatser.saveRequisition'>, scope: Scope): Promise<MethodResult<'insatser.saveRequisition'>> {
  const insats = await loadInsats(scope, input.insatsId);
  if (input.periodFrom < insats.startsOn || input.periodTo > insats.endsOn) {
    throw refuse(
      'periodFrom',
      `Rekvisitionen avser ${input.periodFrom} till ${input.periodTo}, utanför insatsens period (${insats.startsOn} till ${insats.endsOn}).`,
    );
  }
  const fields = {
    insats_id: input.insatsId,
    paid_on: input.paidOn,
    amount_kr: input.amountKr,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    note: input.note,
  };
  let id: number;
  let before: unknown = null;
  if (input.id !== undefined) {
    const row = await scope.db.selectFrom('requisitions').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row || row.insats_id !== input.insatsId) throw refuse('id', 'Rekvisitionen finns inte.', 'NOT_FOUND');
    before = row;
    await scope.db.updateTable('requisitions').set(fields).where('id', '=', input.id).execute();
    id = input.id;
  } else {
    id = (
      await scope.db
        .insertInto('requisitions')
        .values({ ...fields, created_at: scope.now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await scope.audit({ entity: 'requisition', entityId: id, action: before === null ? 'create' : 'update', before, after: { ...fields } });
  return loadInsatsDetail(scope, input.insatsId);
}

export async function removeRequisition(input: ParsedInput<'insatser.removeRequisition'>, scope: Scope): Promise<MethodResult<'insatser.removeRequisition'>> {
  const row = await scope.db.selectFrom('requisitions').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw refuse('id', 'Rekvisitionen finns inte.', 'NOT_FOUND');
  await scope.db.deleteFrom('requisitions').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'requisition', entityId: input.id, action: 'delete', before: row, after: null });
  return loadInsatsDetail(scope, row.insats_id);
}

export async function saveParticipants(input: ParsedInput<'insatser.saveParticipants'>, scope: Scope): Promise<MethodResult<'insatser.saveParticipants'>> {
  await loadInsats(scope, input.insatsId);
  const problems = participantProblems(input);
  if (problems.length > 0) {
    throw refuseAll(`Deltagaruppgifterna för ${input.year} går inte ihop: ${problems.map((p) => p.message).join(' ')}`, problems, 'VALIDATION');
  }
  const values = {
    insats_id: input.insatsId,
    year: input.year,
    deltagare: input.deltagare,
    kvinnor: input.kvinnor,
    man: input.man,
    avslutade: input.avslutade,
    till_arbete: input.tillArbete,
    till_studier: input.tillStudier,
    avslutade_kvinnor: input.byKon?.avslutadeKvinnor ?? null,
    avslutade_man: input.byKon?.avslutadeMan ?? null,
    arbete_studier_kvinnor: input.byKon?.arbeteStudierKvinnor ?? null,
    arbete_studier_man: input.byKon?.arbeteStudierMan ?? null,
  };
  const before = await scope.db
    .selectFrom('participant_figures')
    .selectAll()
    .where('insats_id', '=', input.insatsId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  await scope.db
    .insertInto('participant_figures')
    .values(values)
    .onConflict((oc) => oc.columns(['insats_id', 'year']).doUpdateSet(values))
    .execute();
  await scope.audit({
    entity: 'participants',
    entityId: `${input.insatsId}:${input.year}`,
    action: before ? 'update' : 'create',
    before: before ?? null,
    after: values,
  });
  return loadInsatsDetail(scope, input.insatsId);
}

export async function setGoalOutcome(input: ParsedInput<'insatser.goalOutcome'>, scope: Scope): Promise<MethodResult<'insatser.goalOutcome'>> {
  const goal = await scope.db.selectFrom('goals').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!goal || goal.insats_id === null) throw refuse('id', 'Målet hör inte till någon beviljad insats.', 'NOT_FOUND');
  await scope.db.updateTable('goals').set({ outcome: input.outcome, outcome_note: input.note }).where('id', '=', input.id).execute();
  await scope.audit({
    entity: 'goal',
    entityId: input.id,
    action: 'update',
    before: { outcome: goal.outcome, note: goal.outcome_note },
    after: { outcome: input.outcome, note: input.note },
  });
  return loadInsatsDetail(scope, goal.insats_id);
}

export async function addReport(input: ParsedInput<'insatser.report'>, scope: Scope): Promise<MethodResult<'insatser.report'>> {
  await loadInsats(scope, input.insatsId);
  if (input.documentId !== null) {
    const doc = await scope.db.selectFrom('documents').select('id').where('id', '=', input.documentId).executeTakeFirst();
    if (!doc) throw refuse('documentId', 'Handlingen finns inte i diariet.', 'NOT_FOUND');
  }
  const id = (
    await scope.db
      .insertInto('insats_reports')
      .values({ insats_id: input.insatsId, kind: input.kind, year: input.year, received_on: input.receivedOn, text: input.text, document_id: input.documentId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await scope.audit({ entity: 'insats_report', entityId: id, action: 'create', before: null, after: { ...input } });
  return loadInsatsDetail(scope, input.insatsId);
}

export async function saveTargets(input: ParsedInput<'insatser.targets'>, scope: Scope): Promise<MethodResult<'insatser.targets'>> {
  const values = {
    year: input.year,
    work_study_permille: input.workStudyTarget === null ? null : Math.round(input.workStudyTarget * 1000),
    guide_individ: input.guideline.individ,
    guide_struktur: input.guideline.struktur,
    guide_kompetens: input.guideline.kompetens,
  };
  const before = await scope.db.selectFrom('insats_targets').selectAll().where('year', '=', input.year).executeTakeFirst();
  await scope.db
    .insertInto('insats_targets')
    .values(values)
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
  await scope.audit({ entity: 'insats_targets', entityId: input.year, action: before ? 'update' : 'create', before: before ?? null, after: values });
  return buildOverview(scope, input.year);
}

/**
 * The year's overview: every insats with a budget or utfall that year, totals, the
 * target and the split by kategori. With `until`, utfall counts the rekvisitioner paid
 * from 1 January up to that day (the first half-year's PM).
 */
/** The books' utfall of an insats from the start of the year to the month of `until` (ÅÅÅÅ-MM-DD). */
async function bookedUntil(scope: Scope, insatsId: number, year: number, until: string): Promise<number> {
  const row = await scope.db
    .selectFrom('utfall_insats_months')
    .select((eb) => eb.fn.sum<number>('amount_ore').as('ore'))
    .where('insats_id', '=', insatsId)
    .where('year', '=', year)
    .where('month', '<=', Number(until.slice(5, 7)))
    .executeTakeFirst();
  return Math.round(Number(row?.ore ?? 0) / 100);
}

/** One insats's granted budget and booked utfall by year, up to and including a year. */
export interface InsatsLife {
  insatsId: number;
  name: string;
  kategori: Kategori;
  form: InsatsForm;
  budgetKr: Map<number, number>;
  utfallKr: Map<number, number>;
}

/**
 * Every insats's budget and booked utfall by year up to `year`, read in three statements
 * (for the årsredovisning's table of the year, the year before and the life so far).
 */
export async function insatsLives(scope: Scope, year: number): Promise<InsatsLife[]> {
  const insatser = await scope.db.selectFrom('insatser').select(['id', 'name', 'kategori', 'form']).orderBy('name').orderBy('id').execute();
  const budget = await scope.db
    .selectFrom('application_years as y')
    .innerJoin('applications as a', 'a.id', 'y.application_id')
    .select(['a.insats_id', 'y.year'])
    .select((eb) => eb.fn.sum<number>(eb.fn.coalesce('y.granted_kr', eb.val(0))).as('kr'))
    .where('a.status', 'in', ['beviljad', 'delvis_beviljad'])
    .where('a.insats_id', 'is not', null)
    .where('y.year', '<=', year)
    .groupBy(['a.insats_id', 'y.year'])
    .execute();
  const utfall = await scope.db
    .selectFrom('utfall_insats_months')
    .select(['insats_id', 'year'])
    .select((eb) => eb.fn.sum<number>('amount_ore').as('ore'))
    .where('year', '<=', year)
    .groupBy(['insats_id', 'year'])
    .execute();
  const lives = new Map<number, InsatsLife>(
    insatser.map((i) => [i.id, { insatsId: i.id, name: i.name, kategori: i.kategori, form: i.form, budgetKr: new Map(), utfallKr: new Map() }]),
  );
  for (const b of budget) if (b.insats_id !== null) lives.get(b.insats_id)?.budgetKr.set(b.year, Number(b.kr));
  for (const u of utfall) lives.get(u.insats_id)?.utfallKr.set(u.year, Math.round(Number(u.ore) / 100));
  return [...lives.values()];
}

type TargetsRow = { guide_individ: number; guide_struktur: number; guide_kompetens: number } | undefined;
const guidelineOf = (t: TargetsRow): Record<Kategori, number> => ({
  individ: t?.guide_individ ?? 60,
  struktur: t?.guide_struktur ?? 30,
  kompetens: t?.guide_kompetens ?? 10,
});

/** The year's granted budget per kategori against the förbund's guideline for the split. */
export async function categorySplitOf(scope: Scope, lives: InsatsLife[], year: number): Promise<Overview['split']> {
  const granted: Record<Kategori, number> = { individ: 0, struktur: 0, kompetens: 0 };
  for (const l of lives) granted[l.kategori] += l.budgetKr.get(year) ?? 0;
  const targets = await scope.db
    .selectFrom('insats_targets')
    .select(['guide_individ', 'guide_struktur', 'guide_kompetens'])
    .where('year', '=', year)
    .executeTakeFirst();
  return categorySplit(granted, guidelineOf(targets));
}

export async function buildOverview(scope: Scope, year: number, until?: string): Promise<Overview> {
  const ids = await scope.db.selectFrom('insatser').select('id').orderBy('name').execute();
  const rows: OverviewRow[] = [];
  const byKonRows: (ByKon | null)[] = [];
  const granted: Record<Kategori, number> = { individ: 0, struktur: 0, kompetens: 0 };
  for (const { id } of ids) {
    const d = await loadInsatsDetail(scope, id);
    const economy = d.economy.find((e) => e.year === year);
    const p = d.participants.find((x) => x.year === year);
    if (!economy && !p) continue;
    const budgetKr = economy?.budgetKr ?? 0;
    const utfallKr = until === undefined ? (economy?.utfallKr ?? 0) : await bookedUntil(scope, d.id, year, until);
    granted[d.kategori] += budgetKr;
    const part = p ?? { deltagare: 0, kvinnor: 0, man: 0, avslutade: 0, tillArbete: 0, tillStudier: 0, byKon: null };
    byKonRows.push(part.byKon);
    const kon = part.byKon ? workStudyShareByKon(part.byKon) : { kvinnor: null, man: null };
    rows.push({
      insatsId: d.id,
      name: d.name,
      kategori: d.kategori,
      status: d.status,
      budgetKr,
      utfallKr,
      kvot: forbrukningskvot(utfallKr, budgetKr),
      deltagare: part.deltagare,
      kvinnor: part.kvinnor,
      man: part.man,
      avslutade: part.avslutade,
      tillArbeteStudier: part.tillArbete + part.tillStudier,
      workStudyShare: workStudyShare(part),
      workStudyShareKvinnor: kon.kvinnor,
      workStudyShareMan: kon.man,
      costPerParticipant: costPerParticipant(utfallKr, part.deltagare),
    });
  }
  const budgetKr = rows.reduce((s, r) => s + r.budgetKr, 0);
  const utfallKr = rows.reduce((s, r) => s + r.utfallKr, 0);
  const people = sumParticipants(
    rows.map((r) => ({ deltagare: r.deltagare, kvinnor: r.kvinnor, man: r.man, avslutade: r.avslutade, tillArbete: r.tillArbeteStudier, tillStudier: 0 })),
  );
  const totalKon = sumByKon(byKonRows);
  const konShare = totalKon ? workStudyShareByKon(totalKon) : { kvinnor: null, man: null };
  const targets = await scope.db.selectFrom('insats_targets').selectAll().where('year', '=', year).executeTakeFirst();
  const guideline = guidelineOf(targets);
  return {
    year,
    rows,
    total: {
      budgetKr,
      utfallKr,
      kvot: forbrukningskvot(utfallKr, budgetKr),
      deltagare: people.deltagare,
      kvinnor: people.kvinnor,
      man: people.man,
      avslutade: people.avslutade,
      tillArbeteStudier: people.tillArbete,
      workStudyShare: workStudyShare(people),
      workStudyShareKvinnor: konShare.kvinnor,
      workStudyShareMan: konShare.man,
      costPerParticipant: costPerParticipant(utfallKr, people.deltagare),
    },
    workStudyTarget: targets?.work_study_permille == null ? null : targets.work_study_permille / 1000,
    guideline,
    split: categorySplit(granted, guideline),
  };
}

export async function overview(input: ParsedInput<'insatser.overview'>, scope: Scope): Promise<MethodResult<'insatser.overview'>> {
  return buildOverview(scope, input.year);
}

const OUTCOME_TEXT = { uppfyllt: 'Uppfyllt', delvis: 'Delvis uppfyllt', ej_uppfyllt: 'Ej uppfyllt' } as const;

/** The half-yearly utvärderings-PM, written as an ärendeblad (informationsärende) from the overview's figures. */
export async function writeEvaluationPm(input: ParsedInput<'insatser.pm'>, scope: Scope): Promise<MethodResult<'insatser.pm'>> {
  const until = input.halvar === 1 ? `${input.year}-06-30` : `${input.year}-12-31`;
  const o = await buildOverview(scope, input.year, until);
  if (o.rows.length === 0) throw refuse('year', `Det finns inga insatser med budget eller utfall ${input.year} att följa upp.`);
  const ids = o.rows.map((r) => r.insatsId);
  const details = await Promise.all(ids.map((id) => loadInsatsDetail(scope, id)));
  const periodLabel = input.halvar === 1 ? `första halvåret ${input.year}` : `helåret ${input.year}`;
  const evaluation: EvaluationData = {
    periodLabel,
    rows: o.rows.map((r, i) => ({ ...r, styrgrupp: details[i]?.styrgrupp ?? null })),
    total: o.total,
    workStudyTarget: o.workStudyTarget,
    split: o.split.map((x) => ({ label: KATEGORI_LABELS[x.kategori], grantedKr: x.grantedKr, share: x.share, guideline: x.guideline })),
    goals: details.flatMap((d) =>
      d.goals.map((g) => ({
        insats: d.name,
        kind: g.kind === 'effektmal' ? ('effektmål' as const) : ('insatsmål' as const),
        text: g.text,
        outcome: g.outcome ? OUTCOME_TEXT[g.outcome] : 'Ej bedömt',
      })),
    ),
    avvikelser: details.flatMap((d) =>
      d.reports
        .filter((r) => r.kind === 'avvikelse' && r.receivedOn >= `${input.year}-01-01` && r.receivedOn <= until)
        .map((r) => ({ insats: d.name, date: r.receivedOn, text: r.text ?? '' })),
    ),
  };
  const datum = formatDate(scope.now);
  const data = await templateData(scope, input.year, datum, 'Förbundsstyrelsen');
  data.evaluation = evaluation;
  const built = buildFromTemplate('utvarderings_pm', data);
  const statistik = built.content.sections.find((s) => s.heading === 'Statistik och kostnader');
  for (const c of input.charts) statistik?.blocks.push({ type: 'bild', caption: c.title, pngBase64: c.pngBase64 });
  return writeGeneratedArendeblad(scope, { template: 'utvarderings_pm', built, datum, organ: 'Förbundsstyrelsen', kind: 'informationsarende' });
}

/** The methods this module serves. */
export const uppfoljningHandlers = handlersFor({
  'insatser.detail': insatsDetail,
  'insatser.update': updateInsats,
  'insatser.saveRequisition': saveRequisition,
  'insatser.removeRequisition': removeRequisition,
  'insatser.saveParticipants': saveParticipants,
  'insatser.goalOutcome': setGoalOutcome,
  'insatser.report': addReport,
  'insatser.targets': saveTargets,
  'insatser.overview': overview,
  'insatser.pm': writeEvaluationPm,
});
