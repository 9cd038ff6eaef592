import type { Kysely } from 'kysely';
import type { KansliDb } from '../../db/open';
import type { KansliTables } from '../../db/schema';

/** What a transport knows about the caller and the open database. */
export interface ServiceContext {
  readonly db: KansliDb;
  /** Who is acting, for the audit log (the user name set in the app, or the OS user). */
  readonly actor: string;
  readonly appVersion: string;
  readonly now: () => Date;
}

export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
}

/** What one handler call sees: the database (inside the call's transaction for writes). */
export interface Scope {
  readonly ctx: ServiceContext;
  readonly db: Kysely<KansliTables>;
  readonly method: string;
  readonly now: Date;
  audit(entry: AuditEntry): Promise<void>;
}
