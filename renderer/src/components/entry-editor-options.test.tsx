// The entry editor tells the truth (issue 14): the device is one RAS reports, the country is
// chosen by name, options a type has no use for are not offered (and their values are kept),
// any alternate can be removed or made primary, and every way out with changes asks first.

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEntry, phoneNumber, type RasEntry } from '../../../app/phonebook/entry';
import { bundledCountries } from '../../../app/ras/countries-table';
import { select, useAppStore } from '../store/app-store';
import { setPane, type Pane } from '../store/phonebook-actions';
import { fakeApi, renderIn } from '../test-utils';
import { EntryEditor } from './entry-editor';
import { newEntryPane } from './phonebook-list';

type EditorPane = Extract<Pane, { kind: 'editor' }>;

const DEVICES = [
  { type: 'modem', name: 'Standard 56000 bps Modem' },
  { type: 'isdn', name: 'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI' },
  { type: 'vpn', name: 'WAN Miniport (SSTP)' },
  { type: 'vpn', name: 'WAN Miniport (IKEv2)' },
  { type: 'PPPoE', name: 'WAN Miniport (PPPOE)' },
];

function open(entry: RasEntry, language: 'en' | 'ru' = 'en') {
  const api = fakeApi({
    'ras:devices': () => DEVICES,
    'ras:countries': () => bundledCountries(),
  });
  const pane: EditorPane = {
    kind: 'editor',
    mode: 'edit',
    phonebook: 'p',
    entry,
    originalName: entry.name,
    revision: 'r1',
    credentials: { userName: '', domain: '', hasPreSharedKey: false },
  };
  useAppStore.setState({ pane, selected: { phonebook: 'p', name: entry.name } });
  const view = renderIn(language, <Editor />);
  return { api, user: userEvent.setup(), view };
}

/** The editor as the window shows it: for the pane in the store, gone when the pane changes. */
function Editor() {
  const pane = useAppStore((s) => s.pane);
  return pane.kind === 'editor' ? <EntryEditor pane={pane} /> : <p>entry page</p>;
}

function savedEntry(api: ReturnType<typeof fakeApi>): RasEntry {
  const call = api.calls.find((c) => c.channel === 'phonebook:update');
  expect(call, 'phonebook:update was called').toBeTruthy();
  return (call!.payload as { entry: RasEntry }).entry;
}

const options = (label: string) =>
  [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.textContent);
const chosen = (label: string) =>
  (screen.getByLabelText(label) as HTMLSelectElement).selectedOptions[0]?.textContent;

describe('entry editor: the device', () => {
  it('is a list of the devices RAS reports for the type, not free text', async () => {
    const { user } = open(makeEntry('Office', 'vpn', ['vpn.example.com']));
    const device = await screen.findByLabelText('Device');
    expect(device.tagName).toBe('SELECT');
    await waitFor(() =>
      expect(options('Device')).toEqual(['WAN Miniport (SSTP)', 'WAN Miniport (IKEv2)']),
    );
    // A phone entry dials through the modem or ISDN, and takes the first of them.
    await user.selectOptions(screen.getByLabelText('Type'), 'Dial-up');
    expect(options('Device')).toEqual([
      'Standard 56000 bps Modem',
      'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI',
    ]);
    expect(chosen('Device')).toBe('Standard 56000 bps Modem');
  });

  it('keeps a device this computer lacks, marked, and saves the one chosen with its type', async () => {
    const { api, user } = open(
      makeEntry('Old', 'phone', ['555-0100'], { deviceType: 'modem', deviceName: 'USR 33.6' }),
    );
    await waitFor(() => expect(chosen('Device')).toBe('USR 33.6 (not on this computer)'));
    await user.selectOptions(
      screen.getByLabelText('Device'),
      'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI',
    );
    // The missing one stays on offer, to go back to.
    expect(options('Device')).toContain('USR 33.6 (not on this computer)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(savedEntry(api)).toMatchObject({
        deviceType: 'isdn',
        deviceName: 'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI',
      }),
    );
  });
});

describe('entry editor: the country', () => {
  it('is chosen by name; countries that share +1 are told apart by their TAPI ids', async () => {
    const entry = makeEntry('Dial', 'phone', []);
    entry.phoneNumbers = [
      phoneNumber('555-0100', { countryId: 1, countryCode: 1, useDialingRules: true }),
    ];
    const { api, user } = open(entry);
    await waitFor(() => expect(chosen('Country or region')).toBe('United States (+1)'));
    await user.selectOptions(screen.getByLabelText('Country or region'), 'Canada (+1)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(savedEntry(api).phoneNumbers[0]).toMatchObject({ countryId: 107, countryCode: 1 }),
    );
  });

  it('names the countries in Russian, and keeps a country ID the list does not have', async () => {
    const entry = makeEntry('Dial', 'phone', []);
    entry.phoneNumbers = [phoneNumber('555-0100', { countryId: 9999, countryCode: 998 })];
    const { api, user } = open(entry, 'ru');
    const country = await screen.findByLabelText('Страна или регион');
    await waitFor(() => expect(within(country).getByText('Казахстан (+7)')).toBeTruthy());
    expect((country as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'Код страны в Windows 9999, телефонный код +998 (сохраняется)',
    );
    // Windows dials with them only under its dialing rules: off, they are not to be changed.
    expect((country as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText('Код города') as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByLabelText('Использовать правила набора'));
    expect((country as HTMLSelectElement).disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() =>
      expect(savedEntry(api).phoneNumbers[0]).toMatchObject({ countryId: 9999, countryCode: 998 }),
    );
  });
});

describe('entry editor: what each type offers', () => {
  const PHONE_ONLY = [
    'Area code',
    'Country or region',
    'Use dialing rules',
    'If a number fails, try the next',
    'Move a number that works to the top',
  ];

  it('shows a VPN entry no phone-only option, and keeps their stored values', async () => {
    const { api, user } = open(
      makeEntry('Office', 'vpn', ['vpn.example.com'], {
        promptPhoneNumber: true,
        callbackMode: 'caller',
        terminalAfterDial: true,
      }),
    );
    for (const label of PHONE_ONLY) expect(screen.queryByLabelText(label)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add an alternate' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Options' }));
    expect(screen.queryByLabelText('Prompt for the phone number')).toBeNull();
    expect(screen.queryByLabelText('Callback')).toBeNull();
    await user.click(screen.getByLabelText('Show progress while connecting'));
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    expect(screen.queryByLabelText('Show a terminal window after dialing')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(savedEntry(api)).toMatchObject({
        showProgress: false,
        promptPhoneNumber: true,
        callbackMode: 'caller',
        terminalAfterDial: true,
      }),
    );
  });

  it('shows broadband a service name and no phone-only option', async () => {
    open(makeEntry('DSL', 'broadband', ['']));
    expect(screen.getByLabelText('Service name (empty: any)')).toBeTruthy();
    for (const label of PHONE_ONLY) expect(screen.queryByLabelText(label)).toBeNull();
  });

  it('shows a direct cable entry no number to dial, and keeps the one it has', async () => {
    const { api, user } = open(makeEntry('Cable', 'direct', ['kept']));
    expect(screen.queryByLabelText('Phone number')).toBeNull();
    for (const label of PHONE_ONLY) expect(screen.queryByLabelText(label)).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    await user.click(screen.getByLabelText('Show a terminal window after dialing'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(savedEntry(api)).toMatchObject({
        terminalAfterDial: true,
        phoneNumbers: [expect.objectContaining({ number: 'kept' })],
      }),
    );
  });

  it('shows a phone entry all of them', async () => {
    const { user } = open(makeEntry('Dial', 'phone', ['555-0100']));
    for (const label of PHONE_ONLY) expect(screen.getByLabelText(label)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Options' }));
    expect(screen.getByLabelText('Prompt for the phone number')).toBeTruthy();
    expect(screen.getByLabelText('Callback')).toBeTruthy();
  });
});

describe('entry editor: alternates', () => {
  it('removes one from the middle, and the focus goes to the next one’s Remove', async () => {
    const { api, user } = open(
      makeEntry('Dial', 'phone', ['555-0100', '555-0101', '555-0102', '555-0103']),
    );
    await user.click(screen.getByRole('button', { name: 'Remove alternate number 2' }));
    expect((screen.getByLabelText('Alternate number 1') as HTMLInputElement).value).toBe(
      '555-0101',
    );
    expect((screen.getByLabelText('Alternate number 2') as HTMLInputElement).value).toBe(
      '555-0103',
    );
    expect(screen.queryByLabelText('Alternate number 3')).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Remove alternate number 2' }),
    );
    // The last one gone: the focus goes to the one before.
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Remove alternate number 1' }),
    );
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add an alternate' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(savedEntry(api).phoneNumbers.map((n) => n.number)).toEqual(['555-0100']),
    );
    expect(screen.queryByLabelText('Alternate number 1')).toBeNull();
  });

  it('makes an alternate the primary number', async () => {
    const { api, user } = open(makeEntry('Dial', 'phone', ['555-0100', '555-0101', '555-0102']));
    await user.click(screen.getByRole('button', { name: 'Make primary: alternate number 2' }));
    expect((screen.getByLabelText('Phone number') as HTMLInputElement).value).toBe('555-0102');
    expect(document.activeElement).toBe(screen.getByLabelText('Phone number'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(savedEntry(api).phoneNumbers.map((n) => n.number)).toEqual([
        '555-0102',
        '555-0100',
        '555-0101',
      ]),
    );
  });
});

describe('entry editor: leaving with unsaved changes', () => {
  it('asks before another entry is chosen; Cancel keeps the changes', async () => {
    const { user } = open(makeEntry('Office', 'vpn', ['vpn.example.com']));
    await user.type(screen.getByLabelText('Server name or address'), '.org');
    act(() => select({ phonebook: 'p', name: 'Other' }));
    const question = screen.getByRole('dialog', { name: 'Discard your changes?' });
    expect(useAppStore.getState().selected?.name).toBe('Office');
    // Focus on Cancel: Enter does not throw the changes away.
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByLabelText('Server name or address') as HTMLInputElement).value).toBe(
      'vpn.example.com.org',
    );
    expect(useAppStore.getState().pane.kind).toBe('editor');
  });

  it('leaves for the other entry once the person agrees', async () => {
    const { user } = open(makeEntry('Office', 'vpn', ['vpn.example.com']));
    await user.type(screen.getByLabelText('Server name or address'), '.org');
    act(() => select({ phonebook: 'p', name: 'Other' }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(useAppStore.getState().selected?.name).toBe('Other');
    expect(screen.getByText('entry page')).toBeTruthy();
  });

  it('asks before any other pane (history, a new entry, Cancel), and not without changes', async () => {
    const { user } = open(makeEntry('Office', 'vpn', ['vpn.example.com']));
    await user.type(screen.getByLabelText('Server name or address'), 'x');
    const keepEditing = async () =>
      user.click(
        within(screen.getByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', {
          name: 'Cancel',
        }),
      );
    act(() => setPane({ kind: 'history' }));
    await keepEditing();
    act(() => newEntryPane());
    await keepEditing();
    // The editor's own Cancel.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await keepEditing();
    expect(useAppStore.getState().pane).toMatchObject({ kind: 'editor', mode: 'edit' });
    // Typed back to what it was: nothing to lose, nothing asked.
    await user.type(screen.getByLabelText('Server name or address'), '{Backspace}');
    act(() => setPane({ kind: 'history' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useAppStore.getState().pane.kind).toBe('history');
  });
});
