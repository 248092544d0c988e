import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionView } from '../../../app/connection-view';
import type { EntrySummary } from '../../../app/ipc/contract';
import { makeEntry } from '../../../app/phonebook/entry';
import { describeError } from '../../../app/ras/errors';
import { connectionView } from '../../../tests/support/connection-view';
import { useAppStore } from '../store/app-store';
import { fakeApi, renderIn } from '../test-utils';
import { EntryPanel } from './entry-panel';

const APP = '/data/rasphone.pbk';
const office: EntrySummary = {
  name: 'Office VPN',
  phonebook: APP,
  type: 'vpn',
  destination: 'vpn.example.com',
};
const ref = { phonebook: APP, name: 'Office VPN' };

function showPanel(bookErrors: Record<string, string> = {}) {
  const api = fakeApi({
    'phonebook:get': ({ name }) => ({
      entry: makeEntry(name, 'vpn', ['vpn.example.com']),
      credentials: { userName: 'alice', domain: '', hasPassword: false, hasPreSharedKey: false },
      revision: 'r1',
      otherSettings: [],
    }),
    'phonebook:copy': ({ name }) => ({ name: `Copy of ${name}` }),
  });
  useAppStore.setState({
    books: [{ path: APP, kind: 'app' }],
    entries: [office],
    selected: ref,
    bookErrors,
  });
  renderIn('en', <EntryPanel />);
  return { api, user: userEvent.setup() };
}

describe('the entry’s page', () => {
  it('has Properties, Rename, Copy and Delete as buttons, each naming its key in the list', async () => {
    const { api, user } = showPanel();
    const header = screen.getByRole('heading', { level: 1, name: 'Office VPN' }).closest('header')!;
    const buttons = within(header)
      .getAllByRole('button')
      .filter((b) => b.getAttribute('aria-label') !== 'Favourite');
    expect(buttons.map((b) => [b.textContent, b.title])).toEqual([
      ['Properties', ''],
      ['Rename', 'F2'],
      ['Copy', 'Ctrl+D'],
      ['Delete', 'Del'],
      ['Copy as PowerShell', ''],
    ]);

    await user.click(screen.getByRole('button', { name: 'Rename' }));
    expect(useAppStore.getState().pane).toEqual({ kind: 'rename', ref });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(useAppStore.getState().pane).toEqual({ kind: 'delete', ref });

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() =>
      expect(useAppStore.getState().selected).toEqual({
        phonebook: APP,
        name: 'Copy of Office VPN',
      }),
    );
    expect(api.calls.find((c) => c.channel === 'phonebook:copy')?.payload).toEqual(ref);

    useAppStore.setState({ selected: ref });
    await user.click(await screen.findByRole('button', { name: 'Properties' }));
    await waitFor(() =>
      expect(useAppStore.getState().pane).toMatchObject({
        kind: 'editor',
        mode: 'edit',
        phonebook: APP,
        originalName: 'Office VPN',
      }),
    );
  });

  it('offers only Properties for an entry of a phonebook that cannot be written', () => {
    showPanel({ [APP]: 'line 3: expected key=value' });
    expect(screen.getByRole('button', { name: 'Properties' })).toBeTruthy();
    for (const name of ['Rename', 'Copy', 'Delete'])
      expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('disables "Save the password" with the reason where no key store can keep it, and dials with the typed one', async () => {
    const { api, user } = showPanel();
    useAppStore.setState({
      info: {
        backend: 'simulated',
        platform: 'linux',
        version: '1',
        defaultPhonebook: APP,
        desktop: false,
        canSavePasswords: false,
      },
    });
    const box = (await screen.findByLabelText('Save the password')) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /No key store is available here/,
    );
    await user.type(screen.getByLabelText('Password'), 'typed');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(api.calls.find((c) => c.channel === 'connection:dial')?.payload).toMatchObject({
        credentials: { password: 'typed' },
      }),
    );
    expect(api.calls.some((c) => c.channel === 'phonebook:set-credentials')).toBe(false);
  });
});

function connection(change: Partial<ConnectionView>): void {
  const view = connectionView({
    phonebook: APP,
    status: 'connected',
    handle: 'h1',
    attempts: 3,
    ...change,
  });
  act(() => useAppStore.setState({ connections: { c1: view } }));
}

const countdown = () => document.querySelector('.countdown')?.textContent;

describe('waiting to redial', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down from the real time left, at once and steadily, to 0', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    showPanel();
    connection({ status: 'connected' });
    // The page has been open a while before the link drops.
    act(() => vi.advanceTimersByTime(60_000));
    connection({
      status: 'waiting-to-redial',
      redialAt: Date.now() + 5000,
      error: describeError(629),
    });
    const seen = [countdown()];
    for (let i = 0; i < 5; i++) {
      act(() => vi.advanceTimersByTime(1000));
      seen.push(countdown());
    }
    expect(seen).toEqual([
      'Redialing in 5 s',
      'Redialing in 4 s',
      'Redialing in 3 s',
      'Redialing in 2 s',
      'Redialing in 1 s',
      'Redialing in 0 s',
    ]);
  });

  it('keeps the ticking countdown out of the live status, and does not say "Connect again"', () => {
    showPanel();
    connection({
      status: 'waiting-to-redial',
      redialAt: Date.now() + 30_000,
      error: describeError(629),
    });
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Waiting to redial');
    expect(countdown()).toBe('Redialing in 30 s');
    expect(
      document.querySelector('.countdown')!.closest('[aria-live], [role="status"]'),
    ).toBeNull();
    expect(document.body.textContent).not.toMatch(/Connect again/);
  });

  it('offers Redial now and Cancel, each sent for the connection', async () => {
    const { api, user } = showPanel();
    connection({
      status: 'waiting-to-redial',
      redialAt: Date.now() + 30_000,
      error: describeError(629),
    });
    await user.click(screen.getByRole('button', { name: 'Redial now' }));
    expect(api.calls.at(-1)).toEqual({ channel: 'connection:redial-now', payload: { id: 'c1' } });
    await user.click(screen.getByRole('button', { name: 'Cancel redial' }));
    expect(api.calls.at(-1)).toEqual({ channel: 'connection:hang-up', payload: { id: 'c1' } });
  });
});

describe('after a failure', () => {
  it('offers Redial beside the remedy, with the credentials typed for the failed dial', async () => {
    const { api, user } = showPanel();
    await user.type(screen.getByLabelText('Password'), 'typed');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'connection:dial')).toBe(true));
    connection({ status: 'disconnected', error: describeError(676) });
    const box = screen.getByRole('alert');
    expect(box.textContent).toMatch(/Error 676/);
    expect(box.textContent).toMatch(/What to do/);
    await user.click(within(box).getByRole('button', { name: 'Redial' }));
    const dials = api.calls.filter((c) => c.channel === 'connection:dial');
    expect(dials).toHaveLength(2);
    expect(dials[1]!.payload).toEqual(dials[0]!.payload);
    expect(dials[1]!.payload).toMatchObject({ credentials: { password: 'typed' } });
  });

  it('shows a refused hang-up once, in a banner of the entry that Dismiss removes', async () => {
    const api = fakeApi({
      'phonebook:get': ({ name }) => ({
        entry: makeEntry(name, 'vpn', ['vpn.example.com']),
        credentials: { userName: '', domain: '', hasPassword: false, hasPreSharedKey: false },
        revision: 'r1',
        otherSettings: [],
      }),
      'connection:hang-up': () => ({
        ok: false,
        error: { code: 753, name: 'ERROR_DISCONNECTION', message: 'not now' },
      }),
    });
    useAppStore.setState({ books: [{ path: APP, kind: 'app' }], entries: [office], selected: ref });
    renderIn('en', <EntryPanel />);
    const user = userEvent.setup();
    connection({ status: 'connected', connectedAt: Date.now() });
    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    // Main keeps the refusal on the connection as well: still said once.
    connection({ status: 'connected', connectedAt: Date.now(), error: describeError(753) });
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(/Error 753/);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.calls.filter((c) => c.channel === 'connection:hang-up')).toHaveLength(1);
  });
});
