import type { Selectable } from 'kysely';
import type { VerksamhetsplanerTable } from '../../../db/schema';
import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import { PLAN_STATUS_LABELS, type PlanContent, type PlanListItem, type Verksamhetsplan } from '../../../shared/contract/schemas/verksamhetsplan';
import { planDocument } from '../../../shared/domain/verksamhetsplan-document';
import { carryForward, defaultPlanTitle, planProblems, planSummary, STYRKORT_PERSPECTIVES, withIds } from '../../../shared/domain/verksamhetsplan';
import type { Scope } from '../context';
import { loadForbund, senderOf } from '../forbund';
import type { PlanDoc } from '../pdf/verksamhetsplan-pdf';
import { refuse } from '../refuse';

/**
 * Verksamhetsplaner: a förslag is written and saved (with the revision check the ärendeblad
 * have), adopted into a locked fastställd version, revised into a new förslag, and the next
 * period's plan can start from the last one. The database's triggers keep an adopted plan
 * as it was decided (migration 0015).
 */

type PlanRow = Selectable<VerksamhetsplanerTable>;

const EMPTY: PlanContent = { vision: '', strategi: '', sections: [], perspectives: [], goals: [] };

function contentOf(row: PlanRow): PlanContent {
  return JSON.parse(row.content) as PlanContent;
}

function listItem(row: PlanRow): PlanListItem {
  return {
    id: row.id,
    title: row.title,
    firstYear: row.first_year,
    lastYear: row.last_year,
    status: row.status,
    version: row.version,
    adoptedOn: row.adopted_on,
    goalCount: contentOf(row).goals.length,
    updatedAt: row.updated_at,
  };
}

function toPlan(row: PlanRow): Verksamhetsplan {
  const content = contentOf(row);
  return {
    ...listItem(row),
    content,
    problems: planProblems(content, row.first_year, row.last_year),
    adoptedParagraph: row.adopted_paragraph,
    revisionOf: row.revision_of,
    basedOn: row.based_on,
    arendebladId: row.arendeblad_id,
    revision: row.revision,
    updatedBy: row.updated_by,
  };
}

/** What the audit log keeps of a plan: its named facts and its size, not the whole tree. */
function logged(row: PlanRow) {
  return {
    title: row.title,
    firstYear: row.first_year,
    lastYear: row.last_year,
    status: row.status,
    version: row.version,
    adoptedOn: row.adopted_on,
    paragraph: row.adopted_paragraph,
    innehall: planSummary(contentOf(row)),
  };
}

export async function requirePlanRow(scope: Scope, id: number, path = 'id'): Promise<PlanRow> {
  const row = await scope.db.selectFrom('verksamhetsplaner').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw refuse(path, 'Verksamhetsplanen finns inte.', 'NOT_FOUND');
  return row;
}

function refuseUnlessForslag(row: PlanRow, what: string): void {
  if (row.status !== 'forslag') {
    throw refuse(
      'id',
      `${row.title} är ${PLAN_STATUS_LABELS[row.status].toLowerCase()} (${row.adopted_on ?? ''}) och ${what}. Gör en revidering för att ändra den.`,
      'RULE',
    );
  }
}

function refuseStale(row: PlanRow, revision: number): void {
  if (row.revision !== revision) {
    throw refuse(
      'revision',
      `${row.title} har sparats av ${row.updated_by} sedan du öppnade den. Läs in den senaste versionen; dina ändringar har inte sparats.`,
      'CONFLICT',
    );
  }
}

/** The adopted plan (its latest version) that covers a year, if any. */
export async function adoptedPlanFor(scope: Scope, year: number): Promise<{ id: number; title: string; adoptedOn: string | null } | undefined> {
  const row = await scope.db
    .selectFrom('verksamhetsplaner')
    .select(['id', 'title', 'adopted_on'])
    .where('status', '=', 'faststalld')
    .where('first_year', '<=', year)
    .where('last_year', '>=', year)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, title: row.title, adoptedOn: row.adopted_on } : undefined;
}

export async function listPlans(_input: ParsedInput<'verksamhetsplan.list'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.list'>> {
  const rows = await scope.db
    .selectFrom('verksamhetsplaner')
    .selectAll()
    .orderBy('first_year', 'desc')
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(listItem);
}

export async function getPlan(input: ParsedInput<'verksamhetsplan.get'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.get'>> {
  return toPlan(await requirePlanRow(scope, input.id));
}

/** The plan the next one starts from: the latest adopted one before the period, else the latest of any. */
async function previousPlan(scope: Scope, firstYear: number): Promise<PlanRow | undefined> {
  const before = scope.db
    .selectFrom('verksamhetsplaner')
    .selectAll()
    .where('first_year', '<', firstYear)
    .orderBy('first_year', 'desc')
    .orderBy('version', 'desc');
  return (await before.where('status', '=', 'faststalld').executeTakeFirst()) ?? (await before.executeTakeFirst());
}

export async function createPlan(input: ParsedInput<'verksamhetsplan.create'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.create'>> {
  let content: PlanContent = EMPTY;
  let basedOn: number | null = null;
  if (input.fromPrevious) {
    const previous = await previousPlan(scope, input.firstYear);
    if (!previous) throw refuse('fromPrevious', `Det finns ingen verksamhetsplan före ${input.firstYear} att utgå från.`);
    content = carryForward(contentOf(previous), { firstYear: previous.first_year, lastYear: previous.last_year }, input);
    basedOn = previous.id;
  } else if (input.styrkort) {
    content = withIds({ ...EMPTY, perspectives: STYRKORT_PERSPECTIVES.map((name) => ({ name, description: '', aktiviteter: [] })) });
  }
  return toPlan(
    await insertForslag(scope, {
      title: input.title ?? defaultPlanTitle(input.firstYear, input.lastYear),
      first_year: input.firstYear,
      last_year: input.lastYear,
      version: 1,
      revision_of: null,
      based_on: basedOn,
      content: JSON.stringify(content),
    }),
  );
}

/** A new förslag (a first version or a revision), audited as created. */
async function insertForslag(
  scope: Scope,
  plan: Pick<PlanRow, 'title' | 'first_year' | 'last_year' | 'version' | 'revision_of' | 'based_on' | 'content'>,
): Promise<PlanRow> {
  const at = scope.now.toISOString();
  const row = await scope.db
    .insertInto('verksamhetsplaner')
    .values({
      ...plan,
      status: 'forslag',
      revision: 1,
      adopted_on: null,
      adopted_paragraph: null,
      arendeblad_id: null,
      created_at: at,
      updated_at: at,
      updated_by: scope.actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ entity: 'verksamhetsplan', entityId: row.id, action: 'create', before: null, after: logged(row) });
  return row;
}

export async function savePlan(input: ParsedInput<'verksamhetsplan.save'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.save'>> {
  const before = await requirePlanRow(scope, input.id);
  refuseUnlessForslag(before, 'kan inte ändras');
  refuseStale(before, input.revision);
  const content = withIds(input.content);
  const after = await scope.db
    .updateTable('verksamhetsplaner')
    .set({
      title: input.title,
      first_year: input.firstYear,
      last_year: input.lastYear,
      content: JSON.stringify(content),
      revision: before.revision + 1,
      updated_at: scope.now.toISOString(),
      updated_by: scope.actor,
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const [was, is] = [logged(before), logged(after)];
  if (JSON.stringify(was) !== JSON.stringify(is) || before.content !== after.content) {
    await scope.audit({ entity: 'verksamhetsplan', entityId: input.id, action: 'update', before: was, after: is });
  }
  return toPlan(after);
}

export async function adoptPlan(input: ParsedInput<'verksamhetsplan.adopt'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.adopt'>> {
  const before = await requirePlanRow(scope, input.id);
  refuseUnlessForslag(before, 'är redan beslutad');
  refuseStale(before, input.revision);
  const problems = planProblems(contentOf(before), before.first_year, before.last_year);
  if (problems.length > 0) {
    const list = problems
      .slice(0, 3)
      .map((p) => `${p.where}: ${p.message}`)
      .join(' ');
    throw refuse('id', `${before.title} kan inte fastställas ännu. ${list}${problems.length > 3 ? ` (och ${problems.length - 3} till)` : ''}`);
  }
  const at = scope.now.toISOString();
  if (before.revision_of !== null) {
    const replaced = await requirePlanRow(scope, before.revision_of);
    if (replaced.status === 'faststalld') {
      await scope.db
        .updateTable('verksamhetsplaner')
        .set({ status: 'ersatt', updated_at: at, updated_by: scope.actor })
        .where('id', '=', replaced.id)
        .execute();
      await scope.audit({ entity: 'verksamhetsplan', entityId: replaced.id, action: 'update', before: { status: 'faststalld' }, after: { status: 'ersatt' } });
    }
  }
  const after = await scope.db
    .updateTable('verksamhetsplaner')
    .set({
      status: 'faststalld',
      adopted_on: input.adoptedOn,
      adopted_paragraph: input.paragraph,
      revision: before.revision + 1,
      updated_at: at,
      updated_by: scope.actor,
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ entity: 'verksamhetsplan', entityId: input.id, action: 'update', before: logged(before), after: logged(after) });
  return toPlan(after);
}

export async function revisePlan(input: ParsedInput<'verksamhetsplan.revise'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.revise'>> {
  const source = await requirePlanRow(scope, input.id);
  if (source.status !== 'faststalld') {
    throw refuse('id', source.status === 'forslag' ? `${source.title} är ett förslag: ändra det direkt.` : `${source.title} är redan ersatt av en revidering.`);
  }
  const open = await scope.db
    .selectFrom('verksamhetsplaner')
    .select('id')
    .where('revision_of', '=', source.id)
    .where('status', '=', 'forslag')
    .executeTakeFirst();
  if (open) throw refuse('id', `Det finns redan ett förslag till revidering av ${source.title}.`, 'CONFLICT');
  return toPlan(
    await insertForslag(scope, {
      title: source.title,
      first_year: source.first_year,
      last_year: source.last_year,
      version: source.version + 1,
      revision_of: source.id,
      based_on: source.based_on,
      content: source.content,
    }),
  );
}

export async function removePlan(input: ParsedInput<'verksamhetsplan.remove'>, scope: Scope): Promise<MethodResult<'verksamhetsplan.remove'>> {
  const row = await requirePlanRow(scope, input.id);
  refuseUnlessForslag(row, 'kan inte tas bort');
  refuseStale(row, input.revision);
  await scope.db.deleteFrom('verksamhetsplaner').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'verksamhetsplan', entityId: input.id, action: 'delete', before: logged(row), after: null });
  return { removed: true };
}

/** "Fastställd av förbundsstyrelsen 2014-10-16, § 12", "Förslag (version 2)". */
export function statusLine(plan: Pick<Verksamhetsplan, 'status' | 'adoptedOn' | 'adoptedParagraph' | 'version'>): string {
  const version = plan.version > 1 ? ` (version ${plan.version})` : '';
  if (plan.status === 'forslag') return `Förslag${version}`;
  const decided = `av förbundsstyrelsen ${plan.adoptedOn}${plan.adoptedParagraph ? `, ${plan.adoptedParagraph}` : ''}`;
  return plan.status === 'faststalld' ? `Fastställd ${decided}${version}` : `Fastställd ${decided}${version}; ersatt av en revidering`;
}

/** The plan as a document for the PDF and Word renderers. */
export async function planDoc(scope: Scope, plan: Verksamhetsplan): Promise<PlanDoc> {
  const forbund = await loadForbund(scope);
  const period = plan.firstYear === plan.lastYear ? String(plan.firstYear) : `${plan.firstYear}–${plan.lastYear}`;
  const { title, sections } = planDocument(plan);
  return {
    sender: senderOf(forbund),
    docType: 'Verksamhetsplan',
    title,
    status: statusLine(plan),
    fields: [
      { label: 'Period', value: period },
      { label: 'Status', value: plan.status === 'forslag' ? 'Förslag' : `Fastställd ${plan.adoptedOn}` },
    ],
    sections,
  };
}

export function planFileName(plan: Pick<Verksamhetsplan, 'title' | 'status'>, ext: 'pdf' | 'docx'): string {
  const safe = plan.title.replace(/[\\/:*?"<>|]+/g, '-');
  return `${safe}${plan.status === 'forslag' ? ' (förslag)' : ''}.${ext}`;
}
