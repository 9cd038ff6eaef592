import type { Migration } from './types';

/**
 * Protokoll, justering and anslag (issue 4). Per dagordning point: the § number (one
 * series per organ and year, never reused), the decision as taken (its att-satser),
 * reservationer and protokollsanteckningar. Per meeting: who was there and in which
 * capacity, the protokoll's state (utkast → för justering, locked → justerat →
 * anslaget) with sekreterare, ordförande and justerare, and every step of the
 * justering in order.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'protokoll',
  sql: `
    ALTER TABLE meeting_items ADD COLUMN paragraph INTEGER CHECK (paragraph IS NULL OR paragraph > 0);
    ALTER TABLE meeting_items ADD COLUMN decision TEXT CHECK (decision IS NULL OR json_valid(decision));
    ALTER TABLE meeting_items ADD COLUMN reservationer TEXT;
    ALTER TABLE meeting_items ADD COLUMN anteckningar TEXT;
    ALTER TABLE meeting_items ADD COLUMN jav TEXT;

    CREATE TABLE meeting_attendance (
      id          INTEGER PRIMARY KEY,
      meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      position    INTEGER NOT NULL,
      person_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
      name        TEXT NOT NULL,
      organisation TEXT,
      role        TEXT NOT NULL CHECK (role IN ('ledamot', 'tjanstgorande_ersattare', 'ersattare', 'ovrig')),
      replaces    TEXT,
      distance    INTEGER NOT NULL DEFAULT 0 CHECK (distance IN (0, 1)),
      CHECK (replaces IS NULL OR role = 'tjanstgorande_ersattare')
    ) STRICT;
    CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id, position);

    CREATE TABLE protocols (
      meeting_id      INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE RESTRICT,
      status          TEXT NOT NULL CHECK (status IN ('utkast', 'for_justering', 'justerat', 'anslaget')),
      sekreterare     TEXT,
      ordforande      TEXT,
      justerare       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(justerare)),
      justering_plats TEXT,
      justering_dag   TEXT,
      forvaring       TEXT,
      arende_id       INTEGER REFERENCES arenden (id) ON DELETE RESTRICT,
      document_id     INTEGER REFERENCES documents (id) ON DELETE RESTRICT,
      justerat_on     TEXT,
      anslag_on       TEXT,
      anslag_document_id INTEGER REFERENCES documents (id) ON DELETE RESTRICT,
      updated_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE protocol_events (
      id          INTEGER PRIMARY KEY,
      meeting_id  INTEGER NOT NULL REFERENCES protocols (meeting_id) ON DELETE RESTRICT,
      at          TEXT NOT NULL,
      actor       TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('skickat', 'andringsforslag', 'godkant', 'avvisat', 'signerat', 'anslaget')),
      person      TEXT,
      text        TEXT
    ) STRICT;
    CREATE INDEX protocol_events_meeting ON protocol_events (meeting_id, id);
    CREATE TRIGGER protocol_events_append_only BEFORE UPDATE ON protocol_events
      BEGIN SELECT RAISE(ABORT, 'the justering history is append-only'); END;
  `,
};
