import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { powerMonitor, resetElectronMock } from '../../tests/mocks/electron';
import { simulatedWorld, type SimulatedWorld } from '../../tests/support/simulated';
import { SessionManager } from '../sessions/session-manager';
import { watchSleep } from './sleep-watch';

let world: SimulatedWorld;
let manager: SessionManager;

beforeEach(async () => {
  resetElectronMock();
  world = await simulatedWorld();
  manager = new SessionManager({ backend: world.backend, clock: world.clock });
});
afterEach(async () => {
  manager.dispose();
  await world.cleanup();
});

async function droppedLink(): Promise<string> {
  let id = '';
  const dialing = manager
    .dial({
      entryName: 'Drops after 30 s',
      credentials: { userName: 'a', password: 'b', domain: '' },
    })
    .then((made) => (id = made));
  await world.clock.runUntil(() => id !== '' && manager.get(id)?.status === 'connected');
  await dialing;
  return id;
}

const ended = (id: string) => manager.get(id)?.ending?.ended;

describe('sleep watch', () => {
  it('marks a link that goes down while the computer sleeps as ended by sleep', async () => {
    const stop = watchSleep(powerMonitor, manager);
    const id = await droppedLink();
    powerMonitor.listeners.get('suspend')!();
    await world.clock.runUntil(() => manager.get(id)?.status === 'disconnected');
    expect(ended(id)).toBe('sleep');
    stop();
  });

  it('leaves a drop a drop once the computer has been awake a while, and stops watching', async () => {
    const stop = watchSleep(powerMonitor, manager);
    powerMonitor.listeners.get('suspend')!();
    powerMonitor.listeners.get('resume')!();
    await world.clock.advance(60_000);
    const id = await droppedLink();
    await world.clock.runUntil(() => manager.get(id)?.status === 'disconnected');
    expect(ended(id)).toBe('dropped');
    stop();
    expect([...powerMonitor.listeners.keys()]).toEqual([]);
  });
});
