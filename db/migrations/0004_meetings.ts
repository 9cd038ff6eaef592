import type { Migration } from './types';

/**
 * Sammanträden (issue 4): a meeting's time and place, its dagordning as ordered items
 * (procedural points, information, anmälan av delegationsbeslut, beslutsärenden with
 * their ärende), from which the kallelse and the board packet are built.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'meetings',
  sql: `
    ALTER TABLE meetings ADD COLUMN starts_at TEXT;
    ALTER TABLE meetings ADD COLUMN ends_at TEXT;
    ALTER TABLE meetings ADD COLUMN place TEXT;
    ALTER TABLE meetings ADD COLUMN notes TEXT;
    ALTER TABLE meetings ADD COLUMN updated_at TEXT;

    CREATE TABLE meeting_items (
      id          INTEGER PRIMARY KEY,
      meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      position    INTEGER NOT NULL CHECK (position >= 0),
      kind        TEXT NOT NULL CHECK (kind IN ('procedur', 'information', 'delegation', 'beslut')),
      title       TEXT NOT NULL,
      arende_id   INTEGER REFERENCES arenden (id) ON DELETE RESTRICT,
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meeting_items_meeting ON meeting_items (meeting_id, position);
    CREATE INDEX meeting_items_arende ON meeting_items (arende_id);
  `,
};
