import type { Generated } from 'kysely';

/** Kysely's view of the tables. Column names are snake_case as in SQL. */
export interface ForbundTable {
  id: Generated<number>;
  name: string;
  org_nr: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  is_demo: number;
  updated_at: string;
}

export interface MembersTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  kind: 'stat' | 'region' | 'kommun';
  org_nr: string;
  created_at: string;
  updated_at: string;
}

export interface MemberPopulationsTable {
  member_id: number;
  year: number;
  population: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  method: string;
  entity: string;
  entity_id: string | null;
  action: 'create' | 'update' | 'delete';
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface KansliTables {
  forbund: ForbundTable;
  members: MembersTable;
  member_populations: MemberPopulationsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
