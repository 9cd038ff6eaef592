/**
 * `npm run host -- [--db FILE|postgres://…] [--port N] [--empty] [--token-file FILE] [--no-backups]`: the renderer
 * and the API on 127.0.0.1, for a browser where Electron is not available (and for the
 * e2e tests). The API answers only calls that carry the key made at start: the printed
 * address holds it, and --token-file writes it to a file only this user can read, for
 * a script (`Authorization: Bearer $(cat FILE)`).
 *
 * `npm run host -- --db postgres://… --listen ADDRESS [--port N] [--tls-cert F --tls-key F]`:
 * a kansli server for the kansli's browsers, where each person logs in with their own
 * server login (electron/host/logins.ts) instead of the key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KansliError } from '../../shared/contract/errors';
import { defaultDatabasePath } from '../services/session';
import { describeServer, isServerAddress } from '../../db/postgres/address';
import { startSession } from '../services/start-session';
import { appVersion, RENDERER_DIST } from './node-paths';
import { startAutomaticBackups } from '../services/backups';
import { startHost } from './server';
import { LoginGate } from './logins';
import { personOpener } from './person';

/** Written with mode 0600 (only this user), also when the file was already there. */
function writePrivateFile(file: string, text: string): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    empty: { type: 'boolean', default: false },
    'token-file': { type: 'string' },
    'no-backups': { type: 'boolean', default: false },
    listen: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
  },
  strict: true,
});

if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
  fail('Gränssnittet är inte byggt. Kör först: npm run build:renderer');
}

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Ogiltigt portnummer: ${values.port}`);
const dbFile = values.db ?? defaultDatabasePath();

let session;
try {
  session = await startSession(dbFile, {
    create: values.empty ? 'empty' : 'demo',
    appVersion: appVersion(),
    onDemo: () => console.log(`Skapar demoförbundet med ett års exempeldata i ${isServerAddress(dbFile) ? describeServer(dbFile) : dbFile} (10–15 sekunder) …`),
  });
} catch (err) {
  fail(err instanceof KansliError ? err.message : `Databasen kunde inte öppnas: ${String(err)}`);
}

const listen = values.listen;
if (listen !== undefined && !isServerAddress(dbFile)) fail('--listen kräver en databas på en server (--db postgres://…): en databasfil är för en person.');
if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) fail('Ange både --tls-cert och --tls-key.');
let tls: { cert: Buffer; key: Buffer } | undefined;
try {
  tls =
    values['tls-cert'] !== undefined && values['tls-key'] !== undefined
      ? { cert: fs.readFileSync(values['tls-cert']), key: fs.readFileSync(values['tls-key']) }
      : undefined;
} catch (err) {
  fail(`Certifikatet kunde inte läsas: ${String(err)}`);
}
const host = await startHost({
  api: session.api,
  staticDir: RENDERER_DIST,
  port,
  ...(listen !== undefined ? { logins: new LoginGate(personOpener(dbFile, appVersion())), listen, tls } : {}),
});
// At start, daily while it runs, and at close; --no-backups for a throwaway copy.
const backups = values['no-backups'] ? null : startAutomaticBackups(() => session.context());
const tokenFile = values['token-file'];
if (tokenFile !== undefined) {
  try {
    writePrivateFile(tokenFile, `${host.token}\n`);
  } catch (err) {
    fail(`Nyckelfilen ”${tokenFile}” kunde inte skrivas: ${String(err)}`);
  }
}
if (listen !== undefined)
  console.log(`Kansli körs på ${tls ? 'https' : 'http'}://${listen}:${host.port}/ (var och en loggar in med sin egen inloggning på servern)`);
else console.log(`Kansli körs på ${host.url}`);
console.log(`Databas: ${session.db.path}`);
if (session.db.readOnly) console.log(`Skrivskyddad: ${session.db.readOnly} Ändringar kan inte sparas.`);
if (session.db.networkShare) console.log(`Varning: ${session.db.networkShare}`);
console.log('Avsluta med Ctrl+C.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  if (tokenFile !== undefined) fs.rmSync(tokenFile, { force: true });
  void host
    .close()
    .then(() => backups?.stop())
    .then(() => session.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
