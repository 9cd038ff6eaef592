/**
 * Electron main process: lifecycle, the window, the menu, and the IPC wiring.
 * No domain logic here: every call goes to the same API the host and CLI use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { KansliError } from '../shared/contract/errors';
import { openSession, type Session } from './services/session';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, IPC_CHANNEL, isAllowedNavigation, PICK_FOLDER_CHANNEL, isTrustedSenderUrl } from './security';
import { readSettings, writeSettings } from './settings-file';
import { createMainWindow } from './window-options';

app.setName('Kansli');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

let current: Session | null = null;
let mainWindow: BrowserWindow | null = null;

const rendererDir = () => path.join(app.getAppPath(), 'dist', 'renderer');
const defaultDatabase = () => path.join(app.getPath('userData'), 'kansli.sqlite');

/** better-sqlite3 built for Electron's ABI, kept apart from Node's build (see electron/scripts/electron-native.mjs). */
function nativeBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath, 'native', 'better_sqlite3.node'),
    path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node'),
  ];
  return candidates.find((file) => fs.existsSync(file));
}

function openDatabase(file: string, create: 'demo' | 'empty' | false): Session {
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  const next = openSession(file, { create, nativeBinding: nativeBinding(), appVersion: app.getVersion(), resourcesDir });
  current?.close();
  current = next;
  writeSettings(app.getPath('userData'), { lastDatabase: next.db.path });
  mainWindow?.setTitle(`Kansli – ${path.basename(next.db.path)}`);
  return next;
}

function explain(err: unknown): string {
  return err instanceof KansliError ? err.message : `Databasen kunde inte öppnas: ${String(err)}`;
}

async function chooseAndOpen(): Promise<void> {
  if (!mainWindow) return;
  const result = await dialog.showOpenDialog(mainWindow, {
    title: 'Öppna Kansli-databas',
    properties: ['openFile'],
    filters: [{ name: 'Kansli-databas', extensions: ['sqlite', 'db'] }, { name: 'Alla filer', extensions: ['*'] }],
  });
  const file = result.filePaths[0];
  if (result.canceled || !file) return;
  try {
    openDatabase(file, false);
    mainWindow.webContents.reload();
  } catch (err) {
    await dialog.showMessageBox(mainWindow, { type: 'error', title: 'Kunde inte öppna databasen', message: explain(err) });
  }
}

async function chooseAndCreate(): Promise<void> {
  if (!mainWindow) return;
  const result = await dialog.showSaveDialog(mainWindow, {
    title: 'Skapa ny Kansli-databas',
    defaultPath: path.join(app.getPath('documents'), 'kansli.sqlite'),
    filters: [{ name: 'Kansli-databas', extensions: ['sqlite'] }],
  });
  if (result.canceled || !result.filePath) return;
  if (fs.existsSync(result.filePath) && fs.statSync(result.filePath).size > 0) {
    await dialog.showMessageBox(mainWindow, {
      type: 'warning',
      title: 'Filen finns redan',
      message: 'Det finns redan en fil med det namnet. Välj ett annat namn; Kansli skriver aldrig över en befintlig fil.',
    });
    return;
  }
  try {
    openDatabase(result.filePath, 'empty');
    mainWindow.webContents.reload();
  } catch (err) {
    await dialog.showMessageBox(mainWindow, { type: 'error', title: 'Kunde inte skapa databasen', message: explain(err) });
  }
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Arkiv',
      submenu: [
        { label: 'Ny databas…', accelerator: 'CmdOrCtrl+N', click: () => void chooseAndCreate() },
        { label: 'Öppna databas…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpen() },
        { label: 'Visa databasfilen i mappen', click: () => current && shell.showItemInFolder(current.db.path) },
        { type: 'separator' },
        { label: 'Avsluta', role: 'quit' },
      ],
    },
    {
      label: 'Redigera',
      submenu: [
        { label: 'Ångra', role: 'undo' },
        { label: 'Gör om', role: 'redo' },
        { type: 'separator' },
        { label: 'Klipp ut', role: 'cut' },
        { label: 'Kopiera', role: 'copy' },
        { label: 'Klistra in', role: 'paste' },
        { label: 'Markera allt', role: 'selectAll' },
      ],
    },
    {
      label: 'Visa',
      submenu: [
        { label: 'Läs in igen', role: 'reload' },
        { label: 'Återställ zoom', role: 'resetZoom' },
        { label: 'Zooma in', role: 'zoomIn' },
        { label: 'Zooma ut', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Helskärm', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: 'Utvecklarverktyg', role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: 'Hjälp',
      submenu: [
        {
          label: 'Om Kansli',
          click: () =>
            void dialog.showMessageBox({
              title: 'Om Kansli',
              message: `Kansli ${app.getVersion()}`,
              detail: `Kansliets och styrelsens verktyg för samordningsförbund.\nDatabas: ${current?.db.path ?? '–'}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Hittades inte.', { status: 404 });
    const root = rendererDir();
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    if (!file.startsWith(root + path.sep)) return new Response('Hittades inte.', { status: 404 });
    // pathToFileURL encodes spaces and å/ä/ö in user folders (C:\Users\Åsa …).
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url) || event.senderFrame?.parent !== null) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Anropet kommer inte från Kanslis eget fönster och avvisas.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Metodnamnet saknas.' } };
    if (!current) return { ok: false, error: { code: 'DB_NOT_FOUND', message: 'Ingen databas är öppen.' } };
    return current.api.call(method, input);
  });
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url) || event.senderFrame?.parent !== null || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, { title: 'Välj mapp för signerade dokument', properties: ['openDirectory', 'createDirectory'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function createWindow(): void {
  mainWindow = createMainWindow(BrowserWindow, path.join(__dirname, 'preload.js'));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (current) mainWindow.setTitle(`Kansli – ${path.basename(current.db.path)}`);
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function openAtStart(): void {
  const last = readSettings(app.getPath('userData')).lastDatabase;
  if (last && fs.existsSync(last)) {
    try {
      openDatabase(last, false);
      return;
    } catch (err) {
      dialog.showErrorBox('Kunde inte öppna den senaste databasen', `${explain(err)}\n\nKansli öppnar standarddatabasen i stället.`);
    }
  }
  openDatabase(defaultDatabase(), 'demo');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    current?.close();
    app.quit();
  });
  void app.whenReady().then(() => {
    harden();
    serveRenderer();
    registerIpc();
    buildMenu();
    try {
      openAtStart();
    } catch (err) {
      dialog.showErrorBox('Kansli kan inte starta', explain(err));
      app.quit();
      return;
    }
    createWindow();
  });
}
