import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEntry, type RasEntry } from '../../../app/phonebook/entry';
import type { Pane } from '../store/phonebook-actions';
import { fakeApi, renderIn } from '../test-utils';
import { EntryEditor } from './entry-editor';

type EditorPane = Extract<Pane, { kind: 'editor' }>;

function editorFor(
  extra: Partial<RasEntry>,
  credentials: EditorPane['credentials'] = {
    userName: 'alice',
    domain: 'CORP',
    hasPreSharedKey: false,
  },
) {
  const api = fakeApi();
  const pane: EditorPane = {
    kind: 'editor',
    mode: 'edit',
    phonebook: 'p',
    entry: makeEntry('Office VPN', 'vpn', ['vpn.example.com'], extra),
    originalName: 'Office VPN',
    revision: 'r1',
    credentials,
  };
  renderIn('en', <EntryEditor pane={pane} />);
  return { api, user: userEvent.setup() };
}

const shown = (label: string | RegExp) =>
  (screen.getByLabelText(label) as HTMLSelectElement).selectedOptions[0]?.textContent;

function savedEntry(api: ReturnType<typeof fakeApi>): RasEntry {
  const call = api.calls.find((c) => c.channel === 'phonebook:update');
  expect(call, 'phonebook:update was called').toBeTruthy();
  return (call!.payload as { entry: RasEntry }).entry;
}

async function save(user: ReturnType<typeof userEvent.setup>) {
  const button = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
  expect(button.disabled).toBe(false);
  await user.click(button);
}

describe('entry editor', () => {
  it('shows a DataEncryption value it does not know and VPN strategy 13, and keeps both', async () => {
    const { api, user } = editorFor({ encryption: 1, vpnStrategy: 13 });
    expect(shown('VPN type')).toBe('L2TP/IPsec, then SSTP');
    const strategies = [...(screen.getByLabelText('VPN type') as HTMLSelectElement).options];
    expect(strategies.map((o) => Number(o.value))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15,
    ]);
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    expect(shown('Data encryption')).toBe('Other value: 1 (kept)');
    await user.click(screen.getByRole('tab', { name: 'Options' }));
    await user.clear(screen.getByLabelText('Redial attempts'));
    await user.type(screen.getByLabelText('Redial attempts'), '3');
    await save(user);
    await waitFor(() =>
      expect(savedEntry(api)).toMatchObject({ encryption: 1, vpnStrategy: 13, redialAttempts: 3 }),
    );
  });

  it('offers an unknown strategy as "Other — kept" and still lets the person pick another', async () => {
    const { api, user } = editorFor({ vpnStrategy: 11, encryption: 1 });
    expect(shown('VPN type')).toBe('Other (11) — kept');
    await user.selectOptions(screen.getByLabelText('VPN type'), 'SSTP only');
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    await user.selectOptions(
      screen.getByLabelText('Data encryption'),
      'Optional encryption (connect even without encryption)',
    );
    // The value the entry had stays on offer, to go back to.
    expect(screen.getByRole('option', { name: 'Other value: 1 (kept)' })).toBeTruthy();
    await save(user);
    await waitFor(() => expect(savedEntry(api)).toMatchObject({ vpnStrategy: 5, encryption: 8 }));
  });

  it('saves the new Security and Networking fields, and the pre-shared key only when typed', async () => {
    const { api, user } = editorFor({ ipv6Metric: 10, networkOutageSeconds: 900 });
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    await user.click(screen.getByLabelText('Automatically use my Windows logon name and password'));
    await user.click(screen.getByLabelText('Use a pre-shared key for authentication'));
    const key = screen.getByLabelText('Pre-shared key') as HTMLInputElement;
    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    expect(screen.getByText('No key is saved yet.')).toBeTruthy();
    await user.type(key, 'k3y');
    expect(shown('Network outage time')).toBe('Other: 900 seconds (kept)');
    await user.selectOptions(screen.getByLabelText('Network outage time'), '2 hours');
    await user.click(screen.getByLabelText('IKEv2 mobility'));
    expect((screen.getByLabelText('Network outage time') as HTMLSelectElement).disabled).toBe(true);

    await user.click(screen.getByRole('tab', { name: 'Networking' }));
    await user.type(screen.getByLabelText('DNS suffix for this connection'), 'corp.example.com');
    await user.click(screen.getByLabelText('Register this connection’s addresses in DNS'));
    await user.click(screen.getByLabelText('Disable class-based route addition'));
    const ipv4 = screen.getByRole('group', { name: 'IPv4 interface metric' });
    const ipv6 = screen.getByRole('group', { name: 'IPv6 interface metric' });
    const ipv4Number = ipv4.querySelector('input[type="number"]') as HTMLInputElement;
    expect(ipv4Number.disabled).toBe(true);
    await user.click(ipv4.querySelector('input[type="checkbox"]')!);
    await user.type(ipv4Number, '25');
    const ipv6Automatic = ipv6.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(ipv6Automatic.checked).toBe(false);
    expect((ipv6.querySelector('input[type="number"]') as HTMLInputElement).value).toBe('10');
    await user.click(ipv6Automatic);

    await save(user);
    await waitFor(() =>
      expect(api.calls.map((c) => c.channel)).toContain('phonebook:set-credentials'),
    );
    expect(savedEntry(api)).toMatchObject({
      useWindowsLogon: true,
      usePreSharedKey: true,
      ikev2Mobility: false,
      networkOutageSeconds: 7200,
      dnsSuffix: 'corp.example.com',
      registerInDns: true,
      disableClassBasedRoute: true,
      ipv4Metric: 25,
      ipv6Metric: 0,
    });
    expect(JSON.stringify(savedEntry(api))).not.toContain('k3y');
    const credentials = api.calls.find((c) => c.channel === 'phonebook:set-credentials');
    // Only the key: the saved names stay, and the password is left as it is.
    expect(credentials?.payload).toEqual({
      phonebook: 'p',
      name: 'Office VPN',
      userName: 'alice',
      domain: 'CORP',
      preSharedKey: 'k3y',
    });
  });

  it('says a key is saved without showing it, and sends none when nothing is typed', async () => {
    const { api, user } = editorFor(
      { usePreSharedKey: true },
      { userName: '', domain: '', hasPreSharedKey: true },
    );
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    const key = screen.getByLabelText('Pre-shared key') as HTMLInputElement;
    expect(key.value).toBe('');
    expect(key.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(key.getAttribute('aria-describedby')!)?.textContent).toBe(
      'A key is saved. Type a new one only to replace it.',
    );
    await user.click(screen.getByLabelText('IKEv2 mobility'));
    await save(user);
    await waitFor(() => expect(savedEntry(api)).toMatchObject({ ikev2Mobility: false }));
    expect(api.calls.some((c) => c.channel === 'phonebook:set-credentials')).toBe(false);
  });

  it('checks the metrics and the DNS suffix as they are typed', async () => {
    const { user } = editorFor({});
    await user.click(screen.getByRole('tab', { name: 'Networking' }));
    const ipv4 = screen.getByRole('group', { name: 'IPv4 interface metric' });
    const number = ipv4.querySelector('input[type="number"]') as HTMLInputElement;
    await user.click(ipv4.querySelector('input[type="checkbox"]')!);
    // Automatic off and no number yet: there is nothing to save.
    expect(screen.getByRole('alert').textContent).toBe('A whole number from 1 to 9999.');
    const saveButton = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    await user.type(number, '0');
    expect(screen.getByRole('alert').textContent).toBe('A whole number from 1 to 9999.');
    await user.clear(number);
    await user.type(number, '10000');
    expect(screen.getByRole('alert').textContent).toBe('A whole number from 1 to 9999.');
    await user.clear(number);
    await user.type(number, '9999');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(saveButton.disabled).toBe(false);

    const suffix = screen.getByLabelText('DNS suffix for this connection');
    await user.click(suffix);
    await user.paste('a'.repeat(256));
    expect(screen.getByRole('alert').textContent).toBe('This is too long.');
    // Save stays pressable; pressing it with a problem saves nothing and keeps it shown.
    await user.click(saveButton);
    expect(screen.getByRole('alert').textContent).toBe('This is too long.');
    await user.type(suffix, '{Backspace}');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps a metric the file had even beyond what the dialog accepts', async () => {
    const { api, user } = editorFor({ ipv4Metric: 20000 });
    await user.click(screen.getByRole('tab', { name: 'Networking' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByLabelText('Disable class-based route addition'));
    await save(user);
    await waitFor(() =>
      expect(savedEntry(api)).toMatchObject({ ipv4Metric: 20000, disableClassBasedRoute: true }),
    );
  });

  it('saves an entry that had no server (a template for rasdial /PHONE:)', async () => {
    const { api, user } = editorFor({ phoneNumbers: [] });
    await user.click(screen.getByRole('tab', { name: 'Networking' }));
    await user.click(screen.getByLabelText('Register this connection’s addresses in DNS'));
    await save(user);
    await waitFor(() => expect(savedEntry(api)).toMatchObject({ registerInDns: true }));
  });

  it('keeps the sign-in protocols when EAP is switched on', async () => {
    const { api, user } = editorFor({ authProtocols: ['chap', 'mschapv2'] });
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    await user.click(screen.getByLabelText('Use EAP (a certificate, a smart card or PEAP)'));
    expect(screen.queryByLabelText('CHAP')).toBeNull();
    await save(user);
    await waitFor(() =>
      expect(savedEntry(api)).toMatchObject({
        eapTypeId: 25,
        authProtocols: ['chap', 'mschapv2'],
        encryption: 512,
      }),
    );
  });

  it('keeps a number box as typed, names the real limit, and offers "never" for idle hang-up', async () => {
    const { api, user } = editorFor({ redialSeconds: 0, idleDisconnectSeconds: 600 });
    await user.click(screen.getByRole('tab', { name: 'Options' }));
    const seconds = screen.getByLabelText('Seconds between redials') as HTMLInputElement;
    await user.clear(seconds);
    // Emptied, it stays empty (it used to snap to 0, and typing 300 then gave 0300).
    expect(seconds.value).toBe('');
    expect(screen.getByRole('alert').textContent).toBe(
      'A whole number of seconds from 0 to 86400.',
    );
    await user.type(seconds, '99999');
    expect(screen.getByRole('alert').textContent).toBe(
      'A whole number of seconds from 0 to 86400.',
    );
    expect(seconds.getAttribute('aria-invalid')).toBe('true');
    expect(seconds.getAttribute('aria-describedby')).toBe(
      screen.getByRole('alert').getAttribute('id'),
    );
    await user.clear(seconds);
    await user.type(seconds, '300');
    expect(seconds.value).toBe('300');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByLabelText('Never hang up when idle'));
    expect((screen.getByLabelText(/Idle seconds/) as HTMLInputElement).disabled).toBe(true);
    await save(user);
    await waitFor(() =>
      expect(savedEntry(api)).toMatchObject({
        redialSeconds: 300,
        idleDisconnectSeconds: 0xffffffff,
      }),
    );
  });

  it('shows no problem on a new entry before anything is typed; Save shows them, on their tab', async () => {
    const api = fakeApi();
    const pane: EditorPane = {
      kind: 'editor',
      mode: 'new',
      phonebook: 'p',
      entry: makeEntry('', 'vpn', []),
      originalName: null,
      revision: 'r1',
      credentials: { userName: '', domain: '', hasPreSharedKey: false },
    } as EditorPane;
    renderIn('en', <EntryEditor pane={pane} />);
    const user = userEvent.setup();
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Options' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      api.calls.some((c) => c.channel === 'phonebook:update' || c.channel === 'phonebook:create'),
    ).toBe(false);
    // Back on General, where the first problem is, with every problem shown.
    expect(screen.getByRole('tab', { name: 'General' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('alert').length).toBeGreaterThan(0);
  });
});
