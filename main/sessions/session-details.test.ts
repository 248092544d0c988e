// The details a session reads once its link is up arrive later, outside its queue: they go on
// that link's view while it is the connected one, and nowhere (without an error) once the view
// is gone or the link is down.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionDetails } from '../../app/ras/dial-types';
import { simulatedWorld, type SimulatedWorld, driveClock } from '../../tests/support/simulated';
import type { RasBackend } from '../ras/backend';
import { putConnection } from './connections-store';
import { SessionManager } from './session-manager';

let world: SimulatedWorld;
let manager: SessionManager;
let release: (() => void) | null;
const good = { userName: 'alice', password: 'secret', domain: '' };

/** The backend, with the details held back until the test lets them through. */
function slowDetails(backend: RasBackend): RasBackend {
  return new Proxy(backend, {
    get(target, name, receiver) {
      if (name !== 'getConnectionDetails') return Reflect.get(target, name, receiver) as unknown;
      return async (handle: string): Promise<ConnectionDetails> => {
        const details = await target.getConnectionDetails(handle);
        await new Promise<void>((resolve) => (release = resolve));
        return details;
      };
    },
  });
}

beforeEach(async () => {
  world = await simulatedWorld();
  release = null;
  manager = new SessionManager({ backend: slowDetails(world.backend), clock: world.clock });
});
afterEach(async () => {
  manager.dispose();
  await world.cleanup();
});

async function connected(): Promise<string> {
  const id = await driveClock(world, manager.dial({ entryName: 'Office VPN', credentials: good }));
  await world.clock.runUntil(() => manager.get(id)!.status === 'connected');
  await world.clock.runUntil(() => release !== null);
  return id;
}

describe('details read after connecting', () => {
  it('go on the view of the link that is still up', async () => {
    const id = await connected();
    expect(manager.get(id)!.details).toBeNull();
    release!();
    await world.clock.runUntil(() => manager.get(id)!.details != null);
    expect(manager.get(id)!.details).toMatchObject({ projection: 'ikev2' });
  });

  it('are dropped without an error when the view was replaced meanwhile', async () => {
    const id = await connected();
    // Another attach of the entry takes the view's place (as the watcher does).
    putConnection(manager.store, { ...manager.get(id)!, id: 'other' }, id);
    release!();
    // A throw here would be an unhandled rejection: vitest fails the run on it.
    await world.clock.advance(1_000);
    expect(manager.get('other')!.details).toBeNull();
  });
});
