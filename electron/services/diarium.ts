import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import type { ArendenTable, KansliTables } from '../../db/schema';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import {
  ARENDE_STATUS_LABELS,
  type Arende,
  type ArendeListItem,
  type ArendeStatus,
  type DocumentMeta,
  type LinkKind,
  type RecordLink,
} from '../../shared/contract/schemas/diarium';
import { DEFAULT_DIARY_FORMAT, formatDiarienummer, parseDiarienummer } from '../../shared/domain/diarienummer';
import type { DocumentsTable } from '../../db/schema';
import type { Scope } from './context';
import { refuse } from './refuse';
import { handlersFor } from './handler';

// ---------------------------------------------------------------------------
// Shared by the diarium, documents and links services.

/** An ärende as stored. */
type ArendeRow = Selectable<ArendenTable>;

/** The förbund's diarienummer template, e.g. "{ÅÅÅÅ}/{NNN}". */
export async function diaryFormat(scope: Scope): Promise<string> {
  const row = await scope.db.selectFrom('forbund').select('diary_format').where('id', '=', 1).executeTakeFirst();
  return row?.diary_format ?? DEFAULT_DIARY_FORMAT;
}

/** "{ÅÅÅÅ}/{NNN}" → "ÅÅÅÅ/NNN": the template as a person reads it. */
export function readableFormat(format: string): string {
  return format.replace(/\{(ÅÅÅÅ|ÅÅ|N+)\}/g, '$1');
}

/** The next number in a year's series: one above the highest ever taken (voided ones included). */
export async function nextSeq(scope: Scope, year: number): Promise<number> {
  const series = await scope.db.selectFrom('diary_series').select('last_number').where('year', '=', year).executeTakeFirst();
  return (series?.last_number ?? 0) + 1;
}

export function toDocumentMeta(
  row: Pick<
    DocumentsTable,
    'arende_id' | 'title' | 'file_name' | 'mime_type' | 'size' | 'sha256' | 'storage' | 'added_at' | 'added_by' | 'superseded_by' | 'source'
  > & {
    id: number;
    signed: number;
  },
): DocumentMeta {
  return {
    id: row.id,
    arendeId: row.arende_id,
    title: row.title,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: row.size,
    sha256: row.sha256,
    storage: row.storage,
    addedAt: row.added_at,
    addedBy: row.added_by,
    signed: row.signed === 1,
    supersededBy: row.superseded_by,
    source: row.source,
  };
}

const DOCUMENT_META_COLUMNS = [
  'id',
  'arende_id',
  'title',
  'file_name',
  'mime_type',
  'size',
  'sha256',
  'storage',
  'added_at',
  'added_by',
  'signed',
  'superseded_by',
  'source',
] as const;

export async function loadDocumentMeta(scope: Scope, id: number): Promise<DocumentMeta | null> {
  const row = await scope.db.selectFrom('documents').select(DOCUMENT_META_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toDocumentMeta(row) : null;
}

/** "2018/007 Lokussamordnare Älvkarleby", with "(makulerat)" when voided. */
export function arendeLabel(row: { diarienummer: string; title: string; voided_at: string | null }): string {
  return `${row.diarienummer} ${row.title}${row.voided_at !== null ? ' (makulerat)' : ''}`;
}

/**
 * What a link target is called now, e.g. "Person: Eva Lind", or null when the
 * record does not exist (any more).
 */
export async function linkTargetLabel(scope: Scope, kind: LinkKind, id: number): Promise<string | null> {
  switch (kind) {
    case 'arende': {
      const row = await scope.db.selectFrom('arenden').select(['diarienummer', 'title', 'voided_at']).where('id', '=', id).executeTakeFirst();
      return row ? arendeLabel(row) : null;
    }
    case 'person': {
      const row = await scope.db.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst();
      return row ? `Person: ${row.name}` : null;
    }
    case 'member': {
      const row = await scope.db.selectFrom('members').select('name').where('id', '=', id).executeTakeFirst();
      return row ? `Medlem: ${row.name}` : null;
    }
    case 'group': {
      const row = await scope.db.selectFrom('groups').select('name').where('id', '=', id).executeTakeFirst();
      return row ? `Grupp: ${row.name}` : null;
    }
    case 'delegation_decision': {
      const row = await scope.db.selectFrom('delegation_decisions').select('title').where('id', '=', id).executeTakeFirst();
      return row ? `Delegationsbeslut: ${row.title}` : null;
    }
  }
}

/** A removed target still shows, named by what it was. */
function missingLabel(kind: LinkKind, id: number): string {
  const what: Record<LinkKind, string> = {
    arende: 'Ärende',
    person: 'Person',
    member: 'Medlem',
    group: 'Grupp',
    delegation_decision: 'Delegationsbeslut',
  };
  return `${what[kind]} (id ${id}) finns inte längre`;
}

/**
 * The links of an ärende, both ways, seen from the ärende: outgoing ones as stored;
 * incoming ones (another ärende linking here) turned around, so that targetKind,
 * targetId and targetLabel always name the other end and `incoming` says who made it.
 */
export async function loadLinks(scope: Scope, arendeId: number): Promise<RecordLink[]> {
  const outgoing = await scope.db
    .selectFrom('record_links')
    .select(['id', 'arende_id', 'target_kind', 'target_id', 'note'])
    .where('arende_id', '=', arendeId)
    .orderBy('id')
    .execute();
  const incoming = await scope.db
    .selectFrom('record_links')
    .select(['id', 'arende_id', 'note'])
    .where('target_kind', '=', 'arende')
    .where('target_id', '=', arendeId)
    .orderBy('id')
    .execute();
  const links: RecordLink[] = [];
  for (const l of outgoing) {
    links.push({
      id: l.id,
      arendeId,
      targetKind: l.target_kind,
      targetId: l.target_id,
      targetLabel: (await linkTargetLabel(scope, l.target_kind, l.target_id)) ?? missingLabel(l.target_kind, l.target_id),
      note: l.note,
      incoming: false,
    });
  }
  for (const l of incoming) {
    links.push({
      id: l.id,
      arendeId,
      targetKind: 'arende',
      targetId: l.arende_id,
      targetLabel: (await linkTargetLabel(scope, 'arende', l.arende_id)) ?? missingLabel('arende', l.arende_id),
      note: l.note,
      incoming: true,
    });
  }
  return links;
}

function toListItem(row: ArendeRow, documentCount: number): ArendeListItem {
  return {
    id: row.id,
    diarienummer: row.diarienummer,
    year: row.year,
    seq: row.seq,
    title: row.title,
    kind: row.kind,
    status: row.status,
    receivedOn: row.received_on,
    decidedOn: row.decided_on,
    handlaggare: row.handlaggare,
    voided: row.voided_at !== null && row.voided_reason !== null ? { at: row.voided_at, by: row.voided_by ?? '', reason: row.voided_reason } : null,
    documentCount,
  };
}

export async function loadArende(scope: Scope, id: number): Promise<Arende | null> {
  const row = await scope.db.selectFrom('arenden').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const documents = (await scope.db.selectFrom('documents').select(DOCUMENT_META_COLUMNS).where('arende_id', '=', id).orderBy('id').execute()).map(
    toDocumentMeta,
  );
  return {
    ...toListItem(row, documents.length),
    description: row.description,
    documents,
    links: await loadLinks(scope, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function requireArende(scope: Scope, id: number, path = 'id'): Promise<Arende> {
  const arende = await loadArende(scope, id);
  if (!arende) {
    throw refuse(path, `Ärendet finns inte (id ${id}).`, 'NOT_FOUND', 'Ärendet finns inte.');
  }
  return arende;
}

/** What another record shows of its ärende: number, kind, title, and whether it is makulerat. */
export interface ArendeHead {
  id: number;
  diarienummer: string;
  kind: Arende['kind'];
  title: string;
  voided: string | null;
}

/** The ärende's head only, without its documents and links (one short query). */
export async function requireArendeHead(scope: Scope, id: number, path = 'id'): Promise<ArendeHead> {
  const row = await scope.db.selectFrom('arenden').select(['id', 'diarienummer', 'kind', 'title', 'voided_at']).where('id', '=', id).executeTakeFirst();
  if (!row) throw refuse(path, `Ärendet finns inte (id ${id}).`, 'NOT_FOUND', 'Ärendet finns inte.');
  return { id: row.id, diarienummer: row.diarienummer, kind: row.kind, title: row.title, voided: row.voided_at };
}

/** A makulerat ärende stays as it was: no edits, documents or links. */
export function refuseIfVoided(arende: { diarienummer: string; voided: object | string | null }, what: string, path = 'id'): void {
  if (arende.voided !== null) {
    const message = `Ärende ${arende.diarienummer} är makulerat och ${what}.`;
    throw refuse(path, message, 'RULE');
  }
}

// ---------------------------------------------------------------------------
// Methods.

/** Every ärende with how many handlingar it holds (document_count). */
export function arendenWithDocumentCount(scope: Pick<Scope, 'db'>) {
  return scope.db
    .selectFrom('arenden as a')
    .selectAll('a')
    .select((eb) =>
      eb
        .selectFrom('documents as d')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('d.arende_id', '=', 'a.id')
        .as('document_count'),
    );
}

/** The diarium's filter (year, status, kind, makulerade) as a condition on `arenden as a`. */
function arendeFilter(filter: ParsedInput<'arenden.list'>) {
  return (eb: ExpressionBuilder<KansliTables & { a: ArendenTable }, 'a'>) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.year !== undefined) conditions.push(eb('a.year', '=', filter.year));
    if (filter.status !== undefined) conditions.push(eb('a.status', '=', filter.status));
    if (filter.kind !== undefined) conditions.push(eb('a.kind', '=', filter.kind));
    if (!filter.includeVoided) conditions.push(eb('a.voided_at', 'is', null));
    return eb.and(conditions);
  };
}

export async function listArenden(input: ParsedInput<'arenden.list'>, scope: Scope): Promise<MethodResult<'arenden.list'>> {
  const rows = await arendenWithDocumentCount(scope).where(arendeFilter(input)).orderBy('a.year', 'desc').orderBy('a.seq', 'desc').execute();
  return rows.map((r) => toListItem(r, Number(r.document_count ?? 0)));
}

/** One page of the diarium: the rows of the page (with their handlingar counted), the total and the years. */
export async function pageArenden(input: ParsedInput<'arenden.page'>, scope: Scope): Promise<MethodResult<'arenden.page'>> {
  const rows = await arendenWithDocumentCount(scope)
    .where(arendeFilter(input))
    .orderBy('a.year', 'desc')
    .orderBy('a.seq', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const total = await scope.db
    .selectFrom('arenden as a')
    .where(arendeFilter(input))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const years = await scope.db.selectFrom('arenden').select('year').distinct().orderBy('year', 'desc').execute();
  return {
    rows: rows.map((r) => toListItem(r, Number(r.document_count ?? 0))),
    total: Number(total.n),
    offset: input.offset,
    years: years.map((y) => y.year),
  };
}

export async function getArende(input: ParsedInput<'arenden.get'>, scope: Scope): Promise<MethodResult<'arenden.get'>> {
  return requireArende(scope, input.id);
}

export async function nextArendeNumber(input: ParsedInput<'arenden.nextNumber'>, scope: Scope): Promise<MethodResult<'arenden.nextNumber'>> {
  const format = await diaryFormat(scope);
  return { diarienummer: formatDiarienummer(format, input.year, await nextSeq(scope, input.year)) };
}

/**
 * The year's series continues from `next`: the numbers before it count as taken (by the
 * register kept before Kansli), so none is handed out twice; the series never goes back.
 */
export async function startSeries(input: ParsedInput<'arenden.startSeries'>, scope: Scope): Promise<MethodResult<'arenden.startSeries'>> {
  const format = await diaryFormat(scope);
  const current = await nextSeq(scope, input.year);
  if (input.next < current)
    throw refuse(
      'next',
      `${formatDiarienummer(format, input.year, current - 1)} är redan taget; nästa diarienummer kan inte vara lägre än ${formatDiarienummer(format, input.year, current)}.`,
    );
  if (input.next === current) return { diarienummer: formatDiarienummer(format, input.year, current) };
  await scope.db
    .insertInto('diary_series')
    .values({ year: input.year, last_number: input.next - 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_number: input.next - 1 }))
    .execute();
  await scope.audit({
    entity: 'diary_series',
    entityId: input.year,
    action: 'update',
    before: { year: input.year, nextNumber: formatDiarienummer(format, input.year, current) },
    after: { year: input.year, nextNumber: formatDiarienummer(format, input.year, input.next) },
  });
  return { diarienummer: formatDiarienummer(format, input.year, input.next) };
}

function yearOf(date: string | null): number | null {
  return date === null ? null : Number(date.slice(0, 4));
}

export type NewArendeFields = Pick<Arende, 'title' | 'kind' | 'status' | 'receivedOn' | 'decidedOn' | 'handlaggare' | 'description'>;

/**
 * Registers a new ärende with the next number in `year`'s series and returns its id.
 * Also for other services that open an ärende (e.g. a delegationsbeslut); the caller audits.
 */
export async function registerArende(scope: Scope, year: number, fields: NewArendeFields): Promise<{ id: number; diarienummer: string }> {
  const seq = await nextSeq(scope, year);
  const diarienummer = formatDiarienummer(await diaryFormat(scope), year, seq);
  const id = await insertArende(scope, year, seq, diarienummer, fields);
  return { id, diarienummer };
}

/**
 * Registers an ärende afterwards with the number it already has (e.g. from the old
 * register): the text must follow the förbund's format and the number must be free,
 * makulerade included. Stored the förbund's way ("2018/12" → "2018/012"); the series
 * trigger moves the year's counter past it. The caller audits.
 */
export async function registerNumberedArende(
  scope: Scope,
  text: string,
  expectedYear: number | null,
  fields: NewArendeFields,
): Promise<{ id: number; diarienummer: string }> {
  const format = await diaryFormat(scope);
  const parsed = parseDiarienummer(format, text);
  if (parsed === null) {
    const example = formatDiarienummer(format, expectedYear ?? scope.now.getFullYear(), 12);
    const message = `Diarienumret ”${text}” följer inte förbundets format ${readableFormat(format)} (t.ex. ${example}).`;
    throw refuse('diarienummer', message, 'VALIDATION');
  }
  if (expectedYear !== null && expectedYear !== parsed.year) {
    const message = `Året ${expectedYear} stämmer inte med diarienumret ${text}.`;
    throw refuse('year', message, 'VALIDATION');
  }
  const diarienummer = formatDiarienummer(format, parsed.year, parsed.seq);
  const id = await insertArende(scope, parsed.year, parsed.seq, diarienummer, fields);
  return { id, diarienummer };
}

async function insertArende(scope: Scope, year: number, seq: number, diarienummer: string, f: NewArendeFields): Promise<number> {
  const taken = await scope.db
    .selectFrom('arenden')
    .select(['diarienummer', 'title'])
    .where((eb) => eb.or([eb('diarienummer', '=', diarienummer), eb.and([eb('year', '=', year), eb('seq', '=', seq)])]))
    .executeTakeFirst();
  if (taken) {
    const message = `Diarienummer ${taken.diarienummer} finns redan (”${taken.title}”).`;
    throw refuse('diarienummer', message, 'CONFLICT');
  }
  const at = scope.now.toISOString();
  const row = await scope.db
    .insertInto('arenden')
    .values({
      year,
      seq,
      diarienummer,
      title: f.title,
      kind: f.kind,
      status: f.status,
      received_on: f.receivedOn,
      decided_on: f.decidedOn,
      handlaggare: f.handlaggare,
      description: f.description,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function saveArende(input: ParsedInput<'arenden.save'>, scope: Scope): Promise<MethodResult<'arenden.save'>> {
  const fields: NewArendeFields = {
    title: input.title,
    kind: input.kind,
    status: input.status,
    receivedOn: input.receivedOn,
    decidedOn: input.decidedOn,
    handlaggare: input.handlaggare,
    description: input.description,
  };

  if (input.id !== undefined) {
    const before = await requireArende(scope, input.id);
    refuseIfVoided(before, 'kan inte ändras');
    if (input.year !== undefined && input.year !== before.year) {
      const message = `Ärendets år kan inte ändras: ${before.diarienummer} hör till serien för ${before.year}.`;
      throw refuse('year', message, 'VALIDATION');
    }
    await scope.db
      .updateTable('arenden')
      .set({
        title: fields.title,
        kind: fields.kind,
        status: fields.status,
        received_on: fields.receivedOn,
        decided_on: fields.decidedOn,
        handlaggare: fields.handlaggare,
        description: fields.description,
        updated_at: scope.now.toISOString(),
      })
      .where('id', '=', before.id)
      .execute();
    const after = await requireArende(scope, before.id);
    await scope.audit({ entity: 'arende', entityId: before.id, action: 'update', before, after });
    return after;
  }

  const id =
    input.diarienummer !== null
      ? (await registerNumberedArende(scope, input.diarienummer, input.year ?? null, fields)).id
      : (await registerArende(scope, input.year ?? yearOf(input.receivedOn) ?? scope.now.getFullYear(), fields)).id;
  const after = await requireArende(scope, id);
  await scope.audit({ entity: 'arende', entityId: id, action: 'create', before: null, after });
  return after;
}

export async function voidArende(input: ParsedInput<'arenden.void'>, scope: Scope): Promise<MethodResult<'arenden.void'>> {
  const before = await requireArende(scope, input.id);
  refuseIfVoided(before, 'kan inte makuleras igen');
  const at = scope.now.toISOString();
  await scope.db
    .updateTable('arenden')
    .set({ voided_at: at, voided_by: scope.actor, voided_reason: input.reason, updated_at: at })
    .where('id', '=', before.id)
    .execute();
  const after = await requireArende(scope, before.id);
  await scope.audit({ entity: 'arende', entityId: before.id, action: 'update', before, after });
  return after;
}

/** "2018/012 · Beslutat", with " · makulerat" when voided (search subtitles). */
export function arendeSubtitle(row: { diarienummer: string; status: ArendeStatus; voided_at: string | null }): string {
  return `${row.diarienummer} · ${ARENDE_STATUS_LABELS[row.status]}${row.voided_at !== null ? ' · makulerat' : ''}`;
}

/** The methods this module serves. */
export const diariumHandlers = handlersFor({
  'arenden.list': listArenden,
  'arenden.page': pageArenden,
  'arenden.get': getArende,
  'arenden.nextNumber': nextArendeNumber,
  'arenden.startSeries': startSeries,
  'arenden.save': saveArende,
  'arenden.void': voidArende,
});
