import { Profiler } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionView } from '../../../app/connection-view';
import { defaultSettings, type EntrySummary, type PhonebookBook } from '../../../app/ipc/contract';
import { makeEntry } from '../../../app/phonebook/entry';
import { useAppStore, type AppState, type EntryRef } from '../store/app-store';
import { fakeApi, renderIn } from '../test-utils';
import { App } from './app';
import { HangUpDialog, PhonebookList, listOutcome } from './phonebook-list';
import { toListed } from '../../../app/ipc/listed-entries';

const APP = '/data/rasphone.pbk';
const BRANCH = '/data/branch.pbk';
const BROKEN = '/data/broken.pbk';

const entry = (name: string, phonebook = APP): EntrySummary => ({
  name,
  phonebook,
  type: 'vpn',
  destination: `${name.toLowerCase().replace(/\W+/g, '-')}.example.com`,
});

const NAMES = [
  'Account disabled',
  'Busy line',
  'Dial-up',
  'Office VPN',
  'Outside logon hours',
  'VPN (refused)',
  'VPN (slow)',
];
const entries = NAMES.map((n) => entry(n));
const ref = (name: string, phonebook = APP): EntryRef => ({ phonebook, name });

function connection(name: string, status: ConnectionView['status']): ConnectionView {
  return {
    id: `c-${name}`,
    entryName: name,
    phonebook: APP,
    status,
    handle: status === 'connected' ? 'h1' : null,
    timeline: { startedAt: 1, rows: [] },
    paused: null,
    error: null,
    attempt: 1,
    attempts: 1,
    numberIndex: 0,
    numberCount: 1,
    destination: 'vpn.example.com',
    connectedAt: status === 'connected' ? 2 : null,
    redialAt: null,
    attached: false,
  };
}

function showList(state: Partial<AppState> = {}) {
  const api = fakeApi({ 'phonebook:copy': ({ name }) => ({ name: `Copy of ${name}` }) });
  useAppStore.setState({
    ready: true,
    books: [{ path: APP, kind: 'app' }],
    entries,
    selected: ref('Busy line'),
    ...state,
  });
  renderIn('en', <PhonebookList />);
  const listbox = screen.getByRole('listbox');
  act(() => listbox.focus());
  return { api, listbox, user: userEvent.setup() };
}

/** The entry the list's aria-activedescendant points at. */
function active(listbox: HTMLElement): string | null | undefined {
  const id = listbox.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.querySelector('.name')?.textContent : null;
}

afterEach(() => vi.restoreAllMocks());

describe('the phonebook list', () => {
  it('holds only options: the headings’ Close buttons, errors and messages lie outside it', async () => {
    const books: PhonebookBook[] = [
      { path: APP, kind: 'app' },
      { path: BRANCH, kind: 'opened' },
      { path: BROKEN, kind: 'opened' },
    ];
    const { listbox } = showList({
      books,
      entries: [...entries, entry('Branch dial-up', BRANCH)],
      bookErrors: { [BROKEN]: 'line 3: expected key=value' },
    });
    expect(within(listbox).queryAllByRole('button')).toEqual([]);
    expect(within(listbox).queryAllByRole('alert')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Close branch.pbk' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close broken.pbk' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('line 3');
    // Each phonebook's entries are a group named after it, each option placed in its group.
    const groups = within(listbox).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual([
      'RAS Connect phonebook',
      'branch.pbk',
    ]);
    const branch = within(groups[1]!).getByRole('option');
    expect(branch.getAttribute('aria-posinset')).toBe('1');
    expect(branch.getAttribute('aria-setsize')).toBe('1');
    const results = await axe.run(document.body, {
      runOnly: ['aria-required-children', 'aria-required-parent', 'nested-interactive'],
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('says that there is nothing to list outside the listbox', async () => {
    const { listbox } = showList({ entries: [], selected: null });
    const message = screen.getByText('The phonebook has no entries.');
    expect(listbox.contains(message)).toBe(false);
    expect(listbox.children).toHaveLength(0);
    const results = await axe.run(document.body, { runOnly: ['aria-required-children'] });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('moves to the next entry that starts with the letters typed', async () => {
    let now = 10_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const { listbox, user } = showList();
    await user.keyboard('o');
    expect(active(listbox)).toBe('Office VPN');
    // The same letter again: the next entry that starts with it, round to the first.
    await user.keyboard('o');
    expect(active(listbox)).toBe('Outside logon hours');
    await user.keyboard('o');
    expect(active(listbox)).toBe('Office VPN');
    now += 2000;
    // Letters typed together spell a prefix, space included.
    await user.keyboard('vpn (s');
    expect(active(listbox)).toBe('VPN (slow)');
    now += 2000;
    await user.keyboard('d');
    expect(active(listbox)).toBe('Dial-up');
    now += 2000;
    // Nothing starts with it: the selection stays.
    await user.keyboard('z');
    expect(active(listbox)).toBe('Dial-up');
    expect(useAppStore.getState().selected).toEqual(ref('Dial-up'));
  });

  it('opens a keyboard menu with Shift+F10 and the Menu key; Escape returns to the list', async () => {
    const { api, listbox, user } = showList();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Busy line' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Connect',
      'Properties',
      'Rename',
      'Copy',
      'Delete',
      'Copy as PowerShell',
      'New',
    ]);
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[6]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[6]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('d');
    expect(document.activeElement).toBe(items[4]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(listbox);
    expect(active(listbox)).toBe('Busy line');

    // The Menu key; Enter runs an item, Space too; focus goes back to the list first.
    await user.keyboard('{ContextMenu}');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(useAppStore.getState().pane).toEqual({ kind: 'rename', ref: ref('Busy line') });
    expect(document.activeElement).toBe(listbox);
    await user.keyboard('{ContextMenu}');
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp} ');
    await waitFor(() =>
      expect(api.calls.find((c) => c.channel === 'phonebook:copy')?.payload).toEqual(
        ref('Busy line'),
      ),
    );
    // Tab leaves the menu for the list, as Escape does. (The copy is selected, though the
    // fake main lists no copy.)
    expect(useAppStore.getState().selected).toEqual(ref('Copy of Busy line'));
    act(() => useAppStore.setState({ selected: ref('Busy line') }));
    await user.keyboard('{ContextMenu}');
    expect(document.activeElement?.getAttribute('role')).toBe('menuitem');
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(listbox);
  });

  it('asks before Enter or a double-click hangs up a connected entry; dials one that is not', async () => {
    const { api, listbox, user } = showList({
      selected: ref('Office VPN'),
      connections: { 'c-Office VPN': connection('Office VPN', 'connected') },
    });
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().pane).toEqual({ kind: 'hang-up', ref: ref('Office VPN') });
    act(() => useAppStore.setState({ pane: { kind: 'entry' } }));
    fireEvent.doubleClick(within(listbox).getByText('Office VPN'));
    expect(useAppStore.getState().pane).toEqual({ kind: 'hang-up', ref: ref('Office VPN') });
    expect(api.calls.some((c) => c.channel === 'connection:hang-up')).toBe(false);

    // The menu's Hang up says what it does: it is not asked again.
    act(() => useAppStore.setState({ pane: { kind: 'entry' } }));
    await user.keyboard('{Shift>}{F10}{/Shift}');
    expect(document.activeElement?.textContent).toBe('Hang up');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(api.calls.find((c) => c.channel === 'connection:hang-up')?.payload).toEqual({
        id: 'c-Office VPN',
      }),
    );

    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(api.calls.find((c) => c.channel === 'connection:dial')?.payload).toEqual({
        entryName: 'Outside logon hours',
        phonebook: APP,
      }),
    );
    expect(useAppStore.getState().pane).toEqual({ kind: 'entry' });
  });

  it('hangs up from the question only when told to, with focus first on Cancel', async () => {
    const api = fakeApi();
    useAppStore.setState({
      entries,
      selected: ref('Office VPN'),
      connections: { 'c-Office VPN': connection('Office VPN', 'connected') },
      pane: { kind: 'hang-up', ref: ref('Office VPN') },
    });
    renderIn('en', <HangUpDialog entry={ref('Office VPN')} />);
    const dialog = screen.getByRole('dialog', { name: 'Hang up “Office VPN”?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    const user = userEvent.setup();
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().pane).toEqual({ kind: 'entry' });
    expect(api.calls.some((c) => c.channel === 'connection:hang-up')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Hang up' }));
    await waitFor(() =>
      expect(api.calls.find((c) => c.channel === 'connection:hang-up')?.payload).toEqual({
        id: 'c-Office VPN',
      }),
    );
  });

  it('shows a name cut short whole on hover, and whole in the option’s name', async () => {
    const long = 'Head office VPN through the backup line of the second data centre';
    const { listbox } = showList({ entries: [...entries, entry(long)], selected: ref(long) });
    // The name whole, and its state; the type is the option's description.
    const option = within(listbox).getByRole('option', { name: `${long}, Not connected` });
    const description = document.getElementById(option.getAttribute('aria-describedby')!);
    expect(within(description!).getByRole('img', { name: 'VPN' })).toBeTruthy();
    expect(option.querySelector('.name')?.getAttribute('title')).toBe(long);
    expect(option.getAttribute('aria-selected')).toBe('true');
    // The name given holds the words the row shows (axe's label-content-name-mismatch, which
    // needs a real browser's layout: tests/ui/keyboard-entries.test.ts).
    expect(option.textContent).toBe(`${long} Not connected`);
    const results = await axe.run(listbox, {
      runOnly: ['aria-allowed-attr', 'aria-valid-attr-value', 'aria-allowed-role'],
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('is not drawn again for what it does not show: statistics, history, the pane', () => {
    let commits = 0;
    fakeApi({});
    useAppStore.setState({ ready: true, books: [{ path: APP, kind: 'app' }], entries });
    renderIn(
      'en',
      <Profiler id="list" onRender={() => commits++}>
        <PhonebookList />
      </Profiler>,
    );
    const before = commits;
    act(() =>
      useAppStore.setState({
        statistics: {
          'c-Office VPN': {
            bytesXmited: 1,
            bytesRcved: 2,
            framesXmited: 0,
            framesRcved: 0,
            connectDuration: 1000,
            bps: 0,
          } as never,
        },
      }),
    );
    act(() => useAppStore.setState({ history: [], failure: null, pane: { kind: 'history' } }));
    expect(commits).toBe(before);
    // What it shows still draws it.
    act(() => useAppStore.setState({ connections: { a: connection('Office VPN', 'connected') } }));
    expect(commits).toBeGreaterThan(before);
  });
});

describe('Ctrl+N and Properties in the window', () => {
  async function renderApp() {
    window.matchMedia ??= (() => ({
      matches: false,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    })) as unknown as typeof window.matchMedia;
    fakeApi({
      'app:info': () => ({
        backend: 'simulated',
        platform: 'linux',
        version: 'test',
        defaultPhonebook: APP,
        desktop: false,
        canSavePasswords: true,
      }),
      'connection:list': () => ({ version: 1, connections: [] }),
      'settings:get': () => ({ ...defaultSettings, language: 'en' }),
      'history:list': () => [],
      'phonebook:books': () => [{ path: APP, kind: 'app' }],
      'phonebook:list': () => toListed(entries),
      'phonebook:get': ({ name }) => ({
        entry: makeEntry(name, 'vpn', ['vpn.example.com']),
        credentials: { userName: '', domain: '', hasPassword: false, hasPreSharedKey: false },
        revision: 'r1',
        otherSettings: [],
      }),
    });
    render(<App />);
    const listbox = await screen.findByRole('listbox');
    act(() => listbox.focus());
    return { listbox, user: userEvent.setup() };
  }

  it('Ctrl+N opens the new entry with the focus in its name field', async () => {
    const { user } = await renderApp();
    await user.keyboard('{Control>}n{/Control}');
    const editor = await screen.findByRole('form', { name: 'New entry' });
    expect(document.activeElement).toBe(within(editor).getByLabelText('Entry name'));
  });

  it('Properties opens the editor on the name; closing it puts focus back on the list', async () => {
    const { listbox, user } = await renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Account disabled' });
    await user.click(screen.getByRole('button', { name: 'Properties' }));
    const editor = await screen.findByRole('form', { name: 'Properties of Account disabled' });
    const name = within(editor).getByLabelText('Entry name') as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    await user.click(within(editor).getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { level: 1, name: 'Account disabled' });
    await waitFor(() => expect(document.activeElement).toBe(listbox));
  });
});

describe('the badge of an entry whose last attempt ended', () => {
  const row = (kind: 'dial' | 'state', state: number, error = 0) =>
    ({ kind, state, error }) as ConnectionView['timeline']['rows'][number];
  const view = (rows: ConnectionView['timeline']['rows'], code: number | null) =>
    ({
      status: 'disconnected',
      attached: false,
      error: code === null ? null : { code, name: '', message: '' },
      timeline: { startedAt: 0, rows },
    }) as unknown as ConnectionView;

  it('tells a failed dial and a dropped link from a clean hang-up', () => {
    expect(listOutcome(undefined)).toEqual({ status: 'idle' });
    expect(listOutcome(view([row('dial', 0), row('state', 0x2000)], null))).toEqual({
      status: 'disconnected',
    });
    expect(listOutcome(view([row('dial', 0), row('state', 2, 676)], 676))).toEqual({
      status: 'failed',
      code: 676,
    });
    // Connected, then the remote side closed: a drop, even after an earlier failed attempt.
    expect(
      listOutcome(
        view([row('dial', 0), row('state', 2, 676), row('dial', 0), row('state', 0x2000)], 629),
      ),
    ).toEqual({ status: 'dropped', code: 629 });
  });
});
