import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { value } from '../helpers/envelope';

let app: E2EApp;
let session: Session;
let page: Page;
let pageErrors: string[];
const YEAR = new Date().getFullYear();
/** axe-core's own script, run in the page by the test. */
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  app = await openApp(undefined, { width: 1280, height: 800 }, 'empty');
  ({ session, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

async function stepDone(key: string): Promise<boolean> {
  return value(await session.api.call('setup.status', {})).steps.find((s) => s.key === key)?.done ?? false;
}

describe('Kom igång: a new förbund from an empty database to its first ärendeblad', () => {
  it('walks the guide, can leave and resume it, and ends in the first ärendeblad', async () => {
    await page.goto(app.host.url);
    await page.getByRole('heading', { name: 'Kom igång med Kansli' }).waitFor();
    await page.screenshot({ path: artifactPath('kom-igang-start.png'), fullPage: true });
    // The guide is checked like every screen: no serious or critical axe-core finding.
    const serious = (await page.evaluate(`(async () => {
      if (!window.axe) { ${AXE}; }
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.help);
    })()`)) as string[];
    expect(serious).toEqual([]);

    // 1. Förbundet och du.
    await page.getByLabel('Förbundets namn').fill('Samordningsförbundet Norra Vätterbygden');
    await page.getByLabel('Organisationsnummer').fill('222000-1636');
    await page.getByLabel('Postadress').fill('Box 12, 561 21 Huskvarna');
    await page.getByLabel('Säte (ort)').fill('Jönköping');
    await page.getByRole('button', { name: 'Spara', exact: true }).first().click();
    await expect.poll(async () => value(await session.api.call('forbund.get', {})).name).toBe('Samordningsförbundet Norra Vätterbygden');
    await page.getByRole('textbox', { name: 'Ditt namn' }).fill('Maria Lindqvist');
    await page.getByRole('region', { name: 'Ditt namn' }).getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => stepDone('forbundet')).toBe(true);

    // Left half-way, resumed from Översikt at the first step not done.
    await page.getByRole('button', { name: 'Lämna guiden för nu' }).click();
    const resume = page.getByRole('note').filter({ hasText: 'Kom igång är inte avslutad' });
    await resume.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('heading', { name: 'Steg 2: Medlemmar och folkmängd' }).waitFor();

    // 2. Medlemmar och folkmängd.
    for (const m of [
      { name: 'Försäkringskassan', kind: 'Statlig myndighet', orgNr: '202100-5521', population: null },
      { name: 'Jönköpings kommun', kind: 'Kommun', orgNr: '212000-0530', population: '143 000' },
    ]) {
      await page.getByRole('button', { name: 'Lägg till medlem' }).click();
      const dialog = page.getByRole('dialog', { name: 'Lägg till medlem' });
      await dialog.getByLabel('Namn', { exact: false }).first().fill(m.name);
      await dialog.getByLabel('Typ').click();
      await page.getByRole('option', { name: m.kind }).click();
      await dialog.getByLabel('Organisationsnummer', { exact: false }).fill(m.orgNr);
      if (m.population) {
        await dialog.getByRole('button', { name: 'Lägg till år' }).click();
        await dialog.getByLabel('År').fill(String(YEAR - 1));
        await dialog.getByLabel('Folkmängd', { exact: true }).fill(m.population);
      }
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await expect.poll(() => stepDone('medlemmar')).toBe(true);
    await page.getByRole('button', { name: 'Nästa' }).click();

    // 3. Styrelsen: a mandate period and one ledamot.
    await page.getByRole('button', { name: 'Ny mandatperiod' }).first().click();
    const period = page.getByRole('dialog', { name: 'Ny mandatperiod' });
    await period.getByLabel('Från').fill(`${YEAR - 1}-01-01`);
    await period.getByLabel('Till').fill(`${YEAR + 2}-12-31`);
    await period.getByRole('button', { name: 'Spara' }).click();
    await period.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Lägg till ledamot för Jönköpings kommun' }).click();
    const seat = page.getByRole('dialog', { name: 'Lägg till ledamot' });
    await seat.getByRole('combobox', { name: 'Namn' }).fill('Anders Holm');
    await seat.getByRole('button', { name: 'Spara' }).click();
    await seat.waitFor({ state: 'detached' });
    await expect.poll(() => stepDone('styrelse')).toBe(true);
    await page.getByRole('button', { name: 'Nästa' }).click();

    // 4. The delårsrapport's day.
    await page.getByLabel('Delårsrapporten till styrelsen senast').fill('09-30');
    await page.getByRole('button', { name: 'Spara datumet' }).click();
    await expect.poll(() => stepDone('arshjul')).toBe(true);
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.screenshot({ path: artifactPath('kom-igang-sista-steget.png'), fullPage: true });

    // 5. The first ärendeblad: written from a template, and the guide is done.
    await page.getByRole('button', { name: 'Nytt ärendeblad …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt ärendeblad' });
    await dialog.getByRole('button', { name: /^Tomt ärendeblad/ }).click();
    await dialog.getByLabel('Rubrik').fill('Samverkan kring unga i Jönköping');
    await dialog.getByRole('button', { name: 'Skapa ärendeblad' }).click();
    await page.getByLabel('Att-sats 1', { exact: true }).waitFor();
    await expect.poll(async () => value(await session.api.call('forbund.get', {})).setupDone).toBe(true);
    const blad = value(await session.api.call('arendeblad.list', {}));
    expect(blad.map((b) => b.rubrik)).toEqual(['Samverkan kring unga i Jönköping']);
    expect(blad[0]?.diarienummer).toBe(`${YEAR}/001`);

    // Översikt is the desk now, and the log names the person, not the computer account.
    await page.goto(`${app.host.url}#/oversikt`);
    await page.getByRole('heading', { name: 'Samordningsförbundet Norra Vätterbygden', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Kom igång med Kansli' }).count()).toBe(0);
    const actors = session.db.sqlite.prepare("SELECT DISTINCT actor FROM audit_log WHERE entity = 'arendeblad'").all();
    expect(actors).toEqual([{ actor: 'Maria Lindqvist (testare)' }]);
    expect(pageErrors).toEqual([]);
  });
});
