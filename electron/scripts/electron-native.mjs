// Builds better-sqlite3 for Electron's ABI into .electron-native/, leaving the
// copy in node_modules (built for Node, used by tests, host and CLI) untouched.
// Run by `npm start` and `npm run dist` on a machine with internet (it fetches
// Electron's headers once). Skipped when the build for this Electron version exists.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const outDir = path.join(root, '.electron-native');
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const stamp = `electron ${electronVersion} / better-sqlite3 ${sqliteVersion} / ${process.platform}-${process.arch}`;
const stampFile = path.join(outDir, 'build.txt');

if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === stamp) {
  console.log(`better-sqlite3 för Electron finns redan (${stamp}).`);
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-native-'));
try {
  fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  // No inherited nodedir: that points at Node's headers, not Electron's.
  const env = { ...process.env, npm_config_nodedir: '' };
  try {
    // A prebuilt addon for this Electron version, when one is published: no compiler needed.
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] });
    console.log(`Hämtar better-sqlite3 ${sqliteVersion} för Electron ${electronVersion} …`);
    execFileSync(
      process.execPath,
      [prebuild, '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, `--platform=${process.platform}`],
      {
        cwd: work,
        stdio: 'inherit',
        env,
      },
    );
  } catch {
    console.log(`Bygger better-sqlite3 ${sqliteVersion} för Electron ${electronVersion} från källkod …`);
    const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
    execFileSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: work, stdio: 'inherit', env },
    );
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
  fs.writeFileSync(stampFile, `${stamp}\n`);
  console.log(`Klart: ${path.join(outDir, 'better_sqlite3.node')}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
