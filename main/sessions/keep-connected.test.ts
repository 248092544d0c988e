// "Keep connected" on the simulated server, the fault injector and a manual clock: no test
// waits in real time (only the settings file is written for real).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineRow } from '../../app/timeline';
import { RasState } from '../../app/ras/connection-state';
import { RasErrorCode as E } from '../../app/ras/errors';
import { simulatedWorld, driveClock, type SimulatedWorld } from '../../tests/support/simulated';
import { PhonebookService } from '../phonebook/phonebook-service';
import { FaultInjector } from '../ras/simulated/fault-injector';
import { followEntryMoves } from '../settings/entry-moves';
import { SettingsStore } from '../settings/settings-store';
import type { ConnectionStatus, ConnectionView } from './connections-store';
import { KeepConnected, NETWORK_SETTLE_MS, type NetworkState } from './keep-connected';
import { KEEP_PAUSE_CEILING_MS } from './keep-pause';
import { SessionManager } from './session-manager';

class FakeNetwork implements NetworkState {
  up = true;
  private readonly listeners = new Set<() => void>();
  online(): boolean {
    return this.up;
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(up: boolean): void {
    this.up = up;
    for (const listener of this.listeners) listener();
  }
}

let world: SimulatedWorld;
let injector: FaultInjector;
let manager: SessionManager;
let settings: SettingsStore;
let network: FakeNetwork;
let keep: KeepConnected;
const logged: string[] = [];
const good = { userName: 'alice', password: 'secret', domain: '' };

beforeEach(async () => {
  world = await simulatedWorld();
  injector = new FaultInjector(world.backend, world.clock);
  settings = new SettingsStore(world.dir);
  await settings.load();
  network = new FakeNetwork();
  logged.length = 0;
});
afterEach(async () => {
  keep?.dispose();
  manager?.dispose();
  // A list the engine saves may still be on its way to the file.
  await settings.update(() => ({}));
  await world.cleanup();
});

/** The manager and the engine over the injector, as the core wires them. */
function start(): void {
  manager = new SessionManager({ backend: injector.backend, clock: world.clock });
  keep = new KeepConnected({
    manager,
    settings,
    network,
    clock: world.clock,
    log: (m) => logged.push(m),
  });
}

const key = (name: string) => ({ phonebook: world.phonebook, name });
const keepEntries = (...names: string[]) => settings.set({ keepConnected: names.map(key) });
/** Settles the settings writes queued so far. */
const savedSettings = () => settings.update(() => ({}));
const view = (id: string): ConnectionView => manager.get(id)!;
const until = (id: string, ...statuses: ConnectionStatus[]) =>
  world.clock.runUntil(() => statuses.includes(view(id).status), 3_600_000);
const dials = () => injector.calls.filter((c) => c.call === 'dial').length;
const waits = (id: string): TimelineRow[] =>
  view(id).timeline.rows.filter((r) => r.kind === 'wait');

/** Dials with typed credentials, or with `saved` the entry's saved ones. */
async function dial(entryName: string, credentials: typeof good | 'saved' = good) {
  return driveClock(
    world,
    manager.dial({ entryName, credentials: credentials === 'saved' ? undefined : credentials }),
  );
}

/** A drop the app did not ask for: the remote side (or sleep) ends the link. */
async function dropFromOutside(id: string): Promise<void> {
  const handle = view(id).handle!;
  await driveClock(world, world.backend.hangUp(handle));
  await until(id, 'waiting-to-redial', 'disconnected');
}

describe('keep connected: the loop', () => {
  it('redials a kept entry after each drop with no cap, pausing longer each time up to the ceiling', async () => {
    await keepEntries('Drops after 30 s');
    start();
    const id = await dial('Drops after 30 s');
    await until(id, 'connected');
    // The link drops 30 s after each connect: never up long enough to start the pauses again.
    await world.clock.runUntil(() => waits(id).length === 9, 7_200_000);
    const rows = waits(id);
    expect(rows.map((r) => r.wait!.seconds)).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300]);
    expect(rows.map((r) => r.wait!.attempts)).toEqual(Array(9).fill(0));
    expect(rows.map((r) => r.wait!.attempt)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.every((r) => r.wait!.cause === 'dropped' && r.error === 629)).toBe(true);
    expect(rows.at(-1)!.description).toBe('The link dropped; redialing in 300 s (attempt 10)');
    // Each redial came after its pause: the next row (the Redial) starts that much later.
    const all = view(id).timeline.rows;
    for (const wait of rows) {
      const next = all[all.indexOf(wait) + 1];
      if (next) expect(next.at - wait.at).toBe(wait.wait!.seconds * 1000);
    }
    expect(view(id).attempts).toBe(0);
    expect(view(id).redialAt! - world.clock.now()).toBeLessThanOrEqual(KEEP_PAUSE_CEILING_MS);
  }, 30_000);

  it('grows the pause over failed redials and starts it again once a link stayed up a while', async () => {
    await keepEntries('Office VPN');
    start();
    const id = await dial('Office VPN');
    await until(id, 'connected');
    injector.failCall({ call: 'dial', code: E.ERROR_NO_ANSWER, times: 3 });
    await dropFromOutside(id);
    await world.clock.runUntil(() => view(id).status === 'connected', 3_600_000);
    expect(waits(id).map((r) => [r.wait!.cause, r.wait!.seconds])).toEqual([
      ['dropped', 5],
      ['failed', 10],
      ['failed', 20],
      ['failed', 40],
    ]);
    await world.clock.advance(120_000);
    await dropFromOutside(id);
    expect(waits(id).at(-1)!.wait).toMatchObject({ seconds: 5, attempt: 2, attempts: 0 });
  }, 30_000);

  it('leaves an entry that is not kept to its own redial settings', async () => {
    start();
    const id = await dial('Drops after 30 s');
    await until(id, 'connected');
    await world.clock.runUntil(() => view(id).status === 'disconnected', 3_600_000);
    expect(waits(id)).toEqual([]);
    expect(view(id).attempts).toBeGreaterThan(0);
  });
});

describe('keep connected: the network and sleep', () => {
  it('does not dial while the network is down, and dials once after it comes back and settles', async () => {
    await keepEntries('Office VPN');
    start();
    const id = await dial('Office VPN');
    await until(id, 'connected');
    network.set(false);
    await dropFromOutside(id);
    expect(view(id)).toMatchObject({ status: 'waiting-to-redial', redialAt: null });
    expect(waits(id).at(-1)!.wait!.offline).toBe(true);
    const before = dials();
    await world.clock.advance(3_600_000);
    expect(dials()).toBe(before);
    // Back, but still changing: nothing until it has settled.
    network.set(true);
    await world.clock.advance(NETWORK_SETTLE_MS - 1);
    network.set(true);
    await world.clock.advance(NETWORK_SETTLE_MS - 1);
    expect(dials()).toBe(before);
    await world.clock.advance(1);
    expect(dials()).toBe(before + 1);
    await until(id, 'connected');
    expect(dials()).toBe(before + 1);
  });

  it('holds a countdown that runs out while the network is down until it returns', async () => {
    await keepEntries('Office VPN');
    start();
    const id = await dial('Office VPN');
    await until(id, 'connected');
    await dropFromOutside(id);
    expect(view(id).redialAt).not.toBeNull();
    network.set(false);
    const before = dials();
    await world.clock.advance(600_000);
    expect(dials()).toBe(before);
    expect(view(id)).toMatchObject({ status: 'waiting-to-redial', redialAt: null });
    network.set(true);
    await world.clock.advance(NETWORK_SETTLE_MS);
    expect(dials()).toBe(before + 1);
  });

  it('reconnects after the computer wakes, once the network is usable', async () => {
    await keepEntries('Office VPN');
    start();
    const id = await dial('Office VPN');
    await until(id, 'connected');
    manager.suspending();
    network.set(false);
    await dropFromOutside(id);
    expect(view(id).ending?.ended).toBe('sleep');
    const before = dials();
    await world.clock.advance(8 * 3_600_000);
    manager.resumed();
    await world.clock.advance(60_000);
    // Awake, but no network yet.
    expect(dials()).toBe(before);
    network.set(true);
    await world.clock.advance(NETWORK_SETTLE_MS);
    expect(dials()).toBe(before + 1);
    await until(id, 'connected');
  });
});

describe('keep connected: never against the person', () => {
  it('stops the loop and asks when the saved password stops working mid-loop', async () => {
    await world.backend.setCredentials(world.phonebook, 'Office VPN', {
      userName: 'alice',
      domain: '',
      password: 'secret',
    });
    await keepEntries('Office VPN');
    start();
    const id = await dial('Office VPN', 'saved');
    await until(id, 'connected');
    await world.backend.setCredentials(world.phonebook, 'Office VPN', {
      userName: 'alice',
      domain: '',
      password: 'wrong',
    });
    await dropFromOutside(id);
    await until(id, 'paused');
    expect(view(id).paused?.kind).toBe('retry-authentication');
    const before = dials();
    await world.clock.advance(3_600_000);
    // It waits for an answer: no redial with the refused password.
    expect(dials()).toBe(before);
    expect(view(id).status).toBe('paused');
  });

  it('stops on a refusal a redial cannot mend (691), shows it and forgets it for start-up', async () => {
    await keepEntries('Office VPN');
    start();
    const id = await dial('Office VPN');
    await until(id, 'connected');
    await savedSettings();
    expect(settings.get().reconnectAtStart).toEqual([key('Office VPN')]);
    injector.failCall({ call: 'dial', code: E.ERROR_AUTHENTICATION_FAILURE });
    await dropFromOutside(id);
    await until(id, 'disconnected');
    expect(view(id).error).toMatchObject({ code: 691 });
    const before = dials();
    await world.clock.advance(3_600_000);
    network.set(true);
    await world.clock.advance(NETWORK_SETTLE_MS);
    expect(dials()).toBe(before);
    await savedSettings();
    expect(settings.get().reconnectAtStart).toEqual([]);
  });

  it("turns the loop off at the person's hang-up until they connect again", async () => {
    await keepEntries('Drops after 30 s');
    start();
    const id = await dial('Drops after 30 s');
    await until(id, 'connected');
    await world.clock.runUntil(() => view(id).status === 'waiting-to-redial');
    // Stop, in the countdown.
    await driveClock(world, manager.hangUp(id));
    expect(view(id).status).toBe('disconnected');
    const before = dials();
    await world.clock.advance(3_600_000);
    network.set(true);
    await world.clock.advance(NETWORK_SETTLE_MS);
    expect(dials()).toBe(before);
    await savedSettings();
    expect(settings.get().reconnectAtStart).toEqual([]);
    // Connected again by the person: the loop is back.
    const again = await dial('Drops after 30 s');
    await until(again, 'connected');
    await world.clock.runUntil(() => view(again).status === 'waiting-to-redial');
    expect(view(again).attempts).toBe(0);
  });

  it('ends the loop when the option is turned off during the wait', async () => {
    await keepEntries('Office VPN');
    start();
    const id = await dial('Office VPN');
    await until(id, 'connected');
    await dropFromOutside(id);
    await keepEntries();
    const before = dials();
    await until(id, 'disconnected');
    expect(dials()).toBe(before);
    expect(view(id).error).toMatchObject({ code: 629 });
  });
});

describe('keep connected: start-up and settings', () => {
  it('connects the kept entries and those left up at start, except what is connected already', async () => {
    await settings.set({
      keepConnected: [key('Office VPN')],
      reconnectAtStart: [key('Dial-up'), key('Office VPN'), key('Home Broadband')],
    });
    // Home Broadband is up already (the app quit and left it): it is found, not dialed.
    let connected = false;
    const up = await world.backend.dial(
      {
        entryName: 'Home Broadband',
        userName: 'a',
        password: 'b',
        domain: '',
        pausedStates: false,
      },
      (n) => (connected ||= n.state === RasState.Connected),
    );
    await world.clock.runUntil(() => connected);
    start();
    await driveClock(world, manager.attachExisting());
    await driveClock(world, keep.connectAtStart());
    const dialed = injector.calls.filter((c) => c.call === 'dial').length;
    expect(dialed).toBe(2);
    const byName = (name: string) => manager.list().find((v) => v.entryName === name)!;
    await world.clock.runUntil(
      () => byName('Office VPN').status !== 'dialing' && byName('Dial-up').status !== 'dialing',
    );
    expect(byName('Home Broadband')).toMatchObject({ attached: true, handle: up });
    expect(byName('Office VPN').attached).toBe(false);
    expect(byName('Dial-up').attached).toBe(false);
  });

  it('follows a rename and forgets a deleted entry in every list that names entries', async () => {
    start();
    const phonebooks = new PhonebookService(world.backend, manager);
    const stop = followEntryMoves(phonebooks, settings, (m) => logged.push(m));
    await settings.set({
      favourites: [key('Office VPN'), key('Dial-up')],
      keepConnected: [key('office vpn')],
      reconnectAtStart: [key('Office VPN')],
    });
    await phonebooks.rename(world.phonebook, 'Office VPN', 'Work VPN');
    await savedSettings();
    expect(settings.get()).toMatchObject({
      favourites: [key('Work VPN'), key('Dial-up')],
      keepConnected: [key('Work VPN')],
      reconnectAtStart: [key('Work VPN')],
    });
    await phonebooks.delete(world.phonebook, 'Work VPN');
    await savedSettings();
    expect(settings.get()).toMatchObject({
      favourites: [key('Dial-up')],
      keepConnected: [],
      reconnectAtStart: [],
    });
    stop();
  });
});
