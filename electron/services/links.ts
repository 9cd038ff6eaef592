import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { LinkKind, RecordLink } from '../../shared/contract/schemas/diarium';
import type { Scope } from './context';
import { linkTargetLabel, refuseIfVoided, requireArende } from './diarium';
import { refuse } from './refuse';
import { handlersFor } from './handler';

/** "Ärendet", "Personen" …: what was looked for, for NOT_FOUND messages. */
const TARGET_NAMES: Record<LinkKind, string> = {
  arende: 'Ärendet',
  member: 'Medlemmen',
  person: 'Personen',
  group: 'Gruppen',
  delegation_decision: 'Delegationsbeslutet',
};

async function loadLink(scope: Scope, id: number): Promise<RecordLink | null> {
  const row = await scope.db.selectFrom('record_links').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    arendeId: row.arende_id,
    targetKind: row.target_kind,
    targetId: row.target_id,
    targetLabel: (await linkTargetLabel(scope, row.target_kind, row.target_id)) ?? `${TARGET_NAMES[row.target_kind]} (id ${row.target_id}) finns inte längre`,
    note: row.note,
    incoming: false,
  };
}

export async function addLink(input: ParsedInput<'links.add'>, scope: Scope): Promise<MethodResult<'links.add'>> {
  const arende = await requireArende(scope, input.arendeId, 'arendeId');
  refuseIfVoided(arende, 'kan inte få nya kopplingar', 'arendeId');
  if (input.targetKind === 'arende' && input.targetId === arende.id) {
    const message = 'Ett ärende kan inte kopplas till sig självt.';
    throw refuse('targetId', message, 'RULE');
  }
  const label = await linkTargetLabel(scope, input.targetKind, input.targetId);
  if (label === null) {
    const message = `${TARGET_NAMES[input.targetKind]} som ärendet skulle kopplas till finns inte (id ${input.targetId}).`;
    throw refuse('targetId', message, 'NOT_FOUND');
  }
  const existing = await scope.db
    .selectFrom('record_links')
    .select('id')
    .where('arende_id', '=', arende.id)
    .where('target_kind', '=', input.targetKind)
    .where('target_id', '=', input.targetId)
    .executeTakeFirst();
  if (existing) {
    const message = `Ärende ${arende.diarienummer} är redan kopplat till ${label}.`;
    throw refuse('targetId', message, 'CONFLICT');
  }
  const row = await scope.db
    .insertInto('record_links')
    .values({
      arende_id: arende.id,
      target_kind: input.targetKind,
      target_id: input.targetId,
      note: input.note,
      created_at: scope.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = await loadLink(scope, row.id);
  if (!after) throw new KansliError('INTERNAL', 'Kopplingen kunde inte läsas tillbaka efter att den sparats.');
  await scope.audit({ entity: 'link', entityId: row.id, action: 'create', before: null, after });
  return after;
}

export async function removeLink(input: ParsedInput<'links.remove'>, scope: Scope): Promise<MethodResult<'links.remove'>> {
  const before = await loadLink(scope, input.id);
  if (!before) {
    throw refuse('id', `Kopplingen finns inte (id ${input.id}).`, 'NOT_FOUND', 'Kopplingen finns inte.');
  }
  const arende = await requireArende(scope, before.arendeId);
  refuseIfVoided(arende, 'dess kopplingar kan inte tas bort');
  await scope.db.deleteFrom('record_links').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'link', entityId: input.id, action: 'delete', before, after: null });
  return { id: input.id };
}

/** The methods this module serves. */
export const linksHandlers = handlersFor({
  'links.add': addLink,
  'links.remove': removeLink,
});
