import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { BOARD_ROLE_LABELS, SEAT_LABELS, type Person } from '../../shared/contract/schemas/board';
import type { Scope } from './context';
import { saveRecord } from './save-record';
import { refuse } from './refuse';
import { handlersFor } from './handler';

const collator = new Intl.Collator('sv');

/** The details of a person as stored, without where they appear. */
export type PersonCore = Omit<Person, 'usedIn' | 'createdAt' | 'updatedAt'>;

/** The fields a caller gives for a person (people.save and board.save). */
export type PersonDetails = Pick<Person, 'name' | 'party' | 'email' | 'phone' | 'organisation' | 'title' | 'notes'>;

/** "2019–2022" from the years of a mandate period (en dash); one year alone when both are the same. */
export function periodLabel(startsOn: string, endsOn: string, label: string | null): string {
  if (label !== null && label.trim() !== '') return label;
  const from = startsOn.slice(0, 4);
  const to = endsOn.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}

/**
 * Where each person appears, in Swedish, for the register and for refusing a
 * removal: board seats, groups, the delegationsordning and links from ärenden.
 */
export async function usedInByPerson(scope: Scope, personId?: number): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const add = (id: number, text: string): void => {
    const list = out.get(id) ?? [];
    if (!list.includes(text)) list.push(text);
    out.set(id, list);
  };

  let seats = scope.db
    .selectFrom('board_appointments as a')
    .innerJoin('mandate_periods as p', 'p.id', 'a.period_id')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select([
      'a.person_id',
      'a.seat',
      'a.role',
      'a.starts_on',
      'a.ends_on',
      'p.starts_on as period_starts_on',
      'p.ends_on as period_ends_on',
      'p.label as period_label',
      'm.name as member_name',
    ])
    .orderBy('p.starts_on', 'desc')
    .orderBy('a.starts_on');
  if (personId !== undefined) seats = seats.where('a.person_id', '=', personId);
  for (const s of await seats.execute()) {
    const label = periodLabel(s.period_starts_on, s.period_ends_on, s.period_label);
    const role = s.role === null ? '' : `, ${BOARD_ROLE_LABELS[s.role].toLowerCase()}`;
    const whole = s.starts_on === s.period_starts_on && s.ends_on === s.period_ends_on;
    const dates = whole ? '' : ` (${s.starts_on}–${s.ends_on})`;
    add(s.person_id, `Styrelsen ${label}: ${SEAT_LABELS[s.seat].toLowerCase()} för ${s.member_name}${role}${dates}`);
  }

  let groups = scope.db
    .selectFrom('group_members as gm')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['gm.person_id', 'g.name'])
    .where('gm.person_id', 'is not', null)
    .orderBy('g.name');
  if (personId !== undefined) groups = groups.where('gm.person_id', '=', personId);
  for (const g of await groups.execute()) {
    if (g.person_id !== null) add(g.person_id, g.name);
  }

  let delegations = scope.db.selectFrom('delegations').select(['person_id', 'code']).where('person_id', 'is not', null).orderBy('code');
  if (personId !== undefined) delegations = delegations.where('person_id', '=', personId);
  for (const d of await delegations.execute()) {
    if (d.person_id !== null) add(d.person_id, `Delegation ${d.code}`);
  }

  let links = scope.db
    .selectFrom('record_links as l')
    .innerJoin('arenden as ar', 'ar.id', 'l.arende_id')
    .select(['l.target_id', 'ar.diarienummer'])
    .where('l.target_kind', '=', 'person')
    .orderBy('ar.year')
    .orderBy('ar.seq');
  if (personId !== undefined) links = links.where('l.target_id', '=', personId);
  for (const l of await links.execute()) add(l.target_id, `Ärende ${l.diarienummer}`);

  return out;
}

async function loadPeople(scope: Scope, id?: number): Promise<Person[]> {
  let query = scope.db.selectFrom('people').selectAll();
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.execute();
  const usedIn = await usedInByPerson(scope, id);
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      party: r.party,
      email: r.email,
      phone: r.phone,
      organisation: r.organisation,
      title: r.title,
      notes: r.notes,
      usedIn: usedIn.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

async function requirePerson(scope: Scope, id: number, path = 'id'): Promise<Person> {
  const [person] = await loadPeople(scope, id);
  if (!person) {
    throw refuse(path, `Personen finns inte i registret (id ${id}). Den kan ha tagits bort.`, 'NOT_FOUND', 'Personen finns inte i registret.');
  }
  return person;
}

export function personCore(p: PersonCore): PersonCore {
  return { id: p.id, name: p.name, party: p.party, email: p.email, phone: p.phone, organisation: p.organisation, title: p.title, notes: p.notes };
}

function sameDetails(a: PersonDetails, b: PersonDetails): boolean {
  return (
    a.name === b.name &&
    a.party === b.party &&
    a.email === b.email &&
    a.phone === b.phone &&
    a.organisation === b.organisation &&
    a.title === b.title &&
    a.notes === b.notes
  );
}

/**
 * Creates the person (no id) or updates the one with this id, and audits the
 * change. Details equal to what is stored change nothing and leave no entry.
 * `idPath` names the id field in errors (e.g. "person.id" from board.save).
 */
export async function upsertPerson(scope: Scope, id: number | undefined, details: PersonDetails, idPath = 'id'): Promise<Person> {
  const before = id === undefined ? null : await requirePerson(scope, id, idPath);
  const values = {
    name: details.name,
    party: details.party,
    email: details.email,
    phone: details.phone,
    organisation: details.organisation,
    title: details.title,
    notes: details.notes,
  };
  if (before !== null && sameDetails(before, values)) return before;

  return saveRecord(scope, { table: 'people', entity: 'person', before, values, load: (personId) => requirePerson(scope, personId) });
}

export async function listPeople(_input: ParsedInput<'people.list'>, scope: Scope): Promise<MethodResult<'people.list'>> {
  return loadPeople(scope);
}

export async function savePerson(input: ParsedInput<'people.save'>, scope: Scope): Promise<MethodResult<'people.save'>> {
  return upsertPerson(scope, input.id, input);
}

export async function removePerson(input: ParsedInput<'people.remove'>, scope: Scope): Promise<MethodResult<'people.remove'>> {
  const before = await requirePerson(scope, input.id);
  if (before.usedIn.length > 0) {
    const where = before.usedIn.join('; ');
    throw refuse('id', `${before.name} kan inte tas bort eftersom personen finns med i: ${where}. Ta bort uppdragen först.`, 'RULE', `Används i: ${where}.`);
  }
  await scope.db.deleteFrom('people').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'person', entityId: input.id, action: 'delete', before, after: null });
  return { id: input.id };
}

/** The methods this module serves. */
export const peopleHandlers = handlersFor({
  'people.list': listPeople,
  'people.save': savePerson,
  'people.remove': removePerson,
});
