import type { Migration } from './types';

/**
 * Verksamhetsplaner (issue 16): a plan for one to three years, edited as a förslag and
 * locked when the board adopts it. The goal tree is kept as one JSON document (checked by
 * the contract's schema), as the ärendeblad keep their text; every item has an id that
 * stays through revisions. A revision is a new row pointing at the version it revises;
 * adopting it marks that version ersatt.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'verksamhetsplan',
  sql: `
    CREATE TABLE verksamhetsplaner (
      id                 INTEGER PRIMARY KEY,
      title              TEXT NOT NULL,
      first_year         INTEGER NOT NULL,
      last_year          INTEGER NOT NULL,
      status             TEXT NOT NULL DEFAULT 'forslag' CHECK (status IN ('forslag', 'faststalld', 'ersatt')),
      version            INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
      revision_of        INTEGER REFERENCES verksamhetsplaner (id) ON DELETE RESTRICT,
      based_on           INTEGER REFERENCES verksamhetsplaner (id) ON DELETE SET NULL,
      content            TEXT NOT NULL CHECK (json_valid(content)),
      adopted_on         TEXT,
      adopted_paragraph  TEXT,
      arendeblad_id      INTEGER REFERENCES arendeblad (id) ON DELETE SET NULL,
      revision           INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0),
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      updated_by         TEXT NOT NULL,
      CHECK (last_year >= first_year AND last_year - first_year <= 2),
      CHECK ((status = 'forslag') = (adopted_on IS NULL))
    ) STRICT;
    CREATE INDEX verksamhetsplaner_period ON verksamhetsplaner (first_year, last_year);

    -- An adopted plan is the board's decision: its text and period never change, it is never
    -- removed, and it goes only from fastställd to ersatt.
    CREATE TRIGGER verksamhetsplan_locked BEFORE UPDATE ON verksamhetsplaner
      WHEN OLD.status <> 'forslag' AND (
        NEW.content IS NOT OLD.content OR NEW.title IS NOT OLD.title OR NEW.first_year IS NOT OLD.first_year
        OR NEW.last_year IS NOT OLD.last_year OR NEW.adopted_on IS NOT OLD.adopted_on OR NEW.version IS NOT OLD.version
        OR NEW.adopted_paragraph IS NOT OLD.adopted_paragraph
        OR NOT (NEW.status = OLD.status OR (OLD.status = 'faststalld' AND NEW.status = 'ersatt')))
      BEGIN SELECT RAISE(ABORT, 'plan_adopted'); END;
    CREATE TRIGGER verksamhetsplan_kept BEFORE DELETE ON verksamhetsplaner
      WHEN OLD.status <> 'forslag'
      BEGIN SELECT RAISE(ABORT, 'plan_adopted'); END;
  `,
};
