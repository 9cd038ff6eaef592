import type { Selectable } from 'kysely';
import type { DeviationsTable } from '../../../db/schema';
import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { DeviationView, OccasionView, OverdueView } from '../../../shared/contract/schemas/internkontroll';
import type { Scope } from '../context';
import { isClosed } from '../closed-years';
import { refuse } from '../refuse';
import { loadControls, today } from './plan';
import { handlersFor } from '../handler';
import { logFieldChange } from '../save-record';

/**
 * An occasion of a control is a checklist: the sample taken, each item ok or avvikelse
 * with a comment and evidence from the diarium, then signed off with the date and who
 * did it (and kept as signed). An avvikelse gets an åtgärd, an owner and a due date,
 * and is followed until closed.
 */

function toDeviation(d: Selectable<DeviationsTable>, now: string): DeviationView {
  return {
    id: d.id,
    occasionId: d.occasion_id,
    itemId: d.item_id,
    description: d.description,
    action: d.action,
    owner: d.owner,
    dueOn: d.due_on,
    status: d.status,
    closedOn: d.closed_on,
    closedNote: d.closed_note,
    overdue: d.status === 'oppen' && d.due_on < now,
  };
}

/** Occasions with their items and deviations, three queries however many are asked for. */
export async function occasionDetails(scope: Scope, ids: readonly number[]): Promise<Map<number, Omit<OccasionView, 'control'> & { controlId: number }>> {
  const out = new Map<number, Omit<OccasionView, 'control'> & { controlId: number }>();
  if (ids.length === 0) return out;
  const occasions = await scope.db.selectFrom('control_occasions').selectAll().where('id', 'in', ids).execute();
  const items = await scope.db
    .selectFrom('occasion_items as i')
    .leftJoin('documents as d', 'd.id', 'i.document_id')
    .select(['i.id', 'i.occasion_id', 'i.text', 'i.result', 'i.comment', 'i.document_id', 'd.title as document_title'])
    .where('i.occasion_id', 'in', ids)
    .orderBy('i.position')
    .execute();
  const deviations = await scope.db.selectFrom('deviations').selectAll().where('occasion_id', 'in', ids).orderBy('id').execute();
  const now = today(scope);
  for (const o of occasions) {
    out.set(o.id, {
      id: o.id,
      controlId: o.control_id,
      dueOn: o.due_on,
      label: o.label,
      sample: o.sample,
      doneOn: o.done_on,
      doneBy: o.done_by,
      signedOff: o.signed_off_at !== null,
      items: items
        .filter((i) => i.occasion_id === o.id)
        .map((i) => ({ id: i.id, text: i.text, result: i.result, comment: i.comment, documentId: i.document_id, documentTitle: i.document_title ?? null })),
      deviations: deviations.filter((d) => d.occasion_id === o.id).map((d) => toDeviation(d, now)),
    });
  }
  return out;
}

export async function occasionView(scope: Scope, id: number): Promise<OccasionView> {
  const detail = (await occasionDetails(scope, [id])).get(id);
  if (!detail) throw refuse('id', 'Kontrolltillfället finns inte.', 'NOT_FOUND');
  const [control] = await loadControls(scope, { id: detail.controlId });
  const { controlId: _c, ...rest } = detail;
  return { ...rest, control: control! };
}

export async function getOccasion(input: ParsedInput<'internkontroll.occasion'>, scope: Scope): Promise<MethodResult<'internkontroll.occasion'>> {
  return occasionView(scope, input.id);
}

async function openOccasion(scope: Scope, id: number) {
  const view = await occasionView(scope, id);
  if (view.signedOff) throw refuse('id', `Kontrollen ${view.label} är redan avslutad och signerad (${view.doneOn}, ${view.doneBy}).`);
  if (await isClosed(scope, Number(view.dueOn.slice(0, 4))))
    throw refuse('id', `År ${view.dueOn.slice(0, 4)} är stängt. Kontrolltillfällen i ett stängt år kan inte ändras.`);
  return view;
}

export async function saveOccasion(input: ParsedInput<'internkontroll.saveOccasion'>, scope: Scope): Promise<MethodResult<'internkontroll.saveOccasion'>> {
  const before = await openOccasion(scope, input.id);
  for (const item of input.items) {
    if (!before.items.some((i) => i.id === item.id)) throw refuse('items', 'En punkt hör inte till den här checklistan.', 'VALIDATION');
    if (item.documentId !== null && !(await scope.db.selectFrom('documents').select('id').where('id', '=', item.documentId).executeTakeFirst())) {
      throw refuse('items', 'Underlaget finns inte i diariet.', 'NOT_FOUND');
    }
  }
  await scope.db.updateTable('control_occasions').set({ sample: input.sample }).where('id', '=', input.id).execute();
  for (const item of input.items) {
    await scope.db
      .updateTable('occasion_items')
      .set({ result: item.result, comment: item.comment, document_id: item.documentId })
      .where('id', '=', item.id)
      .execute();
  }
  const after = await occasionView(scope, input.id);
  await logFieldChange(scope, 'kontrolltillfalle', input.id, { before, after }, ['sample', 'items']);
  return after;
}

export async function signOffOccasion(input: ParsedInput<'internkontroll.signOff'>, scope: Scope): Promise<MethodResult<'internkontroll.signOff'>> {
  const view = await openOccasion(scope, input.id);
  const unanswered = view.items.filter((i) => i.result === null);
  if (unanswered.length > 0) {
    throw refuse(
      'items',
      `Checklistan kan inte avslutas: ${unanswered.length === 1 ? 'punkten' : `${unanswered.length} punkter`} ${unanswered.map((i) => `”${i.text}”`).join(', ')} är inte besvarad${unanswered.length === 1 ? '' : 'e'}.`,
      'VALIDATION',
    );
  }
  const missing = view.items.filter((i) => i.result === 'avvikelse' && !view.deviations.some((d) => d.itemId === i.id));
  if (missing.length > 0) throw refuse('items', `Registrera en åtgärd för avvikelsen: ${missing.map((i) => `”${i.text}”`).join(', ')}.`, 'VALIDATION');
  if (input.doneOn > today(scope)) throw refuse('doneOn', 'Kontrollen kan inte dateras i framtiden.', 'VALIDATION');
  if (await isClosed(scope, Number(input.doneOn.slice(0, 4)))) throw refuse('doneOn', `År ${input.doneOn.slice(0, 4)} är stängt.`);
  await scope.db
    .updateTable('control_occasions')
    .set({ done_on: input.doneOn, done_by: scope.actor, signed_off_at: scope.now.toISOString() })
    .where('id', '=', input.id)
    .execute();
  const after = await occasionView(scope, input.id);
  await scope.audit({
    entity: 'kontrolltillfalle',
    entityId: input.id,
    action: 'update',
    before: { signedOff: false },
    after: { signedOff: true, doneOn: after.doneOn, doneBy: after.doneBy },
  });
  return after;
}

export async function saveDeviation(input: ParsedInput<'internkontroll.saveDeviation'>, scope: Scope): Promise<MethodResult<'internkontroll.saveDeviation'>> {
  const view = await occasionView(scope, input.occasionId);
  if (input.itemId !== null && !view.items.some((i) => i.id === input.itemId))
    throw refuse('itemId', 'Punkten hör inte till den här checklistan.', 'VALIDATION');
  const at = scope.now.toISOString();
  const fields = {
    occasion_id: input.occasionId,
    item_id: input.itemId,
    description: input.description,
    action: input.action,
    owner: input.owner,
    due_on: input.dueOn,
    updated_at: at,
  };
  let id: number;
  let before: unknown = null;
  if (input.id !== undefined) {
    const row = await scope.db.selectFrom('deviations').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row || row.occasion_id !== input.occasionId) throw refuse('id', 'Avvikelsen finns inte.', 'NOT_FOUND');
    if (row.status === 'stangd') throw refuse('id', 'Avvikelsen är redan stängd.');
    before = row;
    await scope.db.updateTable('deviations').set(fields).where('id', '=', input.id).execute();
    id = input.id;
  } else {
    id = (
      await scope.db
        .insertInto('deviations')
        .values({ ...fields, status: 'oppen', closed_on: null, closed_note: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await scope.audit({ entity: 'avvikelse', entityId: id, action: before === null ? 'create' : 'update', before, after: fields });
  return occasionView(scope, input.occasionId);
}

export async function closeDeviation(
  input: ParsedInput<'internkontroll.closeDeviation'>,
  scope: Scope,
): Promise<MethodResult<'internkontroll.closeDeviation'>> {
  const row = await scope.db.selectFrom('deviations').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw refuse('id', 'Avvikelsen finns inte.', 'NOT_FOUND');
  if (row.status === 'stangd') throw refuse('id', `Avvikelsen stängdes redan ${row.closed_on}.`);
  if (input.closedOn > today(scope)) throw refuse('closedOn', 'Åtgärden kan inte vara klar i framtiden.', 'VALIDATION');
  await scope.db
    .updateTable('deviations')
    .set({ status: 'stangd', closed_on: input.closedOn, closed_note: input.note, updated_at: scope.now.toISOString() })
    .where('id', '=', input.id)
    .execute();
  await scope.audit({
    entity: 'avvikelse',
    entityId: input.id,
    action: 'update',
    before: { status: row.status },
    after: { status: 'stangd', closedOn: input.closedOn, note: input.note },
  });
  return occasionView(scope, row.occasion_id);
}

export async function listDeviations(input: ParsedInput<'internkontroll.deviations'>, scope: Scope): Promise<MethodResult<'internkontroll.deviations'>> {
  const rows = await scope.db
    .selectFrom('deviations as d')
    .innerJoin('control_occasions as o', 'o.id', 'd.occasion_id')
    .innerJoin('controls as c', 'c.id', 'o.control_id')
    .selectAll('d')
    .select(['c.process', 'c.moment', 'o.label'])
    .where('c.year', '=', input.year)
    .orderBy('d.status', 'desc')
    .orderBy('d.due_on')
    .execute();
  const now = today(scope);
  return rows.map((r) => ({ ...toDeviation(r, now), process: r.process, moment: r.moment, occasionLabel: r.label }));
}

/** What Översikt lists: controls past their date not yet done, and open åtgärder past theirs. */
export async function overdue(input: ParsedInput<'internkontroll.overdue'>, scope: Scope): Promise<MethodResult<'internkontroll.overdue'>> {
  const now = input.today ?? today(scope);
  const occasions = await scope.db
    .selectFrom('control_occasions as o')
    .innerJoin('controls as c', 'c.id', 'o.control_id')
    .select(['o.id', 'o.control_id', 'o.label', 'o.due_on', 'c.moment', 'c.process', 'c.ansvarig'])
    .where('o.signed_off_at', 'is', null)
    .where('o.due_on', '<', now)
    .orderBy('o.due_on')
    .execute();
  const deviations = await scope.db.selectFrom('deviations').selectAll().where('status', '=', 'oppen').where('due_on', '<', now).orderBy('due_on').execute();
  const result: OverdueView = {
    occasions: occasions.map((o) => ({
      id: o.id,
      controlId: o.control_id,
      moment: o.moment,
      process: o.process,
      label: o.label,
      dueOn: o.due_on,
      ansvarig: o.ansvarig,
    })),
    deviations: deviations.map((d) => toDeviation(d, now)),
  };
  return result;
}

/** The methods this module serves. */
export const checklistsHandlers = handlersFor({
  'internkontroll.occasion': getOccasion,
  'internkontroll.saveOccasion': saveOccasion,
  'internkontroll.signOff': signOffOccasion,
  'internkontroll.saveDeviation': saveDeviation,
  'internkontroll.closeDeviation': closeDeviation,
  'internkontroll.deviations': listDeviations,
  'internkontroll.overdue': overdue,
});
