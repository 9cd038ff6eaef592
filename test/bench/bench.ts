/**
 * `npm run bench`: figures, not assertions.
 *  - database open + migrate (new file) and open of an existing file
 *  - latency of members.list and members.save: through the service directly and through the HTTP host
 *  - the renderer's initial JavaScript (raw and gzip)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openKansliDb } from '../../db/open';
import { openSession } from '../../electron/services/session';
import { startHost } from '../../electron/host/server';
import { RENDERER_DIST } from '../../electron/host/node-paths';

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms (n=${samples.length})`;
}

async function time(n: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-bench-'));
try {
  let k = 0;
  const create = await time(20, () => openKansliDb(path.join(dir, `ny-${k++}.sqlite`), { create: 'demo' }).close());
  console.log(`Öppna + migrera ny databas (med exempeldata): ${stats(create)}`);
  const existing = path.join(dir, 'ny-0.sqlite');
  const reopen = await time(20, () => openKansliDb(existing).close());
  console.log(`Öppna befintlig databas (kontroll + integritet): ${stats(reopen)}`);

  const session = openSession(path.join(dir, 'bench.sqlite'), { create: 'demo', appVersion: 'bench' });
  const host = await startHost({ api: session.api, staticDir: RENDERER_DIST });
  const post = async (method: string, body: unknown) => {
    const res = await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return res.json();
  };
  await time(50, () => session.api.call('members.list', {}));
  await time(50, () => post('members.list', {}));
  console.log(`members.list direkt i tjänsten: ${stats(await time(1000, () => session.api.call('members.list', {})))}`);
  console.log(`members.list genom värden (HTTP): ${stats(await time(1000, () => post('members.list', {})))}`);
  const sala = { name: 'Sala kommun', kind: 'kommun', orgNr: '212000-2080', populations: [{ year: 2017, population: 22000 }] };
  const first = (await session.api.call('members.save', sala)) as { ok: true; value: { id: number } };
  console.log(`members.save direkt i tjänsten (uppdatering + granskningslogg): ${stats(await time(300, () => session.api.call('members.save', { ...sala, id: first.value.id })))}`);
  console.log(`members.save genom värden (HTTP): ${stats(await time(300, () => post('members.save', { ...sala, id: first.value.id })))}`);
  await host.close();
  session.close();

  const html = fs.readFileSync(path.join(RENDERER_DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  let raw = 0;
  let gz = 0;
  for (const file of scripts) {
    const bytes = fs.readFileSync(path.join(RENDERER_DIST, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`Gränssnittets första JavaScript (${scripts.length} filer): ${(raw / 1024).toFixed(1)} KiB, gzip ${(gz / 1024).toFixed(1)} KiB`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
