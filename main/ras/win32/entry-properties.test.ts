import fc from 'fast-check';
import koffi from 'koffi';
import { describe, expect, it } from 'vitest';
import { makeEntry, phoneNumber, type RasEntry } from '../../../app/phonebook/entry';
import { AUTH_PROTOCOLS, DATA_ENCRYPTION } from '../../../app/phonebook/entry-settings';
import { AppError } from '../../../app/ras/errors';
import {
  fromRasEntry,
  RASEO2_IPv4ExplicitMetric,
  RASEO_RequireEAP,
  RASEO_SpecificNameServers,
  toRasEntry,
  type RawEntry,
} from './entry-properties';
import { STRUCT_BY_NAME, type FieldType } from './struct-layout';

// RASENTRYW as koffi encodes it, without loading rasapi32: the round trips go through the same
// uint32 members and char16_t arrays as RasSetEntryProperties does, so a value that koffi would
// cut short or wrap around shows here as a difference.
function koffiType(type: FieldType): Parameters<typeof koffi.sizeof>[0] {
  switch (type.kind) {
    case 'u32':
      return 'uint32_t';
    case 'i32':
      return 'int32_t';
    case 'u16':
      return 'uint16_t';
    case 'u8':
      return 'uint8_t';
    case 'wchar':
      return koffi.array('char16_t', type.length);
    case 'bytes':
      return koffi.array('uint8_t', type.length);
    case 'struct':
      return structType(type.name);
    case 'ptr':
    case 'union':
      throw new Error('RASENTRYW has no pointer or union members');
  }
}
function structType(name: string): ReturnType<typeof koffi.struct> {
  const members = STRUCT_BY_NAME.get(name)!.fields.map((f) => [f.name, koffiType(f.type)]);
  return koffi.struct(Object.fromEntries(members));
}
const RASENTRYW = structType('RASENTRYW');

const encode = (raw: Record<string, unknown>): Buffer => {
  const buffer = Buffer.alloc(koffi.sizeof(RASENTRYW));
  koffi.encode(buffer, 0, RASENTRYW, raw);
  return buffer;
};
const decode = (buffer: Buffer): RawEntry => koffi.decode(buffer, 0, RASENTRYW) as RawEntry;
/** What RasGetEntryProperties would hand back for these members (the rest zero). */
const rawOf = (fields: Record<string, unknown>): RawEntry => decode(encode(fields));

// RasGetEntryProperties(NULL, "") as the test double answers it: Windows' defaults.
const DEFAULTS = rawOf({ dwSize: 5680, dwType: 1, dwFramingProtocol: 1, dwfNetProtocols: 4 });

/** The entry read back after toRasEntry's struct went through koffi. */
function saved(base: RawEntry, entry: RasEntry): { raw: RawEntry; back: RasEntry } {
  const { raw, alternates } = toRasEntry(base, entry);
  const decoded = decode(encode(raw));
  return { raw: decoded, back: fromRasEntry(entry.name, decoded, alternates) };
}

const vpn = (extra: Partial<RasEntry> = {}): RasEntry =>
  makeEntry('Office', 'vpn', ['vpn.example.com'], extra);

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('nothing was refused');
}

const dword = fc.oneof(
  fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff),
  fc.integer({ min: -0x80000000, max: 0x7fffffff }).map((n) => n >>> 0),
);
/** A string of at most `max` UTF-16 code units without a NUL, sometimes with astral characters. */
const wide = (max: number): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ maxLength: max }),
      fc.string({ unit: 'binary', maxLength: Math.floor(max / 2) }),
    )
    .filter((s) => s.length <= max && !s.includes('\0'));

function fieldArbitrary(type: FieldType): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'u32':
      return dword;
    case 'wchar':
      return wide(type.length - 1);
    case 'bytes':
      return fc.array(fc.integer({ min: 0, max: 255 }), {
        minLength: type.length,
        maxLength: type.length,
      });
    case 'struct':
      return structArbitrary(type.name);
    default:
      return fc.integer({ min: 0, max: 0xffff });
  }
}
function structArbitrary(name: string): fc.Arbitrary<Record<string, unknown>> {
  const fields = STRUCT_BY_NAME.get(name)!.fields;
  return fc.record(Object.fromEntries(fields.map((f) => [f.name, fieldArbitrary(f.type)])));
}
/**
 * Any RASENTRYW, every bit of every member random, as koffi decodes it; but dwType and
 * dwFramingProtocol are never 0: RasSetEntryProperties requires them, so toRasEntry fills in one.
 */
const required = dword.filter((n) => n !== 0);
const anyRaw = fc
  .tuple(structArbitrary('RASENTRYW'), required, required)
  .map(([raw, type, framing]) => rawOf({ ...raw, dwType: type, dwFramingProtocol: framing }));
const alternateList = fc.array(
  wide(128).filter((n) => n !== ''),
  { maxLength: 4 },
);

/** Any entry whose every field RASENTRY carries; the others hold what a read gives them. */
const anyEntry: fc.Arbitrary<RasEntry> = fc
  .record({
    type: fc.constantFrom('phone', 'vpn', 'direct', 'internet', 'broadband' as const),
    deviceType: wide(16),
    deviceName: wide(128),
    primary: fc.record({
      number: wide(128),
      areaCode: wide(10),
      countryCode: dword,
      countryId: dword,
      useDialingRules: fc.boolean(),
    }),
    alternates: alternateList,
    promoteAlternates: fc.boolean(),
    eapTypeId: fc.oneof(fc.constant(0), dword),
    terminalAfterDial: fc.boolean(),
    redialAttempts: dword,
    redialSeconds: dword,
    redialOnLinkFailure: fc.boolean(),
    vpnStrategy: fc.oneof(fc.integer({ min: 0, max: 16 }), dword),
    encryption: fc.constantFrom(...Object.values(DATA_ENCRYPTION)),
    authProtocols: fc.subarray([...AUTH_PROTOCOLS]),
    idleDisconnectSeconds: dword,
    showProgress: fc.boolean(),
    promptCredentials: fc.boolean(),
    promptPhoneNumber: fc.boolean(),
    includeLogonDomain: fc.boolean(),
    useWindowsLogon: fc.boolean(),
    ipv4: fc.boolean(),
    ipv6: fc.boolean(),
    dnsServers: fc.array(
      fc.ipV4().filter((a) => a !== '0.0.0.0'),
      { maxLength: 2 },
    ),
    dnsSuffix: wide(255),
    registerInDns: fc.boolean(),
    useRemoteGateway: fc.boolean(),
    ipv4Metric: dword,
    ipv6Metric: dword,
    disableClassBasedRoute: fc.boolean(),
    usePreSharedKey: fc.boolean(),
    ikev2Mobility: fc.boolean(),
    networkOutageSeconds: dword,
  })
  .map(({ primary, alternates, ...rest }) => ({
    ...rest,
    name: 'Office',
    port: '',
    phoneNumbers: [phoneNumber(primary.number, primary), ...alternates.map((n) => phoneNumber(n))],
    tryNextAlternateOnFail: true,
    callbackMode: 'none' as const,
  }));

describe('RASENTRY round trips', () => {
  it('gives back every setting RASENTRY carries, whatever the entry held before', () => {
    fc.assert(
      fc.property(anyRaw, anyEntry, (base, entry) => {
        expect(saved(base, entry).back).toEqual(entry);
      }),
      { numRuns: 300 },
    );
  });

  it('writes back every member unchanged when nothing was changed', () => {
    fc.assert(
      fc.property(anyRaw, alternateList, (base, alternates) => {
        const entry = fromRasEntry('Office', base, alternates);
        const { raw, alternates: written } = toRasEntry(base, entry);
        expect(decode(encode(raw))).toEqual(base);
        expect(encode(raw).equals(encode(base))).toBe(true);
        expect(written).toEqual(alternates);
      }),
      { numRuns: 300 },
    );
  });

  describe('idle disconnect', () => {
    it('reads and writes never as RASIDS_Disabled (0xFFFFFFFF), the global value as 0', () => {
      const never = rawOf({ ...DEFAULTS, dwIdleDisconnectSeconds: 0xffffffff });
      expect(fromRasEntry('Office', never, []).idleDisconnectSeconds).toBe(0xffffffff);
      for (const seconds of [0xffffffff, 0, 600]) {
        const { raw, back } = saved(DEFAULTS, vpn({ idleDisconnectSeconds: seconds }));
        expect(raw.dwIdleDisconnectSeconds).toBe(seconds);
        expect(back.idleDisconnectSeconds).toBe(seconds);
      }
      const offset = koffi.offsetof(RASENTRYW, 'dwIdleDisconnectSeconds');
      const bytes = encode(toRasEntry(DEFAULTS, vpn({ idleDisconnectSeconds: 0xffffffff })).raw);
      expect(bytes.readUInt32LE(offset)).toBe(0xffffffff);
    });
  });

  describe('EAP', () => {
    it('reads the EAP type only when RASEO_RequireEAP is set', () => {
      const off = rawOf({ ...DEFAULTS, dwCustomAuthKey: 25 });
      const on = rawOf({ ...DEFAULTS, dwfOptions: RASEO_RequireEAP, dwCustomAuthKey: 25 });
      expect(fromRasEntry('Office', off, []).eapTypeId).toBe(0);
      expect(fromRasEntry('Office', on, []).eapTypeId).toBe(25);
    });

    it('keeps the EAP type of an entry without EAP, and never turns EAP on for it', () => {
      const off = rawOf({ ...DEFAULTS, dwCustomAuthKey: 25 });
      const { raw } = saved(off, { ...fromRasEntry('Office', off, []), redialAttempts: 3 });
      expect(raw.dwfOptions & RASEO_RequireEAP).toBe(0);
      expect(raw.dwCustomAuthKey).toBe(25);
    });

    it('turns EAP on with its type, and off keeping the type for later', () => {
      const on = saved(DEFAULTS, vpn({ eapTypeId: 13 })).raw;
      expect(on.dwfOptions & RASEO_RequireEAP).toBe(RASEO_RequireEAP);
      expect(on.dwCustomAuthKey).toBe(13);
      const off = saved(on, { ...fromRasEntry('Office', on, []), eapTypeId: 0 }).raw;
      expect(off.dwfOptions & RASEO_RequireEAP).toBe(0);
      expect(off.dwCustomAuthKey).toBe(13);
    });

    it('keeps RASEO_RequireEAP with no type when the EAP choice was not changed', () => {
      const odd = rawOf({ ...DEFAULTS, dwfOptions: RASEO_RequireEAP, dwCustomAuthKey: 0 });
      const { raw } = toRasEntry(odd, fromRasEntry('Office', odd, []));
      expect(raw.dwfOptions & RASEO_RequireEAP).toBe(RASEO_RequireEAP);
    });
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0x12345678, 0xffffffff])(
    'reads and writes VPN strategy %i as that number',
    (strategy) => {
      const base = rawOf({ ...DEFAULTS, dwVpnStrategy: strategy });
      expect(fromRasEntry('Office', base, []).vpnStrategy).toBe(strategy);
      const { raw, back } = saved(DEFAULTS, vpn({ vpnStrategy: strategy }));
      expect(raw.dwVpnStrategy).toBe(strategy);
      expect(back.vpnStrategy).toBe(strategy);
    },
  );

  describe('what a read cannot tell apart is kept when it was not changed', () => {
    const unchanged = (base: RawEntry): RawEntry =>
      decode(encode(toRasEntry(base, fromRasEntry('Office', base, [])).raw));

    it('keeps the DNS addresses of an entry set to automatic DNS, as a pbk save does', () => {
      const base = rawOf({
        ...DEFAULTS,
        ipaddrDns: [192, 0, 2, 53],
        ipaddrDnsAlt: [192, 0, 2, 54],
      });
      expect(unchanged(base)).toEqual(base);
      const manual = saved(DEFAULTS, vpn({ dnsServers: ['192.0.2.1'] })).raw;
      const automatic = saved(manual, { ...fromRasEntry('Office', manual, []), dnsServers: [] });
      expect(automatic.raw.dwfOptions & RASEO_SpecificNameServers).toBe(0);
      expect(Array.from(automatic.raw.ipaddrDns)).toEqual([192, 0, 2, 1]);
      expect(automatic.back.dnsServers).toEqual([]);
    });

    it('keeps a second DNS server without a first one, and the flag with none', () => {
      const second = rawOf({
        ...DEFAULTS,
        dwfOptions: RASEO_SpecificNameServers,
        ipaddrDnsAlt: [192, 0, 2, 54],
      });
      expect(unchanged(second)).toEqual(second);
      const none = rawOf({ ...DEFAULTS, dwfOptions: RASEO_SpecificNameServers });
      expect(unchanged(none)).toEqual(none);
    });

    it('keeps the framing protocol, and sends PPP only where there is none', () => {
      const slip = rawOf({ ...DEFAULTS, dwFramingProtocol: 2 });
      expect(unchanged(slip).dwFramingProtocol).toBe(2);
      const zero = rawOf({ ...DEFAULTS, dwFramingProtocol: 0 });
      expect(toRasEntry(zero, vpn()).raw.dwFramingProtocol).toBe(1);
    });

    it('keeps an entry type the model does not know until the type is changed', () => {
      const odd = rawOf({ ...DEFAULTS, dwType: 7 });
      expect(fromRasEntry('Office', odd, []).type).toBe('phone');
      expect(unchanged(odd).dwType).toBe(7);
      expect(saved(odd, { ...fromRasEntry('Office', odd, []), type: 'vpn' }).raw.dwType).toBe(2);
      expect(
        toRasEntry(rawOf({ ...DEFAULTS, dwType: 0 }), makeEntry('Modem', 'phone', ['1'])).raw
          .dwType,
      ).toBe(1);
    });

    it('keeps an encryption type the model does not know, even one that reads as a level', () => {
      const odd = rawOf({ ...DEFAULTS, dwEncryptionType: 256 });
      expect(unchanged(odd).dwEncryptionType).toBe(256);
    });

    it('keeps an explicit metric of 0', () => {
      const odd = rawOf({ ...DEFAULTS, dwfOptions2: RASEO2_IPv4ExplicitMetric });
      expect(unchanged(odd)).toEqual(odd);
    });
  });

  describe('alternates', () => {
    it('leaves out an empty alternate, which would end the list and lose the ones after it', () => {
      const entry = vpn();
      entry.phoneNumbers.push(phoneNumber('a.example.com'), phoneNumber(''), phoneNumber('b'));
      expect(saved(DEFAULTS, entry).back.phoneNumbers.map((n) => n.number)).toEqual([
        'vpn.example.com',
        'a.example.com',
        'b',
      ]);
    });

    it('refuses an alternate that would not reach Windows whole', () => {
      const nul = vpn();
      nul.phoneNumbers.push(phoneNumber('a\0b'));
      expect(refusal(() => toRasEntry(DEFAULTS, nul)).message).toMatch(/alternate number 1 .*NUL/);
      const long = vpn();
      long.phoneNumbers.push(phoneNumber('x'), phoneNumber('1'.repeat(129)));
      expect(refusal(() => toRasEntry(DEFAULTS, long)).message).toBe(
        'The alternate number 2 is 129 characters long; Windows allows at most 128.',
      );
    });
  });

  describe('values koffi would change without a word are refused', () => {
    it('a string longer than its member', () => {
      const entry = vpn();
      entry.phoneNumbers[0] = phoneNumber('vpn', { areaCode: '12345678901' });
      const error = refusal(() => toRasEntry(DEFAULTS, entry));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toBe('The area code is 11 characters long; Windows allows at most 10.');
      expect(() => toRasEntry(DEFAULTS, vpn({ dnsSuffix: 'x'.repeat(256) }))).toThrow(/DNS suffix/);
      expect(() => toRasEntry(DEFAULTS, vpn({ deviceType: 'x'.repeat(17) }))).toThrow(
        /device type/,
      );
    });

    it('a DNS server that is not an IPv4 address', () => {
      for (const address of ['300.1.1.1', '192.0.2', 'dns.example.com', '::1', '1.2.3.4.5'])
        expect(() => toRasEntry(DEFAULTS, vpn({ dnsServers: [address] })), address).toThrow(
          `The DNS server ${address} is not an IPv4 address`,
        );
    });

    it('a number that is not a DWORD', () => {
      for (const value of [-1, 2 ** 32, 1.5])
        expect(() => toRasEntry(DEFAULTS, vpn({ redialSeconds: value })), String(value)).toThrow(
          'The time between redial attempts must be a whole number from 0 to 4294967295',
        );
    });
  });
});
