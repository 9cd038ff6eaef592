import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { sie003 } from '../helpers/bokslut';
import { artifactPath } from '../helpers/browser';
import { value } from '../helpers/envelope';
import { pdftotext } from '../helpers/pdf-tools';

const YEAR = 2025;
let app: E2EApp;
let session: Session;
let page: Page;

beforeAll(async () => {
  app = await openApp(async (s) => {
    value(await s.api.call('bokslut.import', { fileName: `bokslut ${YEAR}.se`, contentBase64: sie003({ year: YEAR }) }));
  });
  ({ session, page } = app);
});

afterAll(() => closeApp(app));

describe('Årsredovisning in the browser', () => {
  it("shows what the report is built from, takes this year's text, makes the PDF and puts it in the diarium for the underskrifter", async () => {
    await page.goto(`${app.host.url}#/arsredovisning`);
    await page.getByLabel('Räkenskapsår').fill(String(YEAR));
    await page.getByText('Saldon från bokslut 2025.se; alla kontroller stämmer.').waitFor();
    await page.getByText('Från förra årets årsredovisning – läs igenom och spara').first().waitFor();
    await page.getByLabel('Årets verksamhet').fill('Under året har förbundet finansierat tolv insatser och hållit fyra seminarier.');
    await page.getByRole('button', { name: 'Spara texterna' }).click();
    await expect
      .poll(async () => value(await session.api.call('arsredovisning.get', { year: YEAR })).texts.find((t) => t.key === 'arets_verksamhet')?.text)
      .toBe('Under året har förbundet finansierat tolv insatser och hållit fyra seminarier.');
    await page.screenshot({ path: artifactPath('arsredovisning.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF' }).click();
    const text = pdftotext(fs.readFileSync(await (await download).path())).replace(/\s+/g, ' ');
    expect(text).toContain(`Årsredovisning ${YEAR}`);
    expect(text).toContain('Under året har förbundet finansierat tolv insatser och hållit fyra seminarier.');
    expect(text).toContain('Summa eget kapital 9 555 392');

    await page.getByRole('button', { name: 'Lägg i diariet för underskrifter' }).click();
    await page.getByRole('heading', { name: new RegExp(`Årsredovisning ${YEAR}$`) }).waitFor();
    expect(page.url()).toMatch(/#\/arenden\/\d+$/);
    expect(app.pageErrors).toEqual([]);
  });
});
