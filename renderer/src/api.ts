import type { KansliBridge } from '../../shared/bridge';
import { isApiError, type ApiError, type Envelope, type FieldIssue } from '../../shared/contract/errors';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract/methods';

declare global {
  interface Window {
    /** Present in the Electron window (preload); absent in the browser host. */
    kansli?: KansliBridge;
    /** The first screen's requests, started by public/early.js before this code loaded; each taken once. */
    kansliEarly?: Partial<Record<string, Promise<Envelope<unknown> | null>>>;
  }
}

/** An API error on the renderer side: the Swedish message is what the user sees. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: FieldIssue[];

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.details?.issues ?? [];
  }
}

const TOKEN_KEY = 'kansli.nyckel';

/**
 * The browser host's API key: it comes in the address the host printed (?nyckel=…),
 * is kept for this tab's session, and is taken out of the address bar at once so it
 * is not left in the history or a bookmark.
 */
function hostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('nyckel');
  if (fromUrl !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('nyckel');
    window.history.replaceState(window.history.state, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = typeof window !== 'undefined' && !window.kansli ? hostToken() : null;

/**
 * How this page reaches the services: the Electron window's bridge, the local browser
 * host's key, or a kansli server where each person logs in (a session cookie, and a CSRF
 * token sent back with every call).
 */
export const hostMode: 'electron' | 'token' | 'logins' = typeof window === 'undefined' || window.kansli ? 'electron' : token ? 'token' : 'logins';

/** Who is logged in on a kansli server, with the session's CSRF token. */
export interface LoggedIn {
  login: string;
  name: string;
  role: string;
  csrf: string;
}
let csrf: string | null = null;

/** Fired when a kansli server says the session is gone (logged out elsewhere, or too long idle). */
export const LOGGED_OUT_EVENT = 'kansli:utloggad';

async function postJson(url: string, input: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(csrf ? { 'X-Kansli-CSRF': csrf } : {}),
    },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
}

async function envelopeOf(response: Response): Promise<Envelope<unknown>> {
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Oväntat svar från värden (HTTP ${response.status}).` } };
  }
}

async function overHttp(method: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await postJson(`api/${encodeURIComponent(method)}`, input);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Kansli svarar inte. Kontrollera att värden (npm run host) körs.' } };
  }
  if (response.status === 401 && hostMode === 'logins') window.dispatchEvent(new Event(LOGGED_OUT_EVENT));
  return envelopeOf(response);
}

/** The session this browser already has on a kansli server, or null (then the login is shown). */
export async function currentLogin(): Promise<LoggedIn | null> {
  try {
    const response = await fetch('auth/session', { credentials: 'same-origin' });
    if (!response.ok) return null;
    const envelope = await envelopeOf(response);
    if (!envelope.ok) return null;
    const me = envelope.value as LoggedIn;
    csrf = me.csrf;
    return me;
  } catch {
    return null;
  }
}

/** Logs in on a kansli server; throws ApiCallError with the server's Swedish message. */
export async function logIn(login: string, password: string): Promise<LoggedIn> {
  let response: Response;
  try {
    response = await postJson('auth/login', { login, password });
  } catch {
    throw new ApiCallError({ code: 'DB_UNREACHABLE', message: 'Kansli svarar inte. Kontrollera nätverket och försök igen.' });
  }
  const envelope = await envelopeOf(response);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  const me = envelope.value as LoggedIn;
  csrf = me.csrf;
  return me;
}

export async function logOut(): Promise<void> {
  try {
    await postJson('auth/logout', {});
  } finally {
    csrf = null;
  }
}

/** The answer early.js already asked for, when this is that call (no input) and it has not been taken. */
async function takeEarly(method: string, input: unknown): Promise<Envelope<unknown> | null> {
  const early = typeof window !== 'undefined' ? window.kansliEarly?.[method] : undefined;
  if (early === undefined || (input !== undefined && input !== null && Object.keys(input).length > 0)) return null;
  delete window.kansliEarly![method];
  return early;
}

/** Calls one method of the contract and returns its result, or throws ApiCallError. */
export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>> {
  const envelope = (await takeEarly(method, input)) ?? (window.kansli ? await window.kansli.call(method, input) : await overHttp(method, input));
  if (envelope.ok) return envelope.value as MethodResult<K>;
  throw new ApiCallError(isApiError(envelope.error) ? envelope.error : { code: 'INTERNAL', message: 'Okänt fel.' });
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
