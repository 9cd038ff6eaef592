import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKansliDb } from '../../db/open';
import type { Envelope } from '../../shared/contract/errors';
import type { Member } from '../../shared/contract/schemas/members';
import { createFilled } from '../helpers/arendeblad';
import { failure, value } from '../helpers/envelope';
import { kansli, ROOT, TSX } from '../helpers/processes';
import { count, demoSession } from '../helpers/session';
import { sha256File, tempDir } from '../helpers/temp';
import { buildZip, deflate } from '../helpers/zip';

/** Bad files and bad disks get a Swedish answer naming the cause, never "Ett oväntat fel", and change nothing. */

function arende() {
  return { title: 'Skrivelse', kind: 'inkommande' as const, receivedOn: '2026-11-20' };
}

describe('files from Windows', () => {
  it('reads "–" (0x96) and "€" (0x80) in a Windows-1252 CSV and text file as themselves', async () => {
    const s = demoSession();
    const csv = Buffer.concat([
      Buffer.from('Datum;Post;Insats;Belopp;Text\r\n2026-02-01;Förtroendevalda;;"1 234,50";Arvode januari ', 'latin1'),
      Buffer.from([0x96, 0x20, 0x80, 0x20]),
      Buffer.from('1 234,50 \u00e5\u00e4\u00f6 ', 'latin1'),
      Buffer.from([0x93, 0x63, 0x69, 0x74, 0x61, 0x74, 0x94]),
      Buffer.from('\r\n', 'latin1'),
    ]);
    value(await s.api.call('utfall.import', { fileName: 'utfall.csv', contentBase64: csv.toString('base64') }));
    const rows = value(await s.api.call('utfall.list', { year: 2026 })).rows;
    expect(rows.map((r) => r.text)).toEqual(['Arvode januari – € 1 234,50 åäö “citat”']);

    const a = value(await s.api.call('arenden.save', arende()));
    const text = Buffer.concat([Buffer.from('Kostnad ', 'latin1'), Buffer.from([0x96]), Buffer.from(' 500 ', 'latin1'), Buffer.from([0x80])]);
    const doc = value(await s.api.call('documents.add', { arendeId: a.id, fileName: 'notering.txt', contentBase64: text.toString('base64') }));
    expect((s.db.sqlite.prepare('SELECT text FROM documents WHERE id = ?').get(doc.id) as { text: string }).text).toBe('Kostnad – 500 €');
    s.close();
  });
});

describe('zip bombs disguised as Office files', () => {
  const zeros = deflate(Buffer.alloc(64 * 1024 * 1024));

  it('refuses one whose declared sizes add up to gigabytes, before inflating it', async () => {
    const s = demoSession();
    // 40 entries over the same 64 MB of deflated zeros: 2,5 GB declared, 65 kB on disk.
    const bomb = buildZip(
      Array.from({ length: 40 }, (_, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: zeros,
        declaredSize: 64 * 1024 * 1024,
        ...(i > 0 ? { sameDataAs: 0 } : {}),
      })),
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    const heapBefore = process.memoryUsage().rss;
    const started = performance.now();
    for (const envelope of [
      await s.api.call('xlsx.importPreview', { register: 'diarium', contentBase64: bomb.toString('base64') }),
      await s.api.call('utfall.importPreview', { fileName: 'utfall.xlsx', contentBase64: bomb.toString('base64') }),
    ]) {
      const f = failure(envelope);
      expect(f.code).toBe('VALIDATION');
      expect(f.message).toMatch(/packas upp till 2,5\u00a0GB – mer än de 256\u00a0MB Kansli tar emot.*Inget har sparats/);
    }
    const a = value(await s.api.call('arenden.save', arende()));
    const before = count(s, 'documents');
    expect(failure(await s.api.call('documents.add', { arendeId: a.id, fileName: 'rapport.docx', contentBase64: bomb.toString('base64') })).message).toMatch(
      /Filen ”rapport\.docx” packas upp till 2,5/,
    );
    expect(count(s, 'documents')).toBe(before);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(300 * 1024 * 1024);
    s.close();
  });

  it('refuses one that lies about its sizes, stopping the inflate at the declared size', async () => {
    const s = demoSession();
    const liar = buildZip([
      { name: '[Content_Types].xml', data: deflate(Buffer.from('<Types/>')), declaredSize: 8 },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1024 },
    ]);
    const f = failure(await s.api.call('xlsx.importPreview', { register: 'diarium', contentBase64: liar.toString('base64') }));
    expect(f.message).toMatch(/delen ”xl\/worksheets\/sheet1\.xml” som packas upp till mer än de 1\u00a0kB den uppger/);
    // A broken first entry must not let the check stop before the bomb behind it.
    const hidden = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from([0x78, 0x9c]), declaredSize: 0 },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1024 },
    ]);
    const started = performance.now();
    for (const envelope of [
      await s.api.call('xlsx.importPreview', { register: 'diarium', contentBase64: hidden.toString('base64') }),
      await s.api.call('utfall.importPreview', { fileName: 'utfall.xlsx', contentBase64: hidden.toString('base64') }),
    ]) {
      expect(failure(envelope).message).toMatch(/^Excel-filen är skadad|^Filen ”utfall\.xlsx” är skadad/);
    }
    expect(performance.now() - started).toBeLessThan(2000);
    s.close();
  });
});

describe('a certificate file that asks for an absurd key derivation', () => {
  it('is refused at once, before it can freeze the app', async () => {
    const s = demoSession();
    const dir = tempDir();
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'k.pem'),
        '-out',
        path.join(dir, 'c.pem'),
        '-days',
        '30',
        '-subj',
        '/CN=Åsa Öberg',
        '-utf8',
      ],
      { stdio: 'pipe' },
    );
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-inkey',
        path.join(dir, 'k.pem'),
        '-in',
        path.join(dir, 'c.pem'),
        '-out',
        path.join(dir, 'tung.p12'),
        '-passout',
        'pass:lösen',
        '-iter',
        '2000000',
      ],
      { stdio: 'pipe' },
    );
    const blad = await createFilled(s, 'tillaggsansokan');
    const started = performance.now();
    const f = failure(
      await s.api.call('arendeblad.sign', {
        id: blad.id,
        credentials: { certificateBase64: fs.readFileSync(path.join(dir, 'tung.p12')).toString('base64'), password: 'lösen', role: 'Förbundschef' },
      }),
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(f.message).toMatch(/begär 2\u00a0000\u00a0000 varv .*\(högst 100\u00a0000 tas emot\).* Inget har signerats/);
    s.close();
  });
});

describe('bad disks', () => {
  it('says the disk is full, and nothing is saved', async () => {
    const s = demoSession();
    const before = count(s, 'arenden');
    const pages = Number(s.db.sqlite.pragma('page_count', { simple: true }));
    s.db.sqlite.pragma(`max_page_count = ${pages}`);
    let refused: Envelope<unknown> | null = null;
    for (let i = 0; i < 500 && (refused === null || refused.ok); i++) {
      refused = await s.api.call('arenden.save', { ...arende(), description: 'x'.repeat(4000) });
    }
    const f = failure(refused!);
    expect(f.code).toBe('DISK_FULL');
    expect(f.message).toBe(
      'Disken där databasen ligger är full. Inget har sparats. Frigör utrymme på disken (eller flytta databasen till en disk med plats) och försök igen.',
    );
    const saved = count(s, 'arenden');
    s.db.sqlite.pragma('max_page_count = 1073741823');
    expect(value(await s.api.call('arenden.save', arende())).title).toBe('Skrivelse');
    expect(count(s, 'arenden')).toBe(saved + 1);
    expect(saved).toBeGreaterThanOrEqual(before);
    s.close();
  });

  // A small tmpfs in a mount namespace of its own: a real ENOSPC for a large handling's file.
  const canMount = process.platform === 'linux' && spawnSync('unshare', ['-m', 'true']).status === 0;
  it.skipIf(!canMount)('says the disk is full when a large handling does not fit beside the database', () => {
    const dir = tempDir();
    const mnt = path.join(dir, 'liten-disk');
    fs.mkdirSync(mnt);
    const db = path.join(dir, 'kansli.sqlite');
    openKansliDb(db, { create: 'demo' }).close();
    const calls = [
      { method: 'arenden.save', input: arende() },
      { method: 'documents.add', input: { arendeId: 20, fileName: 'stor.pdf', contentBase64: Buffer.alloc(9 * 1024 * 1024, 7).toString('base64') } },
      { method: 'arenden.list', input: {} },
    ];
    const script = `mount -t tmpfs -o size=3m tmpfs "$1" && cp "$2" "$1/" && exec "$3" "$4" "$5" --db "$1/kansli.sqlite" batch`;
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', mnt, db, process.execPath, TSX, path.join(ROOT, 'electron', 'host', 'cli.ts')], {
      input: calls.map((c) => JSON.stringify(c)).join('\n'),
      encoding: 'utf8',
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Envelope<unknown>);
    expect(answers[0]?.ok, run.stderr).toBe(true);
    const f = failure(answers[1]!);
    expect(f.code).toBe('DISK_FULL');
    expect(f.message).toMatch(
      /^Filen kunde inte sparas i mappen kansli\.sqlite\.dokument bredvid databasen\. Disken där databasen ligger är full\. Inget har sparats\./,
    );
    expect(answers[2]?.ok).toBe(true);
  });

  const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
  it.skipIf(!asNobody)('opens a database on a read-only folder read-only: reading works, every save is refused with the reason, the CLI exits 2', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const folder = path.join(dir, 'skrivskyddad');
    fs.mkdirSync(folder);
    const db = path.join(folder, 'kansli.sqlite');
    openKansliDb(db, { create: 'demo' }).close();
    fs.chmodSync(db, 0o444);
    fs.chmodSync(folder, 0o555);
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-nobody-'));
    fs.chmodSync(data, 0o777);
    const hash = sha256File(db);
    const asUser = (args: string[]) => {
      const run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, TSX, path.join(ROOT, 'electron', 'host', 'cli.ts'), '--db', db, ...args], {
        encoding: 'utf8',
        cwd: ROOT,
        env: { ...process.env, KANSLI_DATA_DIR: data, HOME: data },
      });
      return { code: run.status, json: () => JSON.parse(run.stdout) as unknown, stderr: run.stderr };
    };
    try {
      const list = asUser(['call', 'members.list']);
      expect(list.code, list.stderr).toBe(0);
      expect((list.json() as Member[]).length).toBe(11);
      const info = asUser(['call', 'app.info']).json() as { readOnly: string | null };
      expect(info.readOnly).toMatch(/Kansli får inte skriva i mappen .*skrivskyddad/);
      const save = asUser(['call', 'arenden.save', JSON.stringify(arende())]);
      expect(save.code).toBe(2);
      expect(save.json()).toEqual({
        error: {
          code: 'READ_ONLY',
          message: expect.stringMatching(/^Databasen är öppnad skrivskyddad: Kansli får inte skriva i mappen .* Inget har sparats\.$/),
        },
      });
      expect(sha256File(db)).toBe(hash);
    } finally {
      fs.chmodSync(folder, 0o755);
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('removing what is still in use', () => {
  it('names what uses a member, and removes nothing', async () => {
    const s = demoSession();
    const members = value(await s.api.call('members.list', {}));
    const tierp = members.find((m) => m.name === 'Tierps kommun')!;
    const before = count(s, 'members');
    const f = failure(await s.api.call('members.remove', { id: tierp.id }));
    expect(f.code).toBe('RULE');
    expect(f.message).toMatch(/^Tierps kommun kan inte tas bort eftersom medlemmen fortfarande används: \d+ platser i styrelsen.*\. Inget har tagits bort\.$/);
    expect(f.message).not.toMatch(/oväntat/);
    expect(count(s, 'members')).toBe(before);
    s.close();
  });

  it('answers the CLI with the same words', () => {
    const db = path.join(tempDir(), 'kansli.sqlite');
    const members = kansli(['--db', db, 'call', 'members.list']).json<Member[]>();
    const run = kansli(['--db', db, 'call', 'members.remove', JSON.stringify({ id: members.find((m) => m.kind === 'region')!.id })]);
    expect(run.code).toBe(2);
    expect(run.json<{ error: { message: string } }>().error.message).toMatch(/kan inte tas bort eftersom medlemmen fortfarande används/);
  });
});
