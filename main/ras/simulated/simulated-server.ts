// The simulated RAS server's connections, by the rules of shared/simulated-ras.md: it runs
// each call's dial script on a clock, holds 8 ports, keeps connections until they are hung
// up and their port released, and reports statistics. One instance serves a whole user
// session (service/service-host.ts); tests make a private one on a manual clock.

import { messageRef } from '../../../app/ras/app-messages';
import { RasState as S } from '../../../app/ras/connection-state';
import { ERROR_INVALID_HANDLE, RasError, RasErrorCode as E } from '../../../app/ras/errors';
import type {
  ConnectStatus,
  ConnectionDetails,
  ConnectionEvent,
  NotifyFn,
  PausedAnswer,
  RasConnectionInfo,
  RasHandle,
  RasStatistics,
  TerminalOutput,
} from '../backend';
import { realClock, type Cancel, type Clock } from '../../clock';
import { dialScript, type DialScript, type Step } from './dial-script';
import {
  chooseTunnel,
  connectionDetails,
  connectionDevice,
  ERROR_PROJECTION_NOT_COMPLETE,
  signInAgreed,
} from './connection-details';
import type { TerminalReply, TerminalScript } from './terminal-script';
import {
  entryKey,
  type ConnectionService,
  type DialedEntry,
  type ServerDial,
} from './connection-service';

export const SIMULATED_PORTS = 8;
/** How long the port takes to be released after a hang-up, before speed scaling. */
export const PORT_RELEASE_MS = 1500;
/** How long a remote side that said goodbye takes to drop the line, before speed scaling. */
export const TERMINAL_HANG_UP_MS = 500;

interface Connection {
  handle: RasHandle;
  entry: DialedEntry;
  phonebook: string;
  destination: string;
  notify: NotifyFn;
  script: DialScript;
  /** The server's port (1 to 8) the call holds; null for a call refused for want of one. */
  port: number | null;
  /** What RasGetConnectStatus names: a VPN's is the miniport of the tunnel that answered. */
  device: { type: string; name: string };
  /** What the link is agreed on with, readable from RASCS_Projected on; null if it never can be. */
  details: ConnectionDetails | null;
  projected: boolean;
  speed: number;
  state: number;
  error: number;
  /** Waiting for `resume` with this paused state. */
  pausedIn: number | null;
  /** The remote side's login while paused in Interactive. */
  terminal: TerminalScript | null;
  connectedAt: number | null;
  hungUp: boolean;
  /** RasDial of a connected entry adds a reference; each needs its own hang-up. */
  references: number;
  timer: Cancel | null;
}

export interface SimulatedServerOptions {
  clock?: Clock;
  /** The first handle's number; the shared service starts at a random one, so a handle kept from an earlier service never names a new connection. */
  firstHandle?: number;
  /** Called when a port is released (the service leaves once nothing is held). */
  onPortReleased?: () => void;
}

const bpsByDevice: Record<string, number> = { modem: 49_333, isdn: 64_000 };

export class SimulatedRasServer implements ConnectionService {
  private readonly clock: Clock;
  private readonly connections = new Map<RasHandle, Connection>();
  private readonly watchers = new Set<(event: ConnectionEvent) => void>();
  private readonly terminalWatchers = new Set<(output: TerminalOutput) => void>();
  private nextHandle: number;
  private readonly onPortReleased: () => void;

  constructor(options: SimulatedServerOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.nextHandle = options.firstHandle ?? 1;
    this.onPortReleased = options.onPortReleased ?? (() => undefined);
  }

  /** Ports in use, including those still being released after a hang-up. */
  get portsInUse(): number {
    return this.connections.size;
  }

  async dial(dial: ServerDial, onNotify: NotifyFn): Promise<RasHandle> {
    const { entry, phonebook, destination } = dial;
    // Nothing awaits in here, so the checks below and the port taken are one step.
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
    const handle = `sim:${(this.nextHandle++ >>> 0).toString(16).padStart(8, '0')}`;
    const portsInUse = this.connections.size;
    // A call refused for want of a port holds none, though it is counted until it is hung up.
    const port = portsInUse >= SIMULATED_PORTS ? null : this.freePort();
    const tunnel = chooseTunnel(entry, destination);
    const won = tunnel.ok ? tunnel.tunnel : null;
    const conn: Connection = {
      handle,
      entry,
      phonebook,
      destination,
      notify: onNotify,
      script: dialScript({
        entry,
        destination,
        userName: dial.userName,
        password: dial.password,
        callbackNumber: dial.callbackNumber,
        pausedStates: dial.pausedStates,
        tunnel,
        signInAgreed: signInAgreed(entry, won),
      }),
      port,
      device: connectionDevice(entry, won),
      details:
        port !== null && tunnel.ok
          ? connectionDetails({ entry, destination, port, tunnel: won })
          : null,
      projected: false,
      speed: Math.max(0, dial.speed),
      state: S.OpenPort,
      error: 0,
      pausedIn: null,
      terminal: null,
      connectedAt: null,
      hungUp: false,
      references: 1,
      timer: null,
    };
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

  /** The lowest port no connection holds; null when all are taken. */
  private freePort(): number | null {
    const held = new Set([...this.connections.values()].map((c) => c.port));
    for (let port = 1; port <= SIMULATED_PORTS; port++) if (!held.has(port)) return port;
    return null;
  }

  /** Sends this connection's notifications elsewhere (the program that dialed it has gone). */
  redirect(handle: RasHandle, notify: NotifyFn): void {
    const conn = this.connections.get(handle);
    if (conn) conn.notify = notify;
  }

  /** Whether the connection is still on its way: not connected, not ended, not hung up. */
  isDialing(handle: RasHandle): boolean {
    const conn = this.connections.get(handle);
    return !!conn && !conn.hungUp && conn.connectedAt === null && conn.error === 0;
  }

  private scaled(conn: Connection, ms: number): number {
    return ms * conn.speed;
  }

  private failLater(conn: Connection, state: number, error: number): void {
    conn.timer = this.clock.setTimeout(
      () => {
        conn.timer = null;
        this.emit(conn, state, error);
      },
      this.scaled(conn, 50),
    );
  }

  private emit(conn: Connection, state: number, error: number): void {
    if (conn.hungUp) return;
    conn.state = state;
    conn.error = error;
    if (state === S.Projected && error === 0) conn.projected = true;
    conn.notify({ handle: conn.handle, state, error, extendedError: 0, subEntry: 0 });
  }

  /** Runs the script up to its next wait: a timed step or a pause. */
  private advance(conn: Connection, answer: PausedAnswer | undefined): void {
    const next = conn.script.next(answer);
    if (next.done) return;
    const step: Step = next.value;
    if (step.kind === 'pause') {
      conn.timer = this.clock.setTimeout(
        () => {
          conn.timer = null;
          conn.pausedIn = step.state;
          this.emit(conn, step.state, 0);
          // The remote side greets the terminal window once the dial waits for it.
          if (step.terminal) {
            conn.terminal = step.terminal;
            this.print(conn, step.terminal.start());
          }
        },
        this.scaled(conn, 50),
      );
      return;
    }
    conn.timer = this.clock.setTimeout(
      () => {
        conn.timer = null;
        if (conn.hungUp) return;
        if (step.kind === 'fail') {
          this.emit(conn, step.state, step.error);
          return;
        }
        if (step.kind === 'connected') {
          conn.connectedAt = this.clock.now();
          this.emit(conn, S.Connected, 0);
          this.announce({ kind: 'connected', handle: conn.handle });
          if (step.dropAfterMs !== null) this.scheduleDrop(conn, step.dropAfterMs);
          return;
        }
        this.emit(conn, step.state, 0);
        this.advance(conn, undefined);
      },
      this.scaled(conn, step.ms),
    );
  }

  private announce(event: ConnectionEvent): void {
    for (const watch of this.watchers) watch(event);
  }

  private scheduleDrop(conn: Connection, afterMs: number): void {
    conn.timer = this.clock.setTimeout(
      () => {
        conn.timer = null;
        if (conn.hungUp) return;
        // After Connected, RAS sends no more notifications: the drop shows in the status and the watchers.
        conn.state = S.Disconnected;
        conn.error = E.ERROR_REMOTE_DISCONNECTION;
        conn.connectedAt = null;
        this.announce({ kind: 'disconnected', handle: conn.handle });
      },
      this.scaled(conn, afterMs),
    );
  }

  async resume(handle: RasHandle, answer: PausedAnswer): Promise<void> {
    const conn = this.live(handle);
    if (conn.pausedIn === null)
      throw new RasError(E.ERROR_DIAL_ALREADY_IN_PROGRESS, messageRef('sim.notPaused'));
    conn.pausedIn = null;
    conn.terminal = null;
    this.advance(conn, answer);
  }

  async terminalSend(handle: RasHandle, text: string): Promise<void> {
    const conn = this.live(handle);
    if (conn.hungUp || conn.pausedIn !== S.Interactive || !conn.terminal)
      throw new RasError(E.ERROR_DIAL_ALREADY_IN_PROGRESS, messageRef('sim.notInTerminal'));
    this.print(conn, conn.terminal.input(text));
  }

  watchTerminal(onOutput: (output: TerminalOutput) => void): () => void {
    this.terminalWatchers.add(onOutput);
    return () => this.terminalWatchers.delete(onOutput);
  }

  private print(conn: Connection, reply: TerminalReply): void {
    const output: TerminalOutput = {
      handle: conn.handle,
      text: reply.text,
      hideInput: reply.hideInput,
      ready: reply.ready,
      closed: reply.hangUpWith !== null,
    };
    for (const watch of this.terminalWatchers) watch(output);
    if (reply.hangUpWith === null) return;
    // The remote side hung up: the dial ends in Interactive with its error, a moment later.
    const error = reply.hangUpWith;
    conn.terminal = null;
    conn.pausedIn = null;
    conn.script.return(undefined);
    conn.timer = this.clock.setTimeout(
      () => {
        conn.timer = null;
        this.emit(conn, S.Interactive, error);
      },
      this.scaled(conn, TERMINAL_HANG_UP_MS),
    );
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
      deviceType: conn.device.type,
      deviceName: conn.device.name,
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
        deviceType: c.device.type,
        deviceName: c.device.name,
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
    conn.terminal = null;
    const wasConnected = conn.connectedAt !== null;
    conn.connectedAt = null;
    if (conn.error === 0) conn.state = S.Disconnected;
    conn.script.return(undefined);
    if (wasConnected) this.announce({ kind: 'disconnected', handle });
    // The port is released a little later; until then the handle stays valid.
    this.clock.setTimeout(
      () => {
        this.connections.delete(handle);
        this.onPortReleased();
      },
      this.scaled(conn, PORT_RELEASE_MS),
    );
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

  /**
   * Like RasGetProjectionInfoEx: 730 until the dial has reached RASCS_Projected; 6 once the
   * link is down (hung up, or dropped) or the handle is gone.
   */
  async getConnectionDetails(handle: RasHandle): Promise<ConnectionDetails> {
    const conn = this.live(handle);
    if (conn.hungUp || (conn.projected && conn.state === S.Disconnected))
      throw new RasError(ERROR_INVALID_HANDLE);
    if (!conn.projected || !conn.details) throw new RasError(ERROR_PROJECTION_NOT_COMPLETE);
    return structuredClone(conn.details);
  }

  watchConnections(onEvent: (event: ConnectionEvent) => void): () => void {
    this.watchers.add(onEvent);
    return () => this.watchers.delete(onEvent);
  }

  async activeEntries(): Promise<Set<string>> {
    return new Set(
      [...this.connections.values()]
        .filter((c) => !c.hungUp)
        .map((c) => entryKey(c.phonebook, c.entry.name)),
    );
  }

  dispose(): void {
    for (const conn of this.connections.values()) {
      conn.timer?.();
      conn.timer = null;
    }
    this.watchers.clear();
    this.terminalWatchers.clear();
  }
}

function sameNumber(a: string, b: string): boolean {
  const digits = (s: string): string => s.replace(/\D/g, '');
  return digits(a) !== '' && digits(a) === digits(b);
}
