import { z } from 'zod';
import { base64Content, confirmPersonalData } from './common';
import { method, type MethodSpec } from '../define';

export const EXPORT_REGISTERS = ['medlemmar', 'personer', 'styrelse', 'grupper', 'diarium', 'delegationsordning', 'delegationsbeslut'] as const;
export type ExportRegister = (typeof EXPORT_REGISTERS)[number];
export const EXPORT_REGISTER_LABELS: Record<ExportRegister, string> = {
  medlemmar: 'Medlemmar',
  personer: 'Personer',
  styrelse: 'Styrelse',
  grupper: 'Grupper',
  diarium: 'Diarium',
  delegationsordning: 'Delegationsordning',
  delegationsbeslut: 'Delegationsbeslut',
};

export const IMPORT_REGISTERS = ['styrelse', 'diarium'] as const;
export type ImportRegister = (typeof IMPORT_REGISTERS)[number];

export const exportInput = z.object({ register: z.enum(EXPORT_REGISTERS, { error: 'Okänt register.' }) }).strict();
export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rows: number;
}

export const importPreviewInput = z
  .object({ register: z.enum(IMPORT_REGISTERS, { error: 'Det går bara att importera styrelse och diarium.' }), contentBase64: base64Content })
  .strict();

export const importApplyInput = z
  .object({
    register: z.enum(IMPORT_REGISTERS, { error: 'Det går bara att importera styrelse och diarium.' }),
    contentBase64: base64Content,
    /** Import the accepted rows and leave the rejected ones out; otherwise any rejected row stops the import. */
    skipRejected: z.boolean().default(false),
    confirmPersonalData,
  })
  .strict();

export type ImportRowAction = 'add' | 'change' | 'unchanged' | 'reject';

export interface ImportRowPreview {
  /** The row number in the sheet (1 = the header row). */
  row: number;
  action: ImportRowAction;
  /** E.g. "2018/012 Lokussamordnare Älvkarleby" or "Uppsala kommun: Eva Lind (S), ordinarie". */
  label: string;
  /** For 'change': which fields change, from what to what. */
  changes: { field: string; before: string; after: string }[];
  /** For 'reject': why, naming the column. */
  errors: string[];
  /** Warnings that do not stop the row, e.g. a personnummer in a text. */
  warnings: string[];
}

export interface ImportPreview {
  register: ImportRegister;
  sheetName: string;
  rows: ImportRowPreview[];
  counts: Record<ImportRowAction, number>;
}

export interface ImportResult {
  register: ImportRegister;
  added: number;
  changed: number;
  unchanged: number;
  skipped: number;
}

/** The API contract's xlsx methods; shared/contract/methods.ts merges every area's. */
export const xlsxMethods = {
  'xlsx.export': method<ExportFile>()({
    description: 'Ett register som Excel-fil (.xlsx) med svenska rubriker.',
    input: exportInput,
    writes: false,
  }),
  'xlsx.importPreview': method<ImportPreview>()({
    description: 'Visar vilka rader i en Excel-fil som skulle läggas till, ändras eller avvisas. Inget sparas.',
    input: importPreviewInput,
    writes: false,
  }),
  'xlsx.import': method<ImportResult>()({
    description: 'Importerar styrelse eller diarium från en Excel-fil, allt eller inget.',
    input: importApplyInput,
    writes: true,
  }),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;
