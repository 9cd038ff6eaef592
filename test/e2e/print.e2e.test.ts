import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { pageCount, pdftotext } from '../helpers/pdf-tools';
import { openScreen } from '../helpers/routes';

let app: E2EApp;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openApp();
  ({ page, pageErrors } = app);
});

afterAll(() => closeApp(app));

/** Whether the element matched by `selector` takes up room on the page as it is laid out now. */
async function shown(selector: string): Promise<boolean> {
  return (await page.evaluate(
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return !!e && e.getClientRects().length > 0; })()`,
  )) as boolean;
}

describe('lists print cleanly', () => {
  for (const [route, what, expected] of [
    ['arenden', 'diariet', /\d{4}\/\d{3}/],
    ['register/medlemmar', 'registret Medlemmar', /Uppsala kommun/],
  ] as const) {
    it(`prints ${what}: the list only, no bar, menu or buttons, on A4`, async () => {
      await openScreen(page, app.host.url, route);
      await page.getByRole('button', { name: `Skriv ut ${what}` }).waitFor();
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await shown('.k-bar')).toBe(false);
        expect(await shown('.k-nav')).toBe(false);
        expect(await shown('main .MuiButton-root')).toBe(false);
        expect(await shown('main table')).toBe(true);
        // On A4 with its margins (186 mm, about 703 px) the table ends inside the sheet: no column cut off.
        await page.setViewportSize({ width: 703, height: 1000 });
        const overflow = (await page.evaluate(
          "(() => { const t = document.querySelector('main table'); return t.getBoundingClientRect().right - document.documentElement.clientWidth; })()",
        )) as number;
        expect(overflow).toBeLessThanOrEqual(1);
        const pdf = await page.pdf({ format: 'A4', printBackground: false });
        const name = `utskrift-${route.replace('/', '-')}.pdf`;
        const { writeFileSync } = await import('node:fs');
        writeFileSync(artifactPath(name), pdf);
        const text = pdftotext(pdf);
        expect(text).toMatch(expected);
        expect(text).not.toContain('Nytt ärende');
        expect(text).not.toContain('Sök ärenden');
        expect(pageCount(pdf)).toBeGreaterThan(0);
      } finally {
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1440, height: 1000 });
      }
    });
  }

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
