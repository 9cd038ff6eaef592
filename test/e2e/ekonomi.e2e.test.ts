import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { writeSie } from '../../shared/domain/sie4';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { value } from '../helpers/envelope';

let app: E2EApp;
let session: Session;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openApp();
  ({ session, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

const cell = (testId: string) => page.getByTestId(testId).innerText();

/** How many pictures poppler finds in a PDF. */
function pdfimages(bytes: Buffer): number {
  const file = artifactPath('pdfimages-input.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '').length;
}

describe('Ekonomi in the browser', () => {
  it('sets the year total fee, shows every member share beside the year before, and writes the ärendeblad', async () => {
    value(await session.api.call('medlemsavgifter.save', { year: 2017, totalKr: 21_585_170, status: 'faststalld' }));
    await page.goto(`${app.host.url}#/ekonomi/medlemsavgifter`);
    // The year's saved fee answers slowly: the total typed meanwhile must survive it.
    await page.route('**/api/medlemsavgifter.get', async (route) => {
      if (!(route.request().postData() ?? '').includes('totalKr')) await new Promise((resolve) => setTimeout(resolve, 800));
      // Taken over by unroute meanwhile: nothing left to do.
      await route.continue().catch(() => undefined);
    });
    await page.getByLabel('År', { exact: true }).fill('2018');
    await page.getByLabel('Total medlemsavgift').fill('21 966 000');
    // The split appears as the total is typed, before anything is saved.
    await expect.poll(() => cell('fee-member-Håbo kommun')).toBe('313\u00a0551');
    expect(await page.getByLabel('Total medlemsavgift').inputValue()).toBe('21 966 000');
    await page.unroute('**/api/medlemsavgifter.get');
    expect(await cell('fee-stat')).toBe('10\u00a0983\u00a0000');
    expect(await cell('fee-region')).toBe('5\u00a0491\u00a0500');
    expect(await cell('fee-member-Uppsala kommun')).toBe('3\u00a0272\u00a0264');
    expect(await page.getByText('Förhandsvisning – inte sparad.').count()).toBe(1);
    expect(await page.getByRole('cell', { name: '308\u00a0876' }).count()).toBe(1);

    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Fastställd' }).click();
    await page.getByLabel('Betalas senast').fill('2018-04-30');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(async () => value(await session.api.call('medlemsavgifter.get', { year: 2018 })).saved).toBe(true);
    const fee = value(await session.api.call('medlemsavgifter.get', { year: 2018 }));
    expect(fee).toMatchObject({ totalKr: 21_966_000, status: 'faststalld', dueOn: '2018-04-30' });
    await page.screenshot({ path: artifactPath('ekonomi-medlemsavgifter.png'), fullPage: true });

    await page.getByRole('button', { name: 'Skriv ärendeblad' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/arendeblad\/\d+$/);
    await expect.poll(() => page.getByRole('textbox', { name: 'Rubrik', exact: true }).first().inputValue()).toBe('Fastställande av medlemsavgifter 2018');
    const id = Number(page.url().split('/').pop());
    const blad = value(await session.api.call('arendeblad.get', { id }));
    expect(blad.content.forslag.punkter[1]).toBe('medlemsavgiften betalas in senast 30 april 2018 mot faktura');
    await page.screenshot({ path: artifactPath('ekonomi-medlemsavgifter-arendeblad.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('imports an SIE 4 file through the dialog after mapping its accounts', async () => {
    const year = new Date().getFullYear();
    const sie = writeSie({
      program: 'Test',
      companyName: 'Samordningsförbundet Uppsala län',
      generatedOn: `${year}-06-30`,
      fiscalYear: { from: `${year}-01-01`, to: `${year}-12-31` },
      accounts: [
        { number: '1930', name: 'Företagskonto' },
        { number: '5010', name: 'Lokalhyra Kungsängsgatan' },
        { number: '7690', name: 'Arvoden förtroendevalda' },
      ],
      verifications: [
        {
          series: 'A',
          number: '1',
          date: `${year}-02-01`,
          text: 'Hyra',
          transactions: [
            { account: '5010', amountOre: 4_512_550 },
            { account: '1930', amountOre: -4_512_550 },
          ],
        },
        {
          series: 'A',
          number: '2',
          date: `${year}-03-01`,
          text: 'Arvoden',
          transactions: [
            { account: '7690', amountOre: 1_200_000 },
            { account: '1930', amountOre: -1_200_000 },
          ],
        },
      ],
    });
    await page.goto(`${app.host.url}#/ekonomi/utfall`);
    await page.getByRole('button', { name: 'Importera fil …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importera utfall' });
    await dialog.getByTestId('utfall-file').setInputFiles({ name: `bokföring ${year}.se`, mimeType: 'text/plain', buffer: Buffer.from(sie) });
    await expect.poll(() => dialog.getByText('Konton som ska kopplas till en budgetpost (2 kvar)').count()).toBe(1);
    expect(await dialog.getByText('5010 Lokalhyra Kungsängsgatan').count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Importera' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Använd förslagen' }).click();
    await expect.poll(() => dialog.getByText('Konton som ska kopplas till en budgetpost (0 kvar)').count()).toBe(1);
    await expect.poll(() => dialog.getByRole('cell', { name: 'Förvaltning, lokaler', exact: true }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('ekonomi-import.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Importera' }).click();
    await expect.poll(() => page.getByText(/2 utfallsrader för \d{4} är importerade/).count()).toBe(1);
    // The mappings are remembered and can be looked over and changed.
    await expect.poll(() => page.getByText('Kopplingar från bokföringen (2 konton, 0 objekt)').count()).toBe(1);
    const list = value(await session.api.call('utfall.list', { year }));
    expect(list.rows.map((r) => [r.post, r.amountOre]).sort()).toEqual([
      ['fortroendevalda', 1_200_000],
      ['forvaltning_lokaler', 4_512_550],
    ]);
    await page.goto(`${app.host.url}#/ekonomi/budget-mot-utfall`);
    await expect.poll(() => page.getByRole('cell', { name: 'Förvaltning, lokaler' }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('ekonomi-budget-mot-utfall.png'), fullPage: true });
    await page.goto(`${app.host.url}#/ekonomi/beslutsutrymme`);
    await expect.poll(() => page.getByRole('cell', { name: 'Totalt ingående beslutsutrymme' }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('ekonomi-beslutsutrymme.png'), fullPage: true });
    // The chart goes into the ärendeblad as a picture, and from there into the PDF.
    await page.getByRole('button', { name: 'Skriv ärendeblad' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/arendeblad\/\d+$/);
    const blad = value(await session.api.call('arendeblad.get', { id: Number(page.url().split('/').pop()) }));
    const picture = blad.content.sections[0]?.blocks.find((b) => b.type === 'bild');
    expect(picture && picture.type === 'bild' ? picture.caption : null).toBe('Beslutsutrymme och samverkansinsatser (tkr)');
    const pdf = value(await session.api.call('arendeblad.pdf', { id: blad.id }));
    fs.writeFileSync(artifactPath('ekonomisk-information.pdf'), Buffer.from(pdf.contentBase64, 'base64'));
    expect(pdfimages(Buffer.from(pdf.contentBase64, 'base64'))).toBeGreaterThanOrEqual(1);
    expect(pageErrors).toEqual([]);
  });
});
