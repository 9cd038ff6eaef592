import fs from 'node:fs';
import path from 'node:path';

/** Repository root, from this file's place (electron/host/). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
