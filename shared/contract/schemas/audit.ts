import { z } from 'zod';
import { idSchema, requiredText } from './common';

/** What the audit log calls each kind of record. */
export const AUDIT_ENTITIES = [
  'forbund',
  'member',
  'person',
  'mandate_period',
  'board_appointment',
  'group',
  'arende',
  'document',
  'link',
  'delegation',
  'delegation_decision',
  'meeting',
  'user',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  forbund: 'Förbundet',
  member: 'Medlem',
  person: 'Person',
  mandate_period: 'Mandatperiod',
  board_appointment: 'Styrelseuppdrag',
  group: 'Grupp',
  arende: 'Ärende',
  document: 'Handling',
  link: 'Koppling',
  delegation: 'Delegation',
  delegation_decision: 'Delegationsbeslut',
  meeting: 'Sammanträde',
  user: 'Användare',
};

export const auditListInput = z
  .object({
    entity: z.enum(AUDIT_ENTITIES).optional(),
    entityId: z.union([idSchema, z.string().max(40)]).optional(),
    /** Page backwards: entries with a smaller id than this. */
    beforeId: idSchema.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export interface AuditChange {
  /** Dotted field name, e.g. "title" or "person.party". */
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  method: string;
  entity: string;
  entityId: string | null;
  action: 'create' | 'update' | 'delete';
  /** Field by field: what was there before and what came after (all fields for create/delete). */
  changes: AuditChange[];
  hash: string;
}

/**
 * The log's head as recorded outside the database file: in the anchor file in the
 * user data folder (at every close and backup) and in every backup's manifest.
 */
export interface AuditAnchorReport {
  /** How many anchors were compared with the log. */
  checked: number;
  /** The newest anchor: when, and the last entry it vouches for. */
  newestAt: string | null;
  newestLastId: number | null;
  /** Anchors the log no longer matches: entries removed or rewritten since. */
  problems: { source: string; at: string; message: string }[];
  /** Anchors set aside because a backup older than them was restored since. */
  setAside: number;
}

export type AuditVerifyResult =
  | { ok: true; entries: number; anchors: AuditAnchorReport }
  | { ok: false; entries: number; brokenAtId: number | null; reason: string; entry: AuditEntryView | null; anchors: AuditAnchorReport };

export const setUserInput = z.object({ name: requiredText('Ditt namn', 80) }).strict();
export interface CurrentUser {
  osUser: string;
  /** The name set in the app, or null when none is set (the OS user is logged then). */
  displayName: string | null;
  /** How writes are signed in the audit log, e.g. "Eva Lind (eva)". */
  actor: string;
}
