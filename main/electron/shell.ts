// The Electron shell, kept thin: the core, one locked-down window over the built renderer,
// the IPC transport, the menu and the theme. Everything the app does lives in main/ outside
// this folder and runs under plain Node too.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  Notification,
  powerMonitor,
  screen,
  shell,
} from 'electron';
import { createCore, type Core } from '../app-core';
import { AppLog } from '../log/app-log';
import { dataDir, simulationSpeed } from '../data-dir';
import { defaultBackendKind } from '../ras/create-backend';
import { appMenuTemplate } from './app-menu';
import { connectIpc } from './ipc-transport';
import { dialogPaths } from '../ipc/file-access';
import { safeStorageSecrets } from './safe-storage';
import { startNotifications } from './notifications';
import { createAppTray, resolveLanguage } from './tray';
import { TRAY_WORDS } from '../tray/tray-words';
import { hasActions, parseLaunchOptions, runLaunchOptions } from '../launch-options';
import { guardNavigation } from './navigation-guard';
import { electronServiceLaunch } from './service-mode';
import { mainWindowOptions } from './window-options';
import { watchSleep } from './sleep-watch';
import { watchNetwork } from './network-watch';
import { realClock } from '../clock';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '../renderer/index.html');
/** Console only until the data folder is known; the log file from then on. */
let log = (message: string): void => console.warn(`[ras-connect] ${message}`);

/** Set once the app is really quitting, so closing the window stops hiding it. */
let quitting = false;

/** The first time the window closes to the tray, a notification says where the app went. */
async function sayStillRunningOnce(core: Core, folder: string): Promise<void> {
  const marker = path.join(folder, 'tray-hint-shown');
  if (existsSync(marker) || !Notification.isSupported()) return;
  const words = TRAY_WORDS[resolveLanguage(core.settings.get().language, app.getLocale())];
  new Notification({ title: words.stillRunning, body: words.stillRunningDetail }).show();
  await writeFile(marker, '');
}

async function createWindow(core: Core, folder: string, show = true): Promise<BrowserWindow> {
  const saved = fitToDisplays(
    await loadWindowState(folder),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow(
    mainWindowOptions(
      core.backend.kind === 'simulated',
      path.join(here, '../preload/index.cjs'),
      saved?.bounds,
    ),
  );
  if (saved?.maximized) window.maximize();
  guardNavigation(window.webContents, (url) => void shell.openExternal(url));
  if (show) window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    void saveWindowState(folder, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    });
    // The app lives on in the tray (unless Settings say closing quits); Quit really quits.
    if (quitting) return;
    event.preventDefault();
    if (core.settings.get().closeToTray) {
      window.hide();
      void sayStillRunningOnce(core, folder);
    } else app.quit();
  });
  await window.loadFile(rendererIndex);
  return window;
}

/** Starts the app: one instance, one window. */
export function startShell(): void {
  quitting = false;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let core: Core | null = null;
  let showWindow = (): void => undefined;
  // A second launch: its --dial/--hang-up run here; without them it brings the window up.
  app.on('second-instance', (_event, argv) => {
    const options = parseLaunchOptions(argv);
    if (core && hasActions(options)) void runLaunchOptions(core, options, log);
    else showWindow();
  });
  let tray: { dispose(): void } | null = null;
  let stopNotifications = (): void => undefined;
  let stopSleepWatch = (): void => undefined;
  let stopNetworkWatch = (): void => undefined;
  // Windows close to the tray; this fires only once a quit has begun.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // RAS connections outlive the app: ask whether to hang up the active ones or leave them.
  app.on('before-quit', (event) => {
    if (quitting) return;
    const active = core?.manager.list().filter((c) => c.status !== 'disconnected') ?? [];
    if (!core || active.length === 0) {
      quitting = true;
      return;
    }
    event.preventDefault();
    const running = core;
    const words = TRAY_WORDS[resolveLanguage(running.settings.get().language, app.getLocale())];
    void dialog
      .showMessageBox({
        type: 'question',
        message: words.quitQuestion(active.length),
        detail: words.quitDetail,
        buttons: [words.quitHangUp, words.quitLeave, words.cancel],
        defaultId: 0,
        cancelId: 2,
      })
      .then(async ({ response }) => {
        if (response === 2) return;
        if (response === 0)
          await running.manager.hangUpAll().catch((e: unknown) => log(`hang-up all: ${String(e)}`));
        quitting = true;
        app.quit();
      });
  });
  app.on('will-quit', () => {
    stopNotifications();
    stopSleepWatch();
    stopNetworkWatch();
    tray?.dispose();
    core?.dispose();
  });
  void app.whenReady().then(async () => {
    app.on('web-contents-created', (_event, contents) => {
      // Nothing but a plain-text clipboard write (the Copy buttons: details, PowerShell); the
      // page never leaves the app (navigation-guard.ts), so the request is always the app's.
      contents.session.setPermissionRequestHandler((_wc, permission, callback) =>
        callback(permission === 'clipboard-sanitized-write'),
      );
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform)));
    const folder = dataDir();
    const appLog = new AppLog(folder, (line) => console.warn(`[ras-connect] ${line}`));
    log = appLog.info;
    const network = watchNetwork(realClock);
    stopNetworkWatch = () => network.stop();
    const started = await createCore({
      network,
      dataDir: folder,
      backend: defaultBackendKind(),
      speed: process.env.RAS_CONNECT_SIM_SPEED === undefined ? undefined : simulationSpeed(),
      version: app.getVersion(),
      platform: process.platform,
      versions: {
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        node: process.versions.node,
      },
      log: appLog.info,
      desktop: true,
      simService: electronServiceLaunch(),
      secrets: safeStorageSecrets(),
      files: dialogPaths(async (purpose) => {
        const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (purpose === 'diagnostics') {
          const options = {
            filters: [{ name: 'Zip', extensions: ['zip'] }],
            defaultPath: 'ras-connect-diagnostics.zip',
          };
          const r = await (window
            ? dialog.showSaveDialog(window, options)
            : dialog.showSaveDialog(options));
          return r.canceled ? null : (r.filePath ?? null);
        }
        const filters = [{ name: 'RAS phonebook', extensions: ['pbk'] }];
        if (purpose !== 'export') {
          const r = await (window
            ? dialog.showOpenDialog(window, { filters, properties: ['openFile'] })
            : dialog.showOpenDialog({ filters, properties: ['openFile'] }));
          return r.canceled ? null : (r.filePaths[0] ?? null);
        }
        const r = await (window
          ? dialog.showSaveDialog(window, { filters, defaultPath: 'rasphone.pbk' })
          : dialog.showSaveDialog({ filters, defaultPath: 'rasphone.pbk' }));
        return r.canceled ? null : (r.filePath ?? null);
      }),
    });
    core = started;
    stopSleepWatch = watchSleep(powerMonitor, started.manager);
    nativeTheme.themeSource = started.settings.get().theme;
    // The OS says whether we start at login (the person may have changed it there); the
    // setting follows it, and a change of the setting goes to the OS.
    const atLogin = app.getLoginItemSettings().openAtLogin;
    if (started.settings.get().startAtLogin !== atLogin)
      await started.settings.set({ startAtLogin: atLogin });
    started.settings.subscribe((s) => {
      nativeTheme.themeSource = s.theme;
      if (s.startAtLogin !== app.getLoginItemSettings().openAtLogin)
        app.setLoginItemSettings({ openAtLogin: s.startAtLogin, args: ['--hidden'] });
    });
    connectIpc(started, pathToFileURL(rendererIndex).href, log);
    showWindow = () => {
      const [window] = BrowserWindow.getAllWindows();
      if (!window) return void createWindow(started, folder);
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    };
    tray = createAppTray(started, {
      showWindow,
      toggleWindow: () => {
        const [window] = BrowserWindow.getAllWindows();
        if (window?.isVisible() && window.isFocused()) window.hide();
        else showWindow();
      },
      quit: () => app.quit(),
      log: appLog.info,
    });
    stopNotifications = startNotifications(started, {
      showWindow,
      language: () => resolveLanguage(started.settings.get().language, app.getLocale()),
      log: appLog.info,
    });
    app.on('activate', showWindow);
    const launch = parseLaunchOptions(process.argv);
    await createWindow(started, folder, !launch.hidden);
    void runLaunchOptions(started, launch, appLog.info);
  });
}
