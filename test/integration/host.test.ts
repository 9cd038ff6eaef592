import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startHost, type RunningHost } from '../../electron/host/server';
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

let json: Record<string, string>;
beforeAll(() => {
  json = { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` };
});

describe('browser host', () => {
  it('listens on loopback and answers API calls with the envelope', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?nyckel=[A-Za-z0-9_-]{43}$/);
    const res = await fetch(`${host.origin}api/members.list`, { method: 'POST', headers: json, body: '{}' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { name: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(11);
  });

  it('rejects bad input with the typed error and writes nothing', async () => {
    const before = count(session, 'members');
    const res = await fetch(`${host.origin}api/members.save`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Sala kommun', kind: 'kommun', orgNr: 'fel' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/tio siffror/) } });
    expect(count(session, 'members')).toBe(before);
  });

  it('answers unknown methods with 404 and broken JSON with 400', async () => {
    expect((await fetch(`${host.origin}api/members.drop`, { method: 'POST', headers: json, body: '{}' })).status).toBe(404);
    const broken = await fetch(`${host.origin}api/members.save`, { method: 'POST', headers: json, body: '{"name":' });
    expect([broken.status, ((await broken.json()) as { error: { message: string } }).error.message]).toEqual([400, 'Indata är inte giltig JSON.']);
  });

  it('refuses other host names (DNS rebinding), other origins and non-JSON posts', async () => {
    const body = '{}';
    expect((await request('POST', '/api/members.list', { body, headers: { ...json, Host: 'evil.example' } })).status).toBe(421);
    const cross = await request('POST', '/api/members.list', { body, headers: { ...json, Origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    const form = await request('POST', '/api/members.list', { body: 'a=1', headers: { ...json, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const sameOrigin = await request('POST', '/api/members.list', { body, headers: { ...json, Origin: host.origin.replace(/\/$/, '') } });
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

  it('answers the API only to a caller with the key made at start', async () => {
    const before = count(session, 'members');
    const save = JSON.stringify({ name: 'Sala kommun', kind: 'kommun', orgNr: '212000-2080' });
    const attempts: Record<string, string>[] = [
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json', Authorization: 'Bearer fel-nyckel' },
      { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}x` },
      { 'Content-Type': 'application/json', Authorization: host.token },
    ];
    for (const headers of attempts) {
      const read = await request('POST', '/api/members.list', { body: '{}', headers });
      expect(read.status).toBe(401);
      expect(JSON.parse(read.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/saknar Kanslis nyckel/) } });
      expect((await request('POST', '/api/members.save', { body: save, headers })).status).toBe(401);
    }
    expect(count(session, 'members')).toBe(before);
  });

  it('takes only JSON: not json-patch, not text/plain, not a missing type', async () => {
    for (const type of ['application/json-patch+json', 'text/plain', 'application/jsonp', 'application/json; charset=latin1', '']) {
      const res = await request('POST', '/api/members.list', { body: '{}', headers: { ...json, 'Content-Type': type } });
      expect([type, res.status]).toEqual([type, 415]);
    }
    for (const type of ['application/json', 'Application/JSON; charset=UTF-8', 'application/json;charset="utf-8"']) {
      expect((await request('POST', '/api/members.list', { body: '{}', headers: { ...json, 'Content-Type': type } })).status).toBe(200);
    }
  });

  it('answers an oversized body with the Swedish 413, not a reset connection', async () => {
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/documents.add', headers: { ...json, 'Content-Length': String(MAX_BODY_BYTES + 1) } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{"arendeId":1,');
      setTimeout(() => req.destroy(), 2000);
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/för stort/) } });

    // Sent in chunks with no declared length: read to the end, then refused.
    const chunked = await fetch(`${host.origin}api/documents.add`, {
      method: 'POST',
      headers: json,
      body: Buffer.alloc(MAX_BODY_BYTES + 1024 * 1024, 0x41),
    });
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { message: string } }).error.message).toMatch(/för stort/);
    expect((await fetch(`${host.origin}api/members.list`, { method: 'POST', headers: json, body: '{}' })).status).toBe(200);
  });

  it('survives malformed paths, bodies and headers, and still answers', async () => {
    const statuses: number[] = [];
    // The request that used to stop the host: a broken percent-escape in a static path.
    for (const p of [
      '/%E0%A4%A',
      '/%',
      '/%ZZ',
      '/..%2f..%2fetc%2fpasswd',
      '/%00',
      '//',
      '///x',
      '/api/',
      '/api/%E0%A4%A',
      '/index.html/..',
      `/${'a'.repeat(8000)}`,
    ]) {
      statuses.push((await request('GET', p)).status);
    }
    expect(statuses.every((s) => s >= 200 && s < 500)).toBe(true);
    expect((await request('GET', '/%E0%A4%A')).status).toBe(400);

    for (const body of ['{', '[]', 'null', '"x"', '{"__proto__":{"a":1}}', '\u0000\u0001', '{"a":'.repeat(5000), '\uFFFD'.repeat(10)]) {
      const res = await request('POST', '/api/members.save', { body, headers: json });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false });
    }
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      expect((await request(method, '/api/members.list', { headers: json })).status).toBe(405);
    }
    // Raw bytes that are not HTTP at all, a header with a NUL, and a half-sent request.
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(host.port, '127.0.0.1', () => socket.end(text));
        let got = '';
        socket.on('data', (d) => (got += d.toString('latin1')));
        socket.on('close', () => resolve(got));
        socket.on('error', () => resolve(got));
      });
    expect(await raw('NONSENSE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Bad: a\u0000b\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    await raw(
      `POST /api/members.save HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${host.token}\r\nContent-Length: 100\r\n\r\n{"na`,
    );

    const after = await fetch(`${host.origin}api/members.list`, { method: 'POST', headers: json, body: '{}' });
    expect(after.status).toBe(200);
    expect((await request('GET', '/')).status).toBe(200);
  });
});
