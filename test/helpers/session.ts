import path from 'node:path';
import { sql } from 'kysely';
import type { KansliDb } from '../../db/open';
import { openSession, type Session } from '../../electron/services/session';
import { startFileSession } from '../../electron/services/start-session';
import { tempDir } from './temp';

/** A real database file in a temp folder, opened as the app opens it. */
export function demoSession(create: 'demo' | 'empty' = 'demo'): Session & { file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'kansli.sqlite');
  const session = openSession(file, { create, actor: 'testare', appVersion: '0.0.0-test', dataDir: path.join(dir, 'användardata') });
  return Object.assign(session, { file });
}

/** The demo förbund a user gets on first start: the registers and a year of work up to today (a few seconds to make). */
export async function fullDemoSession(): Promise<Session & { file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'kansli.sqlite');
  const options = { create: 'demo' as const, actor: 'testare', appVersion: '0.0.0-test', dataDir: path.join(dir, 'användardata') };
  const session = await startFileSession(file, options);
  return Object.assign(session, { file });
}

export function count(session: Session, table: string): number {
  return (session.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** The demo register's members, by the short names the papers use. */
export const DEMO_MEMBERS = ['FK', 'AF', 'Region', 'Enköping', 'Heby', 'Håbo', 'Knivsta', 'Tierp', 'Uppsala', 'Älvkarleby', 'Östhammar'] as const;
export type DemoMember = (typeof DEMO_MEMBERS)[number];

/** Each demo member's id by short name; a member missing from the register is a broken test. */
export async function demoMemberIds(s: Pick<Session<KansliDb>, 'api'>): Promise<Record<DemoMember, number>> {
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

/**
 * The monthly utfall sums that triggers keep (by post and by insats) against the same
 * sums taken from the verifikationer themselves: the rows that disagree, none when they hold.
 */
export async function monthlySumMismatches(session: Session<KansliDb>): Promise<unknown[]> {
  const found = await sql`WITH truth AS (
         SELECT 'post' AS k, year, CAST(substr(booked_on, 6, 2) AS INTEGER) AS month, post AS key, SUM(amount_ore) AS ore, COUNT(*) AS n
           FROM utfall GROUP BY 2, 3, 4
         UNION ALL
         SELECT 'insats', year, CAST(substr(booked_on, 6, 2) AS INTEGER), CAST(insats_id AS TEXT), SUM(amount_ore), COUNT(*)
           FROM utfall WHERE insats_id IS NOT NULL GROUP BY 2, 3, 4),
       kept AS (
         SELECT 'post' AS k, year, month, post AS key, amount_ore AS ore, row_count AS n FROM utfall_post_months
         UNION ALL
         SELECT 'insats', year, month, CAST(insats_id AS TEXT), amount_ore, row_count FROM utfall_insats_months)
       SELECT * FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept) AS missing
       UNION ALL
       SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth) AS extra`.execute(session.db.kysely);
  return found.rows;
}
