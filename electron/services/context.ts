import type { Kysely } from 'kysely';
import type { KansliDb } from '../../db/open';
import type { KansliTables } from '../../db/schema';
import type { AuditEntity } from '../../shared/contract/schemas/audit';
import type { BackupRestoreResult } from '../../shared/contract/schemas/backup';

/** What a transport knows about the caller and the open database. */
export interface ServiceContext {
  readonly db: KansliDb;
  /**
   * The operating-system account using the app. The audit log names the person by
   * the name they set in the app for this account (user.set), or by this.
   */
  readonly actor: string;
  readonly appVersion: string;
  readonly now: () => Date;
  /** Fonts and ICC profile for PDFs; found from the working directory when not given. */
  readonly resourcesDir?: string;
  /**
   * The user data folder (Electron's userData; ~/.config/Kansli for the host and CLI):
   * automatic backups and the audit log's anchors are kept there, outside the database.
   */
  readonly dataDir: string;
  /** What only the transport can do: close the database, put a backup in its place, open it again. */
  readonly lifecycle?: SessionLifecycle;
}

export interface SessionLifecycle {
  restore(file: string): Promise<BackupRestoreResult>;
}

export interface AuditEntry {
  entity: AuditEntity;
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
  /** Who the audit log says made this call, e.g. "Eva Lind (eva)". */
  readonly actor: string;
  audit(entry: AuditEntry): Promise<void>;
}
