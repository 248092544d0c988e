// `ras-connect status [ENTRY]`: what each active connection is doing, read from the backend as
// rasdial users would from rasphone's status page — RasGetConnectStatus and
// RasGetConnectionStatistics on Windows, the shared simulated RAS service elsewhere.

import { describeState } from '../../app/ras/connection-state';
import { AppError, ERROR_INVALID_HANDLE, RasError } from '../../app/ras/errors';
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
  // The connection's details (addresses, DNS servers, negotiated tunnel and authentication,
  // endpoints) join here once the backends report them (RasGetProjectionInfoEx; issue 15).
}

/** The status of one connection, or null when it ended between the listing and the look. */
async function statusOf(
  backend: RasBackend,
  connection: RasConnectionInfo,
): Promise<ConnectionStatus | null> {
  try {
    const [status, statistics] = await Promise.all([
      backend.getConnectStatus(connection.handle),
      backend.getStatistics(connection.handle),
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
  ];
}
