import type { Migration } from './types';

/**
 * The new-förbund guide (issue 17): when the förbund finished "Kom igång". A database that
 * existed before the guide is set up already; a new, empty one starts without it.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'forbund_setup',
  sql: `
    ALTER TABLE forbund ADD COLUMN setup_done_at TEXT;
    UPDATE forbund SET setup_done_at = updated_at;
  `,
};
