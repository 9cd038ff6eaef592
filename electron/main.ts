/**
 * Electron main process: lifecycle, the window, the menu, and the IPC wiring.
 * No domain logic here: every call goes to the same API the host and CLI use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session, shell, type MenuItemConstructorOptions } from 'electron';
import { BACKUP_EXTENSION } from '../db/backup';
import { KansliError } from '../shared/contract/errors';
import { formatBytes, formatDateTime } from '../shared/format/sv';
import { automaticBackup, backupFileName, makeBackup, startAutomaticBackups, verifyBackupFile, type AutomaticBackups } from './services/backups';
import type { KansliDb } from '../db/open';
import { openSession, type Session, type SessionOptions } from './services/session';
import { openServerSession } from './services/server-session';
import { connectServerInput, openPassword, sealPassword, withPassword } from './server-connection';
import { startFileSession } from './services/start-session';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONNECT_SERVER_CHANNEL,
  CONTENT_SECURITY_POLICY,
  IPC_CHANNEL,
  isAllowedNavigation,
  isTrustedSenderUrl,
  PICK_FOLDER_CHANNEL,
  rendererFileFor,
  SHOW_CONNECT_CHANNEL,
} from './security';
import { readSettings, writeSettings } from './settings-file';
import { createMainWindow } from './window-options';

app.setName('Kansli');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

let current: Session<KansliDb> | null = null;
let mainWindow: BrowserWindow | null = null;
let backups: AutomaticBackups | null = null;

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

function sessionOptions(create: 'demo' | 'empty' | false): SessionOptions {
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  return { create, nativeBinding: nativeBinding(), appVersion: app.getVersion(), resourcesDir, dataDir: app.getPath('userData') };
}

function openDatabase(file: string, create: 'empty' | false): Session {
  useSession(openSession(file, sessionOptions(create)));
  return current as Session;
}

/** The window's name for the database: a file's name, or the server database's address. */
function titleOf(db: KansliDb): string {
  return db.engine === 'sqlite' ? path.basename(db.path) : db.path;
}

function useSession(next: Session<KansliDb>, serverPassword?: string | null): void {
  const previous = current;
  current = next;
  // The database left behind gets its backup at close before it is closed.
  if (previous) void automaticBackup(previous.context(), 'stängning').finally(() => previous.close());
  const settings = readSettings(app.getPath('userData'));
  writeSettings(
    app.getPath('userData'),
    next.db.engine === 'sqlite'
      ? { lastDatabase: next.db.path }
      : { lastDatabase: settings.lastDatabase, lastServer: next.db.path, ...(serverPassword ? { serverPassword } : {}) },
  );
  mainWindow?.setTitle(`Kansli – ${titleOf(next.db)}`);
}

/**
 * Arkiv → Anslut till server …: opens the server database the form names, as the person
 * whose login it is. A wrong password or a server that does not answer is said in Swedish
 * and the open database stays as it was; the password is kept only encrypted by the
 * operating system's keychain, when asked to and when the keychain can.
 */
async function connectServer(
  raw: unknown,
): Promise<{ ok: true; value: { database: string; remembered: boolean } } | { ok: false; error: { code: string; message: string } }> {
  const parsed = connectServerInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: parsed.error.issues[0]?.message ?? 'Uppgifterna är inte giltiga.' } };
  const { address, password, remember } = parsed.data;
  try {
    const next = await openServerSession(withPassword(address, password), sessionOptions(false));
    const sealed = remember ? sealPassword(safeStorage, password) : null;
    useSession(next, sealed);
    return { ok: true, value: { database: next.db.path, remembered: sealed !== null } };
  } catch (err) {
    return { ok: false, error: err instanceof KansliError ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: explain(err) } };
  }
}

function explain(err: unknown): string {
  return err instanceof KansliError ? err.message : `Databasen kunde inte öppnas: ${String(err)}`;
}

/**
 * Takes the window off its screen before the database under it changes, so the screen's
 * guard for unsaved changes asks first; false when the user chooses to stay. (A screen
 * left open would otherwise save what it holds into the other database.)
 */
async function leaveScreen(): Promise<boolean> {
  if (!mainWindow) return true;
  try {
    await mainWindow.webContents.loadURL('about:blank');
    return true;
  } catch {
    return false;
  }
}

function showApp(): void {
  void mainWindow?.loadURL(`${APP_ORIGIN}/index.html`);
}

async function chooseAndOpen(): Promise<void> {
  if (!mainWindow) return;
  const result = await dialog.showOpenDialog(mainWindow, {
    title: 'Öppna Kansli-databas',
    properties: ['openFile'],
    filters: [
      { name: 'Kansli-databas', extensions: ['sqlite', 'db'] },
      { name: 'Alla filer', extensions: ['*'] },
    ],
  });
  const file = result.filePaths[0];
  if (result.canceled || !file || !(await leaveScreen())) return;
  try {
    openDatabase(file, false);
  } catch (err) {
    await dialog.showMessageBox(mainWindow, { type: 'error', title: 'Kunde inte öppna databasen', message: explain(err) });
  } finally {
    showApp();
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
  if (!(await leaveScreen())) return;
  try {
    openDatabase(result.filePath, 'empty');
  } catch (err) {
    await dialog.showMessageBox(mainWindow, { type: 'error', title: 'Kunde inte skapa databasen', message: explain(err) });
  } finally {
    showApp();
  }
}

/** Arkiv → Säkerhetskopiera …: a backup where the user chooses, with the window's progress bar. */
async function backupTo(): Promise<void> {
  if (!mainWindow || !current) return;
  const session = current;
  const ctx = session.context();
  const result = await dialog.showSaveDialog(mainWindow, {
    title: 'Säkerhetskopiera databasen',
    defaultPath: path.join(app.getPath('documents'), backupFileName(ctx.now(), 'manuell')),
    filters: [{ name: 'Kansli-säkerhetskopia', extensions: [BACKUP_EXTENSION.slice(1)] }],
  });
  if (result.canceled || !result.filePath) return;
  const target = result.filePath.endsWith(BACKUP_EXTENSION) ? result.filePath : `${result.filePath}${BACKUP_EXTENSION}`;
  mainWindow.setProgressBar(2, { mode: 'indeterminate' });
  try {
    const written = await makeBackup(ctx, 'manuell', path.dirname(target), path.basename(target));
    const warnings = written.manifest.warnings.length > 0 ? `\n\nObs: ${written.manifest.warnings.join(' ')}` : '';
    await dialog.showMessageBox(mainWindow, {
      type: written.manifest.warnings.length > 0 ? 'warning' : 'info',
      title: 'Säkerhetskopian är sparad',
      message: `Säkerhetskopian är sparad (${formatBytes(written.sizeBytes)}).`,
      detail: `${written.file}\n\nDen innehåller databasen, ${written.manifest.files.length - 1} handlingar utanför databasen och granskningsloggens ${written.manifest.audit.entries} poster, med kontrollsummor.${warnings}`,
    });
  } catch (err) {
    await dialog.showMessageBox(mainWindow, { type: 'error', title: 'Säkerhetskopian kunde inte sparas', message: explain(err) });
  } finally {
    mainWindow?.setProgressBar(-1);
  }
}

/** Arkiv → Återställ från säkerhetskopia …: check it, say what it holds, ask, then restore and reload. */
async function restoreFrom(): Promise<void> {
  if (!mainWindow || !current) return;
  const session = current;
  const result = await dialog.showOpenDialog(mainWindow, {
    title: 'Återställ från säkerhetskopia',
    defaultPath: path.join(app.getPath('userData'), 'Säkerhetskopior'),
    properties: ['openFile'],
    filters: [{ name: 'Kansli-säkerhetskopia', extensions: [BACKUP_EXTENSION.slice(1)] }],
  });
  const file = result.filePaths[0];
  if (result.canceled || !file) return;
  mainWindow.setProgressBar(2, { mode: 'indeterminate' });
  try {
    const checked = await verifyBackupFile(file);
    mainWindow.setProgressBar(-1);
    const { response } = await dialog.showMessageBox(mainWindow, {
      type: 'warning',
      title: 'Återställ från säkerhetskopia',
      message: `Återställa ${checked.backup.forbund} från ${formatDateTime(new Date(checked.backup.createdAt))}?`,
      detail:
        `${checked.checks.join('\n')}\n\nDet som har ändrats i databasen efter ${formatDateTime(new Date(checked.backup.createdAt))} finns inte i kopian. ` +
        `Den nuvarande databasen sparas bredvid (som ”${path.basename(session.db.path)}.före-återställning-…”) och kan öppnas igen med Arkiv → Öppna databas.`,
      buttons: ['Återställ', 'Avbryt'],
      defaultId: 1,
      cancelId: 1,
    });
    if (response !== 0 || !(await leaveScreen())) return;
    let restored: Awaited<ReturnType<Session['restore']>>;
    try {
      restored = await session.restore(file);
    } finally {
      showApp();
    }
    await dialog.showMessageBox(mainWindow, {
      type: 'info',
      title: 'Databasen är återställd',
      message: `Databasen är återställd från säkerhetskopian ${formatDateTime(new Date(restored.createdAt))}.`,
      detail: restored.keptAs ? `Den tidigare databasen finns kvar som ${restored.keptAs}.` : '',
    });
  } catch (err) {
    await dialog.showMessageBox(mainWindow, { type: 'error', title: 'Säkerhetskopian återställdes inte', message: explain(err) });
  } finally {
    mainWindow?.setProgressBar(-1);
  }
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Arkiv',
      submenu: [
        { label: 'Ny databas…', accelerator: 'CmdOrCtrl+N', click: () => void chooseAndCreate() },
        { label: 'Öppna databas…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpen() },
        { label: 'Anslut till server …', click: () => mainWindow?.webContents.send(SHOW_CONNECT_CHANNEL) },
        { label: 'Visa databasfilen i mappen', click: () => current?.db.engine === 'sqlite' && shell.showItemInFolder(current.db.path) },
        { type: 'separator' },
        { label: 'Säkerhetskopiera …', accelerator: 'CmdOrCtrl+Shift+S', click: () => void backupTo() },
        { label: 'Återställ från säkerhetskopia …', click: () => void restoreFrom() },
        { label: 'Säkerhetskopior och inställningar', click: () => void mainWindow?.loadURL(`${APP_ORIGIN}/index.html#/register/sakerhetskopior`) },
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
    const file = rendererFileFor(request.url, rendererDir());
    if (file === null || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('Hittades inte.', { status: 404 });
    // pathToFileURL encodes spaces and å/ä/ö in user folders (C:\Users\Åsa …).
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    // A module worker (pdf.js's, for the PDF preview) must be served as JavaScript.
    if (/\.m?js$/.test(file)) headers.set('Content-Type', 'text/javascript; charset=utf-8');
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
    return current.api.dispatch(method, input);
  });
  ipcMain.handle(CONNECT_SERVER_CHANNEL, async (event, input: unknown) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url) || event.senderFrame?.parent !== null) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Anropet kommer inte från Kanslis eget fönster och avvisas.' } };
    }
    return connectServer(input);
  });
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url) || event.senderFrame?.parent !== null || !mainWindow) return null;
    const result = await dialog.showOpenDialog(mainWindow, { title: 'Välj mapp för signerade dokument', properties: ['openDirectory', 'createDirectory'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}

/** A web address opens in the user's browser only after they have seen it and said yes. */
async function confirmExternal(url: string): Promise<void> {
  if (!url.startsWith('https://')) return;
  const options = {
    type: 'question' as const,
    title: 'Öppna i webbläsaren?',
    message: 'Vill du öppna adressen i din webbläsare?',
    detail: url,
    buttons: ['Öppna', 'Avbryt'],
    defaultId: 1,
    cancelId: 1,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      void confirmExternal(url);
      return { action: 'deny' };
    });
    // The renderer's guard on leaving with unsaved changes (beforeunload) asks here.
    contents.on('will-prevent-unload', (event) => {
      const options = {
        type: 'warning' as const,
        title: 'Osparade ändringar',
        message: 'Det finns ändringar som inte är sparade. Vill du lämna ändå?',
        buttons: ['Lämna utan att spara', 'Stanna kvar'],
        defaultId: 1,
        cancelId: 1,
      };
      const owner = BrowserWindow.fromWebContents(contents);
      const choice = owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options);
      if (choice === 0) event.preventDefault();
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
  if (current) mainWindow.setTitle(`Kansli – ${titleOf(current.db)}`);
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** The last database, else the default one: on the very first start the demo förbund is made there (a few seconds). */
async function openAtStart(): Promise<void> {
  const settings = readSettings(app.getPath('userData'));
  if (settings.lastServer) {
    // The server database open last: with the kept password, else the file, and the form is a menu item away.
    const password = openPassword(safeStorage, settings.serverPassword);
    if (password !== null) {
      try {
        // The kept (encrypted) password stays kept.
        useSession(await openServerSession(withPassword(settings.lastServer, password), sessionOptions(false)), settings.serverPassword);
        return;
      } catch (err) {
        dialog.showErrorBox(
          'Kunde inte ansluta till servern',
          `${explain(err)}\n\nKansli öppnar databasfilen i stället; försök igen med Arkiv → Anslut till server …`,
        );
      }
    }
  }
  const last = settings.lastDatabase;
  if (last && fs.existsSync(last)) {
    try {
      openDatabase(last, false);
      return;
    } catch (err) {
      dialog.showErrorBox('Kunde inte öppna den senaste databasen', `${explain(err)}\n\nKansli öppnar standarddatabasen i stället.`);
    }
  }
  useSession(await startFileSession(defaultDatabase(), sessionOptions('demo')));
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
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    // The window first: its guard may ask about unsaved changes, and the user may stay.
    // When it has closed, window-all-closed quits again and this goes on below.
    if (mainWindow) {
      mainWindow.close();
      return;
    }
    // The backup at close runs before the database is closed; then quit for real.
    quitting = true;
    void (backups?.stop() ?? Promise.resolve()).finally(() => {
      current?.close();
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(async () => {
    harden();
    serveRenderer();
    registerIpc();
    buildMenu();
    try {
      await openAtStart();
    } catch (err) {
      dialog.showErrorBox('Kansli kan inte starta', explain(err));
      app.exit(1);
      return;
    }
    backups = startAutomaticBackups(() => current?.context() ?? null);
    createWindow();
  });
}
