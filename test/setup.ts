import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Every test file gets its own user data folder (automatic backups, audit anchors),
// also for the CLI and host subprocesses it starts: nothing lands in ~/.config/Kansli.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-data-'));
process.env.KANSLI_DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
