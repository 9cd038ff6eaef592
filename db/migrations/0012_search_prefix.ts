import type { Migration } from './types';

/**
 * Search as you type, fast over a diarium of twenty years (issue 15). The index keeps
 * every word's first 2 to 6 letters as terms of their own, so a prefix ("in", "arb",
 * "insats") is one lookup instead of a merge of every word that begins so. The rows
 * are copied over unchanged; the triggers of migration 0002 keep writing to the index by
 * its name.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'search_prefix',
  sql: `
    CREATE TEMP TABLE search_copy AS SELECT rowid AS id, title, body FROM search_index;
    DROP TABLE search_index;
    CREATE VIRTUAL TABLE search_index USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4 5 6');
    INSERT INTO search_index (rowid, title, body) SELECT id, title, body FROM temp.search_copy;
    DROP TABLE temp.search_copy;
    INSERT INTO search_index (search_index) VALUES ('optimize');
  `,
};
