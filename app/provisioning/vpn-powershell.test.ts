import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEntry, type RasEntry } from '../phonebook/entry';
import { VPN_STRATEGIES } from '../phonebook/entry-settings';
import { AppError } from '../ras/errors';
import { englishText } from '../ras/app-messages';
import { entryToCreateLine, entryToPowerShell, powerShellToEntry } from './vpn-powershell';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../../tests/fixtures/provisioning', name), 'utf8');

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('INVALID_INPUT');
    return englishText(e.text!);
  }
  throw new Error('not refused');
}

describe("Microsoft's Add-VpnConnection examples", () => {
  it('Example 1: the defaults Windows reports (Automatic, MsChapv2, Required, no split tunnel)', () => {
    const { entry, notes } = powerShellToEntry(fixture('add-vpnconnection-example1.ps1'));
    expect(entry).toMatchObject({
      name: 'Test1',
      type: 'vpn',
      vpnStrategy: VPN_STRATEGIES.automatic,
      authProtocols: ['mschapv2'],
      encryption: 256,
      useRemoteGateway: true,
      eapTypeId: 0,
    });
    expect(entry.phoneNumbers.map((n) => n.number)).toEqual(['10.1.1.1']);
    expect(notes).toEqual([]);
  });

  it('Example 2: PPTP, Windows logon, split tunnel, all users', () => {
    const imported = powerShellToEntry(fixture('add-vpnconnection-example2.ps1'));
    expect(imported.entry).toMatchObject({
      name: 'Test3',
      vpnStrategy: VPN_STRATEGIES.pptpOnly,
      useWindowsLogon: true,
      useRemoteGateway: false,
    });
    expect(imported.allUsers).toBe(true);
  });

  it('Example 3: L2TP with EAP and a pre-shared key, which is kept apart', () => {
    const imported = powerShellToEntry(fixture('add-vpnconnection-example3.ps1'));
    expect(imported.entry).toMatchObject({
      vpnStrategy: VPN_STRATEGIES.l2tpOnly,
      eapTypeId: 26,
      authProtocols: [],
      usePreSharedKey: true,
    });
    expect(imported.preSharedKey).toBe('password');
    expect(JSON.stringify(imported.entry)).not.toContain('password');
  });

  it('Examples 4 and 5: an EAP configuration from a variable is noted, not guessed', () => {
    for (const file of ['add-vpnconnection-example4.ps1', 'add-vpnconnection-example5.ps1']) {
      const { entry, notes } = powerShellToEntry(fixture(file));
      expect(entry.eapTypeId).toBe(26);
      expect(notes.map((n) => n.key)).toContain('provision.note.eapConfig');
    }
    // Example 4 also builds the configuration with New-EapConfiguration: named, not run.
    const four = powerShellToEntry(fixture('add-vpnconnection-example4.ps1'));
    expect(four.notes.map((n) => n.key)).toContain('provision.note.otherCommand');
  });
});

describe('reading pasted PowerShell', () => {
  it('binds positions, prefixes, aliases, any case, backtick continuations and comments', () => {
    const { entry } = powerShellToEntry(
      [
        '# office',
        'add-vpnconnection vpn.example.com Sstp Maximum MSChapv2,Chap `',
        "  -split -dnssuf corp.example.com -IdleDisconnectSeconds:600 -ConnectionName:'Office VPN'",
      ].join('\r\n'),
    );
    expect(entry).toMatchObject({
      name: 'Office VPN',
      vpnStrategy: VPN_STRATEGIES.sstpOnly,
      encryption: 512,
      authProtocols: ['chap', 'mschapv2'],
      useRemoteGateway: false,
      dnsSuffix: 'corp.example.com',
      idleDisconnectSeconds: 600,
    });
  });

  it('reads a switch given :$false and double-quoted escapes', () => {
    const { entry } = powerShellToEntry(
      'Add-VpnConnection -Name "Tab`there" -ServerAddress "h" -SplitTunneling:$false',
    );
    expect(entry.name).toBe('Tab\there');
    expect(entry.useRemoteGateway).toBe(true);
  });

  it('names routes, IPsec policies and other entries it does not apply', () => {
    const { notes } = powerShellToEntry(
      [
        'Add-VpnConnection -Name Branch -ServerAddress vpn.example.com -TunnelType Ikev2',
        'Set-VpnConnectionIPsecConfiguration -ConnectionName Branch -CipherTransformConstants GCMAES256',
        'Add-VpnConnectionRoute -ConnectionName Branch -DestinationPrefix 10.0.0.0/8',
        'Set-VpnConnection -Name Other -SplitTunneling $true',
      ].join('\n'),
    );
    expect(notes.map((n) => n.key)).toEqual([
      'provision.note.ipsec',
      'provision.note.route',
      'provision.note.otherEntry',
    ]);
    expect(notes[1]!.params).toMatchObject({ prefix: '10.0.0.0/8', line: 3 });
  });

  it('refuses what it cannot read, saying where and why', () => {
    expect(refusal(() => powerShellToEntry('Get-VpnConnection'))).toBe(
      'No Add-VpnConnection command was found.',
    );
    expect(refusal(() => powerShellToEntry('Add-VpnConnection -Name x'))).toBe(
      'line 1: Add-VpnConnection needs -ServerAddress.',
    );
    expect(refusal(() => powerShellToEntry('Add-VpnConnection x h -TunnelType Openvpn'))).toBe(
      'line 1: -TunnelType does not take "Openvpn" (Automatic, Pptp, L2tp, Sstp, Ikev2).',
    );
    expect(refusal(() => powerShellToEntry('Add-VpnConnection x h -Se y'))).toMatch(
      /^line 1: -Se could be -ServerAddress, -ServerList/,
    );
    expect(refusal(() => powerShellToEntry('Add-VpnConnection x h -Colour red'))).toBe(
      'line 1: Add-VpnConnection has no parameter -Colour.',
    );
    expect(
      refusal(() => powerShellToEntry('Add-VpnConnection -Name "x$(whoami)" -ServerAddress h')),
    ).toBe('The PowerShell is not read: line 1: a quoted string uses a variable.');
    expect(refusal(() => powerShellToEntry('Add-VpnConnection x h | Out-Null'))).toBe(
      'The PowerShell is not read: line 1: pipelines, redirections and blocks are not read.',
    );
    expect(refusal(() => powerShellToEntry("Add-VpnConnection 'x h"))).toBe(
      'The PowerShell is not read: line 1: a quoted string is not closed.',
    );
    expect(refusal(() => powerShellToEntry('Add-VpnConnection a h\nAdd-VpnConnection b h'))).toBe(
      'The text adds 2 connections; paste one at a time.',
    );
    expect(
      refusal(() =>
        powerShellToEntry(
          'Add-VpnConnection x h -PlugInApplicationID Juniper -CustomConfiguration $c',
        ),
      ),
    ).toBe('line 1: a third-party (plug-in) VPN profile is not a phonebook entry.');
  });
});

/** A VPN entry of each kind, with settings that need the phonebook keys as well. */
function vpnEntries(): RasEntry[] {
  const strategies = Object.values(VPN_STRATEGIES);
  return [
    ...strategies.map((vpnStrategy) =>
      makeEntry(`VPN ${vpnStrategy}`, 'vpn', ['vpn.example.com'], { vpnStrategy }),
    ),
    makeEntry("Bob's IKEv2", 'vpn', ['2001:db8::1'], {
      vpnStrategy: VPN_STRATEGIES.ikev2Sstp,
      usePreSharedKey: true,
      eapTypeId: 25,
      authProtocols: ['mschapv2'],
      useRemoteGateway: false,
      dnsSuffix: 'corp.example.com',
      dnsServers: ['10.0.0.53', '10.0.0.54'],
      registerInDns: true,
      ipv4Metric: 5,
      ipv6Metric: 7,
      ipv6: false,
      disableClassBasedRoute: true,
      ikev2Mobility: false,
      networkOutageSeconds: 600,
      idleDisconnectSeconds: 0xffffffff,
      useWindowsLogon: true,
      showProgress: false,
      promptCredentials: false,
      includeLogonDomain: true,
      redialAttempts: 7,
      redialSeconds: 15,
      redialOnLinkFailure: true,
    }),
    makeEntry('Odd encryption', 'vpn', ['h.example'], { encryption: 3, authProtocols: ['pap'] }),
    makeEntry('None at all', 'vpn', ['h.example'], { encryption: 0, authProtocols: [] }),
  ];
}

describe('entry → PowerShell → entry', () => {
  it.each(vpnEntries().map((e) => [e.name, e] as const))('%s comes back the same', (_, entry) => {
    const script = entryToPowerShell(entry);
    const back = powerShellToEntry(script);
    expect(back.entry).toEqual(entry);
    expect(back.preSharedKey).toBeNull();
    // Only the note that says where the pre-shared key comes from.
    expect(back.notes.map((n) => n.key)).toEqual([
      ...(entry.usePreSharedKey && entry.vpnStrategy !== VPN_STRATEGIES.ikev2Sstp
        ? ['provision.note.pskVariable']
        : []),
      // Windows keeps a ProtocolList entry's list elsewhere: the entry says so when read.
      ...(entry.vpnStrategy === VPN_STRATEGIES.protocolList ? ['provision.note.protocolList'] : []),
    ]);
  });

  it('says with the cmdlet what it can, and with keys only what it cannot', () => {
    const plain = entryToPowerShell(
      makeEntry('Plain', 'vpn', ['vpn.example.com'], {
        vpnStrategy: VPN_STRATEGIES.sstpOnly,
        encryption: 256,
      }),
    );
    expect(plain).toContain(
      "Add-VpnConnection -Name 'Plain' -ServerAddress 'vpn.example.com' -TunnelType Sstp -EncryptionLevel Required -AuthenticationMethod MSChapv2\r\n",
    );
    expect(plain).not.toContain('Set-RasPhonebookKey -Entry');

    const script = entryToPowerShell(
      vpnEntries().find((e) => e.name === "Bob's IKEv2")!,
      {
        allUsers: true,
      },
    );
    // -L2tpPsk is L2TP's: an IKEv2 entry's key is a credential the script cannot carry.
    expect(script).not.toContain('L2tpPsk');
    expect(script).toContain('# The pre-shared key of an IKEv2 entry is not a phonebook key');
    expect(script).toContain(
      "Set-RasPhonebookKey -Entry 'Bob''s IKEv2' -Key VpnStrategy -Value '14' -AllUsers",
    );
    // EAP stays on when the script writes the other sign-in protocols.
    expect(script).toContain(
      "-Key AuthRestrictions -Value '" + String(0x200 | 0x80 | 0x1000) + "'",
    );
    expect(script).toContain("-Key CustomAuthKey -Value '25'");
    expect(script).toContain("-Key IdleDisconnectSeconds -Value '-1'");
    // A phonebook in an ANSI code page is refused by the decoder, never rewritten as UTF-8.
    expect(script).toContain('New-Object System.Text.UTF8Encoding($bom, $true)');
  });

  it('refuses entries that are not VPN entries', () => {
    expect(refusal(() => entryToPowerShell(makeEntry('Modem', 'phone', ['555'])))).toBe(
      '"Modem" is not a VPN entry; the VpnClient cmdlets make VPN entries only.',
    );
  });
});

describe('the ras-connect line', () => {
  it('names every option that differs from a new entry', () => {
    const entry = vpnEntries().find((e) => e.name === "Bob's IKEv2")!;
    expect(entryToCreateLine(entry)).toBe(
      "ras-connect phonebook create 'Bob''s IKEv2' --type vpn --number 2001:db8::1 " +
        '--vpn-strategy ikev2-sstp --eap 25 --idle-seconds never ' +
        '--windows-logon yes --dns-suffix corp.example.com --register-dns yes --ipv4-metric 5 ' +
        '--ipv6-metric 7 --class-based-route no --use-psk yes --mobility no --outage-seconds 600 ' +
        '--redial-attempts 7 --redial-seconds 15 --redial-on-link-failure yes',
    );
  });
});
