import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKansliDb } from '../../db/open';
import { openSession } from '../../electron/services/session';
import type { Arende } from '../../shared/contract/schemas/diarium';
import { value } from '../helpers/envelope';
import { startHostProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const CYCLES = 5;

describe('kill -9 in the middle of a stream of writes', () => {
  it(`keeps every acknowledged write, a whole file and audit chain, and never hands out a diarienummer twice (${CYCLES} cycles)`, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'kansli.sqlite');
    openKansliDb(db, { create: 'demo' }).close();
    const acknowledged = new Map<string, string>(); // diarienummer → title

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const host = await startHostProcess(db, dir);
      let stopped = false;
      const writer = async (lane: number) => {
        for (let n = 0; !stopped; n++) {
          const title = `Cykel ${cycle}, spår ${lane}, skrivelse ${n}`;
          try {
            const res = await host.call('arenden.save', { title, kind: 'inkommande', receivedOn: '2026-11-20' });
            if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
            const a = res.value as Arende;
            expect(acknowledged.has(a.diarienummer), `${a.diarienummer} handed out twice`).toBe(false);
            acknowledged.set(a.diarienummer, a.title);
          } catch (err) {
            // The connection breaks before this process hears of the kill: wait for the exit before judging.
            const alive = () => host.child.exitCode === null && host.child.signalCode === null;
            if (!stopped && alive()) await Promise.race([new Promise((r) => host.child.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
            if (stopped || !alive()) return;
            throw err;
          }
        }
      };
      const lanes = [writer(1), writer(2), writer(3)];
      await new Promise((r) => setTimeout(r, 400 + Math.floor(Math.random() * 800)));
      host.child.kill('SIGKILL');
      await new Promise((r) => host.child.once('exit', r));
      stopped = true;
      await Promise.all(lanes);

      // What a user sees after the crash: every write they were told about, in a whole file.
      const s = openSession(db, { appVersion: 'test', actor: 'kontroll' });
      expect(s.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(value(await s.api.call('audit.verify', {}))).toMatchObject({ ok: true });
      const stored = new Map(
        (s.db.sqlite.prepare('SELECT diarienummer, title FROM arenden').all() as { diarienummer: string; title: string }[]).map((r) => [
          r.diarienummer,
          r.title,
        ]),
      );
      for (const [nr, title] of acknowledged) expect(stored.get(nr), `${nr} ”${title}” lost after cycle ${cycle}`).toBe(title);
      // The next number is past every number ever shown.
      const next = value(await s.api.call('arenden.nextNumber', { year: 2026 }));
      expect(acknowledged.has(next.diarienummer)).toBe(false);
      s.close();
    }
    expect(acknowledged.size).toBeGreaterThan(CYCLES * 10);
  }, 300_000);
});
