import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/format/sv';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { openScreen, ROUTES } from '../helpers/routes';

/**
 * The demo förbund a user meets on first start, in the browser: every screen has
 * something of the förbund's year in it, relative to today. Each screen is saved as a
 * picture (test-artifacts/demo-*.png) to be looked at.
 */
let app: E2EApp;
const YEAR = Number(formatDate(new Date()).slice(0, 4));

beforeAll(async () => {
  app = await openApp(undefined, { width: 1440, height: 900 }, 'full-demo');
}, 120_000);

afterAll(() => closeApp(app));

/** What each screen shows of the demo's year (a text that only real content puts there). */
const SHOWS: Record<string, RegExp> = {
  oversikt: /Att göra/,
  arenden: new RegExp(`${YEAR}/0\\d\\d`),
  arendeblad: /Anmälan av delegationsbeslut/,
  sammantraden: /Förbundsstyrelsen/,
  insatser: /Samverkansteam Enköping/,
  'insatser/insatser': /Pågående/,
  'insatser/oversikt': /Samverkansteam Enköping/,
  verksamhetsplan: new RegExp(`Verksamhetsplan och budget ${YEAR}`),
  arsredovisning: /Förvaltningsberättelse|Årsredovisning/,
  'register/delegation': /Medel till utbildningsdag för lokusgrupperna/,
  'ekonomi/medlemsavgifter': /Fastställd/,
  'ekonomi/budget': /Fastställd/,
  'ekonomi/utfall': /Löner och arbetsgivaravgifter/,
  // The first three quarters' medlemsavgifter are booked by the end of August.
  'ekonomi/delarsrapport': /18\s000\s000/,
  'ekonomi/bokslut': /Resultaträkning/,
  'internkontroll/riskanalys': /Fakturor attesteras av fel person/,
  'internkontroll/plan': /Stickprov på attesterade fakturor/,
};

describe('the demo förbund in the browser', () => {
  it('has something of the year on every screen', async () => {
    const page = app.page;
    const missing: string[] = [];
    for (const route of ROUTES) {
      await openScreen(page, app.host.url, route);
      await page.screenshot({ path: artifactPath(`demo-${route.replace('/', '-')}.png`), animations: 'disabled' });
      const expected = SHOWS[route];
      if (expected && !expected.test(await page.locator('main').innerText())) missing.push(`${route}: ${String(expected)}`);
    }
    expect(missing).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('opens the next meeting from Översikt, with its dagordning', async () => {
    const page = app.page;
    await openScreen(page, app.host.url, 'oversikt');
    const desk = page.getByRole('list', { name: 'Att göra' });
    await desk
      .getByRole('button', { name: /Förbundsstyrelsen \d{4}-\d\d-\d\d/ })
      .first()
      .click();
    await page.getByRole('list', { name: 'Dagordning' }).waitFor();
    expect(await page.getByRole('list', { name: 'Dagordning' }).innerText()).toMatch(/Anmälan av delegationsbeslut/);
    await page.screenshot({ path: artifactPath('demo-nasta-sammantrade.png'), fullPage: true, animations: 'disabled' });
  });
});
