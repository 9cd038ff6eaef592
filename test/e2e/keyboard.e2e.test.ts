import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, openApp, type E2EApp } from '../helpers/app';

let app: E2EApp;

beforeAll(async () => {
  app = await openApp(undefined, { width: 1280, height: 720 });
});

afterAll(() => closeApp(app));

/** Presses Tab until the focused element is the one described (in the page's terms), at most `max` times. */
async function tabTo(what: string, test: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await app.page.keyboard.press('Tab');
    if (await app.page.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`)) return;
  }
  throw new Error(`Tab når aldrig ${what}.`);
}

/** Whether the focused element shows its focus (an outline or a focus ring). */
const focusShown = async () =>
  (await app.page.evaluate(`(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none' || el.classList.contains('Mui-focusVisible');
  })()`)) as boolean;

/** A property of the focused element, read in the page. */
const focused = async (expression: string) =>
  (await app.page.evaluate(`(() => { const el = document.activeElement; return ${expression}; })()`)) as string | null;

describe('the keyboard alone', () => {
  it('skips to the page, opens the diarium from the menu, an ärende from its row, and a dialog that Escape closes', async () => {
    const page = app.page;
    await page.goto(app.host.url);
    await page.getByTestId('figure-members').filter({ hasText: /\d/ }).waitFor();

    // The first Tab reaches "Till sidans innehåll", which moves focus to the page.
    await page.keyboard.press('Tab');
    expect(await focused('el.textContent')).toBe('Till sidans innehåll');
    expect(await focusShown()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused('el.id')).toBe('k-main');

    // The search field's focus is visible too.
    await page.keyboard.press('Control+k');
    expect(await focused("el.getAttribute('aria-label')")).toBe('Sök');
    expect(await page.evaluate("getComputedStyle(document.querySelector('.k-search-field')).outlineStyle")).not.toBe('none');

    await tabTo('menyvalet Ärenden & dokument', "el.textContent === 'Ärenden & dokument'");
    expect(await focusShown()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Diarium' }).waitFor();

    await tabTo('en rad i diariet', "el.getAttribute('data-testid') === 'arende-row'");
    const row = (await focused("el.getAttribute('aria-label')")) ?? '';
    expect(await focusShown()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(row.split(' ')[0]!) }).waitFor();
    expect(page.url()).toMatch(/#\/arenden\/\d+$/);

    await tabTo('knappen Historik', "el.textContent === 'Historik'");
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Historik/ });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the button that opened it.
    expect(await focused('el.textContent')).toBe('Historik');
    expect(app.pageErrors).toEqual([]);
  });
});
