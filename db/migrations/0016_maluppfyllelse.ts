import type { Migration } from './types';

/**
 * Måluppfyllelse (issue 16): per adopted verksamhetsplan, year and period (delår or helår)
 * one row per mått with its typed value, the result in words, the confirmed status and the
 * kommentar. A mått is named by the id it keeps in the plan's goal tree.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'maluppfyllelse',
  sql: `
    CREATE TABLE maluppfyllelse (
      plan_id      INTEGER NOT NULL REFERENCES verksamhetsplaner (id) ON DELETE RESTRICT,
      year         INTEGER NOT NULL,
      period       TEXT NOT NULL CHECK (period IN ('delar', 'helar')),
      to_month     INTEGER NOT NULL CHECK (to_month BETWEEN 1 AND 12),
      matt_id      TEXT NOT NULL,
      value        REAL,
      result_text  TEXT NOT NULL DEFAULT '',
      status       TEXT CHECK (status IN ('uppfyllt', 'delvis', 'ej')),
      kommentar    TEXT NOT NULL DEFAULT '',
      updated_at   TEXT NOT NULL,
      updated_by   TEXT NOT NULL,
      PRIMARY KEY (plan_id, year, period, matt_id)
    ) STRICT;
  `,
};
