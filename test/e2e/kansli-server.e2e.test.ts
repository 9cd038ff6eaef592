import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openServerSession } from '../../electron/services/server-session';
import { artifactPath, launchChromium } from '../helpers/browser';
import { value } from '../helpers/envelope';
import { ENGINES, newServerDatabase } from '../helpers/engines';
import { startHostProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * The browser host as a kansli server (issue 18): `npm run host -- --db postgres://… --listen
 * ADDRESS`, each person logging in with their own server login, a session cookie and a
 * CSRF token, failed logins slowed and then refused for a while, and every call made as
 * the person (their role, their name in the log).
 */
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'ett långt lösenord för tåget';

describe.skipIf(!ENGINES.includes('postgres'))('a kansli server with logins', () => {
  it('lets a person log in, work as themselves and log out; refuses forged calls and a run of wrong passwords', { timeout: 120_000 }, async () => {
    const url = await newServerDatabase();
    const owner = await openServerSession(url, { create: 'demo', appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
    value(await owner.api.call('users.save', { login: 'hanna.h', name: 'Hanna Holm', role: 'handlaggare', password: PASSWORD }));
    value(await owner.api.call('users.save', { login: 'lars.l', name: 'Lars Ek', role: 'lasare', password: PASSWORD }));
    const host = await startHostProcess(url, tempDir(), ['--listen', '127.0.0.1', '--no-backups']);
    const browser = await launchChromium();
    try {
      // Without a session the API answers 401 and the key of the local host is no way in.
      const bare = await fetch(`${host.origin}api/arenden.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(bare.status).toBe(401);
      const withKey = await host.call('arenden.list', {});
      expect(withKey.ok).toBe(false);

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.origin);
      await page.getByRole('heading', { name: 'Logga in på Kansli' }).waitFor();
      await page.getByLabel('Användarnamn').fill('hanna.h');
      await page.getByLabel('Lösenord').fill('fel lösenord');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect.poll(() => page.getByTestId('login-fel').textContent()).toMatch(/Fel användarnamn eller lösenord/);
      const serious = (await page.evaluate(`(async () => {
        if (!window.axe) { ${AXE}; }
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.help);
      })()`)) as string[];
      expect(serious).toEqual([]);
      await page.screenshot({ path: artifactPath('kansliserver-inloggning.png') });

      await page.getByLabel('Användarnamn').fill('hanna.h');
      await page.getByLabel('Lösenord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect.poll(() => page.getByTestId('forbund-name').textContent()).toMatch(/Samordningsförbundet/);
      await expect.poll(() => page.locator('.k-user').textContent()).toBe('Hanna Holm (hanna.h), handläggare');
      await page.screenshot({ path: artifactPath('kansliserver-inloggad.png') });
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'kansli_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

      // A call from the page without the session's CSRF token is refused; with it, it is made as Hanna.
      const forged = (await page.evaluate(`fetch('api/arenden.save', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Förfalskad', kind: 'inkommande' }) }).then((r) => r.status)`)) as number;
      expect(forged).toBe(403);
      await page.reload();
      await expect.poll(() => page.locator('.k-user').textContent()).toBe('Hanna Holm (hanna.h), handläggare');

      // A script logs in as a person: each call carries the cookie and the CSRF token, and is made as them.
      const as = async (login: string) => {
        const res = await fetch(`${host.origin}auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ login, password: PASSWORD }),
        });
        const me = (await res.json()) as { ok: true; value: { csrf: string; role: string } };
        const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        return (method: string, input: unknown) =>
          fetch(`${host.origin}api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Kansli-CSRF': me.value.csrf },
            body: JSON.stringify(input),
          });
      };
      const hanna = await as('hanna.h');
      const saved = await hanna('arenden.save', { title: 'Skrivelse från Tierps kommun', kind: 'inkommande', year: 2031 });
      expect(saved.status).toBe(200);
      const logged = value(await owner.api.call('audit.list', { limit: 1 }))[0];
      expect(logged?.actor).toBe('Hanna Holm (hanna.h)');
      const lars = await as('lars.l');
      const refused = await lars('arenden.save', { title: 'Får inte', kind: 'inkommande', year: 2031 });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Som läsare får du inte ändra något/);
      expect((await lars('arenden.list', {})).status).toBe(200);

      // Logging out ends the session: the same cookie no longer opens the API.
      const sessionCookie = (await page.context().cookies()).find((c) => c.name === 'kansli_session')?.value ?? '';
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('heading', { name: 'Logga in på Kansli' }).waitFor();
      const afterLogout = await fetch(`${host.origin}api/arenden.list`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `kansli_session=${sessionCookie}` },
        body: '{}',
      });
      expect(afterLogout.status).toBe(401);

      // A run of wrong passwords for one login: the next try is refused for a while, even with the right one.
      const tryLogin = (password: string) =>
        fetch(`${host.origin}auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ login: 'lars.l', password }),
        });
      for (let i = 0; i < 5; i++) expect((await tryLogin(`fel ${i}`)).status).toBe(401);
      const locked = await tryLogin(PASSWORD);
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/För många misslyckade inloggningar/);
    } finally {
      await browser.close();
      await host.stop();
      await owner.close();
    }
  });
});
