import type { Migration } from './types';

/**
 * Bokslut (issue 16): each year's account balances — #IB and #UB of the balance accounts,
 * #RES of the result accounts, in öre with SIE's signs — from an SIE file (types 1–4) or
 * typed, and the mapping of accounts to the lines of the resultaträkning and the
 * balansräkning (separate from the budget posts). A closed year's balances never change.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'bokslut',
  sql: `
    CREATE TABLE bokslut_saldon (
      year        INTEGER NOT NULL,
      account     TEXT NOT NULL,
      name        TEXT NOT NULL DEFAULT '',
      ib_ore      INTEGER NOT NULL DEFAULT 0,
      ub_ore      INTEGER NOT NULL DEFAULT 0,
      res_ore     INTEGER NOT NULL DEFAULT 0,
      source      TEXT NOT NULL CHECK (source IN ('sie', 'inskrivet')),
      file_name   TEXT,
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL,
      PRIMARY KEY (year, account)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE bokslut_kopplingar (
      account     TEXT PRIMARY KEY,
      line        TEXT,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER bokslut_closed_insert BEFORE INSERT ON bokslut_saldon
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year = NEW.year)
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
    CREATE TRIGGER bokslut_closed_update BEFORE UPDATE ON bokslut_saldon
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year IN (OLD.year, NEW.year))
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
    CREATE TRIGGER bokslut_closed_delete BEFORE DELETE ON bokslut_saldon
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year = OLD.year)
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
  `,
};
