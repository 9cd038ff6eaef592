import { z } from 'zod';
import { emptyInput } from './common';
import { method, type MethodSpec } from '../define';

/** A path on the computer running Kansli: absolute, no NUL. */
function absolutePath(label: string) {
  return z
    .string({ error: `${label} måste vara text.` })
    .trim()
    .min(1, { error: `Ange ${label.toLowerCase()}.` })
    .max(4000, { error: `${label} är för lång.` })
    .refine((p) => !p.includes('\u0000'), { error: `${label} innehåller ett ogiltigt tecken.` })
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
      error: `${label} måste vara en fullständig sökväg (t.ex. /home/eva/Säkerhetskopior eller D:\\Säkerhetskopior).`,
    });
}

export const backupCreateInput = z
  .object({
    /** The folder to write the backup in; the automatic folder when left out. */
    folder: absolutePath('Mappen').optional(),
  })
  .strict();

export const backupFileInput = z.object({ file: absolutePath('Säkerhetskopian') }).strict();

function count(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} måste vara ett heltal.` })
    .int({ error: `${label} måste vara ett heltal.` })
    .min(min, { error: `${label} måste vara minst ${min}.` })
    .max(max, { error: `${label} får vara högst ${max}.` });
}

export const backupSettingsInput = z
  .object({
    recent: count('Antal senaste', 1, 100),
    daily: count('Antal dagliga', 0, 100),
    weekly: count('Antal veckovisa', 0, 100),
    monthly: count('Antal månatliga', 0, 240),
  })
  .strict();

export const BACKUP_REASON_LABELS = {
  manuell: 'Gjord för hand',
  start: 'Vid start',
  stängning: 'Vid stängning',
  daglig: 'Daglig',
  'före återställning': 'Före återställning',
} as const;
export type BackupReasonKey = keyof typeof BACKUP_REASON_LABELS;

export interface BackupInfo {
  file: string;
  fileName: string;
  createdAt: string;
  reason: BackupReasonKey;
  forbund: string;
  sizeBytes: number;
  auditEntries: number;
  documents: number;
  /** Documents that were missing or changed beside the database when the copy was made. */
  warnings: string[];
}

export interface BackupStatus {
  /** Where the automatic backups of this database are kept. */
  folder: string;
  policy: z.output<typeof backupSettingsInput>;
  backups: BackupInfo[];
  /** Why the last automatic backup failed, if it did. */
  lastError: string | null;
  /** Set when the database is open read-only: why. */
  readOnly: string | null;
  /** Set when the database lies on a network share. */
  networkShare: string | null;
}

export interface BackupVerifyResult {
  ok: true;
  backup: BackupInfo;
  /** What was checked, in Swedish, for the confirmation. */
  checks: string[];
}

export interface BackupRestoreResult {
  restoredFrom: string;
  createdAt: string;
  forbund: string;
  /** Where the database that was replaced is kept. */
  keptAs: string | null;
  documentsAdded: number;
}

/** The API contract's backup methods; shared/contract/methods.ts merges every area's. */
export const backupMethods = {
  'backup.status': method<BackupStatus>()({
    description: 'Säkerhetskopiorna av databasen: var de automatiska ligger, hur många som sparas och vilka som finns.',
    input: emptyInput,
    writes: false,
  }),
  'backup.create': method<BackupInfo>()({
    description:
      'Gör en säkerhetskopia nu (databasen, handlingarna och en innehållsförteckning med kontrollsummor), i en vald mapp eller bland de automatiska.',
    input: backupCreateInput,
    writes: false,
  }),
  'backup.verify': method<BackupVerifyResult>()({
    description: 'Kontrollerar en säkerhetskopia (filer, databas, granskningslogg) utan att ändra något.',
    input: backupFileInput,
    writes: false,
  }),
  'backup.restore': method<BackupRestoreResult>()({
    description: 'Kontrollerar en säkerhetskopia och sätter den i databasens ställe; den ersatta databasen sparas.',
    input: backupFileInput,
    writes: false,
  }),
  'backup.saveSettings': method<z.output<typeof backupSettingsInput>>()({
    description: 'Hur många automatiska säkerhetskopior som sparas: de senaste, dagliga, veckovisa och månatliga.',
    input: backupSettingsInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;
