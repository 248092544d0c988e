// The entry-level settings of rasphone's Options, Security and Networking tabs, read from and
// written to their pbk keys as MS-RRASM §2.2.2.2 defines them (shared/ras-reference.md §8.3).
// Each setting is one field of a table: how it reads its key, and how it writes its key given
// the value the file has now, so that bits and values the model does not own are kept.

export type AuthProtocol = 'pap' | 'chap' | 'mschapv2';
export const AUTH_PROTOCOLS: readonly AuthProtocol[] = ['pap', 'chap', 'mschapv2'];

/** DataEncryption (MS-RRASM §2.2.2.2.14): the four values the spec allows. */
export const DATA_ENCRYPTION = { none: 0, optional: 8, required: 256, maximum: 512 } as const;
export type EncryptionLevel = keyof typeof DATA_ENCRYPTION;
export const ENCRYPTION_LEVELS = Object.keys(DATA_ENCRYPTION) as EncryptionLevel[];

/** The level a DataEncryption value stands for; undefined for a value the spec does not define. */
export function encryptionLevel(code: number): EncryptionLevel | undefined {
  return ENCRYPTION_LEVELS.find((level) => DATA_ENCRYPTION[level] === code);
}

/** VpnStrategy (VS_ values, ras.h): every one of them is offered and kept. */
export const VPN_STRATEGIES = {
  automatic: 0,
  pptpOnly: 1,
  pptpFirst: 2,
  l2tpOnly: 3,
  l2tpFirst: 4,
  sstpOnly: 5,
  sstpFirst: 6,
  ikev2Only: 7,
  ikev2First: 8,
  greOnly: 9,
  pptpSstp: 12,
  l2tpSstp: 13,
  ikev2Sstp: 14,
  protocolList: 15,
} as const;
export type VpnStrategyName = keyof typeof VPN_STRATEGIES;
/** The strategies that dial IKEv2 (first or only): a pre-shared key is IKEv2's, not L2TP's. */
export const IKEV2_STRATEGIES: readonly number[] = [
  VPN_STRATEGIES.ikev2Only,
  VPN_STRATEGIES.ikev2First,
  VPN_STRATEGIES.ikev2Sstp,
];

/** The strategy's name; undefined for a value ras.h does not define (it is kept as it is). */
export function vpnStrategyName(code: number): VpnStrategyName | undefined {
  return (Object.keys(VPN_STRATEGIES) as VpnStrategyName[]).find(
    (name) => VPN_STRATEGIES[name] === code,
  );
}

export interface EntrySettings {
  /** VpnStrategy: a VS_ value, any of them (0 automatic, 7 IKEv2 only, 14 IKEv2 then SSTP …). */
  vpnStrategy: number;
  /** DataEncryption: 0 none, 8 optional, 256 required, 512 maximum; another value is kept. */
  encryption: number;
  /** The sign-in protocols allowed besides EAP (AuthRestrictions bits). */
  authProtocols: AuthProtocol[];
  /**
   * Hang up after this many idle seconds; 0 = the global setting (RASIDS_UseGlobalValue),
   * 0xFFFFFFFF = never (RASIDS_Disabled, -1 in the file).
   */
  idleDisconnectSeconds: number;
  showProgress: boolean;
  promptCredentials: boolean;
  promptPhoneNumber: boolean;
  includeLogonDomain: boolean;
  /** AutoLogon: sign in with the Windows logon name and password. */
  useWindowsLogon: boolean;
  ipv4: boolean;
  ipv6: boolean;
  /** Up to two IPv4 DNS servers; none = assigned by the server. */
  dnsServers: string[];
  /** IpDnsSuffix: this connection's DNS suffix. */
  dnsSuffix: string;
  /** IpDnsFlags: register this connection's addresses in DNS. */
  registerInDns: boolean;
  /** Send all traffic through the connection (full tunnel). */
  useRemoteGateway: boolean;
  /** IpInterfaceMetric / Ipv6InterfaceMetric; 0 = automatic metric. */
  ipv4Metric: number;
  ipv6Metric: number;
  /** DisableClassBasedDefaultRoute: no class-based route for the assigned address. */
  disableClassBasedRoute: boolean;
  /** L2TP or IKEv2 signs in with a pre-shared key (the key itself is a credential, never here). */
  usePreSharedKey: boolean;
  /** IKEv2 mobility (DisableMobility inverted) and the network outage time it waits, in seconds. */
  ikev2Mobility: boolean;
  networkOutageSeconds: number;
}

export const defaultSettings: EntrySettings = {
  vpnStrategy: VPN_STRATEGIES.automatic,
  encryption: DATA_ENCRYPTION.required,
  authProtocols: ['mschapv2'],
  idleDisconnectSeconds: 0,
  showProgress: true,
  promptCredentials: true,
  promptPhoneNumber: false,
  includeLogonDomain: false,
  useWindowsLogon: false,
  ipv4: true,
  ipv6: true,
  dnsServers: [],
  dnsSuffix: '',
  registerInDns: false,
  useRemoteGateway: true,
  ipv4Metric: 0,
  ipv6Metric: 0,
  disableClassBasedRoute: false,
  usePreSharedKey: false,
  ikev2Mobility: true,
  networkOutageSeconds: 1800,
};

// AuthRestrictions (MS-RRASM §2.2.2.2.58): PAP 0x8, MD5-CHAP 0x20, MS-CHAP v2 0x200. EAP (0x80)
// goes with the EAP type (entry.ts); SPAP, MS-CHAP, the IKEv2 machine-certificate bit and the
// bits the model does not know are kept as they are.
export const AUTH_BITS: Record<AuthProtocol, number> = { pap: 0x8, chap: 0x20, mschapv2: 0x200 };
export const AUTH_EAP = 0x80;
export const AUTH_IKEV2_PSK = 0x1000;
// IpSecFlags bit 0x1: L2TP uses a pre-shared key instead of a certificate.
export const IPSEC_USE_PSK = 0x1;
// IpDnsFlags bit 0x1: register the connection's addresses in DNS.
export const DNS_REGISTER = 0x1;
const EXCLUDE_IPV4 = 0x4;
const EXCLUDE_IPV6 = 0x8;
const NO_ADDRESS = '0.0.0.0';

export const int = (value: string | undefined, fallback: number): number => {
  const n = Number.parseInt(value?.trim() ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};
/** A DWORD as Windows writes it into the file: signed, so 0xFFFFFFFF stands there as -1. */
export const dword = (value: string | undefined, fallback: number): number =>
  int(value, fallback) >>> 0;
const bool = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value.trim() === '1';
export const flag = (b: boolean): string => (b ? '1' : '0');
const bits = (current: string | undefined, fallback: number, mask: number, set: number): string =>
  String(((int(current, fallback) & ~mask) | set) >>> 0);

export type KeyReader = (key: string) => string | undefined;

/**
 * One setting stored in entry-level keys: how to read it, and the key lines that say a new
 * value (given what the file holds now). A key is written only when its setting changed.
 */
interface SettingField<K extends keyof EntrySettings> {
  field: K;
  /** The keys it reads and writes. */
  keys: readonly string[];
  read(get: KeyReader): EntrySettings[K];
  write(value: EntrySettings[K], get: KeyReader): [string, string][];
}

function simple<K extends keyof EntrySettings>(
  field: K,
  key: string,
  read: (v: string | undefined) => EntrySettings[K],
  write: (value: EntrySettings[K]) => string,
): SettingField<K> {
  return {
    field,
    keys: [key],
    read: (get) => read(get(key)),
    write: (value) => [[key, write(value)]],
  };
}

/** One bit of a bit-set key; `onWhenSet` false for a bit that excludes (ExcludedProtocols). */
function bitKey<K extends keyof EntrySettings>(
  field: K,
  key: string,
  bit: number,
  onWhenSet: boolean,
): SettingField<K> {
  return {
    field,
    keys: [key],
    read: (get) => (((int(get(key), 0) & bit) !== 0) === onWhenSet) as EntrySettings[K],
    write: (value, get) => [
      [key, bits(get(key), 0, bit, (value as boolean) === onWhenSet ? bit : 0)],
    ],
  };
}

const boolKey = <K extends keyof EntrySettings>(
  field: K,
  key: string,
  fallback: boolean,
  inverted = false,
): SettingField<K> =>
  simple(
    field,
    key,
    (v) => (bool(v, inverted ? !fallback : fallback) !== inverted) as EntrySettings[K],
    (value) => flag((value as boolean) !== inverted),
  );

const dwordKey = <K extends keyof EntrySettings>(
  field: K,
  key: string,
  fallback: number,
): SettingField<K> =>
  simple(
    field,
    key,
    (v) => dword(v, fallback) as EntrySettings[K],
    (value) => String((value as number) | 0),
  );

const SETTING_FIELDS: SettingField<keyof EntrySettings>[] = [
  dwordKey('vpnStrategy', 'VpnStrategy', 0),
  dwordKey('encryption', 'DataEncryption', DATA_ENCRYPTION.required),
  {
    field: 'authProtocols',
    keys: ['AuthRestrictions'],
    read: (get) =>
      AUTH_PROTOCOLS.filter((p) => (int(get('AuthRestrictions'), 0) & AUTH_BITS[p]) !== 0),
    write: (value, get) => {
      const set = (value as AuthProtocol[]).reduce((b, p) => b | AUTH_BITS[p], 0);
      const mask = AUTH_PROTOCOLS.reduce((b, p) => b | AUTH_BITS[p], 0);
      return [['AuthRestrictions', bits(get('AuthRestrictions'), 0, mask, set)]];
    },
  },
  dwordKey('idleDisconnectSeconds', 'IdleDisconnectSeconds', 0),
  boolKey('showProgress', 'ShowDialingProgress', true),
  boolKey('promptCredentials', 'PreviewUserPw', true),
  boolKey('promptPhoneNumber', 'PreviewPhoneNumber', false),
  boolKey('includeLogonDomain', 'PreviewDomain', false),
  boolKey('useWindowsLogon', 'AutoLogon', false),
  bitKey('ipv4', 'ExcludedProtocols', EXCLUDE_IPV4, false),
  bitKey('ipv6', 'ExcludedProtocols', EXCLUDE_IPV6, false),
  {
    field: 'dnsServers',
    keys: ['IpNameAssign', 'IpDnsAddress', 'IpDns2Address'],
    read: (get) =>
      int(get('IpNameAssign'), 1) === 2
        ? [get('IpDnsAddress'), get('IpDns2Address')].filter(
            (a): a is string => !!a && a !== NO_ADDRESS,
          )
        : [],
    write: (value) => {
      const servers = value as string[];
      return servers.length > 0
        ? [
            ['IpDnsAddress', servers[0]!],
            ['IpDns2Address', servers[1] ?? NO_ADDRESS],
            ['IpNameAssign', '2'],
          ]
        : [['IpNameAssign', '1']];
    },
  },
  simple(
    'dnsSuffix',
    'IpDnsSuffix',
    (v) => v ?? '',
    (value) => value as string,
  ),
  bitKey('registerInDns', 'IpDnsFlags', DNS_REGISTER, true),
  boolKey('useRemoteGateway', 'IpPrioritizeRemote', true),
  dwordKey('ipv4Metric', 'IpInterfaceMetric', 0),
  dwordKey('ipv6Metric', 'Ipv6InterfaceMetric', 0),
  boolKey('disableClassBasedRoute', 'DisableClassBasedDefaultRoute', false),
  {
    field: 'usePreSharedKey',
    keys: ['IpSecFlags', 'AuthRestrictions'],
    read: (get) =>
      (int(get('IpSecFlags'), 0) & IPSEC_USE_PSK) !== 0 ||
      (int(get('AuthRestrictions'), 0) & AUTH_IKEV2_PSK) !== 0,
    write: (value, get) => {
      // L2TP keeps the choice in IpSecFlags, IKEv2 in AuthRestrictions: turning it off clears
      // both; turning it on sets the one the entry's strategy uses (IpSecFlags when unsure).
      if (!value)
        return [
          ...(get('IpSecFlags') !== undefined
            ? [['IpSecFlags', bits(get('IpSecFlags'), 0, IPSEC_USE_PSK, 0)] as [string, string]]
            : []),
          ...(get('AuthRestrictions') !== undefined
            ? [
                ['AuthRestrictions', bits(get('AuthRestrictions'), 0, AUTH_IKEV2_PSK, 0)] as [
                  string,
                  string,
                ],
              ]
            : []),
        ];
      const ikev2 = IKEV2_STRATEGIES.includes(int(get('VpnStrategy'), 0));
      return ikev2
        ? [['AuthRestrictions', bits(get('AuthRestrictions'), 0, AUTH_IKEV2_PSK, AUTH_IKEV2_PSK)]]
        : [['IpSecFlags', bits(get('IpSecFlags'), 0, IPSEC_USE_PSK, IPSEC_USE_PSK)]];
    },
  },
  boolKey('ikev2Mobility', 'DisableMobility', true, true),
  dwordKey('networkOutageSeconds', 'NetworkOutageTime', defaultSettings.networkOutageSeconds),
];

export function readSettings(get: KeyReader): EntrySettings {
  const out: Partial<Record<keyof EntrySettings, unknown>> = {};
  for (const f of SETTING_FIELDS) out[f.field] = f.read(get);
  return out as EntrySettings;
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => x === b[i])
    : a === b;
}

/**
 * The key lines to write for the settings that differ between `before` and `after`, computed
 * against the values the file holds (`get`, which sees earlier writes of the same call).
 * Nothing is returned for a setting that did not change, so an untouched entry stays as it is.
 */
export function changedSettingKeys(
  before: EntrySettings,
  after: EntrySettings,
  get: KeyReader,
): [string, string][] {
  const pending = new Map<string, string>();
  const current: KeyReader = (key) => (pending.has(key) ? pending.get(key) : get(key));
  for (const f of SETTING_FIELDS)
    if (!same(before[f.field], after[f.field]))
      for (const [key, value] of f.write(after[f.field], current)) pending.set(key, value);
  return [...pending];
}

/** Every key a setting of the model reads or writes (for the "other settings" list). */
export const SETTING_KEYS: readonly string[] = [...new Set(SETTING_FIELDS.flatMap((f) => f.keys))];

/** The keys a new entry gets for its settings, in full (newSection). */
export function allSettingKeys(s: EntrySettings): Map<string, string> {
  const pending = new Map<string, string>();
  const current: KeyReader = (key) => pending.get(key);
  for (const f of SETTING_FIELDS)
    for (const [key, value] of f.write(s[f.field], current)) pending.set(key, value);
  return pending;
}
