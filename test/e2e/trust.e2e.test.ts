import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Arendeblad } from '../../shared/contract/schemas/arendeblad';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { createFilled } from '../helpers/arendeblad';
import { artifactPath } from '../helpers/browser';
import { makeTestCertificate } from '../helpers/certs';
import { value } from '../helpers/envelope';
import { tempDir } from '../helpers/temp';

let app: E2EApp;
let page: Page;
let blad: Arendeblad;

beforeAll(async () => {
  app = await openApp(async (s) => {
    blad = await createFilled(s, 'tillaggsansokan');
  });
  page = app.page;
});

afterAll(() => closeApp(app));

const YEAR = new Date().getFullYear() + 1;

describe('nothing typed is lost, signed means frozen, and backups from the screen', () => {
  it('asks before leaving a budget with figures not saved, and the board decides the figures on the screen', async () => {
    await page.goto(`${app.host.url}#/ekonomi/budget`);
    const table = page.getByRole('table', { name: `Budget ${YEAR}` });
    await table.getByLabel('Medlemsavgifter', { exact: true }).fill('21 585 170');
    await table.getByLabel('Förtroendevalda', { exact: true }).fill('400 000');
    await table.getByLabel('Förvaltning, personal', { exact: true }).fill('2 100 000');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ändrat – inte sparat' }).count()).toBe(1);

    // The menu asks, and "Stanna kvar" keeps the figures.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Översikt').click();
    const ask = page.getByRole('dialog', { name: 'Ändringar som inte är sparade' });
    await expect.poll(() => ask.count()).toBe(1);
    expect(await ask.textContent()).toContain(`budgetförslaget för ${YEAR}`);
    await page.screenshot({ path: artifactPath('osparat-fraga.png'), fullPage: true });
    await ask.getByRole('button', { name: 'Stanna kvar' }).click();
    expect(await table.getByLabel('Förtroendevalda', { exact: true }).inputValue()).toBe('400 000');

    // Registrera beslut without Spara first: the decided version holds what was typed.
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    await expect
      .poll(
        async () =>
          value(await app.session.api.call('budget.get', { year: YEAR }))
            .versions.find((v) => v.kind === 'faststalld')
            ?.lines.find((l) => l.post === 'fortroendevalda')?.amountKr,
      )
      .toBe(400_000);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ändrat – inte sparat' }).count()).toBe(0);

    // Once saved, the menu no longer asks.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Översikt').click();
    await expect.poll(() => page.url()).toMatch(/#\/oversikt$/);
    expect(app.pageErrors).toEqual([]);
  });

  it('keeps a signed ärendeblad as it was signed; Ny version makes it editable and says where the signatures stay', async () => {
    const cert = makeTestCertificate(tempDir(), { commonName: 'Åsa Öberg', organization: 'Samordningsförbundet Uppsala län', password: 'lösen', days: 30 });
    const fs = await import('node:fs');
    value(
      await app.session.api.call('arendeblad.sign', {
        id: blad.id,
        credentials: { certificateBase64: fs.readFileSync(cert.p12Path).toString('base64'), password: 'lösen', role: 'Förbundschef' },
      }),
    );
    await page.goto(`${app.host.url}#/arendeblad/${blad.id}`);
    await expect.poll(() => page.getByText('Version 1 är signerad och kan inte ändras').count()).toBe(1);
    const rubrik = page.getByLabel('Rubrik', { exact: true });
    await rubrik.click({ force: true }).catch(() => undefined);
    await page.keyboard.type('XYZ');
    expect(await rubrik.inputValue()).toBe(blad.rubrik);
    expect(await page.getByRole('button', { name: 'Signera …' }).isDisabled()).toBe(true);
    await page.screenshot({ path: artifactPath('arendeblad-signerat-last.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ny version' }).click();
    const confirm = page.getByRole('dialog', { name: `Ny version av ”${blad.rubrik}”` });
    expect(await confirm.textContent()).toContain('Version 1 och dess underskrifter står kvar som de är');
    await confirm.getByRole('button', { name: 'Gör version 2' }).click();
    await expect.poll(() => page.getByText('Version 1 är signerad').count()).toBe(0);
    await rubrik.fill(`${blad.rubrik} – reviderad`);
    await expect
      .poll(async () => value(await app.session.api.call('arendeblad.get', { id: blad.id })).rubrik, { timeout: 10_000 })
      .toBe(`${blad.rubrik} – reviderad`);
    const stored = value(await app.session.api.call('arendeblad.get', { id: blad.id }));
    expect(stored).toMatchObject({ version: 2, frozen: false });
    expect(stored.signed.map((v) => v.version)).toEqual([1]);
  });

  it('makes a backup from the Säkerhetskopior tab, and restores it after showing what was checked', async () => {
    await page.goto(`${app.host.url}#/register/sakerhetskopior`);
    await page.getByRole('button', { name: 'Säkerhetskopiera nu' }).click();
    const rows = page.getByRole('table', { name: 'Säkerhetskopior' }).getByRole('row');
    await expect.poll(() => rows.filter({ hasText: 'Gjord för hand' }).count(), { timeout: 15_000 }).toBe(1);
    const after = value(await app.session.api.call('arenden.save', { title: 'Registrerad efter kopian', kind: 'inkommande', receivedOn: '2026-11-20' }));

    await rows
      .filter({ hasText: 'Gjord för hand' })
      .getByRole('button', { name: /^Återställ kopian från/ })
      .click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('list', { name: 'Kontrollerat' }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(4);
    expect(await dialog.textContent()).toMatch(/rätt storlek och kontrollsumma/);
    await page.screenshot({ path: artifactPath('aterstall-fraga.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Återställ', exact: true }).click();
    await expect.poll(() => page.getByText(/Databasen är återställd från säkerhetskopian/).count(), { timeout: 15_000 }).toBe(1);
    expect((await app.session.api.call('arenden.get', { id: after.id })).ok).toBe(false);
    const status = value(await app.session.api.call('backup.status', {}));
    expect(status.backups.length).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: artifactPath('sakerhetskopior.png'), fullPage: true });

    // Kontrollera loggen now compares with the backup's anchor, outside the file.
    await page.goto(`${app.host.url}#/register/granskningslogg`);
    await page.getByRole('button', { name: 'Kontrollera loggen' }).click();
    await expect.poll(() => page.getByTestId('audit-verify').textContent()).toMatch(/Loggen är hel.*Jämförd med \d+ ankare utanför databasfilen/);
    // Every entry in words: kinds of record, names, fields and values, no codes or JSON.
    const entries = page.getByTestId('audit-row');
    const n = await entries.count();
    for (let i = 0; i < n; i++) await entries.nth(i).getByRole('button', { name: 'Visa ändringarna' }).click();
    const shown = (await page.getByRole('main').innerText()).replace(/\/tmp\/\S+/g, '').replace(/\u00a0/g, ' ');
    await page.screenshot({ path: artifactPath('granskningslogg.png'), fullPage: true });
    expect(shown).toContain('Budget');
    expect(shown).toContain('Förtroendevalda 400 000 kr');
    // No JSON, no snake_case or camelCase field names, no "kind:12" codes (kB is a unit, not a name).
    expect(shown.match(/[{}"]|\b[a-z]+_[a-z_]+\b|\b(?!kB\b)[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z]+:\d/g) ?? []).toEqual([]);
    expect(shown).toContain('Tilläggsansökan');
    expect(app.pageErrors).toEqual([]);
  });
});
