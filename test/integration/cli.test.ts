import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdftotext } from '../helpers/pdf-tools';
import { demoSession } from '../helpers/session';
import { sha256File, tempDir } from '../helpers/temp';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs the CLI as `npm run -s kansli -- ...` does, without npm's start-up cost. */
/**
 * A database with the tests' demo (registers and diarium) made in this process: the CLI
 * opens it as it is. (On a new file the CLI makes the full demo förbund, 10–15 seconds;
 * test/integration/demo.test.ts covers that.)
 */
function baseDemo(): string {
  const s = demoSession();
  s.close();
  return s.file;
}

function kansli(...args: string[]) {
  const run = spawnSync(process.execPath, [TSX, path.join(ROOT, 'electron', 'host', 'cli.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) as unknown };
}

/** The compiled entry (`npm run build:cli`): the same CLI without tsx. */
function compiled(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'kansli.mjs'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) as unknown };
}

describe('kansli CLI', () => {
  it('runs compiled, without tsx: a call, an Excel export, and a refusal', () => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'kansli.mjs'))) throw new Error('Kör npm run build:cli först.');
    const db = baseDemo();
    const saved = compiled('--db', db, 'call', 'members.save', JSON.stringify({ name: 'Sala kommun', kind: 'kommun', orgNr: '212000-2080' }));
    expect(saved.code, saved.stderr).toBe(0);
    expect((compiled('--db', db, 'call', 'members.list').json() as { name: string }[]).map((m) => m.name)).toContain('Sala kommun');
    const xlsx = compiled('--db', db, 'call', 'xlsx.export', JSON.stringify({ register: 'medlemmar' }));
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(
      Buffer.from((xlsx.json() as { contentBase64: string }).contentBase64, 'base64')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const bad = compiled('--db', db, 'call', 'members.save', JSON.stringify({ name: 'Sala kommun', kind: 'kommun', orgNr: '212000-2081' }));
    expect(bad.code).toBe(2);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/organisationsnummer/i);
  });

  it('makes documents compiled: the PDF, Word and signature machinery load from their chunks when first asked for', () => {
    const db = baseDemo();
    const blad = compiled('--db', db, 'call', 'arendeblad.create', JSON.stringify({ template: 'anmalan_av_delegationsbeslut', datum: '2026-11-23' }));
    expect(blad.code, blad.stderr).toBe(0);
    const id = (blad.json() as { id: number }).id;
    const pdf = compiled('--db', db, 'call', 'arendeblad.pdf', JSON.stringify({ id }));
    expect(pdf.code, pdf.stderr).toBe(0);
    const bytes = Buffer.from((pdf.json() as { contentBase64: string }).contentBase64, 'base64');
    expect(pdftotext(bytes)).toContain('Anmälan av delegationsbeslut');
    const docx = compiled('--db', db, 'call', 'arendeblad.docx', JSON.stringify({ id }));
    expect(docx.code, docx.stderr).toBe(0);
    expect(
      Buffer.from((docx.json() as { contentBase64: string }).contentBase64, 'base64')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const verify = compiled('--db', db, 'call', 'pdf.verify', JSON.stringify({ contentBase64: bytes.toString('base64') }));
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.json()).toMatchObject({ signed: false, signatures: [] });
  });

  it('lists every method with its input as JSON Schema', () => {
    const run = kansli('--db', path.join(tempDir(), 'x.sqlite'), 'methods');
    expect(run.code).toBe(0);
    const methods = run.json() as { name: string; input: { type: string; properties?: Record<string, unknown> } }[];
    expect(methods.map((m) => m.name)).toEqual(expect.arrayContaining(['members.list', 'members.get', 'members.save', 'members.remove']));
    for (const m of methods) expect(Object.keys(m).sort()).toEqual(['input', 'name']);
    const save = methods.find((m) => m.name === 'members.save');
    expect(Object.keys(save?.input.properties ?? {})).toEqual(expect.arrayContaining(['name', 'kind', 'orgNr', 'populations']));
  });

  it('calls a method and prints its result as JSON', () => {
    const db = baseDemo();
    const saved = kansli('--db', db, 'call', 'members.save', JSON.stringify({ name: 'Sala kommun', kind: 'kommun', orgNr: '212000-2080' }));
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.json()).toMatchObject({ name: 'Sala kommun', orgNr: '212000-2080' });
    const list = kansli('--db', db, 'call', 'members.list');
    expect((list.json() as { name: string }[]).map((m) => m.name)).toContain('Sala kommun');
  });

  it('exits 2 with a Swedish error for bad input, and writes nothing', () => {
    const db = baseDemo();
    kansli('--db', db, 'call', 'members.list');
    const before = sha256File(db);
    const run = kansli('--db', db, 'call', 'members.save', JSON.stringify({ name: 'Sala kommun', kind: 'kommun', orgNr: '212000-2081' }));
    expect(run.code).toBe(2);
    expect(run.json()).toEqual({ error: { code: 'VALIDATION', message: expect.stringMatching(/Kontrollsiffran stämmer inte/) } });
    expect(sha256File(db)).toBe(before);
  });

  it('exits 2 for an unknown method, broken JSON and an unknown command', () => {
    const db = baseDemo();
    expect(kansli('--db', db, 'call', 'members.drop').json()).toEqual({ error: { code: 'UNKNOWN_METHOD', message: 'Okänd metod ”members.drop”.' } });
    const broken = kansli('--db', db, 'call', 'members.save', '{name:');
    expect([broken.code, broken.json()]).toEqual([2, { error: { code: 'VALIDATION', message: 'Indata är inte giltig JSON.' } }]);
    expect(kansli('--db', db, 'gör-något').code).toBe(2);
  });

  it('exits 2 for a file that is not a Kansli database and leaves it as it was', () => {
    const file = path.join(tempDir(), 'budget.xlsx');
    fs.writeFileSync(file, 'PK\u0003\u0004 inte en databas');
    const before = sha256File(file);
    const run = kansli('--db', file, 'call', 'members.list');
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ error: { code: 'DB_NOT_KANSLI' } });
    expect(sha256File(file)).toBe(before);
  });
});
