import fs from 'node:fs';
import path from 'node:path';
import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { DocumentMeta } from '../../shared/contract/schemas/diarium';
import type { Scope } from './context';
import { documentData, documentFileName, loadArendeblad, sourceOf } from './arendeblad';
import { loadDocumentMeta, requireArende } from './diarium';
import { readDocumentBytes, storeDocument } from './documents';
import { loadForbund } from './forbund';
import { resourceBytes } from './resources';
import { refuse } from './refuse';
import { handlersFor } from './handler';

/**
 * Signed decision documents: an ärendeblad rendered and signed in one step, further
 * signatures added in turn (each an incremental update, so the earlier ones stay
 * valid), any PDF verified, and signed documents exported by diarienummer and title.
 * A signed PDF in the diarium is never changed: each new signature makes a new
 * version that supersedes the one before.
 */

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** Marks the newest signed version from `source` (other than `newId`) as superseded by it. */
async function supersede(scope: Scope, previousId: number, newId: number): Promise<void> {
  const before = await loadDocumentMeta(scope, previousId);
  await scope.db.updateTable('documents').set({ superseded_by: newId }).where('id', '=', previousId).where('superseded_by', 'is', null).execute();
  await scope.audit({ entity: 'document', entityId: previousId, action: 'update', before, after: await loadDocumentMeta(scope, previousId) });
}

export async function signArendeblad(input: ParsedInput<'arendeblad.sign'>, scope: Scope): Promise<MethodResult<'arendeblad.sign'>> {
  const { view, doc } = await documentData(scope, input.id);
  if (input.revision !== undefined && input.revision !== view.revision) {
    throw new KansliError(
      'CONFLICT',
      `Ärendebladet har ändrats (av ${view.updatedBy}) sedan du läste det. Läs igenom den senaste versionen innan du signerar. Inget har signerats.`,
    );
  }
  if (view.frozen) {
    throw new KansliError(
      'RULE',
      `Version ${view.version} av ärendebladet är redan signerad. Nästa undertecknare signerar den signerade PDF:en (Signera också …); för att ändra texten, välj Ny version. Inget har signerats.`,
    );
  }
  const { openP12 } = await import('./signing/p12');
  const identity = openP12(Buffer.from(input.credentials.certificateBase64, 'base64'), input.credentials.password, scope.now);
  const forbund = await loadForbund(scope);
  const { FOREDRAGANDE_FIELD, renderArendebladPdf } = await import('./pdf/arendeblad-pdf');
  const { bytes } = await renderArendebladPdf(scope.ctx, doc, scope.now);
  const { signPdf } = await import('./signing/pades');
  const signed = await signPdf(bytes, identity, {
    signingTime: scope.now,
    signerName: identity.subjectName,
    role: input.credentials.role,
    reason: `Ärendeblad ${view.diarienummer}`,
    location: forbund.city ?? undefined,
    placement: { fieldName: FOREDRAGANDE_FIELD },
    fontBytes: resourceBytes(scope.ctx, 'fonts', 'Carlito-Regular.ttf'),
  });
  const previous = view.signed.find((v) => v.supersededBy === null);
  const meta = await storeDocument(scope, {
    arendeId: view.arendeId,
    fileName: documentFileName(view.diarienummer, `${view.rubrik} (signerad)`, 'pdf'),
    title: `Ärendeblad: ${view.rubrik} (signerad)`,
    mimeType: 'application/pdf',
    bytes: Buffer.from(signed),
    signed: true,
    source: sourceOf(view.id),
    sourceVersion: view.version,
  });
  if (previous) await supersede(scope, previous.documentId, meta.id);
  await scope.db.updateTable('arendeblad').set({ signed_version: view.version }).where('id', '=', view.id).execute();
  await scope.audit({ entity: 'arendeblad', entityId: view.id, action: 'update', before: { signeradVersion: null }, after: { signeradVersion: view.version } });
  return loadArendeblad(scope, view.id);
}

export async function signDocument(input: ParsedInput<'documents.sign'>, scope: Scope): Promise<MethodResult<'documents.sign'>> {
  const { row, bytes } = await readDocumentBytes(scope, input.documentId);
  if (!isPdf(bytes)) throw new KansliError('RULE', `”${row.title}” är inte en PDF och kan inte signeras.`);
  if (row.superseded_by !== null) {
    throw new KansliError('RULE', `”${row.title}” har ersatts av en nyare version. Signera den senaste versionen.`);
  }
  const arende = await requireArende(scope, row.arende_id);
  const { openP12 } = await import('./signing/p12');
  const identity = openP12(Buffer.from(input.credentials.certificateBase64, 'base64'), input.credentials.password, scope.now);

  // The field laid out for the signer by name (an årsredovisning's ledamöter), else for this role ("Ordförande",
  // "Justerare 1" …), else the only free one, else a new box at the foot of the last page.
  const { signatureFields } = await import('./pdf/inspect');
  const { fields, pageCount } = await signatureFields(bytes);
  const role = input.credentials.role.toLocaleLowerCase('sv');
  const signer = identity.subjectName.toLocaleLowerCase('sv');
  const free = fields.filter((f) => !f.signed);
  const own = fields.find((f) => f.name.toLocaleLowerCase('sv') === signer);
  if (own?.signed) throw new KansliError('RULE', `${identity.subjectName} har redan signerat ”${row.title}”.`);
  const field = own ?? free.find((f) => f.name.toLocaleLowerCase('sv').startsWith(role)) ?? (free.length === 1 ? free[0] : undefined);
  const slot = fields.filter((f) => f.signed).length;
  const { MM } = await import('./pdf/composer');
  const { MARGIN } = await import('./pdf/arendeblad-pdf');
  const width = 58 * MM;
  const placement = field
    ? { fieldName: field.name }
    : { pageIndex: pageCount - 1, rect: [MARGIN.left + (slot % 3) * (width + 4 * MM), MARGIN.bottom + 2, width, 40] as [number, number, number, number] };

  const forbund = await loadForbund(scope);
  const { signPdf } = await import('./signing/pades');
  const signed = await signPdf(bytes, identity, {
    signingTime: scope.now,
    signerName: identity.subjectName,
    role: input.credentials.role,
    reason: `${row.title} (${arende.diarienummer})`,
    location: forbund.city ?? undefined,
    placement,
    fontBytes: resourceBytes(scope.ctx, 'fonts', 'Carlito-Regular.ttf'),
  });
  const baseTitle = row.title.replace(/ \(signerad\)$/, '');
  const meta: DocumentMeta = await storeDocument(scope, {
    arendeId: row.arende_id,
    fileName: row.file_name,
    title: `${baseTitle} (signerad)`,
    mimeType: 'application/pdf',
    bytes: Buffer.from(signed),
    signed: true,
    source: row.source,
    sourceVersion: row.source_version,
  });
  await supersede(scope, row.id, meta.id);
  return meta;
}

export async function verifyDocument(input: ParsedInput<'pdf.verify'>, scope: Scope): Promise<MethodResult<'pdf.verify'>> {
  const bytes = input.documentId !== undefined ? (await readDocumentBytes(scope, input.documentId)).bytes : Buffer.from(input.contentBase64 ?? '', 'base64');
  const { verifyPdf } = await import('./signing/verify');
  return verifyPdf(bytes);
}

/** A file name not yet taken in `folder`: "… (2).pdf" when "….pdf" holds other bytes. */
function freeName(folder: string, fileName: string, bytes: Buffer): { name: string; exists: boolean } {
  const { name, ext } = path.parse(fileName);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? fileName : `${name} (${n})${ext}`;
    const full = path.join(folder, candidate);
    if (!fs.existsSync(full)) return { name: candidate, exists: false };
    if (fs.readFileSync(full).equals(bytes)) return { name: candidate, exists: true };
  }
}

export async function exportSigned(input: ParsedInput<'documents.exportSigned'>, scope: Scope): Promise<MethodResult<'documents.exportSigned'>> {
  const folder = path.resolve(input.folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw refuse('folder', `Mappen ${folder} finns inte. Välj en befintlig mapp.`, 'RULE', 'Mappen finns inte.');
  }
  if (!stat.isDirectory()) throw refuse('folder', `${folder} är inte en mapp.`, 'RULE', 'Inte en mapp.');

  // Read and check every document first: nothing is written if one of them is missing or damaged.
  const files: { fileName: string; bytes: Buffer }[] = [];
  for (const id of input.documentIds) {
    const { row, bytes } = await readDocumentBytes(scope, id);
    if (row.signed !== 1) throw new KansliError('RULE', `”${row.title}” är inte ett signerat dokument.`);
    const arende = await requireArende(scope, row.arende_id);
    files.push({ fileName: documentFileName(arende.diarienummer, row.title, path.extname(row.file_name).slice(1) || 'pdf'), bytes });
  }
  const written: string[] = [];
  for (const file of files) {
    const target = freeName(folder, file.fileName, file.bytes);
    if (!target.exists) {
      const tmp = path.join(folder, `.${target.name}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, file.bytes);
      fs.renameSync(tmp, path.join(folder, target.name));
    }
    written.push(target.name);
  }
  return { folder, files: written };
}

/** The methods this module serves. */
export const signedDocumentsHandlers = handlersFor({
  'arendeblad.sign': signArendeblad,
  'documents.sign': signDocument,
  'pdf.verify': verifyDocument,
  'documents.exportSigned': exportSigned,
});
