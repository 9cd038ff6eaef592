import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { sie003 } from '../helpers/bokslut';
import { artifactPath } from '../helpers/browser';
import { value } from '../helpers/envelope';
import { pdftotext } from '../helpers/pdf-tools';

let app: E2EApp;
let session: Session;
let page: Page;

/** A row's text, the amounts' no-break spaces as plain spaces. */
const rowText = async (row: ReturnType<Page['getByRole']>) => (await row.innerText()).replace(/\u00a0/g, ' ');

beforeAll(async () => {
  app = await openApp(undefined, { width: 1280, height: 900 });
  ({ session, page } = app);
});

afterAll(() => closeApp(app));

describe('Ekonomi → Bokslut in the browser', () => {
  it('reads an SIE file, shows the statements with every check holding, moves an account and prints the bokslut', async () => {
    await page.goto(`${app.host.url}#/ekonomi/bokslut`);
    await page.getByText(/Inga saldon för \d{4}/).waitFor();
    await page
      .getByLabel('Välj SIE-fil')
      .setInputFiles({ name: 'bokslut 2017.se', mimeType: 'application/octet-stream', buffer: Buffer.from(sie003(), 'base64') });
    await page.getByText('Alla 4 kontroller stämmer.').waitFor();
    const rr = page.getByRole('table', { name: 'Resultaträkning' });
    expect(await rowText(rr.getByRole('row', { name: /^Årets resultat/ }))).toContain('−2 884 369');
    const br = page.getByRole('table', { name: 'Balansräkning' });
    expect(await rowText(br.getByRole('row', { name: /^Summa tillgångar/ }))).toContain('15 713 487');
    const kfa = page.getByRole('table', { name: 'Kassaflödesanalys' });
    expect(await rowText(kfa.getByRole('row', { name: /^Årets kassaflöde/ }))).toContain('−2 633 810');

    // Arvoden to övriga driftskostnader: remembered for the account, the result unchanged.
    await page.getByLabel('Rad för konto 7690').click();
    await page.getByRole('option', { name: 'Övriga driftskostnader' }).click();
    await expect.poll(async () => rowText(rr.getByRole('row', { name: /^Kostnader för personal/ }))).toContain('−3 500 531');
    expect(await rowText(rr.getByRole('row', { name: /^Årets resultat/ }))).toContain('−2 884 369');
    expect(value(await session.api.call('bokslut.get', { year: 2017 })).accounts.find((a) => a.account === '7690')).toMatchObject({
      line: 'drift',
      mapped: true,
    });
    await page.screenshot({ path: artifactPath('bokslut.png'), fullPage: true });

    // Not 1, typed: checked against its line.
    await page.getByLabel('Rader (text; belopp)').fill('Hyresintäkter; 176 720\nÖvriga intäkter; 1 515');
    await page.getByRole('button', { name: 'Spara noten' }).click();
    await page.getByRole('table', { name: 'Not 1. Sidointäkter' }).waitFor();
    await page.getByText('Alla 5 kontroller stämmer.').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF' }).click();
    const text = pdftotext(fs.readFileSync(await (await download).path())).replace(/\s+/g, ' ');
    expect(text).toContain('Årsbokslut 2017-12-31');
    expect(text).toContain('Summa eget kapital 9 555 392');
    expect(app.pageErrors).toEqual([]);
  });
  it("types in a year's saldon by hand where the bookkeeping gives no SIE file, refusing an amount that is not one", async () => {
    await page.goto(`${app.host.url}#/ekonomi/bokslut`);
    await page.getByLabel('År').fill('2019');
    await page.getByText('Inga saldon för 2019').waitFor();
    await page.getByRole('button', { name: 'Skriv in saldon …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skriv in saldon 2019' });
    const rows = [
      ['1930', 'Bank', '1 000 000', '800 000', ''],
      ['2069', 'Eget kapital', '−1 000 000', '−1 000 000', ''],
      ['3010', 'Medlemsavgifter', '', '', '−500 000'],
      ['7010', 'Löner', '', '', '70O 000'],
    ];
    for (const [i, r] of rows.entries()) {
      if (i > 0) await dialog.getByRole('button', { name: 'Lägg till konto' }).click();
      await dialog.getByLabel(`Konto, rad ${i + 1}`).fill(r[0]!);
      await dialog.getByLabel(`Namn, rad ${i + 1}`).fill(r[1]!);
      if (r[2]) await dialog.getByLabel(`Ingående balans, konto ${r[0]}`).fill(r[2]);
      if (r[3]) await dialog.getByLabel(`Utgående balans, konto ${r[0]}`).fill(r[3]);
      if (r[4]) await dialog.getByLabel(`Resultat, konto ${r[0]}`).fill(r[4]);
    }
    // A letter O for a zero: named, nothing saved.
    await dialog.getByRole('button', { name: 'Spara saldon' }).click();
    await dialog.getByText('Konto 7010: ”70O 000” är inget belopp (resultat).').waitFor();
    expect(value(await session.api.call('bokslut.get', { year: 2019 })).hasSaldon).toBe(false);

    await dialog.getByLabel('Resultat, konto 7010').fill('700 000');
    await dialog.getByRole('button', { name: 'Spara saldon' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Alla \d+ kontroller stämmer\./).waitFor();
    await page.getByText(/Saldon från inskrivna belopp/).waitFor();
    const rr = page.getByRole('table', { name: 'Resultaträkning' });
    expect(await rowText(rr.getByRole('row', { name: /^Årets resultat/ }))).toContain('−200 000');
    const br = page.getByRole('table', { name: 'Balansräkning' });
    expect(await rowText(br.getByRole('row', { name: /^Summa tillgångar/ }))).toContain('800 000');
    await page.screenshot({ path: artifactPath('bokslut-inskrivet.png'), fullPage: true });
    expect(value(await session.api.call('bokslut.get', { year: 2019 })).source).toMatchObject({ kind: 'inskrivet' });
    expect(app.pageErrors).toEqual([]);
  });
});
