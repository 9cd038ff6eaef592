import type { Migration } from './types';

/**
 * Ekonomi (issue 6): medlemsavgifter per year with the split per member kept as decided,
 * the årsbudget in versions (förslag, fastställd, reviderad) by post, utfall by post and
 * insats (typed, or imported from Excel/CSV or SIE 4, with the mapping of accounts and
 * objects remembered), closed years that no utfall may touch, the förbund's guidelines
 * for god ekonomisk hushållning, and earlier years typed in from old papers.
 *
 * Budget amounts are whole kronor; utfall is kept in öre, as the books have it, and
 * rounded to kronor once a sum is made.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'ekonomi',
  sql: `
    CREATE TABLE fee_years (
      year             INTEGER PRIMARY KEY,
      total_kr         INTEGER NOT NULL CHECK (total_kr > 0),
      population_year  INTEGER NOT NULL,
      due_on           TEXT,
      status           TEXT NOT NULL CHECK (status IN ('preliminar', 'faststalld')),
      arendeblad_id    INTEGER REFERENCES arendeblad (id) ON DELETE SET NULL,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT;

    -- The split as saved: a later change of folkmängd does not move a decided fee.
    CREATE TABLE fee_shares (
      year        INTEGER NOT NULL REFERENCES fee_years (year) ON DELETE CASCADE,
      member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
      population  INTEGER,
      amount_kr   INTEGER NOT NULL CHECK (amount_kr >= 0),
      PRIMARY KEY (year, member_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE budgets (
      id              INTEGER PRIMARY KEY,
      year            INTEGER NOT NULL,
      kind            TEXT NOT NULL CHECK (kind IN ('forslag', 'faststalld', 'reviderad')),
      revision        INTEGER NOT NULL DEFAULT 0,
      decided_on      TEXT,
      balance_reason  TEXT,
      note            TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      UNIQUE (year, kind, revision),
      CHECK ((kind = 'forslag') = (decided_on IS NULL))
    ) STRICT;

    CREATE TABLE budget_lines (
      budget_id  INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
      post       TEXT NOT NULL,
      amount_kr  INTEGER NOT NULL CHECK (amount_kr >= 0),
      PRIMARY KEY (budget_id, post)
    ) STRICT, WITHOUT ROWID;

    -- A decided budget is kept as it was decided.
    CREATE TRIGGER budget_lines_locked_update BEFORE UPDATE ON budget_lines
      WHEN (SELECT kind FROM budgets WHERE id = OLD.budget_id) <> 'forslag'
      BEGIN SELECT RAISE(ABORT, 'budget_locked'); END;
    CREATE TRIGGER budget_lines_locked_delete BEFORE DELETE ON budget_lines
      WHEN (SELECT kind FROM budgets WHERE id = OLD.budget_id) <> 'forslag'
      BEGIN SELECT RAISE(ABORT, 'budget_locked'); END;

    CREATE TABLE closed_years (
      year       INTEGER PRIMARY KEY,
      closed_on  TEXT NOT NULL,
      closed_by  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE utfall_imports (
      id           INTEGER PRIMARY KEY,
      kind         TEXT NOT NULL CHECK (kind IN ('sie', 'xlsx', 'csv')),
      file_name    TEXT NOT NULL,
      sha256       TEXT NOT NULL,
      year         INTEGER NOT NULL,
      row_count    INTEGER NOT NULL,
      sum_ore      INTEGER NOT NULL,
      imported_at  TEXT NOT NULL,
      imported_by  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE utfall (
      id          INTEGER PRIMARY KEY,
      year        INTEGER NOT NULL,
      booked_on   TEXT NOT NULL,
      post        TEXT NOT NULL,
      insats_id   INTEGER REFERENCES insatser (id) ON DELETE RESTRICT,
      -- Positive in the post's own direction: a cost for a kostnad, an income for an intäkt.
      amount_ore  INTEGER NOT NULL,
      account     TEXT,
      text        TEXT,
      import_id   INTEGER REFERENCES utfall_imports (id) ON DELETE CASCADE,
      created_at  TEXT NOT NULL,
      CHECK (substr(booked_on, 1, 4) = printf('%04d', year))
    ) STRICT;
    CREATE INDEX utfall_year_post ON utfall (year, post, insats_id, booked_on, amount_ore);
    CREATE INDEX utfall_insats ON utfall (insats_id, year);
    CREATE INDEX utfall_import ON utfall (import_id);

    -- No utfall is written, changed or removed in a closed year.
    CREATE TRIGGER utfall_closed_insert BEFORE INSERT ON utfall
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year = NEW.year)
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
    CREATE TRIGGER utfall_closed_update BEFORE UPDATE ON utfall
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year IN (OLD.year, NEW.year))
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;
    CREATE TRIGGER utfall_closed_delete BEFORE DELETE ON utfall
      WHEN EXISTS (SELECT 1 FROM closed_years WHERE year = OLD.year)
      BEGIN SELECT RAISE(ABORT, 'year_closed'); END;

    -- Mapped once, remembered: an account to a post (NULL post: not part of the utfall,
    -- e.g. årets resultat), an object (resultatenhet, projekt) to an insats or a post.
    CREATE TABLE account_mappings (
      account     TEXT PRIMARY KEY,
      name        TEXT NOT NULL,
      post        TEXT,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE object_mappings (
      dimension   INTEGER NOT NULL,
      object_id   TEXT NOT NULL,
      name        TEXT NOT NULL,
      insats_id   INTEGER REFERENCES insatser (id) ON DELETE RESTRICT,
      post        TEXT,
      updated_at  TEXT NOT NULL,
      PRIMARY KEY (dimension, object_id),
      CHECK (insats_id IS NULL OR post IS NULL)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE economy_settings (
      id                         INTEGER PRIMARY KEY CHECK (id = 1),
      reservfond_kr              INTEGER NOT NULL DEFAULT 0 CHECK (reservfond_kr >= 0),
      guideline_permille         INTEGER NOT NULL DEFAULT 200 CHECK (guideline_permille BETWEEN 0 AND 10000),
      opening_year               INTEGER,
      opening_equity_kr          INTEGER,
      updated_at                 TEXT NOT NULL
    ) STRICT;

    -- Years before Kansli, typed in from the papers (in kronor).
    CREATE TABLE economy_history (
      year                 INTEGER PRIMARY KEY,
      anslag_kr            INTEGER NOT NULL CHECK (anslag_kr >= 0),
      samverkan_kr         INTEGER NOT NULL,
      fortroendevalda_kr   INTEGER NOT NULL,
      forvaltning_kr       INTEGER NOT NULL,
      sidointakter_kr      INTEGER NOT NULL DEFAULT 0,
      resultat_kr          INTEGER,
      comment              TEXT,
      updated_at           TEXT NOT NULL
    ) STRICT;
  `,
};
