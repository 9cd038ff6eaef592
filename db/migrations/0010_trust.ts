import type { Migration } from './types';

/**
 * Trust (issue 13).
 *
 * - `kansli_meta` gives the database an identity of its own (`database_id`, random), so
 *   its automatic backups and the audit log's anchors outside the file are found again
 *   wherever the file is opened.
 * - `backup_settings` holds how many automatic backups are kept: the latest taken at
 *   start and close, and one a day, a week and a month before them.
 * - An ärendeblad has a `version`; `signed_version` is the version that carries a
 *   signature. While the two are equal the ärendeblad is frozen: its content cannot
 *   change until "Ny version" raises `version`, and the earlier signatures stay with
 *   the earlier version's PDF (`documents.source_version` says which version a PDF is).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'trust',
  sql: `
    CREATE TABLE kansli_meta (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) STRICT;
    INSERT INTO kansli_meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))));

    CREATE TABLE backup_settings (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      recent      INTEGER NOT NULL CHECK (recent BETWEEN 1 AND 100),
      daily       INTEGER NOT NULL CHECK (daily BETWEEN 0 AND 100),
      weekly      INTEGER NOT NULL CHECK (weekly BETWEEN 0 AND 100),
      monthly     INTEGER NOT NULL CHECK (monthly BETWEEN 0 AND 240),
      updated_at  TEXT NOT NULL
    ) STRICT;
    INSERT INTO backup_settings (id, recent, daily, weekly, monthly, updated_at) VALUES (1, 5, 7, 5, 12, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

    ALTER TABLE arendeblad ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0);
    ALTER TABLE arendeblad ADD COLUMN signed_version INTEGER CHECK (signed_version IS NULL OR signed_version > 0);
    UPDATE arendeblad SET signed_version = 1
      WHERE EXISTS (SELECT 1 FROM documents d WHERE d.signed = 1 AND d.source = 'arendeblad:' || arendeblad.id);
    -- Which version of its source a generated document is (an ärendeblad's signed PDF).
    ALTER TABLE documents ADD COLUMN source_version INTEGER;
    UPDATE documents SET source_version = 1 WHERE signed = 1 AND source LIKE 'arendeblad:%';

    -- A signed version is frozen: its text changes only in a new version.
    CREATE TRIGGER arendeblad_signed_frozen BEFORE UPDATE ON arendeblad
      WHEN OLD.signed_version IS NOT NULL AND OLD.signed_version = OLD.version AND NEW.version = OLD.version
        AND (NEW.content IS NOT OLD.content OR NEW.rubrik IS NOT OLD.rubrik OR NEW.organ IS NOT OLD.organ OR NEW.datum IS NOT OLD.datum)
      BEGIN SELECT RAISE(ABORT, 'a signed ärendeblad is frozen'); END;
  `,
};
