import type { Migration } from './types';

/** Bokslut (issue 16): the noter the registers cannot fill, typed per year — rows of text and amount, and a text. */
export const migration0022: Migration = {
  version: 22,
  name: 'bokslut_noter',
  sql: `
    CREATE TABLE bokslut_noter (
      year        INTEGER NOT NULL,
      number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
      label       TEXT NOT NULL,
      rows        TEXT NOT NULL CHECK (json_valid(rows)),
      text        TEXT NOT NULL DEFAULT '',
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL,
      PRIMARY KEY (year, number)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER bokslut_noter_closed_insert BEFORE INSERT ON bokslut_noter
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year = NEW.year)
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
    CREATE TRIGGER bokslut_noter_closed_update BEFORE UPDATE ON bokslut_noter
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year IN (OLD.year, NEW.year))
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
    CREATE TRIGGER bokslut_noter_closed_delete BEFORE DELETE ON bokslut_noter
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year = OLD.year)
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
  `,
};
