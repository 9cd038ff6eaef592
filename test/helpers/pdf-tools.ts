import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp';

/** Poppler and qpdf over a PDF in bytes: what a reader, an archive and a printer would see. */

export function writeTemp(bytes: Uint8Array, name = 'dokument.pdf'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

export function pdftotext(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', writeTemp(bytes), '-'], { encoding: 'utf8' });
}

export function pdffonts(bytes: Uint8Array): { name: string; embedded: boolean; unicode: boolean }[] {
  const out = execFileSync('pdffonts', [writeTemp(bytes)], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type [encoding words…] emb sub uni object ID: the three yes/no columns come before "N 0".
      const flags = cols.slice(-5, -2);
      return { name: cols[0] ?? '', embedded: flags[0] === 'yes', unicode: flags[2] === 'yes' };
    });
}

export function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } {
  const run = spawnSync('qpdf', ['--check', writeTemp(bytes)], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

export function pdfsig(bytes: Uint8Array): string {
  const run = spawnSync('pdfsig', [writeTemp(bytes)], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

export function pageCount(bytes: Uint8Array): number {
  const out = execFileSync('pdfinfo', [writeTemp(bytes)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0);
}
