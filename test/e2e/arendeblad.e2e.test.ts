import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server';
import type { Session } from '../../electron/services/session';
import type { Arendeblad } from '../../shared/contract/schemas/arendeblad';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { makeTestCertificate } from '../helpers/certs';
import { value } from '../helpers/envelope';
import { application } from '../helpers/insatser';
import { pdfsig, pdftotext } from '../helpers/pdf-tools';
import { tempDir } from '../helpers/temp';

let app: E2EApp;
let session: Session;
let host: RunningHost;
let page: Page;
let pageErrors: string[];

const RUBRIK = 'Samverkan kring unga i Tierp';
const ATT = 'anta handlingsplanen för unga vuxna i Tierp för åren 2027–2028';

beforeAll(async () => {
  app = await openApp();
  ({ session, host, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

async function stored(): Promise<Arendeblad> {
  const list = value(await session.api.call('arendeblad.list', {}));
  const item = list.find((b) => b.rubrik === RUBRIK);
  if (!item) throw new Error('ärendebladet finns inte i databasen');
  return value(await session.api.call('arendeblad.get', { id: item.id }));
}

describe('ärendeblad in the browser', () => {
  it('writes an ärendeblad from a template, autosaves it, and saves it as PDF', async () => {
    await page.goto(`${host.url}#/arendeblad`);
    await page.getByRole('button', { name: 'Nytt ärendeblad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt ärendeblad' });
    await dialog.getByRole('button', { name: /^Tomt ärendeblad/ }).click();
    await dialog.getByLabel('Rubrik').fill(RUBRIK);
    await dialog.getByRole('button', { name: 'Skapa ärendeblad' }).click();

    await page.getByLabel('Att-sats 1', { exact: true }).fill(ATT);
    await page
      .getByLabel('Stycke i Ärendet', { exact: true })
      .fill('Lokusgruppen i Tierp har tagit fram en handlingsplan för unga vuxna som står långt från arbete.');
    await page
      .getByLabel('Stycke i Bedömning', { exact: true })
      .fill('Planen svarar mot förbundets prioriterade målgrupper och är väl förankrad hos parterna.');
    await expect
      .poll(
        async () =>
          page
            .getByRole('status')
            .filter({ hasText: /^Sparat/ })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1);

    const saved = await stored();
    expect(saved.content.forslag.punkter).toEqual([ATT]);
    expect(saved.problems).toEqual([]);
    await expect.poll(() => page.getByText('Klart för PDF och signering').count()).toBe(1);

    // A reload shows what was saved: nothing lives only in the window.
    await page.reload();
    await expect.poll(() => page.getByLabel('Att-sats 1', { exact: true }).inputValue()).toBe(ATT);
    await page.screenshot({ path: artifactPath('arendeblad-editor.png'), fullPage: true });

    // Looked at first, in the app: the pages drawn as they will be saved, then saved from there.
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.getByRole('dialog', { name: /^Förhandsgranska / });
    await preview.getByRole('img', { name: 'Sida 1 av 1' }).waitFor({ timeout: 15_000 });
    expect(
      await page.evaluate(
        "(() => { const img = document.querySelector('img.kansli-pdf-page'); const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight; const x = c.getContext('2d'); x.drawImage(img, 0, 0); const d = x.getImageData(0, 0, c.width, c.height).data; let ink = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128) ink++; return ink; })()",
      ),
    ).toBeGreaterThan(1000);
    await page.screenshot({ path: artifactPath('arendeblad-forhandsgranska.png') });
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'Spara som PDF' }).click();
    const file = await (await download).path();
    await preview.getByRole('button', { name: 'Stäng' }).click();
    const text = pdftotext(fs.readFileSync(file)).replace(/\s+/g, ' ');
    expect(text).toContain(RUBRIK);
    expect(text).toContain(`att ${ATT}`);
    expect(text).toContain(saved.diarienummer);
  });

  it('signs it with a certificate file and shows the signed version', async () => {
    const cert = makeTestCertificate(tempDir(), {
      commonName: 'Kristina Ålgren',
      organization: 'Samordningsförbundet Uppsala län',
      password: 'hemligt-åäö',
      days: 30,
    });
    await page.getByRole('button', { name: 'Signera …' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Certifikatfil').setInputFiles(cert.p12Path);
    await dialog.getByLabel('Lösenord till certifikatet').fill('fel lösenord');
    await dialog.getByRole('button', { name: 'Signera', exact: true }).click();
    await expect.poll(() => dialog.getByText(/Fel lösenord/).count()).toBe(1);
    expect((await stored()).signed).toEqual([]);

    await dialog.getByLabel('Lösenord till certifikatet').fill('hemligt-åäö');
    await dialog.getByRole('button', { name: 'Signera', exact: true }).click();
    await expect.poll(() => page.getByText('Ärendebladet är signerat och sparat i diariet.').count(), { timeout: 15_000 }).toBe(1);
    const signed = (await stored()).signed;
    expect(signed).toHaveLength(1);

    const list = page.getByRole('list', { name: 'Signerade versioner' });
    await expect.poll(() => list.getByText(/\(signerad\)/).count()).toBe(1);
    await list.getByRole('button', { name: 'Kontrollera' }).click();
    await expect.poll(() => page.getByRole('dialog').getByText('Kristina Ålgren', { exact: false }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('arendeblad-verify.png') });

    const doc = value(await session.api.call('documents.get', { id: signed[0]?.documentId ?? 0 }));
    expect(pdfsig(Buffer.from(doc.contentBase64, 'base64'))).toContain('Signature is Valid');
    expect(pageErrors).toEqual([]);
  });
  it('shows a bilaga being added until it is in the diarium, then points the bilaga at it', async () => {
    await page.goto(`${host.url}#/arendeblad`);
    await page.getByRole('button', { name: 'Nytt ärendeblad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt ärendeblad' });
    await dialog.getByRole('button', { name: /^Tomt ärendeblad/ }).click();
    await dialog.getByLabel('Rubrik').fill('Bilaga som tar tid');
    await dialog.getByRole('button', { name: 'Skapa ärendeblad' }).click();
    await page.getByRole('button', { name: 'Lägg till bilaga' }).click();

    // The host answers slowly, as it does for a large file.
    await page.route('**/api/documents.add', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    await page.locator('label:has-text("Ladda upp") input[type=file]').setInputFiles({
      name: 'handlingsplan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Handlingsplan för unga vuxna i Tierp.'),
    });
    await page.getByRole('status').filter({ hasText: 'Lägger till handlingsplan.txt i diariet …' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Lägger till handlingsplan.txt' }).waitFor({ state: 'detached' });
    await page.unroute('**/api/documents.add');
    await expect.poll(() => page.getByLabel('Handling i diariet').textContent()).toContain('handlingsplan');
    expect(pageErrors).toEqual([]);
  });
  it('writes "Beviljande av ansökan" for an ansökan picked in the dialog, in the ansökan\'s own ärende', async () => {
    const year = new Date().getFullYear() + 1;
    const a = await application(session, { name: 'Jobbspåret Enköping', years: [{ year, soughtKr: 240_000 }], owner: 'Enköpings kommun' });
    await page.goto(`${host.url}#/arendeblad`);
    await page.getByRole('button', { name: 'Nytt ärendeblad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt ärendeblad' });
    await dialog.getByRole('button', { name: /^Beviljande av ansökan/ }).click();
    await dialog.getByLabel('Ansökan').click();
    await page.getByRole('option', { name: new RegExp(`${a.diarienummer} Jobbspåret Enköping`) }).click();
    await expect.poll(() => dialog.getByLabel('Rubrik').inputValue()).toBe('Jobbspåret Enköping');
    await dialog.getByRole('button', { name: 'Skapa ärendeblad' }).click();

    await expect.poll(() => page.getByRole('dialog', { name: 'Nytt ärendeblad' }).count()).toBe(0);
    const after = value(await session.api.call('insatser.application', { id: a.id }));
    expect(after.arendebladId).not.toBeNull();
    expect(after.status).toBe('under_beredning');
    const blad = value(await session.api.call('arendeblad.get', { id: after.arendebladId as number }));
    // One case, one ärende: the ärendeblad sits in the ansökan's ärende, with its amount in the att-satser.
    expect(blad.arendeId).toBe(a.arendeId);
    expect(blad.content.forslag.punkter.join(' ').replace(/\s/gu, ' ')).toContain('240 000 kr');
    expect(page.url()).toContain(`#/arendeblad/${blad.id}`);
    expect(pageErrors).toEqual([]);
  });
});
