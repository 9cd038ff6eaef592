import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from './context';

const MARKER = path.join('fonts', 'Carlito-Regular.ttf');

/**
 * The folder with fonts and the ICC profile that go into every PDF. Electron passes
 * it (inside the installed app, or the repository when run from source); the host,
 * the CLI and the tests find the repository's resources/ from the working directory.
 */
export function resourcesDir(ctx: Pick<ServiceContext, 'resourcesDir'>): string {
  const candidates = [ctx.resourcesDir, process.env.KANSLI_RESOURCES];
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'resources'));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((dir): dir is string => dir !== undefined && fs.existsSync(path.join(dir, MARKER)));
  if (!found) throw new Error(`Kansli's resources folder (with ${MARKER}) was not found`);
  return found;
}

const cache = new Map<string, Buffer>();

/** A file from the resources folder, read once. */
export function resourceBytes(ctx: Pick<ServiceContext, 'resourcesDir'>, ...parts: string[]): Buffer {
  const file = path.join(resourcesDir(ctx), ...parts);
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(file);
    cache.set(file, bytes);
  }
  return bytes;
}
