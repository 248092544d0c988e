import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectronMock } from '../../tests/mocks/electron';
import { serviceAddress } from '../ras/simulated/service/service-address';

vi.mock('electron', () => import('../../tests/mocks/electron'));

let dir: string;
const savedRuntime = process.env.XDG_RUNTIME_DIR;
beforeEach(async () => {
  resetElectronMock();
  dir = await mkdtemp(path.join(tmpdir(), 'ras-service-mode-'));
  process.env.XDG_RUNTIME_DIR = path.join(dir, 'run');
});
afterEach(async () => {
  if (savedRuntime === undefined) delete process.env.XDG_RUNTIME_DIR;
  else process.env.XDG_RUNTIME_DIR = savedRuntime;
  vi.unstubAllGlobals();
  await rm(dir, { recursive: true, force: true });
});

describe('the app executable as the simulated RAS service', () => {
  it('reads the data folder after the flag', async () => {
    const { serviceModeFolder, SERVICE_FLAG } = await import('./service-mode');
    expect(
      serviceModeFolder([
        '/opt/RAS Connect/ras-connect',
        SERVICE_FLAG,
        '/home/a/.config/RAS Connect',
      ]),
    ).toBe('/home/a/.config/RAS Connect');
    expect(serviceModeFolder(['/opt/RAS Connect/ras-connect', '--dial', 'VPN'])).toBeNull();
  });

  it('is started as the app itself (plain Node is fused off), with the app folder when unpacked', async () => {
    const { electronServiceLaunch, SERVICE_FLAG } = await import('./service-mode');
    // Outside Electron (these tests) the window keeps its connections to itself.
    expect(electronServiceLaunch()).toBeUndefined();
    vi.stubGlobal('process', {
      ...process,
      versions: { ...process.versions, electron: '45.5.0' },
      defaultApp: true,
    });
    expect(electronServiceLaunch()).toEqual({
      command: process.execPath,
      args: [process.cwd(), SERVICE_FLAG],
    });
    vi.stubGlobal('process', {
      ...process,
      versions: { ...process.versions, electron: '45.5.0' },
      defaultApp: undefined,
    });
    expect(electronServiceLaunch()?.args).toEqual([SERVICE_FLAG]);
  });

  it('serves without a window, and exits once nothing uses it', async () => {
    const data = path.join(dir, 'data');
    const { runServiceMode } = await import('./service-mode');
    const running = runServiceMode(data);
    const address = serviceAddress(data);
    for (let i = 0; i < 200 && !existsSync(address); i++)
      await new Promise((r) => setTimeout(r, 10));
    // A program links and leaves; then the service is idle and the process ends.
    await new Promise<void>((resolve) => {
      const socket = net.connect(address, () => {
        socket.end();
        resolve();
      });
    });
    await running;
    expect(app.dock.hide).toHaveBeenCalled();
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(existsSync(address)).toBe(false);
  });

  it('is what the entry runs when the flag is there, instead of the window', async () => {
    const data = path.join(dir, 'data');
    const argv = process.argv;
    process.argv = [argv[0]!, '--simulated-ras-service', data];
    try {
      await import('./index');
      const address = serviceAddress(data);
      for (let i = 0; i < 200 && !existsSync(address); i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(existsSync(address)).toBe(true);
      expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
      // A program links and leaves: the service is then idle and the process ends.
      await new Promise<void>((resolve) => {
        const socket = net.connect(address, () => {
          socket.end();
          resolve();
        });
      });
      for (let i = 0; i < 300 && app.exit.mock.calls.length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(app.exit).toHaveBeenCalledWith(0);
    } finally {
      process.argv = argv;
    }
  });
});
