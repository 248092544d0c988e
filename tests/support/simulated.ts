// Test support: a simulated server on a manual clock with the demo phonebook in a temp folder.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeState, groupOf } from '../../app/ras/connection-state';
import { ManualClock } from '../../main/clock';
import { ensureDemoPhonebook } from '../../main/phonebook/demo-phonebook';
import type { DialRequest, PausedAnswer, RasNotification } from '../../main/ras/backend';
import { SimulatedRasBackend } from '../../main/ras/simulated/simulated-backend';
import { fakeSecretStore } from './fake-secrets';

/** What Windows reports for a modem or ISDN dial that connects, state by state. */
export const MODEM_SEQUENCE = [
  'OpenPort',
  'PortOpened',
  'ConnectDevice',
  'DeviceConnected',
  'AllDevicesConnected',
  'Authenticate',
  'AuthNotify',
  'AuthProject',
  'AuthLinkSpeed',
  'AuthAck',
  'Authenticated',
  'Projected',
  'ApplySettings',
  'SubEntryConnected',
  'Connected',
];
/** The same for a VPN or PPPoE tunnel: no link-speed measurement. */
export const TUNNEL_SEQUENCE = MODEM_SEQUENCE.filter((s) => s !== 'AuthLinkSpeed');
/** The states between the first AuthNotify and AuthProject when the server calls back. */
export const CALLBACK_STATES = [
  'PrepareForCallback',
  'WaitForModemReset',
  'WaitForCallback',
  'ReAuthenticate',
  'CallbackComplete',
  'AuthNotify',
];

export interface SimulatedWorld {
  dir: string;
  phonebook: string;
  clock: ManualClock;
  backend: SimulatedRasBackend;
  cleanup: () => Promise<void>;
}

export async function simulatedWorld(options: { speed?: number } = {}): Promise<SimulatedWorld> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ras-connect-'));
  const phonebook = path.join(dir, 'rasphone.pbk');
  const clock = new ManualClock();
  const backend = new SimulatedRasBackend({
    defaultPhonebook: phonebook,
    clock,
    speed: options.speed ?? 1,
    credentialsFile: path.join(dir, 'credentials.json'),
    secrets: fakeSecretStore(),
  });
  await ensureDemoPhonebook(backend, phonebook);
  return {
    dir,
    phonebook,
    clock,
    backend,
    cleanup: async () => {
      backend.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Recorded {
  handle: string;
  notifications: (RasNotification & { time: number })[];
  /** State names, with `!error` after a failing one. */
  states(): string[];
  last(): (RasNotification & { time: number }) | undefined;
}

export function request(entryName: string, extra: Partial<DialRequest> = {}): DialRequest {
  return {
    entryName,
    userName: 'alice',
    password: 'secret',
    domain: '',
    pausedStates: true,
    ...extra,
  };
}

export async function dialRecorded(world: SimulatedWorld, req: DialRequest): Promise<Recorded> {
  const notifications: (RasNotification & { time: number })[] = [];
  const handle = await world.backend.dial(req, (n) =>
    notifications.push({ ...n, time: world.clock.now() }),
  );
  return {
    handle,
    notifications,
    states: () =>
      notifications.map((n) => describeState(n.state).name + (n.error ? `!${n.error}` : '')),
    last: () => notifications[notifications.length - 1],
  };
}

/** True once the dial has stopped running: paused, ended, or failed. */
export const settled = (r: Recorded) => () => {
  const last = r.last();
  return !!last && (last.error !== 0 || groupOf(last.state) !== 'running');
};

/** Dials an entry of the demo phonebook and runs the clock until the dial settles. */
export async function runDial(
  world: SimulatedWorld,
  entry: string,
  extra: Partial<DialRequest> = {},
): Promise<Recorded> {
  const r = await dialRecorded(world, request(entry, extra));
  await world.clock.runUntil(settled(r));
  return r;
}

/** Resumes a paused dial and runs the clock until it settles again. */
export async function resumeDial(
  world: SimulatedWorld,
  r: Recorded,
  answer: PausedAnswer,
): Promise<void> {
  const seen = r.notifications.length;
  await world.backend.resume(r.handle, answer);
  await world.clock.runUntil(() => r.notifications.length > seen && settled(r)());
}

/** Runs the clock until `work` settles (a call that waits on simulated time), and returns it. */
export async function driveClock<T>(world: SimulatedWorld, work: Promise<T>): Promise<T> {
  let done = false;
  const finished = work.finally(() => (done = true));
  finished.catch(() => undefined);
  await world.clock.runUntil(() => done);
  return work;
}
