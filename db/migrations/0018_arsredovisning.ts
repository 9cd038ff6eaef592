import type { Migration } from './types';

/**
 * Årsredovisning (issue 16): the förvaltningsberättelse's texts and the redovisningsprinciper
 * per year. A text not yet written for a year is carried from the year before.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'arsredovisning',
  sql: `
    CREATE TABLE arsredovisning_texter (
      year        INTEGER NOT NULL,
      key         TEXT NOT NULL,
      text        TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL,
      PRIMARY KEY (year, key)
    ) STRICT, WITHOUT ROWID;
  `,
};
