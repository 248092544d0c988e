// Browser mode: the built renderer over HTTP and the IPC contract over a WebSocket, on
// 127.0.0.1 only. The socket needs the random token of the printed URL and our own Origin;
// a connection from outside loopback is refused.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { isEventName } from '../../app/ipc/channels';
import type { Core } from '../app-core';
import { clientMessageSchema, type ServerMessage } from '../../app/ipc/wire';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self' ws://127.0.0.1:*; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface HeadlessOptions {
  core: Core;
  /** A server already listening (see listenLoopback); otherwise one is started on `port`. */
  server?: http.Server;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 = any free port. */
  port?: number;
  token?: string;
  log: (message: string) => void;
}

export interface HeadlessHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function isLoopback(address: string | undefined): boolean {
  return (
    !!address && (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1')
  );
}

/** Why browser mode could not start, in one sentence for the person (no stack). */
export class HeadlessStartError extends Error {}

/** Checks RAS_CONNECT_PORT's text: a whole number from 0 (any free port) to 65535. */
export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const port = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(port) || port > 65535)
    throw new HeadlessStartError(
      `RAS_CONNECT_PORT must be a port number from 1 to 65535 (or 0 for any free port), not "${raw.slice(0, 32)}".`,
    );
  return port;
}

/**
 * Listens on 127.0.0.1 before anything else happens, so that a busy port is one clear
 * sentence and nothing has been written yet.
 */
export async function listenLoopback(port = 0): Promise<http.Server> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(
          new HeadlessStartError(
            `Browser mode cannot start: port ${port} on 127.0.0.1 is already in use; stop the program that uses it or choose another port with RAS_CONNECT_PORT (0 = any free port).`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(
          new HeadlessStartError(
            `Browser mode cannot start: port ${port} on 127.0.0.1 needs rights this user does not have; choose another port with RAS_CONNECT_PORT (0 = any free port).`,
          ),
        );
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

/**
 * The path and query of a request target, or null when it cannot be parsed: only the
 * origin form ("/path?query") is accepted, never "//host/…" or "/\\host" (which URL
 * parsers read as another host), and the path must decode (no bad % escape, no NUL).
 */
export function parseTarget(
  target: string | undefined,
): { pathname: string; query: URLSearchParams } | null {
  if (!target || target[0] !== '/' || target[1] === '/' || target[1] === '\\') return null;
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  if (rawPath.includes('\\')) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  return { pathname, query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}

function sameSecret(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const root = path.resolve(options.rendererDir);

  const server = options.server ?? (await listenLoopback(options.port ?? 0));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const host = `127.0.0.1:${port}`;

  // No request may stop the process: whatever a handler throws fails that request only.
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    serveFile(req, res).catch((error: unknown) => {
      options.log(`a browser-mode request failed: ${String(error).slice(0, 200)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('error', (error) => options.log(`browser mode: ${String(error).slice(0, 200)}`));

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends its
    // own name as Host: only our address is served.
    if (!isLoopback(req.socket.remoteAddress) || req.headers.host !== host) {
      options.log(
        `refused a browser-mode request from ${req.socket.remoteAddress ?? '?'} (host ${req.headers.host ?? 'none'})`,
      );
      res.writeHead(403).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const target = parseTarget(req.url);
    if (!target) {
      res.writeHead(400).end();
      return;
    }
    const relative = target.pathname === '/' ? '/index.html' : target.pathname;
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own error listener off an upgraded socket: a reset must not be fatal.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (error) {
      options.log(`a browser-mode connection failed: ${String(error).slice(0, 200)}`);
      socket.destroy();
    }
  });

  function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const target = parseTarget(req.url);
    if (!target) {
      options.log(
        `refused a browser-mode connection from ${req.socket.remoteAddress ?? '?'}: a path that cannot be parsed`,
      );
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const allowed =
      isLoopback(req.socket.remoteAddress) &&
      target.pathname === '/ras' &&
      req.headers.host === host &&
      req.headers.origin === origin &&
      sameSecret(target.query.get('token'), token);
    if (!allowed) {
      options.log(
        `refused a browser-mode connection from ${req.socket.remoteAddress ?? '?'} (origin ${req.headers.origin ?? 'none'})`,
      );
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws));
  }

  let nextClient = 1;
  function attach(ws: WebSocket): void {
    const client = `socket:${nextClient++}`;
    const send = (message: ServerMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    // A protocol error (bad UTF-8, an unmasked frame, a reserved bit or opcode, a bad close
    // code, a message over the limit): ws closes this socket; the error must not be fatal.
    ws.on('error', (error) => {
      options.log(`closed ${client}: ${error.message.slice(0, 200)}`);
      ws.terminate();
    });
    const removeSink = options.core.addSink((event, payload) => {
      if (isEventName(event)) send({ type: 'event', event, payload });
    });
    ws.on('message', (data) => {
      let parsed;
      try {
        parsed = clientMessageSchema.safeParse(JSON.parse(String(data)));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        options.log(`closed ${client}: a message that is not an invoke`);
        ws.close(1008, 'invalid message');
        return;
      }
      const { id, channel, payload } = parsed.data;
      options.core.router
        .handle(channel, payload, client)
        .then((result) => send({ type: 'result', id, result }))
        .catch((error: unknown) => {
          options.log(`${client}: ${channel} failed: ${String(error).slice(0, 200)}`);
          send({
            type: 'result',
            id,
            result: {
              ok: false,
              error: {
                code: 'INTERNAL',
                name: 'INTERNAL',
                message: 'The request failed.',
                key: 'ipc.requestFailed',
                params: {},
              },
            },
          });
        });
    });
    ws.on('close', () => {
      removeSink();
      options.core.router.dropClient(client);
    });
  }

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets.clients) ws.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
