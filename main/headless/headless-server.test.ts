import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../app-core';
import { isLoopback, startHeadlessHost, type HeadlessHost } from './headless-server';

let dir: string;
let core: Core;
let host: HeadlessHost;
const logged: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-headless-'));
  const renderer = path.join(dir, 'renderer');
  await mkdir(renderer);
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>RAS Connect</title>');
  await writeFile(path.join(dir, 'secret.txt'), 'not for the browser');
  core = await createCore({
    dataDir: dir,
    backend: 'simulated',
    speed: 0,
    version: '0',
    platform: 'linux',
    log: (m) => logged.push(m),
  });
  host = await startHeadlessHost({ core, rendererDir: renderer, log: (m) => logged.push(m) });
});
afterEach(async () => {
  await host.close();
  core.dispose();
  await rm(dir, { recursive: true, force: true });
});

function get(
  pathname: string,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function open(token: string, origin: string | undefined): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `ws://127.0.0.1:${host.port}/ras?token=${token}`,
      origin ? { origin } : {},
    );
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function next(
  ws: WebSocket,
  match: (m: { type: string; id?: number; event?: string }) => boolean,
): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as Record<string, unknown> & { type: string };
      if (match(message)) {
        ws.off('message', on);
        resolve(message);
      }
    };
    ws.on('message', on);
  });
}

const ownOrigin = () => `http://127.0.0.1:${host.port}`;

describe('browser mode host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
    // Every other address of this machine: nothing listens there.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of others)
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect({ host: address, port: host.port }, () => resolve('connected'));
          socket.once('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code)));
        }),
      ).rejects.toThrow(); // refused, or (link-local without a scope) not even tried
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('::ffff:127.0.0.1')).toBe(
      true,
    );
    for (const address of ['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.5', 'fe80::1', undefined])
      expect(isLoopback(address)).toBe(false);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    expect(logged.some((m) => m.includes('refused a browser-mode request'))).toBe(true);
  });

  it('serves the renderer with a strict Content Security Policy', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('RAS Connect');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves nothing outside the renderer folder and only GET or HEAD', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('refuses a socket with a wrong token, a foreign Origin or none', async () => {
    await expect(open('0'.repeat(48), ownOrigin())).rejects.toThrow('HTTP 403');
    await expect(open(host.token, 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(open(host.token, undefined)).rejects.toThrow('HTTP 403');
    await expect(open(host.token, `http://localhost:${host.port}`)).rejects.toThrow('HTTP 403');
    await expect(open('', ownOrigin())).rejects.toThrow('HTTP 403');
    await expect(open(host.token.slice(0, -1), ownOrigin())).rejects.toThrow('HTTP 403');
    expect(logged.filter((m) => m.includes('refused a browser-mode connection'))).toHaveLength(6);
  });

  it('carries invokes and events over the socket', async () => {
    const ws = await open(host.token, ownOrigin());
    const info = next(ws, (m) => m.type === 'result' && m.id === 1);
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', payload: {} }));
    expect(await info).toMatchObject({ result: { ok: true, value: { backend: 'simulated' } } });
    const state = next(ws, (m) => m.type === 'event' && m.event === 'connection:state');
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 2,
        channel: 'connection:dial',
        payload: { entryName: 'Office VPN' },
      }),
    );
    expect(await state).toMatchObject({ payload: { connections: [{ entryName: 'Office VPN' }] } });
    const refused = next(ws, (m) => m.type === 'result' && m.id === 3);
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 3,
        channel: 'connection:dial',
        payload: { entryName: 7 },
      }),
    );
    expect(await refused).toMatchObject({
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    ws.close();
  });

  it('closes a socket that sends something other than an invoke', async () => {
    const ws = await open(host.token, ownOrigin());
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });
});
