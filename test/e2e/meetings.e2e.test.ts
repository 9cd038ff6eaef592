import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server';
import type { Session } from '../../electron/services/session';
import type { Arendeblad } from '../../shared/contract/schemas/arendeblad';
import type { MeetingView } from '../../shared/contract/schemas/meetings';
import { makeTestCertificate } from '../helpers/certs';
import { tempDir } from '../helpers/temp';
import { formatDate } from '../../shared/format/sv';
import { addDays } from '../../shared/domain/justering';
import { createFilled } from '../helpers/arendeblad';
import { ensureBoardOn } from '../helpers/meetings';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { value } from '../helpers/envelope';
import { pdftotext } from '../helpers/pdf-tools';

let app: E2EApp;
let session: Session;
let host: RunningHost;
let page: Page;
let pageErrors: string[];
const blad: Arendeblad[] = [];
const TODAY = formatDate(new Date());
/** A meeting three days ago, so it can be justerad today. */
const HELD_ON = addDays(TODAY, -3);

beforeAll(async () => {
  app = await openApp(async (s) => {
    await ensureBoardOn(s, HELD_ON);
    blad.push(await createFilled(s, 'arsredovisning'), await createFilled(s, 'tillaggsansokan'));
  });
  ({ session, host, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

async function stored(): Promise<MeetingView> {
  const list = value(await session.api.call('meetings.list', {}));
  const m = list.find((x) => x.heldOn === HELD_ON);
  if (!m) throw new Error('sammanträdet finns inte');
  return value(await session.api.call('meetings.get', { id: m.id }));
}

describe('sammanträden in the browser', () => {
  it('creates a meeting, puts ärendeblad on the dagordning, orders it by dragging, and builds the packet', async () => {
    await page.goto(`${host.url}#/sammantraden`);
    await page.getByRole('button', { name: 'Nytt sammanträde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt sammanträde' });
    await dialog.getByLabel('Datum').fill(HELD_ON);
    await dialog.getByLabel('Plats').fill('Kansliet, Dragarbrunnsgatan 1, Uppsala');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Förbundsstyrelsen ${HELD_ON}` }).count()).toBe(1);

    // Two quick clicks while the server is slow: each is saved after the other, neither lost.
    await page.route('**/api/meetings.saveAgenda', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    const candidates = page.getByRole('list', { name: 'Ärendeblad att ta upp' });
    for (const b of blad) await candidates.getByRole('button', { name: `Lägg till ${b.rubrik}` }).click();
    await expect.poll(async () => (await stored()).items.filter((i) => i.arendeId !== null).map((i) => i.arendeId)).toEqual(blad.map((b) => b.arendeId));
    await page.unroute('**/api/meetings.saveAgenda');

    // Drag the tilläggsansökan above the årsredovisning.
    const agenda = page.getByRole('list', { name: 'Dagordning' });
    await agenda.getByText(`9. ${blad[1]?.rubrik}`).dragTo(agenda.getByText(`8. ${blad[0]?.rubrik}`));
    await expect
      .poll(async () => (await stored()).items.filter((i) => i.arendeId !== null).map((i) => i.arendeId))
      .toEqual([blad[1]?.arendeId, blad[0]?.arendeId]);
    await page.screenshot({ path: artifactPath('sammantrade-dagordning.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Skapa utskick (PDF)' }).click();
    const file = await (await download).path();
    const text = pdftotext(fs.readFileSync(file));
    expect(text).toContain('Kallelse till sammanträde med förbundsstyrelsen');
    expect(text.indexOf(blad[1]?.rubrik ?? '?')).toBeLessThan(text.lastIndexOf(blad[0]?.rubrik ?? '?'));
    expect(text).toMatch(/Sida 1 av \d+/);
    expect(pageErrors).toEqual([]);
  });

  it('writes the protokoll, sends it for justering, and the three sign it in order', async () => {
    await page.getByRole('button', { name: 'Skriv protokoll' }).click();
    const panel = page.getByRole('region', { name: 'Protokoll' });
    await panel.getByLabel('Sekreterare').fill('Kristina Almgren');
    await panel.getByLabel('Justerare').click();
    await page.getByRole('option', { name: 'Peter Holmgren' }).click();
    await page.keyboard.press('Escape');
    await panel.getByLabel('Justeringsdag').fill(TODAY);
    // The year's § numbering: continued from earlier meetings, and given by hand when the year began before Kansli.
    const first = panel.getByLabel('Första §');
    const continued = Number(await first.inputValue());
    expect(continued).toBeGreaterThan(0);
    await first.fill(String(continued + 20));
    await panel.getByText(`§ ${continued + 20} Mötets öppnande`).waitFor();
    await panel.getByRole('button', { name: 'Spara protokollet' }).click();
    await panel.getByText('Första § är angiven för detta sammanträde').waitFor();
    const saved = value(await session.api.call('protokoll.get', { meetingId: (await stored()).id })).protokoll;
    expect(saved?.items[0]?.paragraph).toBe(continued + 20);
    await panel.getByRole('button', { name: 'Skicka för justering' }).click();
    // Locking is asked first.
    const ask = page.getByRole('dialog', { name: 'Skicka protokollet för justering?' });
    expect(await ask.textContent()).toContain('Protokollet låses och kan inte längre ändras');
    await ask.getByRole('button', { name: 'Skicka för justering' }).click();
    await expect.poll(() => panel.getByText('För justering (låst)').count()).toBe(1);
    // The dagordning is shown as locked, with nothing left to drag, remove or add.
    await page.getByText('Protokollet är skickat för justering eller justerat; dagordningen kan inte längre ändras.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Ny punkt' }).count()).toBe(0);
    expect(
      await page
        .getByRole('list', { name: 'Dagordning' })
        .getByRole('button', { name: /Ta bort/ })
        .count(),
    ).toBe(0);
    await page.screenshot({ path: artifactPath('protokoll-justering.png'), fullPage: true });

    for (const [name, role] of [
      ['Kristina Almgren', 'sekreterare'],
      ['Johanna Ek', 'ordförande'],
      ['Peter Holmgren', 'justerare'],
    ] as const) {
      const cert = makeTestCertificate(tempDir(), { commonName: name, organization: 'Samordningsförbundet Uppsala län', password: 'lösen', days: 30 });
      await panel.getByRole('button', { name: `Signera som ${role} (${name}) …` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Certifikatfil').setInputFiles(cert.p12Path);
      await dialog.getByLabel('Lösenord till certifikatet').fill('lösen');
      await dialog.getByRole('button', { name: 'Signera', exact: true }).click();
      await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);
    }
    await expect.poll(() => panel.getByText('Justerat och anslaget').count()).toBe(1);
    await expect.poll(() => panel.getByRole('button', { name: 'Öppna anslagsbeviset' }).count()).toBe(1);
    const m = await stored();
    const p = value(await session.api.call('protokoll.get', { meetingId: m.id })).protokoll;
    expect(p?.signingOrder.every((x) => x.signed)).toBe(true);
    await page.screenshot({ path: artifactPath('protokoll-justerat.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
