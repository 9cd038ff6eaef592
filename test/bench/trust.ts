import fs from 'node:fs';
import path from 'node:path';
import { openKansliDb } from '../../db/open';
import { createApi } from '../../electron/services/api';
import { makeBackup, verifyBackupFile } from '../../electron/services/backups';
import { openSession } from '../../electron/services/session';

type Time = (n: number, fn: () => Promise<unknown> | unknown) => Promise<number[]>;
type Stats = (samples: number[]) => string;

/**
 * Trust (issue 13): what durability costs a write, and what a backup of a large
 * diarium costs. Figures, not assertions.
 */
export async function benchTrust(dir: string, bigDatabase: string, time: Time, stats: Stats): Promise<void> {
  // Write latency: synchronous=FULL (chosen: a diarienummer shown is never handed out
  // again after a power cut) against NORMAL (WAL's default, may lose the last commits).
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    const db = openKansliDb(path.join(dir, `skriv-${synchronous}.sqlite`), { create: 'demo', synchronous });
    const api = createApi({ db, actor: 'bench', appVersion: 'bench', now: () => new Date(), dataDir: dir });
    let n = 0;
    const save = () => api.call('arenden.save', { title: `Inkommen skrivelse ${++n}`, kind: 'inkommande', receivedOn: '2026-11-20' });
    await time(20, save);
    const samples = await time(300, save);
    const total = samples.reduce((a, b) => a + b, 0);
    console.log(
      `arenden.save med synchronous=${synchronous}${synchronous === 'FULL' ? ' (vald)' : ''}: ${stats(samples)}, ${(300_000 / total).toFixed(0)} skrivningar/s`,
    );
    db.close();
  }

  // A backup of the 50 000-ärende database, its check, and a restore.
  const size = fs.statSync(bigDatabase).size;
  const session = openSession(bigDatabase, { appVersion: 'bench', dataDir: path.join(dir, 'data') });
  const t0 = performance.now();
  const backup = await makeBackup(session.context(), 'manuell', dir);
  const backupMs = performance.now() - t0;
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`Säkerhetskopia av databasen med 50 000 ärenden (${mib(size)}): ${(backupMs / 1000).toFixed(2)} s, fil ${mib(backup.sizeBytes)}`);
  const t1 = performance.now();
  await verifyBackupFile(backup.file);
  console.log(`  kontroll av kopian (kontrollsummor, integrity_check, granskningsloggen): ${((performance.now() - t1) / 1000).toFixed(2)} s`);
  const t2 = performance.now();
  await session.restore(backup.file);
  console.log(`  återställning (kontroll, byte av fil, öppning): ${((performance.now() - t2) / 1000).toFixed(2)} s`);
  const heap = process.memoryUsage();
  console.log(`  minne efteråt: heap ${mib(heap.heapUsed)}, rss ${mib(heap.rss)}`);
  session.close();
}
