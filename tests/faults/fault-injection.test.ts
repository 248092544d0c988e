// Faults, through the whole core on a manual clock: the simulated server behind the fault
// injector (any call failing with any number, notifications twice, late or out of order, a
// port that stays busy past the hang-up wait). For every case fast-check makes, the dial is
// driven as a person would (answering each question, hanging up once connected) and then:
// the connection ends in exactly one terminal state per attempt; the window (the
// connection:state events) and the tray (TrayFeed) showed the same thing at every step; no
// timer, delayed notification or port is left; and the error shown is one that happened.
// FAULT_RUNS sets the number of cases (200 by default, as in CI).

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../app/connection-view';
import type { EventPayload } from '../../app/ipc/contract';
import { RasState } from '../../app/ras/connection-state';
import { describeError } from '../../app/ras/errors';
import { ManualClock } from '../../main/clock';
import type { PausedAnswer, RasBackend } from '../../main/ras/backend';
import {
  FaultInjector,
  type CallFault,
  type NotificationFault,
} from '../../main/ras/simulated/fault-injector';
import { HANG_UP_TRIES } from '../../main/sessions/release-wait';
import { SessionManager } from '../../main/sessions/session-manager';
import { TrayFeed } from '../../main/tray/tray-feed';
import { trayCondition } from '../../main/tray/tray-model';
import { simulatedCore, type TestCore } from '../support/core';

const RUNS = Number(process.env.FAULT_RUNS ?? 200);

interface Scenario {
  entryName: string;
  password: string;
  /** The error the dial ends with when nothing is injected (0: connects, then we hang up). */
  natural: number;
}

const SCENARIOS: Scenario[] = [
  { entryName: 'Dial-up', password: 'secret', natural: 0 },
  { entryName: 'Office VPN', password: 'secret', natural: 0 },
  { entryName: 'Busy line', password: 'secret', natural: 676 },
  { entryName: 'VPN (unknown host)', password: 'secret', natural: 868 },
  { entryName: 'Office VPN', password: 'wrong', natural: 0 },
  { entryName: 'Office VPN', password: 'expired', natural: 0 },
  { entryName: 'Callback (you choose the number)', password: 'secret', natural: 0 },
  { entryName: 'EAP sign-in', password: 'secret', natural: 0 },
  // Continued without the terminal login: PPP gets no answer (ERROR_PPP_TIMEOUT).
  { entryName: 'Terminal window', password: 'secret', natural: 718 },
  { entryName: 'Drops after 30 s', password: 'secret', natural: 629 },
  // Busy, then no answer, then connects on the third number, which is promoted (setEntry).
  { entryName: 'Dial-up with alternates', password: 'secret', natural: 0 },
];

/** The answer a person gives to each question. */
const ANSWERS: Record<string, PausedAnswer> = {
  'retry-authentication': {
    kind: 'retry-authentication',
    userName: 'alice',
    password: 'secret',
    domain: '',
  },
  'new-password': { kind: 'new-password', password: 'fresh-one' },
  callback: { kind: 'callback', callbackNumber: '555-0199' },
  eap: { kind: 'eap', tokenCard: { userName: 'alice', code: '123456' } },
  interactive: { kind: 'interactive' },
};

/** Win32 and RAS numbers a call may fail with. */
const CODES = [
  5, 6, 8, 87, 600, 603, 608, 617, 623, 633, 638, 668, 676, 678, 691, 718, 734, 752, 800,
];

const callFault: fc.Arbitrary<CallFault | null> = fc.option(
  fc.record({
    call: fc.constantFrom(
      'dial',
      'resume',
      'getConnectStatus',
      'hangUp',
      'getEntry',
      'getStatistics',
      'setEntry',
      'enumConnections',
      'listEntries',
    ) as fc.Arbitrary<CallFault['call']>,
    code: fc.oneof(fc.constantFrom(...CODES), fc.integer({ min: 600, max: 878 })),
    nth: fc.integer({ min: 1, max: 4 }),
    times: fc.constantFrom(1, 2, Infinity),
  }),
  { freq: 4 },
);

const notificationFault: fc.Arbitrary<NotificationFault> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'twice' as const }),
  fc.integer({ min: 1, max: 20_000 }).map((ms) => ({ kind: 'late' as const, ms })),
  fc.integer({ min: 1, max: 5_000 }).map((ms) => ({ kind: 'out-of-order' as const, ms })),
);

let test: TestCore | undefined;
afterEach(async () => {
  await test?.dispose();
  test = undefined;
});

async function world() {
  const clock = new ManualClock();
  let injector!: FaultInjector;
  let server!: RasBackend;
  const core = await simulatedCore({
    clock,
    wrapBackend: (backend) => {
      server = backend;
      return (injector = new FaultInjector(backend, clock)).backend;
    },
  });
  test = core;
  // `server`: the simulated server itself, past the injector, for what is really left.
  return { ...core, clock, injector, server };
}

/**
 * Runs the clock until the check holds. No timer due is not the end: a file may still be
 * being read in real time, and runUntil gives that two real seconds before it gives up.
 */
async function run(clock: ManualClock, done: () => boolean, limitMs = 300_000): Promise<void> {
  await clock.runUntil(done, limitMs).catch(() => undefined);
}

describe('faults injected into the simulated server', () => {
  it('each fault ends in one terminal state, shown alike in the window and the tray, with nothing left behind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SCENARIOS),
        notificationFault,
        callFault,
        fc.boolean(),
        async (scenario, notifications, fault, portStuck) => {
          await test?.dispose();
          const { core, clock, injector, server } = await world();
          // The window: what connection:state events told it. The tray: what TrayFeed drew.
          let window: ConnectionView[] = [];
          let tray: ConnectionView[] = [];
          const disagreements: string[] = [];
          const feed = new TrayFeed({
            core,
            now: () => clock.now(),
            language: () => 'en',
            startAtLogin: () => false,
            onChange: (state) => (tray = [...state.connections]),
            log: () => undefined,
          });
          const stopSink = core.addSink((event, payload) => {
            if (event !== 'connection:state') return;
            window = (payload as EventPayload<'connection:state'>).connections;
            const shown = (list: ConnectionView[]) =>
              list.map((c) => `${c.id} ${c.status} ${c.error?.code ?? '-'}`).join('; ');
            // Compared once every subscriber of this change has run (the tray's comes later).
            queueMicrotask(() => {
              if (shown(window) !== shown(tray))
                disagreements.push(`window ${shown(window)} / tray ${shown(tray)}`);
            });
          });

          const handles = new Set<string>();
          injector.tapNotifications((n) => handles.add(n.handle));
          injector.setNotificationFault(notifications);
          if (fault) injector.failCall(fault);
          if (portStuck) injector.holdPorts(15_000); // the hang-up wait gives up after 10 s

          const dialed = await core.router.handle(
            'connection:dial',
            {
              entryName: scenario.entryName,
              credentials: { userName: 'alice', password: scenario.password, domain: '' },
            },
            'test',
          );
          const happened = () =>
            new Set<number | string>([
              ...injector.calls.flatMap((c) => (c.failedWith === null ? [] : [c.failedWith])),
              ...(scenario.natural ? [scenario.natural] : []),
              // A port that stays busy, or a hang-up that does not take, times the wait out.
              ...(portStuck || fault?.call === 'hangUp' ? ['HANGUP_TIMEOUT'] : []),
            ]);
          if (!dialed.ok) {
            // Refused before a connection existed: the error is the failed call's.
            expect(happened()).toContain(dialed.error.code);
          } else {
            const id = (dialed.value as { id: string }).id;
            const view = () => core.manager.get(id)!;
            for (let step = 0; step < 12 && view().status !== 'disconnected'; step++) {
              await run(clock, () =>
                ['paused', 'connected', 'disconnected'].includes(view().status),
              );
              const now = view();
              if (now.status === 'paused' && now.paused) {
                await core.router.handle(
                  'connection:resume',
                  { id, answer: ANSWERS[now.paused.kind]! },
                  'test',
                );
              } else if (now.status === 'connected') {
                const hangUp = core.router.handle('connection:hang-up', { id }, 'test');
                await run(clock, () => view().status !== 'disconnecting');
                await hangUp;
              } else if (now.status !== 'disconnected') {
                break; // stuck: the check below reports it
              }
            }
            if (view().status === 'connected') {
              // RasHangUp refused every time: the link is still up, and the window says why.
              expect(fault).toMatchObject({ call: 'hangUp', times: Infinity });
              expect([fault!.code, 'HANGUP_TIMEOUT']).toContain(view().error?.code);
              injector.reset();
              const hangUp = core.router.handle('connection:hang-up', { id }, 'test');
              await run(clock, () => view().status === 'disconnected');
              expect(await hangUp).toEqual({ ok: true, value: null });
            }
            await run(clock, () => injector.pendingDeliveries === 0 && clock.pending === 0);
            const end = view();
            expect(end.status, JSON.stringify(end.timeline.rows.map((r) => r.name))).toBe(
              'disconnected',
            );
            // Each attempt (from its dial row) ends once: one Disconnected row, its last, and
            // at most one Connected before it.
            const attempts: (typeof end.timeline.rows)[number][][] = [];
            for (const row of end.timeline.rows)
              if (row.kind === 'dial' || attempts.length === 0) attempts.push([row]);
              else attempts.at(-1)!.push(row);
            for (const rows of attempts) {
              const said = rows.map((r) => r.name).join(' → ');
              const ends = rows.filter((r) => r.state === RasState.Disconnected);
              expect(ends, said).toHaveLength(1);
              expect(rows.at(-1)!.state, said).toBe(RasState.Disconnected);
              expect(rows.filter((r) => r.state === RasState.Connected).length).toBeLessThan(2);
            }
            // What the person sees names something that happened (or nothing went wrong).
            if (end.error) {
              expect(happened(), end.error.message).toContain(end.error.code);
              if (typeof end.error.code === 'number')
                expect(end.error.message).toContain(describeError(end.error.code).message);
            } else expect(happened().size === 0 || injector.calls.length > 0).toBe(true);
            // Window and tray at the end and at every step.
            expect(disagreements).toEqual([]);
            expect(trayCondition(tray)).toBe(trayCondition(window));
          }
          // Nothing left: no timer, no delayed notification, no connection or port.
          injector.reset();
          await run(clock, () => clock.pending === 0);
          expect(injector.pendingDeliveries).toBe(0);
          expect(clock.pending).toBe(0);
          expect(await server.enumConnections()).toEqual([]);
          // Every port this dial took is free again, unless RAS refused every hang-up for ever.
          if (!(fault?.call === 'hangUp' && fault.times === Infinity))
            for (const handle of handles)
              await expect(server.getConnectStatus(handle), handle).rejects.toMatchObject({
                code: 6,
              });
          stopSink();
          feed.dispose();
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);

  it('a restart of the session manager attaches to connections that are alive, faults and all', async () => {
    const { core, clock, injector } = await world();
    injector.setNotificationFault({ kind: 'out-of-order', ms: 500 });
    const dialed = await core.manager.dial({
      entryName: 'Office VPN',
      credentials: { userName: 'alice', password: 'secret', domain: '' },
    });
    await run(clock, () => core.manager.get(dialed)!.status === 'connected');
    const handle = core.manager.get(dialed)!.handle;
    core.manager.dispose();
    // The status call fails once while the new manager looks: it asks again on the next look.
    injector.failCall({ call: 'getConnectStatus', code: 5, nth: 1 });
    const restarted = new SessionManager({ backend: core.backend, clock });
    await expect(restarted.attachExisting()).rejects.toMatchObject({ code: 5 });
    const attached = await restarted.attachExisting();
    expect(attached).toEqual([
      expect.objectContaining({ entryName: 'Office VPN', status: 'connected', handle }),
    ]);
    const done = restarted.hangUp(attached[0]!.id);
    await run(clock, () => restarted.get(attached[0]!.id)!.status === 'disconnected');
    await done;
    expect(await core.backend.enumConnections()).toEqual([]);
    restarted.dispose();
  });

  describe('one fault at a time', () => {
    const good = { userName: 'alice', password: 'secret', domain: '' };
    const names = (v: ConnectionView) =>
      v.timeline.rows.map((r) => r.name + (r.error ? `!${r.error}` : ''));

    it('a notification that comes twice adds nothing, and counts as one failed sign-in', async () => {
      const { core, clock, injector } = await world();
      const plain = await core.manager.dial({ entryName: 'Office VPN', credentials: good });
      await run(clock, () => core.manager.get(plain)!.status === 'connected');
      const expected = names(core.manager.get(plain)!);
      const hungUp = core.manager.hangUp(plain);
      await run(clock, () => core.manager.get(plain)!.status === 'disconnected');
      await hungUp;
      await clock.advance(2000); // the settle pause before the entry is dialed again
      injector.setNotificationFault({ kind: 'twice' });
      const twice = await core.manager.dial({
        entryName: 'Office VPN',
        credentials: { ...good, password: 'wrong' },
      });
      await run(clock, () => core.manager.get(twice)!.status === 'paused');
      expect(core.manager.get(twice)!.paused).toMatchObject({ retry: 1 });
      await core.manager.resume(twice, ANSWERS['retry-authentication']!);
      await run(clock, () => core.manager.get(twice)!.status === 'connected');
      expect(
        names(core.manager.get(twice)!).filter((n) => n === 'RetryAuthentication'),
      ).toHaveLength(1);
      expect(names(core.manager.get(twice)!).at(-1)).toBe(expected.at(-1));
    });

    it('a running state that arrives late during a pause leaves the question open', async () => {
      const { core, clock, injector } = await world();
      injector.setNotificationFault({ kind: 'out-of-order', ms: 60_000 });
      const id = await core.manager.dial({
        entryName: 'Office VPN',
        credentials: { ...good, password: 'wrong' },
      });
      await run(clock, () => core.manager.get(id)!.status === 'paused');
      // AuthNotify, held back, comes after RetryAuthentication.
      await clock.advance(60_000);
      expect(core.manager.get(id)).toMatchObject({
        status: 'paused',
        paused: { kind: 'retry-authentication' },
      });
    });

    it('an answer RAS refuses ends the dial with that error, its port released', async () => {
      const { core, clock, injector } = await world();
      const id = await core.manager.dial({
        entryName: 'Office VPN',
        credentials: { ...good, password: 'wrong' },
      });
      await run(clock, () => core.manager.get(id)!.status === 'paused');
      injector.failCall({ call: 'resume', code: 608 });
      await expect(core.manager.resume(id, ANSWERS['retry-authentication']!)).rejects.toMatchObject(
        { code: 608 },
      );
      await run(clock, () => core.manager.get(id)!.status === 'disconnected');
      expect(core.manager.get(id)!.error).toMatchObject({ code: 608 });
      expect(names(core.manager.get(id)!).at(-1)).toBe('Disconnected!608');
      expect(await core.backend.enumConnections()).toEqual([]);
    });

    it('a hang-up that fails once is tried again', async () => {
      const { core, clock, injector } = await world();
      const id = await core.manager.dial({ entryName: 'Office VPN', credentials: good });
      await run(clock, () => core.manager.get(id)!.status === 'connected');
      injector.failCall({ call: 'hangUp', code: 753 });
      const done = core.manager.hangUp(id);
      await run(clock, () => core.manager.get(id)!.status === 'disconnected');
      await done;
      expect(core.manager.get(id)!.error).toBeNull();
      expect(injector.calls.filter((c) => c.call === 'hangUp')).toHaveLength(2);
    });

    it('a hang-up RAS refuses leaves the connection up, says why, and can be tried again', async () => {
      const { core, clock, injector } = await world();
      const id = await core.manager.dial({ entryName: 'Office VPN', credentials: good });
      await run(clock, () => core.manager.get(id)!.status === 'connected');
      injector.failCall({ call: 'hangUp', code: 753, times: HANG_UP_TRIES });
      const refused = core.manager.hangUp(id);
      refused.catch(() => undefined); // looked at below, once the clock has run
      await run(clock, () => core.manager.get(id)!.status === 'connected');
      await expect(refused).rejects.toMatchObject({ code: 753 });
      expect(core.manager.get(id)).toMatchObject({ status: 'connected', error: { code: 753 } });
      const again = core.manager.hangUp(id);
      await run(clock, () => core.manager.get(id)!.status === 'disconnected');
      await again;
      expect(core.manager.get(id)!.error).toBeNull();
    });

    it('a status call that fails while the port is awaited is asked again; for ever, it is named', async () => {
      const { core, clock, injector } = await world();
      const once = await core.manager.dial({ entryName: 'Office VPN', credentials: good });
      await run(clock, () => core.manager.get(once)!.status === 'connected');
      injector.failCall({ call: 'getConnectStatus', code: 5 });
      const first = core.manager.hangUp(once);
      await run(clock, () => core.manager.get(once)!.status === 'disconnected');
      await first;
      expect(core.manager.get(once)!.error).toBeNull();

      const always = await core.manager.dial({ entryName: 'Dial-up', credentials: good });
      await run(clock, () => core.manager.get(always)!.status === 'connected');
      injector.failCall({ call: 'getConnectStatus', code: 5, times: Infinity });
      const second = core.manager.hangUp(always);
      await run(clock, () => core.manager.get(always)!.status === 'disconnected');
      await second.catch(() => undefined);
      expect(core.manager.get(always)!.error).toMatchObject({
        code: 5,
        message: expect.stringMatching(/RasGetConnectStatus.*port was released/),
      });
    });

    it('a port released after the hang-up wait gives up ends with the wait named', async () => {
      const { core, clock, injector } = await world();
      const id = await core.manager.dial({ entryName: 'Office VPN', credentials: good });
      await run(clock, () => core.manager.get(id)!.status === 'connected');
      injector.holdPorts(15_000);
      const done = core.manager.hangUp(id);
      await run(clock, () => core.manager.get(id)!.status === 'disconnected');
      await done.catch(() => undefined);
      expect(core.manager.get(id)!.error).toMatchObject({
        code: 'HANGUP_TIMEOUT',
        message: expect.stringMatching(/not released within 10 s/),
      });
    });
  });
});
