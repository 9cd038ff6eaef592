import type { Migration } from './types';

/**
 * One feature, one name (issue 14): the tables of medlemsavgifter and protokoll take
 * the feature's name, as its methods, service, screen and tests do. SQLite's RENAME
 * rewrites the foreign keys, indexes and triggers that name them. The audit log keeps
 * the entity names it was written with (`medlemsavgift`, `protocol`): its entries are
 * hash-chained and never rewritten.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'names',
  sql: `
    ALTER TABLE fee_years RENAME TO medlemsavgifter;
    ALTER TABLE fee_shares RENAME TO medlemsavgift_shares;
    ALTER TABLE protocols RENAME TO protokoll;
    ALTER TABLE protocol_events RENAME TO protokoll_events;
  `,
};
