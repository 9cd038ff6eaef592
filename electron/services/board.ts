import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { BOARD_ROLE_LABELS, SEAT_LABELS, type BoardAppointment, type BoardRow, type MandatePeriod } from '../../shared/contract/schemas/board';
import type { MemberKind } from '../../shared/contract/schemas/members';
import { compareByRegisterOrder } from '../../shared/domain/register-order';
import { signatureBlock } from '../../shared/domain/signatures';
import type { Scope } from './context';
import { saveRecord } from './save-record';
import { listMembers } from './members';
import { periodLabel, personCore, upsertPerson } from './people';
import { refuse } from './refuse';
import { handlersFor } from './handler';

// ——— Mandate periods ———

async function loadPeriods(scope: Scope, id?: number): Promise<MandatePeriod[]> {
  let query = scope.db
    .selectFrom('mandate_periods as p')
    .leftJoin('board_appointments as a', 'a.period_id', 'p.id')
    .select((eb) => ['p.id', 'p.starts_on', 'p.ends_on', 'p.label', eb.fn.count<number>('a.id').as('appointments')])
    .groupBy('p.id')
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc');
  if (id !== undefined) query = query.where('p.id', '=', id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    label: periodLabel(r.starts_on, r.ends_on, r.label),
    appointments: Number(r.appointments),
  }));
}

async function requirePeriod(scope: Scope, id: number, path = 'id'): Promise<MandatePeriod> {
  const [period] = await loadPeriods(scope, id);
  if (!period) {
    throw refuse(path, `Mandatperioden finns inte (id ${id}). Den kan ha tagits bort.`, 'NOT_FOUND', 'Mandatperioden finns inte.');
  }
  return period;
}

export async function listPeriods(_input: ParsedInput<'periods.list'>, scope: Scope): Promise<MethodResult<'periods.list'>> {
  return loadPeriods(scope);
}

export async function savePeriod(input: ParsedInput<'periods.save'>, scope: Scope): Promise<MethodResult<'periods.save'>> {
  const before = input.id === undefined ? null : await requirePeriod(scope, input.id);
  if (input.endsOn < input.startsOn) {
    throw refuse('endsOn', 'Mandatperioden kan inte sluta innan den börjar.', 'RULE');
  }

  const overlapping = await scope.db
    .selectFrom('mandate_periods')
    .select(['id', 'starts_on', 'ends_on', 'label'])
    .where('starts_on', '<=', input.endsOn)
    .where('ends_on', '>=', input.startsOn)
    .orderBy('starts_on')
    .execute();
  const clash = overlapping.find((p) => p.id !== input.id);
  if (clash) {
    const label = periodLabel(clash.starts_on, clash.ends_on, clash.label);
    const message = `Datumen överlappar mandatperioden ${label} (${clash.starts_on}–${clash.ends_on}). Mandatperioder får inte gå in i varandra.`;
    throw refuse('startsOn', message, 'CONFLICT');
  }

  if (before !== null) {
    // Existing seats must still lie within the period's new dates.
    const outside = await scope.db
      .selectFrom('board_appointments as a')
      .innerJoin('people as pe', 'pe.id', 'a.person_id')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .select(['a.starts_on', 'a.ends_on', 'pe.name as person_name', 'm.name as member_name'])
      .where('a.period_id', '=', before.id)
      .where((eb) => eb.or([eb('a.starts_on', '<', input.startsOn), eb('a.ends_on', '>', input.endsOn)]))
      .orderBy('a.starts_on')
      .execute();
    const first = outside[0];
    if (first) {
      const path = first.starts_on < input.startsOn ? 'startsOn' : 'endsOn';
      const many = outside.length === 1 ? 'Ett styrelseuppdrag' : `${outside.length} styrelseuppdrag`;
      const message =
        `${many} skulle hamna utanför mandatperioden, t.ex. ${first.person_name} för ${first.member_name} ` +
        `(${first.starts_on}–${first.ends_on}). Ändra uppdragens datum först.`;
      throw refuse(path, message, 'RULE');
    }
  }

  const at = scope.now.toISOString();
  let id: number;
  if (before === null) {
    const row = await scope.db
      .insertInto('mandate_periods')
      .values({ starts_on: input.startsOn, ends_on: input.endsOn, label: input.label, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    id = before.id;
    await scope.db
      .updateTable('mandate_periods')
      .set({ starts_on: input.startsOn, ends_on: input.endsOn, label: input.label, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
  const after = await requirePeriod(scope, id);
  await scope.audit({ entity: 'mandate_period', entityId: id, action: before === null ? 'create' : 'update', before, after });
  return after;
}

export async function removePeriod(input: ParsedInput<'periods.remove'>, scope: Scope): Promise<MethodResult<'periods.remove'>> {
  const before = await requirePeriod(scope, input.id);
  if (before.appointments > 0) {
    const message =
      `Mandatperioden ${before.label} har ${before.appointments === 1 ? 'ett styrelseuppdrag' : `${before.appointments} styrelseuppdrag`} ` +
      'och kan inte tas bort. Ta bort uppdragen först.';
    throw refuse('id', message, 'RULE');
  }
  await scope.db.deleteFrom('mandate_periods').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'mandate_period', entityId: input.id, action: 'delete', before, after: null });
  return { id: input.id };
}

// ——— Board appointments ———

type LoadedAppointment = BoardAppointment & { memberKind: MemberKind };

async function loadAppointments(scope: Scope, where: { id?: number; periodId?: number }): Promise<LoadedAppointment[]> {
  let query = scope.db
    .selectFrom('board_appointments as a')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select([
      'a.id',
      'a.period_id',
      'a.member_id',
      'a.seat',
      'a.role',
      'a.starts_on',
      'a.ends_on',
      'm.name as member_name',
      'm.kind as member_kind',
      'pe.id as person_id',
      'pe.name as person_name',
      'pe.party',
      'pe.email',
      'pe.phone',
      'pe.organisation',
      'pe.title',
      'pe.notes',
    ])
    .orderBy('a.starts_on')
    .orderBy('a.id');
  if (where.id !== undefined) query = query.where('a.id', '=', where.id);
  if (where.periodId !== undefined) query = query.where('a.period_id', '=', where.periodId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    periodId: r.period_id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberKind: r.member_kind,
    seat: r.seat,
    role: r.role,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    person: personCore({
      id: r.person_id,
      name: r.person_name,
      party: r.party,
      email: r.email,
      phone: r.phone,
      organisation: r.organisation,
      title: r.title,
      notes: r.notes,
    }),
  }));
}

/** The result shape, without the member kind used internally for ordering. */
function view(a: LoadedAppointment): BoardAppointment {
  return {
    id: a.id,
    periodId: a.periodId,
    memberId: a.memberId,
    memberName: a.memberName,
    seat: a.seat,
    role: a.role,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    person: a.person,
  };
}

async function requireAppointment(scope: Scope, id: number): Promise<LoadedAppointment> {
  const [appointment] = await loadAppointments(scope, { id });
  if (!appointment) {
    throw refuse('id', `Styrelseuppdraget finns inte (id ${id}). Det kan ha tagits bort.`, 'NOT_FOUND', 'Styrelseuppdraget finns inte.');
  }
  return appointment;
}

interface Span {
  startsOn: string;
  endsOn: string;
}

function overlaps(a: Span, b: Span): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

function dates(a: Span): string {
  return `${a.startsOn}–${a.endsOn}`;
}

/** The seats a member would have in a period after a change, checked for ersättare left without an ordinarie. */
interface SeatLike extends Span {
  memberId: number;
  memberName: string;
  seat: 'ordinarie' | 'ersattare';
  person: { name: string };
}

function orphanedErsattare(seats: readonly SeatLike[], memberId: number): SeatLike | undefined {
  const own = seats.filter((s) => s.memberId === memberId);
  return own.find((e) => e.seat === 'ersattare' && !own.some((o) => o.seat === 'ordinarie' && overlaps(o, e)));
}

export async function listBoard(input: ParsedInput<'board.list'>, scope: Scope): Promise<MethodResult<'board.list'>> {
  const period = await requirePeriod(scope, input.periodId, 'periodId');
  const members = await listMembers({}, scope);
  const appointments = await loadAppointments(scope, { periodId: period.id });
  const rows: BoardRow[] = members.map((m) => {
    const own = appointments.filter((a) => a.memberId === m.id);
    return {
      memberId: m.id,
      memberName: m.name,
      ordinarie: own.filter((a) => a.seat === 'ordinarie').map(view),
      ersattare: own.filter((a) => a.seat === 'ersattare').map(view),
    };
  });
  return { period, rows };
}

export async function saveAppointment(input: ParsedInput<'board.save'>, scope: Scope): Promise<MethodResult<'board.save'>> {
  const before = input.id === undefined ? null : await requireAppointment(scope, input.id);
  const period = await requirePeriod(scope, input.periodId, 'periodId');
  const member = await scope.db.selectFrom('members').select(['id', 'name']).where('id', '=', input.memberId).executeTakeFirst();
  if (!member) {
    throw refuse(
      'memberId',
      `Medlemsorganisationen finns inte (id ${input.memberId}). Den kan ha tagits bort.`,
      'NOT_FOUND',
      'Medlemsorganisationen finns inte.',
    );
  }

  const span: Span = { startsOn: input.startsOn ?? period.startsOn, endsOn: input.endsOn ?? period.endsOn };
  if (span.startsOn < period.startsOn || span.startsOn > period.endsOn) {
    const message = `Uppdragets första dag (${span.startsOn}) ligger utanför mandatperioden ${period.label} (${dates(period)}).`;
    throw refuse('startsOn', message, 'RULE');
  }
  if (span.endsOn > period.endsOn || span.endsOn < period.startsOn) {
    const message = `Uppdragets sista dag (${span.endsOn}) ligger utanför mandatperioden ${period.label} (${dates(period)}).`;
    throw refuse('endsOn', message, 'RULE');
  }
  if (span.endsOn < span.startsOn) {
    const message = `Uppdraget kan inte sluta (${span.endsOn}) innan det börjar (${span.startsOn}).`;
    throw refuse(input.endsOn === null ? 'startsOn' : 'endsOn', message, 'RULE');
  }

  const personId = input.person.id;
  if (personId !== undefined) {
    const exists = await scope.db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
    if (!exists) {
      throw refuse('person.id', `Personen finns inte i registret (id ${personId}). Den kan ha tagits bort.`, 'NOT_FOUND', 'Personen finns inte i registret.');
    }
  }
  const others = (await loadAppointments(scope, { periodId: period.id })).filter((a) => a.id !== input.id);

  // The same person cannot sit in two seats at once.
  if (personId !== undefined) {
    const twice = others.find((a) => a.person.id === personId && overlaps(a, span));
    if (twice) {
      const message =
        `${twice.person.name} är redan ${SEAT_LABELS[twice.seat].toLowerCase()} för ${twice.memberName} under samma tid ` +
        `(${dates(twice)}). En person kan bara ha ett uppdrag i styrelsen åt gången.`;
      throw refuse('person', message, 'CONFLICT');
    }
  }

  if (input.seat === 'ordinarie') {
    const sitting = others.find((a) => a.memberId === member.id && a.seat === 'ordinarie' && overlaps(a, span));
    if (sitting) {
      const message =
        `${member.name} har redan en ordinarie ledamot under den tiden: ${sitting.person.name} (${dates(sitting)}). ` +
        'Vid byte under mandatperioden ska den förra ledamotens uppdrag sluta innan den nya ledamotens börjar.';
      throw refuse('seat', message, 'CONFLICT');
    }
  } else {
    const hasOrdinarie = others.some((a) => a.memberId === member.id && a.seat === 'ordinarie' && overlaps(a, span));
    if (!hasOrdinarie) {
      const message =
        `${member.name} har ingen ordinarie ledamot under mandatperioden ${period.label}` +
        `${input.startsOn === null && input.endsOn === null ? '' : ` (${dates(span)})`}. Lägg till den ordinarie ledamoten först.`;
      throw refuse('seat', message, 'RULE');
    }
  }

  if (input.role !== null) {
    const holder = others.find((a) => a.role === input.role && overlaps(a, span));
    if (holder) {
      const title = BOARD_ROLE_LABELS[input.role];
      const message = `${holder.person.name} (${holder.memberName}) är redan ${title.toLowerCase()} under den tiden (${dates(holder)}). Det kan bara finnas en ${title.toLowerCase()} åt gången.`;
      throw refuse('role', message, 'CONFLICT');
    }
  }

  // An ordinarie that moves, shrinks or becomes an ersättare must not leave its member's ersättare alone.
  if (before !== null && before.seat === 'ordinarie') {
    const beforeOthers =
      before.periodId === period.id ? others : (await loadAppointments(scope, { periodId: before.periodId })).filter((a) => a.id !== before.id);
    const after: SeatLike[] = [...beforeOthers];
    if (before.periodId === period.id) {
      after.push({ ...span, memberId: member.id, memberName: member.name, seat: input.seat, person: { name: input.person.name } });
    }
    const alone = orphanedErsattare(after, before.memberId);
    if (alone) {
      const message =
        `${before.memberName} skulle stå utan ordinarie ledamot medan ${alone.person.name} är ersättare (${dates(alone)}). ` +
        'Ändra eller ta bort ersättaren först.';
      throw refuse('seat', message, 'RULE');
    }
  }

  const person = await upsertPerson(scope, personId, input.person, 'person.id');

  return saveRecord(scope, {
    table: 'board_appointments',
    entity: 'board_appointment',
    before: before === null ? null : view(before),
    values: {
      period_id: period.id,
      member_id: member.id,
      person_id: person.id,
      seat: input.seat,
      role: input.role,
      starts_on: span.startsOn,
      ends_on: span.endsOn,
    },
    load: async (id) => view(await requireAppointment(scope, id)),
  });
}

export async function removeAppointment(input: ParsedInput<'board.remove'>, scope: Scope): Promise<MethodResult<'board.remove'>> {
  const before = await requireAppointment(scope, input.id);
  if (before.seat === 'ordinarie') {
    const rest = (await loadAppointments(scope, { periodId: before.periodId })).filter((a) => a.id !== before.id);
    const alone = orphanedErsattare(rest, before.memberId);
    if (alone) {
      const message =
        `${before.person.name} kan inte tas bort: ${before.memberName} skulle stå utan ordinarie ledamot medan ` +
        `${alone.person.name} är ersättare (${dates(alone)}). Ta bort ersättaren först eller lägg till en ny ordinarie ledamot.`;
      throw refuse('seat', message, 'RULE');
    }
  }
  await scope.db.deleteFrom('board_appointments').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'board_appointment', entityId: input.id, action: 'delete', before: view(before), after: null });
  return { id: input.id };
}

export async function boardSignatures(input: ParsedInput<'board.signatures'>, scope: Scope): Promise<MethodResult<'board.signatures'>> {
  const period = await requirePeriod(scope, input.periodId, 'periodId');
  if (input.date < period.startsOn || input.date > period.endsOn) {
    const message = `Datumet ${input.date} ligger utanför mandatperioden ${period.label} (${dates(period)}).`;
    throw refuse('date', message, 'RULE');
  }
  const forbund = await scope.db.selectFrom('forbund').select('city').where('id', '=', 1).executeTakeFirst();
  const appointments = await loadAppointments(scope, { periodId: period.id });
  return signatureBlock({
    appointments: appointments.map((a) => ({
      seat: a.seat,
      role: a.role,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      personName: a.person.name,
      memberName: a.memberName,
      memberKind: a.memberKind,
    })),
    date: input.date,
    scope: input.scope,
    city: forbund?.city ?? null,
  });
}

/** Who sits on the board on `date`: ordinarie and ersättare in register order (for kallelse and protokoll). */
export async function boardOn(scope: Scope, date: string): Promise<{ ordinarie: BoardAppointment[]; ersattare: BoardAppointment[] }> {
  const all = (await loadAppointments(scope, {})).filter((a) => a.startsOn <= date && date <= a.endsOn);
  all.sort((a, b) => compareByRegisterOrder({ kind: a.memberKind, name: a.memberName }, { kind: b.memberKind, name: b.memberName }) || a.id - b.id);
  return { ordinarie: all.filter((a) => a.seat === 'ordinarie').map(view), ersattare: all.filter((a) => a.seat === 'ersattare').map(view) };
}

/** The methods this module serves. */
export const boardHandlers = handlersFor({
  'periods.list': listPeriods,
  'periods.save': savePeriod,
  'periods.remove': removePeriod,
  'board.list': listBoard,
  'board.save': saveAppointment,
  'board.remove': removeAppointment,
  'board.signatures': boardSignatures,
});
