import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KansliError } from '../../shared/contract/errors';

/** PostgreSQL's own programs (pg_dump, pg_restore): the newest Debian installs, else the PATH. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_dump')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0]!, 'bin') : null;
}

export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const dir = postgresBinDir();
  return dir === null ? name : path.join(dir, name);
}

/** The connection in the environment variables libpq reads: the password never on a command line. */
export function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.hostname !== '') env.PGHOST = decodeURIComponent(u.hostname);
  if (u.port !== '') env.PGPORT = u.port;
  if (u.username !== '') env.PGUSER = decodeURIComponent(u.username);
  if (u.password !== '') env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (database !== '') env.PGDATABASE = database;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode !== null) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs one of PostgreSQL's programs; its error output becomes the Swedish message's detail. */
export function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(postgresTool(tool), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) =>
      reject(
        new KansliError('INTERNAL', `${tool} kunde inte startas (${e.message}). Installera PostgreSQL:s klientprogram (apt-get install postgresql-client).`),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new KansliError('INTERNAL', `${tool} misslyckades: ${err.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}
