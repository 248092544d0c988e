// The window's read-only mirror of main: one snapshot pulled at start, then only newer
// versions applied from events. Commands go to main as invokes; nothing here polls.

import { create } from 'zustand';
import type { ConnectionView } from '../../../app/connection-view';
import type {
  ConnectionsSnapshot,
  EntrySummary,
  RasApi,
  Result,
  Settings,
  WireError,
} from '../../../app/ipc/contract';
import type { PausedAnswer, RasStatistics } from '../../../app/ras/dial-types';
import type { Pane } from './phonebook-actions';

export interface AppState {
  ready: boolean;
  info: Result<'app:info'> | null;
  entries: EntrySummary[];
  selected: string | null;
  version: number;
  connections: Record<string, ConnectionView>;
  statistics: Record<string, RasStatistics>;
  settings: Settings | null;
  /** The last command that failed, shown until the next one. */
  failure: WireError | null;
  pane: Pane;
  search: string;
  sort: 'name' | 'type' | 'last-used';
}

const initial: AppState = {
  ready: false,
  info: null,
  entries: [],
  selected: null,
  version: -1,
  connections: {},
  statistics: {},
  settings: null,
  failure: null,
  pane: { kind: 'entry' },
  search: '',
  sort: 'name',
};

export const useAppStore = create<AppState>()(() => initial);

export function resetAppStore(): void {
  useAppStore.setState(initial, true);
}

export function applySnapshot(snapshot: ConnectionsSnapshot): void {
  useAppStore.setState((s) => {
    if (snapshot.version <= s.version) return s;
    return {
      version: snapshot.version,
      connections: Object.fromEntries(snapshot.connections.map((c) => [c.id, c])),
    };
  });
}

/** The connection shown for an entry: the one main keeps for it (its last attempt). */
export function connectionFor(
  state: AppState,
  entryName: string | null,
): ConnectionView | undefined {
  if (entryName === null) return undefined;
  const folded = entryName.toLowerCase();
  return Object.values(state.connections).find((c) => c.entryName.toLowerCase() === folded);
}

async function call<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: WireError }>,
): Promise<T | null> {
  const result = await promise;
  if (result.ok) {
    useAppStore.setState({ failure: null });
    return result.value;
  }
  useAppStore.setState({ failure: result.error });
  return null;
}

/** Connects the store to main: subscribe first, then pull, so no change falls between. */
export async function connectStore(api: RasApi): Promise<() => void> {
  const stops = [
    api.on('connection:state', applySnapshot),
    api.on('connection:statistics', ({ id, statistics }) =>
      useAppStore.setState((s) => ({ statistics: { ...s.statistics, [id]: statistics } })),
    ),
    api.on('settings:changed', (settings) => useAppStore.setState({ settings })),
    api.on('phonebook:changed', () => void loadEntries(api)),
  ];
  const [info, snapshot, settings] = await Promise.all([
    call(api.invoke('app:info', {})),
    call(api.invoke('connection:list', {})),
    call(api.invoke('settings:get', {})),
  ]);
  if (snapshot) applySnapshot(snapshot);
  useAppStore.setState({ info, settings });
  await loadEntries(api);
  useAppStore.setState((s) => ({
    ready: true,
    selected: s.selected ?? s.entries[0]?.name ?? null,
  }));
  return () => stops.forEach((stop) => stop());
}

export async function loadEntries(api: RasApi): Promise<void> {
  const entries = await call(api.invoke('phonebook:list', {}));
  if (entries) useAppStore.setState({ entries });
}

export function select(name: string): void {
  useAppStore.setState({ selected: name });
}

export function dial(
  api: RasApi,
  entryName: string,
  credentials?: { userName: string; password: string; domain: string },
): Promise<unknown> {
  return call(
    api.invoke('connection:dial', credentials ? { entryName, credentials } : { entryName }),
  );
}

export function hangUp(api: RasApi, id: string): Promise<unknown> {
  return call(api.invoke('connection:hang-up', { id }));
}

export function resume(api: RasApi, id: string, answer: PausedAnswer): Promise<unknown> {
  return call(api.invoke('connection:resume', { id, answer }));
}

export function saveSettings(api: RasApi, change: Partial<Settings>): Promise<unknown> {
  return call(api.invoke('settings:set', change));
}
