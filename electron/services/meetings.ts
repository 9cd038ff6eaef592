import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { arendebladContent } from '../../shared/contract/schemas/arendeblad';
import { BODY_LABELS, type AgendaCandidate, type AgendaItem, type ItemKind, type MeetingBody, type MeetingView } from '../../shared/contract/schemas/meetings';
import { arendebladProblems } from '../../shared/domain/arendeblad-templates';
import type { Scope } from './context';
import { refuse } from './refuse';
import { handlersFor } from './handler';
import type { Meeting } from '../../shared/contract/schemas/delegation';

/**
 * Sammanträden and their dagordning. A new meeting gets the standard points in the
 * order the kommunal handbooks give (öppnande, upprop, val av justerare, dagordning,
 * jäv, information, anmälan av delegationsbeslut); the förbundschef adds the
 * ärendeblad and drags the points into order. The kallelse and the board packet are
 * built from this (see packet.ts).
 */

export const STANDARD_ITEMS: { kind: ItemKind; title: string }[] = [
  { kind: 'procedur', title: 'Mötets öppnande' },
  { kind: 'procedur', title: 'Upprop och fastställande av närvaro' },
  { kind: 'procedur', title: 'Val av justerare samt tid och plats för justering' },
  { kind: 'procedur', title: 'Godkännande av dagordningen' },
  { kind: 'procedur', title: 'Anmälan av jäv' },
  { kind: 'information', title: 'Information från förbundschefen' },
  { kind: 'delegation', title: 'Anmälan av delegationsbeslut' },
];
export const CLOSING_ITEMS: { kind: ItemKind; title: string }[] = [
  { kind: 'information', title: 'Övriga frågor' },
  { kind: 'procedur', title: 'Mötets avslutande' },
];

interface MeetingRow {
  id: number;
  body: MeetingBody;
  held_on: string;
  title: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: string | null;
  notes: string | null;
}

export function meetingTitle(body: MeetingBody, heldOn: string): string {
  return `${body === 'styrelse' ? 'Styrelsemöte' : 'Arbetsutskottets möte'} ${heldOn}`;
}

async function requireMeetingRow(scope: Scope, id: number): Promise<MeetingRow> {
  const row = await scope.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw refuse('id', `Sammanträdet finns inte (id ${id}).`, 'NOT_FOUND', 'Sammanträdet finns inte.');
  return row;
}

const AGENDA_LOCKED = 'Protokollet är skickat för justering eller justerat; dagordningen kan inte längre ändras.';

export async function loadMeeting(scope: Scope, id: number): Promise<MeetingView> {
  const row = await requireMeetingRow(scope, id);
  const items = await scope.db
    .selectFrom('meeting_items as i')
    .leftJoin('arenden as a', 'a.id', 'i.arende_id')
    .leftJoin('arendeblad as b', 'b.arende_id', 'i.arende_id')
    .select(['i.id', 'i.kind', 'i.title', 'i.arende_id', 'a.diarienummer', 'a.kind as arende_kind', 'b.id as blad_id', 'b.rubrik', 'b.content'])
    .where('i.meeting_id', '=', id)
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
  const protokoll = await scope.db.selectFrom('protokoll').select('status').where('meeting_id', '=', id).executeTakeFirst();
  return {
    agendaLocked: protokoll && protokoll.status !== 'utkast' ? AGENDA_LOCKED : null,
    id: row.id,
    body: row.body,
    bodyLabel: BODY_LABELS[row.body],
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    notes: row.notes,
    title: row.title ?? meetingTitle(row.body, row.held_on),
    items: items.map((r, i): AgendaItem => {
      const content = r.content ? arendebladContent.safeParse(JSON.parse(r.content)) : null;
      return {
        id: r.id,
        number: i + 1,
        kind: r.kind,
        title: r.title,
        arendeId: r.arende_id,
        diarienummer: r.diarienummer ?? null,
        arendebladId: r.blad_id ?? null,
        ready:
          content?.success === true && r.rubrik !== null
            ? arendebladProblems({ isDecision: r.arende_kind === 'beslutsarende', rubrik: r.rubrik, content: content.data }).length === 0
            : r.arende_id === null,
        bilagor: content?.success === true ? content.data.bilagor.filter((b) => b.documentId !== null).length : 0,
      };
    }),
  };
}

export async function getMeeting(input: ParsedInput<'meetings.get'>, scope: Scope): Promise<MethodResult<'meetings.get'>> {
  return loadMeeting(scope, input.id);
}

export async function saveMeeting(input: ParsedInput<'meetings.save'>, scope: Scope): Promise<MethodResult<'meetings.save'>> {
  const at = scope.now.toISOString();
  const clash = await scope.db
    .selectFrom('meetings')
    .select('id')
    .where('body', '=', input.body)
    .where('held_on', '=', input.heldOn)
    .$if(input.id !== undefined, (q) => q.where('id', '<>', input.id ?? 0))
    .executeTakeFirst();
  if (clash) {
    const message = `${BODY_LABELS[input.body]} har redan ett sammanträde ${input.heldOn}.`;
    throw refuse('heldOn', message, 'CONFLICT');
  }
  const fields = {
    body: input.body,
    held_on: input.heldOn,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    place: input.place,
    notes: input.notes,
    updated_at: at,
  };
  if (input.id !== undefined) {
    const before = await loadMeeting(scope, input.id);
    await scope.db
      .updateTable('meetings')
      .set({ ...fields, title: meetingTitle(input.body, input.heldOn) })
      .where('id', '=', input.id)
      .execute();
    const after = await loadMeeting(scope, input.id);
    await scope.audit({ entity: 'meeting', entityId: input.id, action: 'update', before, after });
    return after;
  }
  const row = await scope.db
    .insertInto('meetings')
    .values({ ...fields, title: meetingTitle(input.body, input.heldOn), created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const standard = [...STANDARD_ITEMS, ...CLOSING_ITEMS];
  for (const [position, item] of standard.entries()) {
    await scope.db
      .insertInto('meeting_items')
      .values({ meeting_id: row.id, position, kind: item.kind, title: item.title, arende_id: null, created_at: at })
      .execute();
  }
  const after = await loadMeeting(scope, row.id);
  await scope.audit({ entity: 'meeting', entityId: row.id, action: 'create', before: null, after });
  return after;
}

/**
 * The first § of this meeting: one after the highest the organ has used earlier the same
 * year — in the protokoll written in Kansli, or as the delegation register records the §
 * a delegationsbeslut was reported at (a förbund that began mid-year has only that).
 */
export async function firstParagraph(scope: Scope, meetingId: number): Promise<{ first: number; after: { paragraph: number; heldOn: string } | null }> {
  const meeting = await scope.db.selectFrom('meetings').select(['body', 'held_on']).where('id', '=', meetingId).executeTakeFirstOrThrow();
  const year = meeting.held_on.slice(0, 4);
  const earlier = scope.db
    .selectFrom('meetings as m')
    .where('m.body', '=', meeting.body)
    .where('m.held_on', '>=', `${year}-01-01`)
    .where('m.held_on', '<=', meeting.held_on)
    .where('m.id', '<>', meetingId);
  const numbered = await earlier
    .innerJoin('meeting_items as i', 'i.meeting_id', 'm.id')
    .select(['i.paragraph as p', 'm.held_on'])
    .where('i.paragraph', 'is not', null)
    .execute();
  const reported = await earlier
    .innerJoin('delegation_decisions as d', 'd.reported_meeting_id', 'm.id')
    .select(['d.reported_paragraph as p', 'm.held_on'])
    .where('d.reported_paragraph', 'is not', null)
    .execute();
  let after: { paragraph: number; heldOn: string } | null = null;
  const consider = (paragraph: number, heldOn: string) => {
    if (Number.isSafeInteger(paragraph) && paragraph > 0 && (after === null || paragraph > after.paragraph)) after = { paragraph, heldOn };
  };
  for (const r of numbered) consider(Number(r.p), r.held_on);
  // "§ 9", "9", "§§ 9–10": the highest number written.
  for (const r of reported) for (const m of String(r.p).matchAll(/\d{1,4}/g)) consider(Number(m[0]), r.held_on);
  const found = after as { paragraph: number; heldOn: string } | null;
  return { first: (found?.paragraph ?? 0) + 1, after: found };
}

/**
 * § numbers follow the dagordning's order, without gaps, from the meeting's first §: the one
 * given (`start`), else the one its items already have, else one after the year's earlier §.
 */
export async function renumber(scope: Scope, meetingId: number, start?: number): Promise<void> {
  const items = await scope.db
    .selectFrom('meeting_items')
    .select(['id', 'paragraph'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const first = start ?? items.find((i) => i.paragraph !== null)?.paragraph ?? (await firstParagraph(scope, meetingId)).first;
  for (const [i, item] of items.entries())
    await scope.db
      .updateTable('meeting_items')
      .set({ paragraph: first + i })
      .where('id', '=', item.id)
      .execute();
}

/** Replaces the dagordning with the given order: kept items are moved, new ones added, missing ones removed. */
export async function saveAgenda(input: ParsedInput<'meetings.saveAgenda'>, scope: Scope): Promise<MethodResult<'meetings.saveAgenda'>> {
  const before = await loadMeeting(scope, input.meetingId);
  if (before.agendaLocked !== null) throw new KansliError('RULE', before.agendaLocked);
  const protokoll = await scope.db.selectFrom('protokoll').select('status').where('meeting_id', '=', input.meetingId).executeTakeFirst();
  const known = new Set(before.items.map((i) => i.id));
  const seenArenden = new Set<number>();
  for (const [i, item] of input.items.entries()) {
    if (item.id !== undefined && !known.has(item.id)) {
      throw refuse(`items.${i}.id`, `Punkt ${i + 1} finns inte på dagordningen.`, 'NOT_FOUND', 'Punkten finns inte.');
    }
    if (item.arendeId !== null) {
      if (seenArenden.has(item.arendeId)) {
        const message = `Punkt ${i + 1} (”${item.title}”): samma ärende står redan på dagordningen.`;
        throw refuse(`items.${i}.arendeId`, message, 'RULE');
      }
      seenArenden.add(item.arendeId);
      const arende = await scope.db.selectFrom('arenden').select(['voided_at', 'diarienummer']).where('id', '=', item.arendeId).executeTakeFirst();
      if (!arende) throw refuse(`items.${i}.arendeId`, `Punkt ${i + 1}: ärendet finns inte.`, 'NOT_FOUND', 'Ärendet finns inte.');
      if (arende.voided_at !== null) {
        const message = `Punkt ${i + 1}: ärende ${arende.diarienummer} är makulerat och kan inte tas upp.`;
        throw refuse(`items.${i}.arendeId`, message, 'RULE');
      }
    }
  }
  const keep = new Set(input.items.map((i) => i.id).filter((id): id is number => id !== undefined));
  const removed = [...known].filter((id) => !keep.has(id));
  if (removed.length > 0) await scope.db.deleteFrom('meeting_items').where('id', 'in', removed).execute();
  const at = scope.now.toISOString();
  for (const [position, item] of input.items.entries()) {
    if (item.id !== undefined) {
      await scope.db
        .updateTable('meeting_items')
        .set({ position, kind: item.kind, title: item.title, arende_id: item.arendeId })
        .where('id', '=', item.id)
        .execute();
    } else {
      await scope.db
        .insertInto('meeting_items')
        .values({ meeting_id: input.meetingId, position, kind: item.kind, title: item.title, arende_id: item.arendeId, created_at: at })
        .execute();
    }
  }
  // With a protokoll begun, the §§ follow the new order.
  if (protokoll) await renumber(scope, input.meetingId);
  const after = await loadMeeting(scope, input.meetingId);
  await scope.audit({ entity: 'meeting', entityId: input.meetingId, action: 'update', before: before.items, after: after.items });
  return after;
}

/** Ärendeblad written for this body that are not on any meeting's dagordning yet. */
export async function agendaCandidates(input: ParsedInput<'meetings.candidates'>, scope: Scope): Promise<MethodResult<'meetings.candidates'>> {
  const meeting = await requireMeetingRow(scope, input.id);
  const rows = await scope.db
    .selectFrom('arendeblad as b')
    .innerJoin('arenden as a', 'a.id', 'b.arende_id')
    .select(['b.id', 'b.arende_id', 'b.rubrik', 'b.organ', 'b.template', 'a.diarienummer', 'a.kind'])
    .where('a.voided_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('meeting_items as i').select('i.id').whereRef('i.arende_id', '=', 'b.arende_id'))))
    .orderBy('b.datum', 'desc')
    .execute();
  const organ = BODY_LABELS[meeting.body];
  return rows
    .filter((r) => r.organ === organ)
    .map((r): AgendaCandidate => ({
      arendeId: r.arende_id,
      arendebladId: r.id,
      diarienummer: r.diarienummer,
      rubrik: r.rubrik,
      organ: r.organ,
      kind: r.template === 'anmalan_av_delegationsbeslut' ? 'delegation' : r.kind === 'informationsarende' ? 'information' : 'beslut',
    }));
}

/** A meeting as the delegation register names it: body, day and title. */
export function toMeeting(r: { id: number; body: MeetingBody; held_on: string; title: string | null }): Meeting {
  return { id: r.id, body: r.body, heldOn: r.held_on, title: r.title };
}

/** Every meeting, newest first. */
export async function listMeetings(_input: ParsedInput<'meetings.list'>, scope: Scope): Promise<MethodResult<'meetings.list'>> {
  const rows = await scope.db.selectFrom('meetings').select(['id', 'body', 'held_on', 'title']).orderBy('held_on', 'desc').execute();
  return rows.map(toMeeting);
}

/** The methods this module serves. */
export const meetingsHandlers = handlersFor({
  'meetings.list': listMeetings,
  'meetings.get': getMeeting,
  'meetings.save': saveMeeting,
  'meetings.saveAgenda': saveAgenda,
  'meetings.candidates': agendaCandidates,
});
