import type { Migration } from './types';

/**
 * Ärendeblad and signed documents (issue 4).
 *
 * An ärendeblad is the decision paper of one ärende: its structured content (förslag
 * till beslut with att-satser, sections of paragraphs, lists and tables, föredragande,
 * bilagor) is kept as JSON checked by the contract's schema, with `revision` for
 * optimistic autosave. A signed PDF is a document in the diarium marked `signed`: the
 * database refuses to change or delete it; a new version supersedes it instead.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'arendeblad',
  sql: `
    ALTER TABLE forbund ADD COLUMN proposal_style TEXT NOT NULL DEFAULT 'att' CHECK (proposal_style IN ('att', 'numrerad'));

    CREATE TABLE arendeblad (
      id          INTEGER PRIMARY KEY,
      arende_id   INTEGER NOT NULL UNIQUE REFERENCES arenden (id) ON DELETE RESTRICT,
      template    TEXT NOT NULL,
      organ       TEXT NOT NULL,
      rubrik      TEXT NOT NULL,
      datum       TEXT NOT NULL,
      content     TEXT NOT NULL CHECK (json_valid(content)),
      revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL
    ) STRICT;

    ALTER TABLE documents ADD COLUMN signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1));
    ALTER TABLE documents ADD COLUMN superseded_by INTEGER REFERENCES documents (id) ON DELETE RESTRICT;
    ALTER TABLE documents ADD COLUMN source TEXT;
    CREATE INDEX documents_source ON documents (source);

    -- A signed document is evidence: its bytes and identity never change, it is never removed.
    CREATE TRIGGER documents_signed_no_delete BEFORE DELETE ON documents
      WHEN OLD.signed = 1
      BEGIN SELECT RAISE(ABORT, 'a signed document is never removed'); END;
    CREATE TRIGGER documents_signed_fixed BEFORE UPDATE ON documents
      WHEN OLD.signed = 1 AND (
        NEW.sha256 IS NOT OLD.sha256 OR NEW.content IS NOT OLD.content OR NEW.stored_path IS NOT OLD.stored_path
        OR NEW.size IS NOT OLD.size OR NEW.signed IS NOT OLD.signed OR NEW.arende_id IS NOT OLD.arende_id
        OR NEW.title IS NOT OLD.title OR NEW.file_name IS NOT OLD.file_name
        OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by))
      BEGIN SELECT RAISE(ABORT, 'a signed document cannot be changed, only superseded'); END;
  `,
};
