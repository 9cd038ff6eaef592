import type { Selectable } from 'kysely';
import type { ProtokollTable } from '../../db/schema';
import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { arendebladContent } from '../../shared/contract/schemas/arendeblad';
import {
  PROTOKOLL_STATUS_LABELS,
  type AttendanceRow,
  type ProtokollEvent,
  type ProtokollItem,
  type ProtokollView,
} from '../../shared/contract/schemas/protokoll';
import { stripAtt } from '../../shared/domain/arendeblad-templates';
import { addDays, protokollDates, JUSTERING_DAYS } from '../../shared/domain/justering';
import { formatDate } from '../../shared/format/sv';
import type { Scope } from './context';
import { documentFileName } from './arendeblad';
import { boardOn } from './board';
import { registerArende, requireArende } from './diarium';
import { readDocumentBytes, storeDocument } from './documents';
import { loadForbund, senderOf } from './forbund';
import { firstParagraph, loadMeeting, renumber } from './meetings';
import type { ProtokollDoc } from './pdf/protokoll-pdf';
import { resourceBytes } from './resources';
import { refuse, refuseAll } from './refuse';
import { handlersFor } from './handler';

/**
 * The protokoll of a meeting and its justering. While it is an utkast the sekreterare
 * writes it (attendance, § by §, the decisions as taken, which may differ from the
 * proposals). "Skicka för justering" checks the rules, locks it, and stores the PDF in
 * the diarium; from then on the ordförande and the justerare may only approve, propose
 * a change or send it back, and sign in the kept order. The last signature makes it
 * justerat and posts the anslagsbevis.
 */

const SOURCE = (meetingId: number) => `protokoll:${meetingId}`;

type Row = Selectable<ProtokollTable>;

function rule(message: string, path = ''): KansliError {
  return path ? refuse(path, message) : new KansliError('RULE', message);
}

function paragraphLabel(from: number | null, to: number | null): string {
  if (from === null || to === null) return '§§ –';
  return from === to ? `§ ${from}` : `§§ ${from}–${to}`;
}

async function requireRow(scope: Scope, meetingId: number): Promise<Row> {
  const row = await scope.db.selectFrom('protokoll').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!row) throw new KansliError('NOT_FOUND', 'Sammanträdet har inget protokoll ännu. Välj Skriv protokoll.');
  return row;
}

async function loadItems(scope: Scope, meetingId: number): Promise<ProtokollItem[]> {
  const rows = await scope.db
    .selectFrom('meeting_items as i')
    .leftJoin('arenden as a', 'a.id', 'i.arende_id')
    .leftJoin('arendeblad as b', 'b.arende_id', 'i.arende_id')
    .select(['i.id', 'i.kind', 'i.title', 'i.paragraph', 'i.decision', 'i.reservationer', 'i.anteckningar', 'i.jav', 'a.diarienummer', 'b.content'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
  return rows.map((r, i) => {
    const content = r.content ? arendebladContent.safeParse(JSON.parse(r.content)) : null;
    const proposal = content?.success ? content.data.forslag.punkter.map(stripAtt).filter((t) => t !== '') : [];
    const decision = r.decision ? (JSON.parse(r.decision) as { punkter: string[] }).punkter : [];
    return {
      id: r.id,
      number: i + 1,
      paragraph: r.paragraph,
      kind: r.kind,
      title: r.title,
      diarienummer: r.diarienummer ?? null,
      proposal,
      proposalIntro: content?.success ? content.data.forslag.inledning : null,
      skickasTill: content?.success ? content.data.skickasTill.map((m) => m.trim()).filter(Boolean) : [],
      decision,
      reservationer: r.reservationer,
      anteckningar: r.anteckningar,
      jav: r.jav,
    };
  });
}

async function loadAttendance(scope: Scope, meetingId: number): Promise<AttendanceRow[]> {
  const rows = await scope.db.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
  return rows.map((r) => ({
    personId: r.person_id,
    name: r.name,
    organisation: r.organisation,
    role: r.role,
    replaces: r.replaces,
    distance: r.distance === 1,
  }));
}

/** What stops the protokoll from going to justering (DOCUMENTS.md, rules 1, 4 and 5). */
function problemsOf(row: Row, heldOn: string, attendance: AttendanceRow[], items: ProtokollItem[]): string[] {
  const problems: string[] = [];
  const justerare = JSON.parse(row.justerare) as string[];
  const deciding = new Set(attendance.filter((a) => a.role === 'ledamot' || a.role === 'tjanstgorande_ersattare').map((a) => a.name));
  if (!row.sekreterare) problems.push('Ange sekreterare.');
  if (!row.ordforande) problems.push('Ange ordförande för sammanträdet.');
  else if (!deciding.has(row.ordforande)) problems.push(`Ordföranden (${row.ordforande}) finns inte bland de beslutande i närvarolistan.`);
  const others = justerare.filter((j) => j !== row.ordforande);
  if (others.length === 0) problems.push('Minst en justerare utöver ordföranden ska utses.');
  for (const j of justerare) if (!deciding.has(j)) problems.push(`Justeraren ${j} tjänstgjorde inte vid sammanträdet.`);
  if (!row.justering_dag) problems.push('Ange dag för justeringen.');
  else if (row.justering_dag > addDays(heldOn, JUSTERING_DAYS))
    problems.push(`Justeringen ska ske senast ${addDays(heldOn, JUSTERING_DAYS)}, 14 dagar efter sammanträdet.`);
  else if (row.justering_dag < heldOn) problems.push('Justeringen kan inte ske före sammanträdet.');
  if (deciding.size === 0) problems.push('Närvarolistan saknar beslutande.');
  for (const item of items) {
    if (item.kind === 'beslut' && item.decision.filter((d) => d.trim() !== '').length === 0)
      problems.push(`§ ${item.paragraph ?? item.number} ${item.title}: ange beslutet.`);
    if (item.jav) {
      for (const name of item.jav
        .split(/[,;\n]/)
        .map((n) => n.trim())
        .filter(Boolean)) {
        if (deciding.has(name) && !/(deltog inte|ej i beslutet)/i.test(item.anteckningar ?? '')) {
          // Rule 5: a member with jäv does not take part; the protokoll must say so.
          problems.push(`§ ${item.paragraph ?? item.number}: ${name} har anmält jäv. Skriv i protokollsanteckningen att ${name} inte deltog i beslutet.`);
        }
      }
    }
  }
  return problems;
}

function signingOrder(row: Row, signedCount: number): ProtokollView['signingOrder'] {
  const order = [
    ...(row.sekreterare ? [{ role: 'Sekreterare', name: row.sekreterare }] : []),
    ...(row.ordforande ? [{ role: 'Ordförande', name: row.ordforande }] : []),
    ...(JSON.parse(row.justerare) as string[])
      .filter((j) => j !== row.ordforande)
      .map((name, i, all) => ({ role: all.length > 1 ? `Justerare ${i + 1}` : 'Justerare', name })),
  ];
  return order.map((o, i) => ({ ...o, signed: i < signedCount }));
}

async function signedCount(scope: Scope, meetingId: number): Promise<number> {
  const events = await scope.db.selectFrom('protokoll_events').select(['kind']).where('meeting_id', '=', meetingId).orderBy('id').execute();
  // Signatures since the last time it was sent for justering.
  let n = 0;
  for (const e of events) {
    if (e.kind === 'skickat') n = 0;
    if (e.kind === 'signerat') n += 1;
  }
  return n;
}

export async function loadProtokoll(scope: Scope, meetingId: number): Promise<ProtokollView> {
  const row = await requireRow(scope, meetingId);
  const meeting = await loadMeeting(scope, meetingId);
  const items = await loadItems(scope, meetingId);
  const attendance = await loadAttendance(scope, meetingId);
  const events = await scope.db.selectFrom('protokoll_events').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute();
  const paragraphs = items.map((i) => i.paragraph).filter((p): p is number => p !== null);
  return {
    meetingId,
    status: row.status,
    statusLabel: PROTOKOLL_STATUS_LABELS[row.status],
    sekreterare: row.sekreterare,
    ordforande: row.ordforande,
    justerare: JSON.parse(row.justerare) as string[],
    justeringPlats: row.justering_plats,
    justeringDag: row.justering_dag,
    forvaring: row.forvaring,
    attendance,
    items,
    paragraphs: paragraphLabel(paragraphs[0] ?? null, paragraphs[paragraphs.length - 1] ?? null),
    firstParagraph: paragraphs[0] ?? null,
    paragraphNote: await paragraphNote(scope, meetingId, paragraphs[0] ?? null),
    dates: protokollDates(meeting.heldOn, row.justerat_on, row.anslag_on, formatDate(scope.now)),
    problems: problemsOf(row, meeting.heldOn, attendance, items),
    signingOrder: signingOrder(row, await signedCount(scope, meetingId)),
    arendeId: row.arende_id,
    documentId: row.document_id,
    anslagDocumentId: row.anslag_document_id,
    justeratOn: row.justerat_on,
    anslagOn: row.anslag_on,
    events: events.map((e): ProtokollEvent => ({ at: e.at, actor: e.actor, kind: e.kind, person: e.person, text: e.text })),
  };
}

/** Where the meeting's first § comes from, for the one who checks the numbering. */
async function paragraphNote(scope: Scope, meetingId: number, first: number | null): Promise<string> {
  const { first: expected, after } = await firstParagraph(scope, meetingId);
  const earlier = after ? `§ ${after.paragraph} (sammanträdet ${after.heldOn})` : null;
  if (first !== null && first !== expected)
    return `Första § är angiven för detta sammanträde${earlier ? `; årets tidigare sammanträden slutar på ${earlier}` : ''}.`;
  if (earlier) return `Fortsätter efter ${earlier}.`;
  return 'Årets första sammanträde i Kansli. Började året före Kansli, skriv första § så fortsätter numreringen därifrån.';
}

/**
 * A first § given by hand: never below what the year has already used, and never into the
 * numbers of a later meeting of the same organ.
 */
async function setFirstParagraph(scope: Scope, meetingId: number, first: number, count: number): Promise<void> {
  const { first: lowest, after } = await firstParagraph(scope, meetingId);
  if (first < lowest && after)
    throw refuse('firstParagraph', `§ ${after.paragraph} är redan använd (sammanträdet ${after.heldOn}); första § kan inte vara lägre än ${lowest}.`);
  const meeting = await scope.db.selectFrom('meetings').select(['body', 'held_on']).where('id', '=', meetingId).executeTakeFirstOrThrow();
  const later = await scope.db
    .selectFrom('meetings as m')
    .innerJoin('meeting_items as i', 'i.meeting_id', 'm.id')
    .select(['m.held_on', (eb) => eb.fn.min('i.paragraph').as('min')])
    .where('m.body', '=', meeting.body)
    .where('m.held_on', '>', meeting.held_on)
    .where('m.held_on', '<=', `${meeting.held_on.slice(0, 4)}-12-31`)
    .where('i.paragraph', 'is not', null)
    .groupBy('m.id')
    .orderBy('m.held_on')
    .executeTakeFirst();
  if (later && later.min !== null && first + count - 1 >= Number(later.min))
    throw refuse('firstParagraph', `Sammanträdet ${later.held_on} börjar på § ${later.min}; detta sammanträdes ${count} § får inte nå dit.`);
  await renumber(scope, meetingId, first);
}

export async function getProtokoll(input: ParsedInput<'protokoll.get'>, scope: Scope): Promise<MethodResult<'protokoll.get'>> {
  const exists = await scope.db.selectFrom('protokoll').select('meeting_id').where('meeting_id', '=', input.meetingId).executeTakeFirst();
  return { protokoll: exists ? await loadProtokoll(scope, input.meetingId) : null };
}

/** "Skriv protokoll": the attendance from the board register, the decisions prefilled from the proposals. */
export async function startProtokoll(input: ParsedInput<'protokoll.start'>, scope: Scope): Promise<MethodResult<'protokoll.start'>> {
  const meeting = await loadMeeting(scope, input.meetingId);
  const exists = await scope.db.selectFrom('protokoll').select('meeting_id').where('meeting_id', '=', meeting.id).executeTakeFirst();
  if (exists) return loadProtokoll(scope, meeting.id);
  const board = await boardOn(scope, meeting.heldOn);
  const forbund = await loadForbund(scope);
  const ordforande = board.ordinarie.find((a) => a.role === 'ordforande')?.person.name ?? null;
  await scope.db
    .insertInto('protokoll')
    .values({
      meeting_id: meeting.id,
      status: 'utkast',
      sekreterare: null,
      ordforande,
      justerare: '[]',
      justering_plats: forbund.city ? `Kansliet, ${forbund.city}` : null,
      justering_dag: null,
      forvaring: `${forbund.name}s kansli`,
      updated_at: scope.now.toISOString(),
    })
    .execute();
  const people = [...board.ordinarie.map((a) => ({ a, role: 'ledamot' as const })), ...board.ersattare.map((a) => ({ a, role: 'ersattare' as const }))];
  for (const [position, { a, role }] of people.entries()) {
    await scope.db
      .insertInto('meeting_attendance')
      .values({ meeting_id: meeting.id, position, person_id: a.person.id, name: a.person.name, organisation: a.memberName, role, replaces: null, distance: 0 })
      .execute();
  }
  for (const item of await loadItems(scope, meeting.id)) {
    if (item.proposal.length > 0)
      await scope.db
        .updateTable('meeting_items')
        .set({ decision: JSON.stringify({ punkter: item.proposal }) })
        .where('id', '=', item.id)
        .execute();
  }
  await renumber(scope, meeting.id);
  const after = await loadProtokoll(scope, meeting.id);
  await scope.audit({ entity: 'protocol', entityId: meeting.id, action: 'create', before: null, after });
  return after;
}

function refuseLocked(row: Row): void {
  if (row.status !== 'utkast') {
    throw rule(
      row.status === 'for_justering'
        ? 'Protokollet är låst för justering. Ordföranden eller en justerare kan skicka tillbaka det om något ska ändras.'
        : 'Protokollet är justerat och kan inte ändras.',
    );
  }
}

export async function saveProtokoll(input: ParsedInput<'protokoll.save'>, scope: Scope): Promise<MethodResult<'protokoll.save'>> {
  const row = await requireRow(scope, input.meetingId);
  refuseLocked(row);
  const before = await loadProtokoll(scope, input.meetingId);
  const known = new Set(before.items.map((i) => i.id));
  input.items.forEach((item, i) => {
    if (!known.has(item.id)) throw refuse(`items.${i}.id`, `Punkt ${i + 1} hör inte till sammanträdet.`, 'NOT_FOUND', 'Okänd punkt.');
  });
  input.attendance.forEach((a, i) => {
    if (a.role !== 'tjanstgorande_ersattare' && a.replaces !== null) {
      throw refuse(`attendance.${i}.replaces`, `${a.name}: bara en tjänstgörande ersättare ersätter någon.`, 'VALIDATION', 'Bara för tjänstgörande ersättare.');
    }
  });
  // The numbering first: a refused first § leaves everything as it was.
  if (input.firstParagraph !== undefined && input.firstParagraph !== before.firstParagraph)
    await setFirstParagraph(scope, input.meetingId, input.firstParagraph, before.items.length);
  await scope.db
    .updateTable('protokoll')
    .set({
      sekreterare: input.sekreterare,
      ordforande: input.ordforande,
      justerare: JSON.stringify(input.justerare),
      justering_plats: input.justeringPlats,
      justering_dag: input.justeringDag,
      forvaring: input.forvaring,
      updated_at: scope.now.toISOString(),
    })
    .where('meeting_id', '=', input.meetingId)
    .execute();
  await scope.db.deleteFrom('meeting_attendance').where('meeting_id', '=', input.meetingId).execute();
  for (const [position, a] of input.attendance.entries()) {
    await scope.db
      .insertInto('meeting_attendance')
      .values({
        meeting_id: input.meetingId,
        position,
        person_id: a.personId,
        name: a.name,
        organisation: a.organisation,
        role: a.role,
        replaces: a.replaces,
        distance: a.distance ? 1 : 0,
      })
      .execute();
  }
  const kinds = new Map(before.items.map((i) => [i.id, i.kind]));
  for (const item of input.items) {
    // A beslut is a list of att-satser (kept without "att"); other points are plain sentences.
    const kind = kinds.get(item.id);
    const punkter = kind === 'beslut' || kind === 'delegation' ? item.decision.map(stripAtt) : item.decision;
    await scope.db
      .updateTable('meeting_items')
      .set({ decision: JSON.stringify({ punkter }), reservationer: item.reservationer, anteckningar: item.anteckningar, jav: item.jav })
      .where('id', '=', item.id)
      .execute();
  }
  await renumber(scope, input.meetingId);
  const after = await loadProtokoll(scope, input.meetingId);
  await scope.audit({ entity: 'protocol', entityId: input.meetingId, action: 'update', before, after });
  return after;
}

async function event(scope: Scope, meetingId: number, kind: ProtokollEvent['kind'], person: string | null, text: string | null): Promise<void> {
  await scope.db
    .insertInto('protokoll_events')
    .values({ meeting_id: meetingId, at: scope.now.toISOString(), actor: scope.actor, kind, person, text })
    .execute();
}

/** The protokoll as the PDF writer takes it. */
async function protokollDoc(scope: Scope, meetingId: number): Promise<ProtokollDoc> {
  const p = await loadProtokoll(scope, meetingId);
  const meeting = await loadMeeting(scope, meetingId);
  const forbund = await loadForbund(scope);
  return { protokoll: p, meeting, sender: senderOf(forbund) };
}

/** Checks the rules, locks the protokoll and stores its PDF, with a signature field per signer, in the diarium. */
export async function sendForJustering(input: ParsedInput<'protokoll.send'>, scope: Scope): Promise<MethodResult<'protokoll.send'>> {
  const row = await requireRow(scope, input.meetingId);
  refuseLocked(row);
  const before = await loadProtokoll(scope, input.meetingId);
  if (before.problems.length > 0) {
    throw refuseAll(
      `Protokollet kan inte skickas för justering: ${before.problems.join(' ')}`,
      before.problems.map((message) => ({ path: '', message })),
      'RULE',
    );
  }
  const doc = await protokollDoc(scope, input.meetingId);
  let arendeId = row.arende_id;
  if (arendeId === null) {
    const created = await registerArende(scope, Number(doc.meeting.heldOn.slice(0, 4)), {
      title: `Protokoll ${doc.meeting.bodyLabel.toLowerCase()} ${doc.meeting.heldOn}`,
      kind: 'utgaende',
      status: 'under_beredning',
      receivedOn: null,
      decidedOn: null,
      handlaggare: row.sekreterare,
      description: null,
    });
    arendeId = created.id;
    await scope.audit({ entity: 'arende', entityId: created.id, action: 'create', before: null, after: await requireArende(scope, created.id) });
  }
  const arende = await requireArende(scope, arendeId);
  const { renderProtokoll } = await import('./pdf/protokoll-pdf');
  const { bytes } = await renderProtokoll(scope.ctx, doc, scope.now);
  const meta = await storeDocument(scope, {
    arendeId,
    fileName: documentFileName(arende.diarienummer, `Protokoll ${doc.meeting.bodyLabel.toLowerCase()} ${doc.meeting.heldOn}`, 'pdf'),
    title: `Protokoll ${doc.meeting.bodyLabel.toLowerCase()} ${doc.meeting.heldOn}`,
    mimeType: 'application/pdf',
    bytes: Buffer.from(bytes),
    source: SOURCE(input.meetingId),
  });
  await scope.db
    .updateTable('protokoll')
    .set({ status: 'for_justering', arende_id: arendeId, document_id: meta.id, updated_at: scope.now.toISOString() })
    .where('meeting_id', '=', input.meetingId)
    .execute();
  await event(scope, input.meetingId, 'skickat', row.sekreterare, null);
  const after = await loadProtokoll(scope, input.meetingId);
  await scope.audit({
    entity: 'protocol',
    entityId: input.meetingId,
    action: 'update',
    before: { status: before.status },
    after: { status: after.status, documentId: meta.id },
  });
  return after;
}

/** Approve, propose a change, or send back: only the ordförande and the justerare may. */
export async function justeringStep(input: ParsedInput<'protokoll.step'>, scope: Scope): Promise<MethodResult<'protokoll.step'>> {
  const row = await requireRow(scope, input.meetingId);
  if (row.status !== 'for_justering') throw rule('Protokollet är inte ute på justering.');
  const allowed = new Set([row.ordforande, ...(JSON.parse(row.justerare) as string[])].filter((n): n is string => !!n));
  if (!allowed.has(input.person)) {
    throw rule(`Bara ordföranden och justerarna (${[...allowed].join(', ')}) kan godkänna, föreslå ändringar eller skicka tillbaka protokollet.`, 'person');
  }
  if ((input.kind === 'andringsforslag' || input.kind === 'avvisat') && !input.text) throw rule('Skriv vad som ska ändras.', 'text');
  await event(scope, input.meetingId, input.kind, input.person, input.text);
  if (input.kind === 'avvisat') {
    // Back to the sekreterare: unlocked, and signatures already made no longer count.
    await scope.db.updateTable('protokoll').set({ status: 'utkast', updated_at: scope.now.toISOString() }).where('meeting_id', '=', input.meetingId).execute();
    await scope.audit({
      entity: 'protocol',
      entityId: input.meetingId,
      action: 'update',
      before: { status: 'for_justering' },
      after: { status: 'utkast', avvisatAv: input.person, text: input.text },
    });
  }
  return loadProtokoll(scope, input.meetingId);
}

/** The next signer in the kept order signs the protokoll; the last signature makes it justerat and posts the anslag. */
export async function signProtokoll(input: ParsedInput<'protokoll.sign'>, scope: Scope): Promise<MethodResult<'protokoll.sign'>> {
  const row = await requireRow(scope, input.meetingId);
  if (row.status !== 'for_justering' || row.document_id === null) throw rule('Protokollet ska skickas för justering innan det signeras.');
  const before = await loadProtokoll(scope, input.meetingId);
  const next = before.signingOrder.find((s) => !s.signed);
  if (!next) throw rule('Alla har redan signerat protokollet.');
  const { openP12 } = await import('./signing/p12');
  const identity = openP12(Buffer.from(input.credentials.certificateBase64, 'base64'), input.credentials.password, scope.now);
  if (identity.subjectName.toLocaleLowerCase('sv') !== next.name.toLocaleLowerCase('sv')) {
    throw rule(
      `Nu är det ${next.name} (${next.role.toLowerCase()}) som ska signera, men certifikatet tillhör ${identity.subjectName}. Ordningen för underskrifter följs.`,
    );
  }
  const { row: docRow, bytes } = await readDocumentBytes(scope, row.document_id);
  const forbund = await loadForbund(scope);
  const { signPdf } = await import('./signing/pades');
  const signed = await signPdf(bytes, identity, {
    signingTime: scope.now,
    signerName: identity.subjectName,
    role: next.role.replace(/ \d+$/, ''),
    reason: `Justering av protokoll ${before.paragraphs}`,
    location: forbund.city ?? undefined,
    placement: { fieldName: next.role },
    fontBytes: resourceBytes(scope.ctx, 'fonts', 'Carlito-Regular.ttf'),
  });
  const meta = await storeDocument(scope, {
    arendeId: docRow.arende_id,
    fileName: docRow.file_name,
    title: `${docRow.title.replace(/ \(signerat.*\)$/, '')} (signerat av ${before.signingOrder.filter((s) => s.signed).length + 1} av ${before.signingOrder.length})`,
    mimeType: 'application/pdf',
    bytes: Buffer.from(signed),
    signed: true,
    source: SOURCE(input.meetingId),
  });
  if (docRow.signed === 1) {
    await scope.db.updateTable('documents').set({ superseded_by: meta.id }).where('id', '=', docRow.id).where('superseded_by', 'is', null).execute();
  }
  await event(scope, input.meetingId, 'signerat', next.name, next.role);
  const last = before.signingOrder.filter((s) => !s.signed).length === 1;
  const today = formatDate(scope.now);
  await scope.db
    .updateTable('protokoll')
    .set({ document_id: meta.id, status: last ? 'justerat' : 'for_justering', justerat_on: last ? today : null, updated_at: scope.now.toISOString() })
    .where('meeting_id', '=', input.meetingId)
    .execute();
  if (last) {
    await postAnslag(scope, input.meetingId, today);
    await settleArenden(scope, input.meetingId);
  }
  const after = await loadProtokoll(scope, input.meetingId);
  await scope.audit({
    entity: 'protocol',
    entityId: input.meetingId,
    action: 'update',
    before: { status: before.status, signed: before.signingOrder },
    after: { status: after.status, signed: after.signingOrder },
  });
  return after;
}

/**
 * A justerat protokoll settles the diarium: each ärende the board took up at the meeting
 * is beslutat on the meeting day (an information item is avslutat), and the protokoll's
 * own ärende is avslutat. An ärende already beslutat or avslutat (an ansökan decided on
 * the day) or makulerat is left as it is.
 */
async function settleArenden(scope: Scope, meetingId: number): Promise<void> {
  const meeting = await loadMeeting(scope, meetingId);
  const row = await requireRow(scope, meetingId);
  const items = await scope.db.selectFrom('meeting_items').select(['kind', 'arende_id']).where('meeting_id', '=', meetingId).execute();
  const targets = [
    ...items.flatMap((i) =>
      i.arende_id === null ? [] : [{ id: i.arende_id, status: i.kind === 'information' ? ('avslutat' as const) : ('beslutat' as const) }],
    ),
    ...(row.arende_id === null ? [] : [{ id: row.arende_id, status: 'avslutat' as const }]),
  ];
  for (const t of targets) {
    const before = await requireArende(scope, t.id);
    if (before.voided !== null || before.status === 'beslutat' || before.status === 'avslutat') continue;
    await scope.db
      .updateTable('arenden')
      .set({ status: t.status, decided_on: t.status === 'beslutat' ? meeting.heldOn : before.decidedOn, updated_at: scope.now.toISOString() })
      .where('id', '=', t.id)
      .execute();
    await scope.audit({ entity: 'arende', entityId: t.id, action: 'update', before, after: await requireArende(scope, t.id) });
  }
}

/** The anslagsbevis: the notice that the justerat protokoll is posted, with the appeal dates. */
async function postAnslag(scope: Scope, meetingId: number, anslagOn: string): Promise<void> {
  const row = await requireRow(scope, meetingId);
  if (row.justerat_on === null || row.arende_id === null) throw rule('Protokollet är inte justerat ännu.');
  if (anslagOn < row.justerat_on) throw rule(`Anslaget kan inte sättas upp före justeringen (${row.justerat_on}).`, 'anslagOn');
  await scope.db
    .updateTable('protokoll')
    .set({ anslag_on: anslagOn, status: 'anslaget', updated_at: scope.now.toISOString() })
    .where('meeting_id', '=', meetingId)
    .execute();
  const doc = await protokollDoc(scope, meetingId);
  const arende = await requireArende(scope, row.arende_id);
  const { renderAnslagsbevis } = await import('./pdf/protokoll-pdf');
  const { bytes } = await renderAnslagsbevis(scope.ctx, doc, scope.now);
  const meta = await storeDocument(scope, {
    arendeId: row.arende_id,
    fileName: documentFileName(arende.diarienummer, `Anslagsbevis ${doc.meeting.bodyLabel.toLowerCase()} ${doc.meeting.heldOn}`, 'pdf'),
    title: `Anslagsbevis ${doc.meeting.bodyLabel.toLowerCase()} ${doc.meeting.heldOn}`,
    mimeType: 'application/pdf',
    bytes: Buffer.from(bytes),
    source: `anslag:${meetingId}`,
  });
  await scope.db.updateTable('protokoll').set({ anslag_document_id: meta.id }).where('meeting_id', '=', meetingId).execute();
  await event(scope, meetingId, 'anslaget', null, anslagOn);
}

export async function setAnslag(input: ParsedInput<'protokoll.anslag'>, scope: Scope): Promise<MethodResult<'protokoll.anslag'>> {
  const row = await requireRow(scope, input.meetingId);
  if (row.status !== 'justerat' && row.status !== 'anslaget') throw rule('Protokollet är inte justerat ännu.');
  await postAnslag(scope, input.meetingId, input.anslagOn);
  const after = await loadProtokoll(scope, input.meetingId);
  await scope.audit({
    entity: 'protocol',
    entityId: input.meetingId,
    action: 'update',
    before: { anslagOn: row.anslag_on },
    after: { anslagOn: after.anslagOn },
  });
  return after;
}

/** A protokollsutdrag of one §, stored in the protokoll's ärende; it can then be signed (utdragsbestyrkande). */
export async function protokollUtdrag(input: ParsedInput<'protokoll.utdrag'>, scope: Scope): Promise<MethodResult<'protokoll.utdrag'>> {
  const row = await requireRow(scope, input.meetingId);
  if ((row.status !== 'justerat' && row.status !== 'anslaget') || row.arende_id === null) throw rule('Ett protokollsutdrag görs ur det justerade protokollet.');
  const doc = await protokollDoc(scope, input.meetingId);
  const item = doc.protokoll.items.find((i) => i.id === input.itemId);
  if (!item) throw refuse('itemId', 'Paragrafen finns inte i protokollet.', 'NOT_FOUND', 'Okänd paragraf.');
  const { renderUtdrag } = await import('./pdf/protokoll-pdf');
  const { bytes } = await renderUtdrag(scope.ctx, doc, item, scope.now);
  const arende = await requireArende(scope, row.arende_id);
  return storeDocument(scope, {
    arendeId: row.arende_id,
    fileName: documentFileName(arende.diarienummer, `Protokollsutdrag § ${item.paragraph} ${item.title}`, 'pdf'),
    title: `Protokollsutdrag § ${item.paragraph} ${item.title}`,
    mimeType: 'application/pdf',
    bytes: Buffer.from(bytes),
    source: `utdrag:${input.meetingId}:${item.id}`,
  });
}

/** The methods this module serves. */
export const protokollHandlers = handlersFor({
  'protokoll.get': getProtokoll,
  'protokoll.start': startProtokoll,
  'protokoll.save': saveProtokoll,
  'protokoll.send': sendForJustering,
  'protokoll.step': justeringStep,
  'protokoll.sign': signProtokoll,
  'protokoll.anslag': setAnslag,
  'protokoll.utdrag': protokollUtdrag,
});
