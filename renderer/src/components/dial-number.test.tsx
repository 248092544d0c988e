// "Prompt for phone number" works (issue 14): the Connect form shows the number, editable for
// this call only, and the dial takes the edited one.

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EntrySummary } from '../../../app/ipc/contract';
import { makeEntry, type RasEntry } from '../../../app/phonebook/entry';
import { useAppStore } from '../store/app-store';
import { fakeApi, renderIn } from '../test-utils';
import { EntryPanel } from './entry-panel';

const APP = '/data/rasphone.pbk';

function showPanel(entry: RasEntry) {
  const api = fakeApi({
    'phonebook:get': () => ({
      entry,
      credentials: { userName: 'alice', domain: '', hasPassword: true, hasPreSharedKey: false },
      revision: 'r1',
      otherSettings: [],
    }),
    'connection:dial': () => ({ id: 'c1' }),
  });
  const summary: EntrySummary = {
    name: entry.name,
    phonebook: APP,
    type: entry.type,
    destination: entry.phoneNumbers[0]?.number ?? '',
  };
  useAppStore.setState({
    books: [{ path: APP, kind: 'app' }],
    entries: [summary],
    selected: { phonebook: APP, name: entry.name },
  });
  renderIn('en', <EntryPanel />);
  return { api, user: userEvent.setup() };
}

const dialed = (api: ReturnType<typeof fakeApi>) =>
  api.calls.find((c) => c.channel === 'connection:dial')?.payload as
    { phoneNumber?: string } | undefined;

describe('prompt for phone number', () => {
  it('shows the number to dial, and dials the one typed instead, for this call only', async () => {
    const { api, user } = showPanel(
      makeEntry('Dial-up', 'phone', ['555-0100', '555-0101'], { promptPhoneNumber: true }),
    );
    const number = (await screen.findByLabelText('Dial')) as HTMLInputElement;
    expect(number.value).toBe('555-0100');
    await user.clear(number);
    await user.type(number, '9,555-0199');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(dialed(api)).toMatchObject({ phoneNumber: '9,555-0199' }));
  });

  it('left as it is, dials the entry as usual (its alternates after it)', async () => {
    const { api, user } = showPanel(
      makeEntry('Dial-up', 'phone', ['555-0100', '555-0101'], { promptPhoneNumber: true }),
    );
    await screen.findByLabelText('Dial');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(dialed(api)).toBeTruthy());
    expect(dialed(api)).not.toHaveProperty('phoneNumber');
  });

  it('is not asked for an entry without the option, nor for a VPN', async () => {
    showPanel(makeEntry('Office', 'vpn', ['vpn.example.com'], { promptPhoneNumber: true }));
    // The entry has been read (its saved user name is in): still no number asked.
    await waitFor(() =>
      expect((screen.getByLabelText('User name') as HTMLInputElement).value).toBe('alice'),
    );
    expect(screen.queryByLabelText('Dial')).toBeNull();
  });

  it('reads the entry once for the whole panel, not once more for the number', async () => {
    const { api } = showPanel(
      makeEntry('Dial-up', 'phone', ['555-0100'], { promptPhoneNumber: true }),
    );
    await screen.findByLabelText('Dial');
    expect(api.calls.filter((c) => c.channel === 'phonebook:get')).toHaveLength(1);
  });
});
