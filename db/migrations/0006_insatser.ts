import type { Migration } from './types';

/**
 * Ansökningar and insatser (issue 5). An ansökan (ny, tilläggsansökan or förlängning)
 * with its samverkansparter, goals and sought amounts per calendar year is registered in
 * the diarium, prepared against a checklist and decided by the board or under
 * delegation. A granted ansökan becomes (or adds to) an insats, whose budget per year is
 * the sum of the decisions behind it. Follow-up: rekvisitioner, participant figures as
 * aggregates only, the outcome of each goal, reports and avvikelser.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'insatser',
  sql: `
    -- The board's prioriterade målgrupper and targets for a year.
    CREATE TABLE priority_groups (
      id        INTEGER PRIMARY KEY,
      year      INTEGER NOT NULL,
      name      TEXT NOT NULL,
      position  INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX priority_groups_year_name ON priority_groups (year, lower(name));

    CREATE TABLE insats_targets (
      year                 INTEGER PRIMARY KEY,
      work_study_permille  INTEGER CHECK (work_study_permille IS NULL OR work_study_permille BETWEEN 0 AND 1000),
      guide_individ        INTEGER NOT NULL DEFAULT 60 CHECK (guide_individ BETWEEN 0 AND 100),
      guide_struktur       INTEGER NOT NULL DEFAULT 30 CHECK (guide_struktur BETWEEN 0 AND 100),
      guide_kompetens      INTEGER NOT NULL DEFAULT 10 CHECK (guide_kompetens BETWEEN 0 AND 100),
      CHECK (guide_individ + guide_struktur + guide_kompetens = 100)
    ) STRICT;

    CREATE TABLE insatser (
      id              INTEGER PRIMARY KEY,
      name            TEXT NOT NULL,
      kategori        TEXT NOT NULL CHECK (kategori IN ('individ', 'struktur', 'kompetens')),
      owner_member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
      starts_on       TEXT NOT NULL,
      ends_on         TEXT NOT NULL,
      status          TEXT NOT NULL CHECK (status IN ('planerad', 'pagaende', 'avslutad', 'avbruten')),
      styrgrupp       TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      CHECK (ends_on >= starts_on)
    ) STRICT;

    CREATE TABLE applications (
      id              INTEGER PRIMARY KEY,
      arende_id       INTEGER NOT NULL UNIQUE REFERENCES arenden (id) ON DELETE RESTRICT,
      kind            TEXT NOT NULL CHECK (kind IN ('ny', 'tillagg', 'forlangning')),
      insats_id       INTEGER REFERENCES insatser (id) ON DELETE RESTRICT,
      name            TEXT NOT NULL,
      kategori        TEXT NOT NULL CHECK (kategori IN ('individ', 'struktur', 'kompetens')),
      owner_member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
      malgrupp        TEXT,
      syfte           TEXT,
      starts_on       TEXT NOT NULL,
      ends_on         TEXT NOT NULL,
      sus             INTEGER NOT NULL CHECK (sus IN (0, 1)),
      lokus_agrees    INTEGER NOT NULL CHECK (lokus_agrees IN (0, 1)),
      received_on     TEXT NOT NULL,
      status          TEXT NOT NULL CHECK (status IN ('inkommen', 'under_beredning', 'beviljad', 'delvis_beviljad', 'avslagen')),
      checklist       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(checklist)),
      decided_on      TEXT,
      decided_by      TEXT CHECK (decided_by IN ('styrelse', 'delegation')),
      decision_reason TEXT,
      arendeblad_id   INTEGER REFERENCES arendeblad (id) ON DELETE RESTRICT,
      delegation_decision_id INTEGER REFERENCES delegation_decisions (id) ON DELETE RESTRICT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      CHECK (ends_on >= starts_on),
      CHECK ((kind = 'ny') OR insats_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX applications_insats ON applications (insats_id);

    CREATE TABLE application_parties (
      application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      member_id      INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
      PRIMARY KEY (application_id, member_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE application_priority_groups (
      application_id    INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      priority_group_id INTEGER NOT NULL REFERENCES priority_groups (id) ON DELETE RESTRICT,
      PRIMARY KEY (application_id, priority_group_id)
    ) STRICT, WITHOUT ROWID;

    -- Sought, own financing, expected participants and (after the decision) granted, per calendar year.
    CREATE TABLE application_years (
      application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      year           INTEGER NOT NULL,
      sought_kr      INTEGER NOT NULL CHECK (sought_kr >= 0),
      own_kr         INTEGER NOT NULL DEFAULT 0 CHECK (own_kr >= 0),
      participants   INTEGER CHECK (participants IS NULL OR participants >= 0),
      granted_kr     INTEGER CHECK (granted_kr IS NULL OR granted_kr >= 0),
      PRIMARY KEY (application_id, year)
    ) STRICT, WITHOUT ROWID;

    -- Effektmål and insatsmål; the insats's follow-up records the outcome of each.
    CREATE TABLE goals (
      id             INTEGER PRIMARY KEY,
      application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      insats_id      INTEGER REFERENCES insatser (id) ON DELETE SET NULL,
      kind           TEXT NOT NULL CHECK (kind IN ('effektmal', 'insatsmal')),
      position       INTEGER NOT NULL,
      text           TEXT NOT NULL,
      outcome        TEXT CHECK (outcome IN ('uppfyllt', 'delvis', 'ej_uppfyllt')),
      outcome_note   TEXT
    ) STRICT;
    CREATE INDEX goals_application ON goals (application_id, position);
    CREATE INDEX goals_insats ON goals (insats_id);

    CREATE TABLE requisitions (
      id          INTEGER PRIMARY KEY,
      insats_id   INTEGER NOT NULL REFERENCES insatser (id) ON DELETE RESTRICT,
      paid_on     TEXT NOT NULL,
      amount_kr   INTEGER NOT NULL CHECK (amount_kr > 0),
      period_from TEXT NOT NULL,
      period_to   TEXT NOT NULL,
      note        TEXT,
      created_at  TEXT NOT NULL,
      CHECK (period_to >= period_from)
    ) STRICT;
    CREATE INDEX requisitions_insats ON requisitions (insats_id, paid_on);

    -- Aggregates only: never data about a person.
    CREATE TABLE participant_figures (
      insats_id     INTEGER NOT NULL REFERENCES insatser (id) ON DELETE RESTRICT,
      year          INTEGER NOT NULL,
      deltagare     INTEGER NOT NULL CHECK (deltagare >= 0),
      kvinnor       INTEGER NOT NULL CHECK (kvinnor >= 0),
      man           INTEGER NOT NULL CHECK (man >= 0),
      avslutade     INTEGER NOT NULL CHECK (avslutade >= 0),
      till_arbete   INTEGER NOT NULL CHECK (till_arbete >= 0),
      till_studier  INTEGER NOT NULL CHECK (till_studier >= 0),
      PRIMARY KEY (insats_id, year),
      CHECK (kvinnor + man <= deltagare),
      CHECK (avslutade <= deltagare),
      CHECK (till_arbete + till_studier <= avslutade)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE insats_reports (
      id          INTEGER PRIMARY KEY,
      insats_id   INTEGER NOT NULL REFERENCES insatser (id) ON DELETE RESTRICT,
      kind        TEXT NOT NULL CHECK (kind IN ('arsrapport', 'slutrapport', 'avvikelse')),
      year        INTEGER,
      received_on TEXT NOT NULL,
      text        TEXT,
      document_id INTEGER REFERENCES documents (id) ON DELETE RESTRICT
    ) STRICT;
    CREATE INDEX insats_reports_insats ON insats_reports (insats_id, received_on);
  `,
};
