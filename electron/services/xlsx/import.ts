import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { KansliTables } from '../../../db/schema';
import { KansliError } from '../../../shared/contract/errors';
import { contract } from '../../../shared/contract/methods';
import { ARENDE_KIND_LABELS, ARENDE_STATUS_LABELS, type Arende } from '../../../shared/contract/schemas/diarium';
import { BOARD_ROLE_LABELS, SEAT_LABELS } from '../../../shared/contract/schemas/board';
import type { ImportPreview, ImportRegister, ImportRowAction, ImportRowPreview } from '../../../shared/contract/schemas/xlsx';
import { findPersonnummer } from '../../../shared/domain/personnummer';
import type { Scope } from '../context';
import { getArende, saveArende, voidArende } from '../diarium';
import { listBoard, listPeriods, saveAppointment, savePeriod } from '../board';
import { DIARIUM_COLUMNS, STYRELSE_COLUMNS } from './export';
import { checkColumns, normaliseHeader, type ReadSheet, type SheetRow } from './workbook';

/** Thrown inside a row to reject it; the message already names the row and column. */
class RowRejected extends Error {}

type RowOutcome = { action: Exclude<ImportRowAction, 'reject'>; label: string; changes: ImportRowPreview['changes'] };

function cell(row: SheetRow, header: string): string | null {
  return row.cells.get(normaliseHeader(header)) ?? null;
}

/** Swedish label or internal code → code, case-insensitively. */
function fromLabel<K extends string>(labels: Record<K, string>, text: string | null, row: number, column: string, required: boolean): K | null {
  if (text === null) {
    if (required) throw new RowRejected(`Rad ${row}, kolumn ${column}: värde saknas.`);
    return null;
  }
  const wanted = text.trim().toLowerCase();
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    if (code.toLowerCase() === wanted || label.toLowerCase() === wanted) return code;
  }
  throw new RowRejected(`Rad ${row}, kolumn ${column}: okänt värde ”${text}”. Tillåtna: ${Object.values(labels).join(', ')}.`);
}

/** Parses input with the method's schema; the first problem is reported at its column. */
function parseRow<S extends z.ZodType>(schema: S, input: unknown, row: number, columnOf: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue?.path.map(String).join('.') ?? '';
  const column = columnOf[key] ?? columnOf[String(issue?.path[0] ?? '')] ?? key;
  throw new RowRejected(`Rad ${row}, kolumn ${column}: ${issue?.message ?? 'ogiltigt värde.'}`);
}

function errorText(err: unknown, row: number): string {
  if (err instanceof RowRejected) return err.message;
  if (err instanceof KansliError) return `Rad ${row}: ${err.message}`;
  throw err;
}

function personalDataWarnings(row: SheetRow, columns: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const column of columns) {
    const text = cell(row, column);
    if (text === null) continue;
    const hits = findPersonnummer(text);
    if (hits.length > 0) warnings.push(`Rad ${row.row}, kolumn ${column}: ser ut att innehålla ett personnummer (${hits.map((h) => h.masked).join(', ')}).`);
  }
  return warnings;
}

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

// ——— Diarium ———

const DIARIUM_FIELD_COLUMNS: Record<string, string> = {
  diarienummer: 'Diarienummer',
  title: 'Rubrik',
  kind: 'Typ',
  status: 'Status',
  receivedOn: 'Inkom',
  decidedOn: 'Beslutsdatum',
  handlaggare: 'Handläggare',
  description: 'Beskrivning',
  year: 'Diarienummer',
  reason: 'Makuleringsorsak',
};

async function importDiariumRow(scope: Scope, row: SheetRow, seen: Map<string, number>): Promise<RowOutcome> {
  const r = row.row;
  const number = cell(row, 'Diarienummer');
  if (number !== null) {
    const first = seen.get(number);
    if (first !== undefined) throw new RowRejected(`Rad ${r}, kolumn Diarienummer: ${number} står redan på rad ${first}.`);
    seen.set(number, r);
  }
  const voidedText = cell(row, 'Makulerad');
  const voided = voidedText !== null && /^(ja|x|sant|true|1)$/i.test(voidedText.trim());
  const reason = cell(row, 'Makuleringsorsak');
  if (voided && reason === null) throw new RowRejected(`Rad ${r}, kolumn Makuleringsorsak: ange varför ärendet är makulerat.`);
  const fields = {
    title: cell(row, 'Rubrik') ?? '',
    kind: fromLabel(ARENDE_KIND_LABELS, cell(row, 'Typ'), r, 'Typ', true),
    status: fromLabel(ARENDE_STATUS_LABELS, cell(row, 'Status'), r, 'Status', false) ?? 'oppet',
    receivedOn: cell(row, 'Inkom'),
    decidedOn: cell(row, 'Beslutsdatum'),
    handlaggare: cell(row, 'Handläggare') ?? undefined,
    description: cell(row, 'Beskrivning') ?? undefined,
    confirmPersonalData: true,
  };
  const existing = number === null ? undefined : await scope.db.selectFrom('arenden').select(['id']).where('diarienummer', '=', number).executeTakeFirst();

  if (existing) {
    const before = await getArende({ id: existing.id }, scope);
    const input = parseRow(contract['arenden.save'].input, { ...fields, id: before.id }, r, DIARIUM_FIELD_COLUMNS);
    const changes = diariumChanges(before, input, voided ? reason : null);
    const label = `${before.diarienummer} ${input.title}`;
    if (changes.length === 0) return { action: 'unchanged', label, changes };
    if (before.voided !== null) throw new RowRejected(`Rad ${r}, kolumn Diarienummer: ${before.diarienummer} är makulerat och kan inte ändras.`);
    if (changes.some((c) => c.field === 'Makulerad' || c.field === 'Makuleringsorsak')) {
      if (!voided) throw new RowRejected(`Rad ${r}, kolumn Makulerad: ett ärende kan inte tas tillbaka från makulerat.`);
    }
    await saveArende(input, scope);
    if (voided && reason !== null) await voidArende({ id: before.id, reason, confirmPersonalData: true }, scope);
    return { action: 'change', label, changes };
  }

  const input = parseRow(contract['arenden.save'].input, { ...fields, ...(number === null ? {} : { diarienummer: number }) }, r, DIARIUM_FIELD_COLUMNS);
  const created = await saveArende(input, scope);
  if (voided && reason !== null) await voidArende({ id: created.id, reason, confirmPersonalData: true }, scope);
  return { action: 'add', label: `${created.diarienummer} ${created.title}`, changes: [] };
}

function diariumChanges(before: Arende, input: z.output<(typeof contract)['arenden.save']['input']>, voidReason: string | null): ImportRowPreview['changes'] {
  const pairs: [string, string | null, string | null][] = [
    ['Rubrik', before.title, input.title],
    ['Typ', ARENDE_KIND_LABELS[before.kind], ARENDE_KIND_LABELS[input.kind]],
    ['Status', ARENDE_STATUS_LABELS[before.status], ARENDE_STATUS_LABELS[input.status]],
    ['Inkom', before.receivedOn, input.receivedOn],
    ['Beslutsdatum', before.decidedOn, input.decidedOn],
    ['Handläggare', before.handlaggare, input.handlaggare],
    ['Beskrivning', before.description, input.description],
    ['Makulerad', before.voided ? 'Ja' : null, voidReason !== null ? 'Ja' : null],
    ['Makuleringsorsak', before.voided?.reason ?? null, voidReason],
  ];
  return pairs.filter(([, b, a]) => (b ?? null) !== (a ?? null)).map(([field, b, a]) => ({ field, before: text(b), after: text(a) }));
}

// ——— Styrelse ———

const STYRELSE_FIELD_COLUMNS: Record<string, string> = {
  periodId: 'Mandatperiod från',
  memberId: 'Medlemsorganisation',
  seat: 'Uppdrag',
  role: 'Roll',
  startsOn: 'Från',
  endsOn: 'Till',
  'person.name': 'Namn',
  'person.party': 'Parti',
  'person.email': 'E-post',
  'person.phone': 'Telefon',
  person: 'Namn',
};

async function importStyrelseRow(scope: Scope, row: SheetRow): Promise<RowOutcome> {
  const r = row.row;
  const periodInput = parseRow(
    contract['periods.save'].input,
    { startsOn: cell(row, 'Mandatperiod från') ?? '', endsOn: cell(row, 'Mandatperiod till') ?? '' },
    r,
    { startsOn: 'Mandatperiod från', endsOn: 'Mandatperiod till' },
  );
  const memberText = cell(row, 'Medlemsorganisation');
  if (memberText === null) throw new RowRejected(`Rad ${r}, kolumn Medlemsorganisation: värde saknas.`);
  // Compared in JS: SQLite's lower() leaves Å, Ä and Ö as they are.
  const wantedMember = memberText.trim().toLocaleLowerCase('sv');
  const member = (await scope.db.selectFrom('members').select(['id', 'name', 'short_name']).execute()).find(
    (m) => m.name.toLocaleLowerCase('sv') === wantedMember || m.short_name?.toLocaleLowerCase('sv') === wantedMember,
  );
  if (!member) throw new RowRejected(`Rad ${r}, kolumn Medlemsorganisation: ”${memberText}” finns inte i medlemsregistret.`);
  const seat = fromLabel(SEAT_LABELS, cell(row, 'Uppdrag'), r, 'Uppdrag', true);
  const role = fromLabel(BOARD_ROLE_LABELS, cell(row, 'Roll'), r, 'Roll', false);
  const name = cell(row, 'Namn');
  if (name === null) throw new RowRejected(`Rad ${r}, kolumn Namn: värde saknas.`);
  const email = cell(row, 'E-post');

  let period = (await listPeriods({}, scope)).find((p) => p.startsOn === periodInput.startsOn && p.endsOn === periodInput.endsOn);
  let periodCreated = false;
  if (!period) {
    period = await savePeriod(periodInput, scope);
    periodCreated = true;
  }
  const view = await listBoard({ periodId: period.id }, scope);
  const seats = view.rows.find((x) => x.memberId === member.id);
  const sameName = [...(seats?.ordinarie ?? []), ...(seats?.ersattare ?? [])].filter(
    (a) => a.person.name.toLocaleLowerCase('sv') === name.toLocaleLowerCase('sv'),
  );
  let personId = sameName[0]?.person.id;
  if (personId === undefined) {
    const wantedName = name.toLocaleLowerCase('sv');
    const wantedEmail = email?.toLocaleLowerCase('sv') ?? null;
    const byEmail = (await scope.db.selectFrom('people').select(['id', 'name', 'email']).execute()).find(
      (p) => p.name.toLocaleLowerCase('sv') === wantedName && (p.email?.toLocaleLowerCase('sv') ?? null) === wantedEmail,
    );
    personId = byEmail?.id;
  }
  const existing = sameName.find((a) => a.seat === seat);
  const input = parseRow(
    contract['board.save'].input,
    {
      ...(existing ? { id: existing.id } : {}),
      periodId: period.id,
      memberId: member.id,
      seat,
      role,
      startsOn: cell(row, 'Från'),
      endsOn: cell(row, 'Till'),
      person: {
        ...(personId === undefined ? {} : { id: personId }),
        name,
        party: cell(row, 'Parti') ?? undefined,
        email: email ?? undefined,
        phone: cell(row, 'Telefon') ?? undefined,
        ...(existing
          ? { organisation: existing.person.organisation ?? undefined, title: existing.person.title ?? undefined, notes: existing.person.notes ?? undefined }
          : {}),
      },
      confirmPersonalData: true,
    },
    r,
    STYRELSE_FIELD_COLUMNS,
  );
  const label = `${member.name}: ${name}${input.person.party ? ` (${input.person.party})` : ''}, ${SEAT_LABELS[seat ?? 'ordinarie'].toLowerCase()} ${period.label}`;
  if (existing) {
    const pairs: [string, string | null, string | null][] = [
      ['Roll', existing.role && BOARD_ROLE_LABELS[existing.role], input.role && BOARD_ROLE_LABELS[input.role]],
      ['Från', existing.startsOn, input.startsOn ?? period.startsOn],
      ['Till', existing.endsOn, input.endsOn ?? period.endsOn],
      ['Parti', existing.person.party, input.person.party],
      ['E-post', existing.person.email, input.person.email],
      ['Telefon', existing.person.phone, input.person.phone],
    ];
    const changes = pairs.filter(([, b, a]) => (b ?? null) !== (a ?? null)).map(([field, b, a]) => ({ field, before: text(b), after: text(a) }));
    if (changes.length === 0) return { action: 'unchanged', label, changes };
    await saveAppointment(input, scope);
    return { action: 'change', label, changes };
  }
  await saveAppointment(input, scope);
  return { action: 'add', label: periodCreated ? `${label} (ny mandatperiod)` : label, changes: [] };
}

// ——— Running an import ———

export const IMPORT_COLUMNS: Record<ImportRegister, { required: string[]; optional: string[]; what: string; text: string[] }> = {
  diarium: {
    required: DIARIUM_COLUMNS.map((c) => c.header).filter((h) => h !== 'Antal handlingar'),
    optional: ['Antal handlingar'],
    what: 'diariet',
    text: ['Rubrik', 'Handläggare', 'Beskrivning', 'Makuleringsorsak'],
  },
  styrelse: { required: STYRELSE_COLUMNS.map((c) => c.header), optional: [], what: 'styrelsen', text: ['Namn', 'Parti', 'E-post', 'Telefon'] },
};

/**
 * Runs every row of the sheet through the real services inside `scope` (a transaction),
 * each row under its own savepoint so a rejected row leaves no trace and later rows
 * see earlier rows' effects. Returns the preview; the caller decides to keep or roll back.
 */
export async function runImport(register: ImportRegister, sheet: ReadSheet, scope: Scope): Promise<ImportPreview> {
  const spec = IMPORT_COLUMNS[register];
  checkColumns(sheet, spec.required, spec.optional, spec.what);
  const db: Kysely<KansliTables> = scope.db;
  const rows: ImportRowPreview[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const warnings = personalDataWarnings(row, spec.text);
    await sql`SAVEPOINT import_row`.execute(db);
    try {
      const outcome = register === 'diarium' ? await importDiariumRow(scope, row, seen) : await importStyrelseRow(scope, row);
      await sql`RELEASE import_row`.execute(db);
      rows.push({ row: row.row, ...outcome, errors: [], warnings });
    } catch (err) {
      await sql`ROLLBACK TO import_row`.execute(db);
      await sql`RELEASE import_row`.execute(db);
      rows.push({ row: row.row, action: 'reject', label: labelOf(register, row), changes: [], errors: [errorText(err, row.row)], warnings });
    }
  }
  const counts: ImportPreview['counts'] = { add: 0, change: 0, unchanged: 0, reject: 0 };
  for (const r of rows) counts[r.action] += 1;
  return { register, sheetName: sheet.sheetName, rows, counts };
}

function labelOf(register: ImportRegister, row: SheetRow): string {
  if (register === 'diarium') return [cell(row, 'Diarienummer'), cell(row, 'Rubrik')].filter((x) => x !== null).join(' ') || `Rad ${row.row}`;
  return [cell(row, 'Medlemsorganisation'), cell(row, 'Namn')].filter((x) => x !== null).join(': ') || `Rad ${row.row}`;
}
