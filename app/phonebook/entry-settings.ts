// The entry-level settings of rasphone's Options, Security and Networking tabs, read from
// and written to their pbk keys (shared/ras-reference.md §8.3).

export type VpnType = 'automatic' | 'pptp' | 'l2tp' | 'sstp' | 'ikev2';
export type AuthProtocol = 'pap' | 'chap' | 'mschapv2';
export const AUTH_PROTOCOLS: readonly AuthProtocol[] = ['pap', 'chap', 'mschapv2'];
export type Encryption = 'none' | 'optional' | 'required' | 'maximum';

export interface EntrySettings {
  vpnType: VpnType;
  encryption: Encryption;
  /** The sign-in protocols allowed besides EAP. */
  authProtocols: AuthProtocol[];
  /** Hang up after this many idle seconds; 0 = never. */
  idleDisconnectSeconds: number;
  showProgress: boolean;
  promptCredentials: boolean;
  promptPhoneNumber: boolean;
  includeLogonDomain: boolean;
  ipv4: boolean;
  ipv6: boolean;
  /** Up to two IPv4 DNS servers; none = assigned by the server. */
  dnsServers: string[];
  /** Send all traffic through the connection (full tunnel). */
  useRemoteGateway: boolean;
}

export const defaultSettings: EntrySettings = {
  vpnType: 'automatic',
  encryption: 'required',
  authProtocols: ['mschapv2'],
  idleDisconnectSeconds: 0,
  showProgress: true,
  promptCredentials: true,
  promptPhoneNumber: false,
  includeLogonDomain: false,
  ipv4: true,
  ipv6: true,
  dnsServers: [],
  useRemoteGateway: true,
};

// VS_ values; the "… first" strategies read as the protocol they try first.
const VPN_CODES: Record<VpnType, number> = { automatic: 0, pptp: 1, l2tp: 3, sstp: 5, ikev2: 7 };
const VPN_FROM_CODE: Record<number, VpnType> = {
  0: 'automatic',
  1: 'pptp',
  2: 'pptp',
  3: 'l2tp',
  4: 'l2tp',
  5: 'sstp',
  6: 'sstp',
  7: 'ikev2',
  8: 'ikev2',
  14: 'ikev2',
};
/** The VPN type a VS_ strategy code (pbk VpnStrategy, RASENTRY dwVpnStrategy) stands for. */
export function vpnTypeOf(code: number): VpnType {
  return VPN_FROM_CODE[code] ?? 'automatic';
}

/** The strategy code to write: the current one while it means the same type ("… first" kept). */
export function vpnStrategyFor(type: VpnType, current: number): number {
  return VPN_FROM_CODE[current] === type ? current : VPN_CODES[type];
}

// DataEncryption: 0, 8 and 256 are what Windows writes for none, required and maximum;
// 1 for optional is this project's choice (the reference leaves it unconfirmed).
const ENCRYPTION_CODES: Record<Encryption, number> = {
  none: 0,
  optional: 1,
  required: 8,
  maximum: 256,
};
// AuthRestrictions: 512 (0x200) is what Windows writes for "MS-CHAP v2 only"; PAP 0x20 and
// CHAP 0x80 are this project's reading of the same bit set (the reference leaves them
// unconfirmed). Bits the model does not know are kept as they are.
const AUTH_BITS: Record<AuthProtocol, number> = { pap: 0x20, chap: 0x80, mschapv2: 0x200 };
const EXCLUDE_IPV4 = 0x4;
const EXCLUDE_IPV6 = 0x8;
const NO_ADDRESS = '0.0.0.0';

const int = (value: string | undefined, fallback: number): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};
const bool = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value === '1';
const flag = (b: boolean): string => (b ? '1' : '0');

export function readSettings(get: (key: string) => string | undefined): EntrySettings {
  const excluded = int(get('ExcludedProtocols'), 0);
  const encryption = (Object.keys(ENCRYPTION_CODES) as Encryption[]).find(
    (e) => ENCRYPTION_CODES[e] === int(get('DataEncryption'), 8),
  );
  const dns = [get('IpDnsAddress'), get('IpDns2Address')].filter(
    (a): a is string => !!a && a !== NO_ADDRESS,
  );
  return {
    vpnType: vpnTypeOf(int(get('VpnStrategy'), 0)),
    encryption: encryption ?? 'required',
    authProtocols: AUTH_PROTOCOLS.filter(
      (p) => (int(get('AuthRestrictions'), 512) & AUTH_BITS[p]) !== 0,
    ),
    idleDisconnectSeconds: int(get('IdleDisconnectSeconds'), 0),
    showProgress: bool(get('ShowDialingProgress'), true),
    promptCredentials: bool(get('PreviewUserPw'), true),
    promptPhoneNumber: bool(get('PreviewPhoneNumber'), false),
    includeLogonDomain: bool(get('PreviewDomain'), false),
    ipv4: (excluded & EXCLUDE_IPV4) === 0,
    ipv6: (excluded & EXCLUDE_IPV6) === 0,
    dnsServers: int(get('IpNameAssign'), 1) === 2 ? dns : [],
    useRemoteGateway: bool(get('IpPrioritizeRemote'), true),
  };
}

/**
 * The keys for `s`, given the values the file has now (`get`): bits and keys the model does
 * not own keep their current value, so an unchanged entry is written back unchanged.
 */
export function settingsKeys(
  s: EntrySettings,
  get: (key: string) => string | undefined,
): [string, string][] {
  const currentVpn = int(get('VpnStrategy'), 0);
  const currentEncryption = int(get('DataEncryption'), 8);
  const excludedNow = int(get('ExcludedProtocols'), 0);
  const excluded =
    (excludedNow & ~(EXCLUDE_IPV4 | EXCLUDE_IPV6)) |
    (s.ipv4 ? 0 : EXCLUDE_IPV4) |
    (s.ipv6 ? 0 : EXCLUDE_IPV6);
  // Addresses are only written when the entry names servers; otherwise the file keeps its own.
  const dnsKeys: [string, string][] =
    s.dnsServers.length > 0
      ? [
          ['IpDnsAddress', s.dnsServers[0]!],
          ['IpDns2Address', s.dnsServers[1] ?? NO_ADDRESS],
          ['IpNameAssign', '2'],
        ]
      : [['IpNameAssign', get('IpNameAssign') === '2' ? '1' : (get('IpNameAssign') ?? '1')]];
  const authNow = int(get('AuthRestrictions'), 512);
  const known = AUTH_PROTOCOLS.reduce((bits, p) => bits | AUTH_BITS[p], 0);
  const auth = (authNow & ~known) | s.authProtocols.reduce((bits, p) => bits | AUTH_BITS[p], 0);
  return [
    ['VpnStrategy', String(vpnStrategyFor(s.vpnType, currentVpn))],
    ['ExcludedProtocols', String(excluded)],
    [
      'DataEncryption',
      String(
        ENCRYPTION_CODES[s.encryption] === currentEncryption
          ? currentEncryption
          : ENCRYPTION_CODES[s.encryption],
      ),
    ],
    ['IdleDisconnectSeconds', String(s.idleDisconnectSeconds)],
    ['AuthRestrictions', String(auth)],
    ['PreviewUserPw', flag(s.promptCredentials)],
    ['PreviewDomain', flag(s.includeLogonDomain)],
    ['PreviewPhoneNumber', flag(s.promptPhoneNumber)],
    ['ShowDialingProgress', flag(s.showProgress)],
    ['IpPrioritizeRemote', flag(s.useRemoteGateway)],
    ...dnsKeys,
  ];
}
