import { KansliError } from '../../shared/contract/errors';
import { compareByRegisterOrder } from '../../shared/domain/register-order';
import type { Member } from '../../shared/contract/schemas/members';
import type { ParsedInput } from '../../shared/contract/methods';
import type { Scope } from './context';
import { saveRecord } from './save-record';
import { refuse } from './refuse';
import { handlersFor } from './handler';

/** Register order, as in the papers: the state's agencies, the region, then the kommuner A–Ö. */
export function compareMembers(a: Member, b: Member): number {
  return compareByRegisterOrder(a, b);
}

async function loadMembers(scope: Scope, id?: number): Promise<Member[]> {
  let query = scope.db.selectFrom('members').selectAll();
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.execute();
  let popQuery = scope.db.selectFrom('member_populations').selectAll().orderBy('year', 'desc');
  if (id !== undefined) popQuery = popQuery.where('member_id', '=', id);
  const pops = await popQuery.execute();
  const byMember = new Map<number, Member['populations']>();
  for (const p of pops) {
    const list = byMember.get(p.member_id) ?? [];
    list.push({ year: p.year, population: p.population });
    byMember.set(p.member_id, list);
  }
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.short_name,
      kind: r.kind,
      orgNr: r.org_nr,
      populations: byMember.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
    .sort(compareMembers);
}

async function requireMember(scope: Scope, id: number): Promise<Member> {
  const [member] = await loadMembers(scope, id);
  if (!member) throw new KansliError('NOT_FOUND', `Medlemmen finns inte (id ${id}). Den kan ha tagits bort.`);
  return member;
}

export async function listMembers(_input: ParsedInput<'members.list'>, scope: Scope): Promise<Member[]> {
  return loadMembers(scope);
}

export async function getMember(input: ParsedInput<'members.get'>, scope: Scope): Promise<Member> {
  return requireMember(scope, input.id);
}

export async function saveMember(input: ParsedInput<'members.save'>, scope: Scope): Promise<Member> {
  const before = input.id === undefined ? null : await requireMember(scope, input.id);

  const clash = await scope.db
    .selectFrom('members')
    .select(['id', 'name', 'org_nr'])
    .where((eb) => eb.or([eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()), eb('org_nr', '=', input.orgNr)]))
    .execute();
  for (const other of clash) {
    if (other.id === input.id) continue;
    if (other.org_nr === input.orgNr) {
      throw refuse('orgNr', `Organisationsnumret ${input.orgNr} tillhör redan ${other.name}.`, 'CONFLICT', `Organisationsnumret tillhör redan ${other.name}.`);
    }
    throw refuse('name', `Det finns redan en medlem som heter ${other.name}.`, 'CONFLICT');
  }

  return saveRecord(scope, {
    table: 'members',
    entity: 'member',
    before,
    values: { name: input.name, short_name: input.shortName, kind: input.kind, org_nr: input.orgNr },
    children: async (id, isNew) => {
      if (!isNew) await scope.db.deleteFrom('member_populations').where('member_id', '=', id).execute();
      if (input.populations.length === 0) return;
      await scope.db
        .insertInto('member_populations')
        .values(input.populations.map((p) => ({ member_id: id, year: p.year, population: p.population })))
        .execute();
    },
    load: (id) => requireMember(scope, id),
  });
}

/** Swedish phrases for what still refers to a member: "2 platser i styrelsen", "insatsen ”Jobbspåret”" … */
async function memberUses(scope: Scope, id: number): Promise<string[]> {
  const n = async (table: 'board_appointments' | 'groups' | 'application_parties' | 'medlemsavgift_shares', column: 'member_id'): Promise<number> =>
    Number(
      (
        await scope.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(column, '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counted = (count: number, one: string, many: string): string[] => (count === 0 ? [] : [count === 1 ? `1 ${one}` : `${count} ${many}`]);
  const insatser = await scope.db.selectFrom('insatser').select('name').where('owner_member_id', '=', id).orderBy('name').execute();
  const owned = await scope.db.selectFrom('applications').select('id').where('owner_member_id', '=', id).execute();
  const parties = await n('application_parties', 'member_id');
  const links = Number(
    (
      await scope.db
        .selectFrom('record_links')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('target_kind', '=', 'member')
        .where('target_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const named =
    insatser
      .slice(0, 3)
      .map((i) => `”${i.name}”`)
      .join(', ') + (insatser.length > 3 ? ' …' : '');
  return [
    ...counted(await n('board_appointments', 'member_id'), 'plats i styrelsen', 'platser i styrelsen'),
    ...counted(await n('groups', 'member_id'), 'grupp (lokusgrupp)', 'grupper'),
    ...(insatser.length === 0 ? [] : [`${insatser.length === 1 ? 'insatsen' : `${insatser.length} insatser:`} ${named} som insatsägare`]),
    ...counted(Math.max(owned.length, parties), 'ansökan', 'ansökningar'),
    ...counted(await n('medlemsavgift_shares', 'member_id'), 'fastställd medlemsavgift', 'fastställda medlemsavgifter'),
    ...counted(links, 'koppling från ett ärende', 'kopplingar från ärenden'),
  ];
}

export async function removeMember(input: ParsedInput<'members.remove'>, scope: Scope): Promise<{ id: number }> {
  const before = await requireMember(scope, input.id);
  const uses = await memberUses(scope, input.id);
  if (uses.length > 0) {
    const list = uses.length === 1 ? uses[0]! : `${uses.slice(0, -1).join(', ')} och ${uses.at(-1)!}`;
    throw refuse(
      'id',
      `${before.name} kan inte tas bort eftersom medlemmen fortfarande används: ${list}. Inget har tagits bort.`,
      'RULE',
      `Används av ${list}.`,
    );
  }
  await scope.db.deleteFrom('members').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'member', entityId: input.id, action: 'delete', before, after: null });
  return { id: input.id };
}

/** The methods this module serves. */
export const membersHandlers = handlersFor({
  'members.list': listMembers,
  'members.get': getMember,
  'members.save': saveMember,
  'members.remove': removeMember,
});
