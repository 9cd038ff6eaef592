import type { Migration } from './types';

/**
 * Participants by kön (issue 5): of those who ended, how many were women and men, and
 * how many of each went to work or studies, so the share can be read by kön as the
 * utvärderings-PM asks. Optional: counts only, and null where the insats reports none.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'deltagare_kon',
  sql: `
    ALTER TABLE participant_figures ADD COLUMN avslutade_kvinnor INTEGER CHECK (avslutade_kvinnor IS NULL OR avslutade_kvinnor >= 0);
    ALTER TABLE participant_figures ADD COLUMN avslutade_man INTEGER CHECK (avslutade_man IS NULL OR avslutade_man >= 0);
    ALTER TABLE participant_figures ADD COLUMN arbete_studier_kvinnor INTEGER CHECK (arbete_studier_kvinnor IS NULL OR arbete_studier_kvinnor >= 0);
    ALTER TABLE participant_figures ADD COLUMN arbete_studier_man INTEGER CHECK (arbete_studier_man IS NULL OR arbete_studier_man >= 0);
  `,
};
