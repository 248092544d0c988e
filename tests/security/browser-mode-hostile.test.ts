// Browser mode against hostile requests, as the person runs it (`node out/main/headless.js`,
// here through tsx): a request the server cannot parse, or a WebSocket frame that breaks the
// protocol, fails that request or that socket only; the process lives and keeps serving.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const entry = path.join(root, 'main/headless.ts');

interface Running {
  child: ChildProcess;
  port: number;
  token: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startBrowserMode(home: string, renderer: string): Promise<Running> {
  const child = spawn(tsx, [entry], {
    cwd: root,
    env: {
      ...process.env,
      RAS_CONNECT_HOME: home,
      RAS_CONNECT_RENDERER: renderer,
      RAS_CONNECT_BACKEND: 'simulated',
      RAS_CONNECT_SIM_SPEED: '0',
      RAS_CONNECT_PORT: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), token: m[2]!, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`browser mode exited (${code}): ${err}`)));
  });
}

/** Sends raw bytes and collects everything until the server closes or `until` matches. */
function raw(
  port: number,
  bytes: string | Buffer,
  until: (text: string) => boolean = () => false,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
    let text = '';
    const done = () => {
      socket.destroy();
      resolve(text);
    };
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (until(text)) done();
    });
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', reject);
    socket.setTimeout(5_000, () => reject(new Error(`no answer; got ${JSON.stringify(text)}`)));
  });
}

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

function upgradeRequest(port: number, target: string): string {
  return (
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
    `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`
  );
}

/** A raw socket after a valid upgrade with the token. */
function rawSocket(app: Running): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: app.port }, () =>
      socket.write(upgradeRequest(app.port, `/ras?token=${app.token}`)),
    );
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (statusOf(head) === 101) resolve(socket);
      else reject(new Error(`upgrade refused: ${head}`));
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

/** One frame; `mask` false sends it unmasked (which a client must never do). */
function frame(
  first: number,
  payload: Buffer,
  { mask = true, length = payload.length }: { mask?: boolean; length?: number } = {},
): Buffer {
  const parts: Buffer[] = [];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) parts.push(Buffer.from([first, maskBit | length]));
  else if (length < 65536) {
    const h = Buffer.alloc(4);
    h[0] = first;
    h[1] = maskBit | 126;
    h.writeUInt16BE(length, 2);
    parts.push(h);
  } else {
    const h = Buffer.alloc(10);
    h[0] = first;
    h[1] = maskBit | 127;
    h.writeBigUInt64BE(BigInt(length), 2);
    parts.push(h);
  }
  if (mask) {
    const key = randomBytes(4);
    parts.push(key, Buffer.from(payload.map((b, i) => b ^ key[i % 4]!)));
  } else parts.push(payload);
  return Buffer.concat(parts);
}

function closedAfter(socket: Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket stayed open')), 5_000);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.write(bytes);
  });
}

/** A real client with the token still gets answers: the server lives. */
async function stillServes(app: Running): Promise<void> {
  expect(app.child.exitCode).toBeNull();
  const ws = new WebSocket(`ws://127.0.0.1:${app.port}/ras?token=${app.token}`, {
    origin: `http://127.0.0.1:${app.port}`,
  });
  const answer = await new Promise<Record<string, unknown>>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', payload: {} })),
    );
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.type === 'result') resolve(message);
    });
  });
  ws.close();
  expect(answer).toMatchObject({ id: 1, result: { ok: true, value: { backend: 'simulated' } } });
  const page = await raw(
    app.port,
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nConnection: close\r\n\r\n`,
  );
  expect(statusOf(page)).toBe(200);
}

let dir: string;
let app: Running;
const start = () => startBrowserMode(path.join(dir, 'home'), path.join(dir, 'renderer'));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-hostile-'));
  const renderer = path.join(dir, 'renderer');
  await mkdir(renderer);
  await mkdir(path.join(dir, 'home'));
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>RAS Connect</title>');
  app = await start();
}, 60_000);

// Each case starts from a living server, so one that kills it fails on its own.
beforeEach(async () => {
  const listening = await new Promise<boolean>((resolve) => {
    const probe = connect({ host: '127.0.0.1', port: app.port }, () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
  if (listening && app.child.exitCode === null) return;
  if (app.child.exitCode === null) app.child.kill('SIGKILL');
  await app.exited;
  app = await start();
}, 60_000);

afterAll(async () => {
  if (app && app.child.exitCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('browser mode survives requests it cannot parse', () => {
  const plain = (target: string) =>
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nConnection: close\r\n\r\n`;

  it.each(['/%ff', '//', '/%', '/a%zz', '//evil.example/index.html', '/\\evil.example'])(
    'answers GET %s with 400 and keeps serving',
    async (target) => {
      expect(statusOf(await raw(app.port, plain(target)))).toBe(400);
      await stillServes(app);
    },
  );

  it.each(['//', '/%ff', '/ras%ff', '//ras', '/%'])(
    'answers an upgrade to %s with 400 and keeps serving',
    async (target) => {
      expect(statusOf(await raw(app.port, upgradeRequest(app.port, target)))).toBe(400);
      await stillServes(app);
    },
  );

  it('still refuses an upgrade with a token but to another path (403)', async () => {
    const answer = await raw(app.port, upgradeRequest(app.port, `/other?token=${app.token}`));
    expect(statusOf(answer)).toBe(403);
    await stillServes(app);
  });
});

describe('browser mode survives WebSocket protocol errors', () => {
  const hello = Buffer.from(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info' }));
  const cases: [string, () => Buffer][] = [
    ['invalid UTF-8 in a text frame', () => frame(0x81, Buffer.from([0xff, 0xfe, 0xfd]))],
    ['an unmasked client frame', () => frame(0x81, hello, { mask: false })],
    ['a reserved bit (RSV1) set', () => frame(0xc1, hello)],
    ['a reserved bit (RSV3) set', () => frame(0x91, hello)],
    ['a reserved opcode', () => frame(0x83, hello)],
    ['a close frame with a bad code', () => frame(0x88, Buffer.from([0x03, 0xe7]))], // 999
    ['a close frame with a reserved code', () => frame(0x88, Buffer.from([0x03, 0xed]))], // 1005
    ['a continuation frame with nothing to continue', () => frame(0x80, hello)],
    ['a fragmented control frame', () => frame(0x09, Buffer.from('ping'))],
    [
      'a message over the 1 MiB limit (announced length)',
      () => frame(0x82, Buffer.alloc(0), { length: 2 << 20 }).subarray(0, 10),
    ],
    [
      'a message over the 1 MiB limit (in fragments)',
      () =>
        Buffer.concat([
          frame(0x02, Buffer.alloc(700_000, 0x61)),
          frame(0x80, Buffer.alloc(700_000, 0x61)),
        ]),
    ],
  ];

  it.each(cases)('closes only the socket that sent %s', async (_name, bytes) => {
    const bystander = await rawSocket(app);
    const offender = await rawSocket(app);
    await closedAfter(offender, bytes());
    // Give the process a moment to die if it is going to.
    await new Promise((r) => setTimeout(r, 100));
    expect(bystander.destroyed).toBe(false);
    // The bystander still gets an answer on its own socket.
    const answer = new Promise<string>((resolve) => {
      let text = '';
      bystander.on('data', (d: Buffer) => {
        text += d.toString('latin1');
        if (text.includes('"result"')) resolve(text);
      });
    });
    bystander.write(
      frame(
        0x81,
        Buffer.from(JSON.stringify({ type: 'invoke', id: 5, channel: 'app:info', payload: {} })),
      ),
    );
    expect(await answer).toContain('"backend":"simulated"');
    bystander.destroy();
    await stillServes(app);
  });
});

describe('browser mode on a port that is already taken', () => {
  let holder: Server;
  let port: number;
  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    port = (holder.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('says so in one line, exits non-zero and writes nothing', async () => {
    const home = path.join(dir, 'busy-home');
    const child = spawn(tsx, [entry], {
      cwd: root,
      env: {
        ...process.env,
        RAS_CONNECT_HOME: home,
        RAS_CONNECT_RENDERER: path.join(dir, 'renderer'),
        RAS_CONNECT_BACKEND: 'simulated',
        RAS_CONNECT_PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) =>
      child.once('exit', (c) => resolve(c)),
    );
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port}`);
    expect(lines[0]).toMatch(/already in use/);
    expect(lines[0]).toContain('RAS_CONNECT_PORT');
    expect(err).not.toMatch(/\n\s+at /);
    // Nothing was created: no data folder, no demo phonebook.
    await expect(readdir(home)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 30_000);

  it('refuses a RAS_CONNECT_PORT that is not a port number in one line', async () => {
    const home = path.join(dir, 'bad-port-home');
    const child = spawn(tsx, [entry], {
      cwd: root,
      env: {
        ...process.env,
        RAS_CONNECT_HOME: home,
        RAS_CONNECT_RENDERER: path.join(dir, 'renderer'),
        RAS_CONNECT_BACKEND: 'simulated',
        RAS_CONNECT_PORT: '70000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) =>
      child.once('exit', (c) => resolve(c)),
    );
    expect(code).not.toBe(0);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('RAS_CONNECT_PORT');
    await expect(readdir(home)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 30_000);
});
