import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ArchiveWriter, extractEntry, listArchive } from '../../db/archive';
import { readManifest } from '../../db/backup';
import { automaticBackup, backupFolderOf } from '../../electron/services/backups';
import { openSession } from '../../electron/services/session';
import type { BackupInfo } from '../../shared/contract/schemas/backup';
import type { Arende } from '../../shared/contract/schemas/diarium';
import { failure, value } from '../helpers/envelope';
import { kansli, kansliBatch } from '../helpers/processes';
import { count, demoSession } from '../helpers/session';
import { sha256File, tempDir } from '../helpers/temp';

function newArende(title: string) {
  return { method: 'arenden.save' as const, input: { title, kind: 'inkommande' as const, receivedOn: '2026-11-20' } };
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** A copy of `backup` with `edit` applied to the bytes of one entry (a byte flipped in the middle). */
async function flipByte(backup: string, entryName: string): Promise<string> {
  const copy = path.join(tempDir(), 'ändrad.kansli-backup');
  fs.copyFileSync(backup, copy);
  const entry = (await listArchive(copy)).find((e) => e.name.startsWith(entryName));
  if (!entry) throw new Error(`no ${entryName} in the backup`);
  const fd = fs.openSync(copy, 'r+');
  const at = entry.offset + Math.floor(entry.size / 2);
  const byte = Buffer.alloc(1);
  fs.readSync(fd, byte, 0, 1, at);
  byte[0] = byte[0]! ^ 0xff;
  fs.writeSync(fd, byte, 0, 1, at);
  fs.closeSync(fd);
  return copy;
}

describe('backups', () => {
  it('takes a backup while another process writes, and restores it to a database that passes every check, with its documents', async () => {
    const s = demoSession();
    const arende = value(await s.api.call('arenden.save', newArende('Handlingar att säkerhetskopiera').input));
    const large = randomBytes(9 * 1024 * 1024); // beside the database, in kansli.sqlite.dokument/
    const small = Buffer.from('Protokollsutdrag §12 – Åsa Öberg', 'utf8');
    const big = value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'stor bilaga.pdf', contentBase64: large.toString('base64') }));
    value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'utdrag.txt', contentBase64: small.toString('base64') }));
    expect(fs.readdirSync(`${s.file}.dokument`)).toHaveLength(1);
    const before = count(s, 'arenden');

    // Another process registers 150 ärenden while this one makes the backup.
    const writing = kansliBatch(
      s.file,
      Array.from({ length: 150 }, (_, i) => newArende(`Inkommen skrivelse ${i + 1}`)),
    );
    await new Promise((r) => setTimeout(r, 300));
    const backup = value(await s.api.call('backup.create', {}));
    const written = await writing;
    expect(written.every((e) => e.ok)).toBe(true);
    expect(backup).toMatchObject({ reason: 'manuell', documents: 1, warnings: [] });
    expect(path.dirname(backup.file)).toBe(backupFolderOf(s.context()));

    const checked = value(await s.api.call('backup.verify', { file: backup.file }));
    expect(checked.checks.join(' ')).toMatch(/rätt storlek och kontrollsumma/);

    // Restored in another folder: a database that passes every check, with the documents.
    const dir = tempDir();
    const target = path.join(dir, 'kansli.sqlite');
    const r = openSession(target, { create: 'empty', appVersion: 'test', actor: 'testare', dataDir: path.join(dir, 'data') });
    const restored = await r.restore(backup.file);
    expect(restored).toMatchObject({ forbund: 'Samordningsförbundet Uppsala län', documentsAdded: 1 });
    expect(restored.keptAs).toMatch(/kansli\.sqlite\.före-återställning-/);
    expect(integrity(target)).toBe('ok');
    expect(value(await r.api.call('audit.verify', {}))).toMatchObject({ ok: true });
    const n = count(r, 'arenden');
    expect(n).toBeGreaterThanOrEqual(before);
    expect(n).toBeLessThanOrEqual(before + 150);
    // A consistent copy: the ärenden it holds are the first n of the series, none missing in between.
    const numbers = (r.db.sqlite.prepare('SELECT seq FROM arenden WHERE year = 2026 ORDER BY seq').all() as { seq: number }[]).map((x) => x.seq);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const doc = value(await r.api.call('documents.get', { id: big.id }));
    expect(Buffer.from(doc.contentBase64, 'base64').equals(large)).toBe(true);
    // The restore itself is in the log.
    const log = value(await r.api.call('audit.list', { limit: 1 }));
    expect(log[0]?.method).toBe('backup.restore');
    r.close();
    s.close();
  });

  it('refuses a tampered backup before anything is replaced', async () => {
    const s = demoSession();
    const arende = value(await s.api.call('arenden.save', newArende('Före ändringen').input));
    value(await s.api.call('documents.add', { arendeId: arende.id, fileName: 'stor.bin', contentBase64: randomBytes(9 * 1024 * 1024).toString('base64') }));
    const backup = value(await s.api.call('backup.create', {}));
    value(await s.api.call('arenden.save', newArende('Efter kopian').input));
    s.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBefore = sha256File(s.file);
    const filesBefore = fs.readdirSync(path.dirname(s.file)).sort();

    for (const [entry, why] of [
      ['kansli.sqlite', /kansli\.sqlite har ändrats efter att kopian gjordes/],
      ['dokument/', /dokument\/.* har ändrats efter att kopian gjordes/],
    ] as const) {
      const bad = await flipByte(backup.file, entry);
      expect(failure(await s.api.call('backup.verify', { file: bad })).message).toMatch(why);
      expect(failure(await s.api.call('backup.restore', { file: bad })).message).toMatch(why);
    }

    // An audit entry rewritten inside the copy, with a manifest made to match its files: the chain gives it away.
    const staged = tempDir();
    const entries = await listArchive(backup.file);
    const dbEntry = entries.find((e) => e.name === 'kansli.sqlite')!;
    const copyDb = path.join(staged, 'kansli.sqlite');
    await extractEntry(backup.file, dbEntry, copyDb);
    const edit = new Database(copyDb);
    edit.exec('DROP TRIGGER audit_log_no_update');
    edit.prepare("UPDATE audit_log SET actor = 'Någon annan' WHERE id = (SELECT min(id) FROM audit_log)").run();
    edit.close();
    const { manifest } = await readManifest(backup.file);
    const forged = path.join(staged, 'förfalskad.kansli-backup');
    const writer = await ArchiveWriter.create(forged);
    const files = [await writer.addFile('kansli.sqlite', copyDb)];
    for (const f of manifest.files.filter((x) => x.path.startsWith('dokument/'))) {
      const out = path.join(staged, path.basename(f.path));
      await extractEntry(
        backup.file,
        entries.find((e) => e.name === f.path)!,
        out,
      );
      files.push({ ...(await writer.addFile(f.path, out)), storedPaths: f.storedPaths } as (typeof files)[number]);
    }
    await writer.addBuffer('manifest.json', Buffer.from(JSON.stringify({ ...manifest, files })));
    await writer.finish();
    expect(failure(await s.api.call('backup.restore', { file: forged })).message).toMatch(/granskningsloggen i den bryts vid post/);

    // Not a backup at all, and a path that does not exist.
    const text = path.join(staged, 'inte.kansli-backup');
    fs.writeFileSync(text, 'hej');
    expect(failure(await s.api.call('backup.restore', { file: text })).message).toMatch(/ingen giltig Kansli-säkerhetskopia/);
    expect(failure(await s.api.call('backup.verify', { file: path.join(staged, 'saknas.kansli-backup') })).code).toBe('NOT_FOUND');
    expect(failure(await s.api.call('backup.verify', { file: 'relativ/sökväg' })).code).toBe('VALIDATION');

    // Nothing was replaced: the database answers as before, byte for byte.
    expect(count(s, 'arenden')).toBeGreaterThan(0);
    s.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha256File(s.file)).toBe(dbBefore);
    expect(fs.readdirSync(path.dirname(s.file)).sort()).toEqual(filesBefore);
    s.close();
  });

  it('restores in place, keeping the replaced database, and the log check sets aside what the restore gave up', async () => {
    const s = demoSession();
    value(await s.api.call('arenden.save', newArende('Kommer med i kopian').input));
    const backup = value(await s.api.call('backup.create', {}));
    const after = value(await s.api.call('arenden.save', newArende('Efter kopian').input));
    s.close(); // an anchor at close that includes "Efter kopian"
    const again = openSession(s.file, { appVersion: 'test', actor: 'testare', dataDir: s.dataDir });
    const result = value(await again.api.call('backup.restore', { file: backup.file }));
    expect(fs.existsSync(result.keptAs!)).toBe(true);
    expect(failure(await again.api.call('arenden.get', { id: after.id })).code).toBe('NOT_FOUND');
    const verify = value(await again.api.call('audit.verify', {}));
    expect(verify).toMatchObject({ ok: true });
    expect(verify.anchors.setAside).toBeGreaterThan(0);
    // The kept database opens as it was, with "Efter kopian".
    const kept = openSession(result.keptAs!, { appVersion: 'test', actor: 'testare', dataDir: s.dataDir });
    expect(value(await kept.api.call('arenden.get', { id: after.id })).title).toBe('Efter kopian');
    kept.close();
    again.close();
  });

  it("keeps automatic backups by the förbund's counts, and only when something changed", async () => {
    let now = new Date(2026, 0, 1, 8);
    const dir = tempDir();
    const s = openSession(path.join(dir, 'kansli.sqlite'), {
      create: 'demo',
      appVersion: 'test',
      actor: 'testare',
      dataDir: path.join(dir, 'data'),
      now: () => now,
    });
    value(await s.api.call('backup.saveSettings', { recent: 2, daily: 3, weekly: 0, monthly: 2 }));
    const ctx = () => s.context();
    for (let day = 0; day < 70; day++) {
      now = new Date(2026, 0, 1 + day, 8);
      value(await s.api.call('arenden.save', newArende(`Dag ${day}`).input));
      expect(await automaticBackup(ctx(), 'start')).not.toBeNull();
      now = new Date(2026, 0, 1 + day, 17);
      expect(await automaticBackup(ctx(), 'stängning')).toBeNull(); // nothing changed since the morning
    }
    const status = value(await s.api.call('backup.status', {}));
    const days = status.backups.map((b) => b.createdAt.slice(0, 10));
    // The two latest, one a day for three days (overlapping), and the newest of each of two months.
    expect(status.backups).toHaveLength(4);
    expect(new Set(days).size).toBe(4);
    expect(status.policy).toEqual({ recent: 2, daily: 3, weekly: 0, monthly: 2 });
    // A backup made by hand into the same folder is never rotated away.
    const manual = value(await s.api.call('backup.create', {}));
    now = new Date(2026, 2, 20, 8);
    value(await s.api.call('arenden.save', newArende('Senare').input));
    await automaticBackup(ctx(), 'start');
    expect(value(await s.api.call('backup.status', {})).backups.map((b) => b.file)).toContain(manual.file);
    s.close();
  });

  it('says which backup to restore when the database is damaged, or that there is none', async () => {
    const s = demoSession();
    const { file, dataDir } = s;
    const backup = value(await s.api.call('backup.create', {}));
    s.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x55, 8192, 8192 + 4096); // a page of garbage
    fs.writeFileSync(file, bytes);
    let message = '';
    try {
      openSession(file, { appVersion: 'test', dataDir });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/skadad/);
    expect(message).toContain(backup.file);
    expect(fs.existsSync(backup.file)).toBe(true);

    const none = path.join(tempDir(), 'ingen.sqlite');
    fs.writeFileSync(none, bytes);
    try {
      openSession(none, { appVersion: 'test', dataDir: path.join(tempDir(), 'tom') });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/Det finns ingen säkerhetskopia av den/);
  });

  it('names the backup that holds a handling whose file has gone from beside the database', async () => {
    const s = demoSession();
    const arende = value(await s.api.call('arenden.save', newArende('Stor bilaga').input));
    const doc = value(
      await s.api.call('documents.add', { arendeId: arende.id, fileName: 'karta.pdf', contentBase64: randomBytes(9 * 1024 * 1024).toString('base64') }),
    );
    for (const f of fs.readdirSync(`${s.file}.dokument`)) fs.rmSync(path.join(`${s.file}.dokument`, f));
    expect(failure(await s.api.call('documents.get', { id: doc.id })).message).toMatch(/Ingen säkerhetskopia har den/);
    // Put the file back, back it up, remove it again: now the message names that backup.
    s.close();
    const again = openSession(s.file, { appVersion: 'test', actor: 'testare', dataDir: s.dataDir });
    const arende2 = value(await again.api.call('arenden.save', newArende('Samma bilaga igen').input));
    const bytes = randomBytes(9 * 1024 * 1024);
    const doc2 = value(await again.api.call('documents.add', { arendeId: arende2.id, fileName: 'karta2.pdf', contentBase64: bytes.toString('base64') }));
    const backup = value(await again.api.call('backup.create', {}));
    for (const f of fs.readdirSync(`${s.file}.dokument`)) fs.rmSync(path.join(`${s.file}.dokument`, f));
    const message = failure(await again.api.call('documents.get', { id: doc2.id })).message;
    expect(message).toContain(`Filen finns i säkerhetskopian ”${backup.file}” (dokument/`);
    again.close();
  });

  it('backs up and restores from the command line', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'kansli.sqlite');
    expect(kansli(['--db', db, 'call', 'arenden.save', JSON.stringify(newArende('Från kommandoraden').input)]).code).toBe(0);
    const made = kansli(['--db', db, 'backup', dir]);
    expect(made.code, made.stdout + made.stderr).toBe(0);
    const info = made.json<BackupInfo>();
    expect(info.fileName).toMatch(/^Kansli \d{4}-\d{2}-\d{2} kl \d{2}\.\d{2}\.\d{2} manuell\.kansli-backup$/);
    expect(kansli(['--db', db, 'call', 'arenden.save', JSON.stringify(newArende('Försvinner vid återställningen').input)]).code).toBe(0);
    const restored = kansli(['--db', db, 'restore', info.file]);
    expect(restored.code, restored.stdout).toBe(0);
    const titles = kansli(['--db', db, 'call', 'arenden.list', '{}'])
      .json<Arende[]>()
      .map((a) => a.title);
    expect(titles).toContain('Från kommandoraden');
    expect(titles).not.toContain('Försvinner vid återställningen');
    const refused = kansli(['--db', db, 'restore', path.join(dir, 'saknas.kansli-backup')]);
    expect([refused.code, refused.json<{ error: { message: string } }>().error.message]).toEqual([2, expect.stringMatching(/finns inte/)]);
  });
});
