import { otherOrganisation } from '../forbund';
import { createHash } from 'node:crypto';
import { decodeTextFile } from '../../../shared/domain/windows-1252';
import type { MethodResult, ParsedInput } from '../../../shared/contract/methods';
import type { UnmappedAccount, UtfallImportPreview } from '../../../shared/contract/schemas/ekonomi';
import { BUDGET_POSTS, POST_INFO, samverkanPost, type BudgetPost } from '../../../shared/domain/budget-posts';
import { parseSie, SieParseError, unbalancedVerifications } from '../../../shared/domain/sie4';
import type { Scope } from '../context';
import { normaliseHeader, readWorkbook, type ReadSheet } from '../xlsx/workbook';
import { isClosed } from '../closed-years';
import { loadMappings, storeMappings } from './utfall';
import { refuse } from '../refuse';
import { handlersFor } from '../handler';

/**
 * Utfall from files: SIE 4 (the Swedish accounting export, PC8), Excel or CSV.
 *
 * An SIE file gives transactions on accounts; only the result accounts (BAS classes
 * 3–8) are utfall. Each account is mapped once to a post (or marked as not utfall), and
 * an object (resultatenhet, projekt) may be mapped to an insats or a post, which then
 * wins over the account. Nothing is guessed: an unmapped account stops the import and
 * the preview asks for it, with a suggestion from its name the user must accept.
 * The preview writes nothing; the import writes everything or nothing.
 *
 * Excel and CSV rows carry Datum, Belopp, and either Post or Konto (mapped as above),
 * optionally Insats and Text. Their amounts are in the post's own direction: costs
 * and incomes both positive.
 */

type FileKind = 'sie' | 'xlsx' | 'csv';

interface Candidate {
  line: number;
  bookedOn: string;
  /** Book sign (debit positive), as in SIE; or already in the post's direction. */
  amountOre: number;
  sign: 'book' | 'post';
  account: string | null;
  post: BudgetPost | null;
  insatsName: string | null;
  objects: { dimension: number; id: string }[];
  text: string | null;
}

interface ReadResult {
  kind: FileKind;
  year: number | null;
  companyName: string | null;
  /** The file's #ORGNR (SIE), when it has one. */
  orgNr?: string | null;
  candidates: Candidate[];
  accountNames: Map<string, string>;
  objectNames: Map<string, string>;
  errors: string[];
  warnings: string[];
}

function fileKind(fileName: string): FileKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (/\.(se|si|sie)$/.test(lower)) return 'sie';
  throw refuse(
    'fileName',
    `Filen ”${fileName}” är varken en SIE-fil (.se, .si, .sie), en Excel-fil (.xlsx) eller en CSV-fil (.csv).`,
    'VALIDATION',
    'Okänd filtyp.',
  );
}

/** A result account in BAS: classes 3 (intäkter) to 8 (finansiella poster). */
function isResultAccount(account: string): boolean {
  return /^[3-8]/.test(account);
}

function readSie(bytes: Uint8Array): ReadResult {
  const out: ReadResult = {
    kind: 'sie',
    year: null,
    companyName: null,
    candidates: [],
    accountNames: new Map(),
    objectNames: new Map(),
    errors: [],
    warnings: [],
  };
  let file;
  try {
    file = parseSie(bytes);
  } catch (err) {
    if (err instanceof SieParseError) {
      out.errors.push(`SIE-filen är felaktig. ${err.message}`);
      return out;
    }
    throw err;
  }
  out.companyName = file.companyName;
  out.orgNr = file.orgNr;
  out.warnings.push(...file.warnings);
  if (file.verifications.length === 0) {
    out.errors.push(
      `Filen har inga verifikationer${file.sieType ? ` (SIE typ ${file.sieType})` : ''}. Utfallet läses ur verifikationerna: exportera SIE 4 ur bokföringen. En fil med bara saldon (SIE typ 1–3) har inget utfall per verifikation.`,
    );
  }
  for (const a of file.accounts) out.accountNames.set(a.number, a.name);
  for (const o of file.objects) out.objectNames.set(`${o.dimension}:${o.id}`, o.name);
  for (const u of unbalancedVerifications(file)) {
    out.errors.push(
      `Rad ${u.line}: verifikation ${u.series} ${u.number} balanserar inte (debet och kredit skiljer ${(u.sumOre / 100).toLocaleString('sv-SE', { minimumFractionDigits: 2 })} kr).`,
    );
  }
  const current = file.fiscalYears.find((y) => y.index === 0);
  if (current) {
    if (!current.from.endsWith('-01-01') || !current.to.endsWith('-12-31') || current.from.slice(0, 4) !== current.to.slice(0, 4)) {
      out.errors.push(`Räkenskapsåret i filen (${current.from} – ${current.to}) är inte ett kalenderår. Förbundets räkenskapsår är kalenderåret.`);
    }
    out.year = Number(current.to.slice(0, 4));
  }
  for (const v of file.verifications) {
    for (const t of v.transactions) {
      if (!isResultAccount(t.account)) continue;
      out.candidates.push({
        line: t.line,
        bookedOn: t.date ?? v.date,
        amountOre: t.amountOre,
        sign: 'book',
        account: t.account,
        post: null,
        insatsName: null,
        objects: t.objects,
        text: t.text ?? v.text ?? null,
      });
    }
  }
  if (out.year === null && out.candidates.length > 0) out.year = Number(out.candidates[0]!.bookedOn.slice(0, 4));
  return out;
}

/** "1 234,50", "-1234.5", "1234" → öre, or null if it is not an amount. */
export function parseAmountOre(text: string): number | null {
  const t = text
    .replace(/[\s\u00a0]/g, '')
    .replace('\u2212', '-')
    .replace(/kr$/i, '');
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -ore : ore;
}

/** ÅÅÅÅ-MM-DD, ÅÅÅÅMMDD or a date Excel wrote. */
function parseDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** CSV as Excel writes it in Sweden: ; between fields, "" quoting, UTF-8 or Windows-1252. */
export function parseCsv(bytes: Uint8Array): ReadSheet {
  const text = decodeTextFile(bytes);
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? '';
  const sep = [';', '\t', ','].map((s) => ({ s, n: first.split(s).length })).sort((a, b) => b.n - a.n)[0]!.s;
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === sep) {
        cells.push(cur);
        cur = '';
      } else cur += c;
    }
    cells.push(cur);
    return cells.map((x) => x.trim());
  };
  const headers = split(first);
  const rows = lines.slice(1).flatMap((line, i) => {
    if (line.trim() === '') return [];
    const cells = split(line);
    return [{ row: i + 2, cells: new Map(headers.map((h, j) => [normaliseHeader(h), cells[j] === undefined || cells[j] === '' ? null : cells[j]!])) }];
  });
  return { sheetName: 'CSV', headers: headers.filter((h) => h !== ''), rows };
}

const POST_BY_LABEL = new Map<string, BudgetPost>([
  ...BUDGET_POSTS.map((p) => [p, p] as const),
  ...BUDGET_POSTS.map((p) => [POST_INFO[p].label.toLocaleLowerCase('sv'), p] as const),
]);

function readSheet(sheet: ReadSheet, kind: FileKind): ReadResult {
  const out: ReadResult = { kind, year: null, companyName: null, candidates: [], accountNames: new Map(), objectNames: new Map(), errors: [], warnings: [] };
  const have = new Set(sheet.headers.map(normaliseHeader));
  const missing = ['datum', 'belopp'].filter((h) => !have.has(h));
  if (!have.has('post') && !have.has('konto')) missing.push('post eller konto');
  if (missing.length > 0) {
    out.errors.push(
      `Rad 1: kolumnerna ${missing.map((m) => `”${m}”`).join(', ')} saknas. Kolumnerna ska vara Datum, Post eller Konto, Insats (valfri), Belopp och Text (valfri).`,
    );
    return out;
  }
  for (const r of sheet.rows) {
    const get = (h: string) => r.cells.get(h) ?? null;
    const where = `Rad ${r.row}`;
    const date = get('datum');
    const bookedOn = date === null ? null : parseDate(date);
    if (bookedOn === null) {
      out.errors.push(`${where}: datumet ${date === null ? 'saknas' : `”${date}” är inte ett datum (ÅÅÅÅ-MM-DD)`}.`);
      continue;
    }
    const amountText = get('belopp');
    const amountOre = amountText === null ? null : parseAmountOre(amountText);
    if (amountOre === null) {
      out.errors.push(`${where}: beloppet ${amountText === null ? 'saknas' : `”${amountText}” är inte ett belopp`}.`);
      continue;
    }
    const postText = get('post');
    let post: BudgetPost | null = null;
    if (postText !== null) {
      post = POST_BY_LABEL.get(postText.toLocaleLowerCase('sv')) ?? null;
      if (post === null) {
        out.errors.push(`${where}: posten ”${postText}” finns inte. Använd en av: ${BUDGET_POSTS.map((p) => POST_INFO[p].label).join(', ')}.`);
        continue;
      }
    }
    const account = get('konto');
    if (post === null && (account === null || !/^\d{3,6}$/.test(account))) {
      out.errors.push(`${where}: ange en post eller ett kontonummer.`);
      continue;
    }
    if (account !== null && post === null) out.accountNames.set(account, get('kontonamn') ?? account);
    out.candidates.push({
      line: r.row,
      bookedOn,
      amountOre,
      sign: 'post',
      account: post === null ? account : null,
      post,
      insatsName: get('insats'),
      objects: [],
      text: get('text'),
    });
  }
  const years = new Set(out.candidates.map((c) => Number(c.bookedOn.slice(0, 4))));
  if (years.size > 1) out.errors.push(`Filen har utfall för flera år (${[...years].sort().join(', ')}). Importera ett år i taget.`);
  out.year = out.candidates[0] ? Number(out.candidates[0].bookedOn.slice(0, 4)) : null;
  return out;
}

/** A post proposed from the account's name, shown to the user, never applied unasked. */
export function suggestPost(account: string, name: string): BudgetPost | null {
  const n = name.toLocaleLowerCase('sv');
  if (/årets resultat|bokslutsdisp/.test(n)) return null;
  if (/medlemsavgift|medlemsintäkt|tilldelning/.test(n)) return 'medlemsavgifter';
  if (/avskrivning/.test(n)) return 'avskrivningar';
  if (/ränteintäkt|utdelning|finansiell intäkt|värdepapper|fond/.test(n) && account.startsWith('8')) return 'finansiella_intakter';
  if (/räntekostnad|finansiell kostnad/.test(n) || (account.startsWith('8') && /kostnad/.test(n))) return 'finansiella_kostnader';
  if (account.startsWith('3')) return 'sidointakter';
  if (/arvode|förtroende|styrelse|revision/.test(n)) return 'fortroendevalda';
  if (/lön|arbetsgivar|pension|sociala avgifter|personal/.test(n)) return 'forvaltning_personal';
  if (/hyra|lokal|el |städ/.test(n)) return 'forvaltning_lokaler';
  if (/insats|samverkan|projekt/.test(n)) return 'samverkan_ej_fordelat';
  if (/^[4-7]/.test(account)) return 'forvaltning_ovrigt';
  return null;
}

interface Resolved {
  preview: UtfallImportPreview;
  rows: { bookedOn: string; post: BudgetPost; insatsId: number | null; amountOre: number; account: string | null; text: string | null }[];
}

async function resolve(input: ParsedInput<'utfall.import'>, scope: Scope): Promise<Resolved> {
  const kind = fileKind(input.fileName);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const read =
    kind === 'sie' ? readSie(bytes) : readSheet(kind === 'csv' ? parseCsv(bytes) : await readWorkbook(input.contentBase64, `Filen ”${input.fileName}”`), kind);
  const stored = await loadMappings(scope);
  const accountPost = new Map<string, BudgetPost | null>(stored.accounts.map((a) => [a.account, a.post]));
  for (const a of input.accounts) accountPost.set(a.account, a.post);
  const objectMap = new Map(stored.objects.map((o) => [`${o.dimension}:${o.objectId}`, o]));
  for (const o of input.objects) objectMap.set(`${o.dimension}:${o.objectId}`, o);
  const insatser = await scope.db.selectFrom('insatser').select(['id', 'name', 'kategori']).execute();
  const insatsById = new Map(insatser.map((i) => [i.id, i]));
  const insatsByName = new Map(insatser.map((i) => [i.name.toLocaleLowerCase('sv'), i]));

  const errors = [...read.errors];
  const other = await otherOrganisation(scope, read.orgNr);
  if (other) {
    errors.push(
      `Filen är bokföringen för organisationsnummer ${other.file}${read.companyName ? ` (${read.companyName})` : ''}, men förbundets organisationsnummer är ${other.forbund}. Exportera förbundets egen bokföring, eller rätta förbundets uppgifter under Register → Förbundet.`,
    );
  }
  const year = read.year;
  if (year !== null && (await isClosed(scope, year))) errors.push(`År ${year} är stängt. Utfall för ett stängt år kan inte importeras.`);
  const unmapped = new Map<string, UnmappedAccount>();
  const objectsSeen = new Map<string, UtfallImportPreview['objects'][number]>();
  const rows: Resolved['rows'] = [];
  for (const c of read.candidates) {
    if (year !== null && Number(c.bookedOn.slice(0, 4)) !== year) {
      errors.push(`Rad ${c.line}: datumet ${c.bookedOn} ligger utanför räkenskapsåret ${year}.`);
      continue;
    }
    let post: BudgetPost | null = c.post;
    let insatsId: number | null = null;
    if (c.insatsName !== null) {
      const insats = insatsByName.get(c.insatsName.toLocaleLowerCase('sv'));
      if (!insats) {
        errors.push(`Rad ${c.line}: insatsen ”${c.insatsName}” finns inte i registret.`);
        continue;
      }
      insatsId = insats.id;
    }
    for (const ref of c.objects) {
      const key = `${ref.dimension}:${ref.id}`;
      const m = objectMap.get(key);
      const seen = objectsSeen.get(key) ?? {
        dimension: ref.dimension,
        objectId: ref.id,
        name: read.objectNames.get(key) ?? ref.id,
        insatsId: m?.insatsId ?? null,
        post: m?.post ?? null,
        rows: 0,
      };
      seen.rows++;
      objectsSeen.set(key, seen);
      if (m?.insatsId != null) insatsId = m.insatsId;
      else if (m?.post != null && insatsId === null) post = m.post;
    }
    let accountMapped: BudgetPost | null | undefined;
    if (c.account !== null) {
      accountMapped = accountPost.get(c.account);
      if (accountMapped === undefined) {
        const name = read.accountNames.get(c.account) ?? c.account;
        const u = unmapped.get(c.account) ?? { account: c.account, name, suggestion: suggestPost(c.account, name), rows: 0, sumOre: 0 };
        u.rows++;
        u.sumOre += c.amountOre;
        unmapped.set(c.account, u);
        continue;
      }
      if (accountMapped === null && insatsId === null) continue; // not part of the utfall
      post ??= accountMapped;
    }
    if (insatsId !== null) {
      const insats = insatsById.get(insatsId);
      if (!insats) continue;
      post = samverkanPost(insats.kategori);
    }
    if (post === null) continue;
    // The books are debit-positive: an intäkt is booked as a credit, so it turns round.
    const direction = c.sign === 'book' && POST_INFO[post].side === 'intakt' ? -1 : 1;
    rows.push({ bookedOn: c.bookedOn, post, insatsId, amountOre: direction * c.amountOre, account: c.account, text: c.text });
  }
  if (year === null && errors.length === 0) errors.push('Filen innehåller inga utfallsrader.');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const already = await scope.db.selectFrom('utfall_imports').select(['id', 'imported_at']).where('sha256', '=', sha256).executeTakeFirst();
  const earlier =
    year === null
      ? 0
      : Number(
          (
            await scope.db
              .selectFrom('utfall_imports')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('year', '=', year)
              .where('kind', '=', kind)
              .executeTakeFirstOrThrow()
          ).n,
        );
  const byPost = new Map<BudgetPost, { sumOre: number; rows: number }>();
  const byInsats = new Map<number, number>();
  for (const r of rows) {
    const p = byPost.get(r.post) ?? { sumOre: 0, rows: 0 };
    p.sumOre += r.amountOre;
    p.rows++;
    byPost.set(r.post, p);
    if (r.insatsId !== null) byInsats.set(r.insatsId, (byInsats.get(r.insatsId) ?? 0) + r.amountOre);
  }
  return {
    rows,
    preview: {
      kind,
      fileName: input.fileName,
      year,
      companyName: read.companyName,
      rowCount: rows.length,
      sumOre: rows.reduce((s, r) => s + r.amountOre, 0),
      byPost: BUDGET_POSTS.filter((p) => byPost.has(p)).map((p) => ({ post: p, ...byPost.get(p)! })),
      byInsats: [...byInsats].map(([insatsId, sumOre]) => ({ insatsId, name: insatsById.get(insatsId)?.name ?? '', sumOre })),
      unmappedAccounts: [...unmapped.values()].sort((a, b) => a.account.localeCompare(b.account)),
      objects: [...objectsSeen.values()],
      errors,
      warnings: read.warnings,
      alreadyImported: already ? { id: already.id, importedAt: already.imported_at } : null,
      earlierImports: earlier,
    },
  };
}

export async function previewUtfallImport(input: ParsedInput<'utfall.importPreview'>, scope: Scope): Promise<MethodResult<'utfall.importPreview'>> {
  return (await resolve(input, scope)).preview;
}

export async function importUtfall(input: ParsedInput<'utfall.import'>, scope: Scope): Promise<MethodResult<'utfall.import'>> {
  const { preview, rows } = await resolve(input, scope);
  const stop = (message: string, path = 'contentBase64'): never => {
    throw refuse(path, `Inget är importerat. ${message}`, 'VALIDATION', message);
  };
  if (preview.errors.length > 0)
    stop(preview.errors.slice(0, 10).join(' ') + (preview.errors.length > 10 ? ` … och ${preview.errors.length - 10} fel till.` : ''));
  if (preview.unmappedAccounts.length > 0) {
    stop(
      `Dessa konton är inte kopplade till någon budgetpost: ${preview.unmappedAccounts.map((a) => `${a.account} ${a.name}`).join(', ')}. Välj post (eller ”ingår inte i utfallet”) för vart och ett.`,
      'accounts',
    );
  }
  if (preview.alreadyImported && !input.replaceEarlier) stop(`Filen är redan importerad (${preview.alreadyImported.importedAt.slice(0, 10)}).`);
  const year = preview.year!;
  let replaced = 0;
  if (input.replaceEarlier) {
    const earlier = await scope.db.selectFrom('utfall_imports').selectAll().where('year', '=', year).where('kind', '=', preview.kind).execute();
    for (const e of earlier) {
      replaced += Number((await scope.db.deleteFrom('utfall').where('import_id', '=', e.id).executeTakeFirst()).numDeletedRows);
      await scope.db.deleteFrom('utfall_imports').where('id', '=', e.id).execute();
      await scope.audit({ entity: 'utfall_import', entityId: e.id, action: 'delete', before: e, after: null });
    }
  }
  await storeMappings(scope, input);
  const at = scope.now.toISOString();
  const sha256 = createHash('sha256').update(Buffer.from(input.contentBase64, 'base64')).digest('hex');
  const { id } = await scope.db
    .insertInto('utfall_imports')
    .values({
      kind: preview.kind,
      file_name: input.fileName,
      sha256,
      year,
      row_count: rows.length,
      sum_ore: preview.sumOre,
      imported_at: at,
      imported_by: scope.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await scope.db
      .insertInto('utfall')
      .values(
        chunk.map((r) => ({
          year,
          booked_on: r.bookedOn,
          post: r.post,
          insats_id: r.insatsId,
          amount_ore: r.amountOre,
          account: r.account,
          text: r.text,
          import_id: id,
          created_at: at,
        })),
      )
      .execute();
  }
  await scope.audit({
    entity: 'utfall_import',
    entityId: id,
    action: 'create',
    before: null,
    after: { fileName: input.fileName, kind: preview.kind, year, rows: rows.length, sumOre: preview.sumOre, byPost: preview.byPost },
  });
  return { importId: id, year, rowCount: rows.length, sumOre: preview.sumOre, replaced };
}

/** The methods this module serves. */
export const utfallImportHandlers = handlersFor({
  'utfall.importPreview': previewUtfallImport,
  'utfall.import': importUtfall,
});
