// A person's hang-up made by another program (ras-connect /DISCONNECT in a shell) is the
// person's, not a drop: the window records it so and does not redial a kept entry. Two
// managers over one simulated server stand for the window and the CLI; the notes file is real.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedWorld, driveClock, type SimulatedWorld } from '../../tests/support/simulated';
import { SettingsStore } from '../settings/settings-store';
import { FileHangUpNotes, NOTE_VALID_MS } from './hang-up-notes';
import { KeepConnected } from './keep-connected';
import { SessionManager } from './session-manager';

let world: SimulatedWorld;
let window: SessionManager;
let cli: SessionManager;
let keep: KeepConnected;
let settings: SettingsStore;

beforeEach(async () => {
  world = await simulatedWorld();
  settings = new SettingsStore(world.dir);
  await settings.load();
});
afterEach(async () => {
  keep?.dispose();
  window?.dispose();
  cli?.dispose();
  await settings.update(() => ({}));
  await world.cleanup();
});

let notes: FileHangUpNotes | undefined;

function start(withNotes: boolean): void {
  notes = withNotes ? new FileHangUpNotes(world.dir) : undefined;
  window = new SessionManager({ backend: world.backend, clock: world.clock, hangUpNotes: notes });
  keep = new KeepConnected({ manager: window, settings, clock: world.clock, log: () => undefined });
}

/** `ras-connect /DISCONNECT ENTRY`: a program started now, finding the link up. */
async function hangUpFromTheShell(entryName: string): Promise<void> {
  cli = new SessionManager({ backend: world.backend, clock: world.clock, hangUpNotes: notes });
  const attached = await cli.attachExisting();
  const target = attached.find((v) => v.entryName === entryName)!;
  await driveClock(world, cli.hangUp(target.id));
}

describe('a hang-up by another program', () => {
  it('ends the window’s link as the person’s, without a redial of a kept entry', async () => {
    await settings.set({ keepConnected: [{ phonebook: world.phonebook, name: 'Office VPN' }] });
    start(true);
    const id = await driveClock(
      world,
      window.dial({
        entryName: 'Office VPN',
        credentials: { userName: 'a', password: 'b', domain: '' },
      }),
    );
    await world.clock.runUntil(() => window.get(id)!.status === 'connected');
    await hangUpFromTheShell('Office VPN');
    await world.clock.runUntil(() => window.get(id)!.status === 'disconnected', 60_000);
    expect(window.get(id)!.ending).toMatchObject({ ended: 'person', code: null });
    expect(window.get(id)!.error).toBeNull();
    await settings.update(() => ({}));
    expect(settings.get().reconnectAtStart).toEqual([]);
  });

  it('without the notes it could not tell (the test can fail): a drop, and the loop redials', async () => {
    await settings.set({ keepConnected: [{ phonebook: world.phonebook, name: 'Office VPN' }] });
    start(false);
    const id = await driveClock(
      world,
      window.dial({
        entryName: 'Office VPN',
        credentials: { userName: 'a', password: 'b', domain: '' },
      }),
    );
    await world.clock.runUntil(() => window.get(id)!.status === 'connected');
    await hangUpFromTheShell('Office VPN');
    await world.clock.runUntil(() => window.get(id)!.status === 'waiting-to-redial', 60_000);
    expect(window.get(id)!.ending).toMatchObject({ ended: 'dropped' });
  });

  it('redials a kept entry’s drop after a redial the person cancelled (the window’s steps)', async () => {
    // Found in the window: Cancel redial, Keep connected on, Connect; the new link dropped 30 s
    // later, within a minute of the cancel's note, and was ended as hung up by the person.
    const entry = 'Drops after 30 s';
    const saved = await world.backend.getEntry(undefined, entry);
    await world.backend.setEntry(undefined, {
      ...saved,
      redialOnLinkFailure: true,
      redialAttempts: 3,
      redialSeconds: 5,
    });
    start(true);
    const dial = () =>
      driveClock(
        world,
        window.dial({
          entryName: entry,
          credentials: { userName: 'a', password: 'b', domain: '' },
        }),
      );
    const first = await dial();
    await world.clock.runUntil(() => window.get(first)!.status === 'waiting-to-redial', 60_000);
    await driveClock(world, window.hangUp(first));
    await settings.set({ keepConnected: [{ phonebook: world.phonebook, name: entry }] });
    const second = await dial();
    await world.clock.runUntil(() => window.get(second)!.status === 'connected');
    await world.clock.runUntil(() => window.get(second)!.status !== 'connected', 60_000);
    await world.clock.runUntil(() => window.get(second)!.status === 'waiting-to-redial', 10_000);
    expect(window.get(second)!.ending).toMatchObject({ ended: 'dropped' });
  });

  it('counts a note only for a link that was up before it and goes down soon after it, and only for its entry', async () => {
    const notes = new FileHangUpNotes(world.dir);
    const key = { phonebook: world.phonebook, name: 'Office VPN' };
    await notes.note(key, 1_000_000);
    const up = 990_000;
    expect(await notes.noted(key, up, 1_000_000 + 5_000)).toBe(true);
    expect(await notes.noted({ ...key, name: 'office vpn' }, up, 1_000_500)).toBe(true);
    expect(await notes.noted({ ...key, name: 'Dial-up' }, up, 1_000_500)).toBe(false);
    expect(await notes.noted(key, up, 1_000_000 + NOTE_VALID_MS + 1)).toBe(false);
    expect(await notes.noted(key, up, 999_999)).toBe(false);
    // A link that came up after the note was not the one it hung up.
    expect(await notes.noted(key, 1_000_001, 1_000_500)).toBe(false);
  });
});
