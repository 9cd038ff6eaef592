import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { GROUP_KINDS, type Group, type GroupKind, type GroupMember } from '../../shared/contract/schemas/groups';
import type { Scope } from './context';
import { saveRecord } from './save-record';
import { refuse } from './refuse';
import { handlersFor } from './handler';

const collator = new Intl.Collator('sv');
const KIND_ORDER = new Map<GroupKind, number>(GROUP_KINDS.map((k, i) => [k, i]));

/** Arbetsutskott, beredningsgrupp, lokusgrupper, strategisk utvecklingsgrupp, other groups; by name within a kind. */
function compareGroups(a: Group, b: Group): number {
  return (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || collator.compare(a.name, b.name) || a.id - b.id;
}

async function loadGroups(scope: Scope, id?: number): Promise<Group[]> {
  let query = scope.db
    .selectFrom('groups as g')
    .leftJoin('members as m', 'm.id', 'g.member_id')
    .select(['g.id', 'g.name', 'g.kind', 'g.member_id', 'm.name as member_name', 'g.description', 'g.created_at', 'g.updated_at']);
  if (id !== undefined) query = query.where('g.id', '=', id);
  const rows = await query.execute();

  let memberQuery = scope.db
    .selectFrom('group_members as gm')
    .leftJoin('people as p', 'p.id', 'gm.person_id')
    .select(['gm.group_id', 'gm.person_id', 'gm.name', 'gm.organisation', 'gm.role', 'p.name as person_name', 'p.organisation as person_organisation'])
    .orderBy('gm.group_id')
    .orderBy('gm.position');
  if (id !== undefined) memberQuery = memberQuery.where('gm.group_id', '=', id);
  const byGroup = new Map<number, GroupMember[]>();
  for (const r of await memberQuery.execute()) {
    const list = byGroup.get(r.group_id) ?? [];
    list.push({
      personId: r.person_id,
      // A register person is shown by their current name; a free entry by its own.
      name: r.person_id === null ? (r.name ?? '') : (r.person_name ?? ''),
      organisation: r.organisation ?? (r.person_id === null ? null : r.person_organisation),
      role: r.role,
    });
    byGroup.set(r.group_id, list);
  }

  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      memberId: r.member_id,
      memberName: r.member_name,
      description: r.description,
      members: byGroup.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
    .sort(compareGroups);
}

async function requireGroup(scope: Scope, id: number): Promise<Group> {
  const [group] = await loadGroups(scope, id);
  if (!group) {
    throw refuse('id', `Gruppen finns inte (id ${id}). Den kan ha tagits bort.`, 'NOT_FOUND', 'Gruppen finns inte.');
  }
  return group;
}

export async function listGroups(_input: ParsedInput<'groups.list'>, scope: Scope): Promise<MethodResult<'groups.list'>> {
  return loadGroups(scope);
}

export async function saveGroup(input: ParsedInput<'groups.save'>, scope: Scope): Promise<MethodResult<'groups.save'>> {
  const before = input.id === undefined ? null : await requireGroup(scope, input.id);

  // SQLite's lower() folds only A–Z, so names are compared here (Å, Ä, Ö included).
  const wanted = input.name.toLocaleLowerCase('sv');
  const names = await scope.db.selectFrom('groups').select(['id', 'name']).execute();
  const same = names.find((g) => g.id !== input.id && g.name.toLocaleLowerCase('sv') === wanted);
  if (same) {
    const message = `Det finns redan en grupp som heter ${same.name}.`;
    throw refuse('name', message, 'CONFLICT');
  }

  if (input.memberId !== null) {
    const member = await scope.db.selectFrom('members').select(['id', 'name', 'kind']).where('id', '=', input.memberId).executeTakeFirst();
    if (!member) {
      const message = `Medlemsorganisationen finns inte (id ${input.memberId}). Den kan ha tagits bort.`;
      throw refuse('memberId', message, 'NOT_FOUND', 'Medlemsorganisationen finns inte.');
    }
    if (input.kind === 'lokusgrupp' && member.kind !== 'kommun') {
      const message = `En lokusgrupp hör till en kommun, och ${member.name} är ingen kommun. Välj en kommun.`;
      throw refuse('memberId', message, 'RULE');
    }
  }

  const personIds = [...new Set(input.members.flatMap((m) => (m.personId === null ? [] : [m.personId])))];
  const found = personIds.length === 0 ? [] : await scope.db.selectFrom('people').select(['id', 'name']).where('id', 'in', personIds).execute();
  const personName = new Map(found.map((p) => [p.id, p.name]));
  const seen = new Map<number, number>();
  input.members.forEach((m, i) => {
    if (m.personId === null) return;
    const path = `members.${i}.personId`;
    const name = personName.get(m.personId);
    if (name === undefined) {
      const message = `Medlemmar, rad ${i + 1}: personen finns inte i registret (id ${m.personId}). Den kan ha tagits bort.`;
      throw refuse(path, message, 'NOT_FOUND', 'Personen finns inte i registret.');
    }
    const earlier = seen.get(m.personId);
    if (earlier !== undefined) {
      const message = `Medlemmar, rad ${i + 1}: ${name} står redan på rad ${earlier + 1}.`;
      throw refuse(path, message, 'CONFLICT', `${name} står redan på rad ${earlier + 1}.`);
    }
    seen.set(m.personId, i);
  });

  return saveRecord(scope, {
    table: 'groups',
    entity: 'group',
    before,
    values: { name: input.name, kind: input.kind, member_id: input.memberId, description: input.description },
    children: async (id, isNew) => {
      if (!isNew) await scope.db.deleteFrom('group_members').where('group_id', '=', id).execute();
      if (input.members.length === 0) return;
      await scope.db
        .insertInto('group_members')
        .values(
          input.members.map((m, position) => ({
            group_id: id,
            position,
            person_id: m.personId,
            name: m.personId === null ? m.name : null,
            organisation: m.organisation,
            role: m.role,
          })),
        )
        .execute();
    },
    load: (id) => requireGroup(scope, id),
  });
}

export async function removeGroup(input: ParsedInput<'groups.remove'>, scope: Scope): Promise<MethodResult<'groups.remove'>> {
  const before = await requireGroup(scope, input.id);
  const links = await scope.db
    .selectFrom('record_links as l')
    .innerJoin('arenden as a', 'a.id', 'l.arende_id')
    .select('a.diarienummer')
    .where('l.target_kind', '=', 'group')
    .where('l.target_id', '=', input.id)
    .orderBy('a.year')
    .orderBy('a.seq')
    .execute();
  if (links.length > 0) {
    const where = links.map((l) => l.diarienummer).join(', ');
    const message = `Gruppen ${before.name} är kopplad till ärende ${where} och kan inte tas bort. Ta bort kopplingen först.`;
    throw refuse('id', message, 'RULE');
  }
  await scope.db.deleteFrom('groups').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'group', entityId: input.id, action: 'delete', before, after: null });
  return { id: input.id };
}

/** The methods this module serves. */
export const groupsHandlers = handlersFor({
  'groups.list': listGroups,
  'groups.save': saveGroup,
  'groups.remove': removeGroup,
});
