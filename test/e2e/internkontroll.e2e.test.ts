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

beforeAll(async () => {
  app = await openApp();
  ({ session, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

const cell = (s: string, k: string) =>
  page.getByRole('group', { name: /^Riskmatris/ }).getByRole('button', { name: new RegExp(`^Sannolikhet ${s}, konsekvens ${k} `) });

async function pick(label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('dialog').getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('Risk & internkontroll in the browser', () => {
  it('scores a risk, sees it in the matrix, and moves it by changing the score', async () => {
    await page.goto(`${app.host.url}#/internkontroll`);
    await page.getByRole('button', { name: 'Ny risk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny risk' });
    await dialog.getByLabel('Risk', { exact: true }).fill('Fakturor betalas utan avtal');
    await pick('Process/område', 'Upphandling/avtal');
    await pick('Sannolikhet', '2 – Mindre sannolik');
    await pick('Konsekvens', '3 – Kännbar');
    await dialog.getByLabel('Riskägare').fill('Förbundschefen');
    expect(await dialog.getByText('Riskvärde 6').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => cell('mindre sannolik', 'kännbar').getAttribute('aria-label')).toContain(': R1');

    // Open it from the matrix and make it more likely and more serious: it moves.
    await cell('mindre sannolik', 'kännbar').click();
    const edit = page.getByRole('dialog', { name: 'Risk R1' });
    await pick('Sannolikhet', '4 – Sannolik');
    await pick('Konsekvens', '4 – Allvarlig');
    expect(await edit.getByText('Mycket hög').count()).toBe(1);
    await edit.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => cell('sannolik', 'allvarlig').getAttribute('aria-label')).toContain(': R1');
    expect(await cell('mindre sannolik', 'kännbar').getAttribute('aria-label')).toContain('inga risker');
    const stored = value(await session.api.call('internkontroll.risks', { year: YEAR }));
    expect(stored.risks.map((r) => [r.code, r.sannolikhet, r.konsekvens, r.value])).toEqual([['R1', 4, 4, 16]]);
    await page.screenshot({ path: artifactPath('risk-matris.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('adds a kontrollmoment, puts in the occasions, and completes a checklist', async () => {
    await page.goto(`${app.host.url}#/internkontroll/plan`);
    await page.getByRole('button', { name: 'Nytt kontrollmoment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt kontrollmoment' });
    await pick('Process/område', 'Upphandling/avtal');
    await dialog.getByLabel('Kontrollmoment', { exact: true }).fill('fakturor följer ingångna avtal');
    await pick('Risk', /^R1 /);
    await pick('Frekvens', 'Varje halvår');
    await dialog.getByLabel('Ansvarig', { exact: true }).fill('Ekonomihandläggaren');
    await dialog.getByLabel('Att kontrollera (en punkt per rad)').fill('Fakturan har ett avtal\nBeloppet följer avtalet');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'fakturor följer ingångna avtal' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Lägg in årets kontrolltillfällen' }).click();
    const first = page.getByRole('button', { name: new RegExp(`^Första halvåret ${YEAR}`) });
    await expect.poll(() => first.count()).toBe(1);
    await first.click();

    await expect.poll(() => page.getByRole('heading', { name: 'Fakturor följer ingångna avtal' }).count()).toBe(1);
    await page.getByLabel('Urval').fill('fakturor 0112, 0187, 0203');
    for (const item of ['Fakturan har ett avtal', 'Beloppet följer avtalet']) {
      await page.getByRole('group', { name: item }).getByRole('radio', { name: 'OK' }).check();
    }
    await page.getByLabel('Kontrollen gjord').fill(`${YEAR}-07-10`);
    await page.getByRole('button', { name: 'Avsluta kontrollen' }).click();
    await expect.poll(() => page.getByText(/^Avslutad \d{4}-07-10 av/).count()).toBe(1);
    const plan = value(await session.api.call('internkontroll.plan', { year: YEAR }));
    const occasion = value(await session.api.call('internkontroll.occasion', { id: plan.controls[0]!.occasions[0]!.id }));
    expect(occasion).toMatchObject({ signedOff: true, doneOn: `${YEAR}-07-10`, sample: 'fakturor 0112, 0187, 0203' });
    expect(occasion.items.map((i) => i.result)).toEqual(['ok', 'ok']);
    await page.screenshot({ path: artifactPath('risk-checklista.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
  it('offers to start from the year before only when that year has an analysis', async () => {
    await page.goto(`${app.host.url}#/internkontroll/riskanalys`);
    await page.getByRole('textbox', { name: 'År' }).fill('2041');
    await page.getByText('Ingen riskanalys för 2041 ännu. Börja med Ny risk.').waitFor();
    expect(await page.getByRole('button', { name: 'Utgå från 2040' }).count()).toBe(0);
  });
});
