import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { count } from '../helpers/session';

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

function boardRow(member: string) {
  return page
    .getByRole('table', { name: 'Styrelse' })
    .getByTestId('board-row')
    .filter({ has: page.getByRole('cell', { name: member, exact: true }) });
}

async function openBoard(): Promise<void> {
  await page.goto(`${host.url}#/register/styrelse`);
  await boardRow('Håbo kommun').getByText('Cecilia Blom (M)').waitFor();
}

describe('the board register in Chromium through the host', () => {
  it('shows the board as in the annual report: member, ordinarie ledamot, ersättare, and the presidium signing', async () => {
    await openBoard();
    expect(await page.getByRole('tab', { name: 'Styrelse' }).getAttribute('aria-selected')).toBe('true');
    const uppsala = boardRow('Uppsala kommun');
    expect(await uppsala.textContent()).toContain('Johanna Ek (S)');
    expect(await uppsala.textContent()).toContain('Förbundsordförande');
    expect(await uppsala.textContent()).toContain('Samir Haddad (L)');
    const block = page.getByTestId('signature-block');
    await expect.poll(() => block.getByTestId('signer').count()).toBe(3);
    expect(await block.textContent()).toMatch(/^Uppsala \d{4}-\d{2}-\d{2}/);
    expect(await block.getByTestId('signer').first().textContent()).toBe('Johanna EkFörbundsordförandeUtsedd avUppsala kommun');
  });

  it('adds a new person as ersättare, who is still there after a reload', async () => {
    const before = count(session, 'board_appointments');
    await boardRow('Håbo kommun').getByRole('button', { name: 'Lägg till ledamot för Håbo kommun' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till ledamot' });
    await dialog.getByRole('radio', { name: 'Ersättare' }).check();
    await dialog.getByRole('combobox', { name: 'Namn' }).fill('Bertil Brandt');
    await dialog.getByLabel('Parti').fill('M');
    await dialog.getByLabel('E-post').fill('bertil.brandt@example.se');
    await dialog.getByLabel('Från').fill('2024-07-01');
    await page.screenshot({ path: artifactPath('styrelse-ny-ersattare.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => boardRow('Håbo kommun').getByText('Bertil Brandt (M)').count()).toBe(1);
    expect(count(session, 'board_appointments')).toBe(before + 1);

    await page.reload();
    const row = boardRow('Håbo kommun');
    await row.getByText('Bertil Brandt (M)').waitFor();
    // Two ersättare in one cell, each on its own line; the new one with the day it began.
    expect(await row.getByTestId('board-seat').count()).toBe(3);
    expect(await row.textContent()).toContain('fr.o.m. 2024-07-01');
    expect(
      session.db.sqlite
        .prepare("SELECT a.seat, a.starts_on, p.party FROM board_appointments a JOIN people p ON p.id = a.person_id WHERE p.name = 'Bertil Brandt'")
        .get(),
    ).toEqual({ seat: 'ersattare', starts_on: '2024-07-01', party: 'M' });
    await page.screenshot({ path: artifactPath('styrelse.png'), fullPage: true, animations: 'disabled' });
  });

  it("shows the seat's history: created, when and by whom, with the name", async () => {
    await boardRow('Håbo kommun').getByRole('button', { name: 'Bertil Brandt (M)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ersättare: Bertil Brandt (M)' });
    await dialog.getByRole('button', { name: 'Historik' }).click();
    const history = page.getByRole('dialog', { name: 'Historik: Bertil Brandt (M), Håbo kommun' });
    const entry = history.getByTestId('audit-entry');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.getByRole('heading').textContent()).toMatch(/^Skapad \d{4}-\d{2}-\d{2} \d{2}:\d{2} av testare$/);
    expect(await entry.textContent()).toContain('Bertil Brandt');
    await page.screenshot({ path: artifactPath('styrelse-historik.png'), animations: 'disabled' });
    await history.getByRole('button', { name: 'Stäng' }).click();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks before removing a seat, and can undo the removal', async () => {
    await boardRow('Håbo kommun').getByRole('button', { name: 'Bertil Brandt (M)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ersättare: Bertil Brandt (M)' });
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ta bort Bertil Brandt ur styrelsen?' });
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => boardRow('Håbo kommun').getByText('Bertil Brandt (M)').count()).toBe(0);
    await page.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => boardRow('Håbo kommun').getByText('Bertil Brandt (M)').count()).toBe(1);
    expect(await boardRow('Håbo kommun').textContent()).toContain('fr.o.m. 2024-07-01');
  });

  it("refuses an ersättare for a member with no ordinarie ledamot, with the API's message at the field", async () => {
    // A new, empty mandate period: nobody has a seat yet.
    await page.getByRole('button', { name: 'Ny mandatperiod' }).click();
    const periodDialog = page.getByRole('dialog', { name: 'Ny mandatperiod' });
    await periodDialog.getByLabel('Från').fill('2027-01-01');
    await periodDialog.getByLabel('Till').fill('2030-12-31');
    await periodDialog.getByRole('button', { name: 'Spara' }).click();
    await periodDialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Mandatperiod' }).textContent()).toBe('2027–2030');
    await boardRow('Heby kommun').getByText('Ingen ordinarie ledamot').waitFor();

    const before = count(session, 'board_appointments');
    const people = count(session, 'people');
    await boardRow('Heby kommun').getByRole('button', { name: 'Lägg till ledamot för Heby kommun' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till ledamot' });
    await dialog.getByRole('radio', { name: 'Ersättare' }).check();
    await dialog.getByRole('combobox', { name: 'Namn' }).fill('Gun Ask');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const message = 'Heby kommun har ingen ordinarie ledamot under mandatperioden 2027–2030. Lägg till den ordinarie ledamoten först.';
    await expect.poll(() => dialog.getByText(message).count()).toBe(1);
    await page.screenshot({ path: artifactPath('styrelse-ersattare-utan-ordinarie.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(count(session, 'board_appointments')).toBe(before);
    expect(count(session, 'people')).toBe(people);
  });

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
