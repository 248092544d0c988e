import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RasApi } from '../app/ipc/contract';
import {
  contextBridge,
  electronMock,
  ipcRenderer,
  resetElectronMock,
} from '../tests/mocks/electron';

vi.mock('electron', () => import('../tests/mocks/electron'));

let api: RasApi;
beforeAll(async () => {
  resetElectronMock();
  await import('./index');
  api = electronMock.exposed.get('ras') as RasApi;
});

describe('preload', () => {
  it('exposes window.ras and nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electronMock.exposed.keys()]).toEqual(['ras']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes contract channels only', async () => {
    ipcRenderer.invoke.mockClear();
    expect(await api.invoke('app:info', {})).toEqual({
      ok: true,
      value: { channel: 'app:info', payload: {} },
    });
    await expect(api.invoke('shell:exec' as never, {} as never)).rejects.toThrow('Unknown channel');
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('subscribes to contract events and returns the unsubscribe', () => {
    const seen: unknown[] = [];
    const stop = api.on('settings:changed', (s) => seen.push(s));
    electronMock.rendererListeners.get('settings:changed')![0]!({}, { theme: 'dark' });
    expect(seen).toEqual([{ theme: 'dark' }]);
    stop();
    expect(electronMock.rendererListeners.get('settings:changed')).toEqual([]);
    expect(() => api.on('ipc:raw' as never, () => undefined)).toThrow('Unknown event');
  });
});
