import type ExcelJS from 'exceljs';
import { checkZipArchive } from '../zip-guard';
import { KansliError } from '../../../shared/contract/errors';
import { refuse } from '../refuse';

/** exceljs takes most of a second to load: it loads when a workbook is first made or read, not with the services. */
async function excel(): Promise<typeof ExcelJS> {
  const loaded = await import('exceljs');
  return (loaded as unknown as { default?: typeof ExcelJS }).default ?? (loaded as unknown as typeof ExcelJS);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type CellKind = 'text' | 'date' | 'amount' | 'integer';
export interface Column {
  header: string;
  kind?: CellKind;
  width?: number;
}
export type CellValue = string | number | null;

/** One sheet: bold frozen header row with an autofilter, dates as ÅÅÅÅ-MM-DD, amounts "# ##0". */
export async function buildWorkbook(sheetName: string, columns: readonly Column[], rows: readonly CellValue[][]): Promise<string> {
  return buildWorkbookSheets([{ name: sheetName, columns, rows }]);
}

/** A workbook of several sheets, each with a bold frozen header row, filters, and dates and amounts typed as such. */
export async function buildWorkbookSheets(sheets: readonly { name: string; columns: readonly Column[]; rows: readonly CellValue[][] }[]): Promise<string> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Kansli';
  for (const { name, columns, rows } of sheets) {
    const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 2) }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) {
      ws.addRow(
        row.map((value, i) => {
          const kind = columns[i]?.kind ?? 'text';
          // Dates go out as real Excel dates (UTC midnight), so Excel sorts and filters them as dates.
          if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
          return value;
        }),
      );
    }
    columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.kind === 'date') col.numFmt = 'yyyy-mm-dd';
      if (c.kind === 'amount') col.numFmt = '# ##0';
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}

export interface SheetRow {
  /** Row number in the sheet; the header is row 1. */
  row: number;
  cells: Map<string, string | null>;
}

export interface ReadSheet {
  sheetName: string;
  /** Headers as written. */
  headers: string[];
  rows: SheetRow[];
}

export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function isoFromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A cell as text: dates ISO, numbers plain, rich text and formula results flattened. */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'object') {
    if ('richText' in value) return cellText(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return cellText(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

/** Reads the first sheet of an .xlsx given as base64. */
export async function readWorkbook(base64: string, subject = 'Excel-filen'): Promise<ReadSheet> {
  const wb = new (await excel()).Workbook();
  const bytes = Buffer.from(base64, 'base64');
  checkZipArchive(bytes, subject);
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new KansliError('VALIDATION', 'Filen kan inte läsas som en Excel-fil (.xlsx). Spara den som Excel-arbetsbok och försök igen.');
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 1) throw new KansliError('VALIDATION', 'Excel-filen är tom: rad 1 ska ha kolumnrubrikerna.');
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value) ?? '';
  });
  const rows: SheetRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = new Map<string, string | null>();
    let any = false;
    headers.forEach((h, i) => {
      const text = cellText(row.getCell(i + 1).value);
      if (text !== null) any = true;
      cells.set(normaliseHeader(h), text);
    });
    if (any) rows.push({ row: r, cells });
  }
  return { sheetName: ws.name, headers: headers.filter((h) => h !== ''), rows };
}

/** Refuses a sheet whose columns are not exactly `expected` (order free; `optional` may be missing). */
export function checkColumns(sheet: ReadSheet, expected: readonly string[], optional: readonly string[], what: string): void {
  const have = new Set(sheet.headers.map(normaliseHeader));
  const known = new Set([...expected, ...optional].map(normaliseHeader));
  const missing = expected.filter((h) => !have.has(normaliseHeader(h)));
  const unknown = sheet.headers.filter((h) => !known.has(normaliseHeader(h)));
  if (missing.length === 0 && unknown.length === 0) return;
  const parts = [`Filen har fel kolumner för ${what} (rad 1).`];
  if (missing.length > 0) parts.push(`Saknas: ${missing.join(', ')}.`);
  if (unknown.length > 0) parts.push(`Okända: ${unknown.join(', ')}.`);
  parts.push(`Kolumnerna ska vara: ${expected.join(', ')}.`);
  throw refuse('contentBase64', parts.join(' '), 'VALIDATION');
}

export function today(now: Date): string {
  return isoFromDate(now);
}
