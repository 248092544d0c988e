// The one shared mock of the electron module: enough of app, BrowserWindow, ipcMain, Menu,
// nativeTheme, screen, shell, contextBridge and ipcRenderer for main/electron/ and the
// preload to run under plain Node. Tests read what was called from the exports.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

export class FakeWebContents {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly session = { setPermissionRequestHandler: vi.fn() };
  readonly mainFrame = { url: '' };
  readonly send = vi.fn();
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  once(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.instances;
  static getFocusedWindow = () => FakeBrowserWindow.instances[0] ?? null;
  readonly webContents = new FakeWebContents();
  readonly loadFile = vi.fn(async (file: string) => {
    this.webContents.mainFrame.url = `file://${file}`;
  });
  visible = false;
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly hide = vi.fn(() => {
    this.visible = false;
  });
  readonly isVisible = vi.fn(() => this.visible);
  readonly isFocused = vi.fn(() => this.visible);
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isMaximized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 900, height: 600 }));
  readonly listeners = new Map<string, Listener>();
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this);
  }
  once(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
}

export const electronMock = {
  listeners: new Map<string, Listener>(),
  singleInstance: true,
  ready: Promise.resolve(),
  handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Listener[]>(),
  chosenFile: '/tmp/chosen.pbk',
  locale: 'en-US',
  openAtLogin: false,
  /** Which button the next message box answers with. */
  messageBoxResponse: 0,
};

export class FakeTray {
  static instances: FakeTray[] = [];
  readonly listeners = new Map<string, Listener>();
  image: { path: string };
  tooltip = '';
  menu: { template: unknown } | null = null;
  destroyed = false;
  constructor(image: { path: string }) {
    this.image = image;
    FakeTray.instances.push(this);
  }
  setImage(image: { path: string }) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: unknown }) {
    this.menu = menu;
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  destroy() {
    this.destroyed = true;
  }
}
export const Tray = FakeTray;

export class FakeNotification {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported = () => FakeNotification.supported;
  readonly listeners = new Map<string, Listener>();
  shown = false;
  closed = false;
  constructor(
    readonly options: { title: string; body: string; actions?: { type: string; text: string }[] },
  ) {
    FakeNotification.instances.push(this);
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
  }
}
export const Notification = FakeNotification;

export const nativeImage = {
  createFromPath: vi.fn((file: string) => ({ path: file })),
};

export const app = {
  requestSingleInstanceLock: vi.fn(() => electronMock.singleInstance),
  quit: vi.fn(),
  exit: vi.fn(),
  dock: { hide: vi.fn() },
  getVersion: vi.fn(() => '0.1.0'),
  on: vi.fn((event: string, listener: Listener) => {
    electronMock.listeners.set(event, listener);
    return app;
  }),
  whenReady: vi.fn(() => electronMock.ready),
  isPackaged: false,
  getAppPath: vi.fn(() => process.cwd()),
  getLocale: vi.fn(() => electronMock.locale),
  getLoginItemSettings: vi.fn(() => ({ openAtLogin: electronMock.openAtLogin })),
  setLoginItemSettings: vi.fn((settings: { openAtLogin: boolean }) => {
    electronMock.openAtLogin = settings.openAtLogin;
  }),
};

export const ipcMain = {
  handle: vi.fn((channel: string, handler: (event: unknown, payload: unknown) => unknown) => {
    electronMock.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => electronMock.handlers.delete(channel)),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const nativeTheme = {
  themeSource: 'system',
  shouldUseDarkColors: false,
  listeners: new Map<string, Listener>(),
  on(event: string, listener: Listener) {
    nativeTheme.listeners.set(event, listener);
    return nativeTheme;
  },
  removeListener(event: string) {
    nativeTheme.listeners.delete(event);
    return nativeTheme;
  },
};

export const powerMonitor = {
  listeners: new Map<string, Listener>(),
  on(event: string, listener: Listener) {
    powerMonitor.listeners.set(event, listener);
    return powerMonitor;
  },
  removeListener(event: string) {
    powerMonitor.listeners.delete(event);
    return powerMonitor;
  },
};

/** Electron's net: whether the system has a usable network (the test sets it). */
export const net = { isOnline: vi.fn(() => true) };

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const shell = { openExternal: vi.fn(async () => undefined) };
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((s: string) => Buffer.from(`enc:${s}`).reverse()),
  decryptString: vi.fn((b: Buffer) => Buffer.from(b).reverse().toString().slice(4)),
};

export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [electronMock.chosenFile] })),
  showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: electronMock.chosenFile })),
  showMessageBox: vi.fn(async () => ({ response: electronMock.messageBoxResponse })),
};
export const BrowserWindow = FakeBrowserWindow;

export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, value: unknown) => electronMock.exposed.set(key, value)),
};

export const ipcRenderer = {
  invoke: vi.fn(async (channel: string, payload: unknown) => ({
    ok: true,
    value: { channel, payload },
  })),
  on: vi.fn((event: string, listener: Listener) => {
    electronMock.rendererListeners.set(event, [
      ...(electronMock.rendererListeners.get(event) ?? []),
      listener,
    ]);
  }),
  removeListener: vi.fn((event: string, listener: Listener) => {
    electronMock.rendererListeners.set(
      event,
      (electronMock.rendererListeners.get(event) ?? []).filter((l) => l !== listener),
    );
  }),
};

export function resetElectronMock(): void {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  electronMock.locale = 'en-US';
  electronMock.openAtLogin = false;
  electronMock.messageBoxResponse = 0;
  electronMock.chosenFile = '/tmp/chosen.pbk';
  nativeTheme.shouldUseDarkColors = false;
  nativeTheme.listeners.clear();
  powerMonitor.listeners.clear();
  net.isOnline.mockReset().mockReturnValue(true);
  electronMock.listeners.clear();
  electronMock.handlers.clear();
  electronMock.exposed.clear();
  electronMock.rendererListeners.clear();
  electronMock.singleInstance = true;
  nativeTheme.themeSource = 'system';
  vi.clearAllMocks();
}

/**
 * Each test of the shell gets a reset mock and a fresh data folder (the simulated server at
 * full speed); the shell quits after it. Returns the current test's folder.
 */
export function useShellHome(): () => string {
  let home = '';
  beforeEach(async () => {
    resetElectronMock();
    home = await mkdtemp(path.join(tmpdir(), 'ras-shell-'));
    process.env.RAS_CONNECT_HOME = home;
    process.env.RAS_CONNECT_SIM_SPEED = '0';
  });
  afterEach(async () => {
    electronMock.listeners.get('will-quit')?.();
    delete process.env.RAS_CONNECT_HOME;
    delete process.env.RAS_CONNECT_SIM_SPEED;
    await rm(home, { recursive: true, force: true, maxRetries: 10 });
  });
  return () => home;
}
