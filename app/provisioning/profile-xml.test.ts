import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VPN_STRATEGIES } from '../phonebook/entry-settings';
import { englishText } from '../ras/app-messages';
import { AppError } from '../ras/errors';
import { profileXmlToEntry } from './profile-xml';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../../tests/fixtures/provisioning', name), 'utf8');

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return englishText((error as AppError).text!);
  }
  throw new Error('not refused');
}

describe("ProfileXML (Microsoft's samples)", () => {
  it('reads the native profile example into an IKEv2 entry with PEAP, split tunnel', () => {
    const imported = profileXmlToEntry(fixture('profilexml-native-example.xml'), 'Contoso');
    expect(imported.entry).toMatchObject({
      name: 'Contoso',
      type: 'vpn',
      vpnStrategy: VPN_STRATEGIES.ikev2Only,
      eapTypeId: 25,
      authProtocols: [],
      useRemoteGateway: false,
      disableClassBasedRoute: true,
      dnsSuffix: 'corp.contoso.com',
      encryption: 256,
    });
    expect(imported.entry.phoneNumbers.map((n) => n.number)).toEqual(['testServer.VPN.com']);
    expect(imported.keepConnected).toBe(false);
    const ignored = imported.notes.find((n) => n.key === 'provision.note.xmlIgnored');
    expect(String(ignored?.params.elements).split(', ')).toEqual([
      'Route',
      'TrafficFilter',
      'AppTrigger',
      'DomainNameInformation',
      'Proxy',
      'TrustedNetworkDetection',
      'DeviceCompliance',
      'EdpModeId',
      'RememberCredentials',
    ]);
  });

  it('refuses the plug-in profile example: a third-party VPN is not a phonebook entry', () => {
    expect(refusal(() => profileXmlToEntry(fixture('profilexml-plugin-example.xml'), 'x'))).toBe(
      'This ProfileXML is a third-party (plug-in) profile; it is not a phonebook entry.',
    );
  });
});

describe('ProfileXML, the rest', () => {
  const profile = (native: string, outer = '') =>
    `<VPNProfile>${outer}<NativeProfile>${native}</NativeProfile></VPNProfile>`;

  it('takes several servers as alternates, Always On as keep connected, a key apart', () => {
    const imported = profileXmlToEntry(
      profile(
        '<Servers>vpn1.example.com;vpn2.example.com</Servers><NativeProtocolType>L2TP</NativeProtocolType>' +
          '<L2tpPsk>s3cret</L2tpPsk><Authentication><UserMethod>Mschapv2</UserMethod></Authentication>' +
          '<RoutingPolicyType>ForceTunnel</RoutingPolicyType>',
        '<AlwaysOn>true</AlwaysOn><RegisterDNS>true</RegisterDNS><ProfileName>Branch</ProfileName>',
      ),
      'ignored',
    );
    expect(imported.entry).toMatchObject({
      name: 'Branch',
      vpnStrategy: VPN_STRATEGIES.l2tpOnly,
      usePreSharedKey: true,
      authProtocols: ['mschapv2'],
      useRemoteGateway: true,
      registerInDns: true,
    });
    expect(imported.entry.phoneNumbers.map((n) => n.number)).toEqual([
      'vpn1.example.com',
      'vpn2.example.com',
    ]);
    expect(imported.preSharedKey).toBe('s3cret');
    expect(JSON.stringify(imported.entry)).not.toContain('s3cret');
    expect(imported.keepConnected).toBe(true);
    expect(imported.notes.map((n) => n.key)).toEqual([
      'provision.note.alwaysOn',
      'provision.note.alternates',
    ]);
  });

  it('refuses what is not a native profile it can read', () => {
    expect(refusal(() => profileXmlToEntry('<VPNProfile><NativeProfile>', 'x'))).toMatch(
      /^The ProfileXML is not well-formed XML: line 1/,
    );
    expect(refusal(() => profileXmlToEntry('<Other/>', 'x'))).toBe('The XML has no <VPNProfile>.');
    expect(refusal(() => profileXmlToEntry(profile('<Servers> </Servers>'), 'x'))).toBe(
      'The ProfileXML names no server (<NativeProfile><Servers>).',
    );
    expect(
      refusal(() =>
        profileXmlToEntry(
          profile('<Servers>h</Servers><NativeProtocolType>WireGuard</NativeProtocolType>'),
          'x',
        ),
      ),
    ).toBe(
      '<NativeProtocolType> does not take "WireGuard" (Automatic, PPTP, L2TP, IKEv2, SSTP, ProtocolList).',
    );
  });
});
