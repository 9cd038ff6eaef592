import { randomBytes, timingSafeEqual } from 'node:crypto';
import { KansliError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/access';
import type { Api } from '../services/api';

/**
 * The browser host as a kansli server (issue 18, `npm run host -- --db postgres://… --listen
 * ADDRESS`): each person logs in with their own server login. A login opens that person's
 * own connection to the database (the server checks the password, and every write is made
 * as them); the browser gets a session cookie (HttpOnly, SameSite=Strict, Secure over TLS)
 * and a CSRF token it must send back with every call. Failed logins are slowed down and,
 * after a few, refused for a while, per login name and per address.
 */

export interface Person {
  api: Api;
  name: string;
  role: Role;
  close(): Promise<void>;
}

/** Opens a person's own session on the database, or throws (DB_AUTH for a wrong password). */
export type OpenPerson = (login: string, password: string) => Promise<Person>;

interface LoginSession {
  id: Buffer;
  csrf: string;
  login: string;
  person: Person;
  lastUsed: number;
  started: number;
}

export const SESSION_COOKIE = 'kansli_session';
export const CSRF_HEADER = 'x-kansli-csrf';
const IDLE_MS = 8 * 60 * 60 * 1000;
const LONGEST_MS = 12 * 60 * 60 * 1000;
/** Failures within this window count against a login name or an address. */
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failed logins allowed per login name, and per address (a kansli's whole office may share one). */
const FREE_FAILURES = { login: 5, address: 20 };
const LOCK_MS = 15 * 60 * 1000;

export interface LoginAnswer {
  name: string;
  role: Role;
  login: string;
  csrf: string;
}

export class LoginGate {
  readonly #open: OpenPerson;
  readonly #now: () => number;
  readonly #sessions = new Map<string, LoginSession>();
  readonly #failures = new Map<string, number[]>();

  constructor(open: OpenPerson, now: () => number = Date.now) {
    this.#open = open;
    this.#now = now;
  }

  /** How long `key` must wait before another try, in ms (0: may try now). */
  #waitFor(key: string): number {
    const recent = (this.#failures.get(key) ?? []).filter((t) => this.#now() - t < FAILURE_WINDOW_MS);
    this.#failures.set(key, recent);
    if (recent.length < (key.startsWith('login:') ? FREE_FAILURES.login : FREE_FAILURES.address)) return 0;
    const last = recent[recent.length - 1] ?? 0;
    return Math.max(0, last + LOCK_MS - this.#now());
  }

  #fail(keys: string[]): void {
    for (const key of keys) this.#failures.set(key, [...(this.#failures.get(key) ?? []), this.#now()]);
  }

  async login(login: string, password: string, address: string): Promise<{ answer: LoginAnswer; sessionId: string }> {
    const keys = [`login:${login.toLowerCase()}`, `address:${address}`];
    const wait = Math.max(...keys.map((k) => this.#waitFor(k)));
    if (wait > 0) {
      throw new KansliError(
        'FORBIDDEN',
        `För många misslyckade inloggningar. Försök igen om ${Math.ceil(wait / 60_000)} minuter, eller be administratören om ett nytt lösenord.`,
      );
    }
    let person: Person;
    try {
      person = await this.#open(login, password);
    } catch (err) {
      if (err instanceof KansliError && (err.code === 'DB_AUTH' || err.code === 'FORBIDDEN')) {
        this.#fail(keys);
        // The same answer for an unknown login and a wrong password, after the same pause.
        await new Promise((r) => setTimeout(r, 300));
        throw new KansliError('DB_AUTH', 'Fel användarnamn eller lösenord, eller så är inloggningen inte användare i Kansli.');
      }
      throw err;
    }
    this.#failures.delete(keys[0] ?? '');
    const id = randomBytes(32);
    const session: LoginSession = { id, csrf: randomBytes(32).toString('base64url'), login, person, lastUsed: this.#now(), started: this.#now() };
    this.#sessions.set(id.toString('base64url'), session);
    return { answer: { name: person.name, role: person.role, login, csrf: session.csrf }, sessionId: id.toString('base64url') };
  }

  /** The session a cookie names, if it is still open (an idle or too old one is closed). */
  session(sessionId: string | undefined): (LoginSession & { answer: LoginAnswer }) | null {
    if (sessionId === undefined || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
    const found = this.#sessions.get(sessionId);
    if (!found) return null;
    const given = Buffer.from(sessionId, 'base64url');
    if (given.length !== found.id.length || !timingSafeEqual(given, found.id)) return null;
    const now = this.#now();
    if (now - found.lastUsed > IDLE_MS || now - found.started > LONGEST_MS) {
      void this.logout(sessionId);
      return null;
    }
    found.lastUsed = now;
    return { ...found, answer: { name: found.person.name, role: found.person.role, login: found.login, csrf: found.csrf } };
  }

  /** True when the header carries the session's CSRF token. */
  static csrfMatches(session: { csrf: string }, header: string | undefined): boolean {
    if (header === undefined) return false;
    const a = Buffer.from(header);
    const b = Buffer.from(session.csrf);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async logout(sessionId: string): Promise<void> {
    const found = this.#sessions.get(sessionId);
    if (!found) return;
    this.#sessions.delete(sessionId);
    await found.person.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.#sessions.keys()];
    for (const id of all) await this.logout(id);
  }
}

/** The cookie header's value for `name`, if there is one. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
