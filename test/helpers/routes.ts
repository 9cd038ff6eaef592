import type { Page } from 'playwright-core';

/** Every screen and tab a user reaches from the menu, as the address after #/. */
export const ROUTES = [
  'oversikt',
  'arenden',
  'arendeblad',
  'sammantraden',
  'insatser',
  'insatser/insatser',
  'insatser/oversikt',
  'insatser/statistik',
  'verksamhetsplan',
  'arsredovisning',
  ...['medlemmar', 'styrelse', 'personer', 'grupper', 'delegation', 'forbundet', 'granskningslogg', 'sakerhetskopior'].map((t) => `register/${t}`),
  ...['medlemsavgifter', 'budget', 'utfall', 'beslutsutrymme', 'hushallning', 'delarsrapport', 'bokslut'].map((t) => `ekonomi/${t}`),
  ...['riskanalys', 'plan', 'avvikelser', 'rapport'].map((t) => `internkontroll/${t}`),
];

/**
 * Opens a screen by its address and waits until it has drawn with its data: the page is
 * quiet on the network and no progress bar is left in it (until then labels and tables are
 * not in their final place).
 */
export async function openScreen(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}#/${route}`);
  await page.locator('main').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction("!document.querySelector('main [role=progressbar]')");
  await page.waitForTimeout(150);
}
