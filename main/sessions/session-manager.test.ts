import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import { RasState as S } from '../../app/ras/connection-state';
import { AppError, RasError } from '../../app/ras/errors';
import {
  TUNNEL_SEQUENCE,
  simulatedWorld,
  type SimulatedWorld,
  driveClock,
} from '../../tests/support/simulated';
import type { RasBackend } from '../ras/backend';
import type { ConnectionStatus, ConnectionView } from './connections-store';
import { SessionManager } from './session-manager';

let world: SimulatedWorld;
let manager: SessionManager;
const good = { userName: 'alice', password: 'secret', domain: '' };

beforeEach(async () => {
  world = await simulatedWorld();
  manager = new SessionManager({ backend: world.backend, clock: world.clock });
});
afterEach(async () => {
  manager.dispose();
  await world.cleanup();
});

const view = (id: string): ConnectionView => manager.get(id)!;
const until = (id: string, ...statuses: ConnectionStatus[]) =>
  world.clock.runUntil(() => statuses.includes(view(id).status));
const names = (id: string) =>
  view(id).timeline.rows.map((r) =>
    r.kind === 'dial' ? r.name : r.name + (r.error ? `!${r.error}` : ''),
  );

/** Awaits work that waits on the manual clock (port release, settle pauses) while moving the clock. */
const drive = <T>(work: Promise<T>): Promise<T> => driveClock(world, work);

async function dial(entryName: string, credentials = good): Promise<string> {
  return drive(manager.dial({ entryName, credentials }));
}

async function expectReleased(handle: string): Promise<void> {
  await expect(world.backend.getConnectStatus(handle)).rejects.toMatchObject({ code: 6 });
}

describe('session engine: dialing', () => {
  it('puts every notification on the timeline and ends Connected', async () => {
    const id = await dial('Office VPN');
    await until(id, 'connected');
    expect(names(id)).toEqual(['Dial', ...TUNNEL_SEQUENCE]);
    const v = view(id);
    expect(v.connectedAt).toBe(world.clock.now());
    expect(v.timeline.rows.at(-2)!.duration).toBeGreaterThan(0);
    expect(v.handle).not.toBeNull();
  });

  it('reports an error notification as Disconnected with that error, after hanging up and awaiting the port', async () => {
    const id = await dial('Busy line');
    const handle = view(id).handle;
    expect(handle).not.toBeNull();
    await until(id, 'disconnected');
    expect(names(id)).toEqual([
      'Dial',
      'OpenPort',
      'PortOpened',
      'ConnectDevice',
      'ConnectDevice!676',
      'Disconnected!676',
    ]);
    expect(view(id).error).toMatchObject({ code: 676, name: 'ERROR_LINE_BUSY' });
    expect(view(id).timeline.rows.at(-1)!.source).toBe('app');
    await expectReleased(handle!);
  });

  it('reports a dial the backend refuses at once (unknown entry) as an error of the call', async () => {
    await expect(dial('No such entry')).rejects.toMatchObject({ code: 623 });
    expect(manager.list()).toEqual([]);
  });

  it('runs several connections at once, each with its own timeline', async () => {
    const ids = await Promise.all(['Office VPN', 'Dial-up', 'Busy line'].map((e) => dial(e)));
    await world.clock.runUntil(() =>
      ids.every((id) => ['connected', 'disconnected'].includes(view(id).status)),
    );
    expect(ids.map((id) => view(id).status)).toEqual(['connected', 'connected', 'disconnected']);
    expect(names(ids[1]!)).toContain('AuthLinkSpeed');
    expect(names(ids[0]!)).not.toContain('AuthLinkSpeed');
    expect(new Set(ids.map((id) => view(id).handle).filter(Boolean)).size).toBe(2);
    expect(view(ids[2]!).handle).toBeNull();
  });

  it('refuses a second dial of an entry that is being dialed or is connected', async () => {
    const id = await dial('Office VPN');
    await expect(dial('office vpn')).rejects.toBeInstanceOf(AppError);
    await expect(dial('Office VPN')).rejects.toMatchObject({
      code: 'ALREADY_ACTIVE',
      message: /being dialed/,
    });
    await until(id, 'connected');
    await expect(dial('Office VPN')).rejects.toMatchObject({
      message: /already connected/,
      text: { key: 'session.alreadyConnected', params: { entry: 'Office VPN' } },
    });
  });

  it('refuses two quick dials of one entry even before the first has started', async () => {
    const results = await Promise.allSettled([dial('Office VPN'), dial('Office VPN')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('keeps the last attempt’s timeline until the next dial of the entry replaces it', async () => {
    const first = await dial('Busy line');
    await until(first, 'disconnected');
    const second = await dial('Busy line');
    expect(second).not.toBe(first);
    expect(manager.get(first)).toBeUndefined();
    expect(manager.list()).toHaveLength(1);
  });

  it('waits a settle pause after a port release before dialing the entry again', async () => {
    const first = await dial('Busy line');
    await until(first, 'disconnected');
    const releasedAt = world.clock.now();
    const second = await dial('Busy line');
    expect(view(second).timeline.startedAt! - releasedAt).toBeGreaterThanOrEqual(1000);
  });

  it('ends a ninth concurrent dial with ERROR_PORT_NOT_AVAILABLE', async () => {
    // Eight dials that hold their port: each connects or waits in a paused state.
    const entries = [
      'Dial-up',
      'Office VPN',
      'Home Broadband',
      'VPN (slow)',
      'EAP sign-in',
      'Callback (preset number)',
      'Callback (you choose the number)',
      'Account disabled',
    ];
    const held = [];
    for (const e of entries) held.push(await dial(e));
    const ninth = await dial('No dial tone');
    await until(ninth, 'disconnected');
    expect(view(ninth).error?.code).toBe(633);
    expect(held.map((id) => view(id).status).every((s) => s !== 'disconnected')).toBe(true);
  });

  it('gives statistics of a connected connection', async () => {
    const id = await dial('Dial-up');
    await until(id, 'connected');
    await world.clock.advance(5000);
    const stats = await manager.getStatistics(id);
    expect(stats.connectDuration).toBe(5000);
    expect(stats.bytesRcved).toBeGreaterThan(0);
    const busy = await dial('Busy line');
    await expect(manager.getStatistics(busy)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('session engine: paused states', () => {
  it('asks for other credentials with the retry number, twice, then connects', async () => {
    const id = await dial('Office VPN', { userName: 'bob', password: 'wrong', domain: 'CORP' });
    await until(id, 'paused');
    expect(view(id).paused).toMatchObject({
      kind: 'retry-authentication',
      retry: 1,
      userName: 'bob',
      domain: 'CORP',
    });
    expect(view(id).paused!.reason).toMatch(/rejected/);
    await manager.resume(id, {
      kind: 'retry-authentication',
      userName: 'bob',
      password: 'wrong',
      domain: 'CORP',
    });
    await world.clock.runUntil(() => view(id).paused?.retry === 2);
    await manager.resume(id, {
      kind: 'retry-authentication',
      userName: 'bob',
      password: 'right',
      domain: 'CORP',
    });
    await until(id, 'connected');
    expect(names(id).filter((n) => n === 'RetryAuthentication')).toHaveLength(2);
  });

  it.each([
    [
      'Callback (you choose the number)',
      { kind: 'callback', callbackNumber: '555 0142' },
      'callback',
    ],
    ['Office VPN', { kind: 'new-password', password: 'fresh' }, 'new-password'],
    ['EAP sign-in', { kind: 'eap', tokenCard: { userName: 'alice', code: '123456' } }, 'eap'],
  ] as const)('%s: answers %j and connects', async (entry, answer, kind) => {
    const id = await dial(entry, kind === 'new-password' ? { ...good, password: 'expired' } : good);
    await until(id, 'paused');
    expect(view(id).paused!.kind).toBe(kind);
    await manager.resume(id, answer);
    expect(view(id).status).toBe('dialing');
    await until(id, 'connected');
  });

  it.each([
    ['Callback (you choose the number)', good],
    ['Office VPN', { ...good, password: 'wrong' }],
    ['Office VPN', { ...good, password: 'expired' }],
    ['EAP sign-in', good],
    ['Terminal window', good],
  ])(
    '%s: cancelling the pause hangs up and reports Disconnected once the port is free',
    async (entry, credentials) => {
      const id = await dial(entry, credentials);
      await until(id, 'paused');
      const handle = view(id).handle!;
      await drive(manager.cancelPause(id));
      expect(view(id)).toMatchObject({ status: 'disconnected', error: null, paused: null });
      expect(names(id).at(-1)).toBe('Disconnected');
      await expectReleased(handle);
    },
  );

  it('refuses an answer the connection is not waiting for', async () => {
    const id = await dial('Terminal window');
    await expect(manager.resume(id, { kind: 'eap' })).rejects.toMatchObject({ code: 'NOT_PAUSED' });
    await until(id, 'paused');
    await expect(manager.resume(id, { kind: 'eap' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(manager.resume('c999', { kind: 'eap' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('ends a third failed sign-in as Disconnected with 691 and does not redial it', async () => {
    await world.backend.setEntry(
      undefined,
      makeEntry('Redialing VPN', 'vpn', ['vpn.example.com'], {
        redialAttempts: 3,
        redialSeconds: 1,
      }),
    );
    const id = await dial('Redialing VPN', { ...good, password: 'wrong' });
    for (let i = 1; i <= 2; i++) {
      await world.clock.runUntil(() => view(id).paused?.retry === i);
      await manager.resume(id, {
        kind: 'retry-authentication',
        userName: 'alice',
        password: 'wrong',
        domain: '',
      });
    }
    await until(id, 'disconnected');
    expect(view(id).error?.code).toBe(691);
    expect(names(id).filter((n) => n === 'Redial')).toHaveLength(0);
  });
});

describe('session engine: hang-up', () => {
  it.each([
    ['running', 'Office VPN', (id: string) => view(id).timeline.rows.length >= 5],
    ['paused', 'Terminal window', (id: string) => view(id).status === 'paused'],
    ['terminal (connected)', 'Office VPN', (id: string) => view(id).status === 'connected'],
  ])(
    'in a %s state reports Disconnected only after the port is released',
    async (_group, entry, reached) => {
      const id = await dial(entry);
      await world.clock.runUntil(() => reached(id));
      const handle = view(id).handle!;
      const seen: { status: ConnectionStatus; released: boolean }[] = [];
      manager.store.subscribe(
        (s) => s.connections[id]!.status,
        (status) => {
          void world.backend.getConnectStatus(handle).then(
            () => seen.push({ status, released: false }),
            () => seen.push({ status, released: true }),
          );
        },
      );
      const done = manager.hangUp(id);
      expect(view(id).status).toBe('disconnecting');
      await world.clock.runUntil(() => view(id).status === 'disconnected');
      await done;
      await world.clock.advance(0);
      expect(seen).toEqual([
        { status: 'disconnecting', released: false },
        { status: 'disconnected', released: true },
      ]);
      expect(names(id).at(-1)).toBe('Disconnected');
      expect(view(id).error).toBeNull();
      const rows = view(id).timeline.rows.length;
      await world.clock.advance(60_000);
      expect(view(id).timeline.rows).toHaveLength(rows);
    },
  );

  it('fails with a clear error when the port is never released', async () => {
    const stuck: RasBackend = Object.create(world.backend);
    stuck.getConnectStatus = async () => ({
      state: S.Disconnected,
      error: 0,
      deviceType: 'vpn',
      deviceName: '',
      phoneNumber: '',
    });
    const m = new SessionManager({
      backend: stuck,
      clock: world.clock,
      release: { pollMs: 50, timeoutMs: 2000 },
    });
    const id = await m.dial({ entryName: 'Office VPN', credentials: good });
    await world.clock.runUntil(() => m.get(id)!.status === 'connected');
    const done = m.hangUp(id);
    await world.clock.runUntil(() => m.get(id)!.status === 'disconnected');
    await done;
    expect(m.get(id)!.error).toMatchObject({
      code: 'HANGUP_TIMEOUT',
      message: /not released within 2 s/,
    });
    m.dispose();
  });

  it('hangs up a dial whose RasDial has not returned yet', async () => {
    const slow: RasBackend = Object.create(world.backend);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    slow.dial = async (req, notify) => {
      const handle = await world.backend.dial(req, notify);
      await gate;
      return handle;
    };
    const m = new SessionManager({ backend: slow, clock: world.clock });
    const dialing = m.dial({ entryName: 'Office VPN', credentials: good });
    await world.clock.runUntil(() => m.list().length > 0);
    await world.clock.advance(1000);
    const id = m.list()[0]!.id;
    const hanging = m.hangUp(id);
    release();
    await dialing;
    await world.clock.runUntil(() => m.get(id)!.status === 'disconnected');
    await hanging;
    expect(await world.backend.enumConnections()).toEqual([]);
    m.dispose();
  });

  it('hangs up every connection', async () => {
    const ids = [await dial('Office VPN'), await dial('Dial-up')];
    await world.clock.runUntil(() => ids.every((id) => view(id).status === 'connected'));
    const all = manager.hangUpAll();
    await world.clock.runUntil(() => ids.every((id) => view(id).status === 'disconnected'));
    await all;
    expect(await world.backend.enumConnections()).toEqual([]);
  });

  it('hangs up by entry name', async () => {
    const id = await dial('Office VPN');
    await until(id, 'connected');
    await drive(manager.hangUpEntry('office vpn'));
    expect(view(id).status).toBe('disconnected');
    await expect(manager.hangUpEntry('Office VPN')).rejects.toThrow(/not connected/);
  });
});

describe('session engine: alternates and redial', () => {
  it('dials the next alternate after a line failure and promotes the number that worked', async () => {
    const id = await dial('Dial-up with alternates');
    await until(id, 'connected');
    const dials = view(id)
      .timeline.rows.filter((r) => r.kind === 'dial')
      .map((r) => r.description);
    expect(dials).toEqual([
      'Dialing 555-0486, number 1 of 3',
      'Dialing 555-0487, number 2 of 3',
      'Dialing 555-0100, number 3 of 3',
    ]);
    expect(names(id)).toContain('Disconnected!676');
    expect(names(id)).toContain('Disconnected!678');
    await drive(manager.whenIdle(id));
    const entry = await world.backend.getEntry(undefined, 'Dial-up with alternates');
    expect(entry.phoneNumbers.map((n) => n.number)).toEqual(['555-0100', '555-0486', '555-0487']);
  });

  it('does not try alternates when the entry says not to', async () => {
    const entry = await world.backend.getEntry(undefined, 'Dial-up with alternates');
    await world.backend.setEntry(undefined, { ...entry, tryNextAlternateOnFail: false });
    const id = await dial('Dial-up with alternates');
    await until(id, 'disconnected');
    expect(view(id).error?.code).toBe(676);
    expect(view(id).timeline.rows.filter((r) => r.kind === 'dial')).toHaveLength(1);
  });

  it('redials a failed attempt as often as the entry says, spaced by its interval', async () => {
    await world.backend.setEntry(
      undefined,
      makeEntry('Redial busy', 'phone', ['555-0486'], { redialAttempts: 2, redialSeconds: 5 }),
    );
    const id = await dial('Redial busy');
    await world.clock.runUntil(() => view(id).status === 'waiting-to-redial');
    expect(view(id).redialAt! - world.clock.now()).toBe(5000);
    await until(id, 'disconnected');
    const dials = view(id).timeline.rows.filter((r) => r.kind === 'dial');
    expect(dials.map((r) => [r.name, r.description])).toEqual([
      ['Dial', 'Dialing 555-0486, attempt 1 of 3'],
      ['Redial', 'Dialing 555-0486, attempt 2 of 3'],
      ['Redial', 'Dialing 555-0486, attempt 3 of 3'],
    ]);
    expect(dials[1]!.at - view(id).timeline.rows.find((r) => r.kind === 'wait')!.at).toBe(5000);
    expect(names(id).filter((n) => n.startsWith('Disconnected'))).toEqual(['Disconnected!676']);
    expect(view(id).error?.code).toBe(676);
  });

  it('stops redialing when the person hangs up while it waits', async () => {
    await world.backend.setEntry(
      undefined,
      makeEntry('Redial busy', 'phone', ['555-0486'], { redialAttempts: 5, redialSeconds: 30 }),
    );
    const id = await dial('Redial busy');
    await world.clock.runUntil(() => view(id).status === 'waiting-to-redial');
    await drive(manager.hangUp(id));
    expect(view(id).status).toBe('disconnected');
    await world.clock.advance(120_000);
    expect(view(id).timeline.rows.filter((r) => r.kind === 'dial')).toHaveLength(1);
  });

  it('reports a dropped link as Disconnected with 629', async () => {
    const id = await dial('Drops after 30 s');
    await until(id, 'connected');
    await until(id, 'disconnected');
    expect(view(id).error?.code).toBe(629);
    expect(names(id).slice(-2)).toEqual(['Connected', 'Disconnected!629']);
    expect(await world.backend.enumConnections()).toEqual([]);
  });

  it('redials when the link drops and the entry says so', async () => {
    const entry = await world.backend.getEntry(undefined, 'Drops after 30 s');
    await world.backend.setEntry(undefined, {
      ...entry,
      redialOnLinkFailure: true,
      redialSeconds: 2,
    });
    const id = await dial('Drops after 30 s');
    await until(id, 'connected');
    await until(id, 'waiting-to-redial');
    await until(id, 'connected');
    expect(view(id).timeline.rows.filter((r) => r.name === 'Redial')).toHaveLength(1);
    expect(names(id).filter((n) => n === 'Connected')).toHaveLength(2);
  });

  /** An entry that drops 30 s after connecting and redials after `redialSeconds`. */
  async function redialingDrop(redialSeconds: number, redialAttempts = 2): Promise<string> {
    const entry = await world.backend.getEntry(undefined, 'Drops after 30 s');
    await world.backend.setEntry(undefined, {
      ...entry,
      redialOnLinkFailure: true,
      redialSeconds,
      redialAttempts,
    });
    const id = await dial('Drops after 30 s');
    await until(id, 'connected');
    await until(id, 'waiting-to-redial');
    return id;
  }

  it('shows a drop that will be redialed as a wait with its code, not as a final Disconnected', async () => {
    const id = await redialingDrop(5);
    const last = view(id).timeline.rows.at(-1)!;
    expect(last).toMatchObject({ kind: 'wait', group: 'info', error: 629 });
    expect(last.wait).toEqual({ cause: 'dropped', seconds: 5, attempt: 2, attempts: 3 });
    expect(names(id)).not.toContain('Disconnected!629');
    expect(view(id).error?.code).toBe(629);
  });

  it('counts the wait down on the session clock, from the entry’s interval to 0', async () => {
    const id = await redialingDrop(5);
    const left = () => Math.ceil((view(id).redialAt! - world.clock.now()) / 1000);
    const seen = [left()];
    for (let i = 0; i < 5; i++) {
      await world.clock.advance(1000);
      seen.push(view(id).status === 'waiting-to-redial' ? left() : -1);
    }
    expect(seen).toEqual([5, 4, 3, 2, 1, -1]);
  });

  it('redials at once on Redial now, as the next attempt, and not again when the wait would have ended', async () => {
    const id = await redialingDrop(30);
    const before = world.clock.now();
    await drive(manager.redialNow(id));
    expect(world.clock.now()).toBe(before);
    expect(view(id)).toMatchObject({ attempt: 2, attempts: 3, redialAt: null });
    expect(['dialing', 'paused', 'connected']).toContain(view(id).status);
    await until(id, 'connected');
    await world.clock.advance(29_000);
    expect(view(id).timeline.rows.filter((r) => r.name === 'Redial')).toHaveLength(1);
  });

  it('refuses Redial now when the connection is not waiting to redial', async () => {
    const id = await dial('Office VPN');
    await until(id, 'connected');
    await expect(manager.redialNow(id)).rejects.toMatchObject({
      code: 'NOT_REDIALING',
      text: { key: 'session.notRedialing' },
    });
    expect(view(id).status).toBe('connected');
  });

  it('ends as cancelled by the person, without an error, when the wait is cancelled', async () => {
    const id = await redialingDrop(30);
    await drive(manager.hangUp(id));
    expect(view(id)).toMatchObject({ status: 'disconnected', error: null, redialAt: null });
    const last = view(id).timeline.rows.at(-1)!;
    expect(last).toMatchObject({ name: 'Disconnected', error: 0, group: 'terminal' });
    await world.clock.advance(60_000);
    expect(view(id).timeline.rows.filter((r) => r.name === 'Redial')).toHaveLength(0);
  });

  it('puts the final Disconnected with its error only when the last redial fails too', async () => {
    await world.backend.setEntry(
      undefined,
      makeEntry('Redial busy', 'phone', ['555-0486'], { redialAttempts: 1, redialSeconds: 5 }),
    );
    const id = await dial('Redial busy');
    await until(id, 'waiting-to-redial');
    expect(names(id).at(-1)).toBe('RedialWait!676');
    expect(names(id)).not.toContain('Disconnected!676');
    await until(id, 'disconnected');
    expect(names(id).filter((n) => n.startsWith('Disconnected'))).toEqual(['Disconnected!676']);
    expect(names(id).at(-1)).toBe('Disconnected!676');
  });
});

describe('session engine: connections that exist at start-up', () => {
  it('attaches them, watches them and can hang them up', async () => {
    const handle = await world.backend.dial(
      { entryName: 'Office VPN', userName: 'a', password: 'b', domain: '', pausedStates: true },
      () => undefined,
    );
    await world.clock.advance(10_000);
    const fresh = new SessionManager({ backend: world.backend, clock: world.clock });
    const attached = await fresh.attachExisting();
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({
      entryName: 'Office VPN',
      status: 'connected',
      attached: true,
      handle,
    });
    expect(attached[0]!.timeline.rows[0]!.description).toBe('Found already connected');
    expect(await fresh.attachExisting()).toEqual([]);
    await expect(fresh.dial({ entryName: 'Office VPN' })).rejects.toMatchObject({
      code: 'ALREADY_ACTIVE',
    });
    const done = fresh.hangUp(attached[0]!.id);
    await world.clock.runUntil(() => fresh.get(attached[0]!.id)!.status === 'disconnected');
    await done;
    await expectReleased(handle);
    fresh.dispose();
  });

  it('attaches a connection another program makes while running', async () => {
    await world.backend.dial(
      { entryName: 'Office VPN', userName: 'a', password: 'b', domain: '', pausedStates: true },
      () => undefined,
    );
    await world.clock.runUntil(() => manager.list().length === 1);
    expect(manager.list()[0]).toMatchObject({ attached: true, status: 'connected' });
  });

  it('never lets an exception escape into the notifier', async () => {
    const broken: RasBackend = Object.create(world.backend);
    broken.hangUp = async () => {
      throw new RasError(753);
    };
    const m = new SessionManager({ backend: broken, clock: world.clock });
    const id = await m.dial({ entryName: 'Busy line', credentials: good });
    await world.clock.runUntil(() => m.get(id)!.status === 'disconnected');
    expect(m.get(id)!.error).toMatchObject({ code: 753, name: 'ERROR_HANGUP_FAILED' });
    m.dispose();
  });
});
