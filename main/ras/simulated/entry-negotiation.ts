// What the simulated server needs of an entry to agree on a link with it: its VPN strategy,
// sign-in protocols, encryption, compression and IP settings, read from the entry's pbk keys
// (shared/ras-reference.md §8.3). The rules that use them are in connection-details.ts.

import { isIPv4, isIPv6 } from 'node:net';
import type { PbkSection } from '../../../app/phonebook/pbk-codec';
import { entryBlocks, findKey } from '../../../app/phonebook/pbk-blocks';
import { int, readSettings, type KeyReader } from '../../../app/phonebook/entry-settings';

export interface EntryNegotiation {
  /** VpnStrategy: a VS_ value. */
  vpnStrategy: number;
  /** AuthRestrictions bits (PAP 0x8 … IKEv2 pre-shared key 0x1000). */
  authRestrictions: number;
  /** DataEncryption: 0 none, 8 optional, 256 required, 512 maximum. */
  dataEncryption: number;
  /** SwCompression=1. */
  softwareCompression: boolean;
  /** ExcludedProtocols leaves IPv4 / IPv6 in. */
  ipv4: boolean;
  ipv6: boolean;
  /** IpAssign=2: the address the entry asks for. */
  staticIpv4: string | null;
  /** IpNameAssign=2: the entry's own IPv4 DNS servers. */
  dnsServers: string[];
  /** Ipv6Assign=2: the address and prefix length the entry asks for. */
  staticIpv6: { address: string; prefixLength: number } | null;
  /** Ipv6NameAssign=2: the entry's own IPv6 DNS servers. */
  ipv6DnsServers: string[];
  /** IKEv2 mobility (MOBIKE): DisableMobility inverted. */
  mobility: boolean;
}

/** Windows' own default, MS-CHAP v2 only: what a missing (or 0) AuthRestrictions stands for. */
export const DEFAULT_AUTH_RESTRICTIONS = 0x200;
/** IpAssign / Ipv6Assign / IpNameAssign / Ipv6NameAssign: 2 = the entry's own value. */
const SPECIFIC = 2;
const DEFAULT_IPV6_PREFIX = 64;

/** An entry with every key missing, as Windows fills it in (tests, hand-made dials). */
export const DEFAULT_NEGOTIATION: EntryNegotiation = negotiationFromKeys(() => undefined);

export function entryNegotiation(section: PbkSection): EntryNegotiation {
  const end = entryBlocks(section).entryEnd;
  return negotiationFromKeys((key) => {
    const at = findKey(section, key, 0, end);
    return at < 0 ? undefined : section.lines[at]!.value;
  });
}

export function negotiationFromKeys(get: KeyReader): EntryNegotiation {
  const settings = readSettings(get);
  const auth = int(get('AuthRestrictions'), 0) >>> 0;
  const ipv4Address = usable(get('IpAddress'), isIPv4);
  const ipv6Address = usable(get('Ipv6Address'), isIPv6);
  const prefix = int(get('Ipv6PrefixLength'), 0);
  return {
    vpnStrategy: settings.vpnStrategy,
    authRestrictions: auth === 0 ? DEFAULT_AUTH_RESTRICTIONS : auth,
    dataEncryption: settings.encryption,
    softwareCompression: get('SwCompression')?.trim() === '1',
    ipv4: settings.ipv4,
    ipv6: settings.ipv6,
    staticIpv4: int(get('IpAssign'), 1) === SPECIFIC ? ipv4Address : null,
    dnsServers: settings.dnsServers.filter((a) => isIPv4(a.trim())).map((a) => a.trim()),
    staticIpv6:
      int(get('Ipv6Assign'), 1) === SPECIFIC && ipv6Address
        ? {
            address: ipv6Address,
            prefixLength: prefix > 0 && prefix <= 128 ? prefix : DEFAULT_IPV6_PREFIX,
          }
        : null,
    ipv6DnsServers:
      int(get('Ipv6NameAssign'), 1) === SPECIFIC
        ? [get('Ipv6DnsAddress'), get('Ipv6Dns2Address')]
            .map((a) => usable(a, isIPv6))
            .filter((a): a is string => a !== null)
        : [],
    mobility: settings.ikev2Mobility,
  };
}

/** An address the key gives, or null for none, the unspecified one, or one not of the family. */
function usable(value: string | undefined, family: (a: string) => boolean): string | null {
  const a = value?.trim() ?? '';
  return a !== '' && a !== '0.0.0.0' && a !== '::' && family(a) ? a : null;
}
