import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { Delegation, DelegationDecision } from '../../shared/contract/schemas/delegation';
import { formatKr } from '../../shared/format/sv';
import type { Scope } from './context';
import { saveRecord } from './save-record';
import { loadArende, registerArende } from './diarium';
import { refuse } from './refuse';
import { handlersFor } from './handler';
import { toMeeting } from './meetings';

/** "2.1" < "2.10" < "10.1": the order a delegationsordning is read in. */
const naturalOrder = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

// ——— Delegationsordning ———

async function loadDelegations(scope: Scope, id?: number): Promise<Delegation[]> {
  let query = scope.db
    .selectFrom('delegations as d')
    .selectAll('d')
    .select((eb) =>
      eb
        .selectFrom('delegation_decisions as x')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('x.delegation_id', '=', 'd.id')
        .as('decision_count'),
    );
  if (id !== undefined) query = query.where('d.id', '=', id);
  const rows = await query.execute();
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      matter: r.matter,
      delegate: r.delegate,
      personId: r.person_id,
      limitKr: r.limit_kr,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      reportToBoard: r.report_to_board === 1,
      notes: r.notes,
      decisionCount: Number(r.decision_count ?? 0),
    }))
    .sort((a, b) => naturalOrder.compare(a.code, b.code));
}

async function requireDelegation(scope: Scope, id: number, path = 'id'): Promise<Delegation> {
  const [found] = await loadDelegations(scope, id);
  if (!found) throw refuse(path, `Delegationen finns inte (id ${id}). Den kan ha tagits bort.`, 'NOT_FOUND');
  return found;
}

function describeDelegation(d: { code: string; matter: string }): string {
  return `${d.code} (”${d.matter}”)`;
}

/** Why a decision would not be allowed under the delegation, or null. */
function decisionProblem(d: Delegation, decidedOn: string, amountKr: number | null): { path: string; message: string } | null {
  if (decidedOn < d.validFrom) return { path: 'decidedOn', message: `Delegationen ${d.code} gäller från ${d.validFrom}.` };
  if (d.validTo !== null && decidedOn > d.validTo) return { path: 'decidedOn', message: `Delegationen ${d.code} gällde till ${d.validTo}.` };
  if (d.limitKr !== null) {
    if (amountKr === null) return { path: 'amountKr', message: `Ange belopp: delegationen ${d.code} har en beloppsgräns på ${formatKr(d.limitKr)}.` };
    if (amountKr > d.limitKr) {
      return {
        path: 'amountKr',
        message: `Beslutet gäller ${formatKr(amountKr)} men delegationen ${describeDelegation(d)} tillåter högst ${formatKr(d.limitKr)}. Ett så stort beslut måste fattas av styrelsen.`,
      };
    }
  }
  return null;
}

export async function listDelegations(_input: ParsedInput<'delegations.list'>, scope: Scope): Promise<MethodResult<'delegations.list'>> {
  return loadDelegations(scope);
}

export async function saveDelegation(input: ParsedInput<'delegations.save'>, scope: Scope): Promise<MethodResult<'delegations.save'>> {
  const before = input.id === undefined ? null : await requireDelegation(scope, input.id);
  const clash = await scope.db
    .selectFrom('delegations')
    .select(['id', 'matter'])
    .where((eb) => eb(eb.fn('lower', ['code']), '=', input.code.toLowerCase()))
    .executeTakeFirst();
  if (clash && clash.id !== input.id) throw refuse('code', `Punkt ${input.code} finns redan i delegationsordningen (”${clash.matter}”).`, 'CONFLICT');
  if (input.personId !== null) {
    const person = await scope.db.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw refuse('personId', `Personen finns inte i personregistret (id ${input.personId}).`, 'NOT_FOUND');
  }
  if (before !== null) {
    // Decisions already taken must stay within the delegation as changed.
    const changed: Delegation = {
      ...before,
      limitKr: input.limitKr,
      validFrom: input.validFrom,
      validTo: input.validTo,
      code: input.code,
      matter: input.matter,
    };
    const taken = await scope.db
      .selectFrom('delegation_decisions as x')
      .innerJoin('arenden as a', 'a.id', 'x.arende_id')
      .select(['x.decided_on', 'x.amount_kr', 'a.diarienummer'])
      .where('x.delegation_id', '=', before.id)
      .execute();
    for (const t of taken) {
      const problem = decisionProblem(changed, t.decided_on, t.amount_kr);
      if (problem) {
        const path = problem.path === 'amountKr' ? 'limitKr' : 'validFrom';
        throw refuse(path, `Ändringen passar inte beslutet ${t.diarienummer} som redan fattats under delegationen: ${problem.message}`);
      }
    }
  }
  return saveRecord(scope, {
    table: 'delegations',
    entity: 'delegation',
    before,
    values: {
      code: input.code,
      matter: input.matter,
      delegate: input.delegate,
      person_id: input.personId,
      limit_kr: input.limitKr,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      report_to_board: input.reportToBoard ? 1 : 0,
      notes: input.notes,
    },
    load: (id) => requireDelegation(scope, id),
  });
}

export async function removeDelegation(input: ParsedInput<'delegations.remove'>, scope: Scope): Promise<MethodResult<'delegations.remove'>> {
  const before = await requireDelegation(scope, input.id);
  if (before.decisionCount > 0) {
    throw refuse('id', `Delegationen ${before.code} kan inte tas bort: ${before.decisionCount} beslut har fattats under den. Sätt ett slutdatum i stället.`);
  }
  await scope.db.deleteFrom('delegations').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'delegation', entityId: input.id, action: 'delete', before, after: null });
  return { id: input.id };
}

// ——— Delegationsbeslut ———

async function loadDecisions(scope: Scope, filter: { id?: number; ids?: number[]; unreportedOnly?: boolean }): Promise<DelegationDecision[]> {
  let query = scope.db
    .selectFrom('delegation_decisions as x')
    .innerJoin('delegations as d', 'd.id', 'x.delegation_id')
    .innerJoin('arenden as a', 'a.id', 'x.arende_id')
    .leftJoin('meetings as m', 'm.id', 'x.reported_meeting_id')
    .select([
      'x.id',
      'x.delegation_id',
      'x.arende_id',
      'x.decided_on',
      'x.decided_by',
      'x.title',
      'x.amount_kr',
      'x.reported_paragraph',
      'd.code',
      'd.matter',
      'd.report_to_board',
      'a.diarienummer',
      'a.year',
      'a.seq',
      'm.id as meeting_id',
      'm.body as meeting_body',
      'm.held_on as meeting_held_on',
      'm.title as meeting_title',
    ])
    .orderBy('x.decided_on', 'desc')
    .orderBy('a.year', 'desc')
    .orderBy('a.seq', 'desc');
  if (filter.id !== undefined) query = query.where('x.id', '=', filter.id);
  if (filter.ids !== undefined) query = query.where('x.id', 'in', filter.ids);
  if (filter.unreportedOnly) query = query.where('x.reported_meeting_id', 'is', null).where('d.report_to_board', '=', 1);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    delegationId: r.delegation_id,
    delegationCode: r.code,
    delegationMatter: r.matter,
    arendeId: r.arende_id,
    diarienummer: r.diarienummer,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    title: r.title,
    amountKr: r.amount_kr,
    mustBeReported: r.report_to_board === 1,
    reported:
      r.meeting_id === null || r.meeting_body === null || r.meeting_held_on === null
        ? null
        : {
            meeting: toMeeting({ id: r.meeting_id, body: r.meeting_body, held_on: r.meeting_held_on, title: r.meeting_title }),
            paragraph: r.reported_paragraph,
          },
  }));
}

async function requireDecision(scope: Scope, id: number, path = 'id'): Promise<DelegationDecision> {
  const [found] = await loadDecisions(scope, { id });
  if (!found) throw refuse(path, `Delegationsbeslutet finns inte (id ${id}).`, 'NOT_FOUND');
  return found;
}

export async function listDecisions(input: ParsedInput<'decisions.list'>, scope: Scope): Promise<MethodResult<'decisions.list'>> {
  return loadDecisions(scope, { unreportedOnly: input.unreportedOnly });
}

export async function saveDecision(input: ParsedInput<'decisions.save'>, scope: Scope): Promise<MethodResult<'decisions.save'>> {
  const before = input.id === undefined ? null : await requireDecision(scope, input.id);
  if (before?.reported) {
    throw refuse('id', `Beslutet ${before.diarienummer} är redan anmält till styrelsen (${before.reported.meeting.heldOn}) och kan inte ändras.`);
  }
  const delegation = await requireDelegation(scope, input.delegationId, 'delegationId');
  const problem = decisionProblem(delegation, input.decidedOn, input.amountKr);
  if (problem) throw refuse(problem.path, problem.message);

  const at = scope.now.toISOString();
  const arendeFields = {
    title: input.title,
    status: 'beslutat' as const,
    received_on: input.decidedOn,
    decided_on: input.decidedOn,
    handlaggare: input.decidedBy,
  };
  let id: number;
  if (before === null) {
    const arende = await registerArende(scope, Number(input.decidedOn.slice(0, 4)), {
      title: input.title,
      kind: 'delegationsbeslut',
      status: 'beslutat',
      receivedOn: input.decidedOn,
      decidedOn: input.decidedOn,
      handlaggare: input.decidedBy,
      description: `Beslut enligt delegation ${describeDelegation(delegation)}.`,
    });
    await scope.audit({ entity: 'arende', entityId: arende.id, action: 'create', before: null, after: await loadArende(scope, arende.id) });
    id = (
      await scope.db
        .insertInto('delegation_decisions')
        .values({
          delegation_id: delegation.id,
          arende_id: arende.id,
          decided_on: input.decidedOn,
          decided_by: input.decidedBy,
          title: input.title,
          amount_kr: input.amountKr,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  } else {
    id = before.id;
    await scope.db
      .updateTable('delegation_decisions')
      .set({
        delegation_id: delegation.id,
        decided_on: input.decidedOn,
        decided_by: input.decidedBy,
        title: input.title,
        amount_kr: input.amountKr,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    // The ärende in the diarium follows the decision.
    const arendeBefore = await loadArende(scope, before.arendeId);
    await scope.db
      .updateTable('arenden')
      .set({ ...arendeFields, updated_at: at })
      .where('id', '=', before.arendeId)
      .execute();
    await scope.audit({ entity: 'arende', entityId: before.arendeId, action: 'update', before: arendeBefore, after: await loadArende(scope, before.arendeId) });
  }
  const after = await requireDecision(scope, id);
  await scope.audit({ entity: 'delegation_decision', entityId: id, action: before === null ? 'create' : 'update', before, after });
  return after;
}

export async function reportDecisions(input: ParsedInput<'decisions.report'>, scope: Scope): Promise<MethodResult<'decisions.report'>> {
  const ids = [...new Set(input.ids)];
  const found = await loadDecisions(scope, { ids });
  for (const id of ids) {
    if (!found.some((d) => d.id === id)) throw refuse('ids', `Delegationsbeslutet finns inte (id ${id}).`, 'NOT_FOUND');
  }
  for (const d of found) {
    if (d.reported) throw refuse('ids', `Beslutet ${d.diarienummer} är redan anmält vid sammanträdet ${d.reported.meeting.heldOn}.`);
    if (input.meetingOn < d.decidedOn) {
      throw refuse(
        'meetingOn',
        `Beslutet ${d.diarienummer} fattades ${d.decidedOn}, efter sammanträdet ${input.meetingOn}. Det kan anmälas vid ett senare sammanträde.`,
      );
    }
  }
  const at = scope.now.toISOString();
  let meeting = await scope.db.selectFrom('meetings').selectAll().where('body', '=', 'styrelse').where('held_on', '=', input.meetingOn).executeTakeFirst();
  if (!meeting) {
    meeting = await scope.db
      .insertInto('meetings')
      .values({ body: 'styrelse', held_on: input.meetingOn, title: `Styrelsemöte ${input.meetingOn}`, created_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await scope.audit({ entity: 'meeting', entityId: meeting.id, action: 'create', before: null, after: toMeeting(meeting) });
  }
  for (const before of found) {
    await scope.db
      .updateTable('delegation_decisions')
      .set({ reported_meeting_id: meeting.id, reported_paragraph: input.paragraph, updated_at: at })
      .where('id', '=', before.id)
      .execute();
    await scope.audit({ entity: 'delegation_decision', entityId: before.id, action: 'update', before, after: await requireDecision(scope, before.id) });
  }
  return loadDecisions(scope, { ids });
}

/** The methods this module serves. */
export const delegationHandlers = handlersFor({
  'delegations.list': listDelegations,
  'delegations.save': saveDelegation,
  'delegations.remove': removeDelegation,
  'decisions.list': listDecisions,
  'decisions.save': saveDecision,
  'decisions.report': reportDecisions,
});
