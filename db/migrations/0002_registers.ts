import type { Migration } from './types';

/**
 * The registers (issue 3): people and the board by mandate period, the working
 * groups, the diarium with its per-year number series and documents, the
 * delegationsordning and the decisions taken under it, board meetings (as far as
 * delegation reporting needs them), user names for the audit log, and one FTS5
 * index over ärenden, people, members and documents kept current by triggers.
 *
 * Search index rowids encode what a hit is: rowid = id * 8 + kind, with kind
 * 1 = ärende, 2 = person, 3 = member, 4 = document. Deleting or replacing an
 * entry is then a rowid lookup, not a scan.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'registers',
  sql: `
    ALTER TABLE forbund ADD COLUMN city TEXT;
    ALTER TABLE forbund ADD COLUMN diary_format TEXT NOT NULL DEFAULT '{ÅÅÅÅ}/{NNN}';

    -- The name a person has set in the app, per operating-system account, for the audit log.
    CREATE TABLE user_names (
      os_user      TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE people (
      id           INTEGER PRIMARY KEY,
      name         TEXT NOT NULL,
      party        TEXT,
      email        TEXT,
      phone        TEXT,
      organisation TEXT,
      title        TEXT,
      notes        TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX people_name ON people (lower(name));

    CREATE TABLE mandate_periods (
      id         INTEGER PRIMARY KEY,
      starts_on  TEXT NOT NULL,
      ends_on    TEXT NOT NULL,
      label      TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (ends_on >= starts_on)
    ) STRICT;

    -- A seat on the board: who (person), for which member, ordinarie or ersättare, in which period.
    CREATE TABLE board_appointments (
      id         INTEGER PRIMARY KEY,
      period_id  INTEGER NOT NULL REFERENCES mandate_periods (id) ON DELETE RESTRICT,
      member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
      person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
      seat       TEXT NOT NULL CHECK (seat IN ('ordinarie', 'ersattare')),
      role       TEXT CHECK (role IN ('ordforande', 'vice_ordforande_1', 'vice_ordforande_2')),
      starts_on  TEXT NOT NULL,
      ends_on    TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (ends_on >= starts_on),
      CHECK (role IS NULL OR seat = 'ordinarie')
    ) STRICT;
    CREATE INDEX board_appointments_period ON board_appointments (period_id, member_id);
    CREATE INDEX board_appointments_person ON board_appointments (person_id);

    CREATE TABLE groups (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('arbetsutskott', 'beredningsgrupp', 'lokusgrupp', 'strategisk_utvecklingsgrupp', 'annan')),
      member_id   INTEGER REFERENCES members (id) ON DELETE RESTRICT,
      description TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX groups_name_unique ON groups (lower(name));

    -- A group member is a person from the register or a free entry (name and organisation).
    CREATE TABLE group_members (
      id           INTEGER PRIMARY KEY,
      group_id     INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      position     INTEGER NOT NULL,
      person_id    INTEGER REFERENCES people (id) ON DELETE RESTRICT,
      name         TEXT,
      organisation TEXT,
      role         TEXT,
      CHECK ((person_id IS NULL) <> (name IS NULL))
    ) STRICT;
    CREATE INDEX group_members_group ON group_members (group_id, position);
    CREATE INDEX group_members_person ON group_members (person_id);

    -- The highest number ever taken in each year's series; it never goes down.
    CREATE TABLE diary_series (
      year        INTEGER PRIMARY KEY,
      last_number INTEGER NOT NULL CHECK (last_number >= 0)
    ) STRICT;
    CREATE TRIGGER diary_series_never_down BEFORE UPDATE ON diary_series
      WHEN NEW.last_number < OLD.last_number
      BEGIN SELECT RAISE(ABORT, 'a diary series never goes back'); END;

    CREATE TABLE arenden (
      id            INTEGER PRIMARY KEY,
      year          INTEGER NOT NULL,
      seq           INTEGER NOT NULL CHECK (seq > 0),
      diarienummer  TEXT NOT NULL,
      title         TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('beslutsarende', 'informationsarende', 'delegationsbeslut', 'inkommande', 'utgaende')),
      status        TEXT NOT NULL CHECK (status IN ('oppet', 'under_beredning', 'beslutat', 'avslutat')),
      received_on   TEXT,
      decided_on    TEXT,
      handlaggare   TEXT,
      description   TEXT,
      voided_at     TEXT,
      voided_by     TEXT,
      voided_reason TEXT,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      UNIQUE (year, seq),
      CHECK ((voided_at IS NULL) = (voided_reason IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX arenden_diarienummer ON arenden (diarienummer);
    CREATE INDEX arenden_status ON arenden (status, year);
    -- A removed ärende stays, makulerad; its number is never free again.
    CREATE TRIGGER arenden_no_delete BEFORE DELETE ON arenden
      BEGIN SELECT RAISE(ABORT, 'an ärende is voided, never deleted'); END;
    CREATE TRIGGER arenden_number_fixed BEFORE UPDATE OF year, seq, diarienummer ON arenden
      WHEN NEW.year <> OLD.year OR NEW.seq <> OLD.seq OR NEW.diarienummer <> OLD.diarienummer
      BEGIN SELECT RAISE(ABORT, 'a diarienummer never changes'); END;
    CREATE TRIGGER arenden_take_number AFTER INSERT ON arenden
      BEGIN
        INSERT INTO diary_series (year, last_number) VALUES (NEW.year, NEW.seq)
          ON CONFLICT (year) DO UPDATE SET last_number = max(last_number, excluded.last_number);
      END;

    -- A handling in an ärende: the bytes in the database, or in a folder beside it (by SHA-256).
    CREATE TABLE documents (
      id          INTEGER PRIMARY KEY,
      arende_id   INTEGER NOT NULL REFERENCES arenden (id) ON DELETE RESTRICT,
      title       TEXT NOT NULL,
      file_name   TEXT NOT NULL,
      mime_type   TEXT NOT NULL,
      size        INTEGER NOT NULL CHECK (size >= 0),
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
      storage     TEXT NOT NULL CHECK (storage IN ('db', 'file')),
      content     BLOB,
      stored_path TEXT,
      text        TEXT,
      added_at    TEXT NOT NULL,
      added_by    TEXT NOT NULL,
      CHECK ((storage = 'db' AND content IS NOT NULL AND stored_path IS NULL) OR (storage = 'file' AND content IS NULL AND stored_path IS NOT NULL))
    ) STRICT;
    CREATE INDEX documents_arende ON documents (arende_id);

    -- Links from an ärende to another record (another ärende, a member, a person, a group, a delegationsbeslut).
    CREATE TABLE record_links (
      id          INTEGER PRIMARY KEY,
      arende_id   INTEGER NOT NULL REFERENCES arenden (id) ON DELETE CASCADE,
      target_kind TEXT NOT NULL CHECK (target_kind IN ('arende', 'member', 'person', 'group', 'delegation_decision')),
      target_id   INTEGER NOT NULL,
      note        TEXT,
      created_at  TEXT NOT NULL,
      UNIQUE (arende_id, target_kind, target_id)
    ) STRICT;
    CREATE INDEX record_links_target ON record_links (target_kind, target_id);

    CREATE TABLE meetings (
      id         INTEGER PRIMARY KEY,
      body       TEXT NOT NULL CHECK (body IN ('styrelse', 'arbetsutskott')),
      held_on    TEXT NOT NULL,
      title      TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX meetings_body_date ON meetings (body, held_on);

    -- Delegationsordning: who may decide what, up to which amount (whole kronor; NULL = no amount limit).
    CREATE TABLE delegations (
      id              INTEGER PRIMARY KEY,
      code            TEXT NOT NULL,
      matter          TEXT NOT NULL,
      delegate        TEXT NOT NULL,
      person_id       INTEGER REFERENCES people (id) ON DELETE RESTRICT,
      limit_kr        INTEGER CHECK (limit_kr IS NULL OR limit_kr >= 0),
      valid_from      TEXT NOT NULL,
      valid_to        TEXT,
      report_to_board INTEGER NOT NULL DEFAULT 1 CHECK (report_to_board IN (0, 1)),
      notes           TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    ) STRICT;
    CREATE UNIQUE INDEX delegations_code_unique ON delegations (lower(code));

    CREATE TABLE delegation_decisions (
      id                  INTEGER PRIMARY KEY,
      delegation_id       INTEGER NOT NULL REFERENCES delegations (id) ON DELETE RESTRICT,
      arende_id           INTEGER NOT NULL REFERENCES arenden (id) ON DELETE RESTRICT,
      decided_on          TEXT NOT NULL,
      decided_by          TEXT NOT NULL,
      title               TEXT NOT NULL,
      amount_kr           INTEGER CHECK (amount_kr IS NULL OR amount_kr >= 0),
      reported_meeting_id INTEGER REFERENCES meetings (id) ON DELETE RESTRICT,
      reported_paragraph  TEXT,
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX delegation_decisions_unreported ON delegation_decisions (reported_meeting_id, decided_on);
    CREATE UNIQUE INDEX delegation_decisions_arende ON delegation_decisions (arende_id);

    CREATE VIRTUAL TABLE search_index USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 0');

    CREATE TRIGGER search_arende_insert AFTER INSERT ON arenden BEGIN
      INSERT INTO search_index (rowid, title, body)
        VALUES (NEW.id * 8 + 1, NEW.title, concat_ws(' ', NEW.diarienummer, NEW.handlaggare, NEW.description, NEW.voided_reason));
    END;
    CREATE TRIGGER search_arende_update AFTER UPDATE ON arenden BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
      INSERT INTO search_index (rowid, title, body)
        VALUES (NEW.id * 8 + 1, NEW.title, concat_ws(' ', NEW.diarienummer, NEW.handlaggare, NEW.description, NEW.voided_reason));
    END;

    CREATE TRIGGER search_person_insert AFTER INSERT ON people BEGIN
      INSERT INTO search_index (rowid, title, body)
        VALUES (NEW.id * 8 + 2, NEW.name, concat_ws(' ', NEW.party, NEW.organisation, NEW.title, NEW.email, NEW.phone, NEW.notes));
    END;
    CREATE TRIGGER search_person_update AFTER UPDATE ON people BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
      INSERT INTO search_index (rowid, title, body)
        VALUES (NEW.id * 8 + 2, NEW.name, concat_ws(' ', NEW.party, NEW.organisation, NEW.title, NEW.email, NEW.phone, NEW.notes));
    END;
    CREATE TRIGGER search_person_delete AFTER DELETE ON people BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
    END;

    CREATE TRIGGER search_member_insert AFTER INSERT ON members BEGIN
      INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 8 + 3, NEW.name, concat_ws(' ', NEW.short_name, NEW.org_nr));
    END;
    CREATE TRIGGER search_member_update AFTER UPDATE ON members BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
      INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 8 + 3, NEW.name, concat_ws(' ', NEW.short_name, NEW.org_nr));
    END;
    CREATE TRIGGER search_member_delete AFTER DELETE ON members BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
    END;

    CREATE TRIGGER search_document_insert AFTER INSERT ON documents BEGIN
      INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 8 + 4, NEW.title, concat_ws(' ', NEW.file_name, NEW.text));
    END;
    CREATE TRIGGER search_document_update AFTER UPDATE ON documents BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
      INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 8 + 4, NEW.title, concat_ws(' ', NEW.file_name, NEW.text));
    END;
    CREATE TRIGGER search_document_delete AFTER DELETE ON documents BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
    END;

    INSERT INTO search_index (rowid, title, body) SELECT id * 8 + 3, name, concat_ws(' ', short_name, org_nr) FROM members;
  `,
};
