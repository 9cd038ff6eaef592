import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from '../../electron/services/session';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { value } from '../helpers/envelope';
import { pdftotext } from '../helpers/pdf-tools';

let app: E2EApp;
let session: Session;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openApp(undefined, { width: 1280, height: 900 });
  ({ session, page, pageErrors } = app);
});

afterAll(() => closeApp(app));

describe('Verksamhetsplan in the browser', () => {
  it('writes a plan with a styrkort, is told what is missing, adopts it, and takes it to the board', async () => {
    await page.goto(`${app.host.url}#/verksamhetsplan`);
    await page.getByRole('button', { name: 'Ny verksamhetsplan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny verksamhetsplan' });
    await dialog.getByLabel('Första år').fill('2027');
    await dialog.getByLabel('Sista år').fill('2028');
    await dialog.getByLabel(/Ett styrkort med perspektiven/).check();
    await dialog.getByRole('button', { name: 'Skapa förslag' }).click();
    await page.getByRole('heading', { name: 'Verksamhetsplan 2027–2028' }).waitFor();
    await page.getByTestId('plan-problems').getByText('Planen har inga övergripande mål.').waitFor();

    await page.getByLabel('Vision').fill('Fler i Uppsala län når egen försörjning genom samordnad rehabilitering.');
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    const goal = page.getByTestId('mal');
    await goal.getByLabel('Mål 1', { exact: true }).fill('Att enskilda personer uppnår eller förbättrar sin förmåga att utföra förvärvsarbete');
    await goal.getByRole('button', { name: 'Lägg till mått' }).click();
    const matt = goal.getByTestId('matt');
    await matt.getByLabel('Mått', { exact: true }).fill('Andel avslutade deltagare till arbete eller studier');
    await matt.getByLabel('Enhet', { exact: true }).click();
    await page.getByRole('option', { name: 'Andel (%)' }).click();
    await matt.getByLabel('Målvärde').first().fill('35');
    await page.getByRole('button', { name: 'Spara' }).click();
    // 2028 has no target yet: the plan says so and cannot be adopted.
    await page
      .getByTestId('plan-problems')
      .getByText(/saknar målvärde för 2028/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Fastställ …' }).isDisabled()).toBe(true);

    await page.getByTestId('matt').getByLabel('Referens').nth(1).fill('rikssnittet 2026');
    await page.getByTestId('matt').getByLabel('Referensvärde').fill('33,5');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('plan-problems').waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('verksamhetsplan-editor.png'), fullPage: true });

    await page.getByRole('button', { name: 'Fastställ …' }).click();
    const adopt = page.getByRole('dialog', { name: /^Fastställ/ });
    await adopt.getByLabel('Beslutsdatum').fill('2026-11-19');
    await adopt.getByLabel('Paragraf').fill('§ 61');
    await adopt.getByRole('button', { name: 'Fastställ' }).click();
    await page.getByText('Fastställd 2026-11-19, § 61').waitFor();
    expect(await page.getByRole('button', { name: 'Lägg till mål' }).count()).toBe(0);

    const [plan] = value(await session.api.call('verksamhetsplan.list', {}));
    expect(plan).toMatchObject({ title: 'Verksamhetsplan 2027–2028', status: 'faststalld', adoptedOn: '2026-11-19', goalCount: 1 });
    const stored = value(await session.api.call('verksamhetsplan.get', { id: plan!.id }));
    expect(stored.content.goals[0]!.perspectiveId).toBe(stored.content.perspectives[0]!.id);
    expect(stored.content.goals[0]!.matt[0]!.targets).toEqual([
      { year: 2027, value: 35, text: '', reference: null },
      { year: 2028, value: null, text: '', reference: { label: 'rikssnittet 2026', value: 33.5 } },
    ]);

    // Måluppfyllelse for 2027: a value, the rule's suggestion, and a status against it only with a kommentar.
    await page.getByRole('tab', { name: 'Måluppfyllelse' }).click();
    const rad = page.getByTestId('uppfoljning-rad');
    await rad.getByLabel('Värde', { exact: true }).fill('28');
    await rad.getByLabel('Status', { exact: true }).click();
    await page.getByRole('option', { name: 'Uppfyllt', exact: true }).click();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(/går emot regeln \(28 % mot målet minst 35 %: delvis uppfyllt\.\)/).waitFor();
    await rad.getByLabel('Kommentar').fill('Två insatser startade sent; prognosen för helåret är 36 %.');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Alla mått är bedömda.').waitFor();
    await rad.getByText('Förslag: Delvis uppfyllt').waitFor();
    const uppfoljning = value(await session.api.call('maluppfyllelse.get', { planId: plan!.id, year: 2027 }));
    expect(uppfoljning.rows[0]).toMatchObject({ value: 28, status: 'uppfyllt', kommentar: 'Två insatser startade sent; prognosen för helåret är 36 %.' });
    await page.screenshot({ path: artifactPath('maluppfyllelse.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Planen' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF' }).click();
    const file = await (await download).path();
    const text = pdftotext(fs.readFileSync(file)).replace(/\s+/g, ' ');
    expect(text).toContain('Fastställd av förbundsstyrelsen 2026-11-19, § 61');
    expect(text).toContain('minst som rikssnittet 2026 (33,5 %)');

    await page.getByRole('button', { name: 'Skriv ärendeblad till styrelsen' }).click();
    await page.getByText('är skrivet, med planen som bilaga 1').waitFor();
    expect(page.url()).toMatch(/#\/arendeblad\/\d+$/);
    expect(value(await session.api.call('verksamhetsplan.get', { id: plan!.id })).arendebladId).not.toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
