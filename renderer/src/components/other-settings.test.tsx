import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../../app/phonebook/entry';
import { useAppStore } from '../store/app-store';
import { fakeApi, renderIn } from '../test-utils';
import { EntryPanel } from './entry-panel';

const authData = '0123456789abcdef'.repeat(12);

function showEntry(language: 'en' | 'ru', otherSettings: { key: string; value: string }[]) {
  fakeApi({
    'phonebook:get': () => ({
      entry: makeEntry('Office VPN', 'vpn', ['vpn.example.com']),
      credentials: { userName: '', domain: '', hasPassword: false, hasPreSharedKey: false },
      revision: 'r1',
      otherSettings,
    }),
  });
  useAppStore.setState({
    entries: [{ name: 'Office VPN', phonebook: 'p', type: 'vpn', destination: 'vpn.example.com' }],
    selected: { phonebook: 'p', name: 'Office VPN' },
  });
  renderIn(language, <EntryPanel />);
}

describe('other settings on the entry page', () => {
  it('lists the keys kept from Windows, read-only, with long values cut', async () => {
    showEntry('en', [
      { key: 'Guid', value: '{9B0F5B5A-1E55-4C3F-9E6B-6A0F2B1C3D4E}' },
      { key: 'IpSecFlags', value: '2' },
      { key: 'CustomAuthData', value: authData },
    ]);
    const summary = await screen.findByText('Other settings kept from Windows (3)');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    await userEvent.setup().click(summary);
    expect(details.open).toBe(true);
    expect(
      within(details).getByText(
        'RAS Connect does not change these: it keeps them exactly as they are.',
      ),
    ).toBeTruthy();
    const items = within(details)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Guid = {9B0F5B5A-1E55-4C3F-9E6B-6A0F2B1C3D4E}',
      'IpSecFlags = 2',
      `CustomAuthData = ${authData.slice(0, 60)}…`,
    ]);
    const cut = within(details).getByText(`${authData.slice(0, 60)}…`);
    expect(cut.getAttribute('title')).toBe(authData);
    expect(cut.getAttribute('aria-description')).toBe(authData);
    expect(details.querySelector('input, select, textarea')).toBeNull();
  });

  it('titles the section in Russian', async () => {
    showEntry('ru', [{ key: 'ms_msclient', value: '1' }]);
    expect(await screen.findByText('Другие параметры, сохранённые из Windows (1)')).toBeTruthy();
  });

  it('shows no section for an entry with nothing else kept', async () => {
    showEntry('en', []);
    await screen.findByRole('heading', { name: 'Office VPN' });
    expect(screen.queryByText(/Other settings kept from Windows/)).toBeNull();
  });
});
