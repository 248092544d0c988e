import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../app/connection-view';
import { describeError } from '../../app/ras/errors';
import { connectionView } from '../../tests/support/connection-view';
import { notificationFor } from './notification-model';

const view = (status: ConnectionView['status'], extra: Partial<ConnectionView> = {}) =>
  connectionView({ status, attempts: 3, timeline: { startedAt: 0, rows: [] }, ...extra });
const en = { language: 'en' as const, now: 10_000 };
const russian = { language: 'ru' as const, now: 10_000 };
const pausedFor = (kind: NonNullable<ConnectionView['paused']>['kind']) => ({
  kind,
  state: 0,
  retry: 1,
  reason: '',
  userName: '',
  domain: '',
});

describe('notifications', () => {
  it('says connected once, with the speed when known', () => {
    expect(
      notificationFor(view('dialing'), view('connected'), { ...en, speedBps: 49_333 }),
    ).toEqual({
      kind: 'connected',
      connectionId: 'c1',
      title: 'Connected: Office VPN',
      body: 'Speed 49.3 kbit/s',
      action: null,
    });
    expect(notificationFor(view('dialing'), view('connected'), en)?.body).toBe('vpn.example.com');
    expect(notificationFor(view('connected'), view('connected'), en)).toBeNull();
    // One found connected at start-up was not dialed now: nothing new to say.
    expect(notificationFor(undefined, view('connected', { attached: true }), en)).toBeNull();
  });

  it('says why a connection ended and what to do, in the person’s language', () => {
    const dropped = view('disconnected', { error: describeError(629) });
    const n = notificationFor(view('connected'), dropped, en)!;
    expect(n.kind).toBe('disconnected');
    expect(n.title).toBe('Disconnected: Office VPN');
    expect(n.body).toMatch(/^629: .+\nWhat to do: .+/);
    const ru = notificationFor(view('connected'), dropped, { language: 'ru', now: 0 })!;
    expect(ru.title).toBe('Отключено: Office VPN');
    expect(ru.body).toMatch(/^629: [А-Я].+\nЧто делать: [А-Я]/);
  });

  it('says nothing for a hang-up the person asked for', () => {
    expect(notificationFor(view('disconnecting'), view('disconnected'), en)).toBeNull();
    expect(notificationFor(view('connected'), view('disconnected'), en)).toBeNull();
  });

  it('announces a redial with the attempt, the seconds left and Cancel', () => {
    const waiting = view('waiting-to-redial', { redialAt: 14_500, error: describeError(676) });
    expect(notificationFor(view('dialing'), waiting, en)).toEqual({
      kind: 'redialing',
      connectionId: 'c1',
      title: 'Redialing Office VPN',
      body: 'Attempt 2 of 3 in 5 s',
      action: { kind: 'cancel', label: 'Cancel' },
    });
    expect(notificationFor(waiting, waiting, en)).toBeNull();
  });

  it("announces a kept connection's uncapped loop once, as it starts, with Stop", () => {
    const dropped = view('waiting-to-redial', {
      attempt: 1,
      attempts: 0,
      redialAt: 14_500,
      error: describeError(629),
    });
    expect(notificationFor(view('disconnecting', { attempts: 0 }), dropped, en)).toMatchObject({
      kind: 'redialing',
      body: 'Kept connected: attempt 2 in 5 s',
      action: { kind: 'cancel', label: 'Stop' },
    });
    const offline = { ...dropped, redialAt: null };
    expect(notificationFor(view('disconnecting'), offline, russian)?.body).toBe(
      'Подключение поддерживается: набор, когда появится сеть',
    );
    // Its later attempts (every few minutes, for as long as it takes) pass without one.
    const later = { ...dropped, attempt: 4 };
    expect(notificationFor(view('dialing', { attempt: 4, attempts: 0 }), later, en)).toBeNull();
  });

  it('asks for an answer once per paused state', () => {
    const callback = view('paused', { paused: pausedFor('callback') });
    expect(notificationFor(view('dialing'), callback, en)).toMatchObject({
      kind: 'paused',
      title: 'Office VPN is waiting for you',
      body: 'Give the number the server should call back.',
    });
    expect(notificationFor(callback, callback, en)).toBeNull();
    const expired = view('paused', { paused: pausedFor('new-password') });
    expect(notificationFor(callback, expired, en)?.body).toBe(
      'The password has expired: choose a new one.',
    );
  });
});
