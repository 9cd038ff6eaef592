import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { openScreen, ROUTES } from '../helpers/routes';

let app: E2EApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  // A computer set to American English: dates must still read ÅÅÅÅ-MM-DD, the calendar Swedish.
  page = await app.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York' });
});

afterAll(() => closeApp(app));

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('dates, one way', () => {
  it('has no date field that follows the browser language on any screen', async () => {
    const found: string[] = [];
    for (const route of ROUTES) {
      await openScreen(page, app.host.url, route);
      const n = await page.locator('input[type=date]').count();
      if (n > 0) found.push(`${route}: ${n}`);
    }
    expect(found).toEqual([]);
  });

  it('picks a date in a Swedish calendar, moves by keyboard, and names a date that does not exist', async () => {
    await page.goto(`${app.host.url}#/ekonomi/budget`);
    const field = page.getByRole('textbox', { name: 'Beslutsdatum' });
    await field.waitFor();
    const start = await field.inputValue();
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The calendar button sits in the field itself.
    await field.locator('xpath=..').getByRole('button', { name: 'Öppna kalendern' }).click();
    const calendar = page.getByRole('dialog', { name: 'Beslutsdatum: kalender' });
    await calendar.waitFor();
    const [y, m, d] = start.split('-').map(Number) as [number, number, number];
    const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
    expect(await calendar.getByRole('grid').getAttribute('aria-label')).toBe(`${months[m - 1]} ${y}`);
    expect(await calendar.getByRole('columnheader').allTextContents()).toEqual(['v.', 'må', 'ti', 'on', 'to', 'fr', 'lö', 'sö']);
    await page.screenshot({ path: artifactPath('kalender.png') });

    // Page Down a month, → a day, Enter: the field takes ÅÅÅÅ-MM-DD.
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe(iso(new Date(y, m, d + 1)));

    await field.fill('2026-02-30');
    await page.getByText('Det datumet finns inte. Skriv ÅÅÅÅ-MM-DD.').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
