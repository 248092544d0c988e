// RasBackend: the one seam between the app and the operating system's RAS. The Win32
// backend is a thin translation of rasapi32; the simulated one is an in-process server.
// Failures reject with RasError carrying the RAS / Win32 number.

import type { RasEntry } from '../../app/phonebook/entry';
import type { PbkSection } from '../../app/phonebook/pbk-codec';
import type { ConnectionDetails, PausedAnswer, RasStatistics } from '../../app/ras/dial-types';
import type { CountryInfo } from '../../app/ras/countries';

export type { ConnectionDetails, PausedAnswer, RasStatistics } from '../../app/ras/dial-types';

/** A connection handle (HRASCONN): pointer-sized, kept as an opaque string and compared as such. */
export type RasHandle = string;

export interface DialRequest {
  /** Phonebook file; undefined = the backend's default phonebook. */
  phonebook?: string;
  entryName: string;
  /** Overrides the entry's number (RASDIALPARAMS.szPhoneNumber); used to dial alternates. */
  phoneNumber?: string;
  /** RASDIALPARAMS.szCallbackNumber: '' = no callback, '*' = ask (paused) or use the stored one. */
  callbackNumber?: string;
  userName: string;
  password: string;
  domain: string;
  /** RDEOPT_PausedStates: the session engine always opts in. */
  pausedStates: boolean;
  /** RDEOPT_UsePrefixSuffix. */
  usePrefixSuffix?: boolean;
}

/** One RasDialFunc2 notification. */
export interface RasNotification {
  handle: RasHandle;
  state: number;
  error: number;
  extendedError: number;
  subEntry: number;
}

export type NotifyFn = (notification: RasNotification) => void;

export interface ConnectStatus {
  state: number;
  error: number;
  deviceType: string;
  deviceName: string;
  phoneNumber: string;
}

export interface RasConnectionInfo {
  handle: RasHandle;
  entryName: string;
  phonebook: string;
  deviceType: string;
  deviceName: string;
}

export type ConnectionEvent =
  { kind: 'connected'; handle: RasHandle } | { kind: 'disconnected'; handle: RasHandle };

export interface EntrySummary {
  name: string;
  phonebook: string;
  type: RasEntry['type'];
  /** The first number, host or service dialed. */
  destination: string;
}

export interface ChangeOptions {
  /** The revision the change was made against; a different one on disk refuses it (PHONEBOOK_CHANGED). */
  expectedRevision?: string;
}

export interface DeviceInfo {
  /** RASDT_ string: modem, isdn, vpn, PPPoE, … (compare without case). */
  type: string;
  name: string;
}

export interface SavedCredentials {
  userName: string;
  domain: string;
  /** Whether a password is saved; the password itself is never returned. */
  hasPassword: boolean;
  /** Whether an L2TP/IKEv2 pre-shared key is saved (RASCM_PreSharedKey); never the key. */
  hasPreSharedKey: boolean;
}

export interface CredentialsUpdate {
  userName: string;
  domain: string;
  /** undefined keeps the saved password, '' removes it. */
  password?: string;
  /** undefined keeps the saved pre-shared key, '' removes it. */
  preSharedKey?: string;
}

/** Text the remote side of a dial paused in Interactive printed. */
export interface TerminalOutput {
  handle: RasHandle;
  text: string;
  /** The remote side does not echo what is typed next (a password prompt): the window masks it. */
  hideInput: boolean;
  /** The remote side has started PPP: the dial may continue. */
  ready: boolean;
  /** The remote side hung up: the dial is about to end with its error. */
  closed: boolean;
}

/** The port's terminal while a dial waits in Interactive (rasphone's terminal window). */
export interface TerminalPort {
  /** Sends typed text (Enter is CR) to the remote side; rejects when the dial is not in Interactive. */
  send(handle: RasHandle, text: string): Promise<void>;
  /** Hears what remote sides print; returns the function that stops listening. */
  watch(onOutput: (output: TerminalOutput) => void): () => void;
}

export interface RasBackend {
  readonly kind: 'win32' | 'simulated';
  /**
   * Talking to the port in Interactive; absent where there is no way to (Windows has no
   * public API for it: the person finishes the session some other way, then continues).
   */
  readonly terminal?: TerminalPort;
  /** The phonebook used when a request names none. */
  readonly defaultPhonebook: string;

  /** Starts an asynchronous dial with paused states as requested; resolves with the handle once RasDial returned. */
  dial(request: DialRequest, onNotify: NotifyFn): Promise<RasHandle>;
  /** Answers a paused state by re-dialing the paused handle, as RasDial does. */
  resume(handle: RasHandle, answer: PausedAnswer): Promise<void>;
  /** Rejects with ERROR_INVALID_HANDLE (6) once the connection and its port are gone. */
  getConnectStatus(handle: RasHandle): Promise<ConnectStatus>;
  enumConnections(): Promise<RasConnectionInfo[]>;
  /** Returns before the port is released; the caller waits for getConnectStatus to fail with 6. */
  hangUp(handle: RasHandle): Promise<void>;
  getStatistics(handle: RasHandle): Promise<RasStatistics>;
  /**
   * What was negotiated (RasGetProjectionInfoEx, RASCONNSTATUS endpoints, the adapter's DNS).
   * Rejects with 730 ERROR_PROJECTION_NOT_COMPLETE before RASCS_Projected, 6 once gone.
   */
  getConnectionDetails(handle: RasHandle): Promise<ConnectionDetails>;
  /** Reports connections that come and go; returns the function that stops watching. */
  watchConnections(onEvent: (event: ConnectionEvent) => void): () => void;

  listEntries(phonebook?: string): Promise<EntrySummary[]>;
  getEntry(phonebook: string | undefined, name: string): Promise<RasEntry>;
  /** The phonebook file's revision now; a change passes it back to refuse overwriting another program's change. */
  phonebookRevision(phonebook?: string): Promise<string>;
  /** Creates or overwrites an entry (RasSetEntryProperties). */
  setEntry(phonebook: string | undefined, entry: RasEntry, options?: ChangeOptions): Promise<void>;
  renameEntry(
    phonebook: string | undefined,
    oldName: string,
    newName: string,
    options?: ChangeOptions,
  ): Promise<void>;
  deleteEntry(phonebook: string | undefined, name: string, options?: ChangeOptions): Promise<void>;
  /**
   * The named entries (all for null) as the phonebook file holds them, every line kept: copy,
   * import and export go through these two, since RASENTRY does not carry every key.
   */
  readSections(phonebook: string | undefined, names: string[] | null): Promise<PbkSection[]>;
  /** Adds whole entries in one write; `replace` overwrites entries of the same names (else 183). */
  writeSections(
    phonebook: string | undefined,
    sections: readonly PbkSection[],
    options?: ChangeOptions & { replace?: boolean },
  ): Promise<void>;
  /** Resolves when the name is valid and unused; rejects with 123 or 183 otherwise. */
  validateEntryName(phonebook: string | undefined, name: string): Promise<void>;
  getCredentials(phonebook: string | undefined, name: string): Promise<SavedCredentials>;
  setCredentials(
    phonebook: string | undefined,
    name: string,
    update: CredentialsUpdate,
  ): Promise<void>;

  /** The RAS devices of this machine (RasEnumDevices). */
  listDevices(): Promise<DeviceInfo[]>;
  /** The countries a phone number can be in (RasGetCountryInfo; a bundled table when simulated). */
  listCountries(): Promise<CountryInfo[]>;
  /** The message for an error number, in the system's language where the OS has one. */
  errorMessage(code: number): string;

  /** Ends timers and watchers; connections themselves outlive the app, as on Windows. */
  dispose(): void;
}
