import path from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../helpers/temp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import type { ArendeListItem } from '../../shared/contract/schemas/diarium';
import { artifactPath } from '../helpers/browser';

let app: E2EApp;
let session: Session;
let host: RunningHost;
let page: Page;
let pageErrors: string[] = [];

const TITLE = 'Samverkan kring Älvkarlebyprojektet';

beforeAll(async () => {
  app = await openApp(undefined, { width: 1360, height: 900 });
  ({ session, host, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

async function arenden(): Promise<ArendeListItem[]> {
  const r = await session.api.call('arenden.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ArendeListItem[];
}

describe('diarium and search in Chromium through the host', () => {
  it('registers an ärende, which takes the next diarienummer of its year', async () => {
    await page.goto(`${host.url}#/arenden`);
    await page.getByRole('table', { name: 'Diarium' }).waitFor();
    await page.getByRole('button', { name: 'Nytt ärende' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt ärende' });
    const year = new Date().toISOString().slice(0, 4);
    const next = await session.api.call('arenden.nextNumber', { year: Number(year) });
    if (!next.ok) throw new Error(next.error.message);
    const expected = (next.value as { diarienummer: string }).diarienummer;
    await dialog.getByText(`Får diarienummer ${expected} när det sparas.`).waitFor();
    // Without a rubrik it says so at the field, and the message goes once one is written.
    await dialog.getByRole('button', { name: 'Registrera' }).click();
    await dialog.getByText('Ange rubrik.').waitFor();
    await dialog.getByRole('textbox', { name: 'Rubrik' }).fill(TITLE);
    expect(await dialog.getByText('Ange rubrik.').count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Handläggare' }).fill('Förbundschef');
    await dialog.getByRole('button', { name: 'Registrera' }).click();
    await page.getByRole('heading', { name: `${expected} ${TITLE}` }).waitFor();
    expect((await arenden()).find((a) => a.title === TITLE)?.diarienummer).toBe(expected);
  });

  it('adds a document to the ärende', async () => {
    await page
      .getByLabel('Välj filer')
      .setInputFiles({ name: 'minnesanteckning.txt', mimeType: 'text/plain', buffer: Buffer.from('Möte med lokusgruppen om insatsen.\n', 'utf8') });
    const row = page.getByTestId('document-row').filter({ hasText: 'minnesanteckning.txt' });
    await row.waitFor();
    expect(await row.textContent()).toContain('i databasen');
  });

  it('finds the ärende from a prefix of a word in its title, with Swedish letters, and opens it with its audit trail', async () => {
    await page.goto(`${host.url}#/oversikt`);
    const search = page.getByRole('textbox', { name: 'Sök' });
    await search.fill('älvkarlebyproj');
    const hits = page.getByRole('list', { name: 'Sökträffar' });
    const hit = hits.getByRole('button').filter({ hasText: TITLE });
    await hit.waitFor();
    expect(await hit.locator('strong').first().textContent()).toBe('Älvkarlebyprojektet');
    await page.screenshot({ path: artifactPath('sok.png'), animations: 'disabled' });
    await hit.click();
    await page.getByRole('heading', { name: new RegExp(TITLE) }).waitFor();
    expect(page.url()).toMatch(/#\/arenden\/\d+$/);

    await page.getByRole('button', { name: 'Historik' }).click();
    const history = page.getByRole('dialog', { name: /^Historik/ });
    const entries = history.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toMatch(/^Skapad \d{4}-\d{2}-\d{2} \d{2}:\d{2} av testare/);
    expect(await history.textContent()).toContain(TITLE);
    await page.screenshot({ path: artifactPath('arende-historik.png'), animations: 'disabled' });
    await history.getByRole('button', { name: 'Stäng' }).click();
  });

  it('links the ärende to a member found by searching', async () => {
    await page.getByRole('button', { name: 'Koppla', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Koppla ärendet' });
    await dialog.getByRole('combobox', { name: 'Koppla till' }).click();
    await page.getByRole('option', { name: 'En medlem' }).click();
    await dialog.getByRole('combobox', { name: 'Sök' }).fill('heb');
    await page.getByRole('option', { name: /^Heby kommun/ }).click();
    await dialog.getByRole('button', { name: 'Koppla', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const link = page.getByTestId('link-row').filter({ hasText: 'Heby kommun' });
    await link.waitFor();

    // Removing it asks first, and Ångra puts it back.
    await link.getByRole('button', { name: 'Ta bort' }).click();
    const ask = page.getByRole('dialog', { name: 'Ta bort kopplingen?' });
    await ask.getByRole('button', { name: 'Ta bort' }).click();
    await link.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Ångra' }).click();
    await link.waitFor();
  });

  it('voids the ärende with a reason; it stays in the diarium, struck through', async () => {
    await page.getByRole('button', { name: 'Makulera' }).click();
    const dialog = page.getByRole('dialog', { name: /^Makulera/ });
    await dialog.getByRole('textbox', { name: 'Skäl' }).fill('Registrerat två gånger');
    await dialog.getByRole('button', { name: 'Makulera' }).click();
    await page.getByText(/Makulerat \d{4}-\d{2}-\d{2} av testare: Registrerat två gånger/).waitFor();
    await page.goto(`${host.url}#/arenden`);
    const row = page.getByTestId('arende-row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('Makulerat: Registrerat två gånger');
    await page.screenshot({ path: artifactPath('diarium.png'), fullPage: true, animations: 'disabled' });
  });

  it('imports the diarium from Excel after a preview that shows the added and the rejected rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Diarium');
    ws.addRow(['Diarienummer', 'Rubrik', 'Typ', 'Status', 'Inkom', 'Beslutsdatum', 'Handläggare', 'Beskrivning', 'Makulerad', 'Makuleringsorsak']);
    ws.addRow(['2019/004', 'Ansökan från Östhammars lokusgrupp', 'Inkommande handling', 'Avslutat', '2019-02-01', null, 'Förbundschef', null, null, null]);
    ws.addRow([null, 'Felaktig rad', 'Skrivelse', 'Öppet', null, null, null, null, null, null]);
    const file = path.join(tempDir(), 'diarium.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto(`${host.url}#/arenden`);
    await page.getByRole('button', { name: 'Importera från Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importera diariet från Excel' });
    await dialog.getByLabel('Excel-fil').setInputFiles(file);
    await dialog.getByText('1 läggs till, 0 ändras, 0 oförändrade, 1 avvisas.').waitFor();
    await dialog.getByText(/Rad 3, kolumn Typ: okänt värde ”Skrivelse”/).waitFor();
    const importButton = dialog.getByRole('button', { name: 'Importera', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect((await arenden()).some((a) => a.diarienummer === '2019/004')).toBe(false);
    await page.screenshot({ path: artifactPath('import-forhandsgranskning.png'), animations: 'disabled' });

    await dialog.getByLabel('Hoppa över avvisade rader och importera resten').check();
    await importButton.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('arende-row').filter({ hasText: '2019/004' }).waitFor();
    expect((await arenden()).find((a) => a.diarienummer === '2019/004')?.title).toBe('Ansökan från Östhammars lokusgrupp');
  });

  it('pages the diarium, filters it on the server, and opens an ärende from the keyboard', async () => {
    // A year of 120 utgående ärenden: more than one page.
    for (let i = 1; i <= 120; i++) {
      const r = await session.api.call('arenden.save', { year: 2015, title: `Utskick nummer ${i}`, kind: 'utgaende', status: 'avslutat' });
      if (!r.ok) throw new Error(r.error.message);
    }
    const total = (await arenden()).length;
    await page.goto(`${host.url}#/arenden`);
    await page.getByText(`1–100 av ${total.toLocaleString('sv-SE')}`).waitFor();
    expect(await page.getByTestId('arende-row').count()).toBe(100);
    await page.getByRole('button', { name: 'Nästa sida' }).click();
    await page.getByText(`101–${Math.min(200, total)} av ${total.toLocaleString('sv-SE')}`).waitFor();

    // A filter starts again from the first page, with the filter's total.
    await page.getByLabel('År', { exact: true }).click();
    await page.getByRole('option', { name: '2015' }).click();
    await page.getByText('1–100 av 120').waitFor();
    await page.getByRole('button', { name: 'Sista sidan' }).click();
    await page.getByText('101–120 av 120').waitFor();
    const rows = page.getByTestId('arende-row');
    expect(await rows.count()).toBe(20);
    expect(await rows.first().textContent()).toContain('2015/020');
    await page.screenshot({ path: artifactPath('diarium-sida.png'), fullPage: true, animations: 'disabled' });

    // Tab to a row and open it with Enter.
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '2015/020 Utskick nummer 20' }).waitFor();
    expect(page.url()).toMatch(/#\/arenden\/\d+$/);
  });

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
