import path from 'node:path';
import { openSession, type Session } from '../../electron/services/session';
import { tempDir } from './temp';

/** A real database file in a temp folder, opened as the app opens it. */
export function demoSession(create: 'demo' | 'empty' = 'demo'): Session & { file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'kansli.sqlite');
  const session = openSession(file, { create, actor: 'testare', appVersion: '0.0.0-test', dataDir: path.join(dir, 'användardata') });
  return Object.assign(session, { file });
}

export function count(session: Session, table: string): number {
  return (session.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
