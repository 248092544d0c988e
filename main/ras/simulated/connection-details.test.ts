// The simulated server's rules for what a link agrees on (connection-details.ts), one by one,
// then the same through a dial: when the details can be read, the tunnel race, and the keys
// of a real phonebook entry.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry, type EntryType } from '../../../app/phonebook/entry';
import { parsePbkOrThrow } from '../../../app/phonebook/pbk-codec';
import { RasState as S } from '../../../app/ras/connection-state';
import {
  runDial,
  simulatedWorld,
  dialRecorded,
  request,
  resumeDial,
  settled,
  type SimulatedWorld,
} from '../../../tests/support/simulated';
import type { DialedEntry } from './connection-service';
import {
  chooseTunnel,
  connectionDetails,
  negotiatedAuthentication,
  signInAgreed,
  strategyTunnels,
  tunnelsAnswered,
} from './connection-details';
import { TUNNEL_TRY_MS } from './dial-script';
import {
  DEFAULT_AUTH_RESTRICTIONS,
  DEFAULT_NEGOTIATION,
  entryNegotiation,
  type EntryNegotiation,
} from './entry-negotiation';
import { PORT_RELEASE_MS } from './simulated-server';

const DEVICES: Record<EntryType, [string, string]> = {
  phone: ['modem', 'Standard 56000 bps Modem'],
  vpn: ['vpn', 'WAN Miniport (IKEv2)'],
  broadband: ['PPPoE', 'WAN Miniport (PPPOE)'],
  direct: ['SERIAL', 'Communications cable between two computers'],
  internet: ['modem', 'Standard 56000 bps Modem'],
};

function entry(
  type: EntryType,
  negotiation: Partial<EntryNegotiation> = {},
  eapTypeId = 0,
): DialedEntry {
  const [deviceType, deviceName] = DEVICES[type];
  return {
    name: 'E',
    type,
    deviceType,
    deviceName,
    eapTypeId,
    terminalAfterDial: false,
    negotiation: { ...DEFAULT_NEGOTIATION, ...negotiation },
  };
}

/** The details of a link that connected on `port`. */
function details(e: DialedEntry, destination = 'vpn.example.com', port = 1) {
  const choice = chooseTunnel(e, destination);
  if (!choice.ok) throw new Error(`no tunnel answered: ${choice.error}`);
  return connectionDetails({ entry: e, destination, port, tunnel: choice.tunnel });
}

describe('the tunnel: the first of the strategy that the host answers', () => {
  it.each([
    [0, 'ikev2 sstp pptp l2tp'],
    [1, 'pptp'],
    [2, 'pptp ikev2 sstp l2tp'],
    [3, 'l2tp'],
    [4, 'l2tp ikev2 pptp sstp'],
    [5, 'sstp'],
    [6, 'sstp ikev2 pptp l2tp'],
    [7, 'ikev2'],
    [8, 'ikev2 pptp sstp l2tp'],
    [9, 'gre'],
    [12, 'pptp sstp'],
    [13, 'l2tp sstp'],
    [14, 'ikev2 sstp'],
    // A protocol list and values ras.h does not define dial as automatic.
    [15, 'ikev2 sstp pptp l2tp'],
    [99, 'ikev2 sstp pptp l2tp'],
  ])('VpnStrategy %i tries %s', (strategy, order) => {
    expect(strategyTunnels(strategy).join(' ')).toBe(order);
    const first = order.split(' ')[0];
    expect(chooseTunnel(entry('vpn', { vpnStrategy: strategy }), 'vpn.example.com')).toEqual({
      ok: true,
      tunnel: first,
      unanswered: 0,
    });
  });

  it('answers SSTP alone at a tcp443. host, IKEv2 and L2TP alone at an ipsec. host, all elsewhere', () => {
    expect(tunnelsAnswered('TCP443.example.com')).toEqual(['sstp']);
    expect(tunnelsAnswered('ipsec.example.com')).toEqual(['ikev2', 'l2tp']);
    expect(tunnelsAnswered('vpn.tcp443.example.com')).toHaveLength(5);
  });

  it('falls back to the tunnel that answers, counting the ones tried in vain', () => {
    const at = (strategy: number, host: string) =>
      chooseTunnel(entry('vpn', { vpnStrategy: strategy }), host);
    expect(at(8, 'tcp443.example.com')).toEqual({ ok: true, tunnel: 'sstp', unanswered: 2 });
    expect(at(0, 'tcp443.example.com')).toEqual({ ok: true, tunnel: 'sstp', unanswered: 1 });
    expect(at(14, 'tcp443.example.com')).toEqual({ ok: true, tunnel: 'sstp', unanswered: 1 });
    expect(at(6, 'ipsec.example.com')).toEqual({ ok: true, tunnel: 'ikev2', unanswered: 1 });
    expect(at(2, 'ipsec.example.com')).toEqual({ ok: true, tunnel: 'ikev2', unanswered: 1 });
  });

  it('fails as Windows does: 809 when the one tunnel allowed gets no answer, 800 when every one fails', () => {
    const at = (strategy: number, host: string) =>
      chooseTunnel(entry('vpn', { vpnStrategy: strategy }), host);
    expect(at(7, 'tcp443.example.com')).toEqual({ ok: false, error: 809, tried: 1 });
    expect(at(1, 'tcp443.example.com')).toEqual({ ok: false, error: 809, tried: 1 });
    expect(at(5, 'ipsec.example.com')).toEqual({ ok: false, error: 809, tried: 1 });
    expect(at(12, 'ipsec.example.com')).toEqual({ ok: false, error: 800, tried: 2 });
  });

  it('has no tunnel for dial-up, broadband and direct links, whatever the strategy says', () => {
    for (const type of ['phone', 'broadband', 'direct'] as const) {
      expect(chooseTunnel(entry(type, { vpnStrategy: 7 }), 'tcp443.x')).toEqual({
        ok: true,
        tunnel: null,
        unanswered: 0,
      });
      expect(details(entry(type), '555-0100')).toMatchObject({ projection: 'ppp', tunnel: null });
    }
  });

  it('projects IKEv2 as IKEv2 and every other tunnel as PPP', () => {
    expect(details(entry('vpn', { vpnStrategy: 7 })).projection).toBe('ikev2');
    for (const strategy of [1, 3, 5, 9])
      expect(details(entry('vpn', { vpnStrategy: strategy })).projection).toBe('ppp');
  });
});

describe('authentication: the strongest the entry allows', () => {
  const ppp = (auth: number, eap = 0) =>
    negotiatedAuthentication(entry('phone', { authRestrictions: auth }, eap), null);

  it.each([
    [0x8 | 0x10 | 0x20 | 0x40 | 0x200, 'ms-chap-v2', 0xc223],
    [0x8 | 0x10 | 0x20 | 0x40, 'ms-chap', 0xc223],
    [0x400, 'ms-chap', 0xc223],
    [0x8 | 0x10 | 0x20, 'chap-md5', 0xc223],
    [0x8 | 0x10, 'spap', 0xc027],
    [0x8, 'pap', 0xc023],
  ])('PPP with AuthRestrictions %i signs in with %s', (bits, protocol, code) => {
    expect(ppp(bits)).toEqual({ protocol, code, eapType: null });
  });

  it('uses EAP with its type on an EAP entry, on PPP and on IKEv2', () => {
    expect(ppp(0x80 | 0x200, 25)).toEqual({ protocol: 'eap', code: 0xc227, eapType: 25 });
    expect(negotiatedAuthentication(entry('vpn', { vpnStrategy: 7 }, 13), 'ikev2')).toEqual({
      protocol: 'eap',
      code: 2,
      eapType: 13,
    });
  });

  it('signs in to IKEv2 with EAP-MSCHAPv2, a machine certificate, or a pre-shared key', () => {
    const ikev2 = (auth: number) =>
      negotiatedAuthentication(entry('vpn', { authRestrictions: auth }), 'ikev2');
    expect(ikev2(0x200)).toEqual({ protocol: 'eap', code: 2, eapType: 26 });
    expect(ikev2(0x800)).toEqual({ protocol: 'certificate', code: 1, eapType: null });
    expect(ikev2(0x1000 | 0x200)).toEqual({ protocol: 'psk', code: 3, eapType: null });
  });

  it('agrees on no sign-in when a PPP link is allowed none of PPP’s (the dial fails with 812)', () => {
    const certificateOnly = entry('vpn', { authRestrictions: 0x800, vpnStrategy: 5 });
    expect(negotiatedAuthentication(certificateOnly, 'sstp')).toBeNull();
    expect(signInAgreed(certificateOnly, 'sstp')).toBe(false);
    expect(signInAgreed(certificateOnly, 'ikev2')).toBe(true);
    // A GRE tunnel signs nobody in, and needs no one to.
    expect(negotiatedAuthentication(entry('vpn'), 'gre')).toBeNull();
    expect(signInAgreed(entry('vpn'), 'gre')).toBe(true);
  });
});

describe('encryption and compression', () => {
  it.each([
    [0, { method: 'none', bits: 0, code: 0 }],
    [8, { method: 'mppe', bits: 128, code: 0x40 }],
    [256, { method: 'mppe', bits: 128, code: 0x40 }],
    [512, { method: 'mppe', bits: 128, code: 0x40 }],
  ])('a PPP link with DataEncryption %i gets %o', (level, expected) => {
    expect(details(entry('phone', { dataEncryption: level }), '555-0100').encryption).toEqual(
      expected,
    );
    expect(details(entry('vpn', { dataEncryption: level, vpnStrategy: 1 })).encryption).toEqual(
      expected,
    );
  });

  it('encrypts L2TP and IKEv2 with AES 256 (RASLCPO_AES_256, IPSEC_CIPHER_TYPE_AES_256)', () => {
    expect(details(entry('vpn', { vpnStrategy: 3 })).encryption).toEqual({
      method: 'aes',
      bits: 256,
      code: 0x40,
    });
    expect(details(entry('vpn', { vpnStrategy: 3, dataEncryption: 0 })).encryption).toEqual({
      method: 'none',
      bits: 0,
      code: 0,
    });
    // IKEv2 does not run unencrypted.
    expect(details(entry('vpn', { vpnStrategy: 7, dataEncryption: 0 })).encryption).toEqual({
      method: 'aes',
      bits: 256,
      code: 5,
    });
  });

  it('reports no PPP encryption for SSTP, whose TLS is outside the projection, and none for GRE', () => {
    expect(details(entry('vpn', { vpnStrategy: 5 })).encryption).toBeNull();
    expect(details(entry('vpn', { vpnStrategy: 9 })).encryption).toMatchObject({ bits: 0 });
  });

  it('compresses with MPPC only a PPP link whose entry has software compression on', () => {
    const on = { softwareCompression: true };
    expect(details(entry('phone', on), '555-0100').compression).toBe('mppc');
    for (const strategy of [1, 3, 5])
      expect(details(entry('vpn', { ...on, vpnStrategy: strategy })).compression).toBe('mppc');
    expect(details(entry('vpn', { ...on, vpnStrategy: 7 })).compression).toBeNull();
    expect(details(entry('phone'), '555-0100').compression).toBeNull();
  });
});

describe('addresses and DNS servers', () => {
  it('gives port n the client address 10.64.0.(100 + n) beside the server’s 10.64.0.1', () => {
    expect(details(entry('phone'), '555-0100', 3).ipv4).toEqual({
      client: '10.64.0.103',
      server: '10.64.0.1',
    });
    expect(details(entry('vpn'), 'vpn.example.com', 8).ipv4).toEqual({
      client: '10.64.0.108',
      server: '10.64.0.1',
    });
  });

  it('gives an entry with a static address that one, and none where IPv4 is excluded', () => {
    expect(details(entry('vpn', { staticIpv4: '172.16.5.9' })).ipv4).toEqual({
      client: '172.16.5.9',
      server: '10.64.0.1',
    });
    const noIpv4 = details(entry('vpn', { ipv4: false }));
    expect(noIpv4.ipv4).toBeNull();
    expect(noIpv4.dnsServers).toEqual(['fd00:64::1']);
  });

  it('shows PPP’s IPv6 interface identifiers as link-local addresses, IKEv2’s address in fd00:64::/64', () => {
    expect(details(entry('phone'), '555-0100', 2).ipv6).toEqual({
      client: 'fe80::10:64:0:102',
      server: 'fe80::10:64:0:1',
      prefixLength: null,
    });
    expect(details(entry('vpn', { vpnStrategy: 7 }), 'vpn.example.com', 2).ipv6).toEqual({
      client: 'fd00:64::102',
      server: 'fd00:64::1',
      prefixLength: 64,
    });
    const fixed = { staticIpv6: { address: '2001:db8:5::7', prefixLength: 56 }, vpnStrategy: 7 };
    expect(details(entry('vpn', fixed)).ipv6).toEqual({
      client: '2001:db8:5::7',
      server: 'fd00:64::1',
      prefixLength: 56,
    });
    expect(details(entry('vpn', { ipv6: false })).ipv6).toBeNull();
  });

  it('lists the entry’s own DNS servers where it names them, else the server’s, IPv4 first', () => {
    expect(details(entry('vpn')).dnsServers).toEqual(['10.64.0.1', 'fd00:64::1']);
    expect(
      details(entry('vpn', { dnsServers: ['192.168.1.53', '192.168.1.54'] })).dnsServers,
    ).toEqual(['192.168.1.53', '192.168.1.54', 'fd00:64::1']);
    expect(details(entry('vpn', { ipv6DnsServers: ['2001:db8::53'] })).dnsServers).toEqual([
      '10.64.0.1',
      '2001:db8::53',
    ]);
    expect(details(entry('vpn', { ipv6: false })).dnsServers).toEqual(['10.64.0.1']);
  });
});

describe('device, endpoints and IKEv2 flags', () => {
  it('runs a VPN over the miniport of the tunnel that answered, other links over the entry’s device', () => {
    expect(details(entry('vpn', { vpnStrategy: 8 }), 'tcp443.example.com').device).toEqual({
      type: 'vpn',
      name: 'WAN Miniport (SSTP)',
    });
    expect(details(entry('vpn', { vpnStrategy: 13 })).device.name).toBe('WAN Miniport (L2TP)');
    expect(details(entry('phone'), '555-0100').device).toEqual({
      type: 'modem',
      name: 'Standard 56000 bps Modem',
    });
  });

  it('puts a VPN’s host at a fixed address in 198.51.100.0/24, or at its own address if it is one', () => {
    const named = details(entry('vpn'), 'vpn.example.com').endpoints;
    expect(named.local).toBe('192.0.2.10');
    expect(named.remote).toMatch(/^198\.51\.100\.(\d+)$/);
    const last = Number(named.remote!.split('.')[3]);
    expect(last).toBeGreaterThanOrEqual(1);
    expect(last).toBeLessThanOrEqual(254);
    expect(details(entry('vpn'), ' VPN.Example.COM ').endpoints).toEqual(named);
    expect(details(entry('vpn'), 'other.example.com').endpoints.remote).not.toBe(named.remote);
    expect(details(entry('vpn'), '203.0.113.7').endpoints).toEqual({
      local: '192.0.2.10',
      remote: '203.0.113.7',
    });
    expect(details(entry('vpn'), '[2001:db8:1::1]').endpoints).toEqual({
      local: '2001:db8::10',
      remote: '2001:db8:1::1',
    });
  });

  it('has no IP endpoints for dial-up, direct and PPPoE links, which are not carried over IP', () => {
    for (const type of ['phone', 'direct', 'broadband'] as const)
      expect(details(entry(type), 'anything').endpoints).toEqual({ local: null, remote: null });
  });

  it('reports MOBIKE as the entry’s mobility setting, only for IKEv2', () => {
    expect(details(entry('vpn', { vpnStrategy: 7 })).ikev2Flags).toEqual({
      mobike: true,
      behindNat: false,
      serverBehindNat: false,
    });
    expect(details(entry('vpn', { vpnStrategy: 7, mobility: false })).ikev2Flags?.mobike).toBe(
      false,
    );
    expect(details(entry('vpn', { vpnStrategy: 5 })).ikev2Flags).toBeNull();
    expect(details(entry('vpn')).multilink).toBe(false);
  });
});

describe('what the server reads of an entry', () => {
  const section = (keys: string) =>
    parsePbkOrThrow(
      `[E]\r\n${keys.trim().split(/\s+/).join('\r\n')}\r\n\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\n` +
        'Device=WAN Miniport (IKEv2)\r\n\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n' +
        // A device-block key of the same name is not the entry's.
        'IpAddress=1.1.1.1\r\n',
    ).sections[0]!;

  it('reads the strategy, sign-in, encryption, compression and IP keys', () => {
    expect(
      entryNegotiation(
        section(`VpnStrategy=14 AuthRestrictions=48 DataEncryption=8 SwCompression=1
          ExcludedProtocols=0 IpAssign=2 IpAddress=172.16.0.9 IpNameAssign=2
          IpDnsAddress=192.168.1.53 IpDns2Address=0.0.0.0 Ipv6Assign=2 Ipv6Address=2001:db8::9
          Ipv6PrefixLength=0 Ipv6NameAssign=2 Ipv6DnsAddress=2001:db8::53 Ipv6Dns2Address=::
          DisableMobility=1`),
      ),
    ).toEqual({
      vpnStrategy: 14,
      authRestrictions: 48,
      dataEncryption: 8,
      softwareCompression: true,
      ipv4: true,
      ipv6: true,
      staticIpv4: '172.16.0.9',
      dnsServers: ['192.168.1.53'],
      staticIpv6: { address: '2001:db8::9', prefixLength: 64 },
      ipv6DnsServers: ['2001:db8::53'],
      mobility: false,
    });
  });

  it('takes Windows’ defaults for missing keys, and ignores addresses that are not used', () => {
    expect(entryNegotiation(section('Type=2'))).toEqual(DEFAULT_NEGOTIATION);
    expect(DEFAULT_NEGOTIATION).toMatchObject({
      vpnStrategy: 0,
      authRestrictions: DEFAULT_AUTH_RESTRICTIONS,
      staticIpv4: null,
      dnsServers: [],
    });
    const n = entryNegotiation(
      section(`AuthRestrictions=0 IpAssign=1 IpAddress=172.16.0.9 ExcludedProtocols=12
        IpNameAssign=2 IpDnsAddress=not-an-address Ipv6NameAssign=1 Ipv6DnsAddress=2001:db8::53`),
    );
    expect(n).toMatchObject({
      authRestrictions: 0x200,
      staticIpv4: null,
      ipv4: false,
      ipv6: false,
      dnsServers: [],
      ipv6DnsServers: [],
    });
  });
});

describe('the details of a dial on the simulated server', () => {
  let world: SimulatedWorld;
  beforeEach(async () => {
    world = await simulatedWorld();
  });
  afterEach(() => world.cleanup());

  const vpn = async (name: string, host: string, extra: Parameters<typeof makeEntry>[3] = {}) =>
    world.backend.setEntry(world.phonebook, makeEntry(name, 'vpn', [host], extra));
  const code = (promise: Promise<unknown>) =>
    promise.then(
      () => 'read',
      (error: { code: number }) => error.code,
    );

  it('can be read from RASCS_Projected on, not before (730)', async () => {
    const reads: [string, Promise<number | string>][] = [];
    let connected = false;
    const handle = await world.backend.dial(request('Office VPN'), (n) => {
      if (n.state === S.Connected) connected = true;
      else reads.push([String(n.state), code(world.backend.getConnectionDetails(n.handle))]);
    });
    await world.clock.runUntil(() => connected);
    const answers = await Promise.all(reads.map(async ([state, read]) => [state, await read]));
    const projectedAt = answers.findIndex(([state]) => state === String(S.Projected));
    expect(projectedAt).toBeGreaterThan(0);
    expect(answers.slice(0, projectedAt).every(([, answer]) => answer === 730)).toBe(true);
    expect(answers.slice(projectedAt).every(([, answer]) => answer === 'read')).toBe(true);
    expect(await world.backend.getConnectionDetails(handle)).toMatchObject({
      projection: 'ikev2',
      tunnel: 'ikev2',
      ipv4: { client: '10.64.0.101', server: '10.64.0.1' },
      authentication: { protocol: 'eap', eapType: 26 },
      device: { type: 'vpn', name: 'WAN Miniport (IKEv2)' },
    });
  });

  it('says 730 for a paused dial and one that failed before its projection', async () => {
    const paused = await runDial(world, 'Office VPN', { password: 'wrong' });
    expect(paused.last()!.state).toBe(S.RetryAuthentication);
    expect(await code(world.backend.getConnectionDetails(paused.handle))).toBe(730);
    await resumeDial(world, paused, {
      kind: 'retry-authentication',
      userName: 'alice',
      password: 'wrong',
      domain: '',
    });
    await resumeDial(world, paused, {
      kind: 'retry-authentication',
      userName: 'alice',
      password: 'wrong',
      domain: '',
    });
    expect(paused.last()!.error).toBe(691);
    expect(await code(world.backend.getConnectionDetails(paused.handle))).toBe(730);
  });

  it('says 6 once the link is hung up, dropped, or its handle gone', async () => {
    const up = await runDial(world, 'Office VPN');
    expect(await code(world.backend.getConnectionDetails(up.handle))).toBe('read');
    await world.backend.hangUp(up.handle);
    expect(await code(world.backend.getConnectionDetails(up.handle))).toBe(6);
    await world.clock.advance(PORT_RELEASE_MS);
    expect(await code(world.backend.getConnectionDetails(up.handle))).toBe(6);
    expect(await code(world.backend.getConnectionDetails('sim:nothing'))).toBe(6);

    const dropping = await runDial(world, 'Drops after 30 s');
    expect(await code(world.backend.getConnectionDetails(dropping.handle))).toBe('read');
    await world.clock.advance(30_000);
    expect((await world.backend.getConnectStatus(dropping.handle)).error).toBe(629);
    expect(await code(world.backend.getConnectionDetails(dropping.handle))).toBe(6);
  });

  it('ends an entry trying IKEv2 first on SSTP at a tcp443. host, a try later per tunnel that did not answer', async () => {
    await vpn('Direct IKEv2', 'vpn.example.com', { vpnStrategy: 8 });
    await vpn('Port 443', 'tcp443.example.com', { vpnStrategy: 8 });
    const direct = await runDial(world, 'Direct IKEv2');
    const fallback = await runDial(world, 'Port 443');
    const took = (r: typeof direct) => r.last()!.time - r.notifications[0]!.time;
    expect(fallback.states()).toEqual(direct.states());
    expect(took(fallback) - took(direct)).toBe(2 * TUNNEL_TRY_MS);
    expect(await world.backend.getConnectionDetails(fallback.handle)).toMatchObject({
      projection: 'ppp',
      tunnel: 'sstp',
      encryption: null,
      authentication: { protocol: 'ms-chap-v2' },
      device: { type: 'vpn', name: 'WAN Miniport (SSTP)' },
      ipv4: { client: '10.64.0.102' },
    });
    // RasGetConnectStatus and RasEnumConnections name the same device.
    expect(await world.backend.getConnectStatus(fallback.handle)).toMatchObject({
      deviceType: 'vpn',
      deviceName: 'WAN Miniport (SSTP)',
    });
    expect((await world.backend.enumConnections()).map((c) => c.deviceName)).toEqual([
      'WAN Miniport (IKEv2)',
      'WAN Miniport (SSTP)',
    ]);
  });

  it('fails an IKEv2-only entry at a tcp443. host with 809, and an SSTP link no PPP sign-in is allowed for with 812', async () => {
    await vpn('IKEv2 only', 'tcp443.example.com', { vpnStrategy: 7 });
    const timeout = await runDial(world, 'IKEv2 only');
    expect(timeout.states()).toEqual([
      'OpenPort',
      'PortOpened',
      'ConnectDevice',
      'ConnectDevice!809',
    ]);
    expect(await code(world.backend.getConnectionDetails(timeout.handle))).toBe(730);

    const certificate = parsePbkOrThrow(
      [
        '[Certificate on 443]',
        'Type=2',
        'VpnStrategy=14',
        'AuthRestrictions=2048',
        '',
        'MEDIA=rastapi',
        'Port=VPN2-0',
        'Device=WAN Miniport (IKEv2)',
        '',
        'DEVICE=vpn',
        'PhoneNumber=tcp443.example.com',
        '',
      ].join('\r\n'),
    ).sections[0]!;
    await world.backend.writeSections(world.phonebook, [certificate]);
    const refused = await runDial(world, 'Certificate on 443');
    expect(refused.states().at(-1)).toBe('AuthNotify!812');
  });

  it('gives each of its ports its own address, and a released port’s to the next call', async () => {
    await vpn('Second', 'vpn.example.com');
    const first = await runDial(world, 'Office VPN');
    const second = await runDial(world, 'Second');
    const client = async (handle: string) =>
      (await world.backend.getConnectionDetails(handle)).ipv4;
    expect(await client(first.handle)).toMatchObject({ client: '10.64.0.101' });
    expect(await client(second.handle)).toMatchObject({ client: '10.64.0.102' });
    await world.backend.hangUp(first.handle);
    await world.clock.advance(PORT_RELEASE_MS);
    const third = await dialRecorded(world, request('Dial-up'));
    await world.clock.runUntil(settled(third));
    expect(await client(third.handle)).toMatchObject({ client: '10.64.0.101' });
  });

  it('applies the keys of the entry in the phonebook: static address, DNS, compression, sign-in', async () => {
    await world.backend.writeSections(world.phonebook, [
      parsePbkOrThrow(
        [
          '[Hand-made]',
          'Type=1',
          'DataEncryption=8',
          'SwCompression=1',
          'AuthRestrictions=24',
          'IpAssign=2',
          'IpAddress=172.16.0.9',
          'IpNameAssign=2',
          'IpDnsAddress=192.168.1.53',
          'ExcludedProtocols=8',
          '',
          'MEDIA=serial',
          'Port=COM3',
          'Device=Standard 56000 bps Modem',
          '',
          'DEVICE=modem',
          'PhoneNumber=555-0100',
          '',
        ].join('\r\n'),
      ).sections[0]!,
    ]);
    const r = await runDial(world, 'Hand-made');
    expect(r.last()!.state).toBe(S.Connected);
    expect(await world.backend.getConnectionDetails(r.handle)).toEqual({
      projection: 'ppp',
      tunnel: null,
      ipv4: { client: '172.16.0.9', server: '10.64.0.1' },
      ipv6: null,
      dnsServers: ['192.168.1.53'],
      authentication: { protocol: 'spap', code: 0xc027, eapType: null },
      encryption: { method: 'mppe', bits: 128, code: 0x40 },
      compression: 'mppc',
      multilink: false,
      ikev2Flags: null,
      device: { type: 'modem', name: 'Standard 56000 bps Modem' },
      endpoints: { local: null, remote: null },
    });
  });
});
