// The shared simulated RAS service over its real socket: several programs (clients) in this
// process, one service, the same ports, handles, statistics and events for all of them.

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RasState as S } from '../../../../app/ras/connection-state';
import type { ConnectionEvent, RasNotification, TerminalOutput } from '../../backend';
import type { ServerDial } from '../connection-service';
import { runService, type RunningService } from './run-service';
import { ServiceClient } from './service-client';
import { serviceAddress } from './service-address';
import { SIMULATED_PORTS } from '../simulated-server';
import { DEFAULT_NEGOTIATION } from '../entry-negotiation';
import { SERVICE_PROTOCOL } from './service-protocol';

let dir: string;
let runtime: string;
let dataDir: string;
let service: RunningService;
let address: string;
const clients: ServiceClient[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-shared-'));
  runtime = path.join(dir, 'run');
  dataDir = path.join(dir, 'data');
  await mkdir(dataDir);
  service = (await runService(dataDir, { idleMs: 30, env: { XDG_RUNTIME_DIR: runtime } }))!;
  address = service.address;
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  await service.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A program linked to the running service; starting another one is a failure here. */
function program(options: { hold?: boolean; start?: () => Promise<void> } = {}): ServiceClient {
  const client = new ServiceClient({
    address,
    start: options.start ?? (async () => expect.fail('the service is already running')),
    hold: options.hold,
    startWaitMs: 2000,
  });
  clients.push(client);
  return client;
}

function vpn(name: string, extra: Partial<ServerDial> = {}): ServerDial {
  return {
    phonebook: path.join(dataDir, 'rasphone.pbk'),
    entry: {
      name,
      type: 'vpn',
      deviceType: 'vpn',
      deviceName: 'WAN Miniport (IKEv2)',
      eapTypeId: 0,
      terminalAfterDial: false,
      negotiation: DEFAULT_NEGOTIATION,
    },
    destination: `${name.toLowerCase().replace(/\W/g, '')}.example.com`,
    userName: 'alice',
    password: 'secret',
    pausedStates: true,
    speed: 0,
    ...extra,
  };
}

/** Dials and collects notifications until one settles (connected, paused, or an error). */
async function dialed(
  client: ServiceClient,
  dial: ServerDial,
): Promise<{ handle: string; notes: RasNotification[] }> {
  const notes: RasNotification[] = [];
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const handle = await client.dial(dial, (n) => {
    notes.push(n);
    if (n.error !== 0 || n.state === S.Connected || n.state >= 0x1000) settle();
  });
  await settled;
  return { handle, notes };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('one simulated RAS service for every program', () => {
  it('shows a connection made by one program to another, which can read and hang it up', async () => {
    const window = program({ hold: true });
    const shell = program();
    const events: ConnectionEvent[] = [];
    window.watchConnections((e) => events.push(e));
    const { handle, notes } = await dialed(shell, vpn('Office VPN'));
    expect(notes.at(-1)).toMatchObject({ state: S.Connected, error: 0 });
    await until(() => events.length === 1);
    expect(events).toEqual([{ kind: 'connected', handle }]);
    expect(await window.enumConnections()).toEqual([
      expect.objectContaining({ handle, entryName: 'Office VPN' }),
    ]);
    expect(await window.getConnectStatus(handle)).toMatchObject({ state: S.Connected });
    expect((await window.getStatistics(handle)).bps).toBe((await shell.getStatistics(handle)).bps);
    expect([...(await window.activeEntries())]).toEqual([
      `${path.join(dataDir, 'rasphone.pbk')}\u0000office vpn`,
    ]);
    await window.hangUp(handle);
    await until(() => events.length === 2);
    expect(events[1]).toEqual({ kind: 'disconnected', handle });
    await until(async () => {
      try {
        await shell.getConnectStatus(handle);
        return false;
      } catch (error) {
        return (error as { code: number }).code === 6;
      }
    });
  });

  it('lets another program read what a connection agreed on: 730 before its projection, 6 once hung up', async () => {
    const dialer = program();
    const reader = program();
    const paused = await dialed(dialer, vpn('Paused VPN', { password: 'wrong' }));
    await expect(reader.getConnectionDetails(paused.handle)).rejects.toMatchObject({ code: 730 });
    const base = vpn('Port 443');
    const { handle } = await dialed(dialer, {
      ...base,
      entry: { ...base.entry, negotiation: { ...DEFAULT_NEGOTIATION, vpnStrategy: 8 } },
      destination: 'tcp443.example.com',
    });
    const details = await reader.getConnectionDetails(handle);
    expect(details).toEqual(await dialer.getConnectionDetails(handle));
    // The paused dial holds port 1.
    expect(details).toMatchObject({
      tunnel: 'sstp',
      ipv4: { client: '10.64.0.102' },
      device: { type: 'vpn', name: 'WAN Miniport (SSTP)' },
    });
    expect(await reader.getConnectStatus(handle)).toMatchObject({
      deviceName: 'WAN Miniport (SSTP)',
    });
    await reader.hangUp(handle);
    await expect(dialer.getConnectionDetails(handle)).rejects.toMatchObject({ code: 6 });
  });

  it(`has ${SIMULATED_PORTS} ports for all programs together: the ninth dial anywhere gets 633`, async () => {
    const a = program();
    const b = program();
    const results = await Promise.all(
      Array.from({ length: SIMULATED_PORTS + 1 }, (_, i) => dialed(i % 2 ? a : b, vpn(`VPN ${i}`))),
    );
    const ends = results.map((r) => r.notes.at(-1)!);
    expect(ends.filter((n) => n.state === S.Connected && n.error === 0)).toHaveLength(
      SIMULATED_PORTS,
    );
    expect(ends.filter((n) => n.error === 633)).toHaveLength(1);
    expect(new Set(results.map((r) => r.handle)).size).toBe(SIMULATED_PORTS + 1);
    expect(await a.enumConnections()).toHaveLength(SIMULATED_PORTS);
  });

  it('refuses a second dial of an entry another program is dialing, and shares a connected one', async () => {
    const a = program();
    const b = program();
    const paused = await dialed(a, vpn('Office VPN', { password: 'wrong' }));
    expect(paused.notes.at(-1)!.state).toBe(S.RetryAuthentication);
    await expect(b.dial(vpn('Office VPN'), () => undefined)).rejects.toMatchObject({ code: 756 });
    // RasDial of a connected entry returns its handle; each program hangs up its own reference.
    const up = await dialed(a, vpn('Home VPN'));
    expect(await b.dial(vpn('Home VPN'), () => undefined)).toBe(up.handle);
    await b.hangUp(up.handle);
    expect(await a.getConnectStatus(up.handle)).toMatchObject({ state: S.Connected, error: 0 });
  });

  it('hangs up the unfinished dials of a program that goes away, and keeps its connections', async () => {
    const watcher = program();
    const leaving = program();
    const up = await dialed(leaving, vpn('Office VPN'));
    const paused = await dialed(leaving, vpn('Other VPN', { password: 'wrong' }));
    expect(paused.notes.at(-1)!.state).toBe(S.RetryAuthentication);
    leaving.dispose();
    await until(async () => {
      try {
        await watcher.getConnectStatus(paused.handle);
        return false;
      } catch {
        return true;
      }
    });
    expect((await watcher.enumConnections()).map((c) => c.handle)).toEqual([up.handle]);
  });

  it('carries the terminal window of a dial paused in Interactive to the program that dialed', async () => {
    const dialer = program();
    const other = program();
    const heard: TerminalOutput[] = [];
    const overheard: TerminalOutput[] = [];
    dialer.watchTerminal((o) => heard.push(o));
    other.watchTerminal((o) => overheard.push(o));
    const base = vpn('Terminal VPN');
    const { handle, notes } = await dialed(
      dialer,
      vpn('Terminal VPN', { entry: { ...base.entry, terminalAfterDial: true } }),
    );
    expect(notes.at(-1)).toMatchObject({ state: S.Interactive, error: 0 });
    await until(() => heard.some((o) => o.text.endsWith('Username: ')));
    await expect(other.terminalSend(handle, 'alice\r')).rejects.toMatchObject({ code: 6 });
    await dialer.terminalSend(handle, 'alice\r');
    await until(() => heard.at(-1)!.hideInput);
    await dialer.terminalSend(handle, 'secret\r');
    await until(() => heard.at(-1)!.ready);
    expect(heard.every((o) => o.handle === handle)).toBe(true);
    expect(heard.map((o) => o.text).join('')).not.toContain('secret');
    expect(overheard).toEqual([]);
    await dialer.resume(handle, { kind: 'interactive' });
    await until(() => notes.at(-1)!.state === S.Connected);
    await dialer.hangUp(handle);
  });

  it('closes the link of a program that sends what it cannot use, and serves the others', async () => {
    const good = program();
    await dialed(good, vpn('Office VPN'));
    const hello = `{"id":1,"op":"hello","protocol":${SERVICE_PROTOCOL}}`;
    for (const line of [
      'not json',
      '{"id":1,"op":"enum"}', // before hello
      `${hello}\n{"id":2,"op":"dial","dial":{}}`,
      `${hello}\n{"id":2,"op":"format-disk"}`,
      `${hello}\n{"id":2,"op":"terminalSend","handle":"sim:1","text":""}`,
      `${hello}\n{"id":2,"op":"details","handle":""}`,
      'x'.repeat(200_000),
    ]) {
      const closed = await new Promise<boolean>((resolve) => {
        const socket = net.connect(address, () => socket.write(`${line}\n`));
        socket.on('data', () => undefined);
        socket.on('close', () => resolve(true));
        socket.on('error', () => undefined);
        setTimeout(() => resolve(false), 2000);
      });
      expect(closed, line.slice(0, 40)).toBe(true);
    }
    expect(await good.enumConnections()).toHaveLength(1);
  });

  it('answers a program of another protocol with a clear refusal', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(address, () =>
        socket.write('{"id":1,"op":"hello","protocol":999}\n'),
      );
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => {
        resolve(d);
        socket.destroy();
      });
    });
    expect(JSON.parse(answer)).toMatchObject({
      id: 1,
      error: {
        code: 0,
        message: `the service speaks protocol ${SERVICE_PROTOCOL}, this program 999`,
      },
    });
  });

  it('leaves when no program is linked and no port is held, and a second service does not start', async () => {
    expect(await runService(dataDir, { env: { XDG_RUNTIME_DIR: runtime } })).toBeNull();
    const a = program();
    const { handle } = await dialed(a, vpn('Office VPN'));
    a.dispose();
    // A connection is held: the service stays, as RAS keeps connections after rasdial exits.
    await new Promise((r) => setTimeout(r, 100));
    const b = program();
    expect((await b.enumConnections()).map((c) => c.handle)).toEqual([handle]);
    await b.hangUp(handle);
    b.dispose();
    await service.stopped;
    // Nothing runs: a program that only looks starts nothing and sees no connection.
    const looker = program();
    expect(await looker.enumConnections()).toEqual([]);
    await expect(looker.getConnectStatus(handle)).rejects.toMatchObject({ code: 6 });
  });

  it('tells a program whose service stopped: its dial ends with 711, a holder starts a new one', async () => {
    let starts = 0;
    const holder = program({
      hold: true,
      start: async () => {
        starts++;
        service = (await runService(dataDir, { idleMs: 30, env: { XDG_RUNTIME_DIR: runtime } }))!;
      },
    });
    const paused = await dialed(holder, vpn('Office VPN', { password: 'wrong' }));
    const ends: RasNotification[] = [];
    const second = await holder.dial(vpn('Slow', { speed: 1000 }), (n) => ends.push(n));
    await service.stop();
    await until(() => ends.some((n) => n.error === 711));
    expect(ends.at(-1)).toMatchObject({ handle: second, state: S.Disconnected, error: 711 });
    await until(() => starts === 1);
    await until(async () => (await holder.enumConnections()).length === 0);
    await expect(holder.getConnectStatus(paused.handle)).rejects.toMatchObject({ code: 6 });
  });
});

describe('the service folder', () => {
  it('is one address per data folder, in a folder of this user alone', async () => {
    const env = { XDG_RUNTIME_DIR: runtime };
    expect(serviceAddress('/a', 'linux', env)).toBe(serviceAddress('/a', 'linux', env));
    expect(serviceAddress('/a', 'linux', env)).not.toBe(serviceAddress('/b', 'linux', env));
    expect(serviceAddress('C:\\Users\\A', 'win32', env)).toMatch(
      /^\\\\\.\\pipe\\ras-connect-simulated-ras-[0-9a-f]{16}$/,
    );
    expect(serviceAddress('C:\\Users\\A', 'win32', env)).toBe(
      serviceAddress('c:\\users\\a', 'win32', env),
    );
  });

  it('refuses a folder that others can open, and replaces a socket nobody answers on', async () => {
    await service.stop();
    const open = path.join(dir, 'open');
    await mkdir(path.join(open, 'ras-connect'), { recursive: true });
    await chmod(path.join(open, 'ras-connect'), 0o755);
    await expect(runService(dataDir, { env: { XDG_RUNTIME_DIR: open } })).rejects.toThrow(
      /not a folder of this user's alone/,
    );
    // A file left where the socket goes (a service killed with -9 leaves its socket file).
    await writeFile(serviceAddress(dataDir, 'linux', { XDG_RUNTIME_DIR: runtime }), '');
    service = (await runService(dataDir, { idleMs: 30, env: { XDG_RUNTIME_DIR: runtime } }))!;
    expect(service).not.toBeNull();
    expect(await program().enumConnections()).toEqual([]);
  });
});
