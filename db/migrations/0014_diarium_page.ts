import type { Migration } from './types';

/**
 * The diarium a page at a time (issue 15): the list is ordered by year and number and
 * filtered on status, typ and makulerade. Indexes in that order let a page stop after its
 * rows, and let the count of a filter read the index alone instead of every ärende.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'diarium_page',
  sql: `
    DROP INDEX arenden_status;
    CREATE INDEX arenden_status ON arenden (status, year, seq, voided_at);
    CREATE INDEX arenden_kind ON arenden (kind, year, seq, voided_at);
    CREATE INDEX arenden_voided ON arenden (voided_at, year, seq);
  `,
};
