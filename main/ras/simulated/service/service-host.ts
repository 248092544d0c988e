// The shared simulated RAS service's side of the socket: one SimulatedRasServer for every
// program that connects. A dial's notifications go to the program that dialed; connection
// events go to every program that watches. A program that goes away leaves its connected
// connections up (as on Windows, where they outlive rasdial) and its unfinished dials are
// hung up, so no port stays held by a dial nobody can answer. A line the service cannot use
// closes that program's link only.

import net from 'node:net';
import { ERROR_INVALID_HANDLE, RasError } from '../../../../app/ras/errors';
import type { RasHandle, RasNotification } from '../../backend';
import type { SimulatedRasServer } from '../simulated-server';
import {
  readLines,
  requestSchema,
  SERVICE_PROTOCOL,
  type ServiceMessage,
  type ServiceRequest,
} from './service-protocol';

export interface ServiceHostOptions {
  server: SimulatedRasServer;
  /** Called when no program is linked and no port is held, after `idleMs` of both. */
  onIdle?: () => void;
  idleMs?: number;
  /**
   * Before the first program links (the one that started the service is on its way, and on a
   * busy machine that takes a while), the wait is this long instead (default 10 s).
   */
  firstIdleMs?: number;
}

export class ServiceHost {
  private readonly clients = new Set<net.Socket>();
  private idleTimer: NodeJS.Timeout | null = null;
  private everLinked = false;
  readonly server: net.Server;

  constructor(private readonly options: ServiceHostOptions) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /** Listens on `address` (a socket path or pipe name); rejects as `listen` does (EADDRINUSE). */
  listen(address: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(address, () => {
        this.server.off('error', reject);
        this.checkIdle();
        resolve();
      });
    });
  }

  get linked(): number {
    return this.clients.size;
  }

  /** Rechecks whether the service is idle: on every program that leaves and port released. */
  checkIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.idle()) return;
    this.idleTimer = setTimeout(
      () => {
        this.idleTimer = null;
        if (this.idle()) this.options.onIdle?.();
      },
      this.everLinked ? (this.options.idleMs ?? 1000) : (this.options.firstIdleMs ?? 10_000),
    );
  }

  private idle(): boolean {
    return this.clients.size === 0 && this.options.server.portsInUse === 0;
  }

  close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const socket of this.clients) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    const ras = this.options.server;
    this.clients.add(socket);
    this.everLinked = true;
    this.checkIdle();
    const owned = new Set<RasHandle>();
    let greeted = false;
    let stopWatch: (() => void) | null = null;
    // The terminal of a dial talks to the program that dialed it, as its notifications do.
    const stopTerminal = ras.watchTerminal((output) => {
      if (owned.has(output.handle)) send({ terminal: output });
    });
    const send = (message: ServiceMessage): void => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
    };
    // A program's errors end its own link, never the service.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.clients.delete(socket);
      stopWatch?.();
      stopTerminal();
      for (const handle of owned) {
        if (ras.isDialing(handle)) void ras.hangUp(handle).catch(() => undefined);
        else ras.redirect(handle, () => undefined);
      }
      this.checkIdle();
    });

    const handle = async (request: ServiceRequest): Promise<unknown> => {
      switch (request.op) {
        case 'hello':
          if (request.protocol !== SERVICE_PROTOCOL)
            throw new Error(
              `the service speaks protocol ${SERVICE_PROTOCOL}, this program ${request.protocol}`,
            );
          greeted = true;
          return { protocol: SERVICE_PROTOCOL, pid: process.pid };
        case 'dial': {
          // Notifications wait until the handle has been sent: the program learns it first.
          let sent = false;
          const early: RasNotification[] = [];
          const notify = (n: RasNotification): void => {
            if (sent) send({ notify: n });
            else early.push(n);
          };
          const h = await ras.dial(request.dial, notify);
          owned.add(h);
          send({ id: request.id, ok: h });
          sent = true;
          for (const n of early) send({ notify: n });
          return undefined;
        }
        case 'resume':
          return ras.resume(request.handle, request.answer);
        case 'terminalSend':
          if (!owned.has(request.handle)) throw new RasError(ERROR_INVALID_HANDLE);
          return ras.terminalSend(request.handle, request.text);
        case 'status':
          return ras.getConnectStatus(request.handle);
        case 'statistics':
          return ras.getStatistics(request.handle);
        case 'details':
          return ras.getConnectionDetails(request.handle);
        case 'hangUp':
          return ras.hangUp(request.handle);
        case 'enum':
          return ras.enumConnections();
        case 'active':
          return [...(await ras.activeEntries())];
        case 'watch':
          stopWatch ??= ras.watchConnections((event) => send({ event }));
          return null;
      }
    };

    readLines(
      socket,
      (line) => {
        let request: ServiceRequest;
        try {
          request = requestSchema.parse(JSON.parse(line));
        } catch {
          socket.destroy();
          return;
        }
        if (!greeted && request.op !== 'hello') {
          socket.destroy();
          return;
        }
        handle(request).then(
          (ok) => {
            if (request.op !== 'dial') send({ id: request.id, ok: ok ?? null });
          },
          (error: unknown) =>
            send({
              id: request.id,
              error: {
                code: error instanceof RasError ? error.code : 0,
                message: error instanceof Error ? error.message : String(error),
              },
            }),
        );
      },
      () => socket.destroy(),
    );
  }
}
