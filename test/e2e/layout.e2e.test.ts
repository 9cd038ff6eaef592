import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { artifactPath } from '../helpers/browser';
import { openScreen, ROUTES } from '../helpers/routes';

let app: E2EApp;

beforeAll(async () => {
  app = await openApp(undefined, { width: 1280, height: 720 }, 'full-demo');
});

afterAll(() => closeApp(app));

describe('a kansli laptop', () => {
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    it(`shows every screen at ${width} × ${height} without scrolling sideways`, async () => {
      const page = app.page;
      await page.setViewportSize({ width, height });
      const wide: string[] = [];
      for (const route of ROUTES) {
        await openScreen(page, app.host.url, route);
        const { scroll, client, cut } = (await page.evaluate(`({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          // A field's label cut short ("Folkmängd 1 …"): its text is wider than its box.
          cut: [...document.querySelectorAll('main label')].filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent ?? ''),
        })`)) as { scroll: number; client: number; cut: string[] };
        if (scroll > client) wide.push(`${route}: ${scroll} px`);
        for (const label of cut) wide.push(`${route}: etiketten ”${label}” är avklippt`);
        if (scroll > client || cut.length > 0) await page.screenshot({ path: artifactPath(`bred-${width}-${route.replace('/', '-')}.png`) });
      }
      expect(wide).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    });
  }
});
