/**
 * `npm run bench`: figures, not assertions.
 *  - database open + migrate (new file) and open of an existing file
 *  - latency of members.list and members.save: through the service directly and through the HTTP host
 *  - the renderer's initial JavaScript (raw and gzip)
 *  - search.query over 50 000 ärenden and 5 000 people (build time, latency, hits)
 *
 *  - documents: an ärendeblad rendered as PDF/A, signed and verified, beside LibreOffice's DOCX → PDF;
 *    the board packet of 30 ärenden with bilagor
 *
 * `KANSLI_BENCH=search npx tsx test/bench/bench.ts` runs only the search section,
 * `KANSLI_BENCH=documents …` only the documents, `KANSLI_BENCH=ekonomi …` only the economy
 * (none of them needs a renderer build); `KANSLI_BENCH=screen …` only the first screen in
 * Chromium (after `npm run build:renderer`).
 *
 *  - ekonomi: budget mot utfall, beslutsutrymme and the förbrukning history over 20 years,
 *    2 000 insatser and 200 000 utfall rows
 *  - demo (`KANSLI_BENCH=demo`): making the demo förbund with its year, as on a first start
 *  - trust (`KANSLI_BENCH=trust`, after building the 50 000-ärende diarium): write latency with
 *    synchronous=FULL against NORMAL, and a backup of that diarium (time, size, check, restore)
 *  - postgres (`KANSLI_BENCH=postgres`, after the diarium and the economy): the same search,
 *    method latency and beslutsutrymme on a local PostgreSQL 15 beside SQLite, and ten people
 *    at once through the host on each
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openKansliDb } from '../../db/open';
import { createApi } from '../../electron/services/api';
import { createDemoDatabase } from '../../electron/services/demo/demo-year';
import { openSession } from '../../electron/services/session';
import { formatDiarienummer } from '../../shared/domain/diarienummer';
import { startHost } from '../../electron/host/server';
import { RENDERER_DIST } from '../../electron/host/node-paths';
import { benchDocuments, benchPacket } from './documents';
import { benchEkonomi } from './ekonomi';
import { benchTrust } from './trust';
import { benchPostgres } from './postgres';
import { searchFigures } from './search-queries';
import { postgresBinDir } from '../postgres-cluster';
import { benchFirstScreen } from './screen';

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

/** A small deterministic PRNG (mulberry32), so every run builds the same register. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PLACES = ['Älvkarleby', 'Östhammar', 'Enköping', 'Heby', 'Håbo', 'Knivsta', 'Tierp', 'Uppsala', 'Gävle', 'Sala', 'Söderhamn', 'Norrtälje'];
const TOPICS = [
  'Lokussamordnare',
  'Lokusgrupp',
  'Arbetsträning',
  'Samverkansteam',
  'Ungdomscoach',
  'Kompetenshöjande insats',
  'Strukturinsats',
  'Individinriktad insats',
  'Arbetsintegrerande socialt företag',
  'Samordnare',
  'Aktivitetsersättning',
  'Hälsofrämjande stöd',
  'Förrehabilitering',
  'Stegförflyttning',
  'Kartläggning',
  'Jobbspår',
  'Språkstöd',
  'Psykisk ohälsa',
  'Försörjningsstöd',
];
const FRAMES = [
  (t: string, p: string) => `${t} ${p}`,
  (t: string, p: string) => `Ansökan om medel – ${t} ${p}`,
  (t: string, p: string) => `${t} ${p} – tilläggsansökan`,
  (t: string, p: string) => `Uppföljning av insatsen ${t} ${p}`,
  (t: string, p: string) => `Slutrapport ${t}, ${p}`,
  (t: string, p: string) => `Begäran om förlängning: ${t} i ${p}`,
];
const YEARLY = ['Årsredovisning', 'Delårsrapport', 'Verksamhetsplan och budget', 'Internkontrollplan', 'Riskanalys', 'Sammanträdesplan', 'Revisionsberättelse'];
const BODY = [
  'insatsen',
  'samverkan',
  'målgrupp',
  'unga',
  'vuxna',
  'långvarigt',
  'bidragsberoende',
  'deltagare',
  'arbete',
  'studier',
  'rikssnittet',
  'effektmål',
  'insatsmål',
  'resultatmål',
  'uppföljning',
  'utvärdering',
  'Försäkringskassan',
  'Arbetsförmedlingen',
  'Region',
  'kommunen',
  'lokusgruppen',
  'styrelsen',
  'beviljas',
  'avsätta',
  'kronor',
  'perioden',
  'finansiering',
  'prioriterade',
  'målgrupper',
  'rehabilitering',
  'förbundets',
  'inriktning',
  'bedömning',
  'ärendet',
  'förslag',
  'beslut',
  'budget',
  'prognos',
  'förbrukningskvot',
  'medlemsavgift',
];
const FIRST = [
  'Anna',
  'Erik',
  'Karin',
  'Lars',
  'Maria',
  'Johan',
  'Eva',
  'Per',
  'Ingrid',
  'Mats',
  'Åsa',
  'Örjan',
  'Märta',
  'Björn',
  'Sofia',
  'Jonas',
  'Elin',
  'Göran',
  'Linnéa',
  'Ali',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Åberg',
  'Öberg',
  'Ström',
  'Lindqvist',
  'Hägglund',
  'Sjöberg',
  'Ek',
  'Nordin',
  'Wikström',
  'Haddad',
];
const PARTIES = ['S', 'M', 'C', 'V', 'L', 'KD', 'MP', 'SD', null];
const ORGS = ['Försäkringskassan', 'Arbetsförmedlingen', 'Region Uppsala', ...PLACES.map((p) => `${p} kommun`)];

/** Builds the 50 000-ärende diarium, times search over it, and leaves the file for the backup figures. */
async function benchSearch(dir: string): Promise<string> {
  const file = path.join(dir, 'search-50k.sqlite');
  const db = openKansliDb(file, { create: 'empty' });
  const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const rnd = random(2018);
  const ARENDEN = 50_000;
  const PEOPLE = 5_000;
  const at = new Date().toISOString();

  const built = performance.now();
  const insertArende = db.sqlite.prepare(
    `INSERT INTO arenden (year, seq, diarienummer, title, kind, status, received_on, decided_on, handlaggare, description, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.sqlite.prepare('INSERT INTO people (name, party, email, organisation, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const kinds = ['beslutsarende', 'informationsarende', 'inkommande', 'utgaende'] as const;
  const statuses = ['oppet', 'under_beredning', 'beslutat', 'avslutat'] as const;
  db.sqlite.transaction(() => {
    const seqByYear = new Map<number, number>();
    for (let i = 0; i < ARENDEN; i++) {
      const year = 2006 + Math.floor((i / ARENDEN) * 21); // 2006–2026, about 2 400 a year, in order
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const title = rnd() < 0.12 ? `${pick(rnd, YEARLY)} ${year}` : pick(rnd, FRAMES)(pick(rnd, TOPICS), pick(rnd, PLACES));
      const words: string[] = [];
      const n = 12 + Math.floor(rnd() * 24);
      for (let w = 0; w < n; w++) words.push(rnd() < 0.08 ? pick(rnd, PLACES) : pick(rnd, BODY));
      const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
      const status = pick(rnd, statuses);
      insertArende.run(
        year,
        seq,
        formatDiarienummer('{ÅÅÅÅ}/{NNN}', year, seq),
        title,
        pick(rnd, kinds),
        status,
        `${year}-${month}-01`,
        status === 'beslutat' ? `${year}-${month}-20` : null,
        rnd() < 0.7 ? 'Förbundschef' : 'Ekonom',
        words.join(' '),
        at,
        at,
      );
    }
    for (let i = 0; i < PEOPLE; i++) {
      const first = pick(rnd, FIRST);
      const last = pick(rnd, LAST);
      insertPerson.run(
        `${first} ${last}`,
        pick(rnd, PARTIES),
        `${first}.${last}@example.se`.toLowerCase(),
        pick(rnd, ORGS),
        rnd() < 0.3 ? 'Ledamot' : null,
        at,
        at,
      );
    }
  })();
  const buildMs = performance.now() - built;
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const dbSize = fs.statSync(file).size;
  console.log(
    `Sökning: bygga ${ARENDEN.toLocaleString('sv-SE')} ärenden + ${PEOPLE.toLocaleString('sv-SE')} personer (en transaktion, FTS via triggrar): ` +
      `${(buildMs / 1000).toFixed(2)} s, databas ${(dbSize / 1024 / 1024).toFixed(1)} MiB`,
  );

  const api = createApi({ db, actor: 'bench', appVersion: 'bench', now: () => new Date(), dataDir: dir });
  const figures = await searchFigures(api);
  console.log(
    `search.query direkt i tjänsten, ${figures.all.length} sökningar (högst 30 träffar): ${stats(figures.all)}; i snitt ${figures.meanHits.toFixed(1)} träffar (mål p95 < 5 ms)`,
  );
  for (const [group, samples] of figures.byGroup) console.log(`  ${group}: ${stats(samples)}`);
  console.log(`  långsammast: ${figures.slowest}`);
  const diarium = async (input: Record<string, unknown>) => {
    const envelope = await api.call('arenden.page', input);
    if (!envelope.ok) throw new Error(envelope.error.message);
  };
  console.log(`Diariet, första sidan (100 av alla ärenden): ${stats(await time(30, () => diarium({})))} (mål < 50 ms)`);
  console.log(`  beslutade ärenden, utan makulerade: ${stats(await time(30, () => diarium({ status: 'beslutat', includeVoided: false })))}`);
  console.log(`  ett år: ${stats(await time(30, () => diarium({ year: 2015 })))}`);
  console.log(`  sida 250 (från rad 25 000): ${stats(await time(30, () => diarium({ offset: 24_900 })))}`);
  const matches = (query: string) =>
    (
      db.sqlite.prepare('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?').get(
        query
          .split(' ')
          .map((w) => `"${w}"*`)
          .join(' AND '),
      ) as { n: number }
    ).n;
  console.log(
    `  antal matchande poster (före gränsen): ${['lokus', 'ansökan', 'in', 'ÄLVKARLEBY', 'eva andersson', 'årsredovisning 2018'].map((q) => `”${q}” ${matches(q)}`).join(', ')}`,
  );
  db.close();
  return file;
}

/**
 * Twenty years of documents: the demo database grown to 1 GiB with documents stored in
 * the file (1 MiB each), then opened as the app opens it. Neither the time nor the memory
 * may grow with the file.
 */
async function benchLargeOpen(file: string): Promise<void> {
  openKansliDb(file, { create: 'demo' }).close();
  const raw = new Database(file);
  const arende = raw
    .prepare(
      "INSERT INTO arenden (year, seq, diarienummer, title, kind, status, received_on, created_at, updated_at) VALUES (2006, 1, '2006/001', 'Arkiv', 'inkommande', 'avslutat', '2006-01-01', '2006-01-01', '2006-01-01')",
    )
    .run();
  const insert = raw.prepare(
    "INSERT INTO documents (arende_id, title, file_name, mime_type, size, sha256, storage, content, added_at, added_by) VALUES (?, ?, ?, 'application/pdf', ?, ?, 'db', ?, '2006-01-01', 'bench')",
  );
  const chunk = Buffer.alloc(1024 * 1024);
  raw.transaction(() => {
    for (let i = 0; i < 1024; i++) {
      chunk.writeUInt32BE(i, 0);
      insert.run(arende.lastInsertRowid, `Handling ${i}`, `handling-${i}.pdf`, chunk.length, i.toString(16).padStart(64, '0'), chunk);
    }
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const size = fs.statSync(file).size;
  openKansliDb(file).close();
  const rssBefore = process.memoryUsage().rss;
  const samples = await time(10, () => openKansliDb(file).close());
  const grown = process.memoryUsage().rss - rssBefore;
  console.log(
    `Öppna en databas på ${(size / 1024 / 1024 / 1024).toFixed(2)} GiB (dokument i filen): ${stats(samples)} (mål < 50 ms); minnet växte ${(grown / 1024 / 1024).toFixed(1)} MiB`,
  );
  fs.rmSync(file, { force: true });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-bench-'));
try {
  const only = process.env.KANSLI_BENCH;
  if (only === undefined) {
    let k = 0;
    const create = await time(20, () => openKansliDb(path.join(dir, `ny-${k++}.sqlite`), { create: 'demo' }).close());
    console.log(`Öppna + migrera ny databas (med exempeldata): ${stats(create)}`);
    const existing = path.join(dir, 'ny-0.sqlite');
    const reopen = await time(20, () => openKansliDb(existing).close());
    console.log(`Öppna befintlig databas (kontroll + integritet): ${stats(reopen)}`);
    await benchLargeOpen(path.join(dir, 'stor.sqlite'));

    const session = openSession(path.join(dir, 'bench.sqlite'), { create: 'demo', appVersion: 'bench' });
    const host = await startHost({ api: session.api, staticDir: RENDERER_DIST });
    const post = async (method: string, body: unknown) => {
      const res = await fetch(`${host.origin}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        body: JSON.stringify(body),
      });
      return res.json();
    };
    await time(50, () => session.api.call('members.list', {}));
    await time(50, () => post('members.list', {}));
    console.log(`members.list direkt i tjänsten: ${stats(await time(1000, () => session.api.call('members.list', {})))}`);
    console.log(`members.list genom värden (HTTP): ${stats(await time(1000, () => post('members.list', {})))}`);
    const sala = { name: 'Sala kommun', kind: 'kommun' as const, orgNr: '212000-2080', populations: [{ year: 2017, population: 22000 }] };
    const first = (await session.api.call('members.save', sala)) as { ok: true; value: { id: number } };
    console.log(
      `members.save direkt i tjänsten (uppdatering + granskningslogg): ${stats(await time(300, () => session.api.call('members.save', { ...sala, id: first.value.id })))}`,
    );
    console.log(`members.save genom värden (HTTP): ${stats(await time(300, () => post('members.save', { ...sala, id: first.value.id })))}`);
    await benchFirstScreen(host.url, stats);
    await host.close();
    session.close();

    const cli = path.resolve('dist', 'cli', 'kansli.mjs');
    if (fs.existsSync(cli)) {
      const whole = await time(5, () => spawnSync(process.execPath, [cli, '--db', existing, 'call', 'members.list'], { stdio: 'ignore' }));
      console.log(`Ett CLI-anrop (members.list), hela processen, kompilerad (dist/cli/kansli.mjs): ${stats(whole)} (mål < 500 ms)`);
    } else console.log('CLI: kör npm run build:cli för att mäta den kompilerade ingången.');

    const html = fs.readFileSync(path.join(RENDERER_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    let raw = 0;
    let gz = 0;
    for (const file of scripts) {
      const bytes = fs.readFileSync(path.join(RENDERER_DIST, file));
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    console.log(
      `Gränssnittets första JavaScript (${scripts.length} filer): ${(raw / 1024).toFixed(1)} KiB, gzip ${(gz / 1024).toFixed(1)} KiB (mål < 150 KiB)`,
    );
  }

  if (only === 'screen') {
    const session = openSession(path.join(dir, 'screen.sqlite'), { create: 'demo', appVersion: 'bench' });
    const host = await startHost({ api: session.api, staticDir: RENDERER_DIST });
    try {
      await benchFirstScreen(host.url, stats);
    } finally {
      await host.close();
      session.close();
    }
  }

  if (only === undefined || only === 'demo') {
    let k = 0;
    const made = await time(3, () => createDemoDatabase(path.join(dir, `demo-${k++}.sqlite`), { appVersion: 'bench', dataDir: path.join(dir, 'demo-data') }));
    console.log(`Demoförbundet med ett års arbete, första start (registren, diariet, sammanträden med signerade protokoll, ekonomi): ${stats(made)}`);
  }

  if (only === undefined || only === 'documents') {
    await benchDocuments(dir, time, stats);
    await benchPacket(dir, stats);
  }
  const big = only === undefined || only === 'search' || only === 'trust' || only === 'postgres' ? await benchSearch(dir) : null;
  if (big !== null && (only === undefined || only === 'trust')) await benchTrust(dir, big, time, stats);
  const economy = only === undefined || only === 'ekonomi' || only === 'postgres' ? await benchEkonomi(dir, time, stats) : null;
  if (big !== null && economy !== null && (only === undefined || only === 'postgres')) {
    if (postgresBinDir() === null) console.log('PostgreSQL saknas (apt-get install -y postgresql): inga serverfigurer.');
    else await benchPostgres(dir, { search: big, ekonomi: economy }, time, stats);
  }
} finally {
  if (process.env.KANSLI_BENCH_KEEP === undefined) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`Filerna finns kvar i ${dir}`);
}
