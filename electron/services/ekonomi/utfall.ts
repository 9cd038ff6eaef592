import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { Mappings, UtfallList } from '../../../shared/contract/schemas/ekonomi';
import { isBudgetPost, isSamverkanPost, samverkanPost, type BudgetPost } from '../../../shared/domain/budget-posts';
import type { Scope } from '../context';
import { loadInsats } from '../insatser/insatser';
import { isClosed, refuseIfClosed } from '../closed-years';
import { refuse } from '../refuse';
import { handlersFor } from '../handler';

/**
 * Utfall: what the books say was spent and received, by post and (for samverkansinsatser)
 * by insats. Rows are typed here or imported (utfall-import.ts); a closed year is never
 * touched (refused here with a message, and by triggers in 0008 as a backstop).
 */

function asPost(value: string): BudgetPost {
  if (!isBudgetPost(value)) throw new Error(`Unknown budget post in the database: ${value}`);
  return value;
}

export async function utfallList(scope: Scope, input: ParsedInput<'utfall.list'>): Promise<UtfallList> {
  let q = scope.db.selectFrom('utfall as u').leftJoin('insatser as i', 'i.id', 'u.insats_id').where('u.year', '=', input.year);
  if (input.post !== undefined) q = q.where('u.post', '=', input.post);
  if (input.insatsId !== undefined) q = q.where('u.insats_id', '=', input.insatsId);
  const totals = await q
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('u.amount_ore'), eb.val(0)).as('sum')])
    .executeTakeFirstOrThrow();
  const rows = await q
    .select(['u.id', 'u.booked_on', 'u.post', 'u.insats_id', 'i.name as insats_name', 'u.amount_ore', 'u.account', 'u.text', 'u.import_id'])
    .orderBy('u.booked_on', 'desc')
    .orderBy('u.id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const imports = await scope.db.selectFrom('utfall_imports').selectAll().where('year', '=', input.year).orderBy('imported_at', 'desc').execute();
  return {
    year: input.year,
    closed: await isClosed(scope, input.year),
    rows: rows.map((r) => ({
      id: r.id,
      bookedOn: r.booked_on,
      post: asPost(r.post),
      insatsId: r.insats_id,
      insatsName: r.insats_name,
      amountOre: r.amount_ore,
      account: r.account,
      text: r.text,
      importId: r.import_id,
    })),
    total: Number(totals.n),
    sumOre: Number(totals.sum),
    imports: imports.map((i) => ({
      id: i.id,
      kind: i.kind,
      fileName: i.file_name,
      rowCount: i.row_count,
      sumOre: i.sum_ore,
      importedAt: i.imported_at,
      importedBy: i.imported_by,
    })),
  };
}

export async function listUtfall(input: ParsedInput<'utfall.list'>, scope: Scope): Promise<MethodResult<'utfall.list'>> {
  return utfallList(scope, input);
}

/** The post an insats's utfall belongs to: the samverkan post of its kategori. */
async function resolvePost(scope: Scope, post: BudgetPost, insatsId: number | null): Promise<BudgetPost> {
  if (insatsId === null) return post;
  const insats = await loadInsats(scope, insatsId);
  if (!isSamverkanPost(post)) throw refuse('insatsId', `Utfall för en insats (${insats.name}) bokförs som samverkansinsats, inte som ”${post}”.`);
  return samverkanPost(insats.kategori);
}

export async function saveUtfall(input: ParsedInput<'utfall.save'>, scope: Scope): Promise<MethodResult<'utfall.save'>> {
  const year = Number(input.bookedOn.slice(0, 4));
  await refuseIfClosed(scope, year, 'bookedOn');
  const amountOre = Math.round(input.amountKr * 100);
  if (amountOre === 0) throw refuse('amountKr', 'Beloppet kan inte vara noll.', 'VALIDATION');
  const post = await resolvePost(scope, input.post, input.insatsId);
  const fields = { year, booked_on: input.bookedOn, post, insats_id: input.insatsId, amount_ore: amountOre, text: input.text };
  let before: unknown = null;
  let id: number;
  if (input.id !== undefined) {
    const row = await scope.db.selectFrom('utfall').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw refuse('id', 'Utfallsraden finns inte.', 'NOT_FOUND');
    if (row.import_id !== null) throw refuse('id', 'Raden kommer från en import och ändras i bokföringen; importera filen på nytt.');
    await refuseIfClosed(scope, row.year, 'bookedOn');
    before = row;
    await scope.db.updateTable('utfall').set(fields).where('id', '=', input.id).execute();
    id = input.id;
  } else {
    id = (
      await scope.db
        .insertInto('utfall')
        .values({ ...fields, account: null, import_id: null, created_at: scope.now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await scope.audit({ entity: 'utfall', entityId: id, action: before === null ? 'create' : 'update', before, after: fields });
  return utfallList(scope, { year, limit: 200, offset: 0 });
}

export async function removeUtfall(input: ParsedInput<'utfall.remove'>, scope: Scope): Promise<MethodResult<'utfall.remove'>> {
  const row = await scope.db.selectFrom('utfall').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw refuse('id', 'Utfallsraden finns inte.', 'NOT_FOUND');
  await refuseIfClosed(scope, row.year, 'id');
  if (row.import_id !== null) throw refuse('id', 'Raden kommer från en import. Ta bort hela importen eller importera filen på nytt.');
  await scope.db.deleteFrom('utfall').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'utfall', entityId: input.id, action: 'delete', before: row, after: null });
  return utfallList(scope, { year: row.year, limit: 200, offset: 0 });
}

export async function removeImport(input: ParsedInput<'utfall.removeImport'>, scope: Scope): Promise<MethodResult<'utfall.removeImport'>> {
  const row = await scope.db.selectFrom('utfall_imports').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw refuse('id', 'Importen finns inte.', 'NOT_FOUND');
  await refuseIfClosed(scope, row.year, 'id');
  await scope.db.deleteFrom('utfall').where('import_id', '=', input.id).execute();
  await scope.db.deleteFrom('utfall_imports').where('id', '=', input.id).execute();
  await scope.audit({ entity: 'utfall_import', entityId: input.id, action: 'delete', before: row, after: null });
  return utfallList(scope, { year: row.year, limit: 200, offset: 0 });
}

export async function closeYear(input: ParsedInput<'years.close'>, scope: Scope): Promise<MethodResult<'years.close'>> {
  if (await isClosed(scope, input.year)) throw refuse('year', `År ${input.year} är redan stängt.`, 'CONFLICT');
  if (input.year >= scope.now.getFullYear()) throw refuse('year', `År ${input.year} är inte slut än och kan inte stängas.`);
  const row = { year: input.year, closed_on: scope.now.toISOString().slice(0, 10), closed_by: scope.actor };
  await scope.db.insertInto('closed_years').values(row).execute();
  await scope.audit({ entity: 'ar', entityId: input.year, action: 'create', before: null, after: row });
  return utfallList(scope, { year: input.year, limit: 200, offset: 0 });
}

export async function loadMappings(scope: Scope): Promise<Mappings> {
  const accounts = await scope.db.selectFrom('account_mappings').selectAll().orderBy('account').execute();
  const objects = await scope.db.selectFrom('object_mappings').selectAll().orderBy('dimension').orderBy('object_id').execute();
  return {
    accounts: accounts.map((a) => ({ account: a.account, name: a.name, post: a.post === null ? null : asPost(a.post) })),
    objects: objects.map((o) => ({
      dimension: o.dimension,
      objectId: o.object_id,
      name: o.name,
      insatsId: o.insats_id,
      post: o.post === null ? null : asPost(o.post),
    })),
  };
}

export async function getMappings(_input: ParsedInput<'utfall.mappings'>, scope: Scope): Promise<MethodResult<'utfall.mappings'>> {
  return loadMappings(scope);
}

/** Remembers how accounts and objects map to posts and insatser. */
export async function storeMappings(scope: Scope, input: Pick<ParsedInput<'utfall.saveMappings'>, 'accounts' | 'objects'>): Promise<void> {
  const at = scope.now.toISOString();
  for (const a of input.accounts) {
    const before = await scope.db.selectFrom('account_mappings').selectAll().where('account', '=', a.account).executeTakeFirst();
    if (before && before.post === a.post && before.name === a.name) continue;
    const values = { name: a.name, post: a.post, updated_at: at };
    await scope.db
      .insertInto('account_mappings')
      .values({ account: a.account, ...values })
      .onConflict((oc) => oc.column('account').doUpdateSet(values))
      .execute();
    await scope.audit({ entity: 'kontokoppling', entityId: a.account, action: before ? 'update' : 'create', before: before ?? null, after: a });
  }
  for (const o of input.objects) {
    if (o.insatsId !== null) await loadInsats(scope, o.insatsId);
    const before = await scope.db
      .selectFrom('object_mappings')
      .selectAll()
      .where('dimension', '=', o.dimension)
      .where('object_id', '=', o.objectId)
      .executeTakeFirst();
    if (before && before.insats_id === o.insatsId && before.post === o.post && before.name === o.name) continue;
    const values = { name: o.name, insats_id: o.insatsId, post: o.post, updated_at: at };
    await scope.db
      .insertInto('object_mappings')
      .values({ dimension: o.dimension, object_id: o.objectId, ...values })
      .onConflict((oc) => oc.columns(['dimension', 'object_id']).doUpdateSet(values))
      .execute();
    await scope.audit({
      entity: 'objektkoppling',
      entityId: `${o.dimension}:${o.objectId}`,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: o,
    });
  }
}

export async function saveMappings(input: ParsedInput<'utfall.saveMappings'>, scope: Scope): Promise<MethodResult<'utfall.saveMappings'>> {
  await storeMappings(scope, input);
  return loadMappings(scope);
}

/** The methods this module serves. */
export const utfallHandlers = handlersFor({
  'utfall.list': listUtfall,
  'utfall.save': saveUtfall,
  'utfall.remove': removeUtfall,
  'utfall.removeImport': removeImport,
  'utfall.mappings': getMappings,
  'utfall.saveMappings': saveMappings,
  'years.close': closeYear,
});
