import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EntrySummary } from '../../../app/ipc/contract';
import { makeEntry } from '../../../app/phonebook/entry';
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
