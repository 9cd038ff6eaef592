import type { Migration } from './types';

/** The förbund, its members with folkmängd per year, and the append-only audit log. */
export const migration0001: Migration = {
  version: 1,
  name: 'init',
  sql: `
    CREATE TABLE forbund (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      name       TEXT NOT NULL,
      org_nr     TEXT,
      address    TEXT,
      email      TEXT,
      phone      TEXT,
      is_demo    INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE members (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      short_name TEXT,
      kind       TEXT NOT NULL CHECK (kind IN ('stat', 'region', 'kommun')),
      org_nr     TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX members_name_unique ON members (lower(name));
    CREATE UNIQUE INDEX members_org_nr_unique ON members (org_nr);

    -- Folkmängd on 1 November of \`year\`; the member fee for year + 1 is split by it.
    CREATE TABLE member_populations (
      member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
      year       INTEGER NOT NULL,
      population INTEGER NOT NULL CHECK (population > 0),
      PRIMARY KEY (member_id, year)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE audit_log (
      id          INTEGER PRIMARY KEY,
      at          TEXT NOT NULL,
      actor       TEXT NOT NULL,
      method      TEXT NOT NULL,
      entity      TEXT NOT NULL,
      entity_id   TEXT,
      action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
      before_json TEXT,
      after_json  TEXT,
      prev_hash   TEXT NOT NULL,
      hash        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
};
