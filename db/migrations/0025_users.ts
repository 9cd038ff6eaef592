import type { Migration } from './types';

/**
 * People and roles on a server database (issue 18): each person logs in to the server
 * with their own login, and Kansli knows them here by that login, with the name the audit
 * log gives and their role. A file has one user (the computer's account) and no rows.
 */
const table = (strict: string) => `
    CREATE TABLE kansli_users (
      login        TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      role         TEXT NOT NULL CHECK (role IN ('forbundschef', 'administrator', 'handlaggare', 'lasare')),
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    )${strict};
`;

export const migration0025: Migration = {
  version: 25,
  name: 'users',
  sql: table(' STRICT, WITHOUT ROWID'),
  postgres: table(''),
};
