// The one shared mock of the electron module: enough of app, BrowserWindow and shell for
// main/electron/ to run under plain Node. Tests read what was called from `electronMock`.

import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

export class FakeWebContents {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly session = { setPermissionRequestHandler: vi.fn() };
  on(event: string, listener: Listener) {
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
  readonly webContents = new FakeWebContents();
  readonly loadFile = vi.fn(async (_file: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly onceListeners = new Map<string, Listener>();
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this);
  }
  once(event: string, listener: Listener) {
    this.onceListeners.set(event, listener);
    return this;
  }
}

export const electronMock = {
  listeners: new Map<string, Listener>(),
  singleInstance: true,
  ready: Promise.resolve(),
};

export const app = {
  requestSingleInstanceLock: vi.fn(() => electronMock.singleInstance),
  quit: vi.fn(),
  on: vi.fn((event: string, listener: Listener) => {
    electronMock.listeners.set(event, listener);
    return app;
  }),
  whenReady: vi.fn(() => electronMock.ready),
};

export const shell = { openExternal: vi.fn(async () => undefined) };
export const BrowserWindow = FakeBrowserWindow;

export function resetElectronMock(): void {
  FakeBrowserWindow.instances = [];
  electronMock.listeners.clear();
  electronMock.singleInstance = true;
  vi.clearAllMocks();
}
