/**
 * The command line over the same contract:
 *   kansli [--db FILE] methods              JSON array of { name, input } (input = JSON Schema)
 *   kansli [--db FILE] call METHOD ['JSON'] the result as JSON, exit 0;
 *                                           or { "error": { code, message } }, exit 2
 *   kansli [--db FILE] batch                one { "method", "input" } per line on stdin, one
 *                                           envelope per line on stdout, each call its own write
 *   kansli [--db FILE] backup FILE|FOLDER   a backup (.kansli-backup) of the database
 *   kansli [--db FILE] restore FILE         checks a backup and puts it in the database's place
 *   kansli migrate --from A --to B          moves a database between a file and a PostgreSQL
 *                                           server (either way), checked table by table
 *   kansli workcopy take|send …             a working copy of a server database for the train,
 *                                           and its edits sent back (conflicts: exit 3)
 * --db takes a file or a server database (postgres://user@host/db; the password from
 * PGPASSWORD or ~/.pgpass, never needed in the address).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { BACKUP_EXTENSION } from '../../db/backup';
import { KansliError, type ApiError, type Envelope } from '../../shared/contract/errors';
import { backupFileName, makeBackup, toInfo } from '../services/backups';
import { moveDatabase } from '../services/move-database';
import { isServerAddress } from '../../db/postgres/address';
import type { KansliDb } from '../../db/open';
import { defaultDatabasePath, type Session } from '../services/session';
import { startSession } from '../services/start-session';
import { describeMethods } from './cli-methods';
import { appVersion } from './node-paths';

const USAGE = `Användning:
  npm run -s kansli -- [--db FIL|postgres://…] methods
  npm run -s kansli -- [--db FIL|postgres://…] call METOD ['JSON']
  npm run -s kansli -- [--db FIL|postgres://…] batch < anrop.jsonl
  npm run -s kansli -- [--db FIL|postgres://…] backup FIL-ELLER-MAPP
  npm run -s kansli -- [--db FIL] restore FIL
  npm run -s kansli -- --db postgres://…/tom-databas restore FIL      (en serverkopia, till en tom databas)
  npm run -s kansli -- migrate --from FIL --to postgres://…   (eller tvärtom)
  npm run -s kansli -- workcopy take --from postgres://… --to FIL --arendeblad 5,7
  npm run -s kansli -- workcopy send --from FIL --to postgres://… [--mine 5] [--theirs 7]`;

function printError(error: ApiError): never {
  process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
  process.exit(2);
}

function printValue(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function asApiError(err: unknown): ApiError {
  return err instanceof KansliError ? err.toApiError() : { code: 'INTERNAL', message: `Ett oväntat fel inträffade: ${String(err)}` };
}

/** Each line a call; a line that is not JSON gets its own error line and the rest go on. */
async function runBatch(session: Session<KansliDb>): Promise<boolean> {
  let allOk = true;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let envelope: Envelope<unknown>;
    try {
      const { method, input } = JSON.parse(line) as { method?: unknown; input?: unknown };
      envelope =
        typeof method === 'string'
          ? await session.api.dispatch(method, input ?? {})
          : { ok: false, error: { code: 'VALIDATION', message: 'Raden saknar "method".' } };
    } catch {
      envelope = { ok: false, error: { code: 'VALIDATION', message: 'Raden är inte giltig JSON.' } };
    }
    if (!envelope.ok) allOk = false;
    process.stdout.write(`${JSON.stringify(envelope)}\n`);
  }
  return allOk;
}

/** FOLDER → a named file in it; FILE → that file (with the extension added when missing). */
function backupTarget(arg: string, now: Date): string {
  const absolute = path.resolve(arg);
  if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) return path.join(absolute, backupFileName(now, 'manuell'));
  return absolute.endsWith(BACKUP_EXTENSION) ? absolute : `${absolute}${BACKUP_EXTENSION}`;
}

/** "5,7" → [5, 7]; anything else is refused. */
function ids(list: string | undefined, what: string): number[] {
  if (list === undefined || list.trim() === '') return [];
  const out = list.split(',').map((x) => Number(x.trim()));
  if (out.some((n) => !Number.isInteger(n) || n <= 0)) printError({ code: 'VALIDATION', message: `${what} ska vara id-nummer åtskilda med komma, t.ex. 5,7.` });
  return out;
}

/** `workcopy take --from postgres://… --to FILE --arendeblad 5,7` and `workcopy send --from FILE --to postgres://… [--mine 5] [--theirs 7]`. */
async function workCopyCommand(
  action: string | undefined,
  values: { from?: string; to?: string; arendeblad?: string; mine?: string; theirs?: string },
): Promise<void> {
  const { from, to } = values;
  if ((action !== 'take' && action !== 'send') || from === undefined || to === undefined) {
    printError({ code: 'VALIDATION', message: `Ange workcopy take eller workcopy send med --from och --to.\n${USAGE}` });
  }
  try {
    const { sendWorkCopy, takeWorkCopy } = await import('../services/workcopy');
    if (action === 'take') {
      printValue(await takeWorkCopy(from, to, ids(values.arendeblad, '--arendeblad')));
    } else {
      const choices: Record<number, 'mine' | 'theirs'> = {};
      for (const id of ids(values.mine, '--mine')) choices[id] = 'mine';
      for (const id of ids(values.theirs, '--theirs')) choices[id] = 'theirs';
      const sent = await sendWorkCopy(from, to, choices);
      printValue(sent);
      // A conflict left open is not an error, but a script must notice it.
      if (sent.conflicts.length > 0) process.exitCode = 3;
    }
  } catch (err) {
    printError(asApiError(err));
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        db: { type: 'string' },
        empty: { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        arendeblad: { type: 'string' },
        mine: { type: 'string' },
        theirs: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    printError({ code: 'VALIDATION', message: `${(err as Error).message}\n${USAGE}` });
  }
  const [command, arg, json] = parsed.positionals;

  if (command === 'methods') {
    printValue(describeMethods());
    return;
  }
  if (command === 'workcopy') {
    await workCopyCommand(arg, parsed.values);
    return;
  }
  if (command === 'migrate') {
    const { from, to } = parsed.values;
    if (from === undefined || to === undefined || parsed.positionals.length !== 1)
      printError({ code: 'VALIDATION', message: `Ange --from och --to.\n${USAGE}` });
    try {
      // Progress on stderr: stdout is the JSON answer.
      printValue(await moveDatabase(from, to, { onProgress: (p) => console.error(`${p.step} (${p.done}/${p.total})`) }));
    } catch (err) {
      printError(asApiError(err));
    }
    return;
  }
  const known =
    (command === 'call' && arg !== undefined && parsed.positionals.length <= 3) ||
    (command === 'batch' && parsed.positionals.length === 1) ||
    ((command === 'backup' || command === 'restore') && arg !== undefined && parsed.positionals.length === 2);
  if (!known) printError({ code: 'VALIDATION', message: `Okänt kommando.\n${USAGE}` });

  let input: unknown = {};
  if (command === 'call' && json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      printError({ code: 'VALIDATION', message: 'Indata är inte giltig JSON.' });
    }
  }

  // A server backup goes into a new, empty server database (never over the one in use).
  const location = parsed.values.db ?? defaultDatabasePath();
  if (command === 'restore' && arg !== undefined && isServerAddress(location)) {
    try {
      const { restoreIntoServer } = await import('../services/server-restore');
      printValue(await restoreIntoServer(arg, location));
    } catch (err) {
      printError(asApiError(err));
    }
    return;
  }

  let session: Session<KansliDb>;
  try {
    session = await startSession(location, {
      create: command === 'restore' ? false : parsed.values.empty ? 'empty' : 'demo',
      appVersion: appVersion(),
      // On stderr: stdout is the JSON answer.
      onDemo: () => console.error('Skapar demoförbundet med ett års exempeldata (10–15 sekunder) …'),
    });
  } catch (err) {
    if (err instanceof KansliError) printError(err);
    throw err;
  }
  let failed: ApiError | null = null;
  try {
    if (command === 'call' && arg !== undefined) {
      const envelope = await session.api.dispatch(arg, input);
      if (envelope.ok) printValue(envelope.value);
      else failed = envelope.error;
    } else if (command === 'batch') {
      if (!(await runBatch(session))) process.exitCode = 2;
    } else if (command === 'backup' && arg !== undefined) {
      const ctx = session.context();
      const target = backupTarget(arg, ctx.now());
      const written = await makeBackup(ctx, 'manuell', path.dirname(target), path.basename(target));
      printValue(toInfo(written));
    } else if (command === 'restore' && arg !== undefined) {
      printValue(await session.restore(path.resolve(arg)));
    }
  } catch (err) {
    failed = asApiError(err);
  } finally {
    await session.close();
  }
  if (failed) printError(failed);
}

await main();
