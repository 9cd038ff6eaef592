import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { KansliError } from '../shared/contract/errors';
import type { KansliDb } from './open';
import type { KansliTables } from './schema';

/**
 * Copies a whole Kansli database from one engine to the other (a file to a server and
 * back, issue 18): every table row for row, the documents with their bytes, the audit
 * log as it is (its chain is not re-computed, so it still verifies), then reads the
 * target back and compares every table's row count and checksum with the source's.
 *
 * The target's rules (frozen signed documents, closed years, the append-only log) are
 * set aside while the copy is written, in the one transaction that writes it: they
 * guard changes, and a copy changes nothing. Derived tables (the monthly utfall sums,
 * the search index) are copied as they are and compared like the rest.
 */

/** One table's rows and a SHA-256 over them, the same on either engine. */
export interface TableFigures {
  table: string;
  rows: number;
  sha256: string;
}

export interface CopyResult {
  tables: TableFigures[];
  /** Documents that lay as files beside the source file and now lie in the target database. */
  documentsMovedIn: number;
}

interface CopyOptions {
  onProgress?: (p: { step: string; done: number; total: number }) => void;
}

/** The rows a new database has before anyone used it (its identity, the backup settings, its applied steps): replaced by the source's, not refused. */
const FRESH_TABLES = new Set(['kansli_meta', 'backup_settings', 'schema_migrations']);
/** Rows kept out of the checksum: the row that marks a server database as Kansli's is the target's own. */
const SERVER_ONLY_META = "key <> 'application'";
const BATCH_PARAMETERS = 30_000;

type Row = Record<string, unknown>;
interface TableShape {
  name: string;
  columns: string[];
  /** The columns that order its rows the same way on both engines (the primary key). */
  order: string[];
}

async function sqliteTables(db: Kysely<KansliTables>): Promise<TableShape[]> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'search\\_index\\_%' ESCAPE '\\'
    ORDER BY name`.execute(db);
  const shapes: TableShape[] = [];
  for (const { name } of tables.rows) {
    if (name === 'search_index') {
      shapes.push({ name, columns: ['rowid', 'title', 'body'], order: ['rowid'] });
      continue;
    }
    const info = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${name})`.execute(db);
    const pk = info.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    shapes.push({ name, columns: info.rows.map((c) => c.name), order: pk.map((c) => c.name) });
  }
  return shapes;
}

async function postgresTables(db: Kysely<KansliTables>): Promise<TableShape[]> {
  const columns = await sql<{ table: string; column: string }>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_generated = 'NEVER'
    ORDER BY table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    SELECT tc.table_name AS table, kcu.column_name AS column
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
    ORDER BY tc.table_name, kcu.ordinal_position`.execute(db);
  const byTable = new Map<string, TableShape>();
  for (const c of columns.rows) {
    const shape = byTable.get(c.table) ?? { name: c.table, columns: [], order: [] };
    shape.columns.push(c.column);
    byTable.set(c.table, shape);
  }
  for (const k of keys.rows) byTable.get(k.table)?.order.push(k.column);
  return [...byTable.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

type Engine = KansliDb['engine'];

function shapesOf(engine: Engine, db: Kysely<KansliTables>): Promise<TableShape[]> {
  return engine === 'sqlite' ? sqliteTables(db) : postgresTables(db);
}

const ref = (column: string) => sql.ref(column);
const list = (columns: string[]) => sql.join(columns.map(ref));

/** Every table's rows in primary-key order, a batch at a time. */
async function* readRows(db: Kysely<KansliTables>, shape: TableShape, columns: string[]): AsyncGenerator<Row[]> {
  const where = shape.name === 'kansli_meta' ? sql.raw(`WHERE ${SERVER_ONLY_META}`) : sql``;
  const size = 500;
  for (let offset = 0; ; offset += size) {
    const rows = (
      await sql<Row>`SELECT ${list(columns)} FROM ${sql.table(shape.name)} ${where} ORDER BY ${list(shape.order)} LIMIT ${size} OFFSET ${offset}`.execute(db)
    ).rows;
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}

/** A value as both engines give it back: integers and text alike, bytes as hex. */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** A table's row count and SHA-256 over its rows (in primary-key order, the given columns), the same on either engine. */
function tableFigures(table: string, columns: string[]) {
  const hash = createHash('sha256');
  let rows = 0;
  return {
    add(row: Row): void {
      hash.update(`${JSON.stringify(columns.map((c) => canonical(row[c])))}\n`);
      rows += 1;
    },
    done: (): TableFigures => ({ table, rows, sha256: hash.digest('hex') }),
  };
}

async function figures(db: Kysely<KansliTables>, shapes: TableShape[], columnsOf: (t: TableShape) => string[]): Promise<TableFigures[]> {
  const out: TableFigures[] = [];
  for (const shape of shapes) {
    const columns = columnsOf(shape);
    const table = tableFigures(shape.name, columns);
    for await (const batch of readRows(db, shape, columns)) for (const row of batch) table.add(row);
    out.push(table.done());
  }
  return out;
}

/** A document kept as a file beside a SQLite database, read in for a server database (which keeps every document itself). */
function moveDocumentIn(row: Row, sourceFile: string): Row {
  if (row.storage !== 'file' || typeof row.stored_path !== 'string') return row;
  const file = path.join(path.dirname(sourceFile), row.stored_path);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new KansliError('RULE', `Handlingen ”${String(row.file_name)}” saknas bredvid databasfilen (${row.stored_path}). Inget har kopierats.`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new KansliError('RULE', `Handlingen ”${String(row.file_name)}” bredvid databasfilen har ändrats sedan den sparades. Inget har kopierats.`);
  }
  return { ...row, storage: 'db', content: bytes, stored_path: null };
}

function insertBatch(table: string, columns: string[], rows: Row[]): RawBuilder<unknown> {
  const values = rows.map((r) => sql`(${sql.join(columns.map((c) => sql`${r[c] === undefined ? null : r[c]}`))})`);
  return sql`INSERT INTO ${sql.table(table)} (${list(columns)}) VALUES ${sql.join(values)}`;
}

/** The target's rules, set aside for the copy and put back in the same transaction. */
async function withRulesAside(target: Engine, trx: Kysely<KansliTables>, tables: string[], write: () => Promise<void>): Promise<void> {
  if (target === 'postgres') {
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
    for (const t of tables) await sql`ALTER TABLE ${sql.table(t)} DISABLE TRIGGER USER`.execute(trx);
    await write();
    // Every foreign key checked now, before the rules come back (ALTER TABLE waits for no pending check).
    await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
    for (const t of tables) await sql`ALTER TABLE ${sql.table(t)} ENABLE TRIGGER USER`.execute(trx);
    // Identity columns go on after the highest id copied, as SQLite's rowids do.
    const identities = await sql<{ table: string; column: string }>`
      SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(trx);
    for (const { table, column } of identities.rows) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
        trx,
      );
    }
    return;
  }
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const triggers = await sql<{ sql: string; name: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`.execute(trx);
  for (const t of triggers.rows) await sql`DROP TRIGGER ${sql.id(t.name)}`.execute(trx);
  await write();
  for (const t of triggers.rows) await sql.raw(t.sql).execute(trx);
}

/**
 * Copies `source` into `target` (both at this version's schema). The target must be empty
 * of data; it is written in one transaction, so a failure leaves it as it was.
 */
export async function copyDatabase(source: KansliDb, target: KansliDb, options: CopyOptions = {}): Promise<CopyResult> {
  if (source.schemaVersion !== target.schemaVersion) {
    throw new KansliError('DB_MISMATCH', `Databaserna har olika schemaversion (${source.schemaVersion} och ${target.schemaVersion}). Inget har kopierats.`);
  }
  return target.kysely.transaction().execute((trx) => copyInto(source, target.engine, trx, options));
}

/** The copy inside the caller's transaction on the target (a new server database is made and filled in one). */
export async function copyInto(source: KansliDb, target: Engine, trx: Kysely<KansliTables>, options: CopyOptions = {}): Promise<CopyResult> {
  const sourceShapes = await shapesOf(source.engine, source.kysely);
  const targetShapes = new Map((await shapesOf(target, trx)).map((s) => [s.name, s]));
  const names = (shapes: Iterable<TableShape>) => [...shapes].map((s) => s.name).sort();
  if (JSON.stringify(names(sourceShapes)) !== JSON.stringify(names(targetShapes.values()))) {
    throw new KansliError('DB_MISMATCH', 'Databaserna har inte samma tabeller. Inget har kopierats.');
  }
  // The columns both have, in the target's order (a server's generated search columns are its own).
  const columnsOf = (shape: TableShape) => (targetShapes.get(shape.name) ?? shape).columns.filter((c) => shape.columns.includes(c) || c === 'rowid');
  // A server keeps every document itself: one lying as a file beside the source file is read in (and compared so).
  const moving = source.engine === 'sqlite' && target === 'postgres';
  const asCopied = (table: string, row: Row) => (moving && table === 'documents' ? moveDocumentIn(row, source.path) : row);
  // The source's figures are taken from the rows as they are copied: the source is read once.
  const before: TableFigures[] = [];
  let documentsMovedIn = 0;

  for (const shape of sourceShapes) {
    const existing = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(shape.name)}`.execute(trx);
    const n = Number(existing.rows[0]?.n ?? 0);
    if (n > 0 && !FRESH_TABLES.has(shape.name)) {
      throw new KansliError(
        'CONFLICT',
        `Måldatabasen är inte tom (tabellen ${shape.name} har ${n} rader). Kansli kopierar bara till en tom databas; inget har kopierats.`,
      );
    }
  }
  await withRulesAside(target, trx, names(sourceShapes), async () => {
    for (const [i, shape] of sourceShapes.entries()) {
      options.onProgress?.({ step: `Kopierar ${shape.name}`, done: i, total: sourceShapes.length });
      if (FRESH_TABLES.has(shape.name)) {
        await sql`DELETE FROM ${sql.table(shape.name)} ${shape.name === 'kansli_meta' ? sql.raw(`WHERE ${SERVER_ONLY_META}`) : sql``}`.execute(trx);
      }
      const columns = columnsOf(shape);
      const perBatch = Math.max(1, Math.floor(BATCH_PARAMETERS / columns.length));
      const copied = tableFigures(shape.name, columns);
      for await (const batch of readRows(source.kysely, shape, columns)) {
        const rows = batch.map((r) => asCopied(shape.name, r));
        if (shape.name === 'documents') documentsMovedIn += rows.filter((r, k) => r !== batch[k]).length;
        for (const row of rows) copied.add(row);
        for (let k = 0; k < rows.length; k += perBatch) await insertBatch(shape.name, columns, rows.slice(k, k + perBatch)).execute(trx);
      }
      before.push(copied.done());
    }
  });
  // The server's planner needs the new tables' statistics (a search walks the newest entries first only when it knows they are many).
  if (target === 'postgres') await sql`ANALYZE`.execute(trx);
  // Read back inside the transaction: a copy that differs is never committed.
  options.onProgress?.({ step: 'Kontrollerar kopian', done: sourceShapes.length, total: sourceShapes.length });
  const after = await figures(trx, sourceShapes, columnsOf);
  for (const [k, b] of before.entries()) {
    const a = after[k];
    if (!a || a.rows !== b.rows || a.sha256 !== b.sha256) {
      throw new KansliError(
        'INTERNAL',
        `Kopian av tabellen ${b.table} stämmer inte med källan (${b.rows} rader i källan, ${a?.rows ?? 0} i kopian). Inget har kopierats.`,
      );
    }
  }
  options.onProgress?.({ step: 'Klart', done: sourceShapes.length, total: sourceShapes.length });
  return { tables: before, documentsMovedIn };
}
