import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDb } from '../../db/postgres/open';
import { ENGINES, newServerDatabase } from '../helpers/engines';
import { ROOT } from '../helpers/processes';

/**
 * The closest this machine comes to starting the window (the Electron binary cannot be
 * downloaded here): the compiled main process in dist/ is loaded under a stand-in for
 * the `electron` module that records what main asks of it, and is then driven as
 * Electron would drive it: app ready, an IPC call from the window (and from a foreign
 * frame), the app:// protocol, new windows and navigation, and quit.
 */

type Handler = (...args: never[]) => unknown;

interface Recorded {
  ipc: Map<string, Handler>;
  protocols: Map<string, (request: Request) => Promise<Response>>;
  windows: { webPreferences: Record<string, unknown> }[];
  loaded: string[];
  appEvents: Map<string, Handler>;
  permissionRequest: Handler | null;
  permissionCheck: Handler | null;
  webContentsCreated: Handler | null;
  opened: string[];
  dialogs: string[];
  quit: number;
  answer: number;
}

const MAIN = path.join(ROOT, 'dist', 'electron', 'electron', 'main.js');
const rec: Recorded = {
  ipc: new Map(),
  protocols: new Map(),
  windows: [],
  loaded: [],
  appEvents: new Map(),
  permissionRequest: null,
  permissionCheck: null,
  webContentsCreated: null,
  opened: [],
  dialogs: [],
  quit: 0,
  answer: 1,
};
let userData = '';
let ready: () => void = () => undefined;
let standInApp: unknown;

function standIn(): unknown {
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const webContents = { reload: () => undefined, on: () => undefined, setWindowOpenHandler: () => undefined, loadURL: async () => undefined };
  // As Electron does: quit asks before-quit first, and closing the last window says window-all-closed.
  const quit = () => {
    let prevented = false;
    (rec.appEvents.get('before-quit') as unknown as ((e: { preventDefault(): void }) => void) | undefined)?.({ preventDefault: () => (prevented = true) });
    if (!prevented) rec.quit += 1;
  };
  class BrowserWindow {
    webContents = webContents;
    private closed: (() => void)[] = [];
    constructor(options: { webPreferences: Record<string, unknown> }) {
      rec.windows.push(options);
    }
    once(): void {}
    on(event: string, fn: () => void): void {
      if (event === 'closed') this.closed.push(fn);
    }
    close(): void {
      for (const fn of this.closed) fn();
      (rec.appEvents.get('window-all-closed') as unknown as (() => void) | undefined)?.();
    }
    show(): void {}
    setTitle(): void {}
    setProgressBar(): void {}
    isMinimized(): boolean {
      return false;
    }
    loadURL(url: string): Promise<void> {
      rec.loaded.push(url);
      return Promise.resolve();
    }
    static fromWebContents(): null {
      return null;
    }
  }
  const answer = async (options: { message?: string; detail?: string }) => {
    rec.dialogs.push(`${options.message ?? ''} ${options.detail ?? ''}`);
    return { response: rec.answer };
  };
  return {
    app: {
      isPackaged: false,
      setName: () => undefined,
      getName: () => 'Kansli',
      getVersion: () => '0.0.0-test',
      getAppPath: () => ROOT,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: Handler) => void rec.appEvents.set(event, fn),
      whenReady: () => whenReady,
      quit,
      exit: () => void (rec.quit += 1),
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => void rec.dialogs.push(`${title}: ${message}`),
      showMessageBox: (a: unknown, b?: unknown) => answer((b ?? a) as { message?: string }),
      showMessageBoxSync: () => rec.answer,
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: { handle: (channel: string, fn: Handler) => void rec.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    net: { fetch: async (url: string) => new Response(fs.readFileSync(fileURLToPath(url)), { status: 200, headers: { 'Content-Type': 'text/html' } }) },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => void rec.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => void (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Handler) => void (rec.permissionCheck = fn),
      },
    },
    shell: { openExternal: async (url: string) => void rec.opened.push(url), showItemInFolder: () => undefined },
    // The OS keychain's encryption, as safeStorage gives it: never the text itself.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`nyckelring:${Buffer.from(text).toString('hex').split('').reverse().join('')}`),
      decryptString: (data: Buffer) =>
        Buffer.from(
          data
            .toString()
            .replace(/^nyckelring:/, '')
            .split('')
            .reverse()
            .join(''),
          'hex',
        ).toString(),
    },
  };
}

async function waitFor(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const OWN_FRAME = { senderFrame: { url: 'app://kansli/index.html', parent: null } };

async function ipcCall(event: unknown, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const handler = rec.ipc.get('kansli:call') as unknown as (
    e: unknown,
    m: unknown,
    i: unknown,
  ) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  return handler(event, method, input);
}

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error('Huvudprocessen är inte byggd: kör npm run build:electron (npm test gör det).');
  // Not tempDir(): that is emptied after each test, and this folder lives for the whole file.
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'kansli-electron-'));
  (process as { resourcesPath?: string }).resourcesPath = path.join(userData, 'resources-saknas');
  const require = createRequire(import.meta.url);
  const electronPath = require.resolve('electron');
  const exports = standIn() as { app: unknown };
  standInApp = exports.app;
  require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports } as unknown as NodeJS.Module;
  require(MAIN);
  ready();
  // The demo förbund is made before the window (10–15 s alone; more on a loaded two-core machine).
  await waitFor(() => rec.windows.length === 1 || rec.dialogs.length > 0, 'the window', 55_000);
  if (rec.windows.length === 0) throw new Error(rec.dialogs.join('\n'));
}, 60_000);

afterAll(async () => {
  // Quit: the window closes first (its guard could keep it), then the backup at close, then the database.
  (standInApp as { quit(): void }).quit();
  await waitFor(() => rec.quit > 0, 'quit');
  fs.rmSync(userData, { recursive: true, force: true });
});

describe('the compiled main process under a stand-in for electron', () => {
  it('opens the window sandboxed, isolated, without Node, from app://kansli', () => {
    const prefs = rec.windows[0]!.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(path.join(ROOT, 'dist', 'electron', 'electron', 'preload.js'));
    expect(rec.loaded).toEqual(['app://kansli/index.html']);
    expect(fs.existsSync(path.join(userData, 'kansli.sqlite'))).toBe(true);
  });

  it('answers a call from its own window through IPC, and refuses a foreign frame and a subframe', async () => {
    const members = await ipcCall(OWN_FRAME, 'members.list', {});
    expect(members.ok).toBe(true);
    expect((members.value as unknown[]).length).toBe(11);
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://kansli/index.html', parent: {} } },
      { senderFrame: null },
      {},
    ]) {
      const refused = await ipcCall(event, 'members.list', {});
      expect(refused).toMatchObject({ ok: false, error: { message: 'Anropet kommer inte från Kanslis eget fönster och avvisas.' } });
    }
    expect(await ipcCall(OWN_FRAME, 42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await ipcCall(OWN_FRAME, 'members.save', { name: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the renderer on app:// with its CSP, and nothing outside it, also for traversal and malformed paths', async () => {
    const handle = rec.protocols.get('app')!;
    const index = await handle(new Request('app://kansli/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    for (const url of [
      'app://kansli/../../package.json',
      'app://kansli/%2e%2e/%2e%2e/package.json',
      'app://kansli/..%2f..%2fpackage.json',
      'app://kansli/%E0%A4%A',
      'app://kansli/%00',
      'app://kansli/..\\..\\package.json',
      'app://annan/index.html',
    ]) {
      const res = await handle(new Request(url));
      expect([url, res.status]).toEqual([url, 404]);
    }
  });

  it('indexes a PDF through the compiled code (pdf.js imported at run time), so a word in it is found', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Arbetsträningsplatserna i Östhammar', { x: 50, y: 700, size: 14, font });
    const arende = await ipcCall(OWN_FRAME, 'arenden.save', { title: 'Rapport', kind: 'inkommande', receivedOn: '2026-11-20' });
    const id = (arende.value as { id: number }).id;
    const added = await ipcCall(OWN_FRAME, 'documents.add', {
      arendeId: id,
      fileName: 'rapport.pdf',
      contentBase64: Buffer.from(await pdf.save()).toString('base64'),
    });
    expect(added.ok).toBe(true);
    const found = await ipcCall(OWN_FRAME, 'search.query', { query: 'arbetsträningsplatserna' });
    expect(JSON.stringify(found.value)).toContain('rapport.pdf');
  });

  it('denies permissions and new windows; a web address opens only after the user says yes', async () => {
    expect((rec.permissionCheck as unknown as () => boolean)()).toBe(false);
    let granted: boolean | null = null;
    (rec.permissionRequest as unknown as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);

    const handlers = new Map<string, (...a: unknown[]) => unknown>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      on: (e: string, fn: (...a: unknown[]) => unknown) => handlers.set(e, fn),
    };
    (rec.appEvents.get('web-contents-created') as unknown as (e: unknown, c: unknown) => void)({}, contents);
    rec.answer = 1; // Avbryt
    expect(openHandler!({ url: 'https://www.finsam.se/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.opened).toEqual([]);
    expect(rec.dialogs.at(-1)).toContain('https://www.finsam.se/');
    rec.answer = 0; // Öppna
    expect(openHandler!({ url: 'https://www.finsam.se/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.opened).toEqual(['https://www.finsam.se/']);
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    rec.answer = 1;

    let prevented = false;
    handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    prevented = false;
    handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'app://kansli/index.html#/register');
    expect(prevented).toBe(false);
    expect(handlers.has('will-attach-webview')).toBe(true);
    expect(handlers.has('will-prevent-unload')).toBe(true);
  });

  it('has taken its automatic backup at start in the user data folder', async () => {
    await expect
      .poll(
        () => {
          const root = path.join(userData, 'Säkerhetskopior');
          return fs.existsSync(root)
            ? fs
                .readdirSync(root)
                .flatMap((d) => fs.readdirSync(path.join(root, d)))
                .filter((n) => n.endsWith('.kansli-backup')).length
            : 0;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
  });

  it.skipIf(!ENGINES.includes('postgres'))(
    'opens a server database from Arkiv → Anslut till server …, keeps its password only encrypted, and keeps the file open when the login is wrong',
    async () => {
      const url = await newServerDatabase();
      await (await openPostgresDb(url, { create: 'demo' })).close();
      const address = new URL(url);
      const password = decodeURIComponent(address.password);
      address.password = '';
      const connect = rec.ipc.get('kansli:connect-server') as unknown as (
        e: unknown,
        input: unknown,
      ) => Promise<{ ok: boolean; value?: { database: string; remembered: boolean }; error?: { code: string; message: string } }>;
      const databasePath = async () => ((await ipcCall(OWN_FRAME, 'app.info', {})).value as { databasePath: string }).databasePath;

      expect(
        await connect({ senderFrame: { url: 'https://evil.example/', parent: null } }, { address: address.toString(), password, remember: false }),
      ).toMatchObject({ ok: false });
      expect(await connect(OWN_FRAME, { address: url, password, remember: false })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/lösenordsfältet/) },
      });
      const wrong = await connect(OWN_FRAME, { address: address.toString(), password: 'fel lösenord', remember: true });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'DB_AUTH' } });
      expect(await databasePath()).toMatch(/kansli\.sqlite$/);

      const done = await connect(OWN_FRAME, { address: address.toString(), password, remember: true });
      expect(done).toMatchObject({ ok: true, value: { database: expect.stringMatching(/^postgres:\/\/testare@127\.0\.0\.1:\d+\/kansli_/), remembered: true } });
      expect(await databasePath()).toBe(done.value?.database);
      expect((await ipcCall(OWN_FRAME, 'members.list', {})).ok).toBe(true);
      // Nowhere in the user's data in plain text: the settings hold the address and the keychain's encryption.
      const settings = JSON.parse(fs.readFileSync(path.join(userData, 'kansli-settings.json'), 'utf8')) as Record<string, string>;
      expect(settings.lastServer).toBe(done.value?.database);
      expect(Buffer.from(settings.serverPassword ?? '', 'base64').toString()).toMatch(/^nyckelring:/);
      for (const name of fs.readdirSync(userData)) {
        const file = path.join(userData, name);
        if (fs.statSync(file).isFile()) expect(fs.readFileSync(file).includes(Buffer.from(password))).toBe(false);
      }
    },
  );
});
