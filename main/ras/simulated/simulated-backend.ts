// The simulated RAS server: RasBackend in-process, by the rules of shared/simulated-ras.md.
// It runs each call's dial script on an injected clock, holds 8 ports, keeps connections
// until they are hung up and their port released, and keeps entries in pbk files.

import { RasState as S } from '../../../app/ras/connection-state';
import {
  describeError,
  ERROR_INVALID_HANDLE,
  RasError,
  RasErrorCode as E,
} from '../../../app/ras/errors';
import { primaryDestination, type RasEntry } from '../../../app/phonebook/entry';
import type {
  ConnectStatus,
  ChangeOptions,
  ConnectionEvent,
  DeviceInfo,
  DialRequest,
  NotifyFn,
  PausedAnswer,
  RasBackend,
  RasConnectionInfo,
  RasHandle,
  RasStatistics,
} from '../backend';
import { realClock, type Cancel, type Clock } from '../../clock';
import { dialScript, type DialScript, type Step } from './dial-script';
import { SimulatedPhonebooks, entryKey } from './simulated-phonebooks';
import type { SecretStore } from '../../secrets/secret-store';
import type { PbkCharset } from '../pbk-charset';
import type { PbkSection } from '../../../app/phonebook/pbk-codec';
import type { WriteSectionsOptions } from '../pbk-sections';

export const SIMULATED_PORTS = 8;
export const SIMULATED_DEVICES: DeviceInfo[] = [
  { type: 'modem', name: 'Standard 56000 bps Modem' },
  { type: 'isdn', name: 'ISDN channel' },
  { type: 'vpn', name: 'WAN Miniport (IKEv2)' },
  { type: 'vpn', name: 'WAN Miniport (SSTP)' },
  { type: 'PPPoE', name: 'WAN Miniport (PPPOE)' },
];
/** How long the port takes to be released after a hang-up, before speed scaling. */
export const PORT_RELEASE_MS = 1500;

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
}

interface Connection {
  handle: RasHandle;
  entry: RasEntry;
  phonebook: string;
  destination: string;
  notify: NotifyFn;
  script: DialScript;
  state: number;
  error: number;
  /** Waiting for `resume` with this paused state. */
  pausedIn: number | null;
  connectedAt: number | null;
  hungUp: boolean;
  /** RasDial of a connected entry adds a reference; each needs its own hang-up. */
  references: number;
  timer: Cancel | null;
}

const bpsByDevice: Record<string, number> = { modem: 49_333, isdn: 64_000 };

export class SimulatedRasBackend implements RasBackend {
  readonly kind = 'simulated' as const;
  readonly defaultPhonebook: string;
  private readonly clock: Clock;
  private speed: number;
  private readonly connections = new Map<RasHandle, Connection>();
  private readonly watchers = new Set<(event: ConnectionEvent) => void>();
  private readonly phonebooks: SimulatedPhonebooks;
  private nextHandle = 1;

  constructor(options: SimulatedBackendOptions) {
    this.defaultPhonebook = options.defaultPhonebook;
    this.clock = options.clock ?? realClock;
    this.speed = Math.max(0, options.speed ?? 1);
    this.phonebooks = new SimulatedPhonebooks(
      () => this.activeEntryKeys(),
      options.credentialsFile,
      options.secrets,
      options.charset,
    );
  }

  /** Changes the speed factor for every delay from now on (the Settings page). */
  setSpeed(speed: number): void {
    this.speed = Math.max(0, speed);
  }

  private scaled(ms: number): number {
    return ms * this.speed;
  }

  private book(phonebook: string | undefined): string {
    return phonebook ?? this.defaultPhonebook;
  }

  async dial(request: DialRequest, onNotify: NotifyFn): Promise<RasHandle> {
    const phonebook = this.book(request.phonebook);
    const entry = await this.phonebooks.getEntry(phonebook, request.entryName);
    const destination = request.phoneNumber ?? primaryDestination(entry);
    // No credentials in the request: dial with the saved ones, as RAS does for a saved entry.
    const saved = request.userName === '' && request.password === '';
    const userName = saved
      ? (await this.phonebooks.getCredentials(phonebook, entry.name)).userName
      : request.userName;
    const password = saved
      ? this.phonebooks.savedPassword(phonebook, entry.name)
      : request.password;
    // From here on nothing awaits, so the checks below and the port taken are one step.
    const key = entryKey(phonebook, entry.name);
    const existing = [...this.connections.values()].find(
      (c) => !c.hungUp && entryKey(c.phonebook, c.entry.name) === key,
    );
    if (existing) {
      if (existing.state !== S.Connected || existing.error !== 0)
        throw new RasError(E.ERROR_DIAL_ALREADY_IN_PROGRESS);
      existing.references++;
      return existing.handle;
    }
    const handle = `sim:${(this.nextHandle++).toString(16).padStart(8, '0')}`;
    const conn: Connection = {
      handle,
      entry,
      phonebook,
      destination,
      notify: onNotify,
      script: dialScript({
        entry,
        destination,
        userName,
        password,
        callbackNumber: request.callbackNumber,
        pausedStates: request.pausedStates,
      }),
      state: S.OpenPort,
      error: 0,
      pausedIn: null,
      connectedAt: null,
      hungUp: false,
      references: 1,
      timer: null,
    };
    const portsInUse = this.connections.size;
    const lineInUse =
      entry.type === 'phone' &&
      [...this.connections.values()].some(
        (c) => c.entry.type === 'phone' && sameNumber(c.destination, destination),
      );
    this.connections.set(handle, conn);
    if (portsInUse >= SIMULATED_PORTS) this.failLater(conn, S.OpenPort, E.ERROR_PORT_NOT_AVAILABLE);
    else if (lineInUse) this.failLater(conn, S.ConnectDevice, E.ERROR_LINE_BUSY);
    else this.advance(conn, undefined);
    return handle;
  }

  private failLater(conn: Connection, state: number, error: number): void {
    conn.timer = this.clock.setTimeout(() => {
      conn.timer = null;
      this.emit(conn, state, error);
    }, this.scaled(50));
  }

  private emit(conn: Connection, state: number, error: number): void {
    if (conn.hungUp) return;
    conn.state = state;
    conn.error = error;
    conn.notify({ handle: conn.handle, state, error, extendedError: 0, subEntry: 0 });
  }

  /** Runs the script up to its next wait: a timed step or a pause. */
  private advance(conn: Connection, answer: PausedAnswer | undefined): void {
    const next = conn.script.next(answer);
    if (next.done) return;
    const step: Step = next.value;
    if (step.kind === 'pause') {
      conn.timer = this.clock.setTimeout(() => {
        conn.timer = null;
        conn.pausedIn = step.state;
        this.emit(conn, step.state, 0);
      }, this.scaled(50));
      return;
    }
    conn.timer = this.clock.setTimeout(() => {
      conn.timer = null;
      if (conn.hungUp) return;
      if (step.kind === 'fail') {
        this.emit(conn, step.state, step.error);
        return;
      }
      if (step.kind === 'connected') {
        conn.connectedAt = this.clock.now();
        this.emit(conn, S.Connected, 0);
        for (const watch of this.watchers) watch({ kind: 'connected', handle: conn.handle });
        if (step.dropAfterMs !== null) this.scheduleDrop(conn, step.dropAfterMs);
        return;
      }
      this.emit(conn, step.state, 0);
      this.advance(conn, undefined);
    }, this.scaled(step.ms));
  }

  private scheduleDrop(conn: Connection, afterMs: number): void {
    conn.timer = this.clock.setTimeout(() => {
      conn.timer = null;
      if (conn.hungUp) return;
      // After Connected, RAS sends no more notifications: the drop shows in the status and the watchers.
      conn.state = S.Disconnected;
      conn.error = E.ERROR_REMOTE_DISCONNECTION;
      conn.connectedAt = null;
      for (const watch of this.watchers) watch({ kind: 'disconnected', handle: conn.handle });
    }, this.scaled(afterMs));
  }

  async resume(handle: RasHandle, answer: PausedAnswer): Promise<void> {
    const conn = this.live(handle);
    if (conn.pausedIn === null)
      throw new RasError(E.ERROR_DIAL_ALREADY_IN_PROGRESS, '(the dial is not paused)');
    conn.pausedIn = null;
    this.advance(conn, answer);
  }

  private live(handle: RasHandle): Connection {
    const conn = this.connections.get(handle);
    if (!conn) throw new RasError(ERROR_INVALID_HANDLE);
    return conn;
  }

  async getConnectStatus(handle: RasHandle): Promise<ConnectStatus> {
    const conn = this.live(handle);
    return {
      state: conn.state,
      error: conn.error,
      deviceType: conn.entry.deviceType,
      deviceName: conn.entry.deviceName,
      phoneNumber: conn.destination,
    };
  }

  async enumConnections(): Promise<RasConnectionInfo[]> {
    // Like RasEnumConnections: only connections that reached the connected state are listed.
    return [...this.connections.values()]
      .filter((c) => c.connectedAt !== null && !c.hungUp)
      .map((c) => ({
        handle: c.handle,
        entryName: c.entry.name,
        phonebook: c.phonebook,
        deviceType: c.entry.deviceType,
        deviceName: c.entry.deviceName,
      }));
  }

  async hangUp(handle: RasHandle): Promise<void> {
    const conn = this.live(handle);
    if (conn.hungUp) return;
    if (conn.references > 1) {
      conn.references--;
      return;
    }
    conn.hungUp = true;
    conn.timer?.();
    conn.timer = null;
    conn.pausedIn = null;
    const wasConnected = conn.connectedAt !== null;
    conn.connectedAt = null;
    if (conn.error === 0) conn.state = S.Disconnected;
    conn.script.return(undefined);
    if (wasConnected) for (const watch of this.watchers) watch({ kind: 'disconnected', handle });
    // The port is released a little later; until then the handle stays valid.
    this.clock.setTimeout(() => this.connections.delete(handle), this.scaled(PORT_RELEASE_MS));
  }

  async getStatistics(handle: RasHandle): Promise<RasStatistics> {
    const conn = this.live(handle);
    const duration =
      conn.connectedAt === null ? 0 : Math.max(0, this.clock.now() - conn.connectedAt);
    const bps = bpsByDevice[conn.entry.deviceType.toLowerCase()] ?? 100_000_000;
    // A steady, deterministic load: a quarter of the link received, a tenth sent, 1500-byte frames.
    const seconds = duration / 1000;
    const linkBytes = Math.min(bps / 8, 2_000_000) * seconds;
    const bytesRcved = Math.floor(linkBytes * 0.25);
    const bytesXmited = Math.floor(linkBytes * 0.1);
    return {
      bytesXmited,
      bytesRcved,
      framesXmited: Math.ceil(bytesXmited / 1500),
      framesRcved: Math.ceil(bytesRcved / 1500),
      crcErr: 0,
      timeoutErr: 0,
      alignmentErr: 0,
      hardwareOverrunErr: 0,
      framingErr: 0,
      bufferOverrunErr: 0,
      compressionRatioIn: conn.entry.deviceType.toLowerCase() === 'modem' ? 35 : 0,
      compressionRatioOut: conn.entry.deviceType.toLowerCase() === 'modem' ? 28 : 0,
      bps,
      connectDuration: Math.floor(duration),
    };
  }

  watchConnections(onEvent: (event: ConnectionEvent) => void): () => void {
    this.watchers.add(onEvent);
    return () => this.watchers.delete(onEvent);
  }

  private activeEntryKeys(): Set<string> {
    return new Set(
      [...this.connections.values()]
        .filter((c) => !c.hungUp)
        .map((c) => entryKey(c.phonebook, c.entry.name)),
    );
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

  errorMessage(code: number): string {
    return describeError(code).message;
  }

  dispose(): void {
    for (const conn of this.connections.values()) {
      conn.timer?.();
      conn.timer = null;
    }
    this.watchers.clear();
  }
}

function sameNumber(a: string, b: string): boolean {
  const digits = (s: string): string => s.replace(/\D/g, '');
  return digits(a) !== '' && digits(a) === digits(b);
}
