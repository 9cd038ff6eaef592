import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiError, Envelope, ErrorCode } from '../../shared/contract/errors';
import type { Api } from '../services/api';
import { CONTENT_SECURITY_POLICY } from '../security';

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
  INTERNAL: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
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
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

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

function sendEnvelope(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function sendError(res: http.ServerResponse, status: number, error: ApiError): void {
  sendEnvelope(res, status, { ok: false, error });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Serves the renderer and the API on 127.0.0.1 only. A request must name this
 * host in its Host header (against DNS rebinding) and, for the API, come from
 * the same origin with a JSON body (so another site's page cannot post to it).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const staticRoot = path.resolve(options.staticDir);
  let allowedHosts = new Set<string>();

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      sendError(res, 405, { code: 'VALIDATION', message: 'API-anrop görs med POST.' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      sendError(res, 403, { code: 'VALIDATION', message: 'Anropet kommer från en annan webbplats och avvisas.' });
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(res, 415, { code: 'VALIDATION', message: 'Anropet måste skickas som JSON (Content-Type: application/json).' });
      return;
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      sendError(res, 413, { code: 'VALIDATION', message: 'Anropet är för stort.' });
      return;
    }
    let input: unknown;
    try {
      input = raw.trim() === '' ? {} : JSON.parse(raw);
    } catch {
      sendError(res, 400, { code: 'VALIDATION', message: 'Indata är inte giltig JSON.' });
      return;
    }
    const envelope = await options.api.call(method, input);
    sendEnvelope(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Metoden stöds inte.', 'text/plain; charset=utf-8');
      return;
    }
    let file = path.resolve(staticRoot, `.${decodeURIComponent(pathname)}`);
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

  const server = http.createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      send(res, 421, 'Fel värdnamn.', 'text/plain; charset=utf-8');
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z0-9_.-]+)$/.exec(pathname);
    if (api?.[1] !== undefined) {
      handleApi(req, res, api[1]).catch((err: unknown) => {
        console.error('[kansli host]', err);
        if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Ett oväntat fel inträffade i värden.' });
      });
      return;
    }
    handleStatic(req, res, pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
