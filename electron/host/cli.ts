/**
 * The command line over the same contract:
 *   kansli [--db FILE] methods              JSON array of { name, input } (input = JSON Schema)
 *   kansli [--db FILE] call METHOD ['JSON'] the result as JSON, exit 0;
 *                                           or { "error": { code, message } }, exit 2
 */
import { parseArgs } from 'node:util';
import { KansliError, type ApiError } from '../../shared/contract/errors';
import { defaultDatabasePath, openSession } from '../services/session';
import { describeMethods } from './cli-methods';
import { appVersion } from './node-paths';

const USAGE = `Användning:
  npm run -s kansli -- [--db FIL] methods
  npm run -s kansli -- [--db FIL] call METOD ['JSON']`;

function printError(error: ApiError): never {
  process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: { db: { type: 'string' }, empty: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  } catch (err) {
    printError({ code: 'VALIDATION', message: `${(err as Error).message}\n${USAGE}` });
  }
  const [command, method, json] = parsed.positionals;

  if (command === 'methods') {
    process.stdout.write(`${JSON.stringify(describeMethods(), null, 2)}\n`);
    return;
  }
  if (command !== 'call' || method === undefined || parsed.positionals.length > 3) {
    printError({ code: 'VALIDATION', message: `Okänt kommando.\n${USAGE}` });
  }

  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      printError({ code: 'VALIDATION', message: 'Indata är inte giltig JSON.' });
    }
  }

  let session;
  try {
    session = openSession(parsed.values.db ?? defaultDatabasePath(), {
      create: parsed.values.empty ? 'empty' : 'demo',
      appVersion: appVersion(),
    });
  } catch (err) {
    if (err instanceof KansliError) printError(err);
    throw err;
  }
  try {
    const envelope = await session.api.call(method, input);
    if (!envelope.ok) printError(envelope.error);
    process.stdout.write(`${JSON.stringify(envelope.value, null, 2)}\n`);
  } finally {
    session.close();
  }
}

await main();
