import { KansliError } from '../../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_TEMPLATES,
  CHECKLIST,
  defaultInsatsForm,
  type Application,
  type ApplicationStatus,
  type ChecklistItem,
  type ChecklistKey,
} from '../../../shared/contract/schemas/insatser';
import { buildFromTemplate, rejection, type TemplateApplication } from '../../../shared/domain/arendeblad-templates';
import { compareByRegisterOrder } from '../../../shared/domain/register-order';
import { formatKr } from '../../../shared/format/sv';
import type { Scope } from '../context';
import { saveRecord, logFieldChange } from '../save-record';
import { refuse } from '../refuse';
import { insertArendeblad, templateData } from '../arendeblad';
import { saveDecision } from '../delegation';
import { loadArende, refuseIfVoided, registerArende, requireArende } from '../diarium';
import { ARENDE_KIND_LABELS } from '../../../shared/contract/schemas/diarium';
import { handlersFor } from '../handler';

/**
 * Ansökningar: intake (registered in the diarium at once), beredning against the
 * checklist, and the decision — by the board, with the ärendeblad written from the
 * application, or under delegation within the delegate's limit. A granted ansökan
 * becomes an insats (or adds to the one it belongs to), with the granted amount per year.
 */

export async function loadApplication(scope: Scope, id: number): Promise<Application> {
  const row = await scope.db
    .selectFrom('applications as a')
    .innerJoin('arenden as r', 'r.id', 'a.arende_id')
    .innerJoin('members as o', 'o.id', 'a.owner_member_id')
    .leftJoin('insatser as i', 'i.id', 'a.insats_id')
    .selectAll('a')
    .select(['r.diarienummer', 'o.name as owner_name', 'i.name as insats_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) throw refuse('id', `Ansökan finns inte (id ${id}).`, 'NOT_FOUND');
  const parties = await scope.db
    .selectFrom('application_parties as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select(['m.id', 'm.name', 'm.kind'])
    .where('p.application_id', '=', id)
    .execute();
  parties.sort((a, b) => compareByRegisterOrder(a, b));
  const groups = await scope.db
    .selectFrom('application_priority_groups as ap')
    .innerJoin('priority_groups as g', 'g.id', 'ap.priority_group_id')
    .select(['g.id', 'g.name'])
    .where('ap.application_id', '=', id)
    .orderBy('g.position')
    .execute();
  const goals = await scope.db.selectFrom('goals').selectAll().where('application_id', '=', id).orderBy('kind').orderBy('position').execute();
  const years = await scope.db.selectFrom('application_years').selectAll().where('application_id', '=', id).orderBy('year').execute();
  // The ärendeblad in the ansökan's ärende, once "Skriv ärendeblad till styrelsen" has written it.
  const proposal = await scope.db.selectFrom('arendeblad').select('id').where('arende_id', '=', row.arende_id).orderBy('id').executeTakeFirst();
  const stored = JSON.parse(row.checklist) as Partial<Record<ChecklistKey, { ok: boolean | null; note: string | null }>>;
  const checklist: ChecklistItem[] = CHECKLIST.map((c) => ({ key: c.key, label: c.label, ok: stored[c.key]?.ok ?? null, note: stored[c.key]?.note ?? null }));
  return {
    id: row.id,
    arendeId: row.arende_id,
    diarienummer: row.diarienummer,
    kind: row.kind,
    insatsId: row.insats_id,
    insatsName: row.insats_name ?? null,
    name: row.name,
    kategori: row.kategori,
    parties: parties.map((p) => ({ memberId: p.id, name: p.name })),
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    malgrupp: row.malgrupp,
    syfte: row.syfte,
    priorityGroups: groups,
    goals: goals.map((g) => ({ id: g.id, kind: g.kind, text: g.text, outcome: g.outcome, outcomeNote: g.outcome_note })),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    years: years.map((y) => ({ year: y.year, soughtKr: y.sought_kr, ownKr: y.own_kr, participants: y.participants, grantedKr: y.granted_kr })),
    soughtTotalKr: years.reduce((sum, y) => sum + y.sought_kr, 0),
    sus: row.sus === 1,
    lokusAgrees: row.lokus_agrees === 1,
    receivedOn: row.received_on,
    status: row.status,
    checklist,
    arendebladId: proposal?.id ?? null,
    decision:
      row.decided_on !== null && row.decided_by !== null
        ? {
            on: row.decided_on,
            by: row.decided_by,
            reason: row.decision_reason,
            arendebladId: row.arendeblad_id,
            delegationDecisionId: row.delegation_decision_id,
          }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listApplications(input: ParsedInput<'insatser.applications'>, scope: Scope): Promise<MethodResult<'insatser.applications'>> {
  let query = scope.db.selectFrom('applications').select('id').orderBy('received_on', 'desc').orderBy('id', 'desc');
  if (input.status !== undefined) query = query.where('status', '=', input.status);
  const ids = await query.execute();
  const out: Application[] = [];
  for (const { id } of ids) out.push(await loadApplication(scope, id));
  return out;
}

export async function getApplication(input: ParsedInput<'insatser.application'>, scope: Scope): Promise<MethodResult<'insatser.application'>> {
  return loadApplication(scope, input.id);
}

const OPEN: ApplicationStatus[] = ['inkommen', 'under_beredning'];

export async function saveApplication(input: ParsedInput<'insatser.saveApplication'>, scope: Scope): Promise<MethodResult<'insatser.saveApplication'>> {
  const before = input.id === undefined ? null : await loadApplication(scope, input.id);
  if (before && !OPEN.includes(before.status)) throw refuse('id', `Ansökan ${before.diarienummer} är beslutad och kan inte ändras.`);

  const memberIds = [...new Set(input.parties)];
  const members = await scope.db.selectFrom('members').select(['id']).where('id', 'in', memberIds).execute();
  memberIds.forEach((m, i) => {
    if (!members.some((x) => x.id === m)) throw refuse(`parties.${i}`, `Samverkansparten finns inte i medlemsregistret (id ${m}).`, 'NOT_FOUND');
  });
  if (input.priorityGroupIds.length > 0) {
    const groups = await scope.db.selectFrom('priority_groups').select('id').where('id', 'in', input.priorityGroupIds).execute();
    input.priorityGroupIds.forEach((g, i) => {
      if (!groups.some((x) => x.id === g)) throw refuse(`priorityGroupIds.${i}`, 'Den prioriterade målgruppen finns inte.', 'NOT_FOUND');
    });
  }
  if (input.insatsId !== null) {
    const insats = await scope.db.selectFrom('insatser').select(['id', 'status']).where('id', '=', input.insatsId).executeTakeFirst();
    if (!insats) throw refuse('insatsId', 'Insatsen finns inte.', 'NOT_FOUND');
    if (input.kind === 'ny') throw refuse('insatsId', 'En ny ansökan gäller ingen befintlig insats; välj tilläggsansökan eller förlängning.');
  }

  if (before !== null && input.arendeId !== undefined && input.arendeId !== before.arendeId)
    throw refuse('arendeId', `Ansökan ${before.diarienummer} ligger redan i sitt ärende; det kan inte bytas.`);
  // Received: into the diarium at once, as an allmän handling must be — or in the ärende it
  // was registered as when it came in, so that one case stays one ärende.
  const arendeId =
    before !== null ? null : input.arendeId !== undefined ? await adoptArende(scope, input.arendeId) : await registerApplicationArende(scope, input);
  return saveRecord(scope, {
    table: 'applications',
    entity: 'application',
    before,
    values: {
      kind: input.kind,
      insats_id: input.insatsId,
      name: input.name,
      kategori: input.kategori,
      owner_member_id: input.ownerMemberId as number,
      malgrupp: input.malgrupp,
      syfte: input.syfte,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      sus: input.sus ? 1 : 0,
      lokus_agrees: input.lokusAgrees ? 1 : 0,
      received_on: input.receivedOn,
    },
    ...(arendeId === null ? {} : { createValues: { arende_id: arendeId, status: 'inkommen' as const } }),
    children: async (id, isNew) => {
      if (!isNew) {
        for (const table of ['application_parties', 'application_priority_groups', 'application_years', 'goals'] as const) {
          await scope.db.deleteFrom(table).where('application_id', '=', id).execute();
        }
      }
      await writeApplicationRows(scope, id, input, memberIds);
    },
    load: (id) => loadApplication(scope, id),
  });
}

async function registerApplicationArende(scope: Scope, input: ParsedInput<'insatser.saveApplication'>): Promise<number> {
  const arende = await registerArende(scope, Number(input.receivedOn.slice(0, 4)), {
    title: `${APPLICATION_KIND_LABELS[input.kind]}: ${input.name}`,
    kind: 'inkommande',
    status: 'under_beredning',
    receivedOn: input.receivedOn,
    decidedOn: null,
    handlaggare: null,
    description: null,
  });
  await scope.audit({ entity: 'arende', entityId: arende.id, action: 'create', before: null, after: await loadArende(scope, arende.id) });
  return arende.id;
}

/**
 * An ärende already in the diarium becomes the ansökan's: an inkommande handling or a
 * beslutsärende, not makulerat, with no ansökan and no ärendeblad of its own yet.
 */
async function adoptArende(scope: Scope, id: number): Promise<number> {
  const arende = await requireArende(scope, id, 'arendeId');
  refuseIfVoided(arende, 'kan inte få en ansökan', 'arendeId');
  if (arende.kind !== 'inkommande' && arende.kind !== 'beslutsarende')
    throw refuse(
      'arendeId',
      `Ärende ${arende.diarienummer} är ${ARENDE_KIND_LABELS[arende.kind].toLowerCase()}; en ansökan hör till en inkommande handling eller ett beslutsärende.`,
    );
  const taken = await scope.db.selectFrom('applications').select('id').where('arende_id', '=', id).executeTakeFirst();
  if (taken) throw refuse('arendeId', `Ärende ${arende.diarienummer} har redan en ansökan.`, 'CONFLICT');
  const blad = await scope.db.selectFrom('arendeblad').select('id').where('arende_id', '=', id).executeTakeFirst();
  if (blad) throw refuse('arendeId', `Ärende ${arende.diarienummer} har redan ett ärendeblad; koppla ansökan till ett ärende utan.`, 'CONFLICT');
  if (arende.status === 'beslutat' || arende.status === 'avslutat') {
    throw refuse('arendeId', `Ärende ${arende.diarienummer} är ${arende.status === 'beslutat' ? 'redan beslutat' : 'avslutat'}.`);
  }
  if (arende.status !== 'under_beredning') {
    await scope.db.updateTable('arenden').set({ status: 'under_beredning', updated_at: scope.now.toISOString() }).where('id', '=', id).execute();
    await scope.audit({ entity: 'arende', entityId: id, action: 'update', before: arende, after: await requireArende(scope, id) });
  }
  return id;
}

/** An application's parties, priority groups, years and goals. */
async function writeApplicationRows(scope: Scope, id: number, input: ParsedInput<'insatser.saveApplication'>, memberIds: Iterable<number>): Promise<void> {
  for (const member_id of memberIds) await scope.db.insertInto('application_parties').values({ application_id: id, member_id }).execute();
  for (const priority_group_id of new Set(input.priorityGroupIds))
    await scope.db.insertInto('application_priority_groups').values({ application_id: id, priority_group_id }).execute();
  for (const y of input.years) {
    await scope.db
      .insertInto('application_years')
      .values({ application_id: id, year: y.year, sought_kr: y.soughtKr, own_kr: y.ownKr, participants: y.participants, granted_kr: null })
      .execute();
  }
  const goals = [
    ...input.effektmal.map((text) => ({ kind: 'effektmal' as const, text })),
    ...input.insatsmal.map((text) => ({ kind: 'insatsmal' as const, text })),
  ];
  for (const [position, g] of goals.entries())
    await scope.db.insertInto('goals').values({ application_id: id, insats_id: input.insatsId, kind: g.kind, position, text: g.text }).execute();
}

export async function saveChecklist(input: ParsedInput<'insatser.checklist'>, scope: Scope): Promise<MethodResult<'insatser.checklist'>> {
  const before = await loadApplication(scope, input.id);
  if (!OPEN.includes(before.status)) throw refuse('id', `Ansökan ${before.diarienummer} är beslutad; beredningen är avslutad.`);
  await scope.db
    .updateTable('applications')
    .set({ checklist: JSON.stringify(input.items), status: 'under_beredning', updated_at: scope.now.toISOString() })
    .where('id', '=', input.id)
    .execute();
  const after = await loadApplication(scope, input.id);
  await logFieldChange(scope, 'application', input.id, { before, after }, ['checklist', 'status']);
  return after;
}

/** The application as the templates take it: the insatsägare first, then the other parties in register order. */
function templateApplication(a: Application, amountKr: number, priorityGroups: string[]): TemplateApplication {
  const others = a.parties.filter((p) => p.memberId !== a.ownerMemberId).map((p) => p.name);
  return {
    insats: a.insatsName ?? a.name,
    amountKr,
    from: a.startsOn,
    to: a.endsOn,
    parter: [a.ownerName, ...others],
    insatsagare: a.ownerName,
    syfte: a.syfte,
    malgrupp: a.malgrupp,
    effektmal: a.goals.filter((g) => g.kind === 'effektmal').map((g) => g.text),
    insatsmal: a.goals.filter((g) => g.kind === 'insatsmal').map((g) => g.text),
    priorityGroups,
    kategori: a.kategori,
    sus: a.sus,
    lokusAgrees: a.lokusAgrees,
  };
}

/** Granted per year: all that was sought, the lower amounts given, or nothing. */
function grantedPerYear(a: Application, input: Pick<ParsedInput<'insatser.decide'>, 'outcome' | 'granted'>): Map<number, number> {
  const granted = new Map<number, number>();
  if (input.outcome === 'avslag') return granted;
  if (input.outcome === 'bifall') {
    for (const y of a.years) granted.set(y.year, y.soughtKr);
    return granted;
  }
  const sought = new Map(a.years.map((y) => [y.year, y.soughtKr]));
  input.granted.forEach((g, i) => {
    const max = sought.get(g.year);
    if (max === undefined) throw refuse(`granted.${i}.year`, `Ansökan söker inga medel för ${g.year}.`);
    if (g.amountKr > max)
      throw refuse(`granted.${i}.amountKr`, `Beviljat belopp för ${g.year} (${formatKr(g.amountKr)}) är mer än det sökta (${formatKr(max)}).`);
    granted.set(g.year, g.amountKr);
  });
  const total = [...granted.values()].reduce((s, v) => s + v, 0);
  if (total === 0) throw refuse('granted', 'Vid delvis bifall ska något belopp beviljas; välj annars avslag.');
  if (total >= a.soughtTotalKr) throw refuse('granted', 'Det beviljade beloppet är lika stort som det sökta; välj bifall.');
  return granted;
}

/** The ärendeblad for the board, written from the application in its own ärende. */
async function writeProposal(
  scope: Scope,
  a: Application,
  outcome: 'bifall' | 'delvis' | 'avslag',
  totalKr: number,
  reason: string | null,
  datum: string,
): Promise<number> {
  const data = await templateData(scope, Number(datum.slice(0, 4)), datum, 'Förbundsstyrelsen');
  data.application = templateApplication(
    a,
    totalKr,
    a.priorityGroups.map((g) => g.name),
  );
  const template = APPLICATION_TEMPLATES[a.kind];
  const built = outcome === 'avslag' ? rejection(data, reason ?? '') : buildFromTemplate(template, data);
  return insertArendeblad(scope, { arendeId: a.arendeId, template, built, datum, organ: 'Förbundsstyrelsen' });
}

/** "Förslag till styrelsen": the ärendeblad before the meeting, with the amounts the förbundschef proposes. */
export async function proposeDecision(input: ParsedInput<'insatser.proposal'>, scope: Scope): Promise<MethodResult<'insatser.proposal'>> {
  const a = await loadApplication(scope, input.id);
  if (!OPEN.includes(a.status)) throw refuse('id', `Ansökan ${a.diarienummer} är redan beslutad.`);
  const existing = await scope.db.selectFrom('arendeblad').select('id').where('arende_id', '=', a.arendeId).executeTakeFirst();
  if (existing) throw new KansliError('CONFLICT', `Ärendebladet för ansökan ${a.diarienummer} finns redan. Öppna det för att ändra förslaget.`);
  const granted = grantedPerYear(a, input);
  const total = [...granted.values()].reduce((s, v) => s + v, 0);
  await writeProposal(scope, a, input.outcome, total, input.reason, input.datum);
  await scope.db.updateTable('applications').set({ status: 'under_beredning', updated_at: scope.now.toISOString() }).where('id', '=', a.id).execute();
  return loadApplication(scope, a.id);
}

/**
 * The decision. By the board: the ärendeblad is written from the application (its
 * att-satser with the granted amount and period, the standard conditions) in the
 * application's ärende. Under delegation: a delegationsbeslut, refused above the limit.
 * A granted application becomes an insats, or adds its years to the one it belongs to.
 */
export async function decideApplication(input: ParsedInput<'insatser.decide'>, scope: Scope): Promise<MethodResult<'insatser.decide'>> {
  const a = await loadApplication(scope, input.id);
  if (!OPEN.includes(a.status)) throw refuse('id', `Ansökan ${a.diarienummer} är redan beslutad (${a.decision?.on ?? ''}).`);
  if (input.decidedOn < a.receivedOn) throw refuse('decidedOn', `Beslutet kan inte vara före den dag ansökan kom in (${a.receivedOn}).`);
  const granted = grantedPerYear(a, input);
  const total = [...granted.values()].reduce((s, v) => s + v, 0);
  const at = scope.now.toISOString();

  let arendebladId: number | null = null;
  let delegationDecisionId: number | null = null;
  if (input.by === 'delegation') {
    const decision = await saveDecision(
      {
        delegationId: input.delegationId as number,
        decidedOn: input.decidedOn,
        decidedBy: scope.actor,
        title: input.outcome === 'avslag' ? `Avslag på ansökan: ${a.name}` : `Finansiering av ${a.insatsName ?? a.name}, ${formatKr(total)}`,
        amountKr: input.outcome === 'avslag' ? null : total,
        confirmPersonalData: true,
      },
      scope,
    );
    delegationDecisionId = decision.id;
  } else {
    const existing = await scope.db.selectFrom('arendeblad').select('id').where('arende_id', '=', a.arendeId).executeTakeFirst();
    arendebladId = existing?.id ?? (await writeProposal(scope, a, input.outcome, total, input.reason, input.decidedOn));
  }

  let insatsId = a.insatsId;
  if (input.outcome !== 'avslag') {
    if (insatsId === null) {
      const status = input.decidedOn >= a.startsOn ? 'pagaende' : 'planerad';
      insatsId = (
        await scope.db
          .insertInto('insatser')
          .values({
            name: a.name,
            kategori: a.kategori,
            form: defaultInsatsForm(a.kategori),
            owner_member_id: a.ownerMemberId,
            starts_on: a.startsOn,
            ends_on: a.endsOn,
            status,
            styrgrupp: null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await scope.audit({
        entity: 'insats',
        entityId: insatsId,
        action: 'create',
        before: null,
        after: { name: a.name, kategori: a.kategori, startsOn: a.startsOn, endsOn: a.endsOn },
      });
    } else {
      // A förlängning moves the end; a tilläggsansökan may too.
      const insats = await scope.db.selectFrom('insatser').selectAll().where('id', '=', insatsId).executeTakeFirstOrThrow();
      if (a.endsOn > insats.ends_on) {
        await scope.db.updateTable('insatser').set({ ends_on: a.endsOn, updated_at: at }).where('id', '=', insatsId).execute();
        await scope.audit({ entity: 'insats', entityId: insatsId, action: 'update', before: { endsOn: insats.ends_on }, after: { endsOn: a.endsOn } });
      }
    }
    for (const [year, amount] of granted) {
      await scope.db.updateTable('application_years').set({ granted_kr: amount }).where('application_id', '=', a.id).where('year', '=', year).execute();
    }
    await scope.db.updateTable('goals').set({ insats_id: insatsId }).where('application_id', '=', a.id).execute();
  }
  const status: ApplicationStatus = input.outcome === 'bifall' ? 'beviljad' : input.outcome === 'delvis' ? 'delvis_beviljad' : 'avslagen';
  await scope.db
    .updateTable('applications')
    .set({
      status,
      insats_id: insatsId,
      decided_on: input.decidedOn,
      decided_by: input.by,
      decision_reason: input.reason,
      arendeblad_id: arendebladId,
      delegation_decision_id: delegationDecisionId,
      updated_at: at,
    })
    .where('id', '=', a.id)
    .execute();
  // The application's ärende in the diarium is decided too.
  const arende = await requireArende(scope, a.arendeId);
  await scope.db.updateTable('arenden').set({ status: 'beslutat', decided_on: input.decidedOn, updated_at: at }).where('id', '=', a.arendeId).execute();
  await scope.audit({ entity: 'arende', entityId: a.arendeId, action: 'update', before: arende, after: await requireArende(scope, a.arendeId) });
  const after = await loadApplication(scope, a.id);
  await scope.audit({ entity: 'application', entityId: a.id, action: 'update', before: a, after });
  return after;
}

/** The methods this module serves. */
export const applicationsHandlers = handlersFor({
  'insatser.applications': listApplications,
  'insatser.application': getApplication,
  'insatser.saveApplication': saveApplication,
  'insatser.checklist': saveChecklist,
  'insatser.proposal': proposeDecision,
  'insatser.decide': decideApplication,
});
