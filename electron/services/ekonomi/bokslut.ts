import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { BokslutNote, BokslutRow, BokslutView } from '../../../shared/contract/schemas/bokslut';
import {
  BOKSLUT_LINES,
  bokslutChecks,
  defaultLine,
  isClosingAccount,
  POST_TO_LINE,
  statements,
  type AccountSaldo,
  type BokslutLine,
  type Statements,
} from '../../../shared/domain/bokslut';
import { BUDGET_POSTS, isSamverkanPost, POST_INFO } from '../../../shared/domain/budget-posts';
import { parseSie, SieParseError } from '../../../shared/domain/sie4';
import type { Scope } from '../context';
import { refuse, refuseAll } from '../refuse';
import { currentVersion, loadBudgetVersions } from './budget';
import { feeView } from './medlemsavgifter';
import { formatKr } from '../../../shared/format/sv';
import { loadForbund, otherOrganisation, senderOf } from '../forbund';
import { handlersFor } from '../handler';
import { bokslutSections } from '../../../shared/domain/bokslut-document';

/**
 * The bokslut: each year's account balances (from an SIE file of any type, or typed), the
 * accounts' lines (mapped once, BAS defaults otherwise), and the statements with the year
 * before and the budget beside, the noter that Kansli can fill from its registers, and
 * every cross-check named to the krona.
 */

type Mapping = Map<string, BokslutLine | null>;

async function loadMapping(scope: Scope): Promise<Mapping> {
  const rows = await scope.db.selectFrom('bokslut_kopplingar').selectAll().execute();
  return new Map(rows.map((r) => [r.account, (r.line as BokslutLine | null) ?? null]));
}

async function loadSaldon(scope: Scope, year: number) {
  return scope.db.selectFrom('bokslut_saldon').selectAll().where('year', '=', year).orderBy('account').execute();
}

const toSaldo = (r: { account: string; name: string; ib_ore: number; ub_ore: number; res_ore: number }): AccountSaldo => ({
  account: r.account,
  name: r.name,
  ibOre: r.ib_ore,
  ubOre: r.ub_ore,
  resOre: r.res_ore,
});

/** The year's budget on the resultaträkning's lines (intäkter positive, kostnader negative). */
async function budgetByLine(scope: Scope, year: number): Promise<Map<BokslutLine, number> | null> {
  const version = currentVersion(await loadBudgetVersions(scope, year));
  if (!version) return null;
  const out = new Map<BokslutLine, number>();
  for (const post of BUDGET_POSTS) {
    const amount = version.lines.find((l) => l.post === post)?.amountKr ?? 0;
    const line = POST_TO_LINE[post];
    out.set(line, (out.get(line) ?? 0) + (POST_INFO[post].side === 'intakt' ? amount : -amount));
  }
  return out;
}

/** Not 2 (medlemsavgifterna per medlem, from the fee register) and Not 3 (samverkansinsatserna per insats, from the utfall). */
async function notes(scope: Scope, year: number, s: Statements): Promise<BokslutNote[]> {
  const lineKr = (line: BokslutLine) => s.rr.find((r) => r.line === line)?.kr ?? 0;
  const out: BokslutNote[] = [];
  const fees = await feeView(scope, year);
  if (fees.saved) {
    const rows = fees.shares.map((m) => ({ label: m.name, kr: m.amountKr }));
    out.push({
      number: 2,
      label: 'Rörelseintäkter',
      rows,
      sumKr: rows.reduce((t, r) => t + r.kr, 0),
      lineKr: lineKr('rorelseintakter'),
      source: `Medlemsavgifterna ${year} per medlem ur Ekonomi → Medlemsavgifter.`,
      typed: false,
      text: '',
    });
  }
  const insatser = await scope.db
    .selectFrom('utfall_insats_months as u')
    .innerJoin('insatser as i', 'i.id', 'u.insats_id')
    .select(['i.name'])
    .select((eb) => eb.fn.sum<number>('u.amount_ore').as('ore'))
    .where('u.year', '=', year)
    .groupBy('i.id')
    .orderBy('i.name')
    .execute();
  // Samverkan utfall booked on no insats (insatser from before the register, an import without
  // the insats) is shown per post, so the note still adds up to what the utfall says.
  const samverkan = BUDGET_POSTS.filter(isSamverkanPost);
  const unassigned = await scope.db
    .selectFrom('utfall')
    .select(['post'])
    .select((eb) => eb.fn.sum<number>('amount_ore').as('ore'))
    .where('year', '=', year)
    .where('post', 'in', samverkan)
    .where('insats_id', 'is', null)
    .groupBy('post')
    .execute();
  const withoutInsats = samverkan.flatMap((post) => {
    const kr = -Math.round(Number(unassigned.find((r) => r.post === post)?.ore ?? 0) / 100);
    return kr === 0 ? [] : [{ label: `${POST_INFO[post].label}, utan insats i registret`, kr }];
  });
  if (insatser.length > 0 || withoutInsats.length > 0) {
    const rows = [...insatser.map((r) => ({ label: r.name, kr: -Math.round(Number(r.ore) / 100) })), ...withoutInsats];
    out.push({
      number: 3,
      label: 'Kostnader för samverkansinsatser',
      rows,
      sumKr: rows.reduce((t, r) => t + r.kr, 0),
      lineKr: lineKr('samverkan'),
      source: `Utfallet ${year} per insats ur Ekonomi → Utfall.`,
      typed: false,
      text: '',
    });
  }
  // The noter the registers cannot fill, typed; each is checked against the line that carries its number.
  const computed = new Set(out.map((n) => n.number));
  const typed = await scope.db.selectFrom('bokslut_noter').selectAll().where('year', '=', year).orderBy('number').execute();
  for (const t of typed) {
    if (computed.has(t.number)) continue;
    const rows = JSON.parse(t.rows) as { label: string; kr: number }[];
    const row = [...s.rr, ...s.br].find((r) => r.note === t.number);
    out.push({
      number: t.number,
      label: t.label,
      rows,
      sumKr: rows.reduce((sum, r) => sum + r.kr, 0),
      lineKr: row?.kr ?? rows.reduce((sum, r) => sum + r.kr, 0),
      source: `Inskriven av ${t.updated_by} ${t.updated_at.slice(0, 10)}.`,
      typed: true,
      text: t.text,
    });
  }
  return out.sort((a, b) => a.number - b.number);
}

async function saveNote(input: ParsedInput<'bokslut.saveNote'>, scope: Scope): Promise<MethodResult<'bokslut.saveNote'>> {
  await refuseIfClosed(scope, input.year, 'year');
  if (input.number === 2 || input.number === 3) {
    throw refuse('number', `Not ${input.number} fylls ur registren (${input.number === 2 ? 'medlemsavgifterna' : 'utfallet per insats'}) och skrivs inte in.`);
  }
  const before = await scope.db.selectFrom('bokslut_noter').selectAll().where('year', '=', input.year).where('number', '=', input.number).executeTakeFirst();
  const at = scope.now.toISOString();
  if (input.rows.length === 0) {
    await scope.db.deleteFrom('bokslut_noter').where('year', '=', input.year).where('number', '=', input.number).execute();
  } else {
    const values = { label: input.label, rows: JSON.stringify(input.rows), text: input.text, updated_at: at, updated_by: scope.actor };
    await scope.db
      .insertInto('bokslut_noter')
      .values({ year: input.year, number: input.number, ...values })
      .onConflict((oc) => oc.columns(['year', 'number']).doUpdateSet(values))
      .execute();
  }
  const words = (rows: { label: string; kr: number }[]) => rows.map((r) => `${r.label} ${formatKr(r.kr)}`);
  if (before || input.rows.length > 0) {
    await scope.audit({
      entity: 'bokslutsnot',
      entityId: `${input.year}:${input.number}`,
      action: !before ? 'create' : input.rows.length === 0 ? 'delete' : 'update',
      before: before ? { title: `Not ${before.number} ${before.label}`, rader: words(JSON.parse(before.rows) as { label: string; kr: number }[]) } : null,
      after: input.rows.length === 0 ? null : { title: `Not ${input.number} ${input.label}`, rader: words(input.rows) },
    });
  }
  return bokslutView(scope, input.year);
}

export async function bokslutView(scope: Scope, year: number): Promise<BokslutView> {
  const mapping = await loadMapping(scope);
  const current = await loadSaldon(scope, year);
  const previous = await loadSaldon(scope, year - 1);
  const s = statements(current.map(toSaldo), mapping);
  const p = previous.length > 0 ? statements(previous.map(toSaldo), mapping) : null;
  const budget = await budgetByLine(scope, year);
  const prevKr = (rows: Statements['rr'] | undefined, line: BokslutLine) => rows?.find((r) => r.line === line)?.kr ?? null;
  const rr: BokslutRow[] = s.rr.map((r) => ({ ...r, previousKr: p ? prevKr(p.rr, r.line) : null, budgetKr: budget ? (budget.get(r.line) ?? 0) : null }));
  const br: BokslutRow[] = s.br.map((r) => ({ ...r, previousKr: p ? prevKr(p.br, r.line) : null, budgetKr: null }));
  const budgetSums = budget
    ? (() => {
        const sum = (kind: string) => rr.filter((r) => BOKSLUT_LINES[r.line].kind === kind).reduce((t, r) => t + (r.budgetKr ?? 0), 0);
        const intakter = sum('intakt');
        const kostnader = sum('kostnad');
        const finansiella = sum('finansiell');
        return { intakter, kostnader, rorelseresultat: intakter + kostnader, finansiella, resultat: intakter + kostnader + finansiella };
      })()
    : null;
  const noter = await notes(scope, year, s);
  const kr = (ore: number) => Math.round(ore / 100);
  const source = current[0] ?? null;
  return {
    year,
    hasSaldon: current.length > 0,
    hasPrevious: previous.length > 0,
    source: source ? { kind: source.source, fileName: source.file_name, updatedAt: source.updated_at, updatedBy: source.updated_by } : null,
    rr,
    rrSums: { year: s.rrSums, previous: p?.rrSums ?? null, budget: budgetSums },
    br,
    brSums: { year: s.brSums, previous: p?.brSums ?? null },
    periodensResultat: { year: s.periodensResultat, previous: p?.periodensResultat ?? null },
    kfa: { year: s.kfa, previous: p?.kfa ?? null },
    notes: noter,
    checks:
      current.length === 0
        ? []
        : bokslutChecks(
            s,
            noter.map((n) => ({ label: `Not ${n.number} ${n.label}`, noteKr: n.sumKr, lineKr: n.lineKr })),
          ),
    accounts: current
      .filter((r) => !isClosingAccount(r.account))
      .map((r) => ({
        account: r.account,
        name: r.name,
        line: mapping.has(r.account) ? mapping.get(r.account)! : defaultLine(r.account),
        mapped: mapping.has(r.account),
        ibKr: kr(r.ib_ore),
        ubKr: kr(r.ub_ore),
        resKr: kr(r.res_ore),
      })),
  };
}

export async function getBokslut(input: ParsedInput<'bokslut.get'>, scope: Scope): Promise<MethodResult<'bokslut.get'>> {
  return bokslutView(scope, input.year);
}

async function refuseIfClosed(scope: Scope, year: number, path: string): Promise<void> {
  if (await scope.db.selectFrom('closed_years').select('year').where('year', '=', year).executeTakeFirst()) {
    throw refuse(path, `År ${year} är stängt. Saldona för ett stängt år kan inte läsas in eller ändras.`);
  }
}

/** Replaces a year's balances with the given accounts' (in öre, SIE signs). */
async function replaceSaldon(scope: Scope, year: number, rows: AccountSaldo[], source: 'sie' | 'inskrivet', fileName: string | null): Promise<void> {
  const at = scope.now.toISOString();
  const before = await loadSaldon(scope, year);
  await scope.db.deleteFrom('bokslut_saldon').where('year', '=', year).execute();
  for (const r of rows) {
    await scope.db
      .insertInto('bokslut_saldon')
      .values({
        year,
        account: r.account,
        name: r.name,
        ib_ore: r.ibOre,
        ub_ore: r.ubOre,
        res_ore: r.resOre,
        source,
        file_name: fileName,
        updated_at: at,
        updated_by: scope.actor,
      })
      .execute();
  }
  await scope.audit({
    entity: 'bokslut',
    entityId: year,
    action: before.length === 0 ? 'create' : 'update',
    before: before.length === 0 ? null : { year, konton: before.length, kalla: before[0]!.file_name ?? 'inskrivet' },
    after: { year, konton: rows.length, kalla: fileName ?? 'inskrivet' },
  });
}

export async function importBokslut(input: ParsedInput<'bokslut.import'>, scope: Scope): Promise<MethodResult<'bokslut.import'>> {
  let file;
  try {
    file = parseSie(Buffer.from(input.contentBase64, 'base64'));
  } catch (err) {
    if (err instanceof SieParseError) throw refuse('contentBase64', `SIE-filen är felaktig. ${err.message} Inget är inläst.`, 'VALIDATION');
    throw err;
  }
  const other = await otherOrganisation(scope, file.orgNr);
  if (other) throw refuse('contentBase64', `Filen är bokföringen för organisationsnummer ${other.file}, men förbundets är ${other.forbund}. Inget är inläst.`);
  const current = file.fiscalYears.find((y) => y.index === 0);
  if (!current) throw refuse('contentBase64', 'Filen saknar räkenskapsår (#RAR 0 med datum). Exportera SIE-filen igen med räkenskapsåret. Inget är inläst.');
  if (file.balances.length === 0) throw refuse('contentBase64', 'Filen har inga saldon (#IB, #UB, #RES). Exportera SIE typ 1–4 med saldon. Inget är inläst.');
  const year = Number(current.to.slice(0, 4));
  const names = new Map(file.accounts.map((a) => [a.number, a.name]));
  const byYear = (index: number): AccountSaldo[] => {
    const rows = new Map<string, AccountSaldo>();
    for (const b of file.balances.filter((x) => x.yearIndex === index)) {
      const r = rows.get(b.account) ?? { account: b.account, name: names.get(b.account) ?? '', ibOre: 0, ubOre: 0, resOre: 0 };
      if (b.kind === 'IB') r.ibOre += b.amountOre;
      else if (b.kind === 'UB') r.ubOre += b.amountOre;
      else r.resOre += b.amountOre;
      rows.set(b.account, r);
    }
    return [...rows.values()];
  };
  // Balance accounts need #UB: without it the balansräkning would silently show 0.
  const missingUb = byYear(0).filter(
    (r) => /^[12]/.test(r.account) && r.ibOre !== 0 && !file.balances.some((b) => b.kind === 'UB' && b.yearIndex === 0 && b.account === r.account),
  );
  if (missingUb.length > 0) {
    throw refuseAll(
      `Balanskontona ${missingUb.map((r) => r.account).join(', ')} har ingående men ingen utgående balans (#UB) för ${year}. Inget är inläst.`,
      missingUb.map((r) => ({ path: 'contentBase64', message: `Konto ${r.account} saknar #UB.` })),
    );
  }
  await refuseIfClosed(scope, year, 'contentBase64');
  await replaceSaldon(scope, year, byYear(0), 'sie', input.fileName);
  // The year before comes along when the file has it and Kansli has none of its own.
  const before = byYear(-1);
  if (
    before.length > 0 &&
    (await loadSaldon(scope, year - 1)).length === 0 &&
    !(await scope.db
      .selectFrom('closed_years')
      .select('year')
      .where('year', '=', year - 1)
      .executeTakeFirst())
  ) {
    await replaceSaldon(scope, year - 1, before, 'sie', input.fileName);
  }
  return bokslutView(scope, year);
}

export async function saveSaldon(input: ParsedInput<'bokslut.saveSaldon'>, scope: Scope): Promise<MethodResult<'bokslut.saveSaldon'>> {
  await refuseIfClosed(scope, input.year, 'year');
  const seen = new Set<string>();
  for (const [i, a] of input.accounts.entries()) {
    if (seen.has(a.account)) throw refuse(`accounts.${i}.account`, `Konto ${a.account} står två gånger.`, 'VALIDATION');
    seen.add(a.account);
  }
  const ore = (kr: number) => Math.round(kr * 100);
  await replaceSaldon(
    scope,
    input.year,
    input.accounts.map((a) => ({ account: a.account, name: a.name, ibOre: ore(a.ibKr), ubOre: ore(a.ubKr), resOre: ore(a.resKr) })),
    'inskrivet',
    null,
  );
  return bokslutView(scope, input.year);
}

export async function saveBokslutMappings(input: ParsedInput<'bokslut.saveMappings'>, scope: Scope): Promise<MethodResult<'bokslut.saveMappings'>> {
  const at = scope.now.toISOString();
  for (const m of input.mappings) {
    const before = await scope.db.selectFrom('bokslut_kopplingar').select('line').where('account', '=', m.account).executeTakeFirst();
    if (before && before.line === m.line) continue;
    await scope.db
      .insertInto('bokslut_kopplingar')
      .values({ account: m.account, line: m.line, updated_at: at })
      .onConflict((oc) => oc.column('account').doUpdateSet({ line: m.line, updated_at: at }))
      .execute();
    const word = (line: string | null | undefined) => (line ? BOKSLUT_LINES[line as BokslutLine].label : 'ingår inte i bokslutet');
    await scope.audit({
      entity: 'bokslutskoppling',
      entityId: m.account,
      action: before ? 'update' : 'create',
      before: before ? { konto: m.account, rad: word(before.line) } : null,
      after: { konto: m.account, rad: word(m.line) },
    });
  }
  return bokslutView(scope, input.year);
}

async function bokslutPdf(input: ParsedInput<'bokslut.pdf'>, scope: Scope): Promise<MethodResult<'bokslut.pdf'>> {
  const view = await bokslutView(scope, input.year);
  if (!view.hasSaldon) throw refuse('year', `Det finns inga saldon för ${input.year}. Läs in SIE-filen eller skriv in saldona först.`);
  const forbund = await loadForbund(scope);
  const { renderPlanPdf } = await import('../pdf/verksamhetsplan-pdf');
  const failed = view.checks.filter((c) => !c.ok).length;
  const { bytes, pages } = await renderPlanPdf(
    scope.ctx,
    {
      sender: senderOf(forbund),
      docType: 'Bokslut',
      title: `Årsbokslut ${input.year}-12-31`,
      status: `${forbund.name}${forbund.orgNr ? `, ${forbund.orgNr}` : ''}${failed > 0 ? ` — ${failed} kontroller stämmer inte` : ''}`,
      fields: [{ label: 'Räkenskapsår', value: `${input.year}-01-01 – ${input.year}-12-31` }],
      sections: bokslutSections(view),
    },
    scope.now,
  );
  return { fileName: `Bokslut ${input.year}.pdf`, mimeType: 'application/pdf', contentBase64: Buffer.from(bytes).toString('base64'), pages };
}

/** The methods this module serves. */
export const bokslutHandlers = handlersFor({
  'bokslut.get': getBokslut,
  'bokslut.import': importBokslut,
  'bokslut.saveSaldon': saveSaldon,
  'bokslut.saveMappings': saveBokslutMappings,
  'bokslut.saveNote': saveNote,
  'bokslut.pdf': bokslutPdf,
});
