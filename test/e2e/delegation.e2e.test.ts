import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import type { DelegationDecision } from '../../shared/contract/schemas/delegation';
import { artifactPath } from '../helpers/browser';

let app: E2EApp;
let session: Session;
let host: RunningHost;
let page: Page;
let pageErrors: string[] = [];

const TITLE = 'Medel till studiebesök för lokusgruppen i Heby';
/** The board meets today: after every waiting decision, the demo's included. */
const MEETING_ON = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await openApp(
    async (s) => {
      // A point of the delegationsordning with a limit, whatever the demo data holds.
      const saved = await s.api.call('delegations.save', {
        code: '9.1',
        matter: 'Beslut om medel till kompetenshöjande insats',
        delegate: 'Förbundschef',
        limitKr: 50_000,
        validFrom: '2020-01-01',
        reportToBoard: true,
      });
      if (!saved.ok) throw new Error(saved.error.message);
    },
    { width: 1360, height: 900 },
  );
  ({ session, host, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

async function decisions(unreportedOnly: boolean): Promise<DelegationDecision[]> {
  const result = await session.api.call('decisions.list', { unreportedOnly });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DelegationDecision[];
}

function unreportedToggle() {
  return page.getByRole('button', { name: /^Ej anmälda till styrelsen \(\d+\)$/ });
}

async function registerDecision(amount: string) {
  await page.getByRole('button', { name: 'Registrera beslut' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrera delegationsbeslut' });
  await dialog.getByRole('combobox', { name: 'Punkt i delegationsordningen' }).click();
  await page.getByRole('option', { name: /^9\.1/ }).click();
  await dialog.getByRole('textbox', { name: 'Beslut', exact: true }).fill(TITLE);
  await dialog.getByRole('textbox', { name: 'Beslutsdatum' }).fill('2026-02-10');
  await dialog.getByLabel('Belopp').fill(amount);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  return dialog;
}

describe('delegation decisions in Chromium through the host', () => {
  it('refuses an amount above the limit, with the message at the Belopp field, and saves nothing', async () => {
    await page.goto(`${host.url}#/register/delegation`);
    await unreportedToggle().waitFor();
    const before = (await decisions(false)).length;

    const dialog = await registerDecision('60 000');
    const amount = dialog.getByLabel('Belopp');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    const helpId = await amount.getAttribute('aria-describedby');
    const help = (await page.locator(`[id="${helpId}"]`).textContent()) ?? '';
    expect(help).not.toContain('enligt punkt 9.1. Lämna tomt');
    expect(help).toMatch(/50[\s\u00a0]?000/);
    await page.screenshot({ path: artifactPath('delegationsbeslut-over-grans.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await decisions(false)).length).toBe(before);
  });

  it('registers a decision within the limit, which waits among those not yet reported', async () => {
    const dialog = await registerDecision('40 000');
    await dialog.waitFor({ state: 'detached' });
    const saved = (await decisions(true)).find((d) => d.title === TITLE);
    expect(saved?.amountKr).toBe(40_000);

    await unreportedToggle().click();
    await expect.poll(() => page.url()).toContain('#/register/delegation/ej-anmalda');
    const table = page.getByRole('table', { name: 'Ej anmälda delegationsbeslut' });
    const row = table.getByTestId('decision-row').filter({ hasText: TITLE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('40\u00a0000\u00a0kr');
    expect(await row.textContent()).toContain('Ej anmäld');
    expect(await unreportedToggle().textContent()).toBe(`Ej anmälda till styrelsen (${(await decisions(true)).length})`);
    await page.screenshot({ path: artifactPath('delegationsbeslut-ej-anmalda.png'), fullPage: true, animations: 'disabled' });
  });

  it('reports every waiting decision to the board, after which the list is empty', async () => {
    const table = page.getByRole('table', { name: 'Ej anmälda delegationsbeslut' });
    await table.getByRole('checkbox', { name: 'Markera alla' }).check();
    await page.getByRole('button', { name: /^Anmäl till styrelsen \(\d+\)$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Anmäl till styrelsen' });
    await dialog.getByRole('textbox', { name: 'Sammanträdesdatum' }).fill(MEETING_ON);
    await dialog.getByLabel('Paragraf').fill('§ 12');
    await page.screenshot({ path: artifactPath('delegationsbeslut-anmal.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Anmäl', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await table.getByText('Alla delegationsbeslut är anmälda till styrelsen.').waitFor();
    expect(await unreportedToggle().textContent()).toBe('Ej anmälda till styrelsen (0)');
    expect(await decisions(true)).toEqual([]);
    const ours = (await decisions(false)).find((d) => d.title === TITLE);
    expect(ours?.reported?.meeting.heldOn).toBe(MEETING_ON);

    await page.getByRole('button', { name: /^Alla beslut/ }).click();
    const row = page.getByRole('table', { name: 'Delegationsbeslut' }).getByTestId('decision-row').filter({ hasText: TITLE });
    await expect.poll(() => row.textContent()).toContain(MEETING_ON);
    await page.screenshot({ path: artifactPath('delegationsbeslut.png'), fullPage: true, animations: 'disabled' });
  });

  it('had no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
