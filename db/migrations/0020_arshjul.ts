import type { Migration } from './types';

/** Årshjul (issue 16): the förbund's own date (MM-DD) for each thing the year asks; the default where none is set. */
export const migration0020: Migration = {
  version: 20,
  name: 'arshjul',
  sql: `
    CREATE TABLE arshjul (
      key         TEXT PRIMARY KEY,
      month_day   TEXT NOT NULL CHECK (month_day GLOB '[01][0-9]-[0-3][0-9]'),
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL
    ) STRICT;
  `,
};
