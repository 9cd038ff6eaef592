import type { Migration } from './types';

/**
 * The utfall summed by month (issue 15). The economy's reports ask for whole months of a
 * year — a year, a delår, January to the month just booked — by post and by insats;
 * twenty years of verifikationer are 200 000 rows, and summing them anew for every
 * closed year made the beslutsutrymme walk the whole ledger. Two small tables keep the
 * sums, written by triggers in the same statement as the utfall row, so they can never
 * disagree with it: by (year, month, post) and by (year, month, insats).
 */
export const migration0013: Migration = {
  version: 13,
  name: 'utfall_months',
  sql: `
    CREATE TABLE utfall_post_months (
      year        INTEGER NOT NULL,
      month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      post        TEXT NOT NULL,
      amount_ore  INTEGER NOT NULL,
      row_count   INTEGER NOT NULL,
      PRIMARY KEY (year, month, post)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE utfall_insats_months (
      year        INTEGER NOT NULL,
      month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      insats_id   INTEGER NOT NULL,
      amount_ore  INTEGER NOT NULL,
      row_count   INTEGER NOT NULL,
      PRIMARY KEY (year, month, insats_id)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO utfall_post_months (year, month, post, amount_ore, row_count)
      SELECT year, CAST(substr(booked_on, 6, 2) AS INTEGER), post, SUM(amount_ore), COUNT(*)
      FROM utfall GROUP BY 1, 2, 3;
    INSERT INTO utfall_insats_months (year, month, insats_id, amount_ore, row_count)
      SELECT year, CAST(substr(booked_on, 6, 2) AS INTEGER), insats_id, SUM(amount_ore), COUNT(*)
      FROM utfall WHERE insats_id IS NOT NULL GROUP BY 1, 2, 3;

    CREATE TRIGGER utfall_months_insert AFTER INSERT ON utfall BEGIN
      INSERT INTO utfall_post_months (year, month, post, amount_ore, row_count)
        VALUES (NEW.year, CAST(substr(NEW.booked_on, 6, 2) AS INTEGER), NEW.post, NEW.amount_ore, 1)
        ON CONFLICT (year, month, post) DO UPDATE SET amount_ore = amount_ore + excluded.amount_ore, row_count = row_count + 1;
      INSERT INTO utfall_insats_months (year, month, insats_id, amount_ore, row_count)
        SELECT NEW.year, CAST(substr(NEW.booked_on, 6, 2) AS INTEGER), NEW.insats_id, NEW.amount_ore, 1 WHERE NEW.insats_id IS NOT NULL
        ON CONFLICT (year, month, insats_id) DO UPDATE SET amount_ore = amount_ore + excluded.amount_ore, row_count = row_count + 1;
    END;

    CREATE TRIGGER utfall_months_delete AFTER DELETE ON utfall BEGIN
      UPDATE utfall_post_months SET amount_ore = amount_ore - OLD.amount_ore, row_count = row_count - 1
        WHERE year = OLD.year AND month = CAST(substr(OLD.booked_on, 6, 2) AS INTEGER) AND post = OLD.post;
      DELETE FROM utfall_post_months WHERE row_count = 0 AND year = OLD.year;
      UPDATE utfall_insats_months SET amount_ore = amount_ore - OLD.amount_ore, row_count = row_count - 1
        WHERE year = OLD.year AND month = CAST(substr(OLD.booked_on, 6, 2) AS INTEGER) AND insats_id = OLD.insats_id;
      DELETE FROM utfall_insats_months WHERE row_count = 0 AND year = OLD.year;
    END;

    -- An update is a delete of the old row and an insert of the new one.
    CREATE TRIGGER utfall_months_update AFTER UPDATE OF year, booked_on, post, insats_id, amount_ore ON utfall BEGIN
      UPDATE utfall_post_months SET amount_ore = amount_ore - OLD.amount_ore, row_count = row_count - 1
        WHERE year = OLD.year AND month = CAST(substr(OLD.booked_on, 6, 2) AS INTEGER) AND post = OLD.post;
      UPDATE utfall_insats_months SET amount_ore = amount_ore - OLD.amount_ore, row_count = row_count - 1
        WHERE year = OLD.year AND month = CAST(substr(OLD.booked_on, 6, 2) AS INTEGER) AND insats_id = OLD.insats_id;
      INSERT INTO utfall_post_months (year, month, post, amount_ore, row_count)
        VALUES (NEW.year, CAST(substr(NEW.booked_on, 6, 2) AS INTEGER), NEW.post, NEW.amount_ore, 1)
        ON CONFLICT (year, month, post) DO UPDATE SET amount_ore = amount_ore + excluded.amount_ore, row_count = row_count + 1;
      INSERT INTO utfall_insats_months (year, month, insats_id, amount_ore, row_count)
        SELECT NEW.year, CAST(substr(NEW.booked_on, 6, 2) AS INTEGER), NEW.insats_id, NEW.amount_ore, 1 WHERE NEW.insats_id IS NOT NULL
        ON CONFLICT (year, month, insats_id) DO UPDATE SET amount_ore = amount_ore + excluded.amount_ore, row_count = row_count + 1;
      DELETE FROM utfall_post_months WHERE row_count = 0 AND year IN (OLD.year, NEW.year);
      DELETE FROM utfall_insats_months WHERE row_count = 0 AND year IN (OLD.year, NEW.year);
    END;
  `,
};
