// RasBackend over rasapi32.dll, put together from RAS's own concepts as DotRas has them:
// dialing (dialer.ts), entries (phonebook-entries.ts), credentials (credentials.ts) and
// connections with their watcher (connections.ts). Every rasapi32 call goes through koffi's
// asynchronous form, so the main thread never waits on a RAS thread that waits on it
// (shared/ras-reference.md §3.4, §9); rasapi32.ts is the only file that knows koffi's calls.

import { describeError } from '../../../app/ras/errors';
import type { RasEntry } from '../../../app/phonebook/entry';
import type { CountryInfo } from '../../../app/ras/countries';
import type { PbkSection } from '../../../app/phonebook/pbk-codec';
import type {
  ChangeOptions,
  ConnectionDetails,
  ConnectStatus,
  ConnectionEvent,
  CredentialsUpdate,
  DeviceInfo,
  DialRequest,
  EntrySummary,
  NotifyFn,
  PausedAnswer,
  RasBackend,
  RasConnectionInfo,
  RasHandle,
  RasStatistics,
  SavedCredentials,
} from '../backend';
import type { PbkCharset } from '../pbk-charset';
import type { WriteSectionsOptions } from '../pbk-sections';
import { iphlpapiAdapters, type AdapterReader } from './adapter-dns';
import { readConnectionDetails } from './connection-details';
import { Win32Connections } from './connections';
import { Win32Credentials } from './credentials';
import { Win32Dialer } from './dialer';
import { readCountries } from './country-info';
import { enumerate } from './enumerate';
import { Win32Entries } from './phonebook-entries';
import { loadRasApi32, type RasApi32 } from './rasapi32';
import { checkStrings } from './string-limits';

export { handleToString } from './handles';

export interface Win32BackendOptions {
  defaultPhonebook: string;
  /** The All-Users phonebook, listed beside the user's (none: only the user's). */
  allUsersPhonebook?: string;
  /** Bindings to use (tests load the C double); default: rasapi32.dll or RAS_CONNECT_RASAPI32. */
  api?: RasApi32;
  /** How often RasEnumConnections is polled for connections that come and go. */
  watchIntervalMs?: number;
  /** How the phonebook file is read when it is not UTF-8 (default: the system's code page). */
  charset?: PbkCharset;
  /** The network adapters with their DNS servers; default: iphlpapi.dll or RAS_CONNECT_IPHLPAPI. */
  adapters?: AdapterReader;
  /** Where the backend says what went wrong without failing (the DNS servers unread). */
  log?: (line: string) => void;
}

export class Win32RasBackend implements RasBackend {
  readonly kind = 'win32' as const;
  readonly defaultPhonebook: string;
  private readonly api: RasApi32;
  private readonly entries: Win32Entries;
  private readonly credentials: Win32Credentials;
  private readonly dialer: Win32Dialer;
  private readonly connections: Win32Connections;
  private readonly adapters: AdapterReader;
  private readonly log: (line: string) => void;
  /** RasGetErrorString's texts, read once in the background: errorMessage() must not block. */
  private readonly messages = new Map<number, string>();
  /** Settles once RasGetErrorString's texts are read (until then errorMessage gives ours). */
  readonly messagesRead: Promise<void>;

  constructor(options: Win32BackendOptions) {
    this.defaultPhonebook = options.defaultPhonebook;
    this.api = options.api ?? loadRasApi32();
    this.entries = new Win32Entries(
      this.api,
      { user: options.defaultPhonebook, allUsers: options.allUsersPhonebook ?? null },
      options.charset,
    );
    this.credentials = new Win32Credentials(this.api, checkStrings);
    this.dialer = new Win32Dialer({
      api: this.api,
      bookOf: (phonebook, name) => this.entries.bookOf(phonebook, name),
      readCredentials: (phonebook, name) => this.credentials.read(phonebook, name, true),
      check: checkStrings,
    });
    this.connections = new Win32Connections({
      api: this.api,
      watchIntervalMs: options.watchIntervalMs ?? 5000,
      onHungUp: (handle) => this.dialer.hungUp(handle),
      onReleased: (handle) => this.dialer.released(handle),
    });
    this.adapters = options.adapters ?? iphlpapiAdapters();
    this.log = options.log ?? ((line) => console.warn(line));
    this.messagesRead = this.readMessages();
  }

  /** How many RasDialFunc2 callbacks are registered now (a leak shows here). */
  get registeredNotifiers(): number {
    return this.dialer.registeredNotifiers;
  }

  dial(request: DialRequest, onNotify: NotifyFn): Promise<RasHandle> {
    return this.dialer.dial(request, onNotify);
  }
  resume(handle: RasHandle, answer: PausedAnswer): Promise<void> {
    return this.dialer.resume(handle, answer);
  }
  getConnectStatus(handle: RasHandle): Promise<ConnectStatus> {
    return this.connections.status(handle);
  }
  hangUp(handle: RasHandle): Promise<void> {
    return this.connections.hangUp(handle);
  }
  enumConnections(): Promise<RasConnectionInfo[]> {
    return this.connections.list();
  }
  getStatistics(handle: RasHandle): Promise<RasStatistics> {
    return this.connections.statistics(handle);
  }
  getConnectionDetails(handle: RasHandle): Promise<ConnectionDetails> {
    return readConnectionDetails(
      {
        api: this.api,
        status: (h) => this.connections.statusForDetails(h),
        connections: () => this.connections.list(),
        adapters: this.adapters,
        log: this.log,
      },
      handle,
    );
  }
  watchConnections(onEvent: (event: ConnectionEvent) => void): () => void {
    return this.connections.watch(onEvent);
  }

  listEntries(phonebook?: string): Promise<EntrySummary[]> {
    return this.entries.list(phonebook);
  }
  getEntry(phonebook: string | undefined, name: string): Promise<RasEntry> {
    return this.entries.get(phonebook, name);
  }
  phonebookRevision(phonebook?: string): Promise<string> {
    return this.entries.revision(phonebook);
  }
  setEntry(phonebook: string | undefined, entry: RasEntry, options: ChangeOptions = {}) {
    return this.entries.set(phonebook, entry, options);
  }
  renameEntry(
    phonebook: string | undefined,
    oldName: string,
    newName: string,
    options: ChangeOptions = {},
  ): Promise<void> {
    return this.entries.rename(phonebook, oldName, newName, options);
  }
  deleteEntry(phonebook: string | undefined, name: string, options: ChangeOptions = {}) {
    return this.entries.delete(phonebook, name, options);
  }
  validateEntryName(phonebook: string | undefined, name: string): Promise<void> {
    return this.entries.validateName(phonebook, name);
  }
  readSections(phonebook: string | undefined, names: string[] | null): Promise<PbkSection[]> {
    return this.entries.readSections(phonebook, names);
  }
  writeSections(
    phonebook: string | undefined,
    sections: readonly PbkSection[],
    options: WriteSectionsOptions = {},
  ): Promise<void> {
    return this.entries.writeSections(phonebook, sections, options);
  }

  async getCredentials(phonebook: string | undefined, name: string): Promise<SavedCredentials> {
    return this.credentials.get(await this.entries.bookOf(phonebook, name), name);
  }
  async setCredentials(
    phonebook: string | undefined,
    name: string,
    update: CredentialsUpdate,
  ): Promise<void> {
    return this.credentials.set(await this.entries.bookOf(phonebook, name), name, update);
  }

  async listDevices(): Promise<DeviceInfo[]> {
    const items = await enumerate(this.api, 'RasEnumDevicesW', 'RASDEVINFOW');
    return items.map((b) => {
      const d = this.api.decode<{ szDeviceType: string; szDeviceName: string }>('RASDEVINFOW', b);
      return { type: d.szDeviceType, name: d.szDeviceName };
    });
  }

  listCountries(): Promise<CountryInfo[]> {
    return readCountries(this.api);
  }

  private async readMessages(): Promise<void> {
    const buffer = Buffer.alloc(1024);
    for (let code = 600; code <= 878; code++) {
      buffer.fill(0);
      const result = await this.api
        .callAsync('RasGetErrorStringW', code, buffer, 512)
        .catch(() => -1);
      if (result !== 0) continue;
      const text = buffer.toString('utf16le');
      const end = text.indexOf('\0');
      if (end > 0) this.messages.set(code, text.slice(0, end));
    }
  }

  /** The system's text for a RAS error (in its language) once read; ours until then. */
  errorMessage(code: number): string {
    return this.messages.get(code) ?? describeError(code).message;
  }

  dispose(): void {
    this.connections.dispose();
    this.dialer.dispose();
  }
}
