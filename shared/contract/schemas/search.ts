import { z } from 'zod';
import { method, type MethodSpec } from '../define';

import { SEARCH_KINDS, type SearchKind } from '../kinds';

export { SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchKind } from '../kinds';

export const searchInput = z
  .object({
    query: z.string({ error: 'Skriv vad du söker.' }).trim().max(200, { error: 'Sökningen får vara högst 200 tecken.' }),
    kinds: z.array(z.enum(SEARCH_KINDS)).optional(),
    limit: z.number().int().min(1).max(200).default(30),
  })
  .strict();

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /** Text around the words found, with each found word between « and ». */
  snippet: string;
  /** For a document: the ärende it belongs to. */
  arendeId: number | null;
  /** E.g. the diarienummer and status of an ärende, or a person's party and organisation. */
  subtitle: string | null;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}

/** The API contract's search methods; shared/contract/methods.ts merges every area's. */
export const searchMethods = {
  'search.query': method<SearchResult>()({
    description: 'Söker bland ärenden, personer, medlemmar och handlingar (ord och ordbörjan).',
    input: searchInput,
    writes: false,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;
