import { KansliError } from '../../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import { EXPORT_REGISTER_LABELS } from '../../../shared/contract/schemas/xlsx';
import type { Scope } from '../context';
import { registerTable } from './export';
import { runImport } from './import';
import { buildWorkbook, readWorkbook, today, XLSX_MIME } from './workbook';
import { refuseAll } from '../refuse';
import { handlersFor } from '../handler';

/** Preview rolls back by throwing this out of its transaction. */
class PreviewDone extends Error {}

export async function exportRegister(input: ParsedInput<'xlsx.export'>, scope: Scope): Promise<MethodResult<'xlsx.export'>> {
  const table = await registerTable(input.register, scope);
  return {
    fileName: `Kansli ${EXPORT_REGISTER_LABELS[input.register]} ${today(scope.now)}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64: await buildWorkbook(table.sheetName, table.columns, table.rows),
    rows: table.rows.length,
  };
}

/** Runs the whole import in a transaction that is always rolled back: the real rules, nothing written. */
export async function previewImport(input: ParsedInput<'xlsx.importPreview'>, scope: Scope): Promise<MethodResult<'xlsx.importPreview'>> {
  const sheet = await readWorkbook(input.contentBase64);
  let preview: MethodResult<'xlsx.importPreview'> | null = null;
  try {
    await scope.ctx.db.kysely.transaction().execute(async (trx) => {
      const dry: Scope = { ...scope, db: trx, audit: async () => {} };
      preview = await runImport(input.register, sheet, dry);
      throw new PreviewDone();
    });
  } catch (err) {
    if (!(err instanceof PreviewDone)) throw err;
  }
  if (preview === null) throw new KansliError('INTERNAL', 'Förhandsgranskningen gav inget resultat.');
  return preview;
}

export async function applyImport(input: ParsedInput<'xlsx.import'>, scope: Scope): Promise<MethodResult<'xlsx.import'>> {
  const sheet = await readWorkbook(input.contentBase64);
  const result = await runImport(input.register, sheet, scope);
  const rejected = result.rows.filter((r) => r.action === 'reject');
  if (rejected.length > 0 && !input.skipRejected) {
    const lines = rejected.slice(0, 10).flatMap((r) => r.errors);
    const more = rejected.length > 10 ? ` … och ${rejected.length - 10} rader till.` : '';
    throw refuseAll(
      `Inget är importerat: ${rejected.length} rader avvisas. ${lines.join(' ')}${more}`,
      rejected.flatMap((r) => r.errors.map((message) => ({ path: `rad.${r.row}`, message }))),
      'VALIDATION',
    );
  }
  const warnings = result.rows.filter((r) => r.action !== 'reject').flatMap((r) => r.warnings);
  if (warnings.length > 0 && input.confirmPersonalData !== true) {
    throw refuseAll(
      `Inget är importerat. ${warnings.slice(0, 5).join(' ')} Förbundet får inte behandla uppgifter om enskilda. Ta bort personnumren ur filen, eller bekräfta att uppgifterna måste sparas.`,
      warnings.map((message) => ({ path: 'contentBase64', message })),
      'PERSONAL_DATA',
    );
  }
  return { register: input.register, added: result.counts.add, changed: result.counts.change, unchanged: result.counts.unchanged, skipped: rejected.length };
}

/** The methods this module serves. */
export const xlsxHandlers = handlersFor({
  'xlsx.export': exportRegister,
  'xlsx.importPreview': previewImport,
  'xlsx.import': applyImport,
});
