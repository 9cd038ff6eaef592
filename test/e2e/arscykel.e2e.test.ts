import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { sie003 } from '../helpers/bokslut';
import { artifactPath } from '../helpers/browser';
import { makeTestCertificate } from '../helpers/certs';
import { value } from '../helpers/envelope';
import { tempDir } from '../helpers/temp';

const YEAR = 2025;
let app: E2EApp;
let session: Session;
let page: Page;

beforeAll(async () => {
  app = await openApp(undefined, { width: 1280, height: 900 });
  ({ session, page } = app);
});

afterAll(() => closeApp(app));

describe('A year through the screens: plan, måluppfyllelse, bokslut, årsredovisning, underskrifter', () => {
  it('goes from a new verksamhetsplan to an årsredovisning signed by two ledamöter', async () => {
    // The plan: one goal with a mått, adopted.
    await page.goto(`${app.host.url}#/verksamhetsplan`);
    await page.getByRole('button', { name: 'Ny verksamhetsplan' }).click();
    const create = page.getByRole('dialog', { name: 'Ny verksamhetsplan' });
    await create.getByLabel('Första år').fill(String(YEAR));
    await create.getByLabel('Sista år').fill(String(YEAR));
    await create.getByLabel('En tom plan').check();
    await create.getByRole('button', { name: 'Skapa förslag' }).click();
    await page.getByRole('heading', { name: `Verksamhetsplan ${YEAR}` }).waitFor();
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    await page.getByTestId('mal').getByLabel('Mål 1', { exact: true }).fill('Att stödja vidareutveckling av samverkan mellan parterna');
    await page.getByTestId('mal').getByRole('button', { name: 'Lägg till mått' }).click();
    await page.getByTestId('matt').getByLabel('Mått', { exact: true }).fill('Medarbetare med ökad kunskap om samverkan');
    await page.getByTestId('matt').getByLabel('Målvärde').fill('200');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('button', { name: 'Fastställ …' }).click();
    const adopt = page.getByRole('dialog', { name: /^Fastställ/ });
    await adopt.getByLabel('Beslutsdatum').fill(`${YEAR - 1}-11-20`);
    await adopt.getByRole('button', { name: 'Fastställ' }).click();
    await page.getByText(`Fastställd ${YEAR - 1}-11-20`).waitFor();

    // Måluppfyllelse for the year.
    await page.getByRole('tab', { name: 'Måluppfyllelse' }).click();
    await page.getByLabel('År', { exact: true }).click();
    await page.getByRole('option', { name: String(YEAR) }).click();
    await page.getByTestId('uppfoljning-rad').getByLabel('Värde', { exact: true }).fill('210');
    await page.getByTestId('uppfoljning-rad').getByLabel('Status', { exact: true }).click();
    await page.getByRole('option', { name: 'Uppfyllt', exact: true }).click();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Alla mått är bedömda.').waitFor();

    // The bokslut from the books' SIE file.
    await page.goto(`${app.host.url}#/ekonomi/bokslut`);
    await page.getByLabel('År', { exact: true }).fill(String(YEAR));
    await page
      .getByLabel('Välj SIE-fil')
      .setInputFiles({ name: `bokslut ${YEAR}.se`, mimeType: 'application/octet-stream', buffer: Buffer.from(sie003({ year: YEAR }), 'base64') });
    await page.getByText('Alla 4 kontroller stämmer.').waitFor();

    // The årsredovisning, into the diarium.
    await page.goto(`${app.host.url}#/arsredovisning`);
    await page.getByLabel('Räkenskapsår').fill(String(YEAR));
    await page.getByLabel('Årets verksamhet').fill('Under året finansierade förbundet insatser för individer och för samverkan.');
    await page.getByRole('button', { name: 'Spara texterna' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Spara texterna' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Lägg i diariet för underskrifter' }).click();
    await page.getByRole('heading', { name: new RegExp(`Årsredovisning ${YEAR}$`) }).waitFor();

    // Two ledamöter sign in turn, each with their own certificate.
    const signers = value(await session.api.call('arsredovisning.get', { year: YEAR })).signers.slice(0, 2);
    for (const [i, signer] of signers.entries()) {
      const cert = makeTestCertificate(tempDir(), { commonName: signer.name, organization: signer.appointedBy, password: 'hemligt', days: 365 });
      const row = page.getByTestId('document-row').filter({ hasText: `Årsredovisning ${YEAR}` });
      await row.getByRole('button', { name: i === 0 ? 'Signera …' : 'Signera också …' }).click();
      const dialog = page.getByRole('dialog', { name: 'Signera handlingen' });
      await dialog.getByLabel('Certifikatfil').setInputFiles(cert.p12Path);
      await dialog.getByLabel('Lösenord till certifikatet').fill('hemligt');
      await dialog.getByRole('button', { name: 'Signera' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(() =>
          page
            .getByTestId('document-row')
            .filter({ hasText: `Årsredovisning ${YEAR}` })
            .getByRole('button', { name: 'Signera också …' })
            .count(),
        )
        .toBe(1);
    }
    await page.screenshot({ path: artifactPath('arsredovisning-signerad.png'), fullPage: true });
    const arende = value(await session.api.call('arenden.page', {})).rows.find((a) => a.title === `Årsredovisning ${YEAR}`)!;
    const latest = value(await session.api.call('arenden.get', { id: arende.id })).documents.find((d) => d.supersededBy === null && d.signed)!;
    const check = value(await session.api.call('pdf.verify', { documentId: latest.id }));
    expect(check.valid).toBe(true);
    expect(check.signatures.map((x) => x.signerName)).toEqual(signers.map((x) => x.name));
    expect(fs.existsSync(artifactPath('arsredovisning-signerad.png'))).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
