// Builds the command line's compiled entry, dist/cli/kansli.mjs (npm run build:cli).
//
// Our code and the pure-JavaScript packages go into one ES module, so a call starts without
// tsx and without resolving hundreds of package files. What only some methods need — the
// PDF, Word and signing machinery, which the services import when they make a document —
// is split into chunks beside it (dist/cli/chunks/) and loaded on first use: members.list
// never parses fontkit. better-sqlite3 (native) and exceljs (loaded when a workbook is made)
// stay in node_modules. The banner gives the bundled CommonJS packages a require().
import { build } from 'esbuild';
import fs from 'node:fs';

fs.rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: ['electron/host/cli.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3', 'exceljs', 'electron'],
  outdir: 'dist/cli',
  entryNames: 'kansli',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as kansliCreateRequire } from 'node:module';\nconst require = kansliCreateRequire(import.meta.url);",
  },
});
