import { beforeEach, describe, expect, it, vi } from 'vitest';
import { until } from '../../tests/support/core';
import {
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  electronMock,
  useShellHome,
} from '../../tests/mocks/electron';

import type { ConnectionView } from '../../app/connection-view';
import type { Settings } from '../../app/ipc/contract';
import type { RasEntry } from '../../app/phonebook/entry';

vi.mock('electron', () => import('../../tests/mocks/electron'));

let window: FakeBrowserWindow;
useShellHome();
beforeEach(async () => {
  const { startShell } = await import('./shell');
  startShell();
  await until(() => FakeTray.instances.length === 1 && FakeBrowserWindow.instances.length === 1);
  window = FakeBrowserWindow.instances[0]!;
});

/** Calls an IPC channel as the window does. */
async function invoke<T = unknown>(channel: string, payload: unknown): Promise<T> {
  const result = (await electronMock.handlers.get(channel)!(
    { sender: window.webContents, senderFrame: window.webContents.mainFrame },
    payload,
  )) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as T;
}

const titles = () => FakeNotification.instances.map((n) => n.options.title);

describe('notifications', () => {
  it('says a connection is made, with its speed', async () => {
    await invoke('connection:dial', {
      entryName: 'Dial-up',
      credentials: { userName: 'me', password: 'pw', domain: '' },
    });
    await until(() => titles().includes('Connected: Dial-up'));
    const n = FakeNotification.instances.find((i) => i.options.title === 'Connected: Dial-up')!;
    expect(n.shown).toBe(true);
    expect(n.options.body).toMatch(/^Speed \d/);
    expect(n.options.body).not.toContain('pw');
  });

  it('says why a dial failed and what to do', async () => {
    await invoke('connection:dial', { entryName: 'Busy line' });
    await until(() => titles().includes('Disconnected: Busy line'));
    expect(FakeNotification.instances.at(-1)!.options.body).toMatch(/^676: .+\nWhat to do: /);
  });

  it('asks for an answer, and a click brings the window up', async () => {
    await invoke('connection:dial', { entryName: 'Office VPN' });
    await until(() => titles().includes('Office VPN is waiting for you'));
    window.show.mockClear();
    const n = FakeNotification.instances.find((i) => i.options.title.startsWith('Office VPN'))!;
    n.listeners.get('click')!();
    expect(window.show).toHaveBeenCalled();
  });

  it('announces a redial with Cancel, which hangs it up', async () => {
    const { entry, revision } = await invoke<{ entry: RasEntry; revision: string }>(
      'phonebook:get',
      { name: 'Busy line' },
    );
    await invoke('phonebook:update', {
      originalName: 'Busy line',
      entry: { ...entry, redialAttempts: 2, redialSeconds: 60 },
      revision,
    });
    const { id } = await invoke<{ id: string }>('connection:dial', { entryName: 'Busy line' });
    await until(() => titles().includes('Redialing Busy line'));
    const n = FakeNotification.instances.find((i) => i.options.title === 'Redialing Busy line')!;
    expect(n.options.body).toBe('Attempt 2 of 3 in 60 s');
    expect(n.options.actions).toEqual([{ type: 'button', text: 'Cancel' }]);
    n.listeners.get('action')!();
    let status = '';
    for (let i = 0; i < 200 && status !== 'disconnected'; i++) {
      const { connections } = await invoke<{ connections: ConnectionView[] }>(
        'connection:list',
        {},
      );
      status = connections.find((c) => c.id === id)!.status;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(status).toBe('disconnected');
    // A redial the person cancelled is not reported as a failure.
    await new Promise((r) => setTimeout(r, 50));
    expect(titles()).not.toContain('Disconnected: Busy line');
  });

  it('keeps quiet about the kinds turned off in Settings', async () => {
    const settings = await invoke<Settings>('settings:get', {});
    await invoke('settings:set', {
      notifications: { ...settings.notifications, disconnected: false },
    });
    await invoke('connection:dial', { entryName: 'No carrier' });
    await until(() => FakeTray.instances[0]!.tooltip.includes('No carrier, 679'));
    await new Promise((r) => setTimeout(r, 50));
    expect(titles()).not.toContain('Disconnected: No carrier');
  });
});
