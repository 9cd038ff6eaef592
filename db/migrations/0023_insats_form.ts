import type { Migration } from './types';

/**
 * How an insats is reported in the årsredovisning (issue 16, seed 003): långsiktig samverkan,
 * projektverksamhet or övriga utvecklingsinsatser. Existing individinriktade insatser start as
 * projekt, the others as övriga; the kansli changes it on the insats.
 */
export const migration0023: Migration = {
  version: 23,
  name: 'insats_form',
  sql: `
    ALTER TABLE insatser ADD COLUMN form TEXT NOT NULL DEFAULT 'projekt' CHECK (form IN ('langsiktig', 'projekt', 'ovrig'));
    UPDATE insatser SET form = 'ovrig' WHERE kategori <> 'individ';
  `,
};
