import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { RENDERER_DIST } from '../../electron/host/node-paths';
import type { Session } from '../../electron/services/session';
import { launchChromium } from './browser';
import { demoSession, fullDemoSession } from './session';

/** The real renderer on the real host over a fresh demo (or empty) database, in Chromium. */
export interface E2EApp {
  session: Session;
  host: RunningHost;
  browser: Browser;
  page: Page;
  /** Uncaught errors and console errors (a refused call's 4xx excepted: the tests read the message). */
  pageErrors: string[];
}

export async function openApp(
  prepare?: (session: Session) => Promise<void>,
  viewport: { width: number; height: number } = { width: 1440, height: 1000 },
  seed: 'demo' | 'empty' | 'full-demo' = 'demo',
): Promise<E2EApp> {
  if (!fs.existsSync(`${RENDERER_DIST}/index.html`)) throw new Error('Gränssnittet är inte byggt: kör npm run build:renderer först.');
  // 'demo' is the registers and diarium the tests build on; 'full-demo' what a user gets on first start.
  const session = seed === 'full-demo' ? await fullDemoSession() : demoSession(seed);
  await prepare?.(session);
  const host = await startHost({ api: session.api, staticDir: RENDERER_DIST });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport, locale: 'sv-SE', acceptDownloads: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) pageErrors.push(msg.text());
  });
  return { session, host, browser, page, pageErrors };
}

export async function closeApp(app: E2EApp | undefined): Promise<void> {
  await app?.browser.close();
  await app?.host.close();
  app?.session.close();
}
