import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { placeNewFile } from '../../db/filesystem';
import { KANSLI_APPLICATION_ID, openKansliDb } from '../../db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations';
import { KansliError } from '../../shared/contract/errors';
import { sha256File, tempDir } from '../helpers/temp';

function openError(file: string): KansliError {
  try {
    openKansliDb(file, { create: 'demo' }).close();
  } catch (err) {
    if (err instanceof KansliError) return err;
    throw err;
  }
  throw new Error('expected the open to fail');
}

/** Opening must leave the file byte for byte as it was, and no files beside it. */
function expectUntouched(file: string, open: () => KansliError): KansliError {
  const dir = path.dirname(file);
  const before = { hash: sha256File(file), files: fs.readdirSync(dir).sort() };
  const err = open();
  expect(sha256File(file)).toBe(before.hash);
  expect(fs.readdirSync(dir).sort()).toEqual(before.files);
  return err;
}

function makeKansliDb(dir: string): string {
  const file = path.join(dir, 'kansli.sqlite');
  openKansliDb(file, { create: 'demo' }).close();
  return file;
}

describe('opening a database', () => {
  it('keeps the database another start made meanwhile instead of replacing the file under it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kansli.sqlite');
    const first = openKansliDb(file, { create: 'demo' });
    first.sqlite.prepare("UPDATE forbund SET name = 'Först på plats' WHERE id = 1").run();
    // A second start finished its own new database just after: it is dropped, not renamed over the first.
    const second = path.join(dir, 'andra.sqlite');
    openKansliDb(second, { create: 'empty' }).close();
    expect(placeNewFile(second, file)).toBe(false);
    first.sqlite.prepare("UPDATE forbund SET city = 'Uppsala' WHERE id = 1").run();
    first.close();
    const again = openKansliDb(file);
    expect(again.sqlite.prepare('SELECT name, city FROM forbund WHERE id = 1').get()).toEqual({ name: 'Först på plats', city: 'Uppsala' });
    again.close();
    // A free name takes the new file.
    expect(placeNewFile(second, path.join(dir, 'ny.sqlite'))).toBe(true);
    expect(fs.existsSync(second)).toBe(false);
  });

  it('creates a new database with every migration and the demo förbund', () => {
    const file = path.join(tempDir(), 'ny', 'kansli.sqlite');
    const db = openKansliDb(file, { create: 'demo' });
    try {
      expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(db.sqlite.pragma('application_id', { simple: true })).toBe(KANSLI_APPLICATION_ID);
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.sqlite.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(db.sqlite.prepare('SELECT name, org_nr FROM forbund').get()).toEqual({ name: 'Samordningsförbundet Uppsala län', org_nr: '222000-2576' });
      expect(db.sqlite.prepare("SELECT count(*) AS n FROM members WHERE kind = 'kommun'").get()).toEqual({ n: 8 });
      expect(db.sqlite.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 11 });
    } finally {
      db.close();
    }
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('creating'))).toEqual([]);
  });

  it('creates an empty database when asked to', () => {
    const db = openKansliDb(path.join(tempDir(), 'tom.sqlite'), { create: 'empty' });
    try {
      expect(db.sqlite.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
      expect(db.sqlite.prepare('SELECT name, is_demo FROM forbund').get()).toEqual({ name: 'Nytt samordningsförbund', is_demo: 0 });
    } finally {
      db.close();
    }
  });

  it('keeps data between openings and makes no backup when nothing is migrated', () => {
    const file = makeKansliDb(tempDir());
    const first = openKansliDb(file);
    first.sqlite.prepare("UPDATE forbund SET name = 'Finsam Test'").run();
    first.close();
    const second = openKansliDb(file);
    try {
      expect(second.sqlite.prepare('SELECT name FROM forbund').get()).toEqual({ name: 'Finsam Test' });
      expect(second.migrationBackup).toBeNull();
    } finally {
      second.close();
    }
  });

  it('migrates a version 1 database forward, keeps its data, backs it up first and indexes it for search', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gammal.sqlite');
    const v1 = MIGRATIONS[0];
    if (!v1) throw new Error('no migrations');
    const old = new Database(file);
    old.pragma(`application_id = ${KANSLI_APPLICATION_ID}`);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;');
    old.exec(v1.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(v1.name, '2025-01-01T00:00:00.000Z');
    old.prepare("INSERT INTO forbund (id, name, is_demo, updated_at) VALUES (1, 'Samordningsförbundet Östra Norrbotten', 0, 'x')").run();
    old
      .prepare(
        "INSERT INTO members (name, short_name, kind, org_nr, created_at, updated_at) VALUES ('Älvsbyns kommun', 'Älvsbyn', 'kommun', '212000-2627', 'x', 'x')",
      )
      .run();
    old.close();

    const db = openKansliDb(file);
    try {
      expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(db.migrationBackup).toBe(`${file}.backup-v1`);
      expect(fs.existsSync(`${file}.backup-v1`)).toBe(true);
      expect(db.sqlite.prepare('SELECT name, diary_format FROM forbund').get()).toEqual({
        name: 'Samordningsförbundet Östra Norrbotten',
        diary_format: '{ÅÅÅÅ}/{NNN}',
      });
      // Members that existed before the search index are found by it.
      const hits = db.sqlite.prepare('SELECT rowid, title FROM search_index WHERE search_index MATCH \'"älvs"*\'').all();
      expect(hits).toEqual([{ rowid: 1 * 8 + 3, title: 'Älvsbyns kommun' }]);
    } finally {
      db.close();
    }
    // The backup is the old database, still at version 1.
    const backup = new Database(`${file}.backup-v1`, { readonly: true });
    expect(backup.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 1 });
    backup.close();
  });

  it('sums the utfall of an older database by month when it is migrated (0013)', () => {
    const file = path.join(tempDir(), 'v12.sqlite');
    const old = new Database(file);
    old.pragma(`application_id = ${KANSLI_APPLICATION_ID}`);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;');
    for (const m of MIGRATIONS.filter((m) => m.version <= 12)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00.000Z');
    }
    old.prepare("INSERT INTO forbund (id, name, is_demo, updated_at) VALUES (1, 'Samordningsförbundet Östra Norrbotten', 0, 'x')").run();
    const row = old.prepare("INSERT INTO utfall (year, booked_on, post, amount_ore, created_at) VALUES (2024, ?, ?, ?, 'x')");
    row.run('2024-02-01', 'fortroendevalda', 10_050);
    row.run('2024-02-29', 'fortroendevalda', 20_000);
    row.run('2024-11-30', 'forvaltning_personal', 5);
    old.close();

    const db = openKansliDb(file);
    try {
      expect(db.sqlite.prepare('SELECT year, month, post, amount_ore, row_count FROM utfall_post_months ORDER BY month').all()).toEqual([
        { year: 2024, month: 2, post: 'fortroendevalda', amount_ore: 30_050, row_count: 2 },
        { year: 2024, month: 11, post: 'forvaltning_personal', amount_ore: 5, row_count: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses a missing file unless asked to create one', () => {
    expect(() => openKansliDb(path.join(tempDir(), 'saknas.sqlite'))).toThrowError(/finns inte/);
  });

  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'protokoll.sqlite');
    fs.writeFileSync(file, 'Protokoll fört vid sammanträde med förbundsstyrelsen\n'.repeat(50));
    const err = expectUntouched(file, () => openError(file));
    expect(err.code).toBe('DB_NOT_KANSLI');
    expect(err.message).toMatch(/ingen Kansli-databas.*inte ändrat/);
  });

  it("refuses another program's SQLite database, and leaves it untouched", () => {
    const file = path.join(tempDir(), 'annan.sqlite');
    const other = new Database(file);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1);');
    other.close();
    const err = expectUntouched(file, () => openError(file));
    expect(err.code).toBe('DB_NOT_KANSLI');
    expect(err.message).toMatch(/annat program/);
  });

  it('refuses a corrupt Kansli database, and leaves it untouched', () => {
    const file = makeKansliDb(tempDir());
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the second page onwards, keeping the header that says it is ours.
    for (let i = pageSize; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    fs.writeFileSync(file, bytes);
    const err = expectUntouched(file, () => openError(file));
    expect(err.code).toBe('DB_CORRUPT');
    expect(err.message).toMatch(/skadad/);
  });

  it('refuses a database made by a newer Kansli, and leaves it untouched', () => {
    const file = makeKansliDb(tempDir());
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'framtid', '2030-01-01')").run(LATEST_SCHEMA_VERSION + 1);
    raw.close();
    const err = expectUntouched(file, () => openError(file));
    expect(err.code).toBe('DB_TOO_NEW');
    expect(err.message).toMatch(/nyare version av Kansli/);
  });

  it('refuses a database whose applied migrations do not match this version', () => {
    const file = makeKansliDb(tempDir());
    const raw = new Database(file);
    raw.prepare("UPDATE schema_migrations SET name = 'något annat' WHERE version = 1").run();
    raw.close();
    const err = expectUntouched(file, () => openError(file));
    expect(err.code).toBe('DB_MISMATCH');
  });
});
