// The window's read-only mirror of main: one snapshot pulled at start, then only newer
// versions applied from events. Commands go to main as invokes; nothing here polls.

import { create } from 'zustand';
import type { ConnectionView } from '../../../app/connection-view';
import type {
  ConnectionsSnapshot,
  EntrySummary,
  HistoryRecord,
  PhonebookBook,
  RasApi,
  Result,
  Settings,
  WireError,
} from '../../../app/ipc/contract';
import type { PausedAnswer, RasStatistics } from '../../../app/ras/dial-types';
import type { Pane } from './phonebook-actions';

/** An entry is its phonebook and its name (names compare without case, as RAS does). */
export interface EntryRef {
  phonebook: string;
  name: string;
}

export function sameEntry(a: EntryRef | null | undefined, b: EntryRef | null | undefined): boolean {
  return (
    !!a &&
    !!b &&
    a.phonebook.toLowerCase() === b.phonebook.toLowerCase() &&
    a.name.toLowerCase() === b.name.toLowerCase()
  );
}

export interface AppState {
  ready: boolean;
  info: Result<'app:info'> | null;
  books: PhonebookBook[];
  /** A phonebook that cannot be read: shown read-only with its error (and line number). */
  bookErrors: Record<string, string>;
  /** The entries of every phonebook, each with the phonebook it belongs to. */
  entries: EntrySummary[];
  selected: EntryRef | null;
  version: number;
  connections: Record<string, ConnectionView>;
  statistics: Record<string, RasStatistics>;
  settings: Settings | null;
  /** Finished attempts, newest first. */
  history: HistoryRecord[];
  /** The last command that failed, shown until the next one. */
  failure: WireError | null;
  pane: Pane;
  search: string;
  sort: 'name' | 'type' | 'last-used';
}

const initial: AppState = {
  ready: false,
  info: null,
  books: [],
  bookErrors: {},
  entries: [],
  selected: null,
  version: -1,
  connections: {},
  statistics: {},
  settings: null,
  history: [],
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
export function connectionFor(state: AppState, ref: EntryRef | null): ConnectionView | undefined {
  if (ref === null) return undefined;
  return Object.values(state.connections).find((c) =>
    sameEntry({ phonebook: c.phonebook, name: c.entryName }, ref),
  );
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
    api.on('history:added', (record) =>
      useAppStore.setState((s) => ({ history: [record, ...s.history] })),
    ),
  ];
  const [info, snapshot, settings, history] = await Promise.all([
    call(api.invoke('app:info', {})),
    call(api.invoke('connection:list', {})),
    call(api.invoke('settings:get', {})),
    call(api.invoke('history:list', {})),
  ]);
  if (snapshot) applySnapshot(snapshot);
  useAppStore.setState({ info, settings, history: history ?? [] });
  await loadEntries(api);
  useAppStore.setState((s) => ({ ready: true, selected: s.selected ?? refOf(s.entries[0]) }));
  return () => stops.forEach((stop) => stop());
}

export function refOf(entry: EntrySummary | undefined): EntryRef | null {
  return entry ? { phonebook: entry.phonebook, name: entry.name } : null;
}

/** Reads every phonebook; one that fails is kept with its error, the others still show. */
export async function loadEntries(api: RasApi): Promise<void> {
  const books = await call(api.invoke('phonebook:books', {}));
  if (!books) return;
  const entries: EntrySummary[] = [];
  const bookErrors: Record<string, string> = {};
  for (const book of books) {
    const result = await api.invoke('phonebook:list', { phonebook: book.path });
    if (result.ok) entries.push(...result.value.map((e) => ({ ...e, phonebook: book.path })));
    else bookErrors[book.path] = result.error.message;
  }
  useAppStore.setState((s) => ({
    books,
    bookErrors,
    entries,
    // A selection whose entry is gone moves to the first entry.
    selected:
      s.selected && entries.some((e) => sameEntry(refOf(e), s.selected))
        ? s.selected
        : refOf(entries[0]),
  }));
}

export function select(ref: EntryRef): void {
  // Choosing an entry leaves the overall history for that entry's page.
  useAppStore.setState((s) => ({
    selected: ref,
    pane: s.pane.kind === 'history' ? { kind: 'entry' } : s.pane,
  }));
}

export function dial(
  api: RasApi,
  ref: EntryRef,
  credentials?: { userName: string; password: string; domain: string },
): Promise<unknown> {
  const target = { entryName: ref.name, phonebook: ref.phonebook };
  return call(api.invoke('connection:dial', credentials ? { ...target, credentials } : target));
}

export async function hangUp(api: RasApi, id: string): Promise<unknown> {
  const result = await api.invoke('connection:hang-up', { id });
  // A refused hang-up shows on the connection itself, with what to do: not twice.
  if (!result.ok && useAppStore.getState().connections[id]?.error?.code === result.error.code)
    return null;
  return call(Promise.resolve(result));
}

export function resume(api: RasApi, id: string, answer: PausedAnswer): Promise<unknown> {
  return call(api.invoke('connection:resume', { id, answer }));
}

/**
 * Shows the change at once (a checkbox must not spring back while main saves it), then takes
 * what main saved; a refused change puts main's settings back.
 */
export async function saveSettings(api: RasApi, change: Partial<Settings>): Promise<unknown> {
  const before = useAppStore.getState().settings;
  if (before) useAppStore.setState({ settings: { ...before, ...change } });
  const saved = await call(api.invoke('settings:set', change));
  if (saved === null) {
    // Not through call(): the refusal stays on screen.
    const current = await api.invoke('settings:get', {});
    if (current.ok) useAppStore.setState({ settings: current.value });
  }
  return saved;
}
