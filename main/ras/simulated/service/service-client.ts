// A program's link to the shared simulated RAS service: a ConnectionService whose calls go
// over the socket. A dial starts the service when none is running; a program that `holds`
// the service (the window, browser mode) starts it at once and keeps it while it runs, so it
// hears of connections that other programs make. Without a service nothing is connected, and
// a program that only looks (`ras-connect` listing) says so without starting one.

import net from 'node:net';
import { RasState as S } from '../../../../app/ras/connection-state';
import { messageRef } from '../../../../app/ras/app-messages';
import { ERROR_INVALID_HANDLE, RasError } from '../../../../app/ras/errors';
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
} from '../../backend';
import type { ConnectionService, ServerDial } from '../connection-service';
import { ensureServiceFolder } from './service-address';
import {
  readLines,
  SERVICE_PROTOCOL,
  type ServiceMessage,
  type ServiceRequest,
} from './service-protocol';

/** ERROR_RASMAN_CANNOT_INITIALIZE: what Windows answers when the RAS service is not there. */
const NO_SERVICE = 711;

export interface ServiceClientOptions {
  address: string;
  /** Starts the service (a detached process); called when a dial finds none. */
  start: () => Promise<void>;
  /** Start the service now and keep the link while the program runs. */
  hold?: boolean;
  /** How long to wait for a started service to answer (default 10 s). */
  startWaitMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Runs as the answer is read, before any later line (a dial's notifier is in place in time). */
  onAnswer?: (value: unknown) => void;
}
type RequestBody = ServiceRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never;

export class ServiceClient implements ConnectionService {
  private socket: net.Socket | null = null;
  private linking: Promise<net.Socket | null> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly notifiers = new Map<RasHandle, NotifyFn>();
  private readonly watchers = new Set<(event: ConnectionEvent) => void>();
  private readonly terminalWatchers = new Set<(output: TerminalOutput) => void>();
  /** Connections this program heard connect: on a lost service they are reported gone. */
  private readonly connected = new Set<RasHandle>();
  private disposed = false;
  /** The service's process id, once linked (diagnostics, tests). */
  servicePid: number | null = null;

  constructor(private readonly options: ServiceClientOptions) {
    if (options.hold) void this.link(true).catch(() => undefined);
  }

  /** The link, made (and the service started when `start`) if there is none; null: no service. */
  private link(start: boolean): Promise<net.Socket | null> {
    if (this.socket) return Promise.resolve(this.socket);
    if (this.disposed) return Promise.reject(new RasError(NO_SERVICE, messageRef('sim.closing')));
    this.linking ??= this.open(start).finally(() => {
      this.linking = null;
    });
    return this.linking.then((socket) => socket ?? (start ? this.link(true) : null));
  }

  private async open(start: boolean): Promise<net.Socket | null> {
    // Passwords go over this link: only through a folder that is this user's alone.
    await ensureServiceFolder(this.options.address);
    let socket = await tryConnect(this.options.address);
    if (!socket && start) {
      await this.options.start();
      const until = Date.now() + (this.options.startWaitMs ?? 10_000);
      while (!socket && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        socket = await tryConnect(this.options.address);
      }
      if (!socket) throw new RasError(NO_SERVICE, messageRef('sim.serviceLate'));
    }
    if (!socket) return null;
    if (this.disposed) {
      socket.destroy();
      throw new RasError(NO_SERVICE, messageRef('sim.closing'));
    }
    this.adopt(socket);
    const hello = (await this.request({ op: 'hello', protocol: SERVICE_PROTOCOL })) as {
      pid: number;
    };
    this.servicePid = hello.pid;
    if (this.watchers.size > 0) await this.request({ op: 'watch' });
    return socket;
  }

  private adopt(socket: net.Socket): void {
    this.socket = socket;
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.lost(socket));
    readLines(
      socket,
      (line) => this.receive(line),
      () => socket.destroy(),
    );
  }

  private receive(line: string): void {
    let message: ServiceMessage;
    try {
      message = JSON.parse(line) as ServiceMessage;
    } catch {
      this.socket?.destroy();
      return;
    }
    if ('notify' in message) {
      const n = message.notify;
      this.notifiers.get(n.handle)?.(n);
      // After Connected or an end, RAS says nothing more to the dialer.
      if (n.error !== 0 || n.state === S.Connected || n.state === S.Disconnected)
        this.notifiers.delete(n.handle);
      return;
    }
    if ('terminal' in message) {
      for (const watch of this.terminalWatchers) watch(message.terminal);
      return;
    }
    if ('event' in message) {
      if (message.event.kind === 'connected') this.connected.add(message.event.handle);
      else this.connected.delete(message.event.handle);
      for (const watch of this.watchers) watch(message.event);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if ('error' in message)
      pending.reject(
        message.error.code > 0
          ? new RasError(message.error.code)
          : new RasError(
              NO_SERVICE,
              messageRef('sim.serviceFailed', { reason: message.error.message }),
            ),
      );
    else {
      pending.onAnswer?.(message.ok);
      pending.resolve(message.ok);
    }
  }

  /** The service went away: every call waiting fails, every dial ends, every connection is gone. */
  private lost(socket: net.Socket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.servicePid = null;
    for (const pending of this.pending.values())
      pending.reject(new RasError(NO_SERVICE, messageRef('sim.serviceStopped')));
    this.pending.clear();
    for (const [handle, notify] of this.notifiers)
      notify({ handle, state: S.Disconnected, error: NO_SERVICE, extendedError: 0, subEntry: 0 });
    this.notifiers.clear();
    for (const handle of this.connected)
      for (const watch of this.watchers) watch({ kind: 'disconnected', handle });
    this.connected.clear();
    // A program that holds the service starts it again for what it does next.
    if (this.options.hold && !this.disposed) void this.link(true).catch(() => undefined);
  }

  private request(body: RequestBody, onAnswer?: (value: unknown) => void): Promise<unknown> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new RasError(NO_SERVICE));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onAnswer });
      socket.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }

  /** A call about an existing connection: without a service there is none. */
  private async about(body: RequestBody): Promise<unknown> {
    if (!(await this.link(false))) throw new RasError(ERROR_INVALID_HANDLE);
    return this.request(body);
  }

  async dial(dial: ServerDial, onNotify: NotifyFn): Promise<RasHandle> {
    await this.link(true);
    // The handle arrives before its first notification: the notifier is set as it is read.
    return (await this.request({ op: 'dial', dial }, (handle) =>
      this.notifiers.set(handle as RasHandle, onNotify),
    )) as RasHandle;
  }

  async resume(handle: RasHandle, answer: PausedAnswer): Promise<void> {
    await this.about({ op: 'resume', handle, answer });
  }

  async terminalSend(handle: RasHandle, text: string): Promise<void> {
    await this.about({ op: 'terminalSend', handle, text });
  }

  watchTerminal(onOutput: (output: TerminalOutput) => void): () => void {
    this.terminalWatchers.add(onOutput);
    return () => this.terminalWatchers.delete(onOutput);
  }

  async getConnectStatus(handle: RasHandle): Promise<ConnectStatus> {
    return (await this.about({ op: 'status', handle })) as ConnectStatus;
  }

  async enumConnections(): Promise<RasConnectionInfo[]> {
    if (!(await this.link(false))) return [];
    return (await this.request({ op: 'enum' })) as RasConnectionInfo[];
  }

  async hangUp(handle: RasHandle): Promise<void> {
    await this.about({ op: 'hangUp', handle });
  }

  async getStatistics(handle: RasHandle): Promise<RasStatistics> {
    return (await this.about({ op: 'statistics', handle })) as RasStatistics;
  }

  async getConnectionDetails(handle: RasHandle): Promise<ConnectionDetails> {
    return (await this.about({ op: 'details', handle })) as ConnectionDetails;
  }

  watchConnections(onEvent: (event: ConnectionEvent) => void): () => void {
    const first = this.watchers.size === 0;
    this.watchers.add(onEvent);
    // Linked now: watch now. Not linked: `open` asks to watch when a link is made.
    if (first && this.socket) void this.request({ op: 'watch' }).catch(() => undefined);
    return () => this.watchers.delete(onEvent);
  }

  async activeEntries(): Promise<Set<string>> {
    if (!(await this.link(false))) return new Set();
    return new Set((await this.request({ op: 'active' })) as string[]);
  }

  dispose(): void {
    this.disposed = true;
    this.watchers.clear();
    this.terminalWatchers.clear();
    this.notifiers.clear();
    this.socket?.end();
  }
}

/** A link to the address, or null when nothing listens there. */
function tryConnect(address: string): Promise<net.Socket | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(address);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else
        reject(
          new RasError(
            NO_SERVICE,
            messageRef('sim.serviceFailed', { reason: error.code ?? error.message }),
          ),
        );
    });
  });
}
