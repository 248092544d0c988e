// RasGetProjectionInfoEx's RAS_PROJECTION_INFO and RASCONNSTATUS's device and endpoints, read
// from their bytes by the offsets of struct-layout.ts, turned into the ConnectionDetails the
// window shows. Pure: the tests build the bytes by the SDK's layout.
// Numbers: the Windows SDK's ras.h (RASLCPAP_*, RASLCPAD_*, RASLCPO_*, RASCCPCA_*, RASCCPO_*,
// RASIKEv2_FLAGS_*, RASIKEv2_AUTH_*), ipsectypes.h (IPSEC_CIPHER_TYPE, the values of
// RASIKEV2_PROJECTION_INFO.dwEncryptionMethod) and raserror.h (731).

import type { ConnectionDetails } from '../../../app/ras/dial-types';
import { interfaceIdText, ipv4Text, ipv6Text, isZero } from './ip-text';
import { computeLayout, STRUCT_BY_NAME, type Arch } from './struct-layout';

export const RASAPIVERSION_601 = 4;
export const PROJECTION_INFO_TYPE_PPP = 1;
export const PROJECTION_INFO_TYPE_IKEV2 = 2;
/** ERROR_PROTOCOL_NOT_CONFIGURED: the entry did not ask for this protocol, so none was tried. */
const ERROR_PROTOCOL_NOT_CONFIGURED = 731;

type Details = ConnectionDetails;
type Authentication = NonNullable<Details['authentication']>;
type Encryption = NonNullable<Details['encryption']>;

/** RASCONNSTATUSW's part the details need, as decoded (endpoints: RASTUNNELENDPOINT). */
export interface StatusForDetails {
  deviceType: string;
  deviceName: string;
  localEndPoint: { dwType: number; addr: Uint8Array };
  remoteEndPoint: { dwType: number; addr: Uint8Array };
}

/** One struct's members read from `buffer` at `base`: numbers for DWORDs, bytes for the rest. */
function reader(name: string, buffer: Buffer, base: number, arch: Arch) {
  const { offsets } = computeLayout(STRUCT_BY_NAME.get(name)!, arch);
  return {
    u32: (field: string) => buffer.readUInt32LE(base + offsets[field]!),
    bytes: (field: string, length: number) =>
      buffer.subarray(base + offsets[field]!, base + offsets[field]! + length),
  };
}

const ipv4OrError = (error: number, client: Uint8Array, server: Uint8Array): Details['ipv4'] => {
  if (error === ERROR_PROTOCOL_NOT_CONFIGURED) return null;
  if (error !== 0) return { error };
  return { client: ipv4Text(client), server: isZero(server) ? null : ipv4Text(server) };
};

/**
 * IPv6 as ipv4OrError: null when not asked for, the error, else the two sides as `text` writes
 * them (PPP's 8-byte interface identifiers, IKEv2's 16-byte addresses).
 */
const ipv6OrError = (
  error: number,
  client: Uint8Array,
  server: Uint8Array,
  text: (bytes: Uint8Array) => string,
  prefixLength: number | null,
): Details['ipv6'] => {
  if (error === ERROR_PROTOCOL_NOT_CONFIGURED) return null;
  if (error !== 0) return { error };
  return { client: text(client), server: isZero(server) ? null : text(server), prefixLength };
};

// RASLCPAP_* with, for CHAP, RASLCPAD_* (the CHAP variant) in dwAuthenticationData.
const CHAP_VARIANTS: Record<number, Authentication['protocol']> = {
  0x05: 'chap-md5',
  0x80: 'ms-chap',
  0x81: 'ms-chap-v2',
};
function pppAuthentication(protocol: number, data: number, eapType: number): Authentication | null {
  if (protocol === 0) return null;
  const name: Authentication['protocol'] =
    protocol === 0xc023
      ? 'pap'
      : protocol === 0xc027
        ? 'spap'
        : protocol === 0xc223
          ? (CHAP_VARIANTS[data] ?? 'unknown')
          : protocol === 0xc227
            ? 'eap'
            : 'unknown';
  return { protocol: name, code: protocol, eapType: name === 'eap' ? eapType : null };
}

// RASIKEv2_AUTH_MACHINECERTIFICATES 1, _EAP 2, _PSK 3.
function ikev2Authentication(protocol: number, eapType: number): Authentication | null {
  if (protocol === 0) return null;
  const name: Authentication['protocol'] =
    protocol === 1 ? 'certificate' : protocol === 2 ? 'eap' : protocol === 3 ? 'psk' : 'unknown';
  return { protocol: name, code: protocol, eapType: name === 'eap' ? eapType : null };
}

// RASCCPO_Encryption128bit / 56bit / 40bit: MPPE's strength in CCP's options.
const MPPE_BITS: [number, number][] = [
  [0x40, 128],
  [0x10, 56],
  [0x20, 40],
];
// RASLCPO_*: the IPsec cipher under an L2TP link, strongest first.
const LCP_CIPHERS: [number, Encryption['method'], number][] = [
  [0x400, 'aes-gcm', 256],
  [0x200, 'aes-gcm', 192],
  [0x100, 'aes-gcm', 128],
  [0x40, 'aes', 256],
  [0x80, 'aes', 192],
  [0x20, 'aes', 128],
  [0x10, '3des', 168],
  [0x08, 'des', 56],
];
// IPSEC_CIPHER_TYPE: DES 1, 3DES 2, AES_128 3, AES_192 4, AES_256 5.
const IPSEC_CIPHERS: Record<number, [Encryption['method'], number]> = {
  1: ['des', 56],
  2: ['3des', 168],
  3: ['aes', 128],
  4: ['aes', 192],
  5: ['aes', 256],
};

function pppEncryption(
  ccpError: number,
  ccpOptions: number,
  lcpOptions: number,
  tunnel: Details['tunnel'],
): Encryption | null {
  if (ccpError === 0) {
    const mppe = MPPE_BITS.find(([bit]) => (ccpOptions & bit) !== 0);
    if (mppe) return { method: 'mppe', bits: mppe[1], code: ccpOptions };
  }
  const cipher = LCP_CIPHERS.find(([bit]) => (lcpOptions & bit) !== 0);
  if (cipher) return { method: cipher[1], bits: cipher[2], code: lcpOptions };
  // SSTP's TLS encrypts outside PPP, where neither CCP nor LCP reports it.
  if (tunnel === 'sstp') return null;
  return { method: 'none', bits: 0, code: 0 };
}

function ikev2Encryption(method: number): Encryption {
  if (method === 0) return { method: 'none', bits: 0, code: 0 };
  const known = IPSEC_CIPHERS[method];
  return known
    ? { method: known[0], bits: known[1], code: method }
    : { method: 'unknown', bits: 0, code: method };
}

/** RASCCPCA_MPPC 6, RASCCPCA_STAC 5: the algorithm compresses only with RASCCPO_Compression. */
function compression(ccpError: number, algorithm: number, options: number): Details['compression'] {
  if (ccpError !== 0 || (options & 0x1) === 0) return null;
  return algorithm === 6 ? 'mppc' : algorithm === 5 ? 'stac' : null;
}

/** The miniport RASCONNSTATUS names ("WAN Miniport (SSTP)") says which PPP tunnel won. */
export function tunnelOf(projection: Details['projection'], deviceName: string): Details['tunnel'] {
  if (projection === 'ikev2') return 'ikev2';
  const match = /\((PPTP|L2TP|SSTP|GRE)\)/i.exec(deviceName);
  return match ? (match[1]!.toLowerCase() as Details['tunnel']) : null;
}

/** RASTUNNELENDPOINT: RASTUNNELENDPOINT_IPv4 1, _IPv6 2, _UNKNOWN 0 (none). */
export function endpointText(endpoint: { dwType: number; addr: Uint8Array }): string | null {
  if (endpoint.dwType === 1) return ipv4Text(endpoint.addr);
  if (endpoint.dwType === 2) return ipv6Text(endpoint.addr);
  return null;
}

export class UnknownProjectionError extends Error {
  constructor(readonly type: number) {
    super(`RasGetProjectionInfoEx gave a projection of type ${type}, which this app cannot read.`);
  }
}

/** RAS_PROJECTION_INFO's bytes (its arrays may follow) + RASCONNSTATUS + the adapter's DNS. */
export function toConnectionDetails(
  buffer: Buffer,
  status: StatusForDetails,
  dnsServers: string[],
  arch: Arch,
): ConnectionDetails {
  const info = reader('RAS_PROJECTION_INFO', buffer, 0, arch);
  const type = info.u32('type');
  const base = computeLayout(STRUCT_BY_NAME.get('RAS_PROJECTION_INFO')!, arch).offsets.projection!;
  const common = {
    dnsServers,
    device: { type: status.deviceType, name: status.deviceName },
    endpoints: {
      local: endpointText(status.localEndPoint),
      remote: endpointText(status.remoteEndPoint),
    },
  };
  if (type === PROJECTION_INFO_TYPE_PPP) {
    const p = reader('RASPPP_PROJECTION_INFO', buffer, base, arch);
    const tunnel = tunnelOf('ppp', status.deviceName);
    return {
      projection: 'ppp',
      tunnel,
      ipv4: ipv4OrError(
        p.u32('dwIPv4NegotiationError'),
        p.bytes('ipv4Address', 4),
        p.bytes('ipv4ServerAddress', 4),
      ),
      ipv6: ipv6OrError(
        p.u32('dwIPv6NegotiationError'),
        p.bytes('bInterfaceIdentifier', 8),
        p.bytes('bServerInterfaceIdentifier', 8),
        interfaceIdText,
        null,
      ),
      authentication: pppAuthentication(
        p.u32('dwAuthenticationProtocol'),
        p.u32('dwAuthenticationData'),
        p.u32('dwEapTypeId'),
      ),
      encryption: pppEncryption(
        p.u32('dwCcpError'),
        p.u32('dwCcpOptions'),
        p.u32('dwLcpOptions'),
        tunnel,
      ),
      compression: compression(
        p.u32('dwCcpError'),
        p.u32('dwCcpCompressionAlgorithm'),
        p.u32('dwCcpOptions'),
      ),
      multilink: p.u32('fMultilink') !== 0,
      ikev2Flags: null,
      ...common,
    };
  }
  if (type === PROJECTION_INFO_TYPE_IKEV2) {
    const k = reader('RASIKEV2_PROJECTION_INFO', buffer, base, arch);
    const flags = k.u32('dwFlags');
    return {
      projection: 'ikev2',
      tunnel: 'ikev2',
      ipv4: ipv4OrError(
        k.u32('dwIPv4NegotiationError'),
        k.bytes('ipv4Address', 4),
        k.bytes('ipv4ServerAddress', 4),
      ),
      ipv6: ipv6OrError(
        k.u32('dwIPv6NegotiationError'),
        k.bytes('ipv6Address', 16),
        k.bytes('ipv6ServerAddress', 16),
        ipv6Text,
        k.u32('dwPrefixLength'),
      ),
      authentication: ikev2Authentication(k.u32('dwAuthenticationProtocol'), k.u32('dwEapTypeId')),
      encryption: ikev2Encryption(k.u32('dwEncryptionMethod')),
      compression: null,
      multilink: false,
      ikev2Flags: {
        mobike: (flags & 0x1) !== 0,
        behindNat: (flags & 0x2) !== 0,
        serverBehindNat: (flags & 0x4) !== 0,
      },
      ...common,
    };
  }
  throw new UnknownProjectionError(type);
}
