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
import { fromListed } from '../../../app/ipc/listed-entries';
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
  /** The same refusals as data (code, key, params), to say them in the person's language. */
  bookErrorInfo: Record<string, WireError>;
  /** The entries of every phonebook, each with the phonebook it belongs to. */
  entries: EntrySummary[];
  selected: EntryRef | null;
  version: number;
  connections: Record<string, ConnectionView>;
  statistics: Record<string, RasStatistics>;
  /** The terminal window of each connection paused in Interactive: what the remote side printed. */
  terminals: Record<string, TerminalScreen>;
  settings: Settings | null;
  /** Finished attempts, newest first. */
  history: HistoryRecord[];
  /**
   * A refusal that belongs to no entry and no dialog (start-up, the phonebook files, the
   * settings): shown at the top of the window until dismissed or the next such command works.
   */
  failure: WireError | null;
  /**
   * A refusal that no dialog asked for (a hang-up, a copy, a dial): shown on its entry's page
   * only, until dismissed, the entry is left, or a command on the entry works.
   */
  entryFailure: { ref: EntryRef; error: WireError } | null;
  /**
   * A refusal of what the open dialog (or the editor) asked for: shown inside it, and only
   * while that pane is open (see `paneFailureOf`).
   */
  paneFailure: { pane: Pane; error: WireError } | null;
  pane: Pane;
  /** The editor has unsaved changes: every way out of it asks first (entry-editor.tsx). */
  editorDirty: boolean;
  /** A way out of the editor that waits for the person to agree to drop the changes. */
  editorLeave: (() => void) | null;
  search: string;
  sort: 'name' | 'type' | 'last-used';
}

const initial: AppState = {
  ready: false,
  info: null,
  books: [],
  bookErrors: {},
  bookErrorInfo: {},
  entries: [],
  selected: null,
  version: -1,
  connections: {},
  statistics: {},
  terminals: {},
  settings: null,
  history: [],
  failure: null,
  entryFailure: null,
  paneFailure: null,
  pane: { kind: 'entry' },
  editorDirty: false,
  editorLeave: null,
  search: '',
  sort: 'name',
};

export interface TerminalScreen {
  text: string;
  /** The remote side does not echo what is typed next (a password prompt). */
  hideInput: boolean;
  /** The remote side has started PPP: the dial may continue. */
  ready: boolean;
  /** The remote side hung up. */
  closed: boolean;
}

/** What a terminal window keeps of its remote side's text: the end of it. */
export const TERMINAL_KEEP_CHARS = 64 * 1024;

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

/** Where a refusal shows: inside the open dialog, on an entry's page, or the window's top. */
export type FailurePlace = 'pane' | 'global' | EntryRef;

/** Shows a command's refusal where it was caused, and clears that place when a command works. */
export function report(place: FailurePlace, error: WireError | null): void {
  if (place === 'pane' && useAppStore.getState().pane.kind === 'entry') place = 'global';
  if (place === 'pane')
    useAppStore.setState((s) => ({ paneFailure: error ? { pane: s.pane, error } : null }));
  else if (place === 'global') useAppStore.setState({ failure: error });
  else if (error) useAppStore.setState({ entryFailure: { ref: place, error } });
  else
    useAppStore.setState((s) =>
      s.entryFailure && sameEntry(s.entryFailure.ref, place) ? { entryFailure: null } : s,
    );
}

/** The refusal of the pane that is open now; one of a pane since left is not shown. */
export function paneFailureOf(s: AppState): WireError | null {
  return s.paneFailure && s.paneFailure.pane === s.pane ? s.paneFailure.error : null;
}

async function call<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: WireError }>,
  place: FailurePlace = 'global',
): Promise<T | null> {
  const result = await promise;
  report(place, result.ok ? null : result.error);
  return result.ok ? result.value : null;
}

/** The entry a connection belongs to, where its refusals show. */
function placeOf(id: string): FailurePlace {
  const c = useAppStore.getState().connections[id];
  return c ? { phonebook: c.phonebook, name: c.entryName } : 'global';
}

/** Connects the store to main: subscribe first, then pull, so no change falls between. */
export async function connectStore(api: RasApi): Promise<() => void> {
  const stops = [
    api.on('connection:state', applySnapshot),
    api.on('connection:statistics', ({ id, statistics }) =>
      useAppStore.setState((s) => ({ statistics: { ...s.statistics, [id]: statistics } })),
    ),
    api.on('connection:terminal-output', ({ id, text, hideInput, ready, closed }) =>
      useAppStore.setState((s) => ({
        terminals: {
          ...s.terminals,
          [id]: {
            text: ((s.terminals[id]?.text ?? '') + text).slice(-TERMINAL_KEEP_CHARS),
            hideInput,
            ready,
            closed,
          },
        },
      })),
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
  const bookErrorInfo: Record<string, WireError> = {};
  // Every phonebook asked at once: one round trip to main, not one after another per book.
  const lists = books.map((book) => api.invoke('phonebook:list', { phonebook: book.path }));
  for (const [i, book] of books.entries()) {
    const result = await lists[i]!;
    if (result.ok) entries.push(...fromListed(book.path, result.value));
    else {
      bookErrors[book.path] = result.error.message;
      bookErrorInfo[book.path] = result.error;
    }
  }
  useAppStore.setState((s) => {
    // A selection whose entry is gone moves to the first entry.
    const selected =
      s.selected && entries.some((e) => sameEntry(refOf(e), s.selected))
        ? s.selected
        : refOf(entries[0]);
    return {
      books,
      bookErrors,
      bookErrorInfo,
      entries,
      selected,
      entryFailure: leaving(s, selected),
    };
  });
}

/** An entry's refusal stays with its page: leaving the page clears it. */
function leaving(s: AppState, next: EntryRef | null): AppState['entryFailure'] {
  return s.entryFailure && sameEntry(s.entryFailure.ref, next) ? s.entryFailure : null;
}

/** Runs `go` now, or, while the editor has unsaved changes, once the person agrees to drop them. */
export function leaveEditor(go: () => void): void {
  const s = useAppStore.getState();
  if (s.pane.kind === 'editor' && s.editorDirty) useAppStore.setState({ editorLeave: go });
  else go();
}

export function select(ref: EntryRef): void {
  // Any entry but the one being edited leaves the editor for that entry's page; behind a new
  // entry that is also the entry still highlighted in the list.
  const s = useAppStore.getState();
  const edited =
    s.pane.kind === 'editor' && s.pane.mode === 'edit' && s.pane.originalName !== null
      ? { phonebook: s.pane.phonebook, name: s.pane.originalName }
      : null;
  if (s.pane.kind === 'editor' && !sameEntry(ref, edited))
    return leaveEditor(() => {
      useAppStore.setState({ pane: { kind: 'entry' } });
      select(ref);
    });
  // Choosing an entry leaves the overall history for that entry's page.
  useAppStore.setState((s) => ({
    selected: ref,
    entryFailure: leaving(s, ref),
    pane: s.pane.kind === 'history' ? { kind: 'entry' } : s.pane,
  }));
}

export function dial(
  api: RasApi,
  ref: EntryRef,
  credentials?: { userName: string; password: string; domain: string },
  /** The number to dial this time instead of the entry's (its "prompt for phone number"). */
  phoneNumber?: string,
): Promise<unknown> {
  const target = {
    entryName: ref.name,
    phonebook: ref.phonebook,
    ...(phoneNumber !== undefined ? { phoneNumber } : {}),
  };
  return call(
    api.invoke('connection:dial', credentials ? { ...target, credentials } : target),
    ref,
  );
}

/** Hangs up, or, while it waits to redial, cancels the redial: the person ended it. */
export function hangUp(api: RasApi, id: string): Promise<unknown> {
  return call(api.invoke('connection:hang-up', { id }), placeOf(id));
}

/** While the connection waits to redial: dial at once, as the next attempt. */
export function redialNow(api: RasApi, id: string): Promise<unknown> {
  return call(api.invoke('connection:redial-now', { id }), placeOf(id));
}

export function resume(api: RasApi, id: string, answer: PausedAnswer): Promise<unknown> {
  return call(api.invoke('connection:resume', { id, answer }), placeOf(id));
}

/** A line typed in a terminal window, with its Enter (CR, as a terminal sends it). */
export function terminalSend(api: RasApi, id: string, line: string): Promise<unknown> {
  return call(api.invoke('connection:terminal-send', { id, text: `${line}\r` }));
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
