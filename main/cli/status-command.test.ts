// `ras-connect status` in-process, reading a simulated server on a manual clock where a dial is
// connected, as a second shell reads the shared simulated RAS service.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RasState } from '../../app/ras/connection-state';
import type { ConnectionDetails } from '../../app/ras/dial-types';
import { RasError } from '../../app/ras/errors';
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
import { detailLines } from './status-command';

/** An SSTP link signed in with PEAP, as Windows reports one. */
const sstp: ConnectionDetails = {
  projection: 'ppp',
  tunnel: 'sstp',
  ipv4: { client: '10.20.0.17', server: '10.20.0.1' },
  ipv6: { client: 'fd00::17', server: null, prefixLength: 64 },
  dnsServers: ['10.20.0.2', '10.20.0.3'],
  authentication: { protocol: 'eap', code: 0xc227, eapType: 25 },
  encryption: { method: 'mppe', bits: 128, code: 0x40 },
  compression: 'mppc',
  multilink: false,
  ikev2Flags: null,
  device: { type: 'vpn', name: 'WAN Miniport (SSTP)' },
  endpoints: { local: '192.0.2.10', remote: '203.0.113.5' },
};

let home: string;
let world: SimulatedWorld;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-status-'));
  world = await simulatedWorld();
});
afterEach(async () => {
  detailsAnswer = null;
  await world.cleanup();
  await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

/** What the world's server says of a connection's details, where a test says otherwise. */
let detailsAnswer: RasBackend['getConnectionDetails'] | null = null;

/** The world's server in place of the run's own; the run's dispose ends its own only. */
function worldBackend(own: RasBackend): RasBackend {
  const server = world.backend;
  return new Proxy(server, {
    get(target, property) {
      if (property === 'dispose') return () => own.dispose();
      if (property === 'getConnectionDetails' && detailsAnswer) return detailsAnswer;
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

describe('the details lines', () => {
  it('say what failed, what has no name, and an IKEv2 link’s NAT and no cipher', () => {
    expect(
      detailLines({
        ...sstp,
        projection: 'ikev2',
        tunnel: 'ikev2',
        ipv4: { error: 733 },
        ipv6: null,
        dnsServers: [],
        authentication: { protocol: 'unknown', code: 3, eapType: null },
        encryption: { method: 'none', bits: 0, code: 0 },
        compression: null,
        ikev2Flags: { mobike: true, behindNat: false, serverBehindNat: true },
        endpoints: { local: null, remote: '203.0.113.5' },
      }),
    ).toEqual([
      '  Tunnel:          IKEv2',
      '  IPv4 address:    failed: error 733 ERROR_PPP_CP_REJECTED',
      '  IPv6 address:    not negotiated',
      '  DNS servers:     none',
      '  Authentication:  code 3',
      '  Encryption:      none (not encrypted)',
      '  IKEv2:           MOBIKE, server behind NAT',
      '  Endpoints:       unknown -> 203.0.113.5',
    ]);
  });
  it('name an IKEv2 pre-shared key and a machine certificate', () => {
    const auth = (protocol: 'psk' | 'certificate', code: number) =>
      detailLines({ ...sstp, authentication: { protocol, code, eapType: null } });
    expect(auth('psk', 3)).toContain('  Authentication:  Pre-shared key');
    expect(auth('certificate', 1)).toContain('  Authentication:  Machine certificate');
  });
  it('say an SSTP link is encrypted by TLS where PPP reports no cipher', () => {
    expect(detailLines({ ...sstp, encryption: null })).toContain('  Encryption:      TLS (SSTP)');
    expect(detailLines({ ...sstp, tunnel: 'pptp', encryption: null })).toContain(
      '  Encryption:      not negotiated',
    );
  });
});

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
    const details = await world.backend.getConnectionDetails(handle);
    expect(run.out).toEqual([
      'Office VPN',
      '  State:           Connected',
      '  Connected for:   0:01:30',
      `  Sent:            ${bytes(statistics.bytesXmited, 'en')} (${statistics.bytesXmited.toLocaleString('en')} bytes)`,
      `  Received:        ${bytes(statistics.bytesRcved, 'en')} (${statistics.bytesRcved.toLocaleString('en')} bytes)`,
      '  Speed:           100 Mbit/s',
      `  Device:          ${device}`,
      `  Phonebook:       ${world.phonebook}`,
      ...detailLines(details),
      'Command completed successfully.',
    ]);
    // The simulated server gives the link an address, which the block shows.
    expect(details.ipv4).toMatchObject({ client: expect.any(String) });
  });

  it('prints what was negotiated under the figures, and in the JSON as `details`', async () => {
    detailsAnswer = async () => sstp;
    await connect('Office VPN');
    const run = await status([]);
    expect(run.code).toBe(0);
    expect(run.out.slice(8, -1)).toEqual([
      '  Tunnel:          SSTP',
      '  IPv4 address:    10.20.0.17 (server 10.20.0.1)',
      '  IPv6 address:    fd00::17/64 (server unknown)',
      '  DNS servers:     10.20.0.2, 10.20.0.3',
      '  Authentication:  EAP (PEAP, type 25)',
      '  Encryption:      MPPE 128-bit',
      '  Compression:     MPPC',
      '  Multilink:       no',
      '  Endpoints:       192.0.2.10 -> 203.0.113.5',
    ]);
    const json = await status(['--json']);
    expect(JSON.parse(json.out[0]!)).toMatchObject({ entry: 'Office VPN', details: sstp });
  });

  it('gives null details, and the rest, while the backend cannot say what was negotiated', async () => {
    detailsAnswer = async () => {
      throw new RasError(730);
    };
    await connect('Office VPN');
    const run = await status([]);
    expect(run.code).toBe(0);
    expect(run.out.at(-2)).toBe(`  Phonebook:       ${world.phonebook}`);
    const json = await status(['--json']);
    expect(JSON.parse(json.out[0]!)).toMatchObject({ state: 'Connected', details: null });
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
      details: await world.backend.getConnectionDetails(vpn),
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
