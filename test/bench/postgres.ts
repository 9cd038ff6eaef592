import path from 'node:path';
import pg from 'pg';
import { openKansliDb } from '../../db/open';
import { openPostgresDb } from '../../db/postgres/open';
import { copyDatabase } from '../../db/transfer';
import { startHost } from '../../electron/host/server';
import { RENDERER_DIST } from '../../electron/host/node-paths';
import { createApi, type Api } from '../../electron/services/api';
import { openServerSession } from '../../electron/services/server-session';
import { openSession } from '../../electron/services/session';
import type { KansliDb } from '../../db/open';
import { startTestCluster } from '../postgres-cluster';
import { searchFigures } from './search-queries';

type Stats = (samples: number[]) => string;
type Time = (n: number, fn: () => Promise<unknown> | unknown) => Promise<number[]>;

/**
 * The same figures on PostgreSQL beside SQLite (issue 18): search p95 over the 50 000-ärende
 * diarium, method latency, beslutsutrymme over 20 years, and ten people at once through the
 * browser host. The server is a local PostgreSQL 15 cluster with its own durable defaults
 * (fsync and synchronous_commit on), made for the run in a temp folder.
 */
export async function benchPostgres(dir: string, files: { search: string; ekonomi: string }, time: Time, stats: Stats): Promise<void> {
  const cluster = startTestCluster({ durable: true });
  try {
    const database = async (name: string) => {
      const admin = new pg.Client({ connectionString: `${cluster.baseUrl}/postgres` });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return `${cluster.baseUrl}/${name}`;
    };
    const apiOf = (db: KansliDb): Api => createApi({ db, actor: 'bench', appVersion: 'bench', now: () => new Date(), dataDir: dir });
    const moveIn = async (file: string, name: string) => {
      const source = openKansliDb(file);
      const target = await openPostgresDb(await database(name), { create: 'blank' });
      const t = performance.now();
      const copied = await copyDatabase(source, target);
      const rows = copied.tables.reduce((n, c) => n + c.rows, 0);
      console.log(
        `  flytt till servern (${path.basename(file)}, ${rows.toLocaleString('sv-SE')} rader, kontrollerad): ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      source.close();
      return target;
    };
    console.log('PostgreSQL 15 (lokal server, fsync på) bredvid SQLite (synchronous=FULL):');

    // Search.
    const searchServer = await moveIn(files.search, 'sok');
    const searchFile = openKansliDb(files.search);
    for (const [label, db] of [
      ['SQLite', searchFile],
      ['PostgreSQL', searchServer],
    ] as const) {
      const api = apiOf(db);
      await searchFigures(api); // warm
      const f = await searchFigures(api);
      console.log(`  search.query, 50 000 ärenden, ${label}: ${stats(f.all)}; i snitt ${f.meanHits.toFixed(1)} träffar; långsammast ${f.slowest}`);
    }
    searchFile.close();
    await searchServer.close();

    // Method latency and ten people through the host, on the demo fixture.
    const fileSession = openSession(path.join(dir, 'pg-jamforelse.sqlite'), { create: 'demo', appVersion: 'bench', dataDir: dir });
    const serverSession = await openServerSession(await database('metoder'), { create: 'demo', appVersion: 'bench', dataDir: dir });
    const sala = { name: 'Sala kommun', kind: 'kommun' as const, orgNr: '212000-2080', populations: [{ year: 2017, population: 22000 }] };
    for (const [label, session] of [
      ['SQLite', fileSession],
      ['PostgreSQL', serverSession],
    ] as const) {
      await time(50, () => session.api.call('members.list', {}));
      console.log(`  members.list direkt, ${label}: ${stats(await time(500, () => session.api.call('members.list', {})))}`);
      const made = await session.api.call('members.save', sala);
      if (!made.ok) throw new Error(made.error.message);
      const id = (made.value as { id: number }).id;
      console.log(`  members.save direkt, ${label}: ${stats(await time(200, () => session.api.call('members.save', { ...sala, id })))}`);
      console.log(`  tio personer samtidigt genom värden (HTTP), ${label}: ${await tenPeople(session.api, stats)}`);
    }
    fileSession.close();
    await serverSession.close();

    // Beslutsutrymme over the economy's 20 years.
    const economyServer = await moveIn(files.ekonomi, 'ekonomi');
    const economyFile = openKansliDb(files.ekonomi);
    for (const [label, db] of [
      ['SQLite', economyFile],
      ['PostgreSQL', economyServer],
    ] as const) {
      const api = apiOf(db);
      const call = async (method: string, input: unknown) => {
        const r = await api.dispatch(method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      };
      await call('ekonomi.beslutsutrymme', { fromYear: 2025, years: 5 });
      console.log(
        `  beslutsutrymme 2025–2029 (20 år, 200 000 utfallsrader), ${label}: ${stats(await time(20, () => call('ekonomi.beslutsutrymme', { fromYear: 2025, years: 5 })))}`,
      );
      console.log(`  budget mot utfall 2025, ${label}: ${stats(await time(20, () => call('ekonomi.budgetMotUtfall', { year: 2025 })))}`);
    }
    economyFile.close();
    await economyServer.close();
  } finally {
    cluster.stop();
  }
}

/** Ten people for five seconds through the browser host, each a mix of writes, pages and searches: every call's latency. */
async function tenPeople(api: Api, stats: Stats): Promise<string> {
  const host = await startHost({ api, staticDir: RENDERER_DIST });
  const samples: number[] = [];
  let writes = 0;
  try {
    const post = async (method: string, body: unknown) => {
      const t = performance.now();
      const res = await fetch(`${host.origin}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        body: JSON.stringify(body),
      });
      const envelope = (await res.json()) as { ok: boolean; error?: { message: string } };
      samples.push(performance.now() - t);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
    };
    const until = Date.now() + 5_000;
    await Promise.all(
      Array.from({ length: 10 }, async (_, person) => {
        for (let k = 0; Date.now() < until; k++) {
          const roll = (person * 7 + k * 13) % 10;
          if (roll < 3) {
            await post('arenden.save', { title: `Skrivelse ${person}-${k}`, kind: 'inkommande', year: 2033 });
            writes += 1;
          } else if (roll < 7) await post('arenden.page', {});
          else await post('search.query', { query: 'ansökan' });
        }
      }),
    );
  } finally {
    await host.close();
  }
  return `${stats(samples)}, ${writes} skrivningar på 5 s`;
}
