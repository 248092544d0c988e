// `ras-connect status` in-process, reading a simulated server on a manual clock where a dial is
// connected, as a second shell reads the shared simulated RAS service.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RasState } from '../../app/ras/connection-state';
import { bytes } from '../../app/units';
import { clockPump } from '../../tests/support/clock-pump';
import {
  dialRecorded,
  request,
  simulatedWorld,
  type SimulatedWorld,
} from '../../tests/support/simulated';
import type { RasBackend } from '../ras/backend';
import { runCli, type CliIo } from './run-cli';

let home: string;
let world: SimulatedWorld;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-status-'));
  world = await simulatedWorld();
});
afterEach(async () => {
  await world.cleanup();
  await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

/** The world's server in place of the run's own; the run's dispose ends its own only. */
function worldBackend(own: RasBackend): RasBackend {
  const server = world.backend;
  return new Proxy(server, {
    get(target, property) {
      if (property === 'dispose') return () => own.dispose();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

async function status(argv: string[], platform: NodeJS.Platform = 'linux') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    terminal: { interactive: false, ask: async () => null, askSecret: async () => null },
    env: { RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: '0' },
    platform,
    interrupted: new Promise(() => undefined),
    clock: world.clock,
    wrapBackend: worldBackend,
  };
  const code = await runCli(['status', ...argv, '--backend', 'simulated'], io);
  return { code, out, err };
}

/** Dials the entry on the world's server and waits on its clock until it is connected. */
async function connect(entryName: string): Promise<string> {
  const dial = await dialRecorded(world, request(entryName));
  await clockPump(world.clock, 100)(() => dial.last()?.state === RasState.Connected);
  return dial.handle;
}

describe('ras-connect status', () => {
  it('prints the state, time connected, bytes and speed of a connection', async () => {
    const handle = await connect('Office VPN');
    await world.clock.advance(90_000);
    const statistics = await world.backend.getStatistics(handle);
    expect(statistics.bytesRcved).not.toBe(statistics.bytesXmited);

    const run = await status([]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const device = (await world.backend.enumConnections())[0]!.deviceName;
    expect(run.out).toEqual([
      'Office VPN',
      '  State:           Connected',
      '  Connected for:   0:01:30',
      `  Sent:            ${bytes(statistics.bytesXmited, 'en')} (${statistics.bytesXmited.toLocaleString('en')} bytes)`,
      `  Received:        ${bytes(statistics.bytesRcved, 'en')} (${statistics.bytesRcved.toLocaleString('en')} bytes)`,
      '  Speed:           100 Mbit/s',
      `  Device:          ${device}`,
      `  Phonebook:       ${world.phonebook}`,
      'Command completed successfully.',
    ]);
  });

  it('prints one JSON object a connection with --json, the named entry in any case', async () => {
    const vpn = await connect('Office VPN');
    await connect('Dial-up');
    await world.clock.advance(5_000);
    const statistics = await world.backend.getStatistics(vpn);

    const all = await status(['--json']);
    expect(all.code).toBe(0);
    expect(all.out.map((l) => (JSON.parse(l) as { entry: string }).entry).sort()).toEqual([
      'Dial-up',
      'Office VPN',
    ]);

    const one = await status(['office vpn', '--json']);
    expect(one.code).toBe(0);
    expect(one.out).toHaveLength(1);
    expect(JSON.parse(one.out[0]!)).toEqual({
      event: 'status',
      entry: 'Office VPN',
      phonebook: world.phonebook,
      state: 'Connected',
      stateValue: RasState.Connected,
      connectedForMs: statistics.connectDuration,
      bytesSent: statistics.bytesXmited,
      bytesReceived: statistics.bytesRcved,
      speedBps: statistics.bps,
      device: (await world.backend.getConnectStatus(vpn)).deviceName,
    });
  });

  it('says an entry is not connected and exits 1; with nothing up it lists none', async () => {
    expect(await status([])).toEqual({
      code: 0,
      out: ['No connections', 'Command completed successfully.'],
      err: [],
    });
    expect(await status(['--json'])).toEqual({ code: 0, out: [], err: [] });

    await connect('Office VPN');
    const text = await status(['Dial-up']);
    expect(text.code).toBe(1);
    expect(text.out).toEqual([]);
    expect(text.err[0]).toBe('You are not connected to "Dial-up".');

    const json = await status(['Dial-up', '--json'], 'win32');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out[0]!)).toMatchObject({
      event: 'error',
      entry: 'Dial-up',
      errorName: 'NOT_FOUND',
      message: 'You are not connected to "Dial-up".',
    });
  });

  it('leaves out a connection that ends between the listing and the look', async () => {
    const handle = await connect('Office VPN');
    const real = world.backend.enumConnections.bind(world.backend);
    world.backend.enumConnections = async () => {
      const listed = await real();
      await world.backend.hangUp(handle);
      await world.clock.advance(60_000);
      return listed;
    };
    expect((await status([])).out).toEqual(['No connections', 'Command completed successfully.']);
  });
});
