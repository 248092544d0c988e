import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RasState as S } from '../../../app/ras/connection-state';
import { RasError } from '../../../app/ras/errors';
import {
  CALLBACK_STATES,
  MODEM_SEQUENCE,
  TUNNEL_SEQUENCE,
  dialRecorded,
  request,
  resumeDial,
  runDial,
  settled,
  simulatedWorld,
  type Recorded,
  type SimulatedWorld,
} from '../../../tests/support/simulated';
import type { ConnectionEvent, PausedAnswer } from '../backend';
import { PORT_RELEASE_MS, SimulatedRasBackend, SIMULATED_PORTS } from './simulated-backend';
import { ManualClock } from '../../clock';
import { makeEntry } from '../../../app/phonebook/entry';

let world: SimulatedWorld;
beforeEach(async () => {
  world = await simulatedWorld();
});
afterEach(() => world.cleanup());

const run = (entry: string, extra: Parameters<typeof request>[1] = {}) =>
  runDial(world, entry, extra);
const resume = (r: Recorded, answer: PausedAnswer) => resumeDial(world, r, answer);

async function expectInvalidHandle(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code: 6 });
}

describe('simulated server: the line, by the last four digits', () => {
  it('connects an ordinary number through the whole modem sequence in 2–6 s', async () => {
    const r = await run('Dial-up');
    expect(r.states()).toEqual(MODEM_SEQUENCE);
    const took = r.last()!.time - r.notifications[0]!.time;
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThanOrEqual(6000);
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({
      state: S.Connected,
      error: 0,
      phoneNumber: '555-0100',
    });
    expect((await world.backend.enumConnections()).map((c) => c.entryName)).toEqual(['Dial-up']);
  });

  it.each([
    ['Busy line', 676, 'ConnectDevice!676'],
    ['No answer', 678, 'ConnectDevice!678'],
    ['No dial tone', 680, 'ConnectDevice!680'],
    ['No carrier', 679, 'ConnectDevice!679'],
  ])('%s ends with error %i on ConnectDevice', async (entry, _code, last) => {
    const r = await run(entry);
    expect(r.states()).toEqual(['OpenPort', 'PortOpened', 'ConnectDevice', last]);
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({ error: _code });
  });

  it('lets nobody answer for about six rings', async () => {
    const r = await run('No answer');
    expect(r.last()!.time - r.notifications[0]!.time).toBeGreaterThanOrEqual(30_000);
  });

  it('drops a 0490 call 30 simulated seconds after it connected', async () => {
    const events: ConnectionEvent[] = [];
    world.backend.watchConnections((e) => events.push(e));
    const r = await run('Drops after 30 s');
    expect(r.last()!.state).toBe(S.Connected);
    const connectedAt = world.clock.now();
    await world.clock.runUntil(() => events.some((e) => e.kind === 'disconnected'));
    expect(world.clock.now() - connectedAt).toBe(30_000);
    expect(events).toEqual([
      { kind: 'connected', handle: r.handle },
      { kind: 'disconnected', handle: r.handle },
    ]);
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({
      state: S.Disconnected,
      error: 629,
    });
    expect(r.states().at(-1)).toBe('Connected');
  });

  it('pauses a 0491 call for the callback number, then calls that number back', async () => {
    const r = await run('Callback (you choose the number)');
    expect(r.states().slice(-2)).toEqual(['AuthCallback', 'CallbackSetByCaller']);
    await resume(r, { kind: 'callback', callbackNumber: '555 0142' });
    expect(r.states().slice(-15)).toEqual([
      'CallbackSetByCaller',
      ...CALLBACK_STATES,
      ...MODEM_SEQUENCE.slice(7),
    ]);
  });

  it('continues a 0491 call on the same line when no callback number is given', async () => {
    const r = await run('Callback (you choose the number)');
    await resume(r, { kind: 'callback', callbackNumber: '' });
    expect(r.states()).not.toContain('PrepareForCallback');
    expect(r.last()!.state).toBe(S.Connected);
  });

  it('refuses a callback number with characters a modem cannot dial', async () => {
    const r = await run('Callback (you choose the number)');
    await resume(r, { kind: 'callback', callbackNumber: 'call me' });
    expect(r.last()).toMatchObject({ state: S.AuthCallback, error: 704 });
  });

  it('calls a 0492 caller back at the preset number without pausing', async () => {
    const r = await run('Callback (preset number)');
    expect(r.states()).toEqual([
      ...MODEM_SEQUENCE.slice(0, 7),
      ...CALLBACK_STATES,
      ...MODEM_SEQUENCE.slice(7),
    ]);
  });

  it('connects an ISDN entry through the same sequence as a modem, at 64 kbit/s', async () => {
    await world.backend.setEntry(
      undefined,
      makeEntry('ISDN', 'phone', ['555-0101'], {
        deviceType: 'isdn',
        deviceName: 'ISDN channel',
        port: 'ISDN1-0',
      }),
    );
    const r = await run('ISDN');
    expect(r.states()).toEqual(MODEM_SEQUENCE);
    expect((await world.backend.getStatistics(r.handle)).bps).toBe(64_000);
    await world.backend.hangUp(r.handle);
    await world.clock.advance(PORT_RELEASE_MS);
    const busy = await run('ISDN', { phoneNumber: '555-0486' });
    expect(busy.last()).toMatchObject({ error: 676 });
  });

  it('dials the number given instead of the entry’s own', async () => {
    const r = await run('Dial-up', { phoneNumber: '555-0486' });
    expect(r.last()).toMatchObject({ error: 676 });
  });
});

describe('simulated server: VPN and broadband, by host', () => {
  it('connects a VPN through the tunnel sequence', async () => {
    const r = await run('Office VPN');
    expect(r.states()).toEqual(TUNNEL_SEQUENCE);
    const took = r.last()!.time - r.notifications[0]!.time;
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThanOrEqual(6000);
  });

  it('connects PPPoE broadband', async () => {
    expect((await run('Home Broadband')).states()).toEqual(TUNNEL_SEQUENCE);
  });

  it('cannot resolve a .invalid host (868)', async () => {
    expect((await run('VPN (unknown host)')).states().at(-1)).toBe('ConnectDevice!868');
  });

  it('is refused by a refuse. host (800)', async () => {
    expect((await run('VPN (refused)')).states().at(-1)).toBe('ConnectDevice!800');
  });

  it('takes each step four times slower for a slow. host', async () => {
    const fast = await run('Office VPN');
    const slow = await run('VPN (slow)');
    const span = (r: Recorded) => r.last()!.time - r.notifications[0]!.time;
    expect(slow.states()).toEqual(TUNNEL_SEQUENCE);
    expect(span(slow)).toBe(span(fast) * 4);
  });
});

describe('simulated server: who may log on', () => {
  it.each(['wrong', ''])(
    'pauses in RetryAuthentication for password %j and accepts a right one',
    async (password) => {
      const r = await run('Office VPN', { password });
      expect(r.states().slice(-2)).toEqual(['AuthNotify', 'RetryAuthentication']);
      await resume(r, {
        kind: 'retry-authentication',
        userName: 'alice',
        password: 'right',
        domain: '',
      });
      expect(r.states()).toContain('AuthRetry');
      expect(r.last()!.state).toBe(S.Connected);
    },
  );

  it('ends a third failed sign-in with 691', async () => {
    const r = await run('Office VPN', { password: 'wrong' });
    const retry = {
      kind: 'retry-authentication',
      userName: 'alice',
      password: 'wrong',
      domain: '',
    } as const;
    await resume(r, retry);
    expect(r.last()!.state).toBe(S.RetryAuthentication);
    await resume(r, retry);
    expect(r.last()).toMatchObject({ state: S.AuthNotify, error: 691 });
    expect(r.states().filter((s) => s === 'RetryAuthentication')).toHaveLength(2);
  });

  it('asks for a new password when the password expired', async () => {
    const r = await run('Office VPN', { password: 'expired' });
    expect(r.last()!.state).toBe(S.PasswordExpired);
    await resume(r, { kind: 'new-password', password: 'fresh' });
    expect(r.states()).toContain('AuthChangePassword');
    expect(r.last()!.state).toBe(S.Connected);
  });

  it.each(['', 'wrong', 'expired'])(
    'treats new password %j as a failed sign-in',
    async (password) => {
      const r = await run('Office VPN', { password: 'expired' });
      await resume(r, { kind: 'new-password', password });
      expect(r.last()!.state).toBe(S.RetryAuthentication);
    },
  );

  it.each([
    ['disabled', 647],
    ['nightshift', 646],
    ['nodialin', 649],
    ['DISABLED', 647],
  ])('refuses user %s with %i', async (userName, code) => {
    expect((await run('Office VPN', { userName })).last()).toMatchObject({
      state: S.AuthNotify,
      error: code,
    });
  });

  it('dials with the saved user name when the request has no credentials', async () => {
    const r = await run('Account disabled', { userName: '', password: '' });
    // The saved user is "disabled", but no password is saved: the empty password fails first.
    expect(r.last()!.state).toBe(S.RetryAuthentication);
    await resume(r, {
      kind: 'retry-authentication',
      userName: 'disabled',
      password: 'pw',
      domain: '',
    });
    expect(r.last()).toMatchObject({ error: 647 });
  });
});

describe('simulated server: entry options that pause', () => {
  it('pauses an EAP entry in InvokeEapUI and continues after the token card signs in', async () => {
    const r = await run('EAP sign-in', { password: '' });
    expect(r.states().slice(-2)).toEqual(['Authenticate', 'InvokeEapUI']);
    await resume(r, { kind: 'eap', tokenCard: { userName: 'alice', code: '123456' } });
    expect(r.last()!.state).toBe(S.Connected);
  });

  it('pauses a terminal-window entry in Interactive after the devices connect', async () => {
    const r = await run('Terminal window');
    expect(r.states().slice(-2)).toEqual(['AllDevicesConnected', 'Interactive']);
    await world.backend.terminal.send(r.handle, 'alice\rsecret\r');
    await resume(r, { kind: 'interactive' });
    expect(r.last()!.state).toBe(S.Connected);
  });

  it('reports each paused state once', async () => {
    const r = await run('Terminal window');
    await world.clock.advance(60_000);
    expect(r.states().filter((s) => s === 'Interactive')).toHaveLength(1);
  });

  it.each([
    ['Office VPN', { password: 'wrong' }, 691],
    ['Office VPN', { password: 'expired' }, 648],
    ['EAP sign-in', {}, 703],
    ['Terminal window', {}, 703],
  ] as const)('fails %s %j with %i when paused states are off', async (entry, extra, code) => {
    const r = await run(entry, { ...extra, pausedStates: false });
    expect(r.last()!.error).toBe(code);
  });

  it('refuses to resume a dial that is not paused', async () => {
    const r = await dialRecorded(world, request('Office VPN'));
    await expect(world.backend.resume(r.handle, { kind: 'eap' })).rejects.toBeInstanceOf(RasError);
  });
});

describe('simulated server: hang-up and ports', () => {
  it('ends a dial at any step, also while paused, and releases the port a little later', async () => {
    const full = await run('Callback (you choose the number)');
    const steps = full.notifications.length;
    await world.backend.hangUp(full.handle);
    for (let k = 1; k <= steps; k++) {
      await world.clock.advance(PORT_RELEASE_MS + 10);
      const r = await dialRecorded(world, request('Callback (you choose the number)'));
      await world.clock.runUntil(() => r.notifications.length >= k);
      await world.backend.hangUp(r.handle);
      await world.clock.advance(20_000);
      expect(r.notifications, `hang-up after ${k} notifications`).toHaveLength(k);
      await expectInvalidHandle(world.backend.getConnectStatus(r.handle));
    }
  });

  it('keeps the handle valid, Disconnected without error, until the port is released', async () => {
    const r = await run('Office VPN');
    await world.backend.hangUp(r.handle);
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({
      state: S.Disconnected,
      error: 0,
    });
    await world.clock.advance(PORT_RELEASE_MS - 1);
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({ state: S.Disconnected });
    await world.clock.advance(1);
    await expectInvalidHandle(world.backend.getConnectStatus(r.handle));
    await expectInvalidHandle(world.backend.hangUp(r.handle));
    expect(await world.backend.enumConnections()).toEqual([]);
  });

  it('keeps the error of a failed dial in the status until the hang-up', async () => {
    const r = await run('Busy line');
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({
      state: S.ConnectDevice,
      error: 676,
    });
  });

  it(`has ${SIMULATED_PORTS} ports: a ninth concurrent dial gets 633 until one is released`, async () => {
    const entries = [
      'Dial-up',
      'Office VPN',
      'Home Broadband',
      'VPN (slow)',
      'EAP sign-in',
      'Terminal window',
      'Callback (you choose the number)',
      'Account disabled',
    ];
    const dials = [];
    for (const e of entries) dials.push(await dialRecorded(world, request(e)));
    const ninth = await dialRecorded(world, request('No dial tone'));
    await world.clock.runUntil(settled(ninth));
    expect(ninth.states()).toEqual(['OpenPort!633']);
    await world.backend.hangUp(ninth.handle);
    await world.backend.hangUp(dials[0]!.handle);
    await world.clock.advance(PORT_RELEASE_MS);
    const tenth = await run('No dial tone');
    expect(tenth.last()!.error).toBe(680);
  });

  it('refuses a second dial of an entry that is still dialing (756)', async () => {
    await dialRecorded(world, request('Office VPN'));
    await expect(world.backend.dial(request('office vpn'), () => undefined)).rejects.toMatchObject({
      code: 756,
    });
  });

  it('adds a reference when a connected entry is dialed again; each needs its own hang-up', async () => {
    const r = await run('Office VPN');
    const again = await world.backend.dial(request('Office VPN'), () => undefined);
    expect(again).toBe(r.handle);
    await world.backend.hangUp(r.handle);
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({ state: S.Connected });
    await world.backend.hangUp(r.handle);
    expect(await world.backend.getConnectStatus(r.handle)).toMatchObject({ state: S.Disconnected });
  });

  it('finds the line busy when another entry is on the same number', async () => {
    await run('Dial-up');
    const r = await run('Terminal window');
    expect(r.last()).toMatchObject({ state: S.ConnectDevice, error: 676 });
  });

  it('reports 623 for an entry that does not exist', async () => {
    await expect(world.backend.dial(request('Nope'), () => undefined)).rejects.toMatchObject({
      code: 623,
    });
  });
});

describe('simulated server: statistics and speed', () => {
  it('reports statistics that grow with time', async () => {
    const r = await run('Dial-up');
    const first = await world.backend.getStatistics(r.handle);
    await world.clock.advance(10_000);
    const later = await world.backend.getStatistics(r.handle);
    expect(first.bps).toBe(49_333);
    expect(later.connectDuration - first.connectDuration).toBe(10_000);
    expect(later.bytesRcved).toBeGreaterThan(first.bytesRcved);
    expect(later.bytesXmited).toBeGreaterThan(first.bytesXmited);
    expect(later.framesRcved).toBeGreaterThan(0);
  });

  it('runs a whole dial in no simulated time at speed 0', async () => {
    const clock = new ManualClock();
    const backend = new SimulatedRasBackend({ defaultPhonebook: world.phonebook, clock, speed: 0 });
    const states: number[] = [];
    await backend.dial(request('Office VPN'), (n) => states.push(n.state));
    await clock.runUntil(() => states.at(-1) === S.Connected);
    expect(clock.now()).toBe(0);
    expect(states).toHaveLength(TUNNEL_SEQUENCE.length);
  });
});
