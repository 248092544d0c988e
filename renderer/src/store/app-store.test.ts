import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../app/connection-view';
import { defaultSettings, type InvokeResult, type Settings } from '../../../app/ipc/contract';
import { connectionView } from '../../../tests/support/connection-view';
import { fakeApi } from '../test-utils';
import { applySnapshot, connectStore, connectionFor, useAppStore } from './app-store';

const view = (id: string, status: ConnectionView['status']): ConnectionView =>
  connectionView({ id, status });

describe('renderer store', () => {
  it('pulls one snapshot, then applies only newer versions from events', async () => {
    const api = fakeApi({
      'app:info': () => ({
        backend: 'simulated',
        platform: 'linux',
        version: '1',
        defaultPhonebook: 'p',
        desktop: false,
        canSavePasswords: true,
      }),
      'connection:list': () => ({ version: 5, connections: [view('c1', 'dialing')] }),
      'settings:get': () => ({ ...defaultSettings, language: 'en' }),
      'phonebook:books': () => [{ path: 'p', kind: 'app' as const }],
      'phonebook:list': () => [
        { name: 'Office VPN', phonebook: 'p', type: 'vpn', destination: 'vpn.example.com' },
      ],
    });
    await connectStore(api);
    const state = useAppStore.getState();
    expect(state).toMatchObject({
      ready: true,
      version: 5,
      selected: { phonebook: 'p', name: 'Office VPN' },
    });
    expect(connectionFor(state, { phonebook: 'p', name: 'office vpn' })?.status).toBe('dialing');
    api.emit('connection:state', { version: 4, connections: [view('c1', 'disconnected')] });
    expect(useAppStore.getState().connections.c1!.status).toBe('dialing');
    api.emit('connection:state', { version: 6, connections: [view('c1', 'connected')] });
    expect(useAppStore.getState().connections.c1!.status).toBe('connected');
    expect(api.calls.map((c) => c.channel).sort()).toEqual([
      'app:info',
      'connection:list',
      'history:list',
      'phonebook:books',
      'phonebook:list',
      'settings:get',
    ]);
  });

  it('keeps a failed command’s error to show', async () => {
    const api = fakeApi({
      'connection:dial': () => ({
        ok: false,
        error: { code: 'ALREADY_ACTIVE', name: 'ALREADY_ACTIVE', message: 'busy' },
      }),
    });
    const { dial } = await import('./app-store');
    await dial(api, { phonebook: 'p', name: 'Office VPN' });
    expect(useAppStore.getState().failure).toEqual({
      code: 'ALREADY_ACTIVE',
      name: 'ALREADY_ACTIVE',
      message: 'busy',
    });
  });

  it('shows a settings change at once, and puts main’s back when it is refused', async () => {
    useAppStore.setState({ settings: defaultSettings });
    let answer: () => Settings | InvokeResult<Settings> = () => ({
      ...defaultSettings,
      theme: 'dark',
    });
    const api = fakeApi({
      'settings:set': () => answer(),
      'settings:get': () => defaultSettings,
    });
    const { saveSettings } = await import('./app-store');
    const saving = saveSettings(api, { theme: 'dark' });
    expect(useAppStore.getState().settings?.theme).toBe('dark');
    await saving;
    answer = () => ({
      ok: false,
      error: { code: 'BAD_PAYLOAD', name: 'BAD_PAYLOAD', message: 'no' },
    });
    const refused = saveSettings(api, { theme: 'light' });
    expect(useAppStore.getState().settings?.theme).toBe('light');
    await refused;
    expect(useAppStore.getState().settings?.theme).toBe('system');
    expect(useAppStore.getState().failure?.message).toBe('no');
  });

  it('applies a snapshot with a newer version only', () => {
    applySnapshot({ version: 2, connections: [view('a', 'connected')] });
    applySnapshot({ version: 1, connections: [] });
    expect(Object.keys(useAppStore.getState().connections)).toEqual(['a']);
  });
});
