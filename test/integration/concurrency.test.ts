import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openKansliDb } from '../../db/open';
import type { Envelope } from '../../shared/contract/errors';
import type { Arende } from '../../shared/contract/schemas/diarium';
import { failure, value } from '../helpers/envelope';
import { kansliBatch, startHostProcess } from '../helpers/processes';
import { count, demoSession } from '../helpers/session';
import { tempDir } from '../helpers/temp';

const SAVES = 300;

function save(title: string) {
  return { title, kind: 'inkommande' as const, receivedOn: '2026-11-20' };
}

describe('one database file, several writers', () => {
  it('two hosts and the CLI each write 300 ärenden to one file: each waits its turn and every write succeeds, no number twice', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'delad.sqlite');
    openKansliDb(db, { create: 'demo' }).close();
    const hosts = [await startHostProcess(db, dir), await startHostProcess(db, dir)];
    try {
      const viaHost = (i: number) => async () => {
        const out: Envelope<unknown>[] = [];
        for (let n = 0; n < SAVES; n++) out.push(await hosts[i]!.call('arenden.save', save(`Värd ${i + 1}, skrivelse ${n + 1}`)));
        return out;
      };
      const results = (
        await Promise.all([
          viaHost(0)(),
          viaHost(1)(),
          kansliBatch(
            db,
            Array.from({ length: SAVES }, (_, n) => ({ method: 'arenden.save', input: save(`Kommandoraden, skrivelse ${n + 1}`) })),
          ),
        ])
      ).flat();
      expect(results).toHaveLength(3 * SAVES);
      // A write waits up to five seconds for the lock; each takes milliseconds, so none runs out here.
      // (A plain deferred BEGIN would lose hundreds of these to SQLITE_BUSY_SNAPSHOT at once.)
      const errors = results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error));
      expect(errors).toEqual([]);
      const saved = results.filter((r): r is { ok: true; value: Arende } => r.ok).map((r) => r.value);
      const numbers = saved.map((a) => a.diarienummer);
      expect(new Set(numbers).size).toBe(numbers.length);
      // Every acknowledged write is in the file, and only those.
      const check = new Database(db, { readonly: true });
      const titles = new Set((check.prepare("SELECT title FROM arenden WHERE title LIKE '%skrivelse%'").all() as { title: string }[]).map((r) => r.title));
      check.close();
      expect(titles.size).toBe(saved.length);
      for (const a of saved) expect(titles.has(a.title)).toBe(true);
    } finally {
      await Promise.all(hosts.map((h) => h.stop()));
    }
  }, 240_000);

  it('tells the user in Swedish that nothing was saved when another writer holds the file longer than the wait', async () => {
    const s = demoSession();
    const before = count(s, 'arenden');
    const other = new Database(s.file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const refused = failure(await s.api.call('arenden.save', save('Väntar på sin tur')));
      expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
      expect(refused.code).toBe('BUSY');
      expect(refused.message).toMatch(/^Databasen är upptagen: någon annan sparar i samma fil just nu .* Inget har sparats – försök igen om en stund\.$/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(count(s, 'arenden')).toBe(before);
    // Once the other writer is done, the same save goes through.
    expect(value(await s.api.call('arenden.save', save('Väntar på sin tur'))).title).toBe('Väntar på sin tur');
    s.close();
  }, 30_000);
});
