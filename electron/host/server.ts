import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiError, Envelope, ErrorCode } from '../../shared/contract/errors';
import type { Api } from '../services/api';
import { CONTENT_SECURITY_POLICY } from '../security';
import { cookieValue, CSRF_HEADER, LoginGate, SESSION_COOKIE } from './logins';
import { KansliError } from '../../shared/contract/errors';

/** Room for a 50 MB document as base64 in JSON (documents.add); anything larger is refused. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  UNKNOWN_METHOD: 404,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  PERSONAL_DATA: 422,
  DB_NOT_FOUND: 500,
  DB_NOT_KANSLI: 500,
  DB_CORRUPT: 500,
  DB_TOO_NEW: 500,
  DB_MISMATCH: 500,
  BUSY: 503,
  READ_ONLY: 409,
  DISK_FULL: 507,
  DISK_ERROR: 500,
  DB_AUTH: 500,
  DB_UNREACHABLE: 503,
  NOT_ON_SERVER: 422,
  FORBIDDEN: 403,
  INTERNAL: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (the PDF preview) is an ES module file.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface HostOptions {
  api: Api;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The API key; a new random one when not given. */
  token?: string;
  /**
   * A kansli server: each person logs in (their own server login) instead of one key, and
   * every call is made as them. `listen` is then the address to serve on (e.g. 0.0.0.0).
   */
  logins?: LoginGate;
  listen?: string;
  /** TLS for a kansli server (PEM); the session cookie is then Secure. */
  tls?: { cert: Buffer; key: Buffer };
}

export interface RunningHost {
  /** The address to open: the renderer with the session's key (`?nyckel=…`). */
  readonly url: string;
  /** The address without the key, e.g. http://127.0.0.1:5173/. */
  readonly origin: string;
  readonly port: number;
  /** The key every API call must carry (`Authorization: Bearer …`). */
  readonly token: string;
  close(): Promise<void>;
}

/** The query parameter that carries the key to the renderer, which keeps it for the session. */
export const TOKEN_PARAM = 'nyckel';

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

function sendEnvelope(res: http.ServerResponse, status: number, envelope: Envelope<unknown>, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...extra });
}

function sendError(res: http.ServerResponse, status: number, error: ApiError, extra: Record<string, string> = {}): void {
  sendEnvelope(res, status, { ok: false, error }, extra);
}

/** Only `application/json`, with no parameter but charset=utf-8: not json-patch, not text/plain, not a form. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** The caller's key from `Authorization: Bearer …`, compared in constant time. */
function hasToken(req: http.IncomingMessage, token: Buffer): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  return given.length === token.length && timingSafeEqual(given, token);
}

type Body = { ok: true; text: string } | { ok: false; status: 400 | 413 };

/**
 * The request body as UTF-8, at most MAX_BODY_BYTES. A larger body is answered with
 * 413 (declared by Content-Length, or found while reading) and the rest is read and
 * dropped, so the client gets the answer rather than a reset connection.
 */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve({ ok: false, status: 413 });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, status: 413 } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ ok: false, status: 400 }));
    req.on('aborted', () => resolve({ ok: false, status: 400 }));
  });
}

const TOO_LARGE: ApiError = {
  code: 'VALIDATION',
  message: `Anropet är för stort (högst ${MAX_BODY_BYTES / 1024 / 1024} MB). En handling får vara högst 50 MB.`,
};

/** POST /auth/login, /auth/logout and GET /auth/session of a kansli server. */
function authHandler(sameOrigin: (req: http.IncomingMessage) => boolean, secure: boolean) {
  const cookie = (value: string, maxAge: number) =>
    `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;

  return async function handleAuth(req: http.IncomingMessage, res: http.ServerResponse, action: string, loginGate: LoginGate): Promise<void> {
    if (!sameOrigin(req)) {
      req.resume();
      sendError(res, 403, { code: 'VALIDATION', message: 'Anropet kommer från en annan webbplats och avvisas.' });
      return;
    }
    const sessionId = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (action === 'session' && req.method === 'GET') {
      req.resume();
      const found = loginGate.session(sessionId);
      if (!found) sendError(res, 401, { code: 'DB_AUTH', message: 'Logga in för att använda Kansli.' });
      else sendEnvelope(res, 200, { ok: true, value: found.answer });
      return;
    }
    if (req.method !== 'POST' || !isJsonContentType(req.headers['content-type'])) {
      req.resume();
      sendError(res, 405, { code: 'VALIDATION', message: 'Inloggning görs med POST och JSON.' }, { Allow: 'POST' });
      return;
    }
    const body = await readBody(req, 4096);
    if (action === 'logout') {
      if (sessionId !== undefined) await loginGate.logout(sessionId);
      sendEnvelope(res, 200, { ok: true, value: null }, { 'Set-Cookie': cookie('', 0) });
      return;
    }
    if (action !== 'login' || !body.ok) {
      sendError(res, 404, { code: 'VALIDATION', message: 'Okänd adress.' });
      return;
    }
    let given: { login?: unknown; password?: unknown };
    try {
      given = JSON.parse(body.text) as { login?: unknown; password?: unknown };
    } catch {
      sendError(res, 400, { code: 'VALIDATION', message: 'Indata är inte giltig JSON.' });
      return;
    }
    if (typeof given.login !== 'string' || typeof given.password !== 'string' || given.login.length > 63 || given.password.length > 200) {
      sendError(res, 400, { code: 'VALIDATION', message: 'Ange användarnamn och lösenord.' });
      return;
    }
    try {
      const { answer, sessionId: id } = await loginGate.login(given.login.trim(), given.password, req.socket.remoteAddress ?? '?');
      sendEnvelope(res, 200, { ok: true, value: answer }, { 'Set-Cookie': cookie(id, 12 * 60 * 60) });
    } catch (err) {
      const error = err instanceof KansliError ? err.toApiError() : { code: 'INTERNAL' as const, message: 'Inloggningen misslyckades.' };
      sendError(res, error.code === 'FORBIDDEN' ? 429 : 401, error);
    }
  };
}

/**
 * Serves the renderer and the API on 127.0.0.1 only. A request must name this host in
 * its Host header (against DNS rebinding); an API call must carry the key made at start
 * (so another local user, process or web page cannot read or write the registers), come
 * from the same origin if it names one, and send JSON. No request can stop the host:
 * every handler's failure becomes an answer.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const staticRoot = path.resolve(options.staticDir);
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let allowedHosts = new Set<string>();
  const gate = options.logins;
  const scheme = options.tls ? 'https' : 'http';
  /** A kansli server is reached by whatever name the kansli's network gives it; a call must still come from the page it served. */
  const hostAllowed = (host: string | undefined) => gate !== undefined || allowedHosts.has(host ?? '');
  const sameOrigin = (req: http.IncomingMessage) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return gate !== undefined ? origin === `${scheme}://${req.headers.host ?? ''}` : allowedHosts.has(origin.replace(/^http:\/\//, ''));
  };
  const handleAuth = authHandler(sameOrigin, options.tls !== undefined);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      sendError(res, 405, { code: 'VALIDATION', message: 'API-anrop görs med POST.' }, { Allow: 'POST' });
      return;
    }
    if (!sameOrigin(req)) {
      req.resume();
      sendError(res, 403, { code: 'VALIDATION', message: 'Anropet kommer från en annan webbplats och avvisas.' });
      return;
    }
    let api = options.api;
    if (gate !== undefined) {
      const session = gate.session(cookieValue(req.headers.cookie, SESSION_COOKIE));
      if (!session) {
        req.resume();
        sendError(res, 401, { code: 'DB_AUTH', message: 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.' });
        return;
      }
      const csrf = req.headers[CSRF_HEADER];
      if (!LoginGate.csrfMatches(session, typeof csrf === 'string' ? csrf : undefined)) {
        req.resume();
        sendError(res, 403, { code: 'VALIDATION', message: 'Anropet saknar sessionens skydd mot förfalskade anrop (CSRF). Ladda om sidan.' });
        return;
      }
      api = session.person.api;
    } else if (!hasToken(req, tokenBytes)) {
      req.resume();
      sendError(
        res,
        401,
        {
          code: 'VALIDATION',
          message: 'Anropet saknar Kanslis nyckel. Öppna adressen som värden skrev ut (med ?nyckel=…), eller skicka nyckeln som Authorization: Bearer.',
        },
        { 'WWW-Authenticate': 'Bearer realm="Kansli"' },
      );
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume();
      sendError(res, 415, { code: 'VALIDATION', message: 'Anropet måste skickas som JSON (Content-Type: application/json).' });
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) {
      if (body.status === 413) sendError(res, 413, TOO_LARGE, { Connection: 'close' });
      else if (!res.destroyed) sendError(res, 400, { code: 'VALIDATION', message: 'Anropet avbröts innan det var helt mottaget.' });
      return;
    }
    let input: unknown;
    try {
      input = body.text.trim() === '' ? {} : JSON.parse(body.text);
    } catch {
      sendError(res, 400, { code: 'VALIDATION', message: 'Indata är inte giltig JSON.' });
      return;
    }
    const envelope = await api.dispatch(method, input);
    sendEnvelope(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Metoden stöds inte.', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      send(res, 400, 'Ogiltig adress.', 'text/plain; charset=utf-8');
      return;
    }
    if (decoded.includes('\0')) {
      send(res, 400, 'Ogiltig adress.', 'text/plain; charset=utf-8');
      return;
    }
    let file = path.resolve(staticRoot, `.${decoded}`);
    if (!file.startsWith(staticRoot + path.sep) && file !== staticRoot) {
      send(res, 404, 'Hittades inte.', 'text/plain; charset=utf-8');
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // The renderer routes with the hash; any other path gets the app itself.
      if (path.extname(file) !== '') {
        send(res, 404, 'Hittades inte.', 'text/plain; charset=utf-8');
        return;
      }
      file = path.join(staticRoot, 'index.html');
    }
    if (!fs.existsSync(file)) {
      send(res, 500, 'Gränssnittet är inte byggt. Kör: npm run build:renderer', 'text/plain; charset=utf-8');
      return;
    }
    const isHtml = file.endsWith('.html');
    send(res, 200, fs.readFileSync(file), MIME[path.extname(file)] ?? 'application/octet-stream', {
      'Cache-Control': isHtml ? 'no-store' : 'max-age=31536000, immutable',
      ...(isHtml ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
    });
  }

  function fail(res: http.ServerResponse, err: unknown): void {
    console.error('[kansli host]', err);
    if (!res.headersSent && !res.destroyed) sendError(res, 500, { code: 'INTERNAL', message: 'Ett oväntat fel inträffade i värden. Inget har sparats.' });
    else res.destroy();
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      if (!hostAllowed(req.headers.host)) {
        req.resume();
        send(res, 421, 'Fel värdnamn.', 'text/plain; charset=utf-8');
        return;
      }
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      } catch {
        req.resume();
        send(res, 400, 'Ogiltig adress.', 'text/plain; charset=utf-8');
        return;
      }
      const api = /^\/api\/([A-Za-z0-9_.-]+)$/.exec(pathname);
      if (api?.[1] !== undefined) {
        handleApi(req, res, api[1]).catch((err: unknown) => fail(res, err));
        return;
      }
      const auth = /^\/auth\/(login|logout|session)$/.exec(pathname);
      if (auth?.[1] !== undefined && gate !== undefined) {
        handleAuth(req, res, auth[1], gate).catch((err: unknown) => fail(res, err));
        return;
      }
      handleStatic(req, res, pathname);
    } catch (err) {
      fail(res, err);
    }
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(handler);
  // A malformed request line or header is answered 400 by Node; a broken socket is closed, never thrown.
  server.on('clientError', (_err, socket) => {
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 10 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, gate !== undefined ? (options.listen ?? '127.0.0.1') : '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `${scheme}://127.0.0.1:${port}/`;
  return {
    url: gate !== undefined ? origin : `${origin}?${TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await gate?.closeAll();
    },
  };
}
