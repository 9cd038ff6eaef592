import type { Migration } from './types';

/**
 * Riskanalys and internkontroll (issue 7): the förbund's risk scale, the year's risks
 * (sannolikhet × konsekvens, owner, the decided hantering), the internkontrollplan's
 * controls (each answering a risk), their occasions as checklists with each item ok or
 * avvikelse, and the avvikelser with their åtgärd followed until closed. A checklist
 * signed off is kept as it was signed.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'risk',
  sql: `
    CREATE TABLE risk_settings (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      scale       TEXT NOT NULL CHECK (json_valid(scale)),
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE risks (
      id              INTEGER PRIMARY KEY,
      year            INTEGER NOT NULL,
      code            TEXT NOT NULL,
      process         TEXT NOT NULL,
      title           TEXT NOT NULL,
      description     TEXT,
      orsak           TEXT,
      sannolikhet     INTEGER NOT NULL CHECK (sannolikhet >= 1),
      konsekvens      INTEGER NOT NULL CHECK (konsekvens >= 1),
      owner           TEXT NOT NULL,
      hantering       TEXT NOT NULL CHECK (hantering IN ('kontroll', 'atgard', 'accepterad')),
      hantering_text  TEXT,
      previous_id     INTEGER REFERENCES risks (id) ON DELETE SET NULL,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      UNIQUE (year, code),
      CHECK (hantering = 'kontroll' OR hantering_text IS NOT NULL)
    ) STRICT;

    CREATE TABLE controls (
      id            INTEGER PRIMARY KEY,
      year          INTEGER NOT NULL,
      process       TEXT NOT NULL,
      moment        TEXT NOT NULL,
      risk_id       INTEGER NOT NULL REFERENCES risks (id) ON DELETE RESTRICT,
      metod         TEXT NOT NULL CHECK (metod IN ('stickprov', 'granskning', 'avstamning', 'uppfoljning')),
      frekvens      TEXT NOT NULL CHECK (frekvens IN ('styrelsemote', 'manad', 'kvartal', 'halvar', 'ar')),
      ansvarig      TEXT NOT NULL,
      rapport_till  TEXT NOT NULL,
      rapport_nar   TEXT NOT NULL,
      -- What each occasion's checklist asks, as a JSON array of texts.
      checklist     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checklist)),
      position      INTEGER NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX controls_year ON controls (year, position);

    CREATE TABLE control_occasions (
      id             INTEGER PRIMARY KEY,
      control_id     INTEGER NOT NULL REFERENCES controls (id) ON DELETE CASCADE,
      due_on         TEXT NOT NULL,
      label          TEXT NOT NULL,
      sample         TEXT,
      done_on        TEXT,
      done_by        TEXT,
      signed_off_at  TEXT,
      UNIQUE (control_id, due_on)
    ) STRICT;
    CREATE INDEX control_occasions_due ON control_occasions (due_on);

    CREATE TABLE occasion_items (
      id           INTEGER PRIMARY KEY,
      occasion_id  INTEGER NOT NULL REFERENCES control_occasions (id) ON DELETE CASCADE,
      position     INTEGER NOT NULL,
      text         TEXT NOT NULL,
      result       TEXT CHECK (result IN ('ok', 'avvikelse')),
      comment      TEXT,
      document_id  INTEGER REFERENCES documents (id) ON DELETE RESTRICT
    ) STRICT;
    CREATE INDEX occasion_items_occasion ON occasion_items (occasion_id, position);

    -- A signed-off checklist stays as it was signed.
    CREATE TRIGGER occasion_items_locked BEFORE UPDATE ON occasion_items
      WHEN (SELECT signed_off_at FROM control_occasions WHERE id = OLD.occasion_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'occasion_signed_off'); END;
    CREATE TRIGGER control_occasions_locked BEFORE UPDATE OF sample, done_on, done_by ON control_occasions
      WHEN OLD.signed_off_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'occasion_signed_off'); END;

    CREATE TABLE deviations (
      id           INTEGER PRIMARY KEY,
      occasion_id  INTEGER NOT NULL REFERENCES control_occasions (id) ON DELETE RESTRICT,
      item_id      INTEGER REFERENCES occasion_items (id) ON DELETE SET NULL,
      description  TEXT NOT NULL,
      action       TEXT NOT NULL,
      owner        TEXT NOT NULL,
      due_on       TEXT NOT NULL,
      status       TEXT NOT NULL CHECK (status IN ('oppen', 'stangd')),
      closed_on    TEXT,
      closed_note  TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      CHECK ((status = 'stangd') = (closed_on IS NOT NULL))
    ) STRICT;
    CREATE INDEX deviations_status ON deviations (status, due_on);
  `,
};
