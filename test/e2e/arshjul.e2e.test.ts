import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
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

describe('Översikt: the årshjul', () => {
  it("lists what the year asks with its date and status, takes the förbund's own date, and opens where the work is done", async () => {
    await page.goto(app.host.url);
    const card = page.getByLabel(`Årshjul ${YEAR}`);
    await expect.poll(() => card.getByTestId('arshjul-punkt').count()).toBe(5);
    await card.getByRole('button', { name: 'Ändra datumen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Årshjulets datum' });
    await dialog.getByLabel('Delårsrapport till styrelsen').fill('09-30');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await card.getByText(`${YEAR}-09-30`).waitFor();
    expect(value(await session.api.call('arshjul.get', { year: YEAR })).items.find((i) => i.key === 'delarsrapport')?.dueOn).toBe(`${YEAR}-09-30`);
    await page.screenshot({ path: artifactPath('arshjul.png'), fullPage: true });
    await card.getByTestId('arshjul-punkt').filter({ hasText: 'Bokslut för' }).getByRole('button', { name: 'Öppna' }).click();
    await page.getByRole('tab', { name: 'Bokslut', selected: true }).waitFor();
    expect(page.url()).toMatch(/#\/ekonomi\/bokslut$/);
    expect(app.pageErrors).toEqual([]);
  });
});
