// How a connected link ended and its final bytes, on the manual clock: hung up by the person,
// dropped with its code (the simulated 0490 number), and gone while the computer slept.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedWorld, type SimulatedWorld, driveClock } from '../../tests/support/simulated';
import { FaultInjector } from '../ras/simulated/fault-injector';
import type { ConnectionStatus, ConnectionView } from './connections-store';
import { SessionManager, WAKE_GRACE_MS } from './session-manager';

let world: SimulatedWorld;
let faults: FaultInjector;
let manager: SessionManager;
const good = { userName: 'alice', password: 'secret', domain: '' };

beforeEach(async () => {
  world = await simulatedWorld();
  faults = new FaultInjector(world.backend, world.clock);
  manager = new SessionManager({ backend: faults.backend, clock: world.clock });
});
afterEach(async () => {
  manager.dispose();
  await world.cleanup();
});

const view = (id: string): ConnectionView => manager.get(id)!;
const until = (id: string, ...statuses: ConnectionStatus[]) =>
  world.clock.runUntil(() => statuses.includes(view(id).status));

const drive = <T>(work: Promise<T>): Promise<T> => driveClock(world, work);

async function connected(entryName: string): Promise<string> {
  const id = await drive(manager.dial({ entryName, credentials: good }));
  await until(id, 'connected');
  return id;
}

describe('how a connection ended', () => {
  it('keeps the person’s hang-up with the bytes read just before it', async () => {
    const id = await connected('Dial-up');
    await world.clock.advance(10_000);
    const before = await manager.getStatistics(id);
    await drive(manager.hangUp(id));
    const ending = view(id).ending!;
    expect(ending).toMatchObject({ ended: 'person', code: null });
    expect(ending.bytesSent).toBeGreaterThan(0);
    expect(ending.bytesReceived).toBeGreaterThan(ending.bytesSent!);
    // Read at the hang-up itself, not only the window's last poll.
    expect(ending.bytesReceived).toBeGreaterThanOrEqual(before.bytesRcved);
  });

  it('has no ending for a dial hung up before it connected', async () => {
    const id = await drive(manager.dial({ entryName: 'Office VPN', credentials: good }));
    await until(id, 'dialing', 'paused');
    await drive(manager.hangUp(id));
    expect(view(id).ending ?? null).toBeNull();
  });

  it('keeps the last figures read when the person’s hang-up cannot read them again', async () => {
    const id = await connected('Dial-up');
    await world.clock.advance(10_000);
    const polled = await manager.getStatistics(id);
    await world.clock.advance(10_000);
    faults.failCall({ call: 'getStatistics', code: 6, times: Infinity });
    await drive(manager.hangUp(id));
    expect(view(id).ending).toEqual({
      ended: 'person',
      code: null,
      bytesSent: polled.bytesXmited,
      bytesReceived: polled.bytesRcved,
    });
  });

  it('keeps a drop with its code and the figures last read while it was up', async () => {
    const id = await connected('Drops after 30 s');
    await world.clock.advance(20_000);
    const polled = await manager.getStatistics(id);
    expect(polled.bytesRcved).toBeGreaterThan(0);
    await until(id, 'disconnected');
    expect(view(id).ending).toEqual({
      ended: 'dropped',
      code: 629,
      bytesSent: polled.bytesXmited,
      bytesReceived: polled.bytesRcved,
    });
  });

  it('knows no bytes of a drop nobody read figures of', async () => {
    const id = await connected('Drops after 30 s');
    await until(id, 'disconnected');
    expect(view(id).ending).toEqual({
      ended: 'dropped',
      code: 629,
      bytesSent: null,
      bytesReceived: null,
    });
  });

  it('puts a link that goes down while the computer sleeps down to the sleep', async () => {
    const id = await connected('Drops after 30 s');
    manager.suspending();
    await until(id, 'disconnected');
    expect(view(id).ending).toMatchObject({ ended: 'sleep', code: 629 });
  });

  it('counts a drop reported just after waking as sleep, and a later one as a drop', async () => {
    const id = await connected('Drops after 30 s');
    manager.suspending();
    await world.clock.advance(10_000);
    manager.resumed();
    await until(id, 'disconnected');
    expect(view(id).ending?.ended).toBe('sleep');

    const again = await connected('Drops after 30 s');
    expect(view(again).ending ?? null).toBeNull();
    expect(world.clock.now()).toBeGreaterThan(WAKE_GRACE_MS);
    await until(again, 'disconnected');
    expect(view(again).ending?.ended).toBe('dropped');
  });

  it('forgets a drop’s ending once a redial connects, and keeps the next end', async () => {
    const entry = await world.backend.getEntry(undefined, 'Drops after 30 s');
    await world.backend.setEntry(undefined, {
      ...entry,
      redialOnLinkFailure: true,
      redialSeconds: 2,
    });
    const id = await connected('Drops after 30 s');
    await until(id, 'waiting-to-redial');
    expect(view(id).ending?.ended).toBe('dropped');
    await until(id, 'connected');
    expect(view(id).ending).toBeNull();
    await drive(manager.hangUp(id));
    expect(view(id).ending?.ended).toBe('person');
  });
});
