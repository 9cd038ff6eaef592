import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, KansliTables } from '../../db/schema';
import { auditFieldLabel, camel, codeWord, isHiddenField } from '../../shared/contract/audit-fields';
import { AUDIT_ENTITY_LABELS, type AuditChange, type AuditEntryView } from '../../shared/contract/schemas/audit';
import { BODY_LABELS } from '../../shared/contract/schemas/meetings';
import { POST_INFO, type BudgetPost } from '../../shared/domain/budget-posts';
import { formatBytes, formatDateTime, formatInteger, formatKr, formatOre, formatPercent } from '../../shared/format/sv';

/**
 * The Granskningslogg in Swedish: each entry's kind of record, its name, and field by
 * field what changed, with ids read as the names they stand for (a member, a person,
 * an ärende), amounts in kronor, codes as words and lists as lists, never as JSON.
 */

export interface RawChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** An audit_log row as read (the hashes too). */
export type AuditRowForView = Omit<Selectable<AuditLogTable>, 'prev_hash'>;

/** Flattens a JSON value to dotted fields; arrays are kept whole. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix || 'värde', value);
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function fieldsOf(json: string | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (json !== null) flatten(parseJson(json), '', out);
  return out;
}

/** Field by field what an entry changed, leaving out the fields that are views of others; for create and delete every field. */
export function auditChanges(beforeJson: string | null, afterJson: string | null): RawChange[] {
  const before = fieldsOf(beforeJson);
  const after = fieldsOf(afterJson);
  const changes: RawChange[] = [];
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    if (isHiddenField(field)) continue;
    const b = before.get(field) ?? null;
    const a = after.get(field) ?? null;
    if (beforeJson !== null && afterJson !== null && JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({ field, before: b, after: a });
  }
  return changes;
}

// ——— Ids as names ———

type RefTable =
  'member' | 'person' | 'arende' | 'insats' | 'document' | 'period' | 'delegation' | 'meeting' | 'risk' | 'occasion' | 'item' | 'arendeblad' | 'decision';

/** Which register an id field points into, by the field's last part. */
const REFERENCES: Record<string, RefTable> = {
  memberId: 'member',
  ownerMemberId: 'member',
  personId: 'person',
  arendeId: 'arende',
  insatsId: 'insats',
  documentId: 'document',
  anslagDocumentId: 'document',
  supersededBy: 'document',
  periodId: 'period',
  delegationId: 'delegation',
  meetingId: 'meeting',
  riskId: 'risk',
  previousId: 'risk',
  occasionId: 'occasion',
  itemId: 'item',
  arendebladId: 'arendeblad',
  delegationDecisionId: 'decision',
};

function referenceOf(field: string): RefTable | null {
  const parts = field.split('.');
  if (parts[0] === 'shares' && parts.length === 2) return null;
  return REFERENCES[camel(parts.at(-1) ?? '')] ?? null;
}

type Names = Map<RefTable, Map<number, string>>;

async function loadNames(db: Kysely<KansliTables>, wanted: Map<RefTable, Set<number>>): Promise<Names> {
  const names: Names = new Map();
  const put = (table: RefTable, rows: { id: number; text: string }[]) => names.set(table, new Map(rows.map((r) => [r.id, r.text])));
  const ids = (t: RefTable) => [...(wanted.get(t) ?? [])];
  const has = (t: RefTable) => (wanted.get(t)?.size ?? 0) > 0;
  if (has('member'))
    put(
      'member',
      (await db.selectFrom('members').select(['id', 'name']).where('id', 'in', ids('member')).execute()).map((r) => ({ id: r.id, text: r.name })),
    );
  if (has('person'))
    put(
      'person',
      (await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids('person')).execute()).map((r) => ({ id: r.id, text: r.name })),
    );
  if (has('arende')) {
    const rows = await db.selectFrom('arenden').select(['id', 'diarienummer', 'title']).where('id', 'in', ids('arende')).execute();
    put(
      'arende',
      rows.map((r) => ({ id: r.id, text: `${r.diarienummer} ${r.title}` })),
    );
  }
  if (has('insats'))
    put(
      'insats',
      (await db.selectFrom('insatser').select(['id', 'name']).where('id', 'in', ids('insats')).execute()).map((r) => ({ id: r.id, text: r.name })),
    );
  if (has('document'))
    put(
      'document',
      (await db.selectFrom('documents').select(['id', 'title']).where('id', 'in', ids('document')).execute()).map((r) => ({ id: r.id, text: r.title })),
    );
  if (has('period')) {
    const rows = await db.selectFrom('mandate_periods').select(['id', 'label', 'starts_on', 'ends_on']).where('id', 'in', ids('period')).execute();
    put(
      'period',
      rows.map((r) => ({ id: r.id, text: r.label ?? `${r.starts_on}–${r.ends_on}` })),
    );
  }
  if (has('delegation')) {
    const rows = await db.selectFrom('delegations').select(['id', 'code', 'matter']).where('id', 'in', ids('delegation')).execute();
    put(
      'delegation',
      rows.map((r) => ({ id: r.id, text: `${r.code} ${r.matter}` })),
    );
  }
  if (has('meeting')) {
    const rows = await db.selectFrom('meetings').select(['id', 'body', 'held_on']).where('id', 'in', ids('meeting')).execute();
    put(
      'meeting',
      rows.map((r) => ({ id: r.id, text: `${BODY_LABELS[r.body]} ${r.held_on}` })),
    );
  }
  if (has('risk'))
    put(
      'risk',
      (await db.selectFrom('risks').select(['id', 'code', 'title']).where('id', 'in', ids('risk')).execute()).map((r) => ({
        id: r.id,
        text: `${r.code} ${r.title}`,
      })),
    );
  if (has('occasion'))
    put(
      'occasion',
      (await db.selectFrom('control_occasions').select(['id', 'label']).where('id', 'in', ids('occasion')).execute()).map((r) => ({ id: r.id, text: r.label })),
    );
  if (has('item'))
    put(
      'item',
      (await db.selectFrom('occasion_items').select(['id', 'text']).where('id', 'in', ids('item')).execute()).map((r) => ({ id: r.id, text: r.text })),
    );
  if (has('arendeblad'))
    put(
      'arendeblad',
      (await db.selectFrom('arendeblad').select(['id', 'rubrik']).where('id', 'in', ids('arendeblad')).execute()).map((r) => ({ id: r.id, text: r.rubrik })),
    );
  if (has('decision'))
    put(
      'decision',
      (await db.selectFrom('delegation_decisions').select(['id', 'title']).where('id', 'in', ids('decision')).execute()).map((r) => ({
        id: r.id,
        text: r.title,
      })),
    );
  return names;
}

// ——— Values as words ———

const NAME_KEYS = ['name', 'title', 'rubrik', 'heading', 'label', 'text', 'displayName'];

class Words {
  constructor(
    private readonly entity: string,
    private readonly names: Names,
  ) {}

  private ref(table: RefTable, id: unknown): string | null {
    if (typeof id !== 'number') return null;
    return this.names.get(table)?.get(id) ?? `nr ${id} (finns inte längre)`;
  }

  /** One value of `field` in words; null for nothing at all. */
  value(field: string, value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    const last = camel(field.split('.').at(-1) ?? field);
    const table = referenceOf(field);
    if (table) return this.ref(table, value);
    if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
    if (Array.isArray(value)) return this.list(field, value);
    if (typeof value === 'number') return this.number(field, last, value);
    if (typeof value === 'string') {
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(new Date(value));
      return codeWord(this.entity, field, value) ?? value;
    }
    return this.object(value as Record<string, unknown>);
  }

  private number(field: string, last: string, n: number): string {
    if (field.startsWith('shares.') || /Kr$/.test(last)) return formatKr(n);
    if (/Ore$/.test(last)) return formatOre(n);
    if (/Permille$/.test(last)) return formatPercent(n / 1000);
    if (last === 'size') return formatBytes(n);
    if (last === 'year' || last === 'from' || last === 'openingYear' || last === 'populationYear' || last === 'seq' || last === 'version') return String(n);
    return formatInteger(n);
  }

  private list(field: string, items: unknown[]): string | null {
    if (items.length === 0) return null;
    return items
      .map((item) => (typeof item === 'object' && item !== null ? this.object(item as Record<string, unknown>) : (this.value(field, item) ?? '–')))
      .join('; ');
  }

  /** An object in a list, by what names it: a budget line as "Förtroendevalda 400 000 kr", an attendee by name. */
  private object(o: Record<string, unknown>): string {
    const post = typeof o.post === 'string' ? (POST_INFO[o.post as BudgetPost]?.label ?? o.post) : null;
    if (post !== null && typeof o.amountKr === 'number') return `${post} ${formatKr(o.amountKr)}`;
    if (post !== null && typeof o.sumOre === 'number') return `${post} ${this.number('sumOre', 'sumOre', o.sumOre)}`;
    if (typeof o.year === 'number' && typeof o.soughtKr === 'number') return `${o.year}: ${formatKr(o.soughtKr)}`;
    const named = NAME_KEYS.map((k) => o[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (named !== undefined) return named;
    if (typeof o.memberId === 'number') return this.ref('member', o.memberId) ?? '';
    if (typeof o.personId === 'number') return this.ref('person', o.personId) ?? '';
    return Object.entries(o)
      .filter(([k, v]) => v !== null && v !== '' && !isHiddenField(k))
      .map(([k, v]) => `${auditFieldLabel(this.entity, k)}: ${this.value(k, v) ?? '–'}`)
      .join(', ');
  }
}

/** Ids the values of these changes point at, by register, also inside lists. */
function collectIds(changes: RawChange[], into: Map<RefTable, Set<number>>): void {
  const add = (t: RefTable, v: unknown) => {
    if (typeof v === 'number') (into.get(t) ?? into.set(t, new Set()).get(t)!).add(v);
  };
  const visit = (field: string, v: unknown) => {
    const t = referenceOf(field);
    if (t) add(t, v);
    else if (Array.isArray(v)) for (const item of v) if (typeof item === 'object' && item !== null) for (const [k, x] of Object.entries(item)) visit(k, x);
  };
  for (const c of changes) {
    visit(c.field, c.before);
    visit(c.field, c.after);
    if (c.field.startsWith('shares.')) add('member', Number(c.field.slice('shares.'.length)));
  }
}

/** The record's own name as the entry tells it: its name, title, rubrik, diarienummer … */
function recordNameOf(entity: string, fields: Map<string, unknown>, words: Words): string | null {
  const text = (k: string) => {
    const v = fields.get(k);
    return typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null;
  };
  if (entity === 'arende' && text('diarienummer')) return [text('diarienummer'), text('title')].filter(Boolean).join(' ');
  if (entity === 'board_appointment' && text('person.name'))
    return `${text('person.name')}, ${words.value('seat', fields.get('seat')) ?? ''}`.replace(/, $/, '');
  for (const k of [
    'displayName',
    'name',
    'rubrik',
    'title',
    'targetLabel',
    'label',
    'moment',
    'matt',
    'konto',
    'avsnitt',
    'fileName',
    'diarienummer',
    'code',
  ]) {
    const v = text(k);
    if (v) return v;
  }
  const insats = fields.get('insats_id') ?? fields.get('insatsId');
  if (typeof insats === 'number') return words.value('insatsId', insats);
  const year = text('year');
  return year ? `År ${year}` : null;
}

/** "memberName" beside "memberId": the name the id already reads as, so shown once. */
function namesItsId(field: string, fields: Map<string, unknown>): boolean {
  return field.endsWith('Name') && fields.has(`${field.slice(0, -'Name'.length)}Id`);
}

/** Entries as the Granskningslogg shows them. */
export async function describeEntries(db: Kysely<KansliTables>, rows: AuditRowForView[]): Promise<AuditEntryView[]> {
  const raw = rows.map((r) => auditChanges(r.before_json, r.after_json));
  // Every id either side of every entry names (also those that did not change: the record's own insats).
  const wanted = new Map<RefTable, Set<number>>();
  for (const r of rows) {
    for (const json of [r.before_json, r.after_json])
      collectIds(
        [...fieldsOf(json)].map(([field, v]) => ({ field, before: v, after: null })),
        wanted,
      );
  }
  const names = await loadNames(db, wanted);
  return rows.map((row, i) => {
    const words = new Words(row.entity, names);
    const fields = new Map([...fieldsOf(row.before_json), ...fieldsOf(row.after_json)]);
    const changes: AuditChange[] = raw[i]!.filter((c) => !namesItsId(c.field, fields)).map((c) => ({
      ...c,
      label: c.field.startsWith('shares.') ? `Andel › ${words.value('memberId', Number(c.field.slice(7))) ?? c.field}` : auditFieldLabel(row.entity, c.field),
      beforeText: words.value(c.field, c.before),
      afterText: words.value(c.field, c.after),
    }));
    return {
      id: row.id,
      at: row.at,
      actor: row.actor,
      method: row.method,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      changes,
      hash: row.hash,
      entityLabel: (AUDIT_ENTITY_LABELS as Record<string, string>)[row.entity] ?? row.entity,
      recordName: recordNameOf(row.entity, fields, words),
    };
  });
}
