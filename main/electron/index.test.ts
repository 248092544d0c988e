import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  Menu,
  app,
  dialog,
  electronMock,
  ipcMain,
  nativeTheme,
  powerMonitor,
  resetElectronMock,
  useShellHome,
  shell,
} from '../../tests/mocks/electron';
import { INVOKE_CHANNELS } from '../../app/ipc/channels';

vi.mock('electron', () => import('../../tests/mocks/electron'));

const home = useShellHome();

async function start(): Promise<FakeBrowserWindow | undefined> {
  const { startShell } = await import('./shell');
  startShell();
  await electronMock.ready;
  for (
    let i = 0;
    i < 200 && FakeBrowserWindow.instances.length === 0 && electronMock.singleInstance;
    i++
  )
    await new Promise((r) => setTimeout(r, 5));
  return FakeBrowserWindow.instances[0];
}

describe('Electron shell', () => {
  it('opens one locked-down window over the built renderer, with the preload', async () => {
    const window = await start();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    expect(window!.options.title).toBe(
      process.platform === 'win32' ? 'RAS Connect' : 'RAS Connect (simulated)',
    );
    expect(window!.loadFile.mock.calls[0]![0]).toMatch(/renderer[\\/]index\.html$/);
  });

  it('refuses new windows and navigation away from the app', async () => {
    const contents = (await start())!.webContents;
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

  it('denies every permission request but writing text to the clipboard (Copy buttons)', async () => {
    await start();
    const contents = { session: { setPermissionRequestHandler: vi.fn() } };
    electronMock.listeners.get('web-contents-created')!({}, contents);
    const handler = contents.session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      callback: (ok: boolean) => void,
    ) => void;
    const callback = vi.fn();
    handler({}, 'media', callback);
    expect(callback).toHaveBeenLastCalledWith(false);
    // Reading the clipboard stays refused: only the sanitized write the page's Copy uses.
    handler({}, 'clipboard-read', callback);
    expect(callback).toHaveBeenLastCalledWith(false);
    handler({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenLastCalledWith(true);
  });

  it('tells the session engine when the computer sleeps and wakes', async () => {
    await start();
    expect([...powerMonitor.listeners.keys()].sort()).toEqual(['resume', 'suspend']);
  });

  it('handles every contract channel, and only for our own page', async () => {
    const window = (await start())!;
    expect([...electronMock.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const handler = electronMock.handlers.get('app:info')!;
    const ours = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(await handler(ours, {})).toMatchObject({ ok: true, value: { backend: 'simulated' } });
    const foreignFrame = { url: 'https://evil.example/' };
    expect(
      await handler({ sender: window.webContents, senderFrame: foreignFrame }, {}),
    ).toMatchObject({ ok: false });
    const subFrame = { url: window.webContents.mainFrame.url };
    expect(await handler({ sender: window.webContents, senderFrame: subFrame }, {})).toMatchObject({
      ok: false,
    });
    expect(await handler({ sender: window.webContents, senderFrame: null }, {})).toMatchObject({
      ok: false,
    });
  });

  it('sends a shown connection’s statistics every second, until its window closes', async () => {
    const window = (await start())!;
    const from = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const dialed = (await electronMock.handlers.get('connection:dial')!(from, {
      entryName: 'Office VPN',
      credentials: { userName: 'a', password: 'b', domain: '' },
    })) as { value: { id: string } };
    await new Promise((r) => setTimeout(r, 100));
    await electronMock.handlers.get('connection:watch-statistics')!(from, { id: dialed.value.id });
    const statistics = () =>
      window.webContents.send.mock.calls.filter(([event]) => event === 'connection:statistics')
        .length;
    for (let i = 0; i < 500 && statistics() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(statistics()).toBeGreaterThan(0);
    window.webContents.listeners.get('destroyed')!();
    const afterClose = statistics();
    await new Promise((r) => setTimeout(r, 1500));
    expect(statistics()).toBe(afterClose);
  });

  it('lets the window export only to a file chosen in the system dialog', async () => {
    const window = (await start())!;
    const from = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const file = path.join(home(), 'export.pbk');
    const exportTo = (f: string) =>
      electronMock.handlers.get('phonebook:export')!(from, { file: f, names: ['Dial-up'] });
    expect(await exportTo(file)).toMatchObject({ ok: false, error: { message: /file dialog/ } });
    electronMock.chosenFile = file;
    expect(await electronMock.handlers.get('file:choose')!(from, { purpose: 'export' })).toEqual({
      ok: true,
      value: { file },
    });
    expect(await exportTo(file)).toEqual({ ok: true, value: { count: 1, file } });
    expect(await readFile(file, 'utf8')).toMatch(/^\[Dial-up\]/);
    expect(await electronMock.handlers.get('phonebook:preview')!(from, { file })).toMatchObject({
      ok: false,
    });
  });

  it('sends events to the window', async () => {
    const window = (await start())!;
    const dial = electronMock.handlers.get('connection:dial')!;
    await dial(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      { entryName: 'Office VPN' },
    );
    expect(window.webContents.send).toHaveBeenCalledWith(
      'connection:state',
      expect.objectContaining({ version: expect.any(Number) }),
    );
  });

  it('sets the usual menu, follows the theme setting and remembers where the window was', async () => {
    const window = (await start())!;
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(nativeTheme.themeSource).toBe('system');
    const set = electronMock.handlers.get('settings:set')!;
    await set(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      { theme: 'dark' },
    );
    expect(nativeTheme.themeSource).toBe('dark');
    const closing = { preventDefault: vi.fn() };
    window.listeners.get('close')!(closing);
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.parse(await readFile(path.join(home(), 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 10, y: 20, width: 900, height: 600 },
      maximized: false,
    });
    electronMock.listeners.get('will-quit')?.();
    resetElectronMock();
    const again = (await start())!;
    expect(again.options).toMatchObject({ x: 10, y: 20, width: 900, height: 600 });
  });

  it('quits a second instance and focuses the first window instead', async () => {
    const window = (await start())!;
    electronMock.listeners.get('second-instance')!({}, ['ras-connect']);
    expect(window.focus).toHaveBeenCalled();
    electronMock.listeners.get('will-quit')?.();
    resetElectronMock();
    electronMock.singleInstance = false;
    await start();
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('closes the window to the tray, and really closes it once the app quits', async () => {
    const window = (await start())!;
    window.show();
    const closing = { preventDefault: vi.fn() };
    window.listeners.get('close')!(closing);
    expect(closing.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 50));
    // Said once, the first time only.
    window.listeners.get('close')!({ preventDefault: vi.fn() });
    await new Promise((r) => setTimeout(r, 50));
    expect(FakeNotification.instances.map((n) => n.options.title)).toEqual([
      'RAS Connect is still running',
    ]);
    electronMock.listeners.get('before-quit')!();
    const quitting = { preventDefault: vi.fn() };
    window.listeners.get('close')!(quitting);
    expect(quitting.preventDefault).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 50));
  });

  it('quits on close when Settings say closing the window quits', async () => {
    const window = (await start())!;
    const sender = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await electronMock.handlers.get('settings:set')!(sender, { closeToTray: false });
    const closing = { preventDefault: vi.fn() };
    window.listeners.get('close')!(closing);
    expect(window.hide).not.toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 50));
  });

  it('starts hidden in the tray when started at login', async () => {
    process.argv.push('--hidden');
    try {
      vi.resetModules();
      const window = (await start())!;
      await new Promise((r) => setTimeout(r, 20));
      expect(window.listeners.has('ready-to-show')).toBe(false);
      expect(FakeTray.instances).toHaveLength(1);
    } finally {
      process.argv.pop();
      vi.resetModules();
    }
  });

  it('passes a second launch’s --dial and --hang-up to the running instance', async () => {
    const window = (await start())!;
    const busy = () =>
      electronMock.handlers.get('connection:list')!(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        {},
      ) as Promise<{ ok: boolean; value: { connections: { entryName: string }[] } }>;
    electronMock.listeners.get('second-instance')!({}, ['ras-connect', '--dial', 'Busy line']);
    for (let i = 0; i < 200; i++) {
      const result = await busy();
      if (result.ok && JSON.stringify(result.value).includes('Busy line')) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(JSON.stringify((await busy()).value)).toContain('Busy line');
    expect(window.focus).not.toHaveBeenCalled();
  });

  it('logs to ras-connect.log and exports diagnostics to the file the save dialog chose', async () => {
    const window = (await start())!;
    const sender = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await electronMock.handlers.get('connection:dial')!(sender, { entryName: 'Busy line' });
    const logFile = path.join(home(), 'ras-connect.log');
    for (let i = 0; i < 200; i++) {
      const text = await readFile(logFile, 'utf8').catch(() => '');
      if (text.includes('676')) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await readFile(logFile, 'utf8')).toMatch(/INFO Busy line .*676 ERROR_LINE_BUSY/);
    electronMock.chosenFile = path.join(home(), 'diag.zip');
    const refused = (await electronMock.handlers.get('diagnostics:export')!(sender, {
      file: electronMock.chosenFile,
    })) as { ok: boolean };
    expect(refused.ok).toBe(false);
    await electronMock.handlers.get('file:choose')!(sender, { purpose: 'diagnostics' });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: 'ras-connect-diagnostics.zip' }),
    );
    const written = (await electronMock.handlers.get('diagnostics:export')!(sender, {
      file: electronMock.chosenFile,
    })) as { ok: boolean };
    expect(written.ok).toBe(true);
    const zip = await readFile(electronMock.chosenFile);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
  });

  describe('quitting with active connections', () => {
    async function withActiveDial(): Promise<FakeBrowserWindow> {
      const window = (await start())!;
      const sender = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      await electronMock.handlers.get('connection:dial')!(sender, { entryName: 'Office VPN' });
      const list = electronMock.handlers.get('connection:list')!;
      for (let i = 0; i < 200; i++) {
        const r = (await list(sender, {})) as { value: { connections: { status: string }[] } };
        if (r.value.connections.some((c) => c.status === 'paused')) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      return window;
    }
    const statuses = async (window: FakeBrowserWindow) => {
      const sender = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      const r = (await electronMock.handlers.get('connection:list')!(sender, {})) as {
        value: { connections: { status: string }[] };
      };
      return r.value.connections.map((c) => c.status);
    };
    const quit = async () => {
      const event = { preventDefault: vi.fn() };
      electronMock.listeners.get('before-quit')!(event);
      await new Promise((r) => setTimeout(r, 50));
      return event;
    };

    it('asks, and hangs them up before quitting', async () => {
      const window = await withActiveDial();
      electronMock.messageBoxResponse = 0;
      const event = await quit();
      expect(event.preventDefault).toHaveBeenCalled();
      expect(dialog.showMessageBox).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'A connection is still active.',
          buttons: ['Hang up and quit', 'Leave connected and quit', 'Cancel'],
        }),
      );
      // Quits once the hang-up has released the port.
      for (let i = 0; i < 400 && app.quit.mock.calls.length === 0; i++)
        await new Promise((r) => setTimeout(r, 5));
      expect(app.quit).toHaveBeenCalled();
      expect(await statuses(window)).toEqual(['disconnected']);
    });

    it('leaves them connected when asked to', async () => {
      const window = await withActiveDial();
      electronMock.messageBoxResponse = 1;
      await quit();
      expect(app.quit).toHaveBeenCalled();
      expect(await statuses(window)).toEqual(['paused']);
    });

    it('stays when cancelled, and asks nothing with no connection', async () => {
      await withActiveDial();
      electronMock.messageBoxResponse = 2;
      await quit();
      expect(app.quit).not.toHaveBeenCalled();
      electronMock.listeners.get('will-quit')?.();
      resetElectronMock();
      await start();
      const event = await quit();
      expect(event.preventDefault).not.toHaveBeenCalled();
      expect(dialog.showMessageBox).not.toHaveBeenCalled();
    });
  });
});
