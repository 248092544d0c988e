// RASENTRYW ↔ the entry model. RasGetEntryProperties gives the struct plus the alternate
// numbers as a double-NUL list at dwAlternateOffset; RasSetEntryProperties takes the same.
// Fields RASENTRY does not carry (try the next alternate, callback mode) keep their defaults.
// A string or number that koffi would cut short or wrap around is refused before encoding.

import {
  phoneNumber,
  type AuthProtocol,
  type EntryType,
  type PhoneNumber,
  type RasEntry,
} from '../../../app/phonebook/entry';
import {
  DATA_ENCRYPTION,
  encryptionLevel,
  IKEV2_STRATEGIES,
  type EncryptionLevel,
} from '../../../app/phonebook/entry-settings';
import { RAS_MAX_PHONE_NUMBER } from '../../../app/ras/limits';
import { messageRef, type FieldKey } from '../../../app/ras/app-messages';
import { AppError } from '../../../app/ras/errors';
import { checkString, checkStrings } from './string-limits';

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
// ET_ values (ras.h) for the DataEncryption levels of the model; VS_ values are the same numbers
// in RASENTRY and in the pbk file.
const ET_CODES: Record<EncryptionLevel, number> = { none: 0, required: 1, maximum: 2, optional: 3 };
export const RASEO_UseLogonCredentials = 0x4000;
export const RASEO2_UsePreSharedKey = 0x10;
export const RASEO2_RegisterIpWithDNS = 0x4000;
export const RASEO2_IPv4ExplicitMetric = 0x10000;
export const RASEO2_IPv6ExplicitMetric = 0x20000;
export const RASEO2_DisableClassBasedStaticRoute = 0x80000;
export const RASEO2_DisableMobility = 0x200000;
export const RASEO2_UsePreSharedKeyForIkev2Initiator = 0x800000;
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
  dwFramingProtocol: number;
  dwRedialCount: number;
  dwRedialPause: number;
  dwVpnStrategy: number;
  dwEncryptionType: number;
  dwIdleDisconnectSeconds: number;
  dwfNetProtocols: number;
  /** Four bytes: number[] going to koffi, a Uint8Array coming from it. */
  ipaddrDns: ArrayLike<number>;
  ipaddrDnsAlt: ArrayLike<number>;
  szDnsSuffix: string;
  dwIPv4InterfaceMetric: number;
  dwIPv6InterfaceMetric: number;
  dwNetworkOutageTime: number;
};

/** The model's DataEncryption value for an ET_ value; one it does not know passes as it is. */
function encryptionFromEt(et: number): number {
  const level = (Object.keys(ET_CODES) as EncryptionLevel[]).find((l) => ET_CODES[l] === et);
  return level ? DATA_ENCRYPTION[level] : et;
}

const address = (bytes: ArrayLike<number>): string => Array.from(bytes).join('.');

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
    eapTypeId: (raw.dwfOptions & RASEO_RequireEAP) !== 0 ? raw.dwCustomAuthKey : 0,
    terminalAfterDial: (raw.dwfOptions & RASEO_TerminalAfterDial) !== 0,
    redialAttempts: raw.dwRedialCount,
    redialSeconds: raw.dwRedialPause,
    redialOnLinkFailure: (raw.dwfOptions2 & RASEO2_ReconnectIfDropped) !== 0,
    vpnStrategy: raw.dwVpnStrategy,
    encryption: encryptionFromEt(raw.dwEncryptionType),
    authProtocols: (Object.keys(REQUIRE_BITS) as AuthProtocol[]).filter(
      (p) => (raw.dwfOptions & REQUIRE_BITS[p]) !== 0,
    ),
    // 0xFFFFFFFF (never) and 0 (the global value) are different settings: both kept.
    idleDisconnectSeconds: raw.dwIdleDisconnectSeconds,
    showProgress: (raw.dwfOptions & RASEO_ShowDialingProgress) !== 0,
    promptCredentials: (raw.dwfOptions & RASEO_PreviewUserPw) !== 0,
    promptPhoneNumber: (raw.dwfOptions & RASEO_PreviewPhoneNumber) !== 0,
    includeLogonDomain: (raw.dwfOptions & RASEO_PreviewDomain) !== 0,
    useWindowsLogon: (raw.dwfOptions & RASEO_UseLogonCredentials) !== 0,
    ipv4: (raw.dwfNetProtocols & RASNP_Ip) !== 0,
    ipv6: (raw.dwfNetProtocols & RASNP_Ipv6) !== 0,
    dnsServers:
      (raw.dwfOptions & RASEO_SpecificNameServers) !== 0
        ? [address(raw.ipaddrDns), address(raw.ipaddrDnsAlt)].filter((a) => a !== '0.0.0.0')
        : [],
    dnsSuffix: raw.szDnsSuffix,
    registerInDns: (raw.dwfOptions2 & RASEO2_RegisterIpWithDNS) !== 0,
    ipv4Metric: (raw.dwfOptions2 & RASEO2_IPv4ExplicitMetric) !== 0 ? raw.dwIPv4InterfaceMetric : 0,
    ipv6Metric: (raw.dwfOptions2 & RASEO2_IPv6ExplicitMetric) !== 0 ? raw.dwIPv6InterfaceMetric : 0,
    disableClassBasedRoute: (raw.dwfOptions2 & RASEO2_DisableClassBasedStaticRoute) !== 0,
    usePreSharedKey:
      (raw.dwfOptions2 & (RASEO2_UsePreSharedKey | RASEO2_UsePreSharedKeyForIkev2Initiator)) !== 0,
    ikev2Mobility: (raw.dwfOptions2 & RASEO2_DisableMobility) === 0,
    networkOutageSeconds: raw.dwNetworkOutageTime,
    useRemoteGateway: (raw.dwfOptions & RASEO_RemoteDefaultGateway) !== 0,
  };
}

const flag = (options: number, bit: number, on: boolean): number =>
  (on ? options | bit : options & ~bit) >>> 0;

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => x === b[i])
    : a === b;
}

// The numbers the model writes into DWORD members, in words: koffi would wrap 2^32 to 0 and
// cut 1.5 to 1 without a word.
const DWORD_WORDS = [
  ['redialAttempts', 'field.redialAttempts'],
  ['redialSeconds', 'field.redialSeconds'],
  ['vpnStrategy', 'field.vpnStrategy'],
  ['idleDisconnectSeconds', 'field.idleSeconds'],
  ['ipv4Metric', 'field.ipv4Metric'],
  ['ipv6Metric', 'field.ipv6Metric'],
  ['networkOutageSeconds', 'field.networkOutage'],
] as const satisfies readonly (readonly [keyof RasEntry, FieldKey])[];

function checkDword(field: FieldKey, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
    throw new AppError('INVALID_INPUT', messageRef('limit.dword', { field, value }));
}

/** The four bytes of a dotted IPv4 address; koffi would store 300 as 44 without a word. */
function ipv4Bytes(address: string | undefined): number[] {
  if (address === undefined) return [0, 0, 0, 0];
  const bytes = address.split('.').map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (bytes.length !== 4 || !bytes.every((b) => b <= 255))
    throw new AppError('INVALID_INPUT', messageRef('limit.ipv4', { address }));
  return bytes;
}

/** The alternates to send: an empty one would end the double-NUL list and lose those after it. */
function alternatesOf(numbers: PhoneNumber[]): string[] {
  numbers.forEach((n, i) =>
    checkString(
      { key: 'field.alternateNumber', params: { index: i + 1 } },
      n.number,
      RAS_MAX_PHONE_NUMBER,
    ),
  );
  return numbers.map((n) => n.number).filter((n) => n !== '');
}

/**
 * The raw struct for `entry`, starting from what the entry (or Windows' defaults) had. As a
 * pbk save does, a setting that did not change keeps its raw values: several raw states read
 * as one model value (DNS addresses kept under automatic DNS, an explicit metric of 0, a type
 * or encryption the model does not know), and only a change may replace them.
 */
export function toRasEntry(
  base: RawEntry,
  entry: RasEntry,
): { raw: RawEntry; alternates: string[] } {
  const [primary, ...rest] = entry.phoneNumbers;
  for (const [field, words] of DWORD_WORDS) checkDword(words, entry[field]);
  if (primary) {
    checkDword('field.countryCode', primary.countryCode);
    checkDword('field.countryId', primary.countryId);
  }
  if (entry.eapTypeId > 0) checkDword('field.eapType', entry.eapTypeId);
  const before = fromRasEntry(entry.name, base, []);
  const changed = (field: keyof RasEntry): boolean => !same(before[field], entry[field]);

  let options = base.dwfOptions;
  options = flag(options, RASEO_UseCountryAndAreaCodes, primary?.useDialingRules ?? false);
  options = flag(options, RASEO_TerminalAfterDial, entry.terminalAfterDial);
  options = flag(options, RASEO_PromoteAlternates, entry.promoteAlternates);
  for (const p of Object.keys(REQUIRE_BITS) as AuthProtocol[])
    options = flag(options, REQUIRE_BITS[p], entry.authProtocols.includes(p));
  options = flag(options, RASEO_ShowDialingProgress, entry.showProgress);
  options = flag(options, RASEO_PreviewUserPw, entry.promptCredentials);
  options = flag(options, RASEO_PreviewPhoneNumber, entry.promptPhoneNumber);
  options = flag(options, RASEO_PreviewDomain, entry.includeLogonDomain);
  options = flag(options, RASEO_RemoteDefaultGateway, entry.useRemoteGateway);
  options = flag(options, RASEO_UseLogonCredentials, entry.useWindowsLogon);

  // Without EAP the type stays as it was, for when EAP is chosen again (as in the pbk file).
  const eap = changed('eapTypeId');
  if (eap) options = flag(options, RASEO_RequireEAP, entry.eapTypeId > 0);

  // Back to automatic DNS keeps the addresses, as a pbk save keeps IpDnsAddress.
  let [dns, dnsAlt] = [base.ipaddrDns, base.ipaddrDnsAlt];
  if (changed('dnsServers')) {
    options = flag(options, RASEO_SpecificNameServers, entry.dnsServers.length > 0);
    if (entry.dnsServers.length > 0)
      [dns, dnsAlt] = [ipv4Bytes(entry.dnsServers[0]), ipv4Bytes(entry.dnsServers[1])];
  }

  let options2 = flag(base.dwfOptions2, RASEO2_ReconnectIfDropped, entry.redialOnLinkFailure);
  options2 = flag(options2, RASEO2_RegisterIpWithDNS, entry.registerInDns);
  options2 = flag(options2, RASEO2_DisableClassBasedStaticRoute, entry.disableClassBasedRoute);
  options2 = flag(options2, RASEO2_DisableMobility, !entry.ikev2Mobility);
  // 0 is "automatic": the explicit-metric bit goes, the last explicit metric stays.
  const metrics = { ipv4: base.dwIPv4InterfaceMetric, ipv6: base.dwIPv6InterfaceMetric };
  for (const [v, field, bit] of [
    ['ipv4', 'ipv4Metric', RASEO2_IPv4ExplicitMetric],
    ['ipv6', 'ipv6Metric', RASEO2_IPv6ExplicitMetric],
  ] as const) {
    if (!changed(field)) continue;
    options2 = flag(options2, bit, entry[field] > 0);
    if (entry[field] > 0) metrics[v] = entry[field];
  }
  // L2TP keeps "use a pre-shared key" in one bit, IKEv2 in another: the strategy says which.
  const pskBit = IKEV2_STRATEGIES.includes(entry.vpnStrategy)
    ? RASEO2_UsePreSharedKeyForIkev2Initiator
    : RASEO2_UsePreSharedKey;
  const hadPsk =
    (base.dwfOptions2 & (RASEO2_UsePreSharedKey | RASEO2_UsePreSharedKeyForIkev2Initiator)) !== 0;
  if (!entry.usePreSharedKey)
    options2 = flag(
      options2,
      RASEO2_UsePreSharedKey | RASEO2_UsePreSharedKeyForIkev2Initiator,
      false,
    );
  else if (!hadPsk) options2 = flag(options2, pskBit, true);

  // A DataEncryption value with no ET_ equivalent leaves Windows' own value alone.
  const level = changed('encryption') ? encryptionLevel(entry.encryption) : undefined;
  const protocols =
    (base.dwfNetProtocols & ~(RASNP_Ip | RASNP_Ipv6)) |
    (entry.ipv4 ? RASNP_Ip : 0) |
    (entry.ipv6 ? RASNP_Ipv6 : 0);
  const raw: RawEntry = {
    ...base,
    dwfOptions: options,
    dwfOptions2: options2,
    // dwType and dwFramingProtocol are required (87 without): a base without one gets one.
    dwType: changed('type') || !base.dwType ? TYPES.indexOf(entry.type) + 1 : base.dwType,
    szDeviceType: entry.deviceType,
    szDeviceName: entry.deviceName,
    szLocalPhoneNumber: primary?.number ?? '',
    szAreaCode: primary?.areaCode ?? '',
    dwCountryCode: primary?.countryCode ?? 0,
    dwCountryID: primary?.countryId ?? 0,
    dwCustomAuthKey: eap && entry.eapTypeId > 0 ? entry.eapTypeId : base.dwCustomAuthKey,
    dwRedialCount: entry.redialAttempts,
    dwRedialPause: entry.redialSeconds,
    dwFramingProtocol: base.dwFramingProtocol || RASFP_Ppp,
    dwVpnStrategy: entry.vpnStrategy,
    dwEncryptionType: level ? ET_CODES[level] : base.dwEncryptionType,
    dwIdleDisconnectSeconds: entry.idleDisconnectSeconds,
    dwfNetProtocols: protocols >>> 0,
    ipaddrDns: dns,
    ipaddrDnsAlt: dnsAlt,
    szDnsSuffix: entry.dnsSuffix,
    dwIPv4InterfaceMetric: metrics.ipv4,
    dwIPv6InterfaceMetric: metrics.ipv6,
    dwNetworkOutageTime: entry.networkOutageSeconds,
  };
  checkStrings('RASENTRYW', raw);
  return { raw, alternates: alternatesOf(rest) };
}
