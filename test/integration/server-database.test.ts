import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { KansliDb } from '../../db/open';
import { openPostgresDb, WRITE_LOCK_KEY } from '../../db/postgres/open';
import { KansliError } from '../../shared/contract/errors';
import { moveDatabase } from '../../electron/services/move-database';
import { openServerSession } from '../../electron/services/server-session';
import { openSession, type Session } from '../../electron/services/session';
import { failure, value } from '../helpers/envelope';
import { countRows, ENGINES, first, newServerDatabase, rows, type AnySession } from '../helpers/engines';
import { kansli, startHostProcess } from '../helpers/processes';
import { fullDemoSession } from '../helpers/session';
import { tempDir } from '../helpers/temp';

/**
 * A förbund on a PostgreSQL server (issue 18): moved there from a file and back with
 * everything intact, refused cleanly when the server or the database is wrong. The
 * services' own suites run on both engines (test/helpers/engines.ts); this is what only
 * a server has.
 */
const onServer = ENGINES.includes('postgres');

async function tableNames(s: AnySession): Promise<string[]> {
  const found =
    s.db.engine === 'sqlite'
      ? await rows(
          s,
          sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'search_index_%' ORDER BY name`,
        )
      : await rows(s, sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  return found.map((r) => r.name);
}

/** What a user would check after a move: every table's rows, every document's bytes, the log, the diarium, a search. */
async function picture(s: AnySession) {
  const tables: Record<string, number> = {};
  for (const t of await tableNames(s)) tables[t] = await countRows(s, t);
  // The row that marks a server database as Kansli's is the server's own (a file has its application id).
  if (s.db.engine === 'postgres') tables.kansli_meta = (tables.kansli_meta ?? 0) - 1;
  const documents = await rows(s, sql<{ id: number; sha256: string }>`SELECT id, sha256 FROM documents ORDER BY id`);
  const bytes: Record<number, string> = {};
  for (const d of documents) {
    const got = value(await s.api.call('documents.get', { id: d.id }));
    bytes[d.id] = got.meta.sha256;
    expect(got.meta.sha256).toBe(d.sha256);
  }
  const audit = value(await s.api.call('audit.verify', {}));
  const diarium = value(await s.api.call('arenden.list', { includeVoided: true })).map((a) => `${a.diarienummer} ${a.title} ${a.status}`);
  const hits = value(await s.api.call('search.query', { query: 'lokus', limit: 50 })).hits.map((h) => `${h.kind}:${h.id}`);
  return { tables, bytes, audit: { ok: audit.ok, entries: audit.entries }, diarium, hits };
}

async function failureOf(promise: Promise<unknown>): Promise<KansliError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof KansliError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe.skipIf(!onServer)('a förbund on a PostgreSQL server', () => {
  it('moves the demo förbund from a file to the server and back, with every document and the audit log intact', { timeout: 180_000 }, async () => {
    const original = await fullDemoSession();
    const before = await picture(original);
    original.close();
    expect(before.audit).toMatchObject({ ok: true });
    expect(Object.keys(before.bytes).length).toBeGreaterThan(10);

    // File → server through the command line, as an administrator runs it.
    const url = await newServerDatabase();
    const there = kansli(['migrate', '--from', original.file, '--to', url]);
    expect(there.code, there.stderr).toBe(0);
    const summary = there.json<{ to: string; tables: number; rows: number; documents: number; auditEntries: number }>();
    expect(summary.to).not.toContain('provlösen');
    expect(summary).toMatchObject({ documents: Object.keys(before.bytes).length, auditEntries: before.audit.entries });
    expect(summary.tables).toBe(Object.keys(before.tables).length);
    expect(there.stderr).toMatch(/Kontrollerar kopian/);

    const server = await openServerSession(url, { appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
    try {
      expect(await picture(server)).toEqual(before);
    } finally {
      await server.close();
    }

    // A second move into the same database is refused: it is not empty.
    const again = kansli(['migrate', '--from', original.file, '--to', url]);
    expect(again.code).toBe(2);
    expect(again.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/inte tom/) });

    // Server → a new file, in process.
    const back = path.join(tempDir(), 'tillbaka.sqlite');
    const home = await moveDatabase(url, back);
    expect(home).toMatchObject({ documents: summary.documents, auditEntries: summary.auditEntries, rows: summary.rows });
    const file: Session = openSession(back, { appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
    try {
      expect(await picture(file)).toEqual(before);
    } finally {
      file.close();
    }
    // Never over a file that is there, and never file to file.
    expect((await failureOf(moveDatabase(url, back))).message).toMatch(/finns redan/);
    expect((await failureOf(moveDatabase(back, path.join(tempDir(), 'x.sqlite')))).code).toBe('VALIDATION');
  });

  it(
    'backs up a server database with pg_dump in the same kind of backup file, checks it, and restores it into an empty database only',
    { timeout: 120_000 },
    async () => {
      const url = await newServerDatabase();
      const s = await openServerSession(url, { create: 'demo', appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
      const folder = tempDir();
      let file: string;
      let before: Awaited<ReturnType<typeof picture>>;
      try {
        const arende = value(await s.api.call('arenden.save', { title: 'Ansökan om medel – Lokus Tierp', kind: 'inkommande', year: 2031 }));
        value(
          await s.api.call('documents.add', {
            arendeId: arende.id,
            fileName: 'ansökan.txt',
            contentBase64: Buffer.from('Lokus Tierp söker 300 000 kr.').toString('base64'),
          }),
        );
        before = await picture(s);
        const made = value(await s.api.call('backup.create', { folder }));
        file = made.file;
        expect(made).toMatchObject({ forbund: expect.stringMatching(/Samordningsförbundet/), auditEntries: before.audit.entries });
        const checked = value(await s.api.call('backup.verify', { file }));
        expect(checked.ok).toBe(true);
        expect(checked.checks.join(' ')).toMatch(/pg_restore läser hela kopian/);
      } finally {
        await s.close();
      }

      // Never over a database in use: the one it was taken from is not empty.
      const over = kansli(['--db', url, 'restore', file]);
      expect(over.code).toBe(2);
      expect(over.json<{ error: { message: string } }>().error.message).toMatch(/inte tom/);

      const empty = await newServerDatabase();
      const restored = kansli(['--db', empty, 'restore', file]);
      expect(restored.code, restored.stdout + restored.stderr).toBe(0);
      expect(restored.json<{ auditEntries: number; into: string }>()).toMatchObject({ auditEntries: before.audit.entries });
      expect(restored.stdout).not.toContain('provlösen');
      const back = await openServerSession(empty, { appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
      try {
        expect(await picture(back)).toEqual(before);
      } finally {
        await back.close();
      }

      // A changed byte in the copy is found before anything is restored.
      const tampered = path.join(tempDir(), 'ändrad.kansli-backup');
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 3)] = (bytes[Math.floor(bytes.length / 3)] ?? 0) ^ 0xff;
      fs.writeFileSync(tampered, bytes);
      const third = await newServerDatabase();
      const refused = kansli(['--db', third, 'restore', tampered]);
      expect(refused.code).toBe(2);
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('VALIDATION');
    },
  );

  it('tells the user that nothing was saved when the connection is lost in the middle of a write, and goes on after', { timeout: 60_000 }, async () => {
    const url = await newServerDatabase();
    const s = await openServerSession(url, { create: 'demo', appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const before = await countRows(s, 'arenden');
      // Another writer holds the write lock: this write begins its transaction and waits inside it …
      await admin.query('BEGIN');
      await admin.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
      const pending = s.api.call('arenden.save', { title: 'Skrivelse mitt i ett avbrott', kind: 'inkommande', year: 2031 });
      const waiting = async () =>
        (await admin.query("SELECT pid FROM pg_stat_activity WHERE application_name = 'Kansli' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"))
          .rows as { pid: number }[];
      await expect.poll(async () => (await waiting()).length).toBe(1);
      // … when its connection is cut.
      await admin.query('SELECT pg_terminate_backend($1)', [(await waiting())[0]?.pid]);
      await admin.query('COMMIT');
      const lost = failure(await pending);
      expect(lost).toMatchObject({ code: 'DB_UNREACHABLE', message: expect.stringMatching(/bröts innan anropet var klart\. Inget av det har sparats/) });
      expect(await countRows(s, 'arenden')).toBe(before);
      // The next call gets a new connection and is saved as usual.
      expect(value(await s.api.call('arenden.save', { title: 'Skrivelse efter avbrottet', kind: 'inkommande', year: 2031 })).diarienummer).toBe('2031/001');
      expect(value(await s.api.call('audit.verify', {}))).toMatchObject({ ok: true });
    } finally {
      await admin.end();
      await s.close();
    }
  });

  it('refuses a wrong password, an unreachable server, a missing or foreign database and one from a newer Kansli, changing nothing', async () => {
    const url = await newServerDatabase();
    const wrong = new URL(url);
    wrong.password = 'fel';
    const auth = await failureOf(openPostgresDb(wrong.toString()));
    expect(auth).toMatchObject({ code: 'DB_AUTH', message: expect.stringMatching(/fel användarnamn eller lösenord/) });
    expect(auth.message).not.toContain('fel@');

    const nowhere = new URL(url);
    nowhere.port = '1';
    expect(await failureOf(openPostgresDb(nowhere.toString()))).toMatchObject({ code: 'DB_UNREACHABLE', message: expect.stringMatching(/svarar inte/) });

    const missing = new URL(url);
    missing.pathname = '/finns_inte';
    expect((await failureOf(openPostgresDb(missing.toString()))).code).toBe('DB_NOT_FOUND');
    // An empty database is not opened unless Kansli is asked to make one.
    expect((await failureOf(openPostgresDb(url))).message).toMatch(/är tom/);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('CREATE TABLE kunder (id int)');
      const foreign = await failureOf(openPostgresDb(url, { create: 'demo' }));
      expect(foreign).toMatchObject({ code: 'DB_NOT_KANSLI' });
      const left = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(left.rows[0]).toEqual({ n: 1 });
    } finally {
      await client.end();
    }

    const newer = await newServerDatabase();
    const made = await openPostgresDb(newer, { create: 'empty' });
    await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'framtiden', '2030-01-01')`.execute(made.kysely);
    await made.close();
    expect(await failureOf(openPostgresDb(newer))).toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringMatching(/nyare version av Kansli/) });
  });

  it(
    'serves ten people at once through the browser host on a server database: no lost write, no number twice, the chain holds',
    { timeout: 120_000 },
    async () => {
      const url = await newServerDatabase();
      await (await openPostgresDb(url, { create: 'demo' })).close();
      const dir = tempDir();
      const host = await startHostProcess(url, dir, ['--no-backups']);
      const acknowledged: { id: number; diarienummer: string }[] = [];
      const refused: string[] = [];
      try {
        const until = Date.now() + 6_000;
        await Promise.all(
          Array.from({ length: 10 }, async (_, person) => {
            for (let k = 0; Date.now() < until; k++) {
              const roll = (person * 7 + k * 13) % 10;
              if (roll < 4) {
                const saved = await host.call('arenden.save', { title: `Skrivelse från person ${person}, nr ${k}`, kind: 'inkommande', year: 2032 });
                if (saved.ok) acknowledged.push(saved.value as { id: number; diarienummer: string });
                else refused.push(saved.error.message);
              } else if (roll < 7) {
                const page = await host.call('arenden.page', { year: 2032 });
                if (!page.ok) refused.push(page.error.message);
              } else {
                const found = await host.call('search.query', { query: `person ${person}` });
                if (!found.ok) refused.push(found.error.message);
              }
            }
          }),
        );
      } finally {
        await host.stop();
      }
      expect(refused).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(20);
      const s = await openServerSession(url, { appVersion: '0.0.0-test', actor: 'testare', dataDir: tempDir() });
      try {
        const stored = await rows(s, sql<{ id: number; diarienummer: string }>`SELECT id, diarienummer FROM arenden WHERE year = 2032 ORDER BY id`);
        expect(stored).toEqual([...acknowledged].sort((a, b) => a.id - b.id).map(({ id, diarienummer }) => ({ id, diarienummer })));
        expect(new Set(stored.map((a) => a.diarienummer)).size).toBe(stored.length);
        expect(await first(s, sql<{ last_number: number }>`SELECT last_number FROM diary_series WHERE year = 2032`)).toEqual({ last_number: stored.length });
        expect(value(await s.api.call('audit.verify', {}))).toMatchObject({ ok: true });
      } finally {
        await s.close();
      }
    },
  );

  it('hands out every diarienummer once and keeps the audit chain in one order when ten people write at once', { timeout: 120_000 }, async () => {
    const url = await newServerDatabase();
    // Ten people, each with their own login on the server (the audit log names the login).
    const owner = await openServerSession(url, { create: 'demo', appVersion: '0.0.0-test', dataDir: tempDir() });
    const people: Session<KansliDb>[] = [];
    for (let i = 0; i < 10; i++) {
      value(await owner.api.call('users.save', { login: `person${i}`, name: `Person ${i}`, role: 'handlaggare', password: 'ett långt lösenord' }));
      const address = new URL(url);
      address.username = `person${i}`;
      address.password = 'ett långt lösenord';
      people.push(await openServerSession(address.toString(), { appVersion: '0.0.0-test', dataDir: tempDir() }));
    }
    await owner.close();
    try {
      const saved = await Promise.all(
        people.map(async (s, i) => {
          const numbers: string[] = [];
          for (let k = 0; k < 8; k++) {
            const a = value(await s.api.call('arenden.save', { title: `Skrivelse ${i}-${k}`, kind: 'inkommande', year: 2031 }));
            numbers.push(a.diarienummer);
            value(await s.api.call('arenden.list', { year: 2031 }));
          }
          return numbers;
        }),
      );
      const all = saved.flat();
      expect(new Set(all).size).toBe(80);
      expect([...all].sort()).toEqual(Array.from({ length: 80 }, (_, i) => `2031/${String(i + 1).padStart(3, '0')}`));
      const s = people[0];
      if (!s) throw new Error('no session');
      expect(await first(s, sql<{ last_number: number }>`SELECT last_number FROM diary_series WHERE year = 2031`)).toEqual({ last_number: 80 });
      expect(value(await s.api.call('audit.verify', {}))).toMatchObject({ ok: true });
      const actors = await rows(s, sql<{ actor: string }>`SELECT DISTINCT actor FROM audit_log WHERE method = 'arenden.save'`);
      expect(actors.length).toBe(10);
    } finally {
      for (const s of people) await s.close();
    }
  });
});
