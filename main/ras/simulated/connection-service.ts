// The connection half of the simulated RAS: ports, handles, dial scripts, statistics. Like
// Windows' RasMan it is one for every program of a user session (service/), so a connection
// the window makes is seen and hung up by `ras-connect` in another shell; tests run a private
// one in-process (simulated-server.ts). Phonebooks stay with each program: they are files,
// shared through their locks.

import type { RasEntry } from '../../../app/phonebook/entry';
import type { NotifyFn, RasBackend, RasHandle, TerminalOutput } from '../backend';
import type { EntryNegotiation } from './entry-negotiation';

/** What the server needs of an entry: the rest stays in the dialing program's phonebook. */
export type DialedEntry = Pick<
  RasEntry,
  'name' | 'type' | 'deviceType' | 'deviceName' | 'eapTypeId' | 'terminalAfterDial'
> & {
  /** What the link is agreed on with (connection-details.ts), read from the entry's keys. */
  negotiation: EntryNegotiation;
};

/** The part of an entry the server keeps, from the whole entry and its negotiation keys. */
export function dialedEntry(
  entry: Omit<DialedEntry, 'negotiation'>,
  negotiation: EntryNegotiation,
): DialedEntry {
  const { name, type, deviceType, deviceName, eapTypeId, terminalAfterDial } = entry;
  return { name, type, deviceType, deviceName, eapTypeId, terminalAfterDial, negotiation };
}

/** A dial as the server sees it: the entry already read, the credentials already chosen. */
export interface ServerDial {
  phonebook: string;
  entry: DialedEntry;
  /** The number or host this call dials. */
  destination: string;
  userName: string;
  password: string;
  callbackNumber?: string;
  pausedStates: boolean;
  /** The dialing program's speed factor (1 = realistic, 0 = no delay) for this connection's delays. */
  speed: number;
}

/** The connection calls of RasBackend, served by the simulated server, with a dial it can run. */
export interface ConnectionService extends Pick<
  RasBackend,
  | 'resume'
  | 'getConnectStatus'
  | 'enumConnections'
  | 'hangUp'
  | 'getStatistics'
  | 'getConnectionDetails'
  | 'watchConnections'
> {
  dial(dial: ServerDial, onNotify: NotifyFn): Promise<RasHandle>;
  /** The entries with a live connection, as `entryKey(phonebook, name)`: those cannot be deleted. */
  activeEntries(): Promise<Set<string>>;
  /** Typed text for the remote side of a dial paused in Interactive (RasBackend['terminal']). */
  terminalSend(handle: RasHandle, text: string): Promise<void>;
  /** What the remote sides of this program's dials print in Interactive. */
  watchTerminal(onOutput: (output: TerminalOutput) => void): () => void;
  /** Ends this program's use of the service (its timers, or its link to the shared one). */
  dispose(): void;
}

/** One entry's identity across the service: its phonebook and its name without case. */
export function entryKey(phonebook: string, name: string): string {
  return `${phonebook}\u0000${name.toLowerCase()}`;
}
