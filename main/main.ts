// Electron entry (bundled to dist/main/main.cjs): wires the tested modules to `electron` and nothing more.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { APP_ENTRY_URL } from './appOrigin';
import type { MenuAction } from './bridge/contract';
import { createBridgeHandlers, labelForPath } from './handlers';
import { createSenderCheck, registerIpcHandlers, sendBridgeEvent } from './ipc';
import { findSaveFileInArgv } from './launchArgs';
import { hardenSession } from './hardenSession';
import { buildMenuModel, toMenuTemplate } from './menu';
import { createNativeDialogs } from './nativeDialogs';
import { APP_SCHEME_PRIVILEGES } from './protocol';
import { createAutosaveRing } from './storage/autosaveRing';
import { nodeFileSystem } from './storage/fileSystem';
import { createRecentFiles } from './storage/recentFiles';
import { createSaveFiles } from './storage/saveFiles';
import type { SaveFiles } from './storage/saveFiles';
import { createSettingsStore } from './storage/settingsStore';
import { attachNavigationGuards, secureWebPreferences } from './window';

const PRODUCT_NAME = 'Tokens per Watt';
const rendererDir = path.join(__dirname, '..', 'renderer'); // dist/renderer, next to dist/main
const openShellLink = (url: string): void => void shell.openExternal(url);

app.enableSandbox(); // every renderer, including any we did not create ourselves
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | undefined;
let saveFiles: SaveFiles | undefined;
let rendererLoaded = false;
const osOpenedPaths: string[] = []; // .tpw files the OS handed us before the renderer could take them
const liveMainWindow = (): BrowserWindow | undefined => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const launchFile = findSaveFileInArgv(process.argv);
  if (launchFile !== undefined) osOpenedPaths.push(launchFile);
  app.on('open-file', (event, filePath) => {
    event.preventDefault(); // macOS: may fire before ready
    openFromOs(filePath);
  });
  app.on('second-instance', (_event, argv) => {
    const filePath = findSaveFileInArgv(argv);
    if (filePath !== undefined) openFromOs(filePath);
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => attachNavigationGuards(contents, openShellLink));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    console.error('[main] startup failed', error);
    app.exit(1);
  });
}

function start(): void {
  hardenSession(session.defaultSession, rendererDir);
  const userDataDir = app.getPath('userData');
  const documentsDir = app.getPath('documents');
  const recentFiles = createRecentFiles({ fs: nodeFileSystem, filePath: path.join(userDataDir, 'recent-files.json') });
  saveFiles = createSaveFiles({
    fs: nodeFileSystem,
    recentFiles,
    dialogs: createNativeDialogs(dialog, documentsDir, liveMainWindow),
  });
  const handlers = createBridgeHandlers({
    appInfo: { appVersion: app.getVersion(), platform: process.platform, userDataLabel: labelForPath(userDataDir, app.getPath('home')) },
    settings: createSettingsStore({ fs: nodeFileSystem, filePath: path.join(userDataDir, 'settings.json') }),
    autosaves: createAutosaveRing({ fs: nodeFileSystem, dir: path.join(userDataDir, 'autosaves') }),
    recentFiles,
    saveFiles,
  });
  const appMainFrames = () => {
    const window = liveMainWindow();
    return window ? [window.webContents.mainFrame] : [];
  };
  registerIpcHandlers(ipcMain, handlers, createSenderCheck(appMainFrames));

  const menuModel = buildMenuModel({ platform: process.platform, productName: PRODUCT_NAME, includeDeveloperTools: !app.isPackaged });
  const sendMenuAction = (action: MenuAction) => {
    const window = liveMainWindow();
    if (window) sendBridgeEvent(window.webContents, 'menu:action', action);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(toMenuTemplate(menuModel, sendMenuAction)));
  createMainWindow();
}

function createMainWindow(): void {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0b0f14',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-finish-load', () => {
    rendererLoaded = true;
    for (const filePath of osOpenedPaths.splice(0)) void deliverOsOpenedFile(filePath);
  });
  window.on('closed', () => {
    mainWindow = undefined;
    rendererLoaded = false;
  });
  void window.loadURL(APP_ENTRY_URL);
}

function openFromOs(filePath: string): void {
  if (rendererLoaded) void deliverOsOpenedFile(filePath);
  else osOpenedPaths.push(filePath);
}

/** Main reads the file (size check first) and pushes the result; the renderer never sees the path. */
async function deliverOsOpenedFile(filePath: string): Promise<void> {
  if (saveFiles === undefined) return;
  const result = await saveFiles.openPath(filePath);
  const window = liveMainWindow();
  if (window) sendBridgeEvent(window.webContents, 'file:opened', result);
}
