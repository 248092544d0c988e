// Browser mode: the built renderer over HTTP and the IPC contract over a WebSocket, on
// 127.0.0.1 only. The socket needs the random token of the printed URL and our own Origin;
// a connection from outside loopback is refused.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

function sameSecret(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const root = path.resolve(options.rendererDir);
  let origin = '';

  const server = http.createServer((req, res) => {
    void serveFile(req, res);
  });

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends its
    // own name as Host: only our address is served.
    if (!isLoopback(req.socket.remoteAddress) || req.headers.host !== new URL(origin).host) {
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
    const url = new URL(req.url ?? '/', origin);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
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
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const allowed =
      isLoopback(req.socket.remoteAddress) &&
      url.pathname === '/ras' &&
      req.headers.host === new URL(origin).host &&
      req.headers.origin === origin &&
      sameSecret(url.searchParams.get('token'), token);
    if (!allowed) {
      options.log(
        `refused a browser-mode connection from ${req.socket.remoteAddress ?? '?'} (origin ${req.headers.origin ?? 'none'})`,
      );
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  let nextClient = 1;
  function attach(ws: WebSocket): void {
    const client = `socket:${nextClient++}`;
    const send = (message: ServerMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
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
      void options.core.router
        .handle(channel, payload, client)
        .then((result) => send({ type: 'result', id, result }));
    });
    ws.on('close', () => {
      removeSink();
      options.core.router.dropClient(client);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
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
