import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresBinDir } from '../db/postgres/tools';

export { postgresBinDir };

/**
 * A real PostgreSQL 15 cluster for one test run: made in a temp folder by an
 * unprivileged user (initdb refuses root), listening on 127.0.0.1 with password
 * logins, and removed after. No mock, no in-memory imitation.
 */
export interface TestCluster {
  /** postgres://kansli:…@127.0.0.1:PORT — add a database name. */
  readonly baseUrl: string;
  readonly port: number;
  readonly binDir: string;
  stop(): void;
}

// The tests' own name: on a server the audit log names the login, and the suites expect "testare" on both engines.
const SUPERUSER = 'testare';
const PASSWORD = 'provlösen-å';

function freePort(): number {
  // A port in a range the kernel does not hand out as ephemeral, picked per process.
  return 20_000 + ((process.pid * 7919 + Date.now()) % 20_000);
}

/** `durable`: the server's own defaults (fsync, synchronous_commit), for figures beside SQLite's synchronous=FULL; tests trade them for speed. */
export function startTestCluster(options: { durable?: boolean } = {}): TestCluster {
  const binDir = postgresBinDir();
  if (binDir === null) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(binDir, cmd), ...args]] : [path.join(binDir, cmd), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  fs.chmodSync(root, 0o755);
  const data = path.join(root, 'data');
  const pwfile = path.join(root, 'pw');
  fs.writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', root]);
  run('initdb', ['-D', data, '-U', SUPERUSER, '-A', 'scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  fs.rmSync(pwfile);
  let port = freePort();
  for (let attempt = 0; ; attempt++) {
    try {
      // A test cluster: durability traded for speed, never for a kansli's data.
      const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
      const opts = `-k ${root} -p ${port} -h 127.0.0.1 -c max_connections=200${fast}`;
      run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(root, 'log'), '-w', '-t', '60', 'start']);
      break;
    } catch (err) {
      if (attempt >= 4) throw err;
      port += 1;
    }
  }
  const baseUrl = `postgres://${SUPERUSER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`;
  return {
    baseUrl,
    port,
    binDir,
    stop() {
      const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
      spawnSync(asRoot ? 'runuser' : path.join(binDir, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', path.join(binDir, 'pg_ctl'), ...args] : args, {
        stdio: 'ignore',
      });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
