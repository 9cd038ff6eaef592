import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { value } from '../helpers/envelope';
import { application } from '../helpers/insatser';

const YEAR = new Date().getFullYear();
let app: E2EApp;
let session: Session;
let page: Page;

beforeAll(async () => {
  app = await openApp(async (s) => {
    await application(s, { name: 'Lokus Heby', years: [{ year: YEAR, soughtKr: 2_000_000 }], decidedOn: `${YEAR - 1}-12-01` });
  });
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

    // One insats's own figures: chosen under Gäller, kept apart from the förbund's.
    const insats = value(await session.api.call('insatser.list', {}))[0]!;
    await page.getByLabel('Gäller').click();
    await page.getByRole('option', { name: `${insats.name} (inga siffror)` }).click();
    await page.getByText(`Deltagare enligt SUS, ${insats.name}`).waitFor();
    expect(await page.getByLabel('Deltagare', { exact: true }).first().inputValue()).toBe('');
    await page.getByLabel('Deltagare', { exact: true }).first().fill('42');
    await page.getByRole('button', { name: 'Spara SUS-siffrorna' }).click();
    await expect
      .poll(async () => value(await session.api.call('statistik.get', { year: YEAR })).sus.find((x) => x.insatsId === insats.id)?.figures)
      .toEqual({ deltagare: 42 });
    expect(await page.getByLabel('Deltagare', { exact: true }).first().inputValue()).toBe('42');
    expect(value(await session.api.call('statistik.get', { year: YEAR })).sus.find((x) => x.insatsId === null)?.figures).toEqual({
      deltagare: 196,
      kvinnor: 111,
    });
    await page.getByLabel('Gäller').click();
    await page.getByRole('option', { name: 'Hela förbundet' }).click();
    expect(await page.getByLabel('Deltagare', { exact: true }).first().inputValue()).toBe('196');

    await page.getByLabel('Datum', { exact: true }).fill(`${YEAR}-03-14`);
    await page.getByLabel('Tillfälle').fill('Seminarium om jämlikhet');
    await page.getByLabel('Deltagare', { exact: true }).last().fill('57');
    await page.getByRole('button', { name: 'Lägg till' }).first().click();
    await page.getByText('Summa 57 deltagare hos förbundet').waitFor();

    await page.getByLabel('Indikator eller enkät').fill('Styrelseenkät');
    await page.getByLabel('Besvarade').fill('14');
    await page.getByLabel('Tillfrågade').fill('22');
    await page.getByRole('button', { name: 'Lägg till' }).nth(1).click();
    await page.getByText('Styrelseenkät – besvarad av 14 av 22').waitFor();
    await page.getByLabel('Dialogens datum').fill(`${YEAR}-05-20`);
    await page.getByLabel('Dialog', { exact: true }).fill('Medlemsdialog i Heby');
    await page.getByRole('button', { name: 'Lägg till' }).nth(2).click();
    await page.getByText(`${YEAR}-05-20 Medlemsdialog i Heby (medlemsdialog)`).waitFor();
    expect(value(await session.api.call('statistik.get', { year: YEAR })).dialoger.map((d) => d.title)).toEqual(['Medlemsdialog i Heby']);

    // An export from SUS: previewed, then imported.
    await page.getByLabel('Välj fil med SUS-siffror').setInputFiles({
      name: 'sus.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Insats;Deltagare;Kvinnor;Män\r\nFörbundet;200;112;88\r\n', 'utf8'),
    });
    const dialog = page.getByRole('dialog', { name: `Importera SUS-siffror ${YEAR}` });
    await dialog.getByText('Förbundet: Deltagare 200, Kvinnor 112, Män 88').waitFor();
    await dialog.getByRole('button', { name: 'Importera' }).click();
    await expect
      .poll(async () => value(await session.api.call('statistik.get', { year: YEAR })).sus[0]?.figures)
      .toEqual({ deltagare: 200, kvinnor: 112, man: 88 });
    expect(app.pageErrors).toEqual([]);
  });
});
