// What the simulated server agrees on with an entry (the README's table of the simulated
// server's rules): which tunnel of the entry's VPN strategy answers, the sign-in protocol, the
// encryption and compression, the addresses of the port the call came in on, DNS servers and
// the tunnel's endpoints. Pure and deterministic: the same entry on the same port always gets
// the same details, so a person can predict them and a test can name them.

import { isIP, isIPv6 } from 'node:net';
import type { ConnectionDetails } from '../../../app/ras/dial-types';
import { RasErrorCode as E } from '../../../app/ras/errors';
import type { DialedEntry } from './connection-service';

export type Tunnel = 'pptp' | 'l2tp' | 'sstp' | 'ikev2' | 'gre';

/** RasGetProjectionInfoEx before RASCS_Projected (raserror.h, WINVER < 0x600 only). */
export const ERROR_PROJECTION_NOT_COMPLETE = 730;
/** The one tunnel the strategy allows got no answer. */
export const ERROR_VPN_TIMEOUT = 809;
/** The server accepts none of the sign-in protocols the entry allows. */
export const ERROR_SERVER_POLICY = 812;

/** The server's side of every link, and the first client address (10.64.0.(100 + port)). */
export const SERVER_IPV4 = '10.64.0.1';
export const SERVER_IPV6 = 'fd00:64::1';
const CLIENT_HOST_BASE = 100;
/** This computer's side of a tunnel (documentation ranges, RFC 5737 / RFC 3849). */
export const LOCAL_ENDPOINT_IPV4 = '192.0.2.10';
export const LOCAL_ENDPOINT_IPV6 = '2001:db8::10';

/**
 * The order each VpnStrategy (VS_ value) tries the tunnels in, as the Windows 7+ client does:
 * automatic IKEv2, SSTP, PPTP, L2TP (Windows 7 Resource Kit); "X first" as the CMAK help lists
 * them; 12–14 as ras.h says ("followed only by SSTP"). A protocol list (15) and values ras.h
 * does not define dial as automatic.
 */
const STRATEGY_TUNNELS: Record<number, readonly Tunnel[]> = {
  0: ['ikev2', 'sstp', 'pptp', 'l2tp'],
  1: ['pptp'],
  2: ['pptp', 'ikev2', 'sstp', 'l2tp'],
  3: ['l2tp'],
  4: ['l2tp', 'ikev2', 'pptp', 'sstp'],
  5: ['sstp'],
  6: ['sstp', 'ikev2', 'pptp', 'l2tp'],
  7: ['ikev2'],
  8: ['ikev2', 'pptp', 'sstp', 'l2tp'],
  9: ['gre'],
  12: ['pptp', 'sstp'],
  13: ['l2tp', 'sstp'],
  14: ['ikev2', 'sstp'],
};

export function strategyTunnels(vpnStrategy: number): readonly Tunnel[] {
  return STRATEGY_TUNNELS[vpnStrategy] ?? STRATEGY_TUNNELS[0]!;
}

const ALL_TUNNELS: readonly Tunnel[] = ['pptp', 'l2tp', 'sstp', 'ikev2', 'gre'];

/**
 * The tunnels a host answers: behind a firewall that lets only TCP 443 through, SSTP alone;
 * behind one that lets only IPsec (UDP 500 and 4500) through, IKEv2 and L2TP.
 */
export function tunnelsAnswered(host: string): readonly Tunnel[] {
  const h = host.trim().toLowerCase();
  if (h.startsWith('tcp443.')) return ['sstp'];
  if (h.startsWith('ipsec.')) return ['ikev2', 'l2tp'];
  return ALL_TUNNELS;
}

export type TunnelChoice =
  /** `unanswered`: how many tunnels were tried in vain before this one (each costs a try). */
  | { ok: true; tunnel: Tunnel | null; unanswered: number }
  | { ok: false; error: number; tried: number };

/** Which tunnel the entry ends on: the first of its strategy's that the host answers. */
export function chooseTunnel(entry: DialedEntry, destination: string): TunnelChoice {
  if (entry.type !== 'vpn') return { ok: true, tunnel: null, unanswered: 0 };
  const order = strategyTunnels(entry.negotiation.vpnStrategy);
  const answered = tunnelsAnswered(destination);
  const at = order.findIndex((t) => answered.includes(t));
  if (at >= 0) return { ok: true, tunnel: order[at]!, unanswered: at };
  // One tunnel that never answers times out; several that all fail are "automatic VPN failed".
  return {
    ok: false,
    error: order.length === 1 ? ERROR_VPN_TIMEOUT : E.ERROR_AUTOMATIC_VPN_FAILED,
    tried: order.length,
  };
}

type Authentication = NonNullable<ConnectionDetails['authentication']>;

// RASPPPLCP dwAuthenticationProtocol (the CHAP variants differ in dwAuthenticationData).
const RASLCPAP_PAP = 0xc023;
const RASLCPAP_SPAP = 0xc027;
const RASLCPAP_CHAP = 0xc223;
const RASLCPAP_EAP = 0xc227;
// RASIKEV2_PROJECTION_INFO dwAuthenticationProtocol.
const RASIKEV2_AUTH_MACHINECERTIFICATES = 1;
const RASIKEV2_AUTH_EAP = 2;
const RASIKEV2_AUTH_PSK = 3;
/** EAP-MSCHAPv2: how IKEv2 signs in with a user name and password. */
const EAP_MSCHAPV2 = 26;
// AuthRestrictions bits (MS-RRASM §2.2.2.2.58).
const AUTH_MACHINE_CERTIFICATE = 0x800;
const AUTH_IKEV2_PSK = 0x1000;

/** The PPP sign-in protocols, strongest first, with the AuthRestrictions bits that allow each. */
const PPP_AUTH: readonly [bits: number, protocol: Authentication['protocol'], code: number][] = [
  [0x200, 'ms-chap-v2', RASLCPAP_CHAP],
  [0x40 | 0x400, 'ms-chap', RASLCPAP_CHAP],
  [0x20, 'chap-md5', RASLCPAP_CHAP],
  [0x10, 'spap', RASLCPAP_SPAP],
  [0x8, 'pap', RASLCPAP_PAP],
];

/** The sign-in the server agrees on: the strongest the entry allows; null when there is none. */
export function negotiatedAuthentication(
  entry: DialedEntry,
  tunnel: Tunnel | null,
): Authentication | null {
  const bits = entry.negotiation.authRestrictions;
  if (tunnel === 'gre') return null;
  if (tunnel === 'ikev2') {
    if (entry.eapTypeId > 0)
      return { protocol: 'eap', code: RASIKEV2_AUTH_EAP, eapType: entry.eapTypeId };
    if (bits & AUTH_MACHINE_CERTIFICATE)
      return { protocol: 'certificate', code: RASIKEV2_AUTH_MACHINECERTIFICATES, eapType: null };
    // IKEv2 with a pre-shared key (RASIKEv2_AUTH_PSK).
    if (bits & AUTH_IKEV2_PSK) return { protocol: 'psk', code: RASIKEV2_AUTH_PSK, eapType: null };
    return { protocol: 'eap', code: RASIKEV2_AUTH_EAP, eapType: EAP_MSCHAPV2 };
  }
  if (entry.eapTypeId > 0) return { protocol: 'eap', code: RASLCPAP_EAP, eapType: entry.eapTypeId };
  const found = PPP_AUTH.find(([allowed]) => (bits & allowed) !== 0);
  return found ? { protocol: found[1], code: found[2], eapType: null } : null;
}

/** Whether the server accepts a sign-in the entry allows (else the dial fails with 812); GRE signs nobody in. */
export function signInAgreed(entry: DialedEntry, tunnel: Tunnel | null): boolean {
  return tunnel === 'gre' || negotiatedAuthentication(entry, tunnel) !== null;
}

// RASPPPCCP dwOptions, RASPPPLCP dwOptions (L2TP's IPsec) and IPSEC_CIPHER_TYPE (IKEv2).
const RASCCPO_ENCRYPTION_128BIT = 0x40;
const RASLCPO_AES_256 = 0x40;
const IPSEC_CIPHER_TYPE_AES_256 = 5;
const DATA_ENCRYPTION_NONE = 0;
const NOT_ENCRYPTED = { method: 'none', bits: 0, code: 0 } as const;

/**
 * MPPE 128 on a PPP link that may or must encrypt (40 and 56 bits are never chosen); L2TP and
 * IKEv2 encrypt with AES 256 in IPsec. SSTP's encryption is TLS's, outside PPP: the projection
 * carries none, so none is reported (null), which is not "unencrypted".
 */
function negotiatedEncryption(
  entry: DialedEntry,
  tunnel: Tunnel | null,
): ConnectionDetails['encryption'] {
  if (tunnel === 'ikev2') return { method: 'aes', bits: 256, code: IPSEC_CIPHER_TYPE_AES_256 };
  if (tunnel === 'sstp') return null;
  if (tunnel === 'gre' || entry.negotiation.dataEncryption === DATA_ENCRYPTION_NONE)
    return { ...NOT_ENCRYPTED };
  if (tunnel === 'l2tp') return { method: 'aes', bits: 256, code: RASLCPO_AES_256 };
  return { method: 'mppe', bits: 128, code: RASCCPO_ENCRYPTION_128BIT };
}

const MINIPORT: Record<Tunnel, string> = {
  pptp: 'WAN Miniport (PPTP)',
  l2tp: 'WAN Miniport (L2TP)',
  sstp: 'WAN Miniport (SSTP)',
  ikev2: 'WAN Miniport (IKEv2)',
  gre: 'WAN Miniport (GRE)',
};

/** The device a connection runs over: a VPN's is the miniport of the tunnel that answered. */
export function connectionDevice(
  entry: DialedEntry,
  tunnel: Tunnel | null,
): { type: string; name: string } {
  return tunnel
    ? { type: 'vpn', name: MINIPORT[tunnel] }
    : { type: entry.deviceType, name: entry.deviceName };
}

/** FNV-1a: a host name's fixed place in 198.51.100.0/24, the same in every program and run. */
function hostAddress(host: string): string {
  let hash = 0x811c9dc5;
  for (const ch of host.trim().toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `198.51.100.${1 + (hash % 254)}`;
}

/** A tunnel's outer addresses; dial-up, direct and PPPoE links are not carried over IP. */
function endpoints(entry: DialedEntry, destination: string): ConnectionDetails['endpoints'] {
  if (entry.type !== 'vpn') return { local: null, remote: null };
  const host = destination.trim().replace(/^\[(.*)\]$/, '$1');
  const remote = isIP(host) ? host : hostAddress(host);
  return { local: isIPv6(remote) ? LOCAL_ENDPOINT_IPV6 : LOCAL_ENDPOINT_IPV4, remote };
}

export interface LinkInput {
  entry: DialedEntry;
  destination: string;
  /** The server's port the call came in on, 1 to 8. */
  port: number;
  tunnel: Tunnel | null;
}

/** What the server and the entry agreed on for a link that got as far as its projection. */
export function connectionDetails({
  entry,
  destination,
  port,
  tunnel,
}: LinkInput): ConnectionDetails {
  const n = entry.negotiation;
  const ikev2 = tunnel === 'ikev2';
  const host = CLIENT_HOST_BASE + port;
  const ppp = tunnel !== 'ikev2' && tunnel !== 'gre';
  return {
    projection: ikev2 ? 'ikev2' : 'ppp',
    tunnel,
    ipv4: n.ipv4 ? { client: n.staticIpv4 ?? `10.64.0.${host}`, server: SERVER_IPV4 } : null,
    ipv6: !n.ipv6
      ? null
      : ikev2
        ? {
            client: n.staticIpv6?.address ?? `fd00:64::${host}`,
            server: SERVER_IPV6,
            prefixLength: n.staticIpv6?.prefixLength ?? 64,
          }
        : // PPP's IPV6CP agrees on interface identifiers only, shown as link-local addresses.
          { client: `fe80::10:64:0:${host}`, server: 'fe80::10:64:0:1', prefixLength: null },
    dnsServers: [
      ...(n.ipv4 ? (n.dnsServers.length > 0 ? n.dnsServers : [SERVER_IPV4]) : []),
      ...(n.ipv6 ? (n.ipv6DnsServers.length > 0 ? n.ipv6DnsServers : [SERVER_IPV6]) : []),
    ],
    authentication: negotiatedAuthentication(entry, tunnel),
    encryption: negotiatedEncryption(entry, tunnel),
    compression: ppp && n.softwareCompression ? 'mppc' : null,
    multilink: false,
    ikev2Flags: ikev2 ? { mobike: n.mobility, behindNat: false, serverBehindNat: false } : null,
    device: connectionDevice(entry, tunnel),
    endpoints: endpoints(entry, destination),
  };
}
