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

/** The demo register's members, by the short names the papers use. */
export const DEMO_MEMBERS = ['FK', 'AF', 'Region', 'Enköping', 'Heby', 'Håbo', 'Knivsta', 'Tierp', 'Uppsala', 'Älvkarleby', 'Östhammar'] as const;
export type DemoMember = (typeof DEMO_MEMBERS)[number];

/** Each demo member's id by short name; a member missing from the register is a broken test. */
export async function demoMemberIds(s: Session): Promise<Record<DemoMember, number>> {
  const envelope = await s.api.call('members.list', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  const byShortName = new Map(envelope.value.map((m) => [m.shortName ?? m.name, m.id]));
  const entries = DEMO_MEMBERS.map((name) => {
    const id = byShortName.get(name);
    if (id === undefined) throw new Error(`the demo register has no member ${name}`);
    return [name, id] as const;
  });
  return Object.fromEntries(entries) as Record<DemoMember, number>;
}
