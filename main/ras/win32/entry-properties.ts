// RASENTRYW ↔ the entry model. RasGetEntryProperties gives the struct plus the alternate
// numbers as a double-NUL list at dwAlternateOffset; RasSetEntryProperties takes the same.
// Fields RASENTRY does not carry (try the next alternate, callback mode) keep their defaults.

import {
  phoneNumber,
  type AuthProtocol,
  type Encryption,
  type EntryType,
  type RasEntry,
} from '../../../app/phonebook/entry';
import { vpnStrategyFor, vpnTypeOf } from '../../../app/phonebook/entry-settings';

export const RASEO_UseCountryAndAreaCodes = 0x1;
export const RASEO_SpecificNameServers = 0x4;
export const RASEO_RemoteDefaultGateway = 0x10;
export const RASEO_PreviewPhoneNumber = 0x00200000;
export const RASEO_PreviewUserPw = 0x01000000;
export const RASEO_PreviewDomain = 0x02000000;
export const RASEO_ShowDialingProgress = 0x04000000;
// RASEO_Require*: the sign-in protocols allowed.
const REQUIRE_BITS: Record<AuthProtocol, number> = {
  pap: 0x40000,
  chap: 0x08000000,
  mschapv2: 0x20000000,
};
const RASNP_Ip = 0x4;
const RASNP_Ipv6 = 0x8;
// ET_ values (ras.h); the VS_ ones are shared with the pbk keys (entry-settings.ts).
const ET_CODES: Record<Encryption, number> = { none: 0, required: 1, maximum: 2, optional: 3 };
export const RASEO_TerminalAfterDial = 0x80;
export const RASEO_PromoteAlternates = 0x8000;
export const RASEO_RequireEAP = 0x20000;
export const RASEO2_ReconnectIfDropped = 0x100;
export const RASFP_Ppp = 0x1;

const TYPES: EntryType[] = ['phone', 'vpn', 'direct', 'internet', 'broadband'];

export type RawEntry = Record<string, unknown> & {
  dwfOptions: number;
  dwfOptions2: number;
  dwCountryID: number;
  dwCountryCode: number;
  szAreaCode: string;
  szLocalPhoneNumber: string;
  szDeviceType: string;
  szDeviceName: string;
  dwType: number;
  dwCustomAuthKey: number;
  dwRedialCount: number;
  dwRedialPause: number;
  dwVpnStrategy: number;
  dwEncryptionType: number;
  dwIdleDisconnectSeconds: number;
  dwfNetProtocols: number;
  ipaddrDns: number[];
  ipaddrDnsAlt: number[];
};

const address = (bytes: number[]): string => bytes.join('.');
const toBytes = (ip: string | undefined): number[] =>
  ip ? ip.split('.').map(Number) : [0, 0, 0, 0];

/** Reads the double-NUL-terminated UTF-16 list of alternate numbers. */
export function readAlternates(buffer: Buffer, offset: number): string[] {
  if (offset <= 0 || offset >= buffer.length) return [];
  const out: string[] = [];
  let start = offset;
  for (let i = offset; i + 1 < buffer.length; i += 2) {
    if (buffer.readUInt16LE(i) !== 0) continue;
    if (i === start) break;
    out.push(buffer.toString('utf16le', start, i));
    start = i + 2;
  }
  return out;
}

export function encodeAlternates(numbers: string[]): Buffer {
  if (numbers.length === 0) return Buffer.alloc(0);
  return Buffer.from(numbers.map((n) => `${n}\0`).join('') + '\0', 'utf16le');
}

export function fromRasEntry(name: string, raw: RawEntry, alternates: string[]): RasEntry {
  const useRules = (raw.dwfOptions & RASEO_UseCountryAndAreaCodes) !== 0;
  const primary = phoneNumber(raw.szLocalPhoneNumber, {
    areaCode: raw.szAreaCode,
    countryCode: raw.dwCountryCode,
    countryId: raw.dwCountryID,
    useDialingRules: useRules,
  });
  return {
    name,
    type: TYPES[raw.dwType - 1] ?? 'phone',
    deviceType: raw.szDeviceType,
    deviceName: raw.szDeviceName,
    port: '',
    phoneNumbers: [primary, ...alternates.map((n) => phoneNumber(n))],
    tryNextAlternateOnFail: true,
    promoteAlternates: (raw.dwfOptions & RASEO_PromoteAlternates) !== 0,
    callbackMode: 'none',
    eapTypeId: raw.dwCustomAuthKey,
    terminalAfterDial: (raw.dwfOptions & RASEO_TerminalAfterDial) !== 0,
    redialAttempts: raw.dwRedialCount,
    redialSeconds: raw.dwRedialPause,
    redialOnLinkFailure: (raw.dwfOptions2 & RASEO2_ReconnectIfDropped) !== 0,
    vpnType: vpnTypeOf(raw.dwVpnStrategy),
    encryption:
      (Object.keys(ET_CODES) as Encryption[]).find((e) => ET_CODES[e] === raw.dwEncryptionType) ??
      'required',
    authProtocols: (Object.keys(REQUIRE_BITS) as AuthProtocol[]).filter(
      (p) => (raw.dwfOptions & REQUIRE_BITS[p]) !== 0,
    ),
    idleDisconnectSeconds:
      raw.dwIdleDisconnectSeconds === 0xffffffff ? 0 : raw.dwIdleDisconnectSeconds,
    showProgress: (raw.dwfOptions & RASEO_ShowDialingProgress) !== 0,
    promptCredentials: (raw.dwfOptions & RASEO_PreviewUserPw) !== 0,
    promptPhoneNumber: (raw.dwfOptions & RASEO_PreviewPhoneNumber) !== 0,
    includeLogonDomain: (raw.dwfOptions & RASEO_PreviewDomain) !== 0,
    ipv4: (raw.dwfNetProtocols & RASNP_Ip) !== 0,
    ipv6: (raw.dwfNetProtocols & RASNP_Ipv6) !== 0,
    dnsServers:
      (raw.dwfOptions & RASEO_SpecificNameServers) !== 0
        ? [address(raw.ipaddrDns), address(raw.ipaddrDnsAlt)].filter((a) => a !== '0.0.0.0')
        : [],
    useRemoteGateway: (raw.dwfOptions & RASEO_RemoteDefaultGateway) !== 0,
  };
}

const flag = (options: number, bit: number, on: boolean): number =>
  (on ? options | bit : options & ~bit) >>> 0;

/** The raw struct for `entry`, starting from what the entry (or Windows' defaults) had. */
export function toRasEntry(
  base: RawEntry,
  entry: RasEntry,
): { raw: RawEntry; alternates: string[] } {
  const [primary, ...rest] = entry.phoneNumbers;
  let options = base.dwfOptions;
  options = flag(options, RASEO_UseCountryAndAreaCodes, primary?.useDialingRules ?? false);
  options = flag(options, RASEO_TerminalAfterDial, entry.terminalAfterDial);
  options = flag(options, RASEO_PromoteAlternates, entry.promoteAlternates);
  options = flag(options, RASEO_RequireEAP, entry.eapTypeId !== 0);
  for (const p of Object.keys(REQUIRE_BITS) as AuthProtocol[])
    options = flag(options, REQUIRE_BITS[p], entry.authProtocols.includes(p));
  options = flag(options, RASEO_ShowDialingProgress, entry.showProgress);
  options = flag(options, RASEO_PreviewUserPw, entry.promptCredentials);
  options = flag(options, RASEO_PreviewPhoneNumber, entry.promptPhoneNumber);
  options = flag(options, RASEO_PreviewDomain, entry.includeLogonDomain);
  options = flag(options, RASEO_SpecificNameServers, entry.dnsServers.length > 0);
  options = flag(options, RASEO_RemoteDefaultGateway, entry.useRemoteGateway);
  const protocols =
    (base.dwfNetProtocols & ~(RASNP_Ip | RASNP_Ipv6)) |
    (entry.ipv4 ? RASNP_Ip : 0) |
    (entry.ipv6 ? RASNP_Ipv6 : 0);
  return {
    raw: {
      ...base,
      dwfOptions: options,
      dwfOptions2: flag(base.dwfOptions2, RASEO2_ReconnectIfDropped, entry.redialOnLinkFailure),
      dwType: TYPES.indexOf(entry.type) + 1,
      szDeviceType: entry.deviceType,
      szDeviceName: entry.deviceName,
      szLocalPhoneNumber: primary?.number ?? '',
      szAreaCode: primary?.areaCode ?? '',
      dwCountryCode: primary?.countryCode ?? 0,
      dwCountryID: primary?.countryId ?? 0,
      dwCustomAuthKey: entry.eapTypeId,
      dwRedialCount: entry.redialAttempts,
      dwRedialPause: entry.redialSeconds,
      dwFramingProtocol: RASFP_Ppp,
      dwVpnStrategy: vpnStrategyFor(entry.vpnType, base.dwVpnStrategy),
      dwEncryptionType: ET_CODES[entry.encryption],
      dwIdleDisconnectSeconds: entry.idleDisconnectSeconds,
      dwfNetProtocols: protocols >>> 0,
      ipaddrDns: toBytes(entry.dnsServers[0]),
      ipaddrDnsAlt: toBytes(entry.dnsServers[1]),
    },
    alternates: rest.map((n) => n.number),
  };
}
