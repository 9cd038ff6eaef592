import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { value } from '../helpers/envelope';
import { pdftotext } from '../helpers/pdf-tools';

const YEAR = new Date().getFullYear();
let app: E2EApp;
let session: Session;
let page: Page;

beforeAll(async () => {
  app = await openApp(async (s) => {
    value(
      await s.api.call('budget.save', {
        year: YEAR,
        lines: [
          { post: 'medlemsavgifter', amountKr: 12_000_000 },
          { post: 'samverkan_individ', amountKr: 9_000_000 },
        ],
      }),
    );
    value(await s.api.call('utfall.save', { bookedOn: `${YEAR}-03-31`, post: 'medlemsavgifter', amountKr: 12_000_000 }));
    value(await s.api.call('utfall.save', { bookedOn: `${YEAR}-06-30`, post: 'samverkan_individ', amountKr: 6_500_000 }));
  });
  ({ session, page } = app);
});

afterAll(() => closeApp(app));

describe('Ekonomi → Delårsrapport in the browser', () => {
  it('shows the year to 31 August against the budget, takes a prognos and prints the report', async () => {
    await page.goto(`${app.host.url}#/ekonomi/delarsrapport`);
    const table = page.getByRole('table', { name: `Resultat januari–augusti ${YEAR}` });
    await table.waitFor();
    await page.getByLabel('Prognos Samverkansinsatser, individinriktade').fill('9 800 000');
    await page.getByRole('button', { name: 'Spara prognosen' }).click();
    await expect
      .poll(async () => value(await session.api.call('delarsrapport.get', { year: YEAR })).rows.find((r) => r.post === 'samverkan_individ')?.prognosKr)
      .toBe(9_800_000);
    await page.screenshot({ path: artifactPath('delarsrapport.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF' }).click();
    const text = pdftotext(fs.readFileSync(await (await download).path())).replace(/\s+/g, ' ');
    expect(text).toContain(`Delårsrapport januari–augusti ${YEAR}`);
    expect(text).toContain('9 800 000');
    expect(app.pageErrors).toEqual([]);
  });
});
