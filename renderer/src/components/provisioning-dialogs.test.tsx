import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VPN_STRATEGIES } from '../../../app/phonebook/entry-settings';
import type { Payload } from '../../../app/ipc/contract';
import { useAppStore } from '../store/app-store';
import type { Pane } from '../store/phonebook-actions';
import { fakeApi, renderIn } from '../test-utils';
import { EntryEditor } from './entry-editor';
import {
  CopyPowerShellButton,
  decodeText,
  PowerShellDialog,
  ProvisionImportDialog,
  provisionKind,
} from './provisioning-dialogs';

const fixture = (name: string) =>
  readFileSync(
    path.resolve(import.meta.dirname, '../../../tests/fixtures/provisioning', name),
    'utf8',
  );
const EXAMPLE_3 = fixture('add-vpnconnection-example3.ps1');
const PROFILE_XML = fixture('profilexml-native-example.xml');

type EditorPane = Extract<Pane, { kind: 'editor' }>;
const editorPane = (): EditorPane => {
  const pane = useAppStore.getState().pane;
  expect(pane.kind).toBe('editor');
  return pane as EditorPane;
};

function paste(text: string) {
  fireEvent.change(screen.getByLabelText('PowerShell or ProfileXML'), { target: { value: text } });
}

afterEach(() => vi.unstubAllGlobals());

describe('decodeText', () => {
  it('reads the UTF-16 that Windows PowerShell writes, by its byte-order mark, else UTF-8', () => {
    const line = 'Add-VpnConnection -Name "Büro"';
    const le = new Uint8Array([0xff, 0xfe, ...[...line].flatMap((c) => [c.charCodeAt(0), 0])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...line].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(decodeText(le)).toBe(line);
    expect(decodeText(be)).toBe(line);
    expect(decodeText(new TextEncoder().encode(line))).toBe(line);
  });
});

describe('provisionKind', () => {
  it('takes text that starts with "<" (after a byte-order mark and blanks) for a ProfileXML', () => {
    expect(provisionKind('\uFEFF\n  <VPNProfile/>')).toBe('xml');
    expect(provisionKind('Add-VpnConnection -Name a -ServerAddress b')).toBe('powershell');
  });
});

describe('Import from PowerShell or ProfileXML', () => {
  it("reads Microsoft's Example 3 into a new entry in the editor, the key kept apart", async () => {
    fakeApi();
    renderIn('en', <ProvisionImportDialog phonebook="/p/rasphone.pbk" />);
    paste(EXAMPLE_3);
    expect(screen.getByText('Read as PowerShell.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    const pane = editorPane();
    expect(pane).toMatchObject({ mode: 'new', phonebook: '/p/rasphone.pbk', originalName: null });
    expect(pane.entry).toMatchObject({
      name: 'Test4',
      type: 'vpn',
      vpnStrategy: VPN_STRATEGIES.l2tpOnly,
      eapTypeId: 26,
      useRemoteGateway: false,
      usePreSharedKey: true,
    });
    expect(pane.imported).toMatchObject({ preSharedKey: 'password', allUsers: true });
  });

  it('shows what is wrong with a bad paste in the dialog, in English and in Russian', () => {
    fakeApi();
    const { unmount } = renderIn('en', <ProvisionImportDialog phonebook="p" />);
    paste('Add-VpnConnection -Name "Test4" -ServerAddress "10.1.1.1" -TunnelType Carrier');
    fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    expect(screen.getByRole('alert').textContent).toContain('-TunnelType does not take "Carrier"');
    expect(useAppStore.getState().pane.kind).toBe('entry');
    unmount();
    renderIn('ru', <ProvisionImportDialog phonebook="p" />);
    fireEvent.change(screen.getByLabelText('PowerShell или ProfileXML'), {
      target: { value: 'Get-Date' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Прочитать' }));
    const alert = screen.getByRole('alert').textContent!;
    expect(alert).toMatch(/Add-VpnConnection/);
    expect(alert).not.toContain('No Add-VpnConnection command was found');
  });

  it('asks for text before reading nothing', () => {
    fakeApi();
    renderIn('en', <ProvisionImportDialog phonebook="p" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    expect(screen.getByRole('alert').textContent).toBe('Paste the text or choose a file first.');
  });

  it('reads a ProfileXML with the name typed for it, its notes and Always On', () => {
    fakeApi();
    renderIn('en', <ProvisionImportDialog phonebook="p" />);
    paste(PROFILE_XML.replace('<AlwaysOn>false</AlwaysOn>', '<AlwaysOn>true</AlwaysOn>'));
    expect(screen.getByText('Read as a ProfileXML.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Connection name/), { target: { value: 'Contoso' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    const pane = editorPane();
    expect(pane.entry).toMatchObject({ name: 'Contoso', vpnStrategy: VPN_STRATEGIES.ikev2Only });
    expect(pane.imported?.keepConnected).toBe(true);
    expect(pane.imported?.notes.map((n) => n.key)).toContain('provision.note.xmlIgnored');
  });

  it('reads a chosen file into the box, and names a ProfileXML after its file', async () => {
    fakeApi();
    renderIn('en', <ProvisionImportDialog phonebook="p" />);
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File([PROFILE_XML], 'Contoso VPN.xml', { type: 'text/xml' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() =>
      expect((screen.getByLabelText(/Connection name/) as HTMLInputElement).value).toBe(
        'Contoso VPN',
      ),
    );
    expect((screen.getByLabelText('PowerShell or ProfileXML') as HTMLTextAreaElement).value).toBe(
      PROFILE_XML,
    );
  });

  it('refuses a file too large to be a script or a profile', async () => {
    fakeApi();
    renderIn('en', <ProvisionImportDialog phonebook="p" />);
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['#'.repeat(1024 * 1024 + 1)], 'big.ps1');
    fireEvent.change(input, { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toContain('larger than 1 MB');
  });
});

describe('the editor of an imported entry', () => {
  const imported = (keepConnected: boolean): EditorPane => {
    fakeApi();
    const { unmount } = renderIn('en', <ProvisionImportDialog phonebook="/p/rasphone.pbk" />);
    paste(EXAMPLE_3);
    fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    unmount();
    const pane = editorPane();
    return { ...pane, imported: { ...pane.imported!, keepConnected } };
  };

  it('lists the notes, fills in the key masked, and saves the key as a credential', async () => {
    const pane = imported(false);
    const api = fakeApi({
      'phonebook:create': () => null,
      'phonebook:set-credentials': () => null,
    });
    renderIn('en', <EntryEditor pane={pane} />);
    const notes = screen.getByRole('region', { name: 'Notes on the imported text' });
    expect(notes.textContent).toContain('for all users (-AllUserConnection)');
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Security' }));
    const key = screen.getByLabelText('Pre-shared key') as HTMLInputElement;
    expect(key.type).toBe('password');
    expect(key.value).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saves = () => api.calls.filter((c) => c.channel.startsWith('phonebook:'));
    await waitFor(() =>
      expect(saves().map((c) => c.channel)).toEqual([
        'phonebook:create',
        'phonebook:set-credentials',
      ]),
    );
    const created = saves()[0]!.payload as Payload<'phonebook:create'>;
    expect(created.entry).toMatchObject({ name: 'Test4', usePreSharedKey: true });
    expect(JSON.stringify(created)).not.toContain('"password"');
    expect(saves()[1]!.payload).toMatchObject({
      phonebook: '/p/rasphone.pbk',
      name: 'Test4',
      preSharedKey: 'password',
    });
  });

  it('starts with Keep connected ticked for an Always On profile, and Cancel creates nothing', async () => {
    const pane = imported(true);
    const api = fakeApi();
    useAppStore.setState({ pane });
    renderIn('en', <EntryEditor pane={pane} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Options' }));
    expect((screen.getByLabelText('Keep connected') as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(useAppStore.getState().pane.kind).toBe('entry');
    expect(api.calls.map((c) => c.channel)).not.toContain('phonebook:create');
  });
});

describe('Copy as PowerShell', () => {
  const answer = { script: 'Add-VpnConnection -Name "Office VPN"', createLine: 'ras-connect x' };

  it('shows the script and the command line, and copies each to the clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const api = fakeApi({ 'phonebook:powershell': () => answer });
    renderIn('en', <PowerShellDialog entry={{ phonebook: 'p', name: 'Office VPN' }} />);
    const script = screen.getByLabelText('PowerShell script') as HTMLTextAreaElement;
    await waitFor(() => expect(script.value).toBe(answer.script));
    expect(script.readOnly).toBe(true);
    expect(api.calls[0]).toEqual({
      channel: 'phonebook:powershell',
      payload: { phonebook: 'p', name: 'Office VPN' },
    });
    expect(screen.getByText(/The pre-shared key is never in it/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the script' }));
    await screen.findByText('The script is copied.');
    fireEvent.click(screen.getByRole('button', { name: 'Copy the command line' }));
    await screen.findByText('The command line is copied.');
    expect(writeText.mock.calls).toEqual([[answer.script], [answer.createLine]]);
  });

  it('selects the text for Ctrl+C where the clipboard cannot be written', async () => {
    const writeText = vi.fn(async () => Promise.reject(new Error('denied')));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    fakeApi({ 'phonebook:powershell': () => answer });
    renderIn('en', <PowerShellDialog entry={{ phonebook: 'p', name: 'Office VPN' }} />);
    const line = screen.getByLabelText('RAS Connect command line') as HTMLTextAreaElement;
    await waitFor(() => expect(line.value).toBe(answer.createLine));
    fireEvent.click(screen.getByRole('button', { name: 'Copy the command line' }));
    await screen.findByText('The text is selected: press Ctrl+C to copy it.');
    expect(document.activeElement).toBe(line);
    expect([line.selectionStart, line.selectionEnd]).toEqual([0, answer.createLine.length]);
  });

  it('shows a refusal inside the dialog', async () => {
    fakeApi({
      'phonebook:powershell': () => ({
        ok: false,
        error: { code: 623, name: 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY', message: 'x' },
      }),
    });
    renderIn('en', <PowerShellDialog entry={{ phonebook: 'p', name: 'Gone' }} />);
    expect((await screen.findByRole('alert')).textContent).toContain('623');
  });

  it('is offered for a VPN entry only', () => {
    fakeApi();
    useAppStore.setState({
      entries: [
        { phonebook: 'p', name: 'Office VPN', type: 'vpn', destination: 'vpn.example.com' },
        { phonebook: 'p', name: 'Dial-up', type: 'phone', destination: '555' },
      ],
    });
    const { unmount } = renderIn(
      'en',
      <CopyPowerShellButton entry={{ phonebook: 'p', name: 'Dial-up' }} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    renderIn('en', <CopyPowerShellButton entry={{ phonebook: 'p', name: 'Office VPN' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as PowerShell' }));
    expect(useAppStore.getState().pane).toEqual({
      kind: 'powershell',
      ref: { phonebook: 'p', name: 'Office VPN' },
    });
  });
});
