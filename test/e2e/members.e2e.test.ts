import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { count } from '../helpers/session';
import { value } from '../helpers/envelope';

let app: E2EApp;
let session: Session;
let host: RunningHost;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  app = await openApp(undefined, { width: 1360, height: 900 });
  ({ session, host, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

async function openRegister(): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Register' }).click();
  await page.getByRole('table', { name: 'Medlemsregister' }).waitFor();
}

/** The register row whose name is exactly `name` ("Sala kommun" must not match "Uppsala kommun"). */
function memberRow(name: string) {
  return page.getByTestId('member-row').filter({ has: page.getByText(name, { exact: true }) });
}

describe('the app in Chromium through the host', () => {
  it('opens on Översikt with the förbund and its members from the database', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Samordningsförbundet Uppsala län');
    expect(await page.getByTestId('figure-members').textContent()).toBe('11');
    const table = page.getByRole('table', { name: 'Förbundets medlemmar' });
    expect(await table.getByRole('row', { name: /Uppsala kommun/ }).textContent()).toContain('219\u00a0295');
    expect(await table.getByRole('row', { name: /Uppsala kommun/ }).textContent()).toContain('59,6\u00a0%');
    await page.screenshot({ path: artifactPath('oversikt.png'), fullPage: true });

    // The browser host has no Arkiv menu: the demo banner says how to start with an empty database here.
    const banner = (await page.getByRole('note').filter({ hasText: 'exempeldata' }).textContent()) ?? '';
    expect(banner).toContain('npm run host -- --db NY-FIL.sqlite --empty');
    expect(banner).not.toContain('Arkiv');

    // "No decided budget for 2026" on the desk opens the budget of that year, not the tab's default (next year).
    const warning = page.getByRole('list', { name: 'Att göra' }).getByRole('button', { name: /Det finns ingen fastställd budget för \d{4}/ });
    const year = /budget för (\d{4})/.exec((await warning.textContent()) ?? '')![1]!;
    await warning.click();
    await page.getByRole('tab', { name: 'Budget', selected: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'År' }).inputValue()).toBe(year);
    expect(page.url()).toMatch(new RegExp(`#/ekonomi/budget/${year}$`));
    await page.goto(host.url);
  });

  it('adds a member, which is still there after a reload', async () => {
    await openRegister();
    await page.getByRole('button', { name: 'Lägg till medlem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till medlem' });
    await dialog.getByLabel('Namn', { exact: false }).first().fill('Sala kommun');
    await dialog.getByLabel('Kortnamn').fill('Sala');
    await dialog.getByLabel('Organisationsnummer', { exact: false }).fill('2120002080');
    await dialog.getByRole('button', { name: 'Lägg till år' }).click();
    await dialog.getByLabel('År').fill('2017');
    await dialog.getByLabel('Folkmängd', { exact: true }).fill('22 000');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => memberRow('Sala kommun').count()).toBe(1);

    await page.reload();
    await openRegister();
    const row = memberRow('Sala kommun');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('212000-2080');
    expect(await row.textContent()).toContain('22\u00a0000');
    expect(session.db.sqlite.prepare("SELECT org_nr FROM members WHERE name = 'Sala kommun'").get()).toEqual({ org_nr: '212000-2080' });
    await page.screenshot({ path: artifactPath('register-medlemmar.png'), fullPage: true });
  });

  it('shows a Swedish message at the field for a wrong organisationsnummer and saves nothing', async () => {
    const before = count(session, 'members');
    await page.getByRole('button', { name: 'Lägg till medlem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till medlem' });
    await dialog.getByLabel('Namn', { exact: false }).first().fill('Norbergs kommun');
    await dialog.getByLabel('Organisationsnummer', { exact: false }).fill('212000-2081');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.getByText('Kontrollsiffran stämmer inte. Kontrollera organisationsnumret.').count()).toBe(1);
    await page.screenshot({ path: artifactPath('medlem-fel-orgnr.png') });
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(count(session, 'members')).toBe(before);
  });

  it('asks before removing a member, and can undo the removal', async () => {
    await memberRow('Sala kommun').getByRole('button', { name: 'Ta bort Sala kommun' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ta bort Sala kommun?' });
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    expect(await memberRow('Sala kommun').count()).toBe(1);

    await memberRow('Sala kommun').getByRole('button', { name: 'Ta bort Sala kommun' }).click();
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => memberRow('Sala kommun').count()).toBe(0);
    expect(session.db.sqlite.prepare("SELECT count(*) AS n FROM members WHERE name = 'Sala kommun'").get()).toEqual({ n: 0 });

    await page.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => memberRow('Sala kommun').count()).toBe(1);
    expect(
      session.db.sqlite.prepare("SELECT count(*) AS n FROM member_populations p JOIN members m ON m.id = p.member_id WHERE m.name = 'Sala kommun'").get(),
    ).toEqual({ n: 1 });
  });

  it('continues the diarium series from a löpnummer given once, after asking', async () => {
    const year = new Date().getFullYear();
    await page.goto(`${host.url}#/register/forbundet`);
    const section = page.getByRole('region', { name: `Diariets nummerserie ${year}` });
    const before = value(await session.api.call('arenden.nextNumber', { year })).diarienummer;
    await section.getByText(before).waitFor();
    const seq = Number(/(\d+)\D*$/.exec(before)?.[1]);
    await section.getByLabel('Nästa löpnummer').fill(String(seq + 100));
    await section.getByRole('button', { name: 'Fortsätt serien härifrån' }).click();
    const ask = page.getByRole('dialog', { name: 'Fortsätta årets nummerserie?' });
    await ask.getByRole('button', { name: 'Fortsätt serien' }).click();
    // The click starts the save; the register answers once it is done.
    const next = async () => value(await session.api.call('arenden.nextNumber', { year })).diarienummer;
    await expect.poll(async () => Number(/(\d+)\D*$/.exec(await next())?.[1])).toBe(seq + 100);
    const after = await next();
    await section.getByText(after).waitFor();
    // Lower than what is now taken: the Swedish message at the field, nothing changed.
    await section.getByLabel('Nästa löpnummer').fill(String(seq));
    await section.getByRole('button', { name: 'Fortsätt serien härifrån' }).click();
    await page.getByRole('dialog', { name: 'Fortsätta årets nummerserie?' }).getByRole('button', { name: 'Fortsätt serien' }).click();
    await section.getByText('nästa diarienummer kan inte vara lägre än').waitFor();
    expect(value(await session.api.call('arenden.nextNumber', { year })).diarienummer).toBe(after);
  });

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
