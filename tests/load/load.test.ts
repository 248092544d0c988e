// Load: 8 connections at once, each dialing and hanging up LOAD_CYCLES times (200 by default,
// as in CI) through the IPC router, as the window does, with questions at random (a wrong or
// an expired password) answered after a random while. Every notification the server sent
// must be on that attempt's timeline, in order; the window's events must come in version
// order, each connection's statuses in an order a dial can take; and at the end no handle,
// timer, delayed call or listener may be left.

import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../app/connection-view';
import type { EventPayload } from '../../app/ipc/contract';
import { makeEntry } from '../../app/phonebook/entry';
import { ManualClock } from '../../main/clock';
import type { PausedAnswer, RasNotification } from '../../main/ras/backend';
import { FaultInjector } from '../../main/ras/simulated/fault-injector';
import { clockPump } from '../support/clock-pump';
import { simulatedCore, type TestCore } from '../support/core';

const CYCLES = Number(process.env.LOAD_CYCLES ?? 200);
const CONNECTIONS = 8;

/** Which status may follow which, as the window sees them. */
const NEXT: Record<string, string[]> = {
  dialing: ['dialing', 'paused', 'connected', 'disconnecting', 'disconnected'],
  paused: ['paused', 'dialing', 'disconnecting', 'disconnected'],
  connected: ['connected', 'disconnecting', 'disconnected'],
  disconnecting: ['disconnecting', 'disconnected'],
  disconnected: ['disconnected', 'dialing'],
};

let test: TestCore | undefined;
afterAll(() => test?.dispose());

/** A seeded random source, so a failure can be replayed (LOAD_SEED). */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

describe('load', () => {
  it(`${CONNECTIONS} connections dialing and hanging up ${CYCLES} times each through the router`, async () => {
    const seed = Number(process.env.LOAD_SEED ?? Date.now() % 100_000);
    const rand = random(seed);
    const clock = new ManualClock();
    // One clock for all eight: whoever waits moves it, a quarter second at a time.
    const waitFor = clockPump(clock, 250);
    let injector!: FaultInjector;
    test = await simulatedCore({
      clock,
      wrapBackend: (backend) => (injector = new FaultInjector(backend, clock)).backend,
    });
    const { core } = test;
    // A call may wait on the clock (the settle pause before a re-dial): keep it moving.
    const call = async (channel: string, payload: unknown) => {
      let settled = false;
      const pending = core.router.handle(channel, payload, 'window:1');
      void pending.finally(() => (settled = true));
      await waitFor(() => settled);
      const result = await pending;
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    const names = Array.from({ length: CONNECTIONS }, (_, i) => `Load ${i + 1}`);
    for (const [i, name] of names.entries())
      await call('phonebook:create', {
        entry: makeEntry(name, i % 2 ? 'vpn' : 'phone', [
          i % 2 ? `vpn${i}.example.com` : `555-01${10 + i}`,
        ]),
      });

    // What the server sent, by handle; what the window was told.
    const sent = new Map<string, RasNotification[]>();
    injector.tapNotifications((n) => sent.set(n.handle, [...(sent.get(n.handle) ?? []), n]));
    const problems: string[] = [];
    let lastVersion = -1;
    const lastStatus = new Map<string, string>();
    let events = 0;
    const stopSink = core.addSink((event, payload) => {
      if (event !== 'connection:state') return;
      events++;
      const snapshot = payload as EventPayload<'connection:state'>;
      if (snapshot.version <= lastVersion)
        problems.push(`version ${snapshot.version} after ${lastVersion}`);
      lastVersion = snapshot.version;
      for (const c of snapshot.connections) {
        const before = lastStatus.get(c.entryName);
        if (before && !NEXT[before]!.includes(c.status))
          problems.push(`${c.entryName}: ${before} → ${c.status}`);
        lastStatus.set(c.entryName, c.status);
      }
    });

    const view = (name: string): ConnectionView | undefined =>
      core.manager.list().find((c) => c.entryName === name);

    let dials = 0;
    let checkedNotifications = 0;
    async function cycle(name: string): Promise<void> {
      const password = rand() < 0.25 ? 'wrong' : rand() < 0.15 ? 'expired' : 'secret';
      const { id } = (await call('connection:dial', {
        entryName: name,
        credentials: { userName: 'load', password, domain: '' },
      })) as { id: string };
      dials++;
      for (;;) {
        await waitFor(() => ['paused', 'connected', 'disconnected'].includes(view(name)!.status));
        const now = view(name)!;
        if (now.status !== 'paused') break;
        // A person takes a moment to answer.
        const answerAt = clock.now() + Math.floor(rand() * 5000);
        await waitFor(() => clock.now() >= answerAt);
        const answer: PausedAnswer =
          now.paused!.kind === 'new-password'
            ? { kind: 'new-password', password: 'renewed' }
            : { kind: 'retry-authentication', userName: 'load', password: 'secret', domain: '' };
        await call('connection:resume', { id, answer });
      }
      const handle = view(name)!.handle!;
      expect(view(name)!.status, JSON.stringify(view(name)!.error)).toBe('connected');
      const hangUp = call('connection:hang-up', { id });
      await waitFor(() => view(name)!.status === 'disconnected');
      await hangUp;
      // Every notification the server sent this attempt is on its timeline, in order.
      const onTimeline = view(name)!
        .timeline.rows.filter((r) => r.kind === 'state' && r.source === 'ras')
        .map((r) => `${r.state}/${r.error}`);
      const fromServer = (sent.get(handle) ?? []).map((n) => `${n.state}/${n.error}`);
      expect(onTimeline, `${name}, seed ${seed}`).toEqual(fromServer);
      checkedNotifications += fromServer.length;
      sent.delete(handle);
    }

    await Promise.all(
      names.map(async (name) => {
        for (let i = 0; i < CYCLES; i++) await cycle(name);
      }),
    );
    await clock.runUntil(() => clock.pending === 0);

    expect(problems, `seed ${seed}`).toEqual([]);
    expect(dials).toBe(CONNECTIONS * CYCLES);
    expect(checkedNotifications).toBeGreaterThan(dials * 14);
    // Nothing left: no connection or handle, no timer, no delayed notification, no listener.
    expect(await core.backend.enumConnections()).toEqual([]);
    expect(clock.pending).toBe(0);
    expect(injector.pendingDeliveries).toBe(0);
    expect(sent.size).toBe(0);
    expect(core.manager.list().every((c) => c.status === 'disconnected' && !c.handle)).toBe(true);
    stopSink();
    const after = events;
    await core.settings.set({ theme: 'dark' });
    expect(events).toBe(after); // the window's listener is gone with its removal
    console.log(
      `load: ${dials} dials, ${checkedNotifications} notifications checked, ${events} window events, seed ${seed}`,
    );
  }, 900_000);
});
