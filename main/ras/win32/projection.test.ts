import { describe, expect, it } from 'vitest';
import { interfaceIdText, ipv6Text } from './ip-text';
import { endpointText, toConnectionDetails, tunnelOf, type StatusForDetails } from './projection';

// RAS_PROJECTION_INFO's bytes written by the offsets of the SDK's ras.h (pack 4): version 0,
// type 4, the union at 8; offsets below are within the union member.
const PPP = {
  ipv4Error: 0,
  ipv4: 4,
  ipv4Server: 8,
  ipv6Error: 20,
  iid: 24,
  serverIid: 32,
  multilink: 44,
  auth: 48,
  authData: 52,
  eapType: 64,
  lcpOptions: 72,
  ccpError: 80,
  ccpAlgorithm: 84,
  ccpOptions: 92,
};
const IKEV2 = {
  ipv4Error: 0,
  ipv4: 4,
  ipv4Server: 8,
  ipv6Error: 12,
  ipv6: 16,
  ipv6Server: 32,
  prefix: 48,
  auth: 52,
  eapType: 56,
  flags: 60,
  encryption: 64,
};

function projection(
  type: number,
  words: Record<number, number>,
  bytes: Record<number, number[]> = {},
): Buffer {
  const b = Buffer.alloc(112);
  b.writeUInt32LE(4, 0);
  b.writeUInt32LE(type, 4);
  for (const [at, value] of Object.entries(words)) b.writeUInt32LE(value, 8 + Number(at));
  for (const [at, value] of Object.entries(bytes)) b.set(value, 8 + Number(at));
  return b;
}

const none = { dwType: 0, addr: new Uint8Array(16) };
const status = (deviceName: string, extra: Partial<StatusForDetails> = {}): StatusForDetails => ({
  deviceType: 'vpn',
  deviceName,
  localEndPoint: none,
  remoteEndPoint: none,
  ...extra,
});

const ppp = (words: Record<number, number>, bytes: Record<number, number[]> = {}) =>
  projection(1, words, bytes);
const details = (buffer: Buffer, device = 'WAN Miniport (PPTP)', arch: 'x64' | 'ia32' = 'x64') =>
  toConnectionDetails(buffer, status(device), ['10.0.0.53'], arch);

describe('addresses as text', () => {
  it.each([
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['fe80:0:0:0:0:0:0:0', 'fe80::'],
    ['0:0:0:0:0:ffff:c000:201', '::ffff:192.0.2.1'],
    ['2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:1', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1'],
  ])('%s is written %s (RFC 5952)', (full, text) => {
    const bytes = Buffer.alloc(16);
    full.split(':').forEach((g, i) => bytes.writeUInt16BE(parseInt(g, 16), 2 * i));
    expect(ipv6Text(bytes)).toBe(text);
  });

  it('writes a PPP interface identifier as its link-local address', () => {
    expect(interfaceIdText(Uint8Array.from([0x02, 0, 0x5e, 0xff, 0xfe, 0, 0x12, 0x34]))).toBe(
      'fe80::200:5eff:fe00:1234',
    );
  });

  it('reads tunnel endpoints of both families, and none', () => {
    const v6 = new Uint8Array(16);
    v6.set([0x20, 0x01, 0x0d, 0xb8], 0);
    v6[15] = 7;
    expect(endpointText({ dwType: 1, addr: Uint8Array.from([203, 0, 113, 9]) })).toBe(
      '203.0.113.9',
    );
    expect(endpointText({ dwType: 2, addr: v6 })).toBe('2001:db8::7');
    expect(endpointText(none)).toBeNull();
  });
});

describe('the tunnel that won', () => {
  it.each([
    ['WAN Miniport (SSTP)', 'sstp'],
    ['WAN Miniport (PPTP)', 'pptp'],
    ['WAN Miniport (L2TP)', 'l2tp'],
    ['WAN Miniport (GRE)', 'gre'],
    ['WAN Miniport (PPPOE)', null],
    ['Standard 56000 bps Modem', null],
  ])('a PPP link over %s: %s', (device, tunnel) => {
    expect(tunnelOf('ppp', device)).toBe(tunnel);
  });
  it('IKEv2 is the projection itself', () => {
    expect(tunnelOf('ikev2', 'WAN Miniport (IKEv2)')).toBe('ikev2');
  });
});

describe('PPP projection', () => {
  it('reads addresses, MS-CHAP v2, 128-bit MPPE with MPPC, the device and endpoints', () => {
    const buffer = ppp(
      {
        [PPP.auth]: 0xc223,
        [PPP.authData]: 0x81,
        [PPP.ccpAlgorithm]: 6,
        [PPP.ccpOptions]: 0x41,
        [PPP.multilink]: 1,
      },
      {
        [PPP.ipv4]: [10, 8, 0, 7],
        [PPP.ipv4Server]: [10, 8, 0, 1],
        [PPP.iid]: [0x02, 0, 0x5e, 0xff, 0xfe, 0, 0, 7],
        [PPP.serverIid]: [0x02, 0, 0x5e, 0xff, 0xfe, 0, 0, 1],
      },
    );
    const v4 = { dwType: 1, addr: Uint8Array.from([198, 51, 100, 7, ...new Array(12).fill(0)]) };
    const remote = { dwType: 1, addr: Uint8Array.from([203, 0, 113, 1, ...new Array(12).fill(0)]) };
    expect(
      toConnectionDetails(
        buffer,
        status('WAN Miniport (PPTP)', { localEndPoint: v4, remoteEndPoint: remote }),
        ['10.8.0.1'],
        'x64',
      ),
    ).toEqual({
      projection: 'ppp',
      tunnel: 'pptp',
      ipv4: { client: '10.8.0.7', server: '10.8.0.1' },
      ipv6: {
        client: 'fe80::200:5eff:fe00:7',
        server: 'fe80::200:5eff:fe00:1',
        prefixLength: null,
      },
      dnsServers: ['10.8.0.1'],
      authentication: { protocol: 'ms-chap-v2', code: 0xc223, eapType: null },
      encryption: { method: 'mppe', bits: 128, code: 0x41 },
      compression: 'mppc',
      multilink: true,
      ikev2Flags: null,
      device: { type: 'vpn', name: 'WAN Miniport (PPTP)' },
      endpoints: { local: '198.51.100.7', remote: '203.0.113.1' },
    });
  });

  it('reads the same bytes the same way on x86 (no pointer in the PPP variant)', () => {
    const buffer = ppp({ [PPP.auth]: 0xc023 }, { [PPP.ipv4]: [10, 1, 2, 3] });
    expect(details(buffer, 'x', 'ia32')).toEqual(details(buffer, 'x', 'x64'));
  });

  it('gives a negotiation error as the error, and 731 (not asked for) as nothing', () => {
    const d = details(ppp({ [PPP.ipv4Error]: 733, [PPP.ipv6Error]: 731, [PPP.ccpError]: 1 }));
    expect(d.ipv4).toEqual({ error: 733 });
    expect(d.ipv6).toBeNull();
    expect(d.compression).toBeNull();
    expect(d.ipv4 && 'client' in d.ipv4).toBe(false);
    expect(details(ppp({ [PPP.ipv6Error]: 720 })).ipv6).toEqual({ error: 720 });
  });

  it('leaves out a server address or identifier Windows did not get', () => {
    const d = details(ppp({}, { [PPP.ipv4]: [10, 0, 0, 2], [PPP.iid]: [1, 2, 3, 4, 5, 6, 7, 8] }));
    expect(d.ipv4).toEqual({ client: '10.0.0.2', server: null });
    expect(d.ipv6).toEqual({ client: 'fe80::102:304:506:708', server: null, prefixLength: null });
  });

  it.each([
    [0xc023, 0, 'pap'],
    [0xc027, 0, 'spap'],
    [0xc223, 0x05, 'chap-md5'],
    [0xc223, 0x80, 'ms-chap'],
    [0xc223, 0x81, 'ms-chap-v2'],
    [0xc223, 0x99, 'unknown'],
    [0xc299, 0, 'unknown'],
  ])('authentication protocol %i with data %i is %s', (protocol, data, name) => {
    expect(details(ppp({ [PPP.auth]: protocol, [PPP.authData]: data })).authentication).toEqual({
      protocol: name,
      code: protocol,
      eapType: null,
    });
  });

  it('names EAP with its type, and no authentication as none', () => {
    expect(details(ppp({ [PPP.auth]: 0xc227, [PPP.eapType]: 25 })).authentication).toEqual({
      protocol: 'eap',
      code: 0xc227,
      eapType: 25,
    });
    expect(details(ppp({})).authentication).toBeNull();
  });

  it.each([
    [0x40, 128],
    [0x10, 56],
    [0x20, 40],
  ])('MPPE option %i is %i bits, without compression unless CCP says so', (option, bits) => {
    const d = details(ppp({ [PPP.ccpOptions]: option, [PPP.ccpAlgorithm]: 6 }));
    expect(d.encryption).toEqual({ method: 'mppe', bits, code: option });
    expect(d.compression).toBeNull();
  });

  it('names STAC compression', () => {
    expect(details(ppp({ [PPP.ccpAlgorithm]: 5, [PPP.ccpOptions]: 1 })).compression).toBe('stac');
    expect(details(ppp({ [PPP.ccpAlgorithm]: 9, [PPP.ccpOptions]: 1 })).compression).toBeNull();
  });

  it.each([
    [0x400, 'aes-gcm', 256],
    [0x200, 'aes-gcm', 192],
    [0x100, 'aes-gcm', 128],
    [0x40 | 0x20, 'aes', 256],
    [0x80, 'aes', 192],
    [0x20, 'aes', 128],
    [0x10, '3des', 168],
    [0x08, 'des', 56],
  ])('L2TP’s IPsec cipher from LCP option %i: %s %i bits', (option, method, bits) => {
    const d = details(ppp({ [PPP.lcpOptions]: option }), 'WAN Miniport (L2TP)');
    expect(d.encryption).toEqual({ method, bits, code: option });
  });

  it('an unencrypted link says so; SSTP’s TLS, outside PPP, is not reported', () => {
    expect(details(ppp({})).encryption).toEqual({ method: 'none', bits: 0, code: 0 });
    expect(details(ppp({}), 'WAN Miniport (SSTP)').encryption).toBeNull();
    // A CCP error means MPPE was not negotiated, whatever its options say.
    expect(details(ppp({ [PPP.ccpError]: 1, [PPP.ccpOptions]: 0x40 })).encryption).toEqual({
      method: 'none',
      bits: 0,
      code: 0,
    });
  });
});

describe('IKEv2 projection', () => {
  const v6 = (last: number) => [0xfd, 0, 0, 8, ...new Array(11).fill(0), last];

  it('reads both families, the prefix, EAP, AES-256 and the flags', () => {
    const d = details(
      projection(
        2,
        {
          [IKEV2.prefix]: 64,
          [IKEV2.auth]: 2,
          [IKEV2.eapType]: 26,
          [IKEV2.flags]: 0x1 | 0x4,
          [IKEV2.encryption]: 5,
        },
        {
          [IKEV2.ipv4]: [10, 9, 0, 5],
          [IKEV2.ipv4Server]: [10, 9, 0, 1],
          [IKEV2.ipv6]: v6(5),
          [IKEV2.ipv6Server]: v6(1),
        },
      ),
      'WAN Miniport (IKEv2)',
    );
    expect(d).toMatchObject({
      projection: 'ikev2',
      tunnel: 'ikev2',
      ipv4: { client: '10.9.0.5', server: '10.9.0.1' },
      ipv6: { client: 'fd00:8::5', server: 'fd00:8::1', prefixLength: 64 },
      authentication: { protocol: 'eap', code: 2, eapType: 26 },
      encryption: { method: 'aes', bits: 256, code: 5 },
      compression: null,
      multilink: false,
      ikev2Flags: { mobike: true, behindNat: false, serverBehindNat: true },
    });
  });

  it.each([
    [1, 'des', 56],
    [2, '3des', 168],
    [3, 'aes', 128],
    [4, 'aes', 192],
    [5, 'aes', 256],
    [9, 'unknown', 0],
    [0, 'none', 0],
  ])('cipher %i is %s %i bits', (code, method, bits) => {
    const d = details(projection(2, { [IKEV2.encryption]: code }));
    expect(d.encryption).toEqual({ method, bits, code: method === 'none' ? 0 : code });
  });

  it.each([
    [1, 'certificate'],
    [3, 'psk'],
    [9, 'unknown'],
  ])('authentication %i is %s', (code, protocol) => {
    expect(details(projection(2, { [IKEV2.auth]: code })).authentication).toEqual({
      protocol,
      code,
      eapType: null,
    });
  });

  it('reads errors, no authentication, and only the NAT flag', () => {
    const d = details(
      projection(2, { [IKEV2.ipv4Error]: 720, [IKEV2.ipv6Error]: 731, [IKEV2.flags]: 2 }),
    );
    expect(d.ipv4).toEqual({ error: 720 });
    expect(d.ipv6).toBeNull();
    expect(d.authentication).toBeNull();
    expect(d.ikev2Flags).toEqual({ mobike: false, behindNat: true, serverBehindNat: false });
    expect(details(projection(2, { [IKEV2.ipv6Error]: 13801 })).ipv6).toEqual({ error: 13801 });
  });

  it('leaves out a server IPv6 address Windows did not get', () => {
    const d = details(projection(2, { [IKEV2.prefix]: 128 }, { [IKEV2.ipv6]: v6(9) }));
    expect(d.ipv6).toEqual({ client: 'fd00:8::9', server: null, prefixLength: 128 });
  });
});

it('refuses a projection type it does not know, with a sentence', () => {
  expect(() => details(projection(7, {}))).toThrow(/type 7, which this app cannot read/);
});
