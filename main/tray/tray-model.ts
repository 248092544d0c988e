// What the tray shows, as a pure function of the app's state: which icon (the condition), the
// tooltip, and the menu as data. The Electron side only turns this into a Tray and a Menu, so
// every condition is tested here without Electron.

import type { ConnectionView } from '../../app/connection-view';
import type { EntrySummary } from '../../app/ipc/contract';
import { errorInLanguage } from '../../app/ras/errors-ru';
import { bytes, duration } from '../../app/units';
import type { TrayWords } from './tray-words';

export type TrayCondition = 'idle' | 'dialing' | 'waiting' | 'connected' | 'failed';

export interface EntryKey {
  phonebook: string;
  name: string;
}

export interface TrayState {
  entries: readonly EntrySummary[];
  connections: readonly ConnectionView[];
  /** Bytes so far of connected connections, by connection id, where known. */
  traffic: ReadonlyMap<string, { received: number; sent: number }>;
  favourites: readonly EntryKey[];
  /** Most recently dialed first. */
  recent: readonly EntryKey[];
  startAtLogin: boolean;
  now: number;
  language: string;
  words: TrayWords;
}

export type TrayItem =
  | {
      kind: 'entry';
      label: string;
      entry: EntryKey;
      /** Connect when idle; otherwise hang up the connection it names. */
      action: { kind: 'connect' } | { kind: 'hang-up'; connectionId: string };
    }
  | { kind: 'submenu'; label: string; items: TrayItem[] }
  | { kind: 'placeholder'; label: string }
  | { kind: 'separator' }
  | { kind: 'hang-up-all'; label: string; enabled: boolean }
  | { kind: 'open'; label: string }
  | { kind: 'start-at-login'; label: string; checked: boolean }
  | { kind: 'quit'; label: string };

/** Entries past this many go into the "More" submenu. */
export const TRAY_TOP_ENTRIES = 15;
/** NOTIFYICONDATA's szTip holds 128 UTF-16 units with the NUL: longer tips are cut by Windows. */
export const TOOLTIP_LIMIT = 127;

const ACTIVE = new Set<ConnectionView['status']>([
  'dialing',
  'paused',
  'connected',
  'waiting-to-redial',
  'disconnecting',
]);

const same = (a: EntryKey, b: EntryKey) =>
  a.phonebook === b.phonebook && a.name.toLowerCase() === b.name.toLowerCase();

function isActive(c: ConnectionView): c is ConnectionView & { status: keyof TrayWords['status'] } {
  return ACTIVE.has(c.status);
}

/** The most recent attempt that ended, if it ended in an error and nothing is active. */
function lastFailure(connections: readonly ConnectionView[]): ConnectionView | null {
  let last: ConnectionView | null = null;
  for (const c of connections)
    if (
      c.status === 'disconnected' &&
      (c.timeline.startedAt ?? 0) >= (last?.timeline.startedAt ?? -1)
    )
      last = c;
  return last?.error ? last : null;
}

/** The icon: someone waited on first, then work under way, then the steady states. */
export function trayCondition(connections: readonly ConnectionView[]): TrayCondition {
  if (connections.some((c) => c.status === 'paused')) return 'waiting';
  if (connections.some((c) => c.status === 'dialing' || c.status === 'waiting-to-redial'))
    return 'dialing';
  if (connections.some((c) => c.status === 'connected' || c.status === 'disconnecting'))
    return 'connected';
  return lastFailure(connections) ? 'failed' : 'idle';
}

/** This computer's IPv4 address on a connected link, once main has read it. */
function clientAddress(c: ConnectionView): string | null {
  const ipv4 = c.status === 'connected' ? c.details?.ipv4 : null;
  return ipv4 && 'client' in ipv4 ? ipv4.client : null;
}

function connectionLine(
  state: TrayState,
  c: ConnectionView & { status: keyof TrayWords['status'] },
  withAddress: boolean,
) {
  const parts = [`${c.entryName}: ${state.words.status[c.status]}`];
  const address = withAddress ? clientAddress(c) : null;
  if (address) parts.push(state.words.address(address));
  if (c.status === 'connected' && c.connectedAt !== null) {
    parts.push(duration(state.now - c.connectedAt));
    const traffic = state.traffic.get(c.id);
    if (traffic)
      parts.push(
        `↓${bytes(traffic.received, state.language)} ↑${bytes(traffic.sent, state.language)}`,
      );
  }
  return parts.join(', ');
}

/**
 * The tooltip: each active connection, or the last error, cut to what Windows shows. The
 * addresses go first when it is too long (the last line's first): an entry's name says more.
 */
export function trayTooltip(state: TrayState): string {
  const active = state.connections.filter(isActive);
  const cut = (text: string) =>
    text.length <= TOOLTIP_LIMIT ? text : `${text.slice(0, TOOLTIP_LIMIT - 1)}…`;
  if (active.length === 0) {
    const failed = lastFailure(state.connections);
    return cut(
      `${state.words.appName}\n${
        failed?.error
          ? `${state.words.lastError}: ${failed.entryName}, ${failed.error.code}: ${errorInLanguage(failed.error, state.language).message}`
          : state.words.noConnection
      }`,
    );
  }
  let text = '';
  for (let addresses = active.length; addresses >= 0; addresses--) {
    const lines = active.map((c, i) => connectionLine(state, c, i < addresses));
    text = [state.words.appName, ...lines].join('\n');
    if (text.length <= TOOLTIP_LIMIT) return text;
  }
  return cut(text);
}

function entryItem(state: TrayState, entry: EntrySummary): TrayItem {
  const key = { phonebook: entry.phonebook, name: entry.name };
  const active = state.connections.find(
    (c) => isActive(c) && same({ phonebook: c.phonebook, name: c.entryName }, key),
  );
  return active
    ? {
        kind: 'entry',
        label: `${state.words.hangUp}: ${entry.name}`,
        entry: key,
        action: { kind: 'hang-up', connectionId: active.id },
      }
    : { kind: 'entry', label: entry.name, entry: key, action: { kind: 'connect' } };
}

/** Favourites first (in their order), then recent ones, then the rest by name. */
function orderedEntries(state: TrayState): EntrySummary[] {
  const rank = (e: EntrySummary) => {
    const key = { phonebook: e.phonebook, name: e.name };
    const favourite = state.favourites.findIndex((f) => same(f, key));
    if (favourite >= 0) return favourite;
    const recent = state.recent.findIndex((r) => same(r, key));
    return recent >= 0 ? state.favourites.length + recent : Number.MAX_SAFE_INTEGER;
  };
  return [...state.entries].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function trayMenu(state: TrayState): TrayItem[] {
  const entries = orderedEntries(state).map((e) => entryItem(state, e));
  const top: TrayItem[] =
    entries.length === 0
      ? [{ kind: 'placeholder', label: state.words.noEntries }]
      : entries.slice(0, TRAY_TOP_ENTRIES);
  if (entries.length > TRAY_TOP_ENTRIES)
    top.push({ kind: 'submenu', label: state.words.more, items: entries.slice(TRAY_TOP_ENTRIES) });
  return [
    ...top,
    { kind: 'separator' },
    {
      kind: 'hang-up-all',
      label: state.words.hangUpAll,
      enabled: state.connections.some((c) => isActive(c) && c.status !== 'disconnecting'),
    },
    { kind: 'open', label: state.words.open },
    { kind: 'start-at-login', label: state.words.startAtLogin, checked: state.startAtLogin },
    { kind: 'separator' },
    { kind: 'quit', label: state.words.quit },
  ];
}
