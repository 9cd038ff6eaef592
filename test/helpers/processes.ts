import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Envelope } from '../../shared/contract/errors';

/** Kansli's CLI and browser host as real processes, as a user or a script starts them. */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/**
 * Node with tsx's loader in the same process. (tsx's own command starts the script in a
 * second process: a kill -9 of the first would leave the real host running.)
 */
export const TSX_NODE = ['--import', 'tsx'];
/** tsx's command, for a script run through a shell or as another user. */
export const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = path.join(ROOT, 'electron', 'host', 'cli.ts');
const HOST = path.join(ROOT, 'electron', 'host', 'host-main.ts');

/** `npm run -s kansli -- ...` without npm's start-up cost. */
export function kansli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(process.execPath, [...TSX_NODE, CLI, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    input: opts.input,
    env: opts.env ?? process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: <T = unknown>() => JSON.parse(run.stdout) as T };
}

/** `kansli batch`: each line a call; resolves with one envelope per line. */
export function kansliBatch(db: string, calls: { method: string; input: unknown }[]): Promise<Envelope<unknown>[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX_NODE, CLI, '--db', db, 'batch'], { cwd: ROOT, env: process.env });
    const out: Envelope<unknown>[] = [];
    let stderr = '';
    readline.createInterface({ input: child.stdout }).on('line', (line) => out.push(JSON.parse(line) as Envelope<unknown>));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => (out.length === calls.length ? resolve(out) : reject(new Error(`batch gave ${out.length} of ${calls.length} answers: ${stderr}`))));
    child.stdin.end(calls.map((c) => JSON.stringify(c)).join('\n'));
  });
}

export interface HostProcess {
  child: ChildProcessWithoutNullStreams;
  origin: string;
  token: string;
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Ctrl+C: the host takes its backup at close and exits. */
  stop(): Promise<void>;
}

/** `npm run host -- --db FILE --token-file …` as a process; resolves once it listens. */
export async function startHostProcess(db: string, dir: string, extra: string[] = []): Promise<HostProcess> {
  const tokenFile = path.join(dir, `nyckel-${Date.now()}-${Math.random().toString(16).slice(2)}`);
  const child = spawn(process.execPath, [...TSX_NODE, HOST, '--db', db, '--token-file', tokenFile, ...extra], { cwd: ROOT, env: process.env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start: ${stderr}`)), 30_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /Kansli körs på (http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the host exited (${code}): ${stderr}`)));
  });
  const token = fs.readFileSync(tokenFile, 'utf8').trim();
  if ((fs.statSync(tokenFile).mode & 0o077) !== 0) throw new Error('the token file can be read by others');
  return {
    child,
    origin,
    token,
    async call(method, input) {
      const res = await fetch(`${origin}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Envelope<unknown>;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
