import type { Generated, Insertable, Kysely } from 'kysely';
import type { KansliTables } from '../../db/schema';
import type { AuditEntity } from '../../shared/contract/schemas/audit';
import type { Scope } from './context';

/** The register tables: an id of their own, and when each row was made and last changed. */
type Stamped = { id: Generated<number>; created_at: string; updated_at: string };
export type RegisterTable = { [T in keyof KansliTables]: KansliTables[T] extends Stamped ? T : never }[keyof KansliTables];

/** A row's own columns, as the service writes them on both create and update. */
export type RowValues<T extends RegisterTable> = Omit<Insertable<KansliTables[T]>, 'id' | 'created_at' | 'updated_at'>;

export interface RecordSave<T extends RegisterTable, V, C extends keyof RowValues<T>> {
  table: T;
  entity: AuditEntity;
  /** The record as it was, or null for a new one. */
  before: (V & { id: number }) | null;
  values: Omit<RowValues<T>, C>;
  /** Columns written only when the record is made (a position, the ärende it was registered as …). */
  createValues?: Pick<RowValues<T>, C>;
  /** The rows that belong to the record (its members, years, populations …), written once its id is known. */
  children?: (id: number, isNew: boolean) => Promise<void>;
  /** The record as the API shows it. */
  load: (id: number) => Promise<V>;
}

/**
 * The one way a register record is saved: insert or update its row with the time stamps,
 * write what belongs to it, read it back as the API shows it, and log the change (an
 * update that changes nothing is not logged). Runs inside the call's transaction.
 */
export async function saveRecord<T extends RegisterTable, V, C extends keyof RowValues<T> = never>(scope: Scope, record: RecordSave<T, V, C>): Promise<V> {
  const at = scope.now.toISOString();
  // Kysely cannot follow a table chosen by a type parameter; RegisterTable is what makes
  // the id and stamp columns below exist, and RowValues<T> typed the values at the call.
  const db = scope.db as unknown as Kysely<Record<string, { id: Generated<number>; created_at: string; updated_at: string }>>;
  const table: string = record.table;
  let id: number;
  if (record.before === null) {
    const row = await db
      .insertInto(table)
      .values({ ...record.values, ...record.createValues, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    id = record.before.id;
    await db
      .updateTable(table)
      .set({ ...record.values, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
  await record.children?.(id, record.before === null);
  const after = await record.load(id);
  await scope.audit({ entity: record.entity, entityId: id, action: record.before === null ? 'create' : 'update', before: record.before, after });
  return after;
}

/**
 * Logs an update of some of a record's fields: the named fields as they were and as they
 * are now (the record read before the write and after it). Nothing is logged when none
 * of them changed.
 */
export async function logFieldChange<R extends object, K extends keyof R & string>(
  scope: Scope,
  entity: AuditEntity,
  entityId: number,
  records: { before: R; after: R },
  fields: readonly K[],
): Promise<void> {
  const pick = (r: R) => Object.fromEntries(fields.map((f) => [f, r[f]]));
  await scope.audit({ entity, entityId, action: 'update', before: pick(records.before), after: pick(records.after) });
}
