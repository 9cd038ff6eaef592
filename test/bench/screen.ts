import { launchChromium } from '../helpers/browser';

/** Runs in the page: notes when Översikt first shows the number of members. */
const WATCH_FIGURES = `
  new MutationObserver(() => {
    if (window.kansliFiguresAt === undefined && /\\d/.test(document.querySelector('[data-testid=figure-members]')?.textContent ?? '')) {
      window.kansliFiguresAt = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/**
 * The first screen: from the address entered in a new browser context (nothing cached)
 * to Översikt showing the förbund's figures, in Debian's Chromium through the host.
 * The figure is the page's own clock (from the start of navigation); beside it, the
 * time as Playwright sees it, which adds its own round trips.
 */
export async function benchFirstScreen(url: string, stats: (s: number[]) => string): Promise<void> {
  const browser = await launchChromium();
  try {
    const inPage: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < 14; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'sv-SE' });
      const page = await context.newPage();
      await page.addInitScript(WATCH_FIGURES);
      const t = performance.now();
      await page.goto(url);
      await page.getByTestId('figure-members').filter({ hasText: /\d/ }).waitFor();
      const at = Number(await page.evaluate('window.kansliFiguresAt'));
      if (i > 1) {
        // the first runs warm the host and the disk cache
        inPage.push(at);
        outside.push(performance.now() - t);
      }
      await context.close();
    }
    console.log(`Översikt med data efter kallstart i Chromium genom värden: ${stats(inPage)} (mål < 500 ms); sett från Playwright ${stats(outside)}`);
  } finally {
    await browser.close();
  }
}
