import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { firstOf, value } from '../helpers/envelope';

let app: E2EApp;
let session: Session;
let page: Page;
let pageErrors: string[];
const YEAR = new Date().getFullYear();
const NAME = 'Arbetsträning Heby';

beforeAll(async () => {
  app = await openApp();
  ({ session, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

describe('ansökan to insats in the browser', () => {
  it('registers an application, works through the beredning, grants it and shows the insats', async () => {
    await page.goto(`${app.host.url}#/insatser`);
    await page.getByRole('button', { name: 'Ny ansökan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny ansökan' });
    await dialog.getByLabel('Insatsens namn').fill(NAME);
    await dialog.getByRole('checkbox', { name: 'Heby kommun' }).check();
    await dialog.getByRole('checkbox', { name: 'Arbetsförmedlingen' }).check();
    await dialog.getByLabel('Insatsägare').click();
    await page.getByRole('option', { name: 'Heby kommun' }).click();
    await dialog.getByLabel('Syfte').fill('att fler unga vuxna i Heby närmar sig arbete');
    await dialog.getByLabel('Period från').fill(`${YEAR}-01-01`);
    await dialog.getByLabel('Period till').fill(`${YEAR}-12-31`);
    await dialog.getByLabel(`Sökt ${YEAR}`).fill('180 000');
    await dialog.getByRole('checkbox', { name: 'Deltagarna registreras i SUS' }).check();
    await dialog.getByRole('checkbox', { name: 'Alla parter i lokusgruppen står bakom ansökan' }).check();
    await page.screenshot({ path: artifactPath('ansokan-dialog.png') });
    await dialog.getByRole('button', { name: 'Registrera ansökan' }).click();

    await expect.poll(() => page.getByRole('heading', { name: NAME }).count()).toBe(1);
    const list = value(await session.api.call('insatser.applications', {}));
    const stored = firstOf(list.filter((a) => a.name === NAME));
    expect(stored).toMatchObject({ status: 'inkommen', soughtTotalKr: 180_000, ownerName: 'Heby kommun' });

    const beredning = page.getByRole('region', { name: 'Beredning' });
    // The radio shows the answer once the server has saved it, so click and wait for the saved state.
    await beredning.getByRole('radio', { name: 'Ja' }).first().click();
    await expect.poll(async () => value(await session.api.call('insatser.application', { id: stored.id })).status).toBe('under_beredning');

    const beslut = page.getByRole('region', { name: 'Beslut' });
    // The proposal to the board first: once written, the button gives way to a link to it.
    await beslut.getByRole('button', { name: 'Skriv ärendeblad till styrelsen' }).click();
    await expect.poll(() => beslut.getByRole('button', { name: 'Öppna ärendebladet till styrelsen' }).count()).toBe(1);
    expect(await beslut.getByRole('button', { name: 'Skriv ärendeblad till styrelsen' }).count()).toBe(0);
    const proposed = value(await session.api.call('insatser.application', { id: stored.id }));
    expect(proposed.arendebladId).not.toBeNull();
    await beslut.getByRole('button', { name: 'Registrera beslut' }).click();
    await expect.poll(() => beslut.getByText(/^Beviljad \d{4}-\d{2}-\d{2} av styrelsen/).count()).toBe(1);
    await page.screenshot({ path: artifactPath('ansokan-beviljad.png'), fullPage: true });
    // The decision used the ärendeblad already written, not a second one.
    expect(value(await session.api.call('insatser.application', { id: stored.id })).decision?.arendebladId).toBe(proposed.arendebladId);
    await beslut.getByRole('button', { name: 'Öppna insatsen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: NAME }).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: 'Budget och utfall' }).getByText('180 000 kr').count()).toBeGreaterThan(0);

    // Follow-up in the insats view: a rekvisition, then the year's overview.
    const rekvisitioner = page.getByRole('region', { name: 'Rekvisitioner' });
    await rekvisitioner.getByLabel('Belopp').fill('45 000');
    await rekvisitioner.getByLabel('Avser från').fill(`${YEAR}-01-01`);
    await rekvisitioner.getByLabel('Avser till').fill(`${YEAR}-03-31`);
    await rekvisitioner.getByRole('button', { name: 'Lägg till' }).click();
    // Paid out but not yet in the books: the rekvisition and the difference show, the utfall follows the books.
    const economy = page.getByRole('table', { name: 'Budget och utfall' });
    await expect.poll(() => economy.getByText('45 000 kr').count()).toBe(2);
    const insatsId = value(await session.api.call('insatser.list', {})).find((i) => i.name === NAME)!.id;
    value(await session.api.call('utfall.save', { bookedOn: `${YEAR}-03-31`, post: 'samverkan_individ', amountKr: 45_000, insatsId }));
    await page.reload();
    await expect.poll(() => economy.getByText('25,0 %').count()).toBe(1);
    // How the årsredovisning reports it: individinriktad starts as projekt; the kansli makes it långsiktig samverkan.
    await page.getByLabel('Redovisas som').click();
    await page.getByRole('option', { name: 'Långsiktig samverkan' }).click();
    await page.getByText('Insatsen redovisas nu som långsiktig samverkan i årsredovisningen.').waitFor();
    expect(value(await session.api.call('insatser.detail', { id: insatsId })).form).toBe('langsiktig');
    await page.screenshot({ path: artifactPath('insats.png'), fullPage: true });
    await page.goto(`${app.host.url}#/insatser/oversikt`);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: `Insatser ${YEAR}` })
          .getByText(NAME)
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: artifactPath('insatser-oversikt.png'), fullPage: true });

    const insatser = value(await session.api.call('insatser.list', {}));
    expect(insatser.find((i) => i.name === NAME)).toMatchObject({ budgetTotalKr: 180_000, kategori: 'individ' });
    expect(pageErrors).toEqual([]);
  });
  it('registers an ansökan from the inkommande ärende in the diarium, in that ärende', async () => {
    const inkommen = value(
      await session.api.call('arenden.save', { title: 'Ansökan om medel, Håbo', kind: 'inkommande', status: 'oppet', receivedOn: `${YEAR}-02-03` }),
    );
    const arenden = value(await session.api.call('arenden.list', {})).length;
    await page.goto(`${app.host.url}#/arenden/${inkommen.id}`);
    await page.getByRole('button', { name: 'Registrera som ansökan …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny ansökan' });
    await expect.poll(() => dialog.getByLabel('Ärende i diariet').textContent()).toContain(inkommen.diarienummer);
    expect(await dialog.getByLabel('Inkom').inputValue()).toBe(`${YEAR}-02-03`);
    await dialog.getByLabel('Insatsens namn').fill('Arbetsnära stöd Håbo');
    await dialog.getByRole('checkbox', { name: 'Håbo kommun' }).check();
    await dialog.getByRole('checkbox', { name: 'Försäkringskassan' }).check();
    await dialog.getByLabel('Insatsägare').click();
    await page.getByRole('option', { name: 'Håbo kommun' }).click();
    await dialog.getByLabel('Period från').fill(`${YEAR}-03-01`);
    await dialog.getByLabel('Period till').fill(`${YEAR}-12-31`);
    await dialog.getByLabel(`Sökt ${YEAR}`).fill('90 000');
    await dialog.getByRole('button', { name: 'Registrera ansökan' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Arbetsnära stöd Håbo' }).count()).toBe(1);
    expect(await page.getByText(`Dnr ${inkommen.diarienummer}`).count()).toBe(1);
    // One case, one ärende: nothing new in the diarium.
    expect(value(await session.api.call('arenden.list', {})).length).toBe(arenden);
    expect(pageErrors).toEqual([]);
  });
});
