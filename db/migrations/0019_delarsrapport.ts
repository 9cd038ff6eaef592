import type { Migration } from './types';

/**
 * Delårsrapport (issue 16): per year the month the period ends with, and the helårsprognos
 * per budget post with its kommentar (a post without a row has the budget as its prognos).
 */
export const migration0019: Migration = {
  version: 19,
  name: 'delarsrapport',
  sql: `
    CREATE TABLE delarsrapporter (
      year        INTEGER PRIMARY KEY,
      to_month    INTEGER NOT NULL CHECK (to_month BETWEEN 1 AND 11),
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE delarsrapport_prognos (
      year        INTEGER NOT NULL REFERENCES delarsrapporter (year) ON DELETE CASCADE,
      post        TEXT NOT NULL,
      prognos_kr  INTEGER NOT NULL,
      kommentar   TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (year, post)
    ) STRICT, WITHOUT ROWID;
  `,
};
