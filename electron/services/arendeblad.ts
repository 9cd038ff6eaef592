import type { Selectable } from 'kysely';
import type { ArendebladTable } from '../../db/schema';
import { KansliError } from '../../shared/contract/errors';
import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import {
  arendebladContent,
  type Arendeblad,
  type ArendebladContent,
  type ArendebladListItem,
  type SignedVersion,
  type TemplateKey,
} from '../../shared/contract/schemas/arendeblad';
import { arendebladProblems, buildFromTemplate, templateList, type TemplateData } from '../../shared/domain/arendeblad-templates';
import { formatDate } from '../../shared/format/sv';
import type { Scope } from './context';
import { refuseIfVoided, registerArende, requireArende, requireArendeHead } from './diarium';
import { loadForbund, senderOf } from './forbund';
import { listMembers } from './members';
import { feeView } from './ekonomi/medlemsavgifter';
import { listDecisions } from './delegation';
import type { ArendebladDoc } from './pdf/arendeblad-pdf';
import { refuse, refuseAll } from './refuse';
import { handlersFor } from './handler';

/**
 * Ärendeblad: created from a template that fills in what the registers know, saved
 * by the editor as the writer types (autosave with a revision so two windows cannot
 * overwrite each other), and rendered to PDF/A or Word once nothing is missing.
 */

type Row = Selectable<ArendebladTable>;

function notFound(id: number): KansliError {
  return refuse('id', `Ärendebladet finns inte (id ${id}).`, 'NOT_FOUND', 'Ärendebladet finns inte.');
}

export function sourceOf(id: number): string {
  return `arendeblad:${id}`;
}

/** The content as stored; a row that no longer parses is a damaged database, not a user error. */
function parseContent(row: Row): ArendebladContent {
  const parsed = arendebladContent.safeParse(JSON.parse(row.content));
  if (!parsed.success) throw new KansliError('DB_CORRUPT', `Ärendebladet ”${row.rubrik}” (id ${row.id}) kan inte läsas: innehållet är skadat.`);
  return parsed.data;
}

async function requireRow(scope: Scope, id: number): Promise<Row> {
  const row = await scope.db.selectFrom('arendeblad').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  return row;
}

async function signedVersions(scope: Scope, id: number): Promise<SignedVersion[]> {
  const rows = await scope.db
    .selectFrom('documents')
    .select(['id', 'title', 'file_name', 'sha256', 'added_at', 'added_by', 'superseded_by', 'source_version'])
    .where('source', '=', sourceOf(id))
    .where('signed', '=', 1)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    documentId: r.id,
    version: r.source_version,
    title: r.title,
    fileName: r.file_name,
    sha256: r.sha256,
    addedAt: r.added_at,
    addedBy: r.added_by,
    supersededBy: r.superseded_by,
  }));
}

/** Readiness, including bilagor whose document has gone from the diarium. */
async function problemsOf(scope: Scope, row: Row, content: ArendebladContent, kind: string): Promise<string[]> {
  const problems = arendebladProblems({ isDecision: kind === 'beslutsarende', rubrik: row.rubrik, content });
  const ids = content.bilagor.map((b) => b.documentId).filter((x): x is number => x !== null);
  if (ids.length > 0) {
    const found = new Set((await scope.db.selectFrom('documents').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    content.bilagor.forEach((b, i) => {
      if (b.documentId !== null && !found.has(b.documentId)) problems.push(`Bilaga ${i + 1} (”${b.title}”): handlingen finns inte längre i diariet.`);
    });
  }
  return problems;
}

async function toView(scope: Scope, row: Row): Promise<Arendeblad> {
  const arende = await requireArendeHead(scope, row.arende_id);
  const content = parseContent(row);
  return {
    id: row.id,
    arendeId: row.arende_id,
    diarienummer: arende.diarienummer,
    arendeKind: arende.kind,
    template: row.template as TemplateKey,
    organ: row.organ,
    rubrik: row.rubrik,
    datum: row.datum,
    content,
    revision: row.revision,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    problems: await problemsOf(scope, row, content, arende.kind),
    signed: await signedVersions(scope, row.id),
    version: row.version,
    frozen: isFrozen(row),
  };
}

/** A signed version is frozen: its text changes only in a new version. */
export function isFrozen(row: Pick<Row, 'version' | 'signed_version'>): boolean {
  return row.signed_version !== null && row.signed_version === row.version;
}

export function frozenError(row: Pick<Row, 'version'>): KansliError {
  return new KansliError(
    'RULE',
    `Ärendebladet är signerat (version ${row.version}) och kan inte ändras. Välj Ny version för att ändra det; underskrifterna står kvar på version ${row.version}, som finns kvar i diariet. Inget har sparats.`,
  );
}

/**
 * "Ny version": the signed version stays as it was signed, with every signature; the
 * ärendeblad can be changed again, and must be signed again.
 */
export async function newArendebladVersion(input: ParsedInput<'arendeblad.newVersion'>, scope: Scope): Promise<MethodResult<'arendeblad.newVersion'>> {
  const row = await requireRow(scope, input.id);
  if (row.revision !== input.revision) throw staleError(row);
  if (!isFrozen(row)) {
    throw new KansliError('RULE', `Version ${row.version} av ärendebladet är inte signerad och kan ändras som den är; ingen ny version behövs.`);
  }
  await scope.db
    .updateTable('arendeblad')
    .set({ version: row.version + 1, revision: row.revision + 1, updated_at: scope.now.toISOString(), updated_by: scope.actor })
    .where('id', '=', row.id)
    .execute();
  await scope.audit({ entity: 'arendeblad', entityId: row.id, action: 'update', before: { version: row.version }, after: { version: row.version + 1 } });
  return loadArendeblad(scope, row.id);
}

function staleError(row: Pick<Row, 'updated_by' | 'updated_at'>): KansliError {
  return new KansliError(
    'CONFLICT',
    `Ärendebladet sparades av ${row.updated_by} ${row.updated_at.slice(0, 16).replace('T', ' ')} efter att du öppnade det. ` +
      'Ladda om det för att se de ändringarna; dina senaste ändringar har inte sparats.',
  );
}

export async function loadArendeblad(scope: Scope, id: number): Promise<Arendeblad> {
  return toView(scope, await requireRow(scope, id));
}

/** What the templates may fill in, from the registers. */
export async function templateData(scope: Scope, year: number, datum: string, organ: string): Promise<TemplateData> {
  const forbund = await loadForbund(scope);
  const people = await scope.db.selectFrom('people').select(['id', 'name', 'title']).orderBy('id').execute();
  const chief = people.find((p) => (p.title ?? '').toLocaleLowerCase('sv').includes('förbundschef'));
  const members = await listMembers({}, scope);
  const decisions = await listDecisions({ unreportedOnly: true }, scope);
  return {
    year,
    datum,
    fees: await feeView(scope, year),
    forbund: forbund.name,
    organ,
    foredragande: chief ? { personId: chief.id, name: chief.name, title: chief.title ?? '' } : null,
    members: members.map((m) => ({ name: m.name, kind: m.kind, population: m.populations.find((p) => p.year === year - 1)?.population ?? null })),
    // Those made up to the ärendeblad's date: a later decision is for a later anmälan.
    unreportedDecisions: decisions
      .filter((d) => d.mustBeReported && d.decidedOn <= datum)
      .map((d) => ({
        diarienummer: d.diarienummer,
        decidedOn: d.decidedOn,
        title: d.title,
        delegationCode: d.delegationCode,
        decidedBy: d.decidedBy,
        amountKr: d.amountKr,
      })),
  };
}

/** Stores a generated ärendeblad in an ärende, with its audit entry; returns its id. */
export async function insertArendeblad(
  scope: Scope,
  opts: { arendeId: number; template: TemplateKey; built: { rubrik: string; content: ArendebladContent }; datum: string; organ: string },
): Promise<number> {
  const at = scope.now.toISOString();
  const { built } = opts;
  const row = await scope.db
    .insertInto('arendeblad')
    .values({
      arende_id: opts.arendeId,
      template: opts.template,
      organ: opts.organ,
      rubrik: built.rubrik,
      datum: opts.datum,
      content: JSON.stringify(built.content),
      created_at: at,
      updated_at: at,
      updated_by: scope.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await scope.audit({
    entity: 'arendeblad',
    entityId: row.id,
    action: 'create',
    before: null,
    after: { rubrik: built.rubrik, template: opts.template, content: built.content },
  });
  return row.id;
}

/**
 * Writes a generated ärendeblad in a new ärende of its own (informationsärende or
 * beslutsärende), as the PM and the economy's and the internkontroll's ärendeblad are made.
 */
export async function writeGeneratedArendeblad(
  scope: Scope,
  opts: {
    template: TemplateKey;
    built: { rubrik: string; content: ArendebladContent };
    datum: string;
    organ: string;
    kind: 'informationsarende' | 'beslutsarende';
  },
): Promise<Arendeblad> {
  const { built, datum } = opts;
  const arende = await registerArende(scope, Number(datum.slice(0, 4)), {
    title: built.rubrik,
    kind: opts.kind,
    status: 'under_beredning',
    receivedOn: null,
    decidedOn: null,
    handlaggare: built.content.foredragande.personId !== null ? built.content.foredragande.name : null,
    description: null,
  });
  await scope.audit({ entity: 'arende', entityId: arende.id, action: 'create', before: null, after: await requireArende(scope, arende.id) });
  return loadArendeblad(scope, await insertArendeblad(scope, { arendeId: arende.id, template: opts.template, built, datum, organ: opts.organ }));
}

export async function listTemplates(input: ParsedInput<'arendeblad.templates'>, scope: Scope): Promise<MethodResult<'arendeblad.templates'>> {
  const today = formatDate(scope.now);
  return templateList(await templateData(scope, input.year ?? Number(today.slice(0, 4)), today, 'Förbundsstyrelsen'));
}

export async function listArendeblad(input: ParsedInput<'arendeblad.list'>, scope: Scope): Promise<MethodResult<'arendeblad.list'>> {
  let query = scope.db
    .selectFrom('arendeblad as b')
    .innerJoin('arenden as a', 'a.id', 'b.arende_id')
    .selectAll('b')
    .select(['a.diarienummer', 'a.kind', 'a.year'])
    .orderBy('b.datum', 'desc')
    .orderBy('b.id', 'desc');
  if (input.year !== undefined) query = query.where('a.year', '=', input.year);
  const rows = await query.execute();
  const signed = await scope.db
    .selectFrom('documents')
    .select(['source'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('signed', '=', 1)
    .where('source', 'like', 'arendeblad:%')
    .groupBy('source')
    .execute();
  const signedBy = new Map(signed.map((s) => [s.source, Number(s.n)]));
  return rows.map((r): ArendebladListItem => ({
    id: r.id,
    arendeId: r.arende_id,
    diarienummer: r.diarienummer,
    rubrik: r.rubrik,
    organ: r.organ,
    datum: r.datum,
    template: r.template as TemplateKey,
    updatedAt: r.updated_at,
    signedCount: signedBy.get(sourceOf(r.id)) ?? 0,
    ready: arendebladProblems({ isDecision: r.kind === 'beslutsarende', rubrik: r.rubrik, content: parseContent(r) }).length === 0,
  }));
}

export async function getArendeblad(input: ParsedInput<'arendeblad.get'>, scope: Scope): Promise<MethodResult<'arendeblad.get'>> {
  return loadArendeblad(scope, input.id);
}

export async function findArendeblad(input: ParsedInput<'arendeblad.forArende'>, scope: Scope): Promise<MethodResult<'arendeblad.forArende'>> {
  const row = await scope.db.selectFrom('arendeblad').selectAll().where('arende_id', '=', input.arendeId).executeTakeFirst();
  return { arendeblad: row ? await toView(scope, row) : null };
}

export async function createArendeblad(input: ParsedInput<'arendeblad.create'>, scope: Scope): Promise<MethodResult<'arendeblad.create'>> {
  const datum = input.datum ?? formatDate(scope.now);
  const year = Number(datum.slice(0, 4));
  const built = buildFromTemplate(input.template, await templateData(scope, year, datum, input.organ));
  // A «fält» left in the rubrik stays, so the readiness list asks for it.
  const rubrik = input.rubrik ?? built.rubrik;

  let arendeId: number;
  if (input.arendeId !== undefined) {
    const arende = await requireArende(scope, input.arendeId, 'arendeId');
    refuseIfVoided(arende, 'kan inte få ett ärendeblad', 'arendeId');
    const existing = await scope.db.selectFrom('arendeblad').select('id').where('arende_id', '=', arende.id).executeTakeFirst();
    if (existing) {
      const message = `Ärende ${arende.diarienummer} har redan ett ärendeblad. Öppna det i stället.`;
      throw refuse('arendeId', message, 'CONFLICT');
    }
    arendeId = arende.id;
  } else {
    const created = await registerArende(scope, year, {
      title: rubrik,
      kind: input.template === 'anmalan_av_delegationsbeslut' || input.template === 'ekonomisk_information' ? 'informationsarende' : 'beslutsarende',
      status: 'under_beredning',
      receivedOn: null,
      decidedOn: null,
      handlaggare: built.content.foredragande.personId !== null ? built.content.foredragande.name : null,
      description: null,
    });
    const arende = await requireArende(scope, created.id);
    await scope.audit({ entity: 'arende', entityId: created.id, action: 'create', before: null, after: arende });
    arendeId = created.id;
  }

  return loadArendeblad(
    scope,
    await insertArendeblad(scope, { arendeId, template: input.template, built: { rubrik, content: built.content }, datum, organ: input.organ }),
  );
}

export async function saveArendeblad(input: ParsedInput<'arendeblad.save'>, scope: Scope): Promise<MethodResult<'arendeblad.save'>> {
  const row = await requireRow(scope, input.id);
  if (row.revision !== input.revision) throw staleError(row);
  const arende = await requireArendeHead(scope, row.arende_id);
  refuseIfVoided(arende, 'dess ärendeblad kan inte ändras');
  const unchanged = JSON.stringify(input.content) === row.content && input.rubrik === row.rubrik && input.organ === row.organ && input.datum === row.datum;
  if (isFrozen(row) && !unchanged) throw frozenError(row);
  const before = { rubrik: row.rubrik, organ: row.organ, datum: row.datum, content: parseContent(row) };
  const content = JSON.stringify(input.content);
  if (content === row.content && input.rubrik === row.rubrik && input.organ === row.organ && input.datum === row.datum) return toView(scope, row);
  await scope.db
    .updateTable('arendeblad')
    .set({
      organ: input.organ,
      rubrik: input.rubrik,
      datum: input.datum,
      content,
      revision: row.revision + 1,
      updated_at: scope.now.toISOString(),
      updated_by: scope.actor,
    })
    .where('id', '=', row.id)
    .where('revision', '=', row.revision)
    .execute();
  // The diarium's title follows the rubrik as long as nobody has given the ärende a title of its own.
  if (arende.title === row.rubrik && input.rubrik !== row.rubrik) {
    const arendeBefore = await requireArende(scope, arende.id);
    await scope.db.updateTable('arenden').set({ title: input.rubrik, updated_at: scope.now.toISOString() }).where('id', '=', arende.id).execute();
    await scope.audit({ entity: 'arende', entityId: arende.id, action: 'update', before: arendeBefore, after: await requireArende(scope, arende.id) });
  }
  await scope.audit({
    entity: 'arendeblad',
    entityId: row.id,
    action: 'update',
    before,
    after: { rubrik: input.rubrik, organ: input.organ, datum: input.datum, content: input.content },
  });
  return loadArendeblad(scope, row.id);
}

/** The ärendeblad as the PDF and Word writers take it; refuses while something is missing. */
export async function documentData(scope: Scope, id: number, opts: { allowIncomplete?: boolean } = {}): Promise<{ view: Arendeblad; doc: ArendebladDoc }> {
  const view = await loadArendeblad(scope, id);
  if (!opts.allowIncomplete && view.problems.length > 0) {
    throw refuseAll(
      `Ärendebladet ”${view.rubrik}” är inte klart: ${view.problems.join(' ')}`,
      view.problems.map((message) => ({ path: 'content', message })),
      'RULE',
    );
  }
  const forbund = await loadForbund(scope);
  return {
    view,
    doc: {
      sender: senderOf(forbund),
      diarienummer: view.diarienummer,
      organ: view.organ,
      rubrik: view.rubrik,
      datum: view.datum,
      content: view.content,
      proposalStyle: forbund.proposalStyle,
    },
  };
}

/** "2026-012 Fastställande av medlemsavgifter 2026": a file name from diarienummer and title. */
export function documentFileName(diarienummer: string, title: string, ext: string): string {
  const clean = `${diarienummer.replace(/[\\/:]/g, '-')} ${title}`
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .replace(/[. ]+$/, '');
  return `${clean}.${ext}`;
}

export async function arendebladPdf(input: ParsedInput<'arendeblad.pdf'>, scope: Scope): Promise<MethodResult<'arendeblad.pdf'>> {
  const { view, doc } = await documentData(scope, input.id);
  const { renderArendebladPdf } = await import('./pdf/arendeblad-pdf');
  const { bytes, pages } = await renderArendebladPdf(scope.ctx, doc, scope.now);
  return {
    fileName: documentFileName(view.diarienummer, view.rubrik, 'pdf'),
    mimeType: 'application/pdf',
    contentBase64: Buffer.from(bytes).toString('base64'),
    pages,
  };
}

export async function arendebladDocx(input: ParsedInput<'arendeblad.docx'>, scope: Scope): Promise<MethodResult<'arendeblad.docx'>> {
  // Word is for going on writing: an incomplete ärendeblad may go there too.
  const { view, doc } = await documentData(scope, input.id, { allowIncomplete: true });
  const { renderArendebladDocx } = await import('./docx/arendeblad-docx');
  const bytes = await renderArendebladDocx(doc);
  return {
    fileName: documentFileName(view.diarienummer, view.rubrik, 'docx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

/** The methods this module serves. */
export const arendebladHandlers = handlersFor({
  'arendeblad.templates': listTemplates,
  'arendeblad.list': listArendeblad,
  'arendeblad.get': getArendeblad,
  'arendeblad.forArende': findArendeblad,
  'arendeblad.create': createArendeblad,
  'arendeblad.save': saveArendeblad,
  'arendeblad.pdf': arendebladPdf,
  'arendeblad.docx': arendebladDocx,
  'arendeblad.newVersion': newArendebladVersion,
});
