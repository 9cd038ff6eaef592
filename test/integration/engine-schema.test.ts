import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, engineSession, rows, type AnySession } from '../helpers/engines';

/**
 * The PostgreSQL baseline (db/postgres/baseline.ts) is the SQLite schema written for the
 * server: this holds the two to each other, so a column, a key, an index or a rule added
 * on one engine and forgotten on the other fails here before any service notices.
 */

const TYPES: Record<string, string> = { INTEGER: 'bigint', TEXT: 'text', REAL: 'double precision', BLOB: 'bytea' };

interface Column {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
}

async function sqliteColumns(s: AnySession): Promise<Column[]> {
  const found = await rows(
    s,
    sql<{ table: string; column: string; type: string; notnull: number; pk: number }>`
      SELECT m.name AS "table", c.name AS "column", c.type, c."notnull", c.pk
      FROM sqlite_master m, pragma_table_info(m.name) c
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE 'search_index%'`,
  );
  // A SQLite primary key column may hold NULL unless declared otherwise, but Kansli's never do: INTEGER PRIMARY KEY is the rowid.
  return found.map((c) => ({
    table: c.table,
    column: c.column,
    type: TYPES[c.type] ?? c.type,
    notNull: c.notnull === 1 || (c.pk > 0 && c.type === 'INTEGER'),
  }));
}

async function postgresColumns(s: AnySession): Promise<Column[]> {
  const found = await rows(
    s,
    sql<{ table: string; column: string; type: string; nullable: string }>`
      SELECT table_name AS "table", column_name AS "column", data_type AS type, is_nullable AS nullable
      FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> 'search_index'`,
  );
  return found.map((c) => ({ table: c.table, column: c.column, type: c.type, notNull: c.nullable === 'NO' }));
}

function keyed(columns: Column[], pkColumns: Set<string>): string[] {
  return columns.map((c) => `${c.table}.${c.column} ${c.type}${c.notNull && !pkColumns.has(`${c.table}.${c.column}`) ? ' not null' : ''}`).sort();
}

async function primaryKeys(s: AnySession): Promise<string[]> {
  if (s.db.engine === 'sqlite') {
    const found = await rows(
      s,
      sql<{ table: string; column: string; pk: number }>`
        SELECT m.name AS "table", c.name AS "column", c.pk FROM sqlite_master m, pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE 'search_index%' AND c.pk > 0 ORDER BY 1, c.pk`,
    );
    return found.map((k) => `${k.table}.${k.column}`);
  }
  const found = await rows(
    s,
    sql<{ table: string; column: string }>`
      SELECT tc.table_name AS "table", kcu.column_name AS "column"
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY' AND tc.table_name <> 'search_index'
      ORDER BY 1, kcu.ordinal_position`,
  );
  return found.map((k) => `${k.table}.${k.column}`);
}

async function namedIndexes(s: AnySession): Promise<string[]> {
  const found =
    s.db.engine === 'sqlite'
      ? await rows(s, sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
      : await rows(
          s,
          sql<{ name: string }>`
            SELECT indexname AS name FROM pg_indexes
            WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' AND indexname NOT LIKE 'search_index_%'`,
        );
  return found.map((r) => r.name).sort();
}

/** The messages the rules refuse with (RAISE(ABORT, '…') on SQLite, RAISE EXCEPTION on the server). */
async function ruleMessages(s: AnySession): Promise<Set<string>> {
  if (s.db.engine === 'sqlite') {
    const found = await rows(s, sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'trigger'`);
    return new Set(found.flatMap((t) => [...t.sql.matchAll(/RAISE\(ABORT, '([^']+)'\)/g)].map((m) => m[1] ?? '')));
  }
  const found = await rows(
    s,
    sql<{ def: string; src: string }>`
      SELECT pg_get_triggerdef(t.oid) AS def, p.prosrc AS src
      FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal`,
  );
  return new Set(found.flatMap((t) => [...`${t.def} ${t.src}`.matchAll(/(?:kansli_refuse\('|RAISE EXCEPTION ')([^'%]+)'/g)].map((m) => m[1] ?? '')));
}

describe.skipIf(!ENGINES.includes('postgres'))('the schema on both engines', () => {
  it('has the same tables, columns, types, nullability, keys, indexes and rules', async () => {
    const file = await engineSession('sqlite', { create: 'empty' });
    const server = await engineSession('postgres', { create: 'empty' });
    const [fileKeys, serverKeys] = [await primaryKeys(file), await primaryKeys(server)];
    expect(serverKeys.sort()).toEqual([...fileKeys].sort());
    const pk = new Set(fileKeys);
    expect(keyed(await postgresColumns(server), pk)).toEqual(keyed(await sqliteColumns(file), pk));
    expect(await namedIndexes(server)).toEqual(await namedIndexes(file));
    const [fileRules, serverRules] = [await ruleMessages(file), await ruleMessages(server)];
    expect(fileRules.size).toBeGreaterThan(8);
    expect([...serverRules].sort()).toEqual([...fileRules].sort());
  });
});
