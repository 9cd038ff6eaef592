import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { RiskView, RiskYearView } from '../../../shared/contract/schemas/internkontroll';
import { DEFAULT_SCALE, levelOf, riskMatrix, riskvarde, scaleProblems, scoreProblem, type RiskScale } from '../../../shared/domain/internkontroll';
import type { Scope } from '../context';
import { refuse } from '../refuse';
import { handlersFor } from '../handler';

/**
 * The förbund's risk scale and the year's riskanalys: each risk scored sannolikhet ×
 * konsekvens on the scale, with its owner and one decided hantering (a kontrollmoment in
 * the plan, another åtgärd, or accepted with a reason), and last year's score beside it.
 */

export async function loadScale(scope: Scope): Promise<RiskScale> {
  const row = await scope.db.selectFrom('risk_settings').select('scale').where('id', '=', 1).executeTakeFirst();
  return row ? (JSON.parse(row.scale) as RiskScale) : DEFAULT_SCALE;
}

export async function getScale(_input: ParsedInput<'internkontroll.scale'>, scope: Scope): Promise<MethodResult<'internkontroll.scale'>> {
  return loadScale(scope);
}

export async function saveScale(input: ParsedInput<'internkontroll.saveScale'>, scope: Scope): Promise<MethodResult<'internkontroll.saveScale'>> {
  const problems = scaleProblems(input);
  if (problems.length > 0) throw refuse('levels', `Skalan kan inte användas: ${problems.join(' ')}`, 'VALIDATION');
  const outside = await scope.db
    .selectFrom('risks')
    .select(['code', 'year'])
    .where((eb) => eb.or([eb('sannolikhet', '>', input.size), eb('konsekvens', '>', input.size)]))
    .execute();
  if (outside.length > 0) throw refuse('size', `Skalan kan inte göras mindre: ${outside.map((r) => `${r.code} (${r.year})`).join(', ')} har högre värden.`);
  const before = await loadScale(scope);
  const at = scope.now.toISOString();
  await scope.db
    .insertInto('risk_settings')
    .values({ id: 1, scale: JSON.stringify(input), updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ scale: JSON.stringify(input), updated_at: at }))
    .execute();
  await scope.audit({ entity: 'riskskala', entityId: 1, action: 'update', before, after: input });
  return loadScale(scope);
}

export async function riskYear(scope: Scope, year: number): Promise<RiskYearView> {
  const scale = await loadScale(scope);
  const rows = await scope.db.selectFrom('risks').selectAll().where('year', '=', year).execute();
  const previousIds = rows.flatMap((r) => (r.previous_id === null ? [] : [r.previous_id]));
  const previous = previousIds.length === 0 ? [] : await scope.db.selectFrom('risks').selectAll().where('id', 'in', previousIds).execute();
  const counts = await scope.db
    .selectFrom('controls')
    .select(['risk_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .groupBy('risk_id')
    .execute();
  const risks: RiskView[] = rows
    .map((r) => {
      const value = riskvarde(r.sannolikhet, r.konsekvens);
      const p = previous.find((x) => x.id === r.previous_id);
      const pv = p ? riskvarde(p.sannolikhet, p.konsekvens) : null;
      return {
        id: r.id,
        year: r.year,
        code: r.code,
        process: r.process,
        title: r.title,
        description: r.description,
        orsak: r.orsak,
        sannolikhet: r.sannolikhet,
        konsekvens: r.konsekvens,
        value,
        level: levelOf(value, scale),
        owner: r.owner,
        hantering: r.hantering,
        hanteringText: r.hantering_text,
        previous: p ? { year: p.year, sannolikhet: p.sannolikhet, konsekvens: p.konsekvens, value: pv! } : null,
        change: pv === null ? null : value - pv,
        controls: Number(counts.find((c) => c.risk_id === r.id)?.n ?? 0),
      };
    })
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code, 'sv', { numeric: true }));
  return { year, scale, risks, matrix: riskMatrix(risks, scale) };
}

export async function listRisks(input: ParsedInput<'internkontroll.risks'>, scope: Scope): Promise<MethodResult<'internkontroll.risks'>> {
  return riskYear(scope, input.year);
}

/** "R1", "R2", …: the next free short id of the year. */
async function nextCode(scope: Scope, year: number): Promise<string> {
  const codes = await scope.db.selectFrom('risks').select('code').where('year', '=', year).execute();
  const max = codes.reduce((m, c) => Math.max(m, Number(/^R(\d+)$/.exec(c.code)?.[1] ?? 0)), 0);
  return `R${max + 1}`;
}

export async function saveRisk(input: ParsedInput<'internkontroll.saveRisk'>, scope: Scope): Promise<MethodResult<'internkontroll.saveRisk'>> {
  const scale = await loadScale(scope);
  for (const field of ['sannolikhet', 'konsekvens'] as const) {
    const problem = scoreProblem(field, input[field], scale);
    if (problem) throw refuse(field, problem, 'VALIDATION');
  }
  const at = scope.now.toISOString();
  const fields = {
    process: input.process,
    title: input.title,
    description: input.description,
    orsak: input.orsak,
    sannolikhet: input.sannolikhet,
    konsekvens: input.konsekvens,
    owner: input.owner,
    hantering: input.hantering,
    hantering_text: input.hanteringText,
    updated_at: at,
  };
  let id: number;
  let before: unknown = null;
  if (input.id !== undefined) {
    const row = await scope.db.selectFrom('risks').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw refuse('id', 'Risken finns inte.', 'NOT_FOUND');
    if (row.year !== input.year) throw refuse('year', 'En risk byter inte år; kopiera analysen till det nya året.');
    before = row;
    await scope.db.updateTable('risks').set(fields).where('id', '=', input.id).execute();
    id = input.id;
  } else {
    id = (
      await scope.db
        .insertInto('risks')
        .values({ ...fields, year: input.year, code: await nextCode(scope, input.year), previous_id: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const after = await scope.db.selectFrom('risks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await scope.audit({ entity: 'risk', entityId: id, action: before === null ? 'create' : 'update', before, after });
  return riskYear(scope, input.year);
}

export async function removeRisk(input: ParsedInput<'internkontroll.removeRisk'>, scope: Scope): Promise<MethodResult<'internkontroll.removeRisk'>> {
  const row = await scope.db.selectFrom('risks').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw refuse('id', 'Risken finns inte.', 'NOT_FOUND');
  const controls = await scope.db.selectFrom('controls').select('moment').where('risk_id', '=', input.id).execute();
  if (controls.length > 0)
    throw refuse(
      'id',
      `Risken ${row.code} har ${controls.length === 1 ? 'ett kontrollmoment' : `${controls.length} kontrollmoment`} i internkontrollplanen. Ta bort eller flytta ${controls.length === 1 ? 'det' : 'dem'} först.`,
    );
  await scope.db.deleteFrom('risks').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'risk', entityId: input.id, action: 'delete', before: row, after: null });
  return riskYear(scope, row.year);
}

/** The methods this module serves. */
export const risksHandlers = handlersFor({
  'internkontroll.scale': getScale,
  'internkontroll.saveScale': saveScale,
  'internkontroll.risks': listRisks,
  'internkontroll.saveRisk': saveRisk,
  'internkontroll.removeRisk': removeRisk,
});
