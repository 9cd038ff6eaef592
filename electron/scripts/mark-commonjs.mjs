// The package is "type": "module"; the Electron build is CommonJS (a sandboxed
// preload must be). A package.json in the output folder tells Node which it is.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: mark-commonjs.mjs DIR');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
