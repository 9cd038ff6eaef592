import type { Migration } from './types';

/**
 * Statistik (issue 16): SUS figures as aggregates per year, period and insats (0: the förbund
 * as a whole), indicator and survey results, kompetenshöjande events and medlemsdialoger.
 * Counts only: nothing about an individual is ever stored.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'statistik',
  sql: `
    CREATE TABLE sus_figures (
      year        INTEGER NOT NULL,
      period      TEXT NOT NULL CHECK (period IN ('delar', 'helar')),
      insats_key  INTEGER NOT NULL,
      key         TEXT NOT NULL,
      value       INTEGER NOT NULL CHECK (value >= 0),
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL,
      PRIMARY KEY (year, period, insats_key, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE indikatorer (
      id           INTEGER PRIMARY KEY,
      year         INTEGER NOT NULL,
      name         TEXT NOT NULL,
      tillfragade  INTEGER CHECK (tillfragade >= 0),
      besvarade    INTEGER CHECK (besvarade >= 0),
      resultat     TEXT NOT NULL DEFAULT '',
      updated_at   TEXT NOT NULL,
      CHECK (besvarade IS NULL OR tillfragade IS NULL OR besvarade <= tillfragade)
    ) STRICT;

    CREATE TABLE kompetens_events (
      id          INTEGER PRIMARY KEY,
      held_on     TEXT NOT NULL,
      title       TEXT NOT NULL,
      deltagare   INTEGER NOT NULL CHECK (deltagare >= 0),
      arrangor    TEXT NOT NULL CHECK (arrangor IN ('forbundet', 'parterna')),
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE medlemsdialoger (
      id          INTEGER PRIMARY KEY,
      held_on     TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('medlemsdialog', 'samrad')),
      title       TEXT NOT NULL,
      member_ids  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(member_ids)),
      updated_at  TEXT NOT NULL
    ) STRICT;
  `,
};
