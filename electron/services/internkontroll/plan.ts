import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { ControlView, OccasionSummary, PlanView } from '../../../shared/contract/schemas/internkontroll';
import { occasionsFor } from '../../../shared/domain/internkontroll';
import type { Scope } from '../context';
import { isClosed } from '../closed-years';
import { refuse } from '../refuse';
import { handlersFor } from '../handler';

/**
 * The internkontrollplan of a year: per process the kontrollmoment, the risk it answers,
 * metod, frekvens, ansvarig and when and to whom it is reported; the occasions its
 * frequency gives; and a new year started from last year's plan.
 */

export function today(scope: Scope): string {
  return scope.now.toISOString().slice(0, 10);
}

export async function loadControls(scope: Scope, where: { year?: number; id?: number }): Promise<ControlView[]> {
  let q = scope.db
    .selectFrom('controls as c')
    .innerJoin('risks as r', 'r.id', 'c.risk_id')
    .selectAll('c')
    .select(['r.code as risk_code', 'r.title as risk_title']);
  if (where.year !== undefined) q = q.where('c.year', '=', where.year);
  if (where.id !== undefined) q = q.where('c.id', '=', where.id);
  const rows = await q.orderBy('c.position').orderBy('c.id').execute();
  if (rows.length === 0) return [];
  const occasions = await scope.db
    .selectFrom('control_occasions')
    .selectAll()
    .where(
      'control_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('due_on')
    .execute();
  const deviations = await scope.db
    .selectFrom('deviations as d')
    .innerJoin('control_occasions as o', 'o.id', 'd.occasion_id')
    .select(['d.occasion_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'o.control_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('d.occasion_id')
    .execute();
  const now = today(scope);
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    process: r.process,
    moment: r.moment,
    riskId: r.risk_id,
    riskCode: r.risk_code,
    riskTitle: r.risk_title,
    metod: r.metod,
    frekvens: r.frekvens,
    ansvarig: r.ansvarig,
    rapportTill: r.rapport_till,
    rapportNar: r.rapport_nar,
    checklist: JSON.parse(r.checklist) as string[],
    occasions: occasions
      .filter((o) => o.control_id === r.id)
      .map((o): OccasionSummary => ({
        id: o.id,
        dueOn: o.due_on,
        label: o.label,
        done: o.signed_off_at !== null,
        overdue: o.signed_off_at === null && o.due_on < now,
        deviations: Number(deviations.find((d) => d.occasion_id === o.id)?.n ?? 0),
      })),
  }));
}

export async function planView(scope: Scope, year: number): Promise<PlanView> {
  const controls = await loadControls(scope, { year });
  const open = await scope.db
    .selectFrom('deviations as d')
    .innerJoin('control_occasions as o', 'o.id', 'd.occasion_id')
    .innerJoin('controls as c', 'c.id', 'o.control_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.year', '=', year)
    .where('d.status', '=', 'oppen')
    .executeTakeFirstOrThrow();
  return { year, controls, openDeviations: Number(open.n), overdue: controls.reduce((s, c) => s + c.occasions.filter((o) => o.overdue).length, 0) };
}

export async function getPlan(input: ParsedInput<'internkontroll.plan'>, scope: Scope): Promise<MethodResult<'internkontroll.plan'>> {
  return planView(scope, input.year);
}

export async function saveControl(input: ParsedInput<'internkontroll.saveControl'>, scope: Scope): Promise<MethodResult<'internkontroll.saveControl'>> {
  const risk = await scope.db.selectFrom('risks').select(['id', 'year', 'code']).where('id', '=', input.riskId!).executeTakeFirst();
  if (!risk) throw refuse('riskId', 'Risken finns inte.', 'NOT_FOUND');
  if (risk.year !== input.year) throw refuse('riskId', `Risken ${risk.code} hör till riskanalysen ${risk.year}, inte ${input.year}.`);
  const at = scope.now.toISOString();
  const fields = {
    process: input.process,
    moment: input.moment,
    risk_id: risk.id,
    metod: input.metod,
    frekvens: input.frekvens,
    ansvarig: input.ansvarig,
    rapport_till: input.rapportTill,
    rapport_nar: input.rapportNar,
    checklist: JSON.stringify(input.checklist),
    updated_at: at,
  };
  let id: number;
  let before: unknown = null;
  if (input.id !== undefined) {
    const [old] = await loadControls(scope, { id: input.id });
    if (!old) throw refuse('id', 'Kontrollmomentet finns inte.', 'NOT_FOUND');
    if (old.year !== input.year) throw refuse('year', 'Ett kontrollmoment byter inte år.');
    before = old;
    await scope.db.updateTable('controls').set(fields).where('id', '=', input.id).execute();
    id = input.id;
  } else {
    const last = await scope.db
      .selectFrom('controls')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('year', '=', input.year)
      .executeTakeFirst();
    id = (
      await scope.db
        .insertInto('controls')
        .values({ ...fields, year: input.year, position: Number(last?.p ?? 0) + 1, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await scope.audit({
    entity: 'kontrollmoment',
    entityId: id,
    action: before === null ? 'create' : 'update',
    before,
    after: { ...fields, checklist: input.checklist },
  });
  return planView(scope, input.year);
}

export async function removeControl(input: ParsedInput<'internkontroll.removeControl'>, scope: Scope): Promise<MethodResult<'internkontroll.removeControl'>> {
  const [c] = await loadControls(scope, { id: input.id });
  if (!c) throw refuse('id', 'Kontrollmomentet finns inte.', 'NOT_FOUND');
  if (c.occasions.some((o) => o.done)) throw refuse('id', 'Kontrollmomentet har genomförda kontroller och kan inte tas bort.');
  const deviations = await scope.db
    .selectFrom('deviations as d')
    .innerJoin('control_occasions as o', 'o.id', 'd.occasion_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.control_id', '=', input.id)
    .executeTakeFirstOrThrow();
  if (Number(deviations.n) > 0) {
    throw refuse(
      'id',
      `Kontrollmomentet har ${Number(deviations.n) === 1 ? 'en registrerad avvikelse' : `${deviations.n} registrerade avvikelser`} och kan inte tas bort. Avvikelser följs upp tills de är åtgärdade.`,
    );
  }
  await scope.db.deleteFrom('controls').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'kontrollmoment', entityId: input.id, action: 'delete', before: c, after: null });
  return planView(scope, c.year);
}

/** A new year from last year's riskanalys and plan: the risks keep their ids and remember last year's score. */
export async function copyYear(input: ParsedInput<'internkontroll.copyYear'>, scope: Scope): Promise<MethodResult<'internkontroll.copyYear'>> {
  const existing = await scope.db.selectFrom('risks').select('id').where('year', '=', input.toYear).executeTakeFirst();
  if (existing) throw refuse('toYear', `Riskanalysen för ${input.toYear} har redan påbörjats.`, 'CONFLICT');
  const risks = await scope.db.selectFrom('risks').selectAll().where('year', '=', input.fromYear).execute();
  if (risks.length === 0) throw refuse('fromYear', `Det finns ingen riskanalys för ${input.fromYear} att utgå från.`);
  const at = scope.now.toISOString();
  const map = new Map<number, number>();
  for (const r of risks) {
    const { id: _old, created_at: _c, updated_at: _u, ...rest } = r;
    const { id } = await scope.db
      .insertInto('risks')
      .values({ ...rest, year: input.toYear, previous_id: r.id, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    map.set(r.id, id);
  }
  const controls = await scope.db.selectFrom('controls').selectAll().where('year', '=', input.fromYear).execute();
  for (const c of controls) {
    const { id: _old, created_at: _c, updated_at: _u, ...rest } = c;
    await scope.db
      .insertInto('controls')
      .values({ ...rest, year: input.toYear, risk_id: map.get(c.risk_id)!, created_at: at, updated_at: at })
      .execute();
  }
  await scope.audit({
    entity: 'internkontrollplan',
    entityId: input.toYear,
    action: 'create',
    before: null,
    after: { from: input.fromYear, risks: risks.length, controls: controls.length },
  });
  return planView(scope, input.toYear);
}

/** Creates each control's occasions for the year from its frequency (and the board's meetings); existing ones stay. */
export async function generateOccasions(
  input: ParsedInput<'internkontroll.generateOccasions'>,
  scope: Scope,
): Promise<MethodResult<'internkontroll.generateOccasions'>> {
  if (await isClosed(scope, input.year)) throw refuse('year', `År ${input.year} är stängt. Inga kontrolltillfällen kan läggas in i ett stängt år.`);
  const controls = await loadControls(scope, { year: input.year });
  if (controls.length === 0) throw refuse('year', `Internkontrollplanen för ${input.year} har inga kontrollmoment.`);
  const meetings = await scope.db
    .selectFrom('meetings')
    .select('held_on')
    .where('body', '=', 'styrelse')
    .where('held_on', '>=', `${input.year}-01-01`)
    .where('held_on', '<=', `${input.year}-12-31`)
    .execute();
  const meetingDates = meetings.map((m) => m.held_on);
  if (controls.some((c) => c.frekvens === 'styrelsemote') && meetingDates.length === 0) {
    throw refuse(
      'year',
      `Det finns inga styrelsemöten ${input.year} i registret. Lägg in årets sammanträden först; kontrollerna ”varje styrelsemöte” görs på dem.`,
    );
  }
  let created = 0;
  for (const c of controls) {
    for (const o of occasionsFor(c.frekvens, input.year, meetingDates)) {
      if (c.occasions.some((x) => x.dueOn === o.dueOn)) continue;
      const { id } = await scope.db
        .insertInto('control_occasions')
        .values({ control_id: c.id, due_on: o.dueOn, label: o.label, sample: null, done_on: null, done_by: null, signed_off_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await scope.db
        .insertInto('occasion_items')
        .values(c.checklist.map((text, i) => ({ occasion_id: id, position: i + 1, text, result: null, comment: null, document_id: null })))
        .execute();
      created++;
    }
  }
  await scope.audit({ entity: 'kontrolltillfallen', entityId: input.year, action: 'create', before: null, after: { created } });
  return planView(scope, input.year);
}

/** The methods this module serves. */
export const planHandlers = handlersFor({
  'internkontroll.plan': getPlan,
  'internkontroll.saveControl': saveControl,
  'internkontroll.removeControl': removeControl,
  'internkontroll.copyYear': copyYear,
  'internkontroll.generateOccasions': generateOccasions,
});
