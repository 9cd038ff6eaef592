import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseExists, type KansliDb } from '../../db/open';
import { isServerAddress } from '../../db/postgres/address';
import { openSession, type Session, type SessionOptions } from './session';

type StartOptions = SessionOptions & { onDemo?: () => void };

/**
 * What the transports (the app, the host, the CLI) open a database with: a file, or a
 * database on a PostgreSQL server (`postgres://…`). When the database is new and the demo
 * is asked for, the demo förbund is made first — its registers and a year of its work up
 * to today (a few seconds) — then the database is opened as any other.
 */
export async function startSession(location: string, options: StartOptions): Promise<Session<KansliDb>> {
  if (isServerAddress(location)) return startServerSession(location, options);
  return startFileSession(location, options);
}

/** The same for a file only (the Electron window and the tests that need the file's own API). */
export async function startFileSession(file: string, options: StartOptions): Promise<Session> {
  const absolute = path.resolve(file);
  if (!databaseExists(absolute) && options.create === 'demo') {
    options.onDemo?.();
    await buildDemo(absolute, options);
  }
  return openSession(absolute, options);
}

async function startServerSession(url: string, options: StartOptions): Promise<Session<KansliDb>> {
  // Loaded only for a server: a file's start never loads the PostgreSQL driver.
  const [{ isEmptyServerDatabase }, { openServerSession }] = await Promise.all([import('../../db/postgres/open'), import('./server-session')]);
  if (options.create !== 'demo' || !(await isEmptyServerDatabase(url))) return openServerSession(url, options);
  // The demo is built through the services in a file, then copied into the new server database.
  options.onDemo?.();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-server-demo-'));
  try {
    const file = path.join(dir, 'kansli.sqlite');
    await buildDemo(file, { ...options, dataDir: dir });
    return await openServerSession(url, { ...options, seedFile: file });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function buildDemo(file: string, options: StartOptions): Promise<void> {
  // Loaded only when a demo is made: it brings the PDF and certificate code with it.
  const { createDemoDatabase } = await import('./demo/demo-year');
  await createDemoDatabase(file, options);
}
