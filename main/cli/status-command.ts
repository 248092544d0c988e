// `ras-connect status [ENTRY]`: what each active connection is doing and what was negotiated
// for it, read from the backend as rasdial users would from rasphone's status and Details
// pages — RasGetConnectStatus, RasGetConnectionStatistics and RasGetProjectionInfoEx on
// Windows, the shared simulated RAS service elsewhere.

import { describeState } from '../../app/ras/connection-state';
import type { ConnectionDetails } from '../../app/ras/dial-types';
import { EAP_METHODS } from '../../app/ras/eap-methods';
import { AppError, ERROR_INVALID_HANDLE, RasError, describeError } from '../../app/ras/errors';
import { bitsPerSecond, bytes, duration } from '../../app/units';
import type { RasBackend, RasConnectionInfo } from '../ras/backend';

/** One connection's status; the field names are what `--json` prints, kept stable for scripts. */
export interface ConnectionStatus {
  entry: string;
  phonebook: string;
  /** The RASCONNSTATE name without RASCS_ (`Connected`). */
  state: string;
  stateValue: number;
  connectedForMs: number;
  bytesSent: number;
  bytesReceived: number;
  speedBps: number;
  device: string;
  /** What was negotiated (addresses, DNS, tunnel, sign-in, cipher, endpoints); null: not known. */
  details: ConnectionDetails | null;
}

/**
 * The details, or null where the backend has none to give yet (730 before projection) or
 * cannot read them: the rest of the status still stands. A connection that is gone is.
 */
async function detailsOf(backend: RasBackend, handle: string): Promise<ConnectionDetails | null> {
  try {
    return await backend.getConnectionDetails(handle);
  } catch (error) {
    if (error instanceof RasError && error.code !== ERROR_INVALID_HANDLE) return null;
    throw error;
  }
}

/** The status of one connection, or null when it ended between the listing and the look. */
async function statusOf(
  backend: RasBackend,
  connection: RasConnectionInfo,
): Promise<ConnectionStatus | null> {
  try {
    const [status, statistics, details] = await Promise.all([
      backend.getConnectStatus(connection.handle),
      backend.getStatistics(connection.handle),
      detailsOf(backend, connection.handle),
    ]);
    return {
      entry: connection.entryName,
      phonebook: connection.phonebook,
      state: describeState(status.state).name,
      stateValue: status.state,
      connectedForMs: statistics.connectDuration,
      bytesSent: statistics.bytesXmited,
      bytesReceived: statistics.bytesRcved,
      speedBps: statistics.bps,
      device: connection.deviceName,
      details,
    };
  } catch (error) {
    if (error instanceof RasError && error.code === ERROR_INVALID_HANDLE) return null;
    throw error;
  }
}

/**
 * The active connections, or those of the named entry (any case, as the rest of the CLI);
 * a named entry that is not connected is a NOT_FOUND error.
 */
export async function readStatuses(
  backend: RasBackend,
  entry: string | undefined,
): Promise<ConnectionStatus[]> {
  const wanted = entry?.toLowerCase();
  const connections = (await backend.enumConnections()).filter(
    (c) => wanted === undefined || c.entryName.toLowerCase() === wanted,
  );
  const statuses = (await Promise.all(connections.map((c) => statusOf(backend, c)))).filter(
    (s): s is ConnectionStatus => s !== null,
  );
  if (entry !== undefined && statuses.length === 0)
    throw new AppError('NOT_FOUND', `You are not connected to "${entry}".`);
  return statuses;
}

export function statusJson(status: ConnectionStatus): string {
  return JSON.stringify({ event: 'status', ...status });
}

/** Bytes in words with the exact count, so a script reading text loses nothing. */
function byteCount(n: number): string {
  return `${bytes(n, 'en')} (${n.toLocaleString('en')} bytes)`;
}

const TUNNELS: Record<NonNullable<ConnectionDetails['tunnel']>, string> = {
  pptp: 'PPTP',
  l2tp: 'L2TP/IPsec',
  sstp: 'SSTP',
  ikev2: 'IKEv2',
  gre: 'GRE',
};
const AUTHENTICATION: Record<string, string> = {
  pap: 'PAP',
  spap: 'SPAP',
  'chap-md5': 'CHAP (MD5)',
  'ms-chap': 'MS-CHAP',
  'ms-chap-v2': 'MS-CHAP v2',
  eap: 'EAP',
  certificate: 'Machine certificate',
  psk: 'Pre-shared key',
};
const CIPHERS: Record<string, string> = {
  mppe: 'MPPE',
  des: 'DES',
  '3des': '3DES',
  aes: 'AES',
  'aes-gcm': 'AES-GCM',
};

function failed(code: number): string {
  return `failed: error ${code} ${describeError(code).name}`;
}

function authenticationText(auth: ConnectionDetails['authentication']): string {
  if (auth === null) return 'not negotiated';
  if (auth.protocol === 'unknown') return `code ${auth.code}`;
  if (auth.protocol !== 'eap' || auth.eapType === null) return AUTHENTICATION[auth.protocol]!;
  const method = EAP_METHODS[auth.eapType];
  return method ? `EAP (${method}, type ${auth.eapType})` : `EAP (type ${auth.eapType})`;
}

/** SSTP encrypts with TLS, outside PPP: its projection carries no cipher. */
function encryptionText({ encryption, tunnel }: ConnectionDetails): string {
  if (encryption === null) return tunnel === 'sstp' ? 'TLS (SSTP)' : 'not negotiated';
  if (encryption.method === 'unknown') return `code ${encryption.code}`;
  if (encryption.method === 'none' || encryption.bits === 0) return 'none (not encrypted)';
  return `${CIPHERS[encryption.method]} ${encryption.bits}-bit`;
}

/** The details as `Name: value` lines in the status block's columns. */
export function detailLines(details: ConnectionDetails): string[] {
  const lines: [string, string][] = [];
  if (details.tunnel) lines.push(['Tunnel', TUNNELS[details.tunnel]]);
  const { ipv4, ipv6 } = details;
  lines.push([
    'IPv4 address',
    ipv4 === null
      ? 'not negotiated'
      : 'error' in ipv4
        ? failed(ipv4.error)
        : `${ipv4.client} (server ${ipv4.server ?? 'unknown'})`,
  ]);
  lines.push([
    'IPv6 address',
    ipv6 === null
      ? 'not negotiated'
      : 'error' in ipv6
        ? failed(ipv6.error)
        : `${ipv6.client}${ipv6.prefixLength === null ? '' : `/${ipv6.prefixLength}`} (server ${ipv6.server ?? 'unknown'})`,
  ]);
  lines.push(['DNS servers', details.dnsServers.join(', ') || 'none']);
  lines.push(['Authentication', authenticationText(details.authentication)]);
  lines.push(['Encryption', encryptionText(details)]);
  if (details.projection === 'ppp') {
    lines.push(['Compression', details.compression?.toUpperCase() ?? 'none']);
    lines.push(['Multilink', details.multilink ? 'yes' : 'no']);
  }
  if (details.ikev2Flags) {
    const { mobike, behindNat, serverBehindNat } = details.ikev2Flags;
    const flags = [
      mobike && 'MOBIKE',
      behindNat && 'this computer behind NAT',
      serverBehindNat && 'server behind NAT',
    ].filter(Boolean);
    lines.push(['IKEv2', flags.join(', ') || 'no NAT, no MOBIKE']);
  }
  const { local, remote } = details.endpoints;
  if (local !== null || remote !== null)
    lines.push(['Endpoints', `${local ?? 'unknown'} -> ${remote ?? 'unknown'}`]);
  return lines.map(([name, value]) => `  ${`${name}:`.padEnd(17)}${value}`);
}

export function statusLines(status: ConnectionStatus): string[] {
  const state = describeState(status.stateValue);
  const words = state.description === state.name ? '' : ` (${state.description})`;
  return [
    status.entry,
    `  State:           ${state.name}${words}`,
    `  Connected for:   ${duration(status.connectedForMs)}`,
    `  Sent:            ${byteCount(status.bytesSent)}`,
    `  Received:        ${byteCount(status.bytesReceived)}`,
    `  Speed:           ${bitsPerSecond(status.speedBps, 'en')}`,
    `  Device:          ${status.device}`,
    `  Phonebook:       ${status.phonebook}`,
    ...(status.details ? detailLines(status.details) : []),
  ];
}
