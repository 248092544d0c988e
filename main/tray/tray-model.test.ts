import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../app/connection-view';
import type { EntrySummary } from '../../app/ipc/contract';
import type { ConnectionDetails } from '../../app/ras/dial-types';
import { describeError } from '../../app/ras/errors';
import {
  TOOLTIP_LIMIT,
  TRAY_TOP_ENTRIES,
  trayCondition,
  trayMenu,
  trayTooltip,
  type TrayItem,
  type TrayState,
} from './tray-model';
import { TRAY_WORDS } from './tray-words';
import { connectionView } from '../../tests/support/connection-view';

const BOOK = 'C:\\Users\\me\\rasphone.pbk';

const entry = (name: string, type: EntrySummary['type'] = 'phone'): EntrySummary => ({
  name,
  phonebook: BOOK,
  type,
  destination: '555-0100',
});

const connection = (
  entryName: string,
  status: ConnectionView['status'],
  extra: Partial<ConnectionView> = {},
): ConnectionView =>
  connectionView({
    id: `c-${entryName}`,
    entryName,
    phonebook: BOOK,
    status,
    timeline: { startedAt: 1000, rows: [] },
    destination: '555-0100',
    ...extra,
  });

const state = (over: Partial<TrayState> = {}): TrayState => ({
  entries: [entry('Dial-up'), entry('Office VPN', 'vpn')],
  connections: [],
  traffic: new Map(),
  favourites: [],
  recent: [],
  startAtLogin: false,
  now: 100_000,
  language: 'en',
  words: TRAY_WORDS.en,
  ...over,
});

/** A VPN link's details with this computer's IPv4 address. */
const vpnDetails = (client: string): ConnectionDetails => ({
  projection: 'ppp',
  tunnel: 'sstp',
  ipv4: { client, server: '10.20.0.1' },
  ipv6: null,
  dnsServers: [],
  authentication: null,
  encryption: null,
  compression: null,
  multilink: false,
  ikev2Flags: null,
  device: { type: 'vpn', name: 'WAN Miniport (SSTP)' },
  endpoints: { local: null, remote: null },
});

const labels = (items: TrayItem[]) => items.map((i) => ('label' in i ? i.label : '—'));

describe('tray condition', () => {
  it('is idle with nothing going on, and after a clean hang-up', () => {
    expect(trayCondition([])).toBe('idle');
    expect(trayCondition([connection('Dial-up', 'disconnected')])).toBe('idle');
  });

  it('names each condition, a waiting dial before any other', () => {
    expect(trayCondition([connection('A', 'dialing')])).toBe('dialing');
    expect(trayCondition([connection('A', 'waiting-to-redial')])).toBe('dialing');
    expect(trayCondition([connection('A', 'connected')])).toBe('connected');
    expect(trayCondition([connection('A', 'disconnecting')])).toBe('connected');
    expect(
      trayCondition([
        connection('A', 'connected'),
        connection('B', 'paused'),
        connection('C', 'dialing'),
      ]),
    ).toBe('waiting');
    expect(trayCondition([connection('A', 'connected'), connection('C', 'dialing')])).toBe(
      'dialing',
    );
  });

  it('is failed when the latest attempt ended in an error, and only then', () => {
    const busy = connection('A', 'disconnected', { error: describeError(676) });
    expect(trayCondition([busy])).toBe('failed');
    const laterClean = connection('B', 'disconnected', { timeline: { startedAt: 5000, rows: [] } });
    expect(trayCondition([busy, laterClean])).toBe('idle');
    expect(trayCondition([busy, connection('B', 'connected')])).toBe('connected');
  });
});

describe('tray tooltip', () => {
  it('says there is no connection', () => {
    expect(trayTooltip(state())).toBe('RAS Connect\nNot connected');
  });

  it('lists each active connection with its state, duration and bytes', () => {
    const tip = trayTooltip(
      state({
        connections: [
          connection('Dial-up', 'connected', { connectedAt: 100_000 - 65_000 }),
          connection('Office VPN', 'dialing'),
        ],
        traffic: new Map([['c-Dial-up', { received: 3072, sent: 1229 }]]),
      }),
    );
    expect(tip).toBe(
      'RAS Connect\nDial-up: connected, 0:01:05, ↓3 KB ↑1.2 KB\nOffice VPN: dialing',
    );
  });

  it('gives the last error when nothing is active', () => {
    const tip = trayTooltip(
      state({
        connections: [connection('Busy line', 'disconnected', { error: describeError(676) })],
      }),
    );
    expect(tip).toBe('RAS Connect\nLast attempt: Busy line, 676: The line is busy.');
    const ru = trayTooltip(
      state({
        language: 'ru',
        words: TRAY_WORDS.ru,
        connections: [connection('Busy line', 'disconnected', { error: describeError(676) })],
      }),
    );
    expect(ru).toMatch(/^RAS Connect\nПоследняя попытка: Busy line, 676: [А-Я]/);
  });

  it('gives a connected entry’s IPv4 address in its line, in both languages', () => {
    const vpn = connection('Office VPN', 'connected', {
      connectedAt: 100_000 - 65_000,
      details: vpnDetails('10.20.0.17'),
    });
    const traffic = new Map([['c-Office VPN', { received: 3072, sent: 1229 }]]);
    expect(trayTooltip(state({ connections: [vpn], traffic }))).toBe(
      'RAS Connect\nOffice VPN: connected, address 10.20.0.17, 0:01:05, ↓3 KB ↑1.2 KB',
    );
    expect(trayTooltip(state({ connections: [vpn], language: 'ru', words: TRAY_WORDS.ru }))).toBe(
      'RAS Connect\nOffice VPN: подключено, адрес 10.20.0.17, 0:01:05',
    );
    // No address yet, or IPv4 not negotiated: the line as before.
    for (const details of [null, { ...vpnDetails(''), ipv4: { error: 733 } }])
      expect(trayTooltip(state({ connections: [{ ...vpn, details }] }))).toBe(
        'RAS Connect\nOffice VPN: connected, 0:01:05',
      );
  });

  it('drops addresses, the last line’s first, before it cuts an entry’s name', () => {
    const long = (name: string, address: string) =>
      connection(name, 'connected', { connectedAt: 40_000, details: vpnDetails(address) });
    const connections = [
      long('Head office (Amsterdam)', '10.20.0.17'),
      long('Branch office VPN (Rotterdam)', '172.16.200.201'),
    ];
    const tip = trayTooltip(state({ connections }));
    expect(tip).toBe(
      'RAS Connect\nHead office (Amsterdam): connected, address 10.20.0.17, 0:01:00\n' +
        'Branch office VPN (Rotterdam): connected, 0:01:00',
    );
    expect(tip.length).toBeLessThanOrEqual(TOOLTIP_LIMIT);
    const three = [...connections, long('Third office VPN (Utrecht)', '192.168.100.100')];
    const cut = trayTooltip(state({ connections: three }));
    expect(cut).not.toContain('address');
    expect(cut).toMatch(/^RAS Connect\nHead office \(Amsterdam\): connected, 0:01:00\nBranch/);
    expect(cut).toHaveLength(TOOLTIP_LIMIT);
  });

  it('is cut to what Windows shows, with an ellipsis', () => {
    const many = Array.from({ length: 8 }, (_, i) => connection(`Long entry name ${i}`, 'paused'));
    const tip = trayTooltip(state({ connections: many }));
    expect(tip).toHaveLength(TOOLTIP_LIMIT);
    expect(tip.endsWith('…')).toBe(true);
  });

  it('speaks Russian', () => {
    const tip = trayTooltip(
      state({
        language: 'ru',
        words: TRAY_WORDS.ru,
        connections: [connection('Dial-up', 'connected', { connectedAt: 40_000 })],
        traffic: new Map([['c-Dial-up', { received: 1229, sent: 0 }]]),
      }),
    );
    expect(tip).toBe('RAS Connect\nDial-up: подключено, 0:01:00, ↓1,2 КБ ↑0 Б');
  });
});

describe('tray menu', () => {
  it('offers Connect for idle entries and Hang up for active ones, then the app verbs', () => {
    const menu = trayMenu(state({ connections: [connection('Office VPN', 'connected')] }));
    expect(labels(menu)).toEqual([
      'Dial-up',
      'Hang up: Office VPN',
      '—',
      'Hang up all',
      'Open RAS Connect',
      'Start at login',
      '—',
      'Quit',
    ]);
    expect(menu[0]).toMatchObject({ action: { kind: 'connect' } });
    expect(menu[1]).toMatchObject({ action: { kind: 'hang-up', connectionId: 'c-Office VPN' } });
    expect(menu.find((i) => i.kind === 'hang-up-all')).toMatchObject({ enabled: true });
  });

  it('disables Hang up all with nothing to hang up, and checks Start at login', () => {
    const menu = trayMenu(state({ startAtLogin: true }));
    expect(menu.find((i) => i.kind === 'hang-up-all')).toMatchObject({ enabled: false });
    expect(menu.find((i) => i.kind === 'start-at-login')).toMatchObject({ checked: true });
  });

  it('puts favourites first, then recent entries, then the rest by name', () => {
    const entries = ['Zeta', 'Alpha', 'Mid', 'Beta', 'Recent two', 'Recent one'].map((n) =>
      entry(n),
    );
    const menu = trayMenu(
      state({
        entries,
        favourites: [
          { phonebook: BOOK, name: 'zeta' },
          { phonebook: BOOK, name: 'Mid' },
        ],
        recent: [
          { phonebook: BOOK, name: 'Recent one' },
          { phonebook: BOOK, name: 'Mid' },
          { phonebook: BOOK, name: 'Recent two' },
        ],
      }),
    );
    expect(labels(menu).slice(0, 6)).toEqual([
      'Zeta',
      'Mid',
      'Recent one',
      'Recent two',
      'Alpha',
      'Beta',
    ]);
  });

  it('moves entries past fifteen into More', () => {
    const entries = Array.from({ length: 20 }, (_, i) =>
      entry(`Entry ${String(i).padStart(2, '0')}`),
    );
    const menu = trayMenu(state({ entries }));
    const more = menu[TRAY_TOP_ENTRIES];
    expect(more).toMatchObject({ kind: 'submenu', label: 'More' });
    expect(more?.kind === 'submenu' && labels(more.items)).toEqual(
      ['15', '16', '17', '18', '19'].map((n) => `Entry ${n}`),
    );
    expect(
      trayMenu(state({ entries: entries.slice(0, 15) })).some((i) => i.kind === 'submenu'),
    ).toBe(false);
  });

  it('says so when there are no entries', () => {
    expect(trayMenu(state({ entries: [] }))[0]).toEqual({
      kind: 'placeholder',
      label: 'No entries',
    });
  });

  it('tells entries of the same name in two phonebooks apart', () => {
    const other = { ...entry('Dial-up'), phonebook: 'D:\\other.pbk' };
    const menu = trayMenu(
      state({
        entries: [entry('Dial-up'), other],
        connections: [connection('Dial-up', 'connected')],
      }),
    );
    const items = menu.filter((i) => i.kind === 'entry');
    expect(items.map((i) => i.action.kind).sort()).toEqual(['connect', 'hang-up']);
  });
});
