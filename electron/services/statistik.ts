import type { MethodResult, ParsedInput } from '../../shared/contract/methods';
import { SUS_GROUPS, SUS_KEYS, type StatistikView, type SusFigures, type SusImportResult, type SusKey } from '../../shared/contract/schemas/statistik';
import { parseCsv } from './ekonomi/utfall-import';
import { normaliseHeader, readWorkbook } from './xlsx/workbook';
import type { Scope } from './context';
import { handlersFor } from './handler';
import { refuse, refuseAll } from './refuse';

/**
 * Statistik: SUS figures (counts only) for the förbund and per insats, indicator and survey
 * results, kompetenshöjande events and medlemsdialoger — what the delårsrapport and the
 * årsredovisning report and Kansli's registers do not otherwise hold.
 */

/** A group of SUS figures that adds up to more than the deltagare. */
export function susProblems(figures: Partial<Record<SusKey, number>>): string[] {
  const deltagare = figures.deltagare;
  if (deltagare === undefined) return [];
  const out: string[] = [];
  for (const group of Object.values(SUS_GROUPS)) {
    const sum = Object.keys(group.keys).reduce((t, k) => t + (figures[k as SusKey] ?? 0), 0);
    if (sum > deltagare) out.push(`${group.label}: ${sum} är fler än de ${deltagare} deltagarna.`);
  }
  return out;
}

export async function statistikView(scope: Scope, year: number, period: 'delar' | 'helar'): Promise<StatistikView> {
  const rows = await scope.db.selectFrom('sus_figures').selectAll().where('year', '=', year).where('period', '=', period).execute();
  const byInsats = new Map<number, Partial<Record<SusKey, number>>>();
  for (const r of rows) byInsats.set(r.insats_key, { ...(byInsats.get(r.insats_key) ?? {}), [r.key]: r.value });
  const names = new Map((await scope.db.selectFrom('insatser').select(['id', 'name']).execute()).map((i) => [i.id, i.name]));
  const sus: SusFigures[] = [...byInsats]
    .map(([key, figures]) => ({
      insatsId: key === 0 ? null : key,
      name: key === 0 ? 'Förbundet' : (names.get(key) ?? `Insats ${key}`),
      figures,
      problems: susProblems(figures),
    }))
    .sort((a, b) => (a.insatsId === null ? -1 : b.insatsId === null ? 1 : a.name.localeCompare(b.name, 'sv')));
  const indikatorer = await scope.db.selectFrom('indikatorer').selectAll().where('year', '=', year).orderBy('id').execute();
  const events = await scope.db
    .selectFrom('kompetens_events')
    .selectAll()
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', period === 'helar' ? `${year}-12-31` : `${year}-08-31`)
    .orderBy('held_on')
    .execute();
  const dialoger = await scope.db
    .selectFrom('medlemsdialoger')
    .selectAll()
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .orderBy('held_on')
    .execute();
  const members = new Map((await scope.db.selectFrom('members').select(['id', 'name']).execute()).map((m) => [m.id, m.name]));
  return {
    year,
    period,
    sus,
    indikatorer: indikatorer.map((i) => ({ id: i.id, name: i.name, tillfragade: i.tillfragade, besvarade: i.besvarade, resultat: i.resultat })),
    events: events.map((e) => ({ id: e.id, heldOn: e.held_on, title: e.title, deltagare: e.deltagare, arrangor: e.arrangor })),
    eventTotals: {
      forbundet: events.filter((e) => e.arrangor === 'forbundet').reduce((t, e) => t + e.deltagare, 0),
      parterna: events.filter((e) => e.arrangor === 'parterna').reduce((t, e) => t + e.deltagare, 0),
    },
    dialoger: dialoger.map((d) => ({
      id: d.id,
      heldOn: d.held_on,
      kind: d.kind,
      title: d.title,
      members: (JSON.parse(d.member_ids) as number[]).map((id) => members.get(id) ?? `Medlem ${id}`),
    })),
  };
}

async function getStatistik(input: ParsedInput<'statistik.get'>, scope: Scope): Promise<MethodResult<'statistik.get'>> {
  return statistikView(scope, input.year, input.period);
}

async function saveSus(input: ParsedInput<'statistik.saveSus'>, scope: Scope): Promise<MethodResult<'statistik.saveSus'>> {
  if (input.insatsId !== null && !(await scope.db.selectFrom('insatser').select('id').where('id', '=', input.insatsId).executeTakeFirst())) {
    throw refuse('insatsId', 'Insatsen finns inte.', 'NOT_FOUND');
  }
  const key = input.insatsId ?? 0;
  const stored = await scope.db
    .selectFrom('sus_figures')
    .select(['key', 'value'])
    .where('year', '=', input.year)
    .where('period', '=', input.period)
    .where('insats_key', '=', key)
    .execute();
  const before = Object.fromEntries(stored.map((r) => [r.key, r.value])) as Partial<Record<SusKey, number>>;
  const after: Partial<Record<SusKey, number>> = { ...before };
  for (const k of SUS_KEYS) {
    if (!(k in input.figures)) continue;
    const v = input.figures[k];
    if (v === null || v === undefined) delete after[k];
    else after[k] = v;
  }
  const problems = susProblems(after);
  if (problems.length > 0)
    throw refuseAll(
      `SUS-siffrorna går inte ihop. ${problems.join(' ')} Inget är sparat.`,
      problems.map((message) => ({ path: 'figures', message })),
    );
  const at = scope.now.toISOString();
  await scope.db.deleteFrom('sus_figures').where('year', '=', input.year).where('period', '=', input.period).where('insats_key', '=', key).execute();
  for (const [k, value] of Object.entries(after)) {
    await scope.db
      .insertInto('sus_figures')
      .values({ year: input.year, period: input.period, insats_key: key, key: k, value: value as number, updated_at: at, updated_by: scope.actor })
      .execute();
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await scope.audit({
      entity: 'sus',
      entityId: `${input.year}:${input.period}:${key}`,
      action: stored.length === 0 ? 'create' : 'update',
      before: stored.length === 0 ? null : { year: input.year, siffror: susWords(before) },
      after: { year: input.year, siffror: susWords(after) },
    });
  }
  return statistikView(scope, input.year, input.period);
}

function susWords(f: Partial<Record<SusKey, number>>): string[] {
  const label = (k: string) =>
    k === 'deltagare' ? 'Deltagare' : ((Object.values(SUS_GROUPS).find((g) => k in g.keys)?.keys as Record<string, string>)[k] ?? k);
  return Object.entries(f).map(([k, v]) => `${label(k)}: ${v}`);
}

async function saveIndikator(input: ParsedInput<'statistik.saveIndikator'>, scope: Scope): Promise<MethodResult<'statistik.saveIndikator'>> {
  const values = {
    year: input.year,
    name: input.name,
    tillfragade: input.tillfragade,
    besvarade: input.besvarade,
    resultat: input.resultat,
    updated_at: scope.now.toISOString(),
  };
  const before = input.id === undefined ? undefined : await scope.db.selectFrom('indikatorer').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (input.id !== undefined && !before) throw refuse('id', 'Resultatet finns inte.', 'NOT_FOUND');
  const id = before
    ? (await scope.db.updateTable('indikatorer').set(values).where('id', '=', before.id).execute(), before.id)
    : (await scope.db.insertInto('indikatorer').values(values).returning('id').executeTakeFirstOrThrow()).id;
  const words = (v: { name: string; tillfragade: number | null; besvarade: number | null; resultat: string }) => ({
    name: v.name,
    svar: v.besvarade === null ? '' : `${v.besvarade}${v.tillfragade === null ? '' : ` av ${v.tillfragade}`}`,
    resultat: v.resultat,
  });
  await scope.audit({ entity: 'indikator', entityId: id, action: before ? 'update' : 'create', before: before ? words(before) : null, after: words(values) });
  return statistikView(scope, input.year, 'helar');
}

async function saveEvent(input: ParsedInput<'statistik.saveEvent'>, scope: Scope): Promise<MethodResult<'statistik.saveEvent'>> {
  const values = { held_on: input.heldOn, title: input.title, deltagare: input.deltagare, arrangor: input.arrangor, updated_at: scope.now.toISOString() };
  const before = input.id === undefined ? undefined : await scope.db.selectFrom('kompetens_events').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (input.id !== undefined && !before) throw refuse('id', 'Tillfället finns inte.', 'NOT_FOUND');
  const id = before
    ? (await scope.db.updateTable('kompetens_events').set(values).where('id', '=', before.id).execute(), before.id)
    : (await scope.db.insertInto('kompetens_events').values(values).returning('id').executeTakeFirstOrThrow()).id;
  const words = (v: typeof values) => ({ title: v.title, datum: v.held_on, deltagare: v.deltagare });
  await scope.audit({
    entity: 'kompetenstillfalle',
    entityId: id,
    action: before ? 'update' : 'create',
    before: before ? words(before) : null,
    after: words(values),
  });
  return statistikView(scope, Number(input.heldOn.slice(0, 4)), 'helar');
}

async function saveDialog(input: ParsedInput<'statistik.saveDialog'>, scope: Scope): Promise<MethodResult<'statistik.saveDialog'>> {
  const known = new Set((await scope.db.selectFrom('members').select('id').execute()).map((m) => m.id));
  const unknown = input.memberIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw refuse(`memberIds.${unknown}`, 'Medlemmen finns inte i registret.', 'NOT_FOUND');
  const values = {
    held_on: input.heldOn,
    kind: input.kind,
    title: input.title,
    member_ids: JSON.stringify(input.memberIds),
    updated_at: scope.now.toISOString(),
  };
  const before = input.id === undefined ? undefined : await scope.db.selectFrom('medlemsdialoger').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (input.id !== undefined && !before) throw refuse('id', 'Dialogen finns inte.', 'NOT_FOUND');
  const id = before
    ? (await scope.db.updateTable('medlemsdialoger').set(values).where('id', '=', before.id).execute(), before.id)
    : (await scope.db.insertInto('medlemsdialoger').values(values).returning('id').executeTakeFirstOrThrow()).id;
  await scope.audit({
    entity: 'medlemsdialog',
    entityId: id,
    action: before ? 'update' : 'create',
    before: before ? { title: before.title, datum: before.held_on } : null,
    after: { title: values.title, datum: values.held_on },
  });
  return statistikView(scope, Number(input.heldOn.slice(0, 4)), 'helar');
}

async function removeStatistik(input: ParsedInput<'statistik.remove'>, scope: Scope): Promise<MethodResult<'statistik.remove'>> {
  const table = ({ indikator: 'indikatorer', event: 'kompetens_events', dialog: 'medlemsdialoger' } as const)[input.kind];
  const entity = ({ indikator: 'indikator', event: 'kompetenstillfalle', dialog: 'medlemsdialog' } as const)[input.kind];
  const row = await scope.db.selectFrom(table).select(['id']).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw refuse('id', 'Det finns inte.', 'NOT_FOUND');
  await scope.db.deleteFrom(table).where('id', '=', input.id).execute();
  await scope.audit({ entity, entityId: input.id, action: 'delete', before: { id: input.id }, after: null });
  return { removed: true };
}

/** A column's header read as a SUS key: "Kvinnor", "16–24 år", "Ålder: 16–24 år", "alder_16_24". */
function susKeyOf(header: string): SusKey | null {
  const h = normaliseHeader(header)
    .replace(/^[^:]+:\s*/, '')
    .replace(/-/g, '–');
  if (h === 'deltagare' || h === 'antal deltagare') return 'deltagare';
  for (const group of Object.values(SUS_GROUPS)) {
    for (const [key, label] of Object.entries(group.keys)) {
      if (h === label.toLowerCase() || normaliseHeader(header) === key) return key as SusKey;
    }
  }
  return null;
}

async function importSus(input: ParsedInput<'statistik.importSus'>, scope: Scope): Promise<MethodResult<'statistik.importSus'>> {
  const lower = input.fileName.toLowerCase();
  const bytes = Buffer.from(input.contentBase64, 'base64');
  let sheet;
  if (lower.endsWith('.xlsx')) sheet = await readWorkbook(input.contentBase64, `Filen ”${input.fileName}”`);
  else if (lower.endsWith('.csv') || lower.endsWith('.txt')) sheet = parseCsv(bytes);
  else throw refuse('fileName', `”${input.fileName}” är varken en Excel-fil (.xlsx) eller CSV. Inget är importerat.`, 'VALIDATION');
  const errors: string[] = [];
  const warnings: string[] = [];
  const columns = sheet.headers.map((h) => ({ header: h, key: susKeyOf(h), name: normaliseHeader(h) }));
  const nameColumn = columns.find((c) => c.name === 'insats' || c.name === 'verksamhet');
  for (const c of columns) if (c.key === null && c !== nameColumn) warnings.push(`Kolumnen ”${c.header}” är inte en SUS-siffra och läses inte.`);
  if (!columns.some((c) => c.key === 'deltagare')) errors.push('Filen saknar kolumnen Deltagare.');
  const insatser = new Map((await scope.db.selectFrom('insatser').select(['id', 'name']).execute()).map((i) => [i.name.toLocaleLowerCase('sv'), i]));
  const rows: SusImportResult['rows'] = [];
  for (const r of sheet.rows) {
    const name = nameColumn ? (r.cells.get(nameColumn.name) ?? '').trim() : '';
    const insats = name === '' || /^förbundet/i.test(name) ? null : insatser.get(name.toLocaleLowerCase('sv'));
    if (insats === undefined) {
      errors.push(`Rad ${r.row}: insatsen ”${name}” finns inte i registret.`);
      continue;
    }
    const figures: Partial<Record<SusKey, number>> = {};
    for (const c of columns) {
      if (c.key === null) continue;
      const text = (r.cells.get(c.name) ?? '').replace(/\s/g, '');
      if (text === '') continue;
      if (!/^\d+$/.test(text)) {
        errors.push(`Rad ${r.row}, ${c.header}: ”${text}” är inte ett antal.`);
        continue;
      }
      figures[c.key] = Number(text);
    }
    for (const problem of susProblems(figures)) errors.push(`Rad ${r.row}: ${problem}`);
    rows.push({ row: r.row, name: insats ? insats.name : 'Förbundet', insatsId: insats ? insats.id : null, figures });
  }
  const keys = rows.map((r) => r.insatsId ?? 0);
  if (new Set(keys).size < keys.length) errors.push('Samma insats (eller Förbundet) står på flera rader.');
  if (rows.length === 0 && errors.length === 0) errors.push('Filen har inga rader.');
  if (input.preview || errors.length > 0) return { rows, errors, warnings, imported: false };
  for (const r of rows) await saveSus({ year: input.year, period: input.period, insatsId: r.insatsId, figures: r.figures }, scope);
  return { rows, errors, warnings, imported: true };
}

/** The methods this module serves. */
export const statistikHandlers = handlersFor({
  'statistik.get': getStatistik,
  'statistik.saveSus': saveSus,
  'statistik.importSus': importSus,
  'statistik.saveIndikator': saveIndikator,
  'statistik.saveEvent': saveEvent,
  'statistik.saveDialog': saveDialog,
  'statistik.remove': removeStatistik,
});
