import { sql } from 'kysely';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { MEMBER_KIND_LABELS } from '../../shared/contract/schemas/members';
import type { SearchHit, SearchKind } from '../../shared/contract/schemas/search';
import type { Scope } from './context';
import { arendeSubtitle } from './diarium';
import { handlersFor } from './handler';

/** The kind number in the search index's rowid (rowid = id * 8 + kind, migration 0002). */
const KIND_CODES: Record<SearchKind, number> = { arende: 1, person: 2, member: 3, document: 4 };
const KIND_BY_CODE = new Map<number, SearchKind>(Object.entries(KIND_CODES).map(([k, v]) => [v, k as SearchKind]));

/** The words of a query: runs of Unicode letters and digits, as the index's tokenizer splits text. */
export function queryWords(query: string): string[] {
  return query.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The FTS5 MATCH expression: every word as a quoted prefix term, all of them required.
 * "lokus Älv" → `"lokus"* AND "Älv"*`. Null when there is nothing to look for.
 */
export function matchExpression(query: string): string | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
}

interface IndexRow {
  rowid: number;
  title: string;
  snippet: string | null;
}

function placeholders(ids: number[]) {
  return sql.join(ids.map((id) => sql`${id}`));
}

/**
 * The index as the search uses it: one look (every word anywhere, or in the title only;
 * newest first; optionally one entry), and the snippets of the hits kept.
 */
interface IndexLookup {
  find(titleOnly: boolean, n: number, rowid?: number): Promise<IndexRow[]>;
  /** The hits with their snippets (FTS5 gives them with each look; the server marks only the hits kept). */
  withSnippets(rows: IndexRow[]): Promise<IndexRow[]>;
}

function kindFilter(column: string, kinds: number[] | null) {
  return kinds === null ? sql`` : sql`AND (${sql.ref(column)} % 8) IN (${placeholders(kinds)})`;
}

/** FTS5 on a SQLite file: every word a quoted prefix term; `{title} :` for the title only. */
function sqliteLookup(scope: Scope, match: string, kinds: number[] | null): IndexLookup {
  return {
    find: async (titleOnly, n, rowid) =>
      (
        await sql<IndexRow>`
          SELECT rowid, title, snippet(search_index, -1, '«', '»', '…', 16) AS snippet
          FROM search_index
          WHERE search_index MATCH ${titleOnly ? `{title} : (${match})` : match} ${kindFilter('rowid', kinds)}
            ${rowid === undefined ? sql`` : sql`AND rowid = ${rowid}`}
          ORDER BY rowid DESC
          LIMIT ${n}
        `.execute(scope.db)
      ).rows,
    withSnippets: (rows) => Promise.resolve(rows),
  };
}

/**
 * PostgreSQL's full-text search on a server (db/postgres/baseline.ts): every word a prefix
 * query in the Swedish configuration or as written, all of them required; the snippet
 * from the title when the words are in it, else from the text, marked as FTS5 marks it.
 */
/** Below this many expected hits the server's search takes them all from the GIN index (see find). */
const FEW_HITS = 2_000;

function postgresLookup(scope: Scope, words: string[], kinds: number[] | null): IndexLookup {
  const query = sql.join(
    words.map((w) => sql`(to_tsquery('swedish', ${`${w}:*`}) || to_tsquery('simple', ${`${w}:*`}))`),
    sql` && `,
  );
  const options = 'StartSel=«, StopSel=», MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…';
  return {
    find: async (titleOnly, n, rowid) => {
      const where = sql`${sql.ref(titleOnly ? 'title_tsv' : 'all_tsv')} @@ (${query}) ${kindFilter('rowid', kinds)}
        ${rowid === undefined ? sql`` : sql`AND rowid = ${rowid}`}`;
      // The newest first, the quick way for this query: when the planner expects many hits,
      // walking back from the newest entry finds the first ones at once; when it expects few,
      // all of them from the GIN index, sorted (a walk would read the whole index to find
      // none). PostgreSQL itself often walks for a word in the text but in no title.
      const plan = await sql<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>`EXPLAIN (FORMAT JSON) SELECT 1 FROM search_index WHERE ${where}`.execute(
        scope.db,
      );
      const expected = plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Infinity;
      const rows =
        expected < FEW_HITS
          ? sql<IndexRow>`WITH hits AS MATERIALIZED (SELECT rowid, title FROM search_index WHERE ${where})
              SELECT rowid, title, NULL AS snippet FROM hits ORDER BY rowid DESC LIMIT ${n}`
          : sql<IndexRow>`SELECT rowid, title, NULL AS snippet FROM search_index WHERE ${where} ORDER BY rowid DESC LIMIT ${n}`;
      return (await rows.execute(scope.db)).rows;
    },
    withSnippets: async (rows) => {
      if (rows.length === 0) return rows;
      const marked = await sql<{ rowid: number; snippet: string }>`
        WITH q AS (SELECT ${query} AS q)
        SELECT rowid, ts_headline('simple', CASE WHEN title_tsv @@ q.q THEN title ELSE coalesce(body, '') END, q.q, ${options}) AS snippet
        FROM search_index, q
        WHERE rowid IN (${placeholders(rows.map((r) => r.rowid))})
      `.execute(scope.db);
      const byRowid = new Map(marked.rows.map((m) => [m.rowid, m.snippet]));
      return rows.map((r) => ({ ...r, snippet: byRowid.get(r.rowid) ?? null }));
    },
  };
}

/**
 * The order a diarium user expects, in three steps that each stop at the limit:
 * the ärende whose diarienummer is the query itself; then records with every word in
 * the title (a name, a rubrik), newest first; then records with the words anywhere,
 * newest first. "Newest" is the highest id, which the index walks in order (rowid = id * 8 +
 * kind), so a common prefix such as "in" never scores and sorts every match.
 */
async function rankedRows(scope: Scope, query: string, lookup: IndexLookup, kinds: number[] | null, limit: number): Promise<IndexRow[]> {
  const rows: IndexRow[] = [];
  const seen = new Set<number>();
  const take = (found: IndexRow[]) => {
    for (const r of found) {
      if (rows.length >= limit || seen.has(r.rowid)) continue;
      seen.add(r.rowid);
      rows.push(r);
    }
  };
  const numbered =
    kinds === null || kinds.includes(KIND_CODES.arende)
      ? await scope.db.selectFrom('arenden').select('id').where('diarienummer', '=', query.trim()).executeTakeFirst()
      : undefined;
  if (numbered) take(await lookup.find(false, 1, numbered.id * 8 + KIND_CODES.arende));
  if (rows.length < limit) take(await lookup.find(true, limit - rows.length));
  if (rows.length < limit) take(await lookup.find(false, limit));
  return lookup.withSnippets(rows);
}

export async function search(input: ParsedInput<'search.query'>, scope: Scope): Promise<MethodResult<'search.query'>> {
  const match = matchExpression(input.query);
  if (match === null) return { query: input.query, hits: [] };
  const kinds = input.kinds === undefined ? null : [...new Set(input.kinds)].map((k) => KIND_CODES[k]);
  if (kinds !== null && kinds.length === 0) return { query: input.query, hits: [] };

  const lookup = scope.ctx.db.engine === 'sqlite' ? sqliteLookup(scope, match, kinds) : postgresLookup(scope, queryWords(input.query), kinds);
  const rows = await rankedRows(scope, input.query, lookup, kinds, input.limit);
  const decoded = rows.flatMap((r) => {
    const kind = KIND_BY_CODE.get(r.rowid % 8);
    return kind === undefined ? [] : [{ kind, id: Math.floor(r.rowid / 8), title: r.title, snippet: r.snippet ?? '' }];
  });
  const idsOf = (kind: SearchKind) => decoded.filter((d) => d.kind === kind).map((d) => d.id);

  const details = new Map<string, { subtitle: string | null; arendeId: number | null }>();
  const key = (kind: SearchKind, id: number) => `${kind}:${id}`;

  const arendeIds = idsOf('arende');
  if (arendeIds.length > 0) {
    const found = await scope.db.selectFrom('arenden').select(['id', 'diarienummer', 'status', 'voided_at']).where('id', 'in', arendeIds).execute();
    for (const a of found) details.set(key('arende', a.id), { subtitle: arendeSubtitle(a), arendeId: a.id });
  }
  const personIds = idsOf('person');
  if (personIds.length > 0) {
    const found = await scope.db.selectFrom('people').select(['id', 'party', 'organisation']).where('id', 'in', personIds).execute();
    for (const p of found) {
      const parts = [p.party, p.organisation].filter((v): v is string => v !== null && v.trim() !== '');
      details.set(key('person', p.id), { subtitle: parts.length > 0 ? parts.join(' · ') : null, arendeId: null });
    }
  }
  const memberIds = idsOf('member');
  if (memberIds.length > 0) {
    const found = await scope.db.selectFrom('members').select(['id', 'kind', 'org_nr']).where('id', 'in', memberIds).execute();
    for (const m of found) details.set(key('member', m.id), { subtitle: `${MEMBER_KIND_LABELS[m.kind]} · ${m.org_nr}`, arendeId: null });
  }
  const documentIds = idsOf('document');
  if (documentIds.length > 0) {
    const found = await scope.db
      .selectFrom('documents as d')
      .innerJoin('arenden as a', 'a.id', 'd.arende_id')
      .select(['d.id', 'd.file_name', 'd.arende_id', 'a.diarienummer'])
      .where('d.id', 'in', documentIds)
      .execute();
    for (const d of found) details.set(key('document', d.id), { subtitle: `${d.file_name} · ${d.diarienummer}`, arendeId: d.arende_id });
  }

  const hits: SearchHit[] = [];
  for (const d of decoded) {
    const extra = details.get(key(d.kind, d.id));
    if (extra === undefined) continue; // an index entry without its record: never shown
    hits.push({ kind: d.kind, id: d.id, title: d.title, snippet: d.snippet, arendeId: d.kind === 'arende' ? null : extra.arendeId, subtitle: extra.subtitle });
  }
  return { query: input.query, hits };
}

/** The methods this module serves. */
export const searchHandlers = handlersFor({
  'search.query': search,
});
