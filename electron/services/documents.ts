import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type JSZip from 'jszip';
import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import type { DocumentMeta } from '../../shared/contract/schemas/diarium';
import type { Scope } from './context';
import { loadDocumentMeta, refuseIfVoided, requireArende } from './diarium';
import { decodeTextFile } from '../../shared/domain/windows-1252';
import { checkZipArchive } from './zip-guard';
import { importPdfJs } from './esm-import';
import { backupWithDocument } from './backups';
import { storageError } from '../../db/storage-errors';
import { refuse } from './refuse';
import { handlersFor } from './handler';

/** Largest file a document may be. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Up to this size the bytes are kept in the database; larger files beside it. */
export const MAX_BYTES_IN_DB = 8 * 1024 * 1024;
/** The searchable text of one document is cut here. */
const MAX_TEXT_CHARS = 5_000_000;

const MIME_BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

function extensionOf(fileName: string): string {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}

export function guessMimeType(fileName: string): string {
  return MIME_BY_EXT[extensionOf(fileName)] ?? 'application/octet-stream';
}

/** The folder beside the database where large files are kept: "<database file>.dokument". */
export function documentFolder(dbPath: string): string {
  return `${dbPath}.dokument`;
}

// ---------------------------------------------------------------------------
// Text for the search index.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(cp: number, fallback: string): string {
  return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|br|li|tr|h[1-6]|table|ul|ol|section|article)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ');
  return tidy(decodeEntities(text));
}

function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The running text of a .docx (word/document.xml), one line per paragraph. */
export async function docxToText(bytes: Buffer, fileName = 'dokument.docx'): Promise<string | null> {
  let zip: JSZip;
  if (!checkZipArchive(bytes, `Filen ”${fileName}”`)) return null;
  try {
    const { default: jszip } = await import('jszip');
    zip = await jszip.loadAsync(bytes);
  } catch {
    return null;
  }
  const entry = zip.file('word/document.xml');
  if (!entry) return null;
  const xml = await entry.async('string');
  const text = xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:(br|cr)\b[^>]*\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:(delText|instrText)\b[^>]*>[\s\S]*?<\/w:\1>/g, '')
    .replace(/<[^>]*>/g, '');
  return tidy(decodeEntities(text));
}

/**
 * The text layer of a PDF, page by page (pdf.js, no rendering). A scanned PDF has no
 * text layer and gives null; an encrypted or broken one too — the file is still kept.
 */
async function pdfToText(bytes: Buffer): Promise<string | null> {
  try {
    const pdfjs = await importPdfJs();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
      .promise;
    try {
      const pages: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
      }
      return tidy(pages.join('\n'));
    } finally {
      await doc.destroy();
    }
  } catch {
    return null;
  }
}

/** What the search index gets from a file; null for kinds it cannot read (images, scanned PDFs …). */
export async function extractText(fileName: string, mimeType: string, bytes: Buffer): Promise<string | null> {
  const ext = extensionOf(fileName);
  let text: string | null = null;
  if (ext === 'pdf' || mimeType === 'application/pdf') text = await pdfToText(bytes);
  else if (ext === 'docx') text = await docxToText(bytes, fileName);
  else if (ext === 'html' || ext === 'htm' || mimeType === 'text/html') text = htmlToText(decodeTextFile(bytes));
  else if (['txt', 'md', 'csv', 'json'].includes(ext) || mimeType.startsWith('text/')) text = decodeTextFile(bytes);
  if (text === null || text.trim() === '') return null;
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
}

// ---------------------------------------------------------------------------
// Files beside the database.

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function fileSha256(file: string): Promise<string | null> {
  try {
    return sha256(await fs.promises.readFile(file));
  } catch {
    return null;
  }
}

/**
 * Writes the bytes to `<database file>.dokument/<sha256>.<ext>` atomically (temp file,
 * flush, rename) unless an intact file with that hash is there already. Stored paths are
 * relative to the database's folder, with '/', so the database moves between systems.
 */
function besidePath(dbPath: string, hash: string, ext: string): string {
  const name = ext === '' ? hash : `${hash}.${ext}`;
  return `${path.basename(documentFolder(dbPath))}/${name}`;
}

async function storeBeside(dbPath: string, storedPath: string, hash: string, bytes: Buffer): Promise<void> {
  const folder = documentFolder(dbPath);
  const target = absoluteStoredPath(dbPath, storedPath);
  const name = path.basename(target);
  if ((await fileSha256(target)) === hash) return;
  const temp = path.join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.promises.mkdir(folder, { recursive: true });
    const handle = await fs.promises.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    const storage = storageError(err);
    const why = storage ? storage.message : `${(err as Error).message}. Inget har sparats.`;
    throw new KansliError(storage?.code ?? 'INTERNAL', `Filen kunde inte sparas i mappen ${path.basename(folder)} bredvid databasen. ${why}`);
  }
}

function absoluteStoredPath(dbPath: string, storedPath: string): string {
  return path.resolve(path.dirname(dbPath), ...storedPath.split('/'));
}

// ---------------------------------------------------------------------------
// Methods.

/** What storeDocument writes: the bytes and how the diarium names them. */
export interface NewDocument {
  arendeId: number;
  fileName: string;
  title: string | null;
  mimeType: string | null;
  bytes: Buffer;
  /** A signed PDF: the database then refuses to change or remove it. */
  signed?: boolean;
  /** What made it, e.g. "arendeblad:12". */
  source?: string | null;
  /** Which version of the source it is. */
  sourceVersion?: number | null;
}

/** Stores a handling in an ärende (in the database, or beside it when large) and audits it. */
export async function storeDocument(scope: Scope, doc: NewDocument): Promise<DocumentMeta> {
  const arende = await requireArende(scope, doc.arendeId, 'arendeId');
  refuseIfVoided(arende, 'kan inte få nya handlingar', 'arendeId');

  const { bytes } = doc;
  if (bytes.length === 0) {
    const message = `Filen ”${doc.fileName}” är tom.`;
    throw refuse('contentBase64', message, 'VALIDATION');
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1).replace('.', ',');
    const message = `Filen ”${doc.fileName}” är för stor (${mb} MB). En handling får vara högst 50 MB.`;
    throw refuse('contentBase64', message, 'VALIDATION');
  }

  const hash = sha256(bytes);
  const mimeType = doc.mimeType ?? guessMimeType(doc.fileName);
  const title = doc.title ?? (path.parse(doc.fileName).name.trim() || doc.fileName);
  const text = await extractText(doc.fileName, mimeType, bytes);
  // On a server every document is in the database (bytea): no file lies beside a server database.
  const inDb = scope.ctx.db.engine !== 'sqlite' || bytes.length <= MAX_BYTES_IN_DB;
  const storedPath = inDb ? null : besidePath(scope.ctx.db.path, hash, extensionOf(doc.fileName));

  // The row first: a file removal waiting for the commit of another call then sees it is in use.
  const row = await scope.db
    .insertInto('documents')
    .values({
      arende_id: arende.id,
      title,
      file_name: doc.fileName,
      mime_type: mimeType,
      size: bytes.length,
      sha256: hash,
      storage: inDb ? 'db' : 'file',
      content: inDb ? bytes : null,
      stored_path: storedPath,
      text,
      added_at: scope.now.toISOString(),
      added_by: scope.actor,
      signed: doc.signed === true ? 1 : 0,
      source: doc.source ?? null,
      source_version: doc.sourceVersion ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (storedPath !== null) await storeBeside(scope.ctx.db.path, storedPath, hash, bytes);

  const after = await loadDocumentMeta(scope, row.id);
  if (!after) throw new KansliError('INTERNAL', 'Handlingen kunde inte läsas tillbaka efter att den sparats.');
  await scope.audit({ entity: 'document', entityId: row.id, action: 'create', before: null, after });
  return after;
}

export async function addDocument(input: ParsedInput<'documents.add'>, scope: Scope): Promise<MethodResult<'documents.add'>> {
  return storeDocument(scope, {
    arendeId: input.arendeId,
    fileName: input.fileName,
    title: input.title,
    mimeType: input.mimeType,
    bytes: Buffer.from(input.contentBase64, 'base64'),
  });
}

async function requireDocument(scope: Scope, id: number) {
  const row = await scope.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw refuse('id', `Handlingen finns inte (id ${id}).`, 'NOT_FOUND', 'Handlingen finns inte.');
  return row;
}

/** Where the right bytes are: the newest backup that holds the file, or that none does. */
async function whereToFindIt(scope: Scope, sha256: string): Promise<string> {
  const backup = await backupWithDocument(scope.ctx, sha256).catch(() => null);
  const entry = backup?.manifest.files.find((f) => f.sha256 === sha256 && f.path.startsWith('dokument/'));
  if (backup && entry) {
    return `Filen finns i säkerhetskopian ”${backup.file}” (${entry.path}; kopian är ett tar-arkiv som vilket uppackningsprogram som helst kan öppna). Lägg in handlingen på nytt därifrån.`;
  }
  return 'Ingen säkerhetskopia har den; lägg in handlingen på nytt från originalet.';
}

/** The bytes of a handling, checked against the SHA-256 stored when it was added. */
export async function readDocumentBytes(scope: Scope, id: number): Promise<{ row: Awaited<ReturnType<typeof requireDocument>>; bytes: Buffer }> {
  const row = await requireDocument(scope, id);
  let bytes: Buffer;
  if (row.storage === 'db') {
    bytes = row.content ?? Buffer.alloc(0);
  } else {
    const file = absoluteStoredPath(scope.ctx.db.path, row.stored_path ?? '');
    try {
      bytes = await fs.promises.readFile(file);
    } catch {
      throw new KansliError(
        'RULE',
        `Filen till handlingen ”${row.title}” (${row.file_name}) saknas i mappen bredvid databasen (${row.stored_path}). ` +
          `Den har tagits bort eller flyttats utanför Kansli. ${await whereToFindIt(scope, row.sha256)}`,
      );
    }
  }
  if (bytes.length !== row.size || sha256(bytes) !== row.sha256) {
    throw new KansliError(
      'RULE',
      `Handlingen ”${row.title}” (${row.file_name}) har ändrats utanför Kansli: kontrollsumman (SHA-256) stämmer inte med den som ` +
        `sparades när handlingen lades in. ${await whereToFindIt(scope, row.sha256)}`,
    );
  }
  return { row, bytes };
}

export async function getDocument(input: ParsedInput<'documents.get'>, scope: Scope): Promise<MethodResult<'documents.get'>> {
  const { row, bytes } = await readDocumentBytes(scope, input.id);
  const meta = await loadDocumentMeta(scope, row.id);
  if (!meta) throw new KansliError('NOT_FOUND', `Handlingen finns inte (id ${input.id}).`);
  return { meta, contentBase64: bytes.toString('base64') };
}

/**
 * Deletes a file beside the database once no document refers to it. Runs after the
 * call's transaction has ended, so a rolled-back removal never loses the file.
 */
function removeFileWhenUnused(scope: Scope, storedPath: string): void {
  const { db } = scope.ctx;
  setImmediate(() => {
    try {
      if (db.engine !== 'sqlite' || !db.sqlite.open) return;
      const used = db.sqlite.prepare('SELECT 1 FROM documents WHERE stored_path = ? LIMIT 1').get(storedPath);
      if (used === undefined) fs.rmSync(absoluteStoredPath(db.path, storedPath), { force: true });
    } catch (err) {
      console.error('[kansli] could not remove an unused document file:', err);
    }
  });
}

/** What keeps a handling: a protokoll's PDF or anslagsbevis, an insats's rapport, a checklist's underlag, a later version. */
async function documentUses(scope: Scope, id: number): Promise<string[]> {
  const uses: string[] = [];
  const protokoll = await scope.db
    .selectFrom('protokoll')
    .select(['document_id', 'anslag_document_id'])
    .where((eb) => eb.or([eb('document_id', '=', id), eb('anslag_document_id', '=', id)]))
    .executeTakeFirst();
  if (protokoll) uses.push(protokoll.document_id === id ? 'ett protokolls PDF' : 'ett protokolls anslagsbevis');
  if (await scope.db.selectFrom('insats_reports').select('id').where('document_id', '=', id).executeTakeFirst()) uses.push('en insatsrapport');
  if (await scope.db.selectFrom('occasion_items').select('id').where('document_id', '=', id).executeTakeFirst()) uses.push('underlag i en internkontroll');
  if (await scope.db.selectFrom('documents').select('id').where('superseded_by', '=', id).executeTakeFirst()) uses.push('den nyare versionen av ett dokument');
  return uses;
}

export async function removeDocument(input: ParsedInput<'documents.remove'>, scope: Scope): Promise<MethodResult<'documents.remove'>> {
  const row = await requireDocument(scope, input.id);
  const arende = await requireArende(scope, row.arende_id);
  refuseIfVoided(arende, 'dess handlingar kan inte tas bort');
  if (row.signed === 1) {
    throw new KansliError('RULE', `”${row.title}” är ett signerat dokument och kan inte tas bort. En ny version ersätter det i stället.`);
  }
  const usedBy = await documentUses(scope, row.id);
  if (usedBy.length > 0) {
    throw refuse(
      'id',
      `”${row.title}” kan inte tas bort eftersom den är ${usedBy.join(' och ')}. Inget har tagits bort.`,
      'RULE',
      `Används som ${usedBy.join(' och ')}.`,
    );
  }
  const before: DocumentMeta | null = await loadDocumentMeta(scope, row.id);
  await scope.db.deleteFrom('documents').where('id', '=', row.id).execute();
  await scope.audit({ entity: 'document', entityId: row.id, action: 'delete', before, after: null });
  if (row.storage === 'file' && row.stored_path !== null) removeFileWhenUnused(scope, row.stored_path);
  return { id: row.id };
}

/** The methods this module serves. */
export const documentsHandlers = handlersFor({
  'documents.add': addDocument,
  'documents.get': getDocument,
  'documents.remove': removeDocument,
});
