import path from 'node:path';
import { databaseExists } from '../../db/open';
import { openSession, type Session, type SessionOptions } from './session';

/**
 * What the transports (the app, the host, the CLI) open a database with: when the file
 * is new and the demo is asked for, the demo förbund is made first — its registers and a
 * year of its work up to today (a few seconds) — then the database is opened as any other.
 */
export async function startSession(file: string, options: SessionOptions & { onDemo?: () => void }): Promise<Session> {
  const absolute = path.resolve(file);
  if (!databaseExists(absolute) && options.create === 'demo') {
    options.onDemo?.();
    // Loaded only when a demo is made: it brings the PDF and certificate code with it.
    const { createDemoDatabase } = await import('./demo/demo-year');
    await createDemoDatabase(absolute, options);
  }
  return openSession(absolute, options);
}
