import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  app,
  electronMock,
  resetElectronMock,
  shell,
} from '../../tests/mocks/electron';

vi.mock('electron', () => import('../../tests/mocks/electron'));

async function start(): Promise<void> {
  const { startShell } = await import('./shell');
  startShell();
  await electronMock.ready;
  await Promise.resolve();
}

describe('Electron shell', () => {
  beforeEach(resetElectronMock);

  it('opens one locked-down window over the built renderer', async () => {
    await start();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    const [window] = FakeBrowserWindow.instances;
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    expect(window!.options.title).toBe(
      process.platform === 'win32' ? 'RAS Connect' : 'RAS Connect (simulated)',
    );
    expect(window!.loadFile.mock.calls[0]![0]).toMatch(/renderer[\\/]index\.html$/);
  });

  it('refuses new windows and navigation away from the app', async () => {
    await start();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    const event = { preventDefault: vi.fn() };
    contents.listeners.get('will-navigate')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request', async () => {
    await start();
    const created = electronMock.listeners.get('web-contents-created')!;
    const contents = { session: { setPermissionRequestHandler: vi.fn() } };
    created({}, contents);
    const handler = contents.session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      callback: (ok: boolean) => void,
    ) => void;
    const callback = vi.fn();
    handler({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('quits a second instance and focuses the first window instead', async () => {
    await start();
    electronMock.listeners.get('second-instance')!();
    expect(FakeBrowserWindow.instances[0]!.focus).toHaveBeenCalled();
    resetElectronMock();
    electronMock.singleInstance = false;
    await start();
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
