import { z } from 'zod';
import type { Role } from '../access';
import { idSchema, requiredText, emptyInput } from './common';
import { method, type MethodSpec } from '../define';

/**
 * Every kind of record the audit log names, with what a person calls it. A service can
 * only write an entry for one of these (AuditEntry.entity is this type), and the log's
 * filter offers them all.
 */
export const AUDIT_ENTITY_LABELS = {
  forbund: 'Förbundet',
  user: 'Användare',
  member: 'Medlem',
  person: 'Person',
  mandate_period: 'Mandatperiod',
  board_appointment: 'Styrelseuppdrag',
  group: 'Grupp',
  arende: 'Ärende',
  diary_series: 'Diariets nummerserie',
  document: 'Handling',
  link: 'Koppling',
  delegation: 'Delegation',
  delegation_decision: 'Delegationsbeslut',
  arendeblad: 'Ärendeblad',
  meeting: 'Sammanträde',
  protocol: 'Protokoll',
  application: 'Ansökan',
  priority_groups: 'Prioriterade målgrupper',
  insats: 'Insats',
  insats_targets: 'Mål för insatserna',
  requisition: 'Rekvisition',
  participants: 'Deltagare',
  goal: 'Måluppfyllelse',
  insats_report: 'Insatsrapport',
  medlemsavgift: 'Medlemsavgift',
  budget: 'Budget',
  utfall: 'Utfall',
  utfall_import: 'Import av utfall',
  kontokoppling: 'Kontokoppling',
  objektkoppling: 'Objektkoppling',
  ar: 'Stängt år',
  ekonomiinstallningar: 'Riktlinjer för ekonomin',
  ekonomihistorik: 'Ekonomisk historik',
  riskskala: 'Riskskala',
  risk: 'Risk',
  internkontrollplan: 'Internkontrollplan',
  kontrollmoment: 'Kontrollmoment',
  kontrolltillfallen: 'Kontrolltillfällen',
  kontrolltillfalle: 'Kontrolltillfälle',
  avvikelse: 'Avvikelse',
  verksamhetsplan: 'Verksamhetsplan',
  maluppfyllelse: 'Måluppfyllelse (verksamhetsplan)',
  bokslut: 'Bokslutets saldon',
  bokslutskoppling: 'Konto i bokslutet',
  bokslutsnot: 'Not i bokslutet',
  arsredovisning: 'Årsredovisning',
  delarsrapport: 'Delårsrapport',
  arshjul: 'Årshjul',
  sus: 'SUS-siffror',
  indikator: 'Indikator eller enkät',
  kompetenstillfalle: 'Kompetenshöjande tillfälle',
  medlemsdialog: 'Medlemsdialog eller samråd',
  backup_settings: 'Säkerhetskopiering',
  databas: 'Databasen',
} as const satisfies Record<string, string>;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_LABELS) as [AuditEntity, ...AuditEntity[]];

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
  /** The field as a person calls it: "Insatsägare", "Person › Parti". */
  label: string;
  /** The values in words: a member's name for its id, "Ja"/"Nej", "21 585 170 kr", a list as a list; null when empty. */
  beforeText: string | null;
  afterText: string | null;
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
  /** The kind of record in words ("Medlem"), also for a name the app no longer writes. */
  entityLabel: string;
  /** The record's own name as the entry knows it ("Heby kommun", "2026/009 Samverkan i norr"), or null. */
  recordName: string | null;
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
  /** The role on a server database (shared/contract/access.ts); null on a file, where every method is the user's. */
  role: Role | null;
}

/** The API contract's audit methods; shared/contract/methods.ts merges every area's. */
export const auditMethods = {
  'user.get': method<CurrentUser>()({
    description: 'Vem som är inloggad och hur ändringar signeras i granskningsloggen.',
    input: emptyInput,
    writes: false,
  }),
  'user.set': method<CurrentUser>()({
    description: 'Sätter ditt namn, som skrivs i granskningsloggen vid varje ändring.',
    input: setUserInput,
    writes: true,
  }),
  'audit.list': method<AuditEntryView[]>()({
    description: 'Granskningsloggen, nyast först; för en post om entity och entityId anges.',
    input: auditListInput,
    writes: false,
  }),
  'audit.verify': method<AuditVerifyResult>()({
    description: 'Prövar hela granskningsloggens kedja av kontrollsummor och visar var den bryts.',
    input: emptyInput,
    writes: false,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;
