import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { RENDERER_DIST } from '../../electron/host/node-paths';
import type { Session } from '../../electron/services/session';
import { count, demoSession } from '../helpers/session';

let host: RunningHost;
let session: Session;

beforeAll(async () => {
  session = demoSession();
  host = await startHost({ api: session.api, staticDir: RENDERER_DIST });
});

afterAll(async () => {
  await host.close();
  session.close();
});

/** A raw request, so tests can set Host and Origin as an attacker would. */
function request(method: string, pathname: string, opts: { body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: pathname, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = { 'Content-Type': 'application/json' };

describe('browser host', () => {
  it('listens on loopback and answers API calls with the envelope', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${host.url}api/members.list`, { method: 'POST', headers: json, body: '{}' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { name: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(11);
  });

  it('rejects bad input with the typed error and writes nothing', async () => {
    const before = count(session, 'members');
    const res = await fetch(`${host.url}api/members.save`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Sala kommun', kind: 'kommun', orgNr: 'fel' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/tio siffror/) } });
    expect(count(session, 'members')).toBe(before);
  });

  it('answers unknown methods with 404 and broken JSON with 400', async () => {
    expect((await fetch(`${host.url}api/members.drop`, { method: 'POST', headers: json, body: '{}' })).status).toBe(404);
    const broken = await fetch(`${host.url}api/members.save`, { method: 'POST', headers: json, body: '{"name":' });
    expect([broken.status, ((await broken.json()) as { error: { message: string } }).error.message]).toEqual([400, 'Indata är inte giltig JSON.']);
  });

  it('refuses other host names (DNS rebinding), other origins and non-JSON posts', async () => {
    const body = '{}';
    expect((await request('POST', '/api/members.list', { body, headers: { ...json, Host: 'evil.example' } })).status).toBe(421);
    const cross = await request('POST', '/api/members.list', { body, headers: { ...json, Origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    const form = await request('POST', '/api/members.list', { body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const sameOrigin = await request('POST', '/api/members.list', { body, headers: { ...json, Origin: host.url.replace(/\/$/, '') } });
    expect(sameOrigin.status).toBe(200);
  });

  it('serves the renderer with a Content-Security-Policy and nothing outside its folder', async () => {
    const index = await request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request('GET', '/#/register')).status).toBe(200);
    expect((await request('GET', '/../../package.json')).status).toBe(404);
    expect((await request('GET', `/%2e%2e/${path.basename(process.cwd())}/package.json`)).status).toBe(404);
    expect((await request('GET', '/saknas.js')).status).toBe(404);
  });
});
