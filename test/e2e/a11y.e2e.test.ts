import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, openApp, type E2EApp } from '../helpers/app';
import { openScreen, ROUTES } from '../helpers/routes';

/** axe-core's own script, run in the page by the test (not shipped with the app). */
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let app: E2EApp;

beforeAll(async () => {
  app = await openApp(undefined, { width: 1280, height: 900 }, 'full-demo');
});

afterAll(() => closeApp(app));

describe('accessibility', () => {
  it('has no serious or critical axe-core violation (WCAG 2.1 A and AA) on any screen', async () => {
    const page = app.page;
    const found: string[] = [];
    for (const route of ROUTES) {
      await openScreen(page, app.host.url, route);
      const violations = (await page.evaluate(`(async () => {
        if (!window.axe) { ${AXE}; }
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
      })()`)) as Violation[];
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${route}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });
});
