import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ArendeListItem } from '../../shared/contract/schemas/diarium';
import type { ExportFile } from '../../shared/contract/schemas/xlsx';
import { EXPORT_REGISTERS } from '../../shared/contract/schemas/xlsx';
import { value } from '../helpers/envelope';
import { countRows, ENGINES, engineSession, first, rows, type AnySession } from '../helpers/engines';

async function sheetOf(file: ExportFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

function headersOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell((c) => out.push(String(c.value)));
  return out;
}

async function xlsx(headers: string[], rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const DIARIUM_HEADERS = ['Diarienummer', 'Rubrik', 'Typ', 'Status', 'Inkom', 'Beslutsdatum', 'Handläggare', 'Beskrivning', 'Makulerad', 'Makuleringsorsak'];

function comparable(list: ArendeListItem[], descriptions: Map<number, string | null>) {
  return list
    .map((a) => ({
      diarienummer: a.diarienummer,
      title: a.title,
      kind: a.kind,
      status: a.status,
      receivedOn: a.receivedOn,
      decidedOn: a.decidedOn,
      handlaggare: a.handlaggare,
      description: descriptions.get(a.id) ?? null,
      voided: a.voided?.reason ?? null,
    }))
    .sort((x, y) => x.diarienummer.localeCompare(y.diarienummer));
}

async function diariumRows(s: AnySession) {
  const list = value(await s.api.call('arenden.list', {}));
  const descriptions = new Map(
    ((await rows(s, sql`SELECT id, description FROM arenden`)) as { id: number; description: string | null }[]).map((r) => [r.id, r.description]),
  );
  return comparable(list, descriptions);
}

describe.each(ENGINES)('Excel export (%s)', (engine) => {
  it('exports every register with Swedish headers and its rows', async () => {
    const s = await engineSession(engine);
    for (const register of EXPORT_REGISTERS) {
      const file = value(await s.api.call('xlsx.export', { register }));
      expect(file.fileName).toMatch(/^Kansli .+ \d{4}-\d{2}-\d{2}\.xlsx$/);
      const ws = await sheetOf(file);
      expect(ws.actualRowCount - 1).toBe(file.rows);
      expect(file.rows).toBeGreaterThan(0);
    }
    const diarium = await sheetOf(value(await s.api.call('xlsx.export', { register: 'diarium' })));
    expect(headersOf(diarium)).toEqual([...DIARIUM_HEADERS, 'Antal handlingar']);
    const styrelse = await sheetOf(value(await s.api.call('xlsx.export', { register: 'styrelse' })));
    expect(headersOf(styrelse)).toEqual([
      'Mandatperiod från',
      'Mandatperiod till',
      'Medlemsorganisation',
      'Uppdrag',
      'Namn',
      'Parti',
      'Roll',
      'Från',
      'Till',
      'E-post',
      'Telefon',
    ]);
    expect(styrelse.getRow(2).getCell(3).value).toBe('Arbetsförmedlingen');
    await s.close();
  });
});

describe.each(ENGINES)('Excel import (%s)', (engine) => {
  it('round trip: the diarium exported and imported into an empty database gives the same rows', async () => {
    const source = await engineSession(engine);
    value(
      await source.api.call('arenden.save', {
        title: 'Ansökan från Östhammars lokusgrupp – Älvkarleby',
        kind: 'inkommande',
        receivedOn: '2026-05-04',
        description: 'Gäller åtgärder för unga; ”citat” och radbrytning\nandra raden.',
      }),
    );
    const exported = value(await source.api.call('xlsx.export', { register: 'diarium' }));
    const expected = await diariumRows(source);
    expect(expected.some((r) => r.voided !== null)).toBe(true);

    const target = await engineSession(engine, { create: 'empty' });
    const preview = value(await target.api.call('xlsx.importPreview', { register: 'diarium', contentBase64: exported.contentBase64 }));
    expect(preview.rows.filter((r) => r.action !== 'add')).toEqual([]);
    expect(preview.counts).toEqual({ add: expected.length, change: 0, unchanged: 0, reject: 0 });
    expect(await countRows(target, 'arenden')).toBe(0);
    expect(await countRows(target, 'audit_log')).toBe(0);

    const result = value(await target.api.call('xlsx.import', { register: 'diarium', contentBase64: exported.contentBase64 }));
    expect(result).toMatchObject({ added: expected.length, changed: 0, skipped: 0 });
    expect(await diariumRows(target)).toEqual(expected);

    // Importing the same file again changes nothing.
    const again = value(await target.api.call('xlsx.importPreview', { register: 'diarium', contentBase64: exported.contentBase64 }));
    expect(again.counts).toEqual({ add: 0, change: 0, unchanged: expected.length, reject: 0 });
    await source.close();
    await target.close();
  });

  it('previews added, changed and rejected rows with reasons naming row and column, and writes nothing', async () => {
    const s = await engineSession(engine);
    const [listed] = value(await s.api.call('arenden.list', { includeVoided: false }));
    if (!listed) throw new Error('no ärende');
    const file = await xlsx(DIARIUM_HEADERS, [
      [listed.diarienummer, `${listed.title} (ändrad)`, 'Beslutsärende', 'Öppet', listed.receivedOn, null, 'Förbundschef', null, null, null],
      ['2019/004', 'Gammalt ärende', 'Inkommande handling', 'Avslutat', new Date('2019-02-01T00:00:00Z'), null, null, null, null, null],
      ['2019/004', 'Samma nummer igen', 'Inkommande handling', 'Avslutat', '2019-02-02', null, null, null, null, null],
      [null, 'Fel typ', 'Skrivelse', 'Öppet', null, null, null, null, null, null],
      [null, 'Kontakt', 'Inkommande handling', 'Öppet', null, null, null, 'Ring 811218-9876', null, null],
    ]);
    const before = { arenden: await countRows(s, 'arenden'), audit: await countRows(s, 'audit_log') };
    const preview = value(await s.api.call('xlsx.importPreview', { register: 'diarium', contentBase64: file }));
    expect(preview.rows.map((r) => r.action)).toEqual(['change', 'add', 'reject', 'reject', 'add']);
    expect(preview.rows[0]?.changes.map((c) => c.field)).toContain('Rubrik');
    expect(preview.rows[2]?.errors).toEqual(['Rad 4, kolumn Diarienummer: 2019/004 står redan på rad 3.']);
    expect(preview.rows[3]?.errors[0]).toMatch(/^Rad 5, kolumn Typ: okänt värde ”Skrivelse”/);
    expect(preview.rows[4]?.warnings).toEqual(['Rad 6, kolumn Beskrivning: ser ut att innehålla ett personnummer (811218-XXXX).']);
    expect({ arenden: await countRows(s, 'arenden'), audit: await countRows(s, 'audit_log') }).toEqual(before);

    // With rejected rows nothing is imported …
    const refused = await s.api.call('xlsx.import', { register: 'diarium', contentBase64: file });
    expect(!refused.ok && refused.error.message).toMatch(/^Inget är importerat: 2 rader avvisas\. Rad 4, kolumn Diarienummer/);
    expect(await countRows(s, 'arenden')).toBe(before.arenden);
    // … the personnummer needs a confirmation …
    const personal = await s.api.call('xlsx.import', { register: 'diarium', contentBase64: file, skipRejected: true });
    expect(!personal.ok && personal.error.code).toBe('PERSONAL_DATA');
    expect(await countRows(s, 'arenden')).toBe(before.arenden);
    // … and skipping the rejected rows imports the others, audited.
    const done = value(await s.api.call('xlsx.import', { register: 'diarium', contentBase64: file, skipRejected: true, confirmPersonalData: true }));
    expect(done).toEqual({ register: 'diarium', added: 2, changed: 1, unchanged: 0, skipped: 2 });
    expect(await countRows(s, 'arenden')).toBe(before.arenden + 2);
    expect(await first(s, sql`SELECT count(*) AS n FROM audit_log WHERE method = 'xlsx.import'`)).toEqual({ n: 3 });
    await s.close();
  });

  it('refuses a file with the wrong columns, naming them, and writes nothing', async () => {
    const s = await engineSession(engine);
    const file = await xlsx(['Diarienr', 'Rubrik', 'Typ'], [['2019/001', 'X', 'Beslutsärende']]);
    const refused = await s.api.call('xlsx.importPreview', { register: 'diarium', contentBase64: file });
    expect(!refused.ok && refused.error.message).toMatch(/^Filen har fel kolumner för diariet \(rad 1\)\. Saknas: Diarienummer, Status.*Okända: Diarienr\./);
    const notExcel = await s.api.call('xlsx.import', { register: 'diarium', contentBase64: Buffer.from('inte excel').toString('base64') });
    expect(!notExcel.ok && notExcel.error.message).toMatch(/kan inte läsas som en Excel-fil/);
    await s.close();
  });

  it('imports the board: a new period, ordinarie before ersättare, and refuses an ersättare without an ordinarie', async () => {
    const s = await engineSession(engine);
    const headers = ['Mandatperiod från', 'Mandatperiod till', 'Medlemsorganisation', 'Uppdrag', 'Namn', 'Parti', 'Roll', 'Från', 'Till', 'E-post', 'Telefon'];
    const file = await xlsx(headers, [
      ['2027-01-01', '2030-12-31', 'Heby kommun', 'Ordinarie ledamot', 'Greta Holm', 'C', null, null, null, 'greta.holm@example.se', null],
      ['2027-01-01', '2030-12-31', 'Heby', 'Ersättare', 'Nils Ek', 'S', null, null, null, null, null],
      ['2027-01-01', '2030-12-31', 'Tierps kommun', 'Ersättare', 'Ola Berg', 'M', null, null, null, null, null],
      ['2027-01-01', '2030-12-31', 'Sala kommun', 'Ordinarie ledamot', 'Ada Lund', 'S', null, null, null, null, null],
    ]);
    const preview = value(await s.api.call('xlsx.importPreview', { register: 'styrelse', contentBase64: file }));
    expect(preview.rows.map((r) => r.action)).toEqual(['add', 'add', 'reject', 'reject']);
    expect(preview.rows[2]?.errors[0]).toMatch(/^Rad 4: Tierps kommun har ingen ordinarie ledamot/);
    expect(preview.rows[3]?.errors[0]).toBe('Rad 5, kolumn Medlemsorganisation: ”Sala kommun” finns inte i medlemsregistret.');
    expect(value(await s.api.call('periods.list', {})).some((p) => p.startsOn === '2027-01-01')).toBe(false);

    value(await s.api.call('xlsx.import', { register: 'styrelse', contentBase64: file, skipRejected: true }));
    const period = value(await s.api.call('periods.list', {})).find((p) => p.startsOn === '2027-01-01');
    if (!period) throw new Error('no period');
    const board = value(await s.api.call('board.list', { periodId: period.id }));
    const heby = board.rows.find((r) => r.memberName === 'Heby kommun');
    expect(heby?.ordinarie.map((a) => a.person.name)).toEqual(['Greta Holm']);
    expect(heby?.ersattare.map((a) => a.person.name)).toEqual(['Nils Ek']);

    // The exported board imports back as unchanged.
    const exported = value(await s.api.call('xlsx.export', { register: 'styrelse' }));
    const back = value(await s.api.call('xlsx.importPreview', { register: 'styrelse', contentBase64: exported.contentBase64 }));
    expect(back.counts).toMatchObject({ add: 0, change: 0, reject: 0 });
    await s.close();
  });
});
