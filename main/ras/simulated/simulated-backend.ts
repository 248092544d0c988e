// The simulated RAS backend: RasBackend by the rules of shared/simulated-ras.md. Entries live in
// pbk files this program reads and writes (under their locks); connections live in a
// ConnectionService: the user session's shared service (service/), or a private server on
// an injected clock for tests.

import { describeError } from '../../../app/ras/errors';
import type { CountryInfo } from '../../../app/ras/countries';
import { bundledCountries } from '../../../app/ras/countries-table';
import { primaryDestination, sectionToEntry, type RasEntry } from '../../../app/phonebook/entry';
import type {
  ConnectStatus,
  ChangeOptions,
  ConnectionDetails,
  ConnectionEvent,
  DeviceInfo,
  DialRequest,
  NotifyFn,
  PausedAnswer,
  RasBackend,
  RasConnectionInfo,
  RasHandle,
  RasStatistics,
  TerminalPort,
} from '../backend';
import type { Clock } from '../../clock';
import { SimulatedPhonebooks } from './simulated-phonebooks';
import { SimulatedRasServer } from './simulated-server';
import { dialedEntry, type ConnectionService } from './connection-service';
import { entryNegotiation } from './entry-negotiation';
import type { SecretStore } from '../../secrets/secret-store';
import type { PbkCharset } from '../pbk-charset';
import type { PbkSection } from '../../../app/phonebook/pbk-codec';
import type { WriteSectionsOptions } from '../pbk-sections';

export { PORT_RELEASE_MS, SIMULATED_PORTS } from './simulated-server';
/** What RasEnumDevices lists on a Windows 10/11 machine with a modem and an ISDN adapter. */
export const SIMULATED_DEVICES: DeviceInfo[] = [
  { type: 'modem', name: 'Standard 56000 bps Modem' },
  { type: 'isdn', name: 'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI' },
  { type: 'vpn', name: 'WAN Miniport (SSTP)' },
  { type: 'vpn', name: 'WAN Miniport (IKEv2)' },
  { type: 'vpn', name: 'WAN Miniport (L2TP)' },
  { type: 'vpn', name: 'WAN Miniport (PPTP)' },
  { type: 'PPPoE', name: 'WAN Miniport (PPPOE)' },
];

export interface SimulatedBackendOptions {
  defaultPhonebook: string;
  clock?: Clock;
  /** Multiplies every simulated delay: 1 = realistic, 0 = no delay. */
  speed?: number;
  /** Where saved user names and domains persist, with passwords sealed by `secrets`. */
  credentialsFile?: string;
  /** Seals saved passwords; without it a password is not saved. */
  secrets?: SecretStore;
  /** How a phonebook that is not UTF-8 is read (default: the system's code page, or detected). */
  charset?: PbkCharset;
  /** The connections' server: the user session's shared service; default a private one on `clock`. */
  connections?: ConnectionService;
}

export class SimulatedRasBackend implements RasBackend {
  readonly kind = 'simulated' as const;
  readonly defaultPhonebook: string;
  private speed: number;
  private readonly connections: ConnectionService;
  private readonly phonebooks: SimulatedPhonebooks;
  /** The remote side's login of a dial paused in Interactive (terminal-script.ts). */
  readonly terminal: TerminalPort = {
    send: (handle, text) => this.connections.terminalSend(handle, text),
    watch: (onOutput) => this.connections.watchTerminal(onOutput),
  };

  constructor(options: SimulatedBackendOptions) {
    this.defaultPhonebook = options.defaultPhonebook;
    this.speed = Math.max(0, options.speed ?? 1);
    this.connections = options.connections ?? new SimulatedRasServer({ clock: options.clock });
    this.phonebooks = new SimulatedPhonebooks(
      () => this.connections.activeEntries(),
      options.credentialsFile,
      options.secrets,
      options.charset,
    );
  }

  /** Changes the speed factor for the dials made from now on (the Settings page). */
  setSpeed(speed: number): void {
    this.speed = Math.max(0, speed);
  }

  private book(phonebook: string | undefined): string {
    return phonebook ?? this.defaultPhonebook;
  }

  async dial(request: DialRequest, onNotify: NotifyFn): Promise<RasHandle> {
    const phonebook = this.book(request.phonebook);
    const section = await this.phonebooks.getSection(phonebook, request.entryName);
    const entry = sectionToEntry(section);
    // No credentials in the request: dial with the saved ones, as RAS does for a saved entry.
    const saved = request.userName === '' && request.password === '';
    return this.connections.dial(
      {
        phonebook,
        entry: dialedEntry(entry, entryNegotiation(section)),
        destination: request.phoneNumber ?? primaryDestination(entry),
        userName: saved
          ? (await this.phonebooks.getCredentials(phonebook, entry.name)).userName
          : request.userName,
        password: saved ? this.phonebooks.savedPassword(phonebook, entry.name) : request.password,
        callbackNumber: request.callbackNumber,
        pausedStates: request.pausedStates,
        speed: this.speed,
      },
      onNotify,
    );
  }

  resume(handle: RasHandle, answer: PausedAnswer): Promise<void> {
    return this.connections.resume(handle, answer);
  }
  getConnectStatus(handle: RasHandle): Promise<ConnectStatus> {
    return this.connections.getConnectStatus(handle);
  }
  enumConnections(): Promise<RasConnectionInfo[]> {
    return this.connections.enumConnections();
  }
  hangUp(handle: RasHandle): Promise<void> {
    return this.connections.hangUp(handle);
  }
  getStatistics(handle: RasHandle): Promise<RasStatistics> {
    return this.connections.getStatistics(handle);
  }
  getConnectionDetails(handle: RasHandle): Promise<ConnectionDetails> {
    return this.connections.getConnectionDetails(handle);
  }
  watchConnections(onEvent: (event: ConnectionEvent) => void): () => void {
    return this.connections.watchConnections(onEvent);
  }

  listEntries(phonebook?: string) {
    return this.phonebooks.listEntries(this.book(phonebook));
  }
  getEntry(phonebook: string | undefined, name: string) {
    return this.phonebooks.getEntry(this.book(phonebook), name);
  }
  phonebookRevision(phonebook?: string) {
    return this.phonebooks.revision(this.book(phonebook));
  }
  setEntry(phonebook: string | undefined, entry: RasEntry, options?: ChangeOptions) {
    return this.phonebooks.setEntry(this.book(phonebook), entry, options);
  }
  renameEntry(
    phonebook: string | undefined,
    oldName: string,
    newName: string,
    options?: ChangeOptions,
  ) {
    return this.phonebooks.renameEntry(this.book(phonebook), oldName, newName, options);
  }
  deleteEntry(phonebook: string | undefined, name: string, options?: ChangeOptions) {
    return this.phonebooks.deleteEntry(this.book(phonebook), name, options);
  }
  readSections(phonebook: string | undefined, names: string[] | null) {
    return this.phonebooks.readSections(this.book(phonebook), names);
  }
  writeSections(
    phonebook: string | undefined,
    sections: readonly PbkSection[],
    options?: WriteSectionsOptions,
  ) {
    return this.phonebooks.writeSections(this.book(phonebook), sections, options);
  }
  validateEntryName(phonebook: string | undefined, name: string) {
    return this.phonebooks.validateEntryName(this.book(phonebook), name);
  }
  getCredentials(phonebook: string | undefined, name: string) {
    return this.phonebooks.getCredentials(this.book(phonebook), name);
  }
  setCredentials(
    phonebook: string | undefined,
    name: string,
    update: Parameters<RasBackend['setCredentials']>[2],
  ) {
    return this.phonebooks.setCredentials(this.book(phonebook), name, update);
  }

  async listDevices(): Promise<DeviceInfo[]> {
    return SIMULATED_DEVICES;
  }

  async listCountries(): Promise<CountryInfo[]> {
    return bundledCountries();
  }

  errorMessage(code: number): string {
    return describeError(code).message;
  }

  dispose(): void {
    this.connections.dispose();
  }
}
