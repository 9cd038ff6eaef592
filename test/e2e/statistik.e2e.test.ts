import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { value } from '../helpers/envelope';

const YEAR = new Date().getFullYear();
let app: E2EApp;
let session: Session;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  ({ session, page } = app);
});

afterAll(() => closeApp(app));

describe('Ansökningar & insatser → Statistik in the browser', () => {
  it('keeps SUS counts, refuses a group larger than the deltagare, and adds a kompetenshöjande tillfälle', async () => {
    await page.goto(`${app.host.url}#/insatser/statistik`);
    await page.getByLabel('Deltagare', { exact: true }).first().fill('196');
    await page.getByLabel('Kön: Kvinnor').fill('250');
    await page.getByRole('button', { name: 'Spara SUS-siffrorna' }).click();
    await page.getByText('Kön: 250 är fler än de 196 deltagarna.', { exact: false }).first().waitFor();
    await page.getByLabel('Kön: Kvinnor').fill('111');
    await page.getByRole('button', { name: 'Spara SUS-siffrorna' }).click();
    await expect.poll(async () => value(await session.api.call('statistik.get', { year: YEAR })).sus[0]?.figures).toEqual({ deltagare: 196, kvinnor: 111 });

    await page.getByLabel('Datum').fill(`${YEAR}-03-14`);
    await page.getByLabel('Tillfälle').fill('Seminarium om jämlikhet');
    await page.getByLabel('Deltagare', { exact: true }).last().fill('57');
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByText('Summa 57 deltagare hos förbundet').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
