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
      'phonebook:list': () => [['Office VPN', 'vpn', 'vpn.example.com']],
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

  it('keeps a phonebook’s refusal as data, so the list can say it in the person’s language', async () => {
    const refusal = {
      code: 625,
      name: 'ERROR_CORRUPT_PHONEBOOK',
      message:
        'The phonebook file contains invalid data. /b.pbk, line 3: a line has a value but no key',
      key: 'sim.parseError',
      params: { file: '/b.pbk', line: 3, problem: 'pbk.noKey', more: 0 },
    };
    const api = fakeApi({
      'phonebook:books': () => [
        { path: 'a', kind: 'app' as const },
        { path: 'b', kind: 'app' as const },
      ],
      'phonebook:list': (p) =>
        (p as { phonebook: string }).phonebook === 'b'
          ? { ok: false, error: refusal }
          : [['Office VPN', 'vpn', 'vpn.example.com']],
    });
    const { loadEntries } = await import('./app-store');
    await loadEntries(api);
    const state = useAppStore.getState();
    expect(state.bookErrorInfo).toEqual({ b: refusal });
    expect(state.bookErrors).toEqual({ b: refusal.message });
    expect(state.entries.map((e) => e.name)).toEqual(['Office VPN']);
  });

  it('keeps a refused dial on its entry’s page only, until the entry is left', async () => {
    const api = fakeApi({
      'connection:dial': () => ({
        ok: false,
        error: { code: 'ALREADY_ACTIVE', name: 'ALREADY_ACTIVE', message: 'busy' },
      }),
    });
    const { dial, select } = await import('./app-store');
    const office = { phonebook: 'p', name: 'Office VPN' };
    await dial(api, office);
    expect(useAppStore.getState().failure).toBeNull();
    expect(useAppStore.getState().entryFailure).toEqual({
      ref: office,
      error: { code: 'ALREADY_ACTIVE', name: 'ALREADY_ACTIVE', message: 'busy' },
    });
    select({ phonebook: 'p', name: 'office vpn' });
    expect(useAppStore.getState().entryFailure).not.toBeNull();
    select({ phonebook: 'p', name: 'Dial-up' });
    expect(useAppStore.getState().entryFailure).toBeNull();
  });

  it('clears an entry’s refusal when a command on that entry works', async () => {
    let refuse = true;
    const api = fakeApi({
      'connection:dial': () =>
        refuse
          ? { ok: false, error: { code: 'ALREADY_ACTIVE', name: 'ALREADY_ACTIVE', message: 'x' } }
          : { id: 'c1' },
    });
    const { dial } = await import('./app-store');
    const office = { phonebook: 'p', name: 'Office VPN' };
    await dial(api, office);
    await dial(api, { phonebook: 'p', name: 'Dial-up' });
    expect(useAppStore.getState().entryFailure?.ref.name).toBe('Dial-up');
    refuse = false;
    await dial(api, office);
    expect(useAppStore.getState().entryFailure?.ref.name).toBe('Dial-up');
    await dial(api, { phonebook: 'p', name: 'dial-up' });
    expect(useAppStore.getState().entryFailure).toBeNull();
  });

  it('shows a refusal of what a dialog asked inside that dialog only, while it is open', async () => {
    const api = fakeApi({
      'phonebook:delete': () => ({
        ok: false,
        error: { code: 'ALREADY_ACTIVE', name: 'ALREADY_ACTIVE', message: 'connected' },
      }),
    });
    const { paneFailureOf } = await import('./app-store');
    const { deleteEntry, setPane } = await import('./phonebook-actions');
    const office = { phonebook: 'p', name: 'Office VPN' };
    setPane({ kind: 'delete', ref: office });
    await deleteEntry(api, office);
    const s = useAppStore.getState();
    expect(s.pane).toEqual({ kind: 'delete', ref: office });
    expect(paneFailureOf(s)?.message).toBe('connected');
    expect(s.failure).toBeNull();
    expect(s.entryFailure).toBeNull();
    // Left another way than setPane: the refusal does not follow into the next pane.
    useAppStore.setState({ pane: { kind: 'rename', ref: office } });
    expect(paneFailureOf(useAppStore.getState())).toBeNull();
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
