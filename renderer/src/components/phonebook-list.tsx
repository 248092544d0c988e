// The phonebooks on the left: search as you type, sort, and a virtualized list (ten thousand
// entries scroll smoothly) grouped by phonebook, each entry with its type and connection
// state. A phonebook that cannot be read shows its error, read-only. Keyboard: arrows, Home,
// End, Page Up/Down, type-ahead (letters move to the next entry whose name starts with them),
// Enter connects (a connected entry asks first), F2 renames, Del deletes, Ctrl+N new, Ctrl+D
// copy; Shift+F10 or the Menu key opens the entry's menu, which has the same verbs and
// Properties (the entry's page has them as buttons too).
//
// The listbox holds only options (in a group per phonebook when there are several): each
// phonebook's heading, with its Close button and its error, is drawn over the gap left for it
// in the list, outside the listbox, so screen readers meet a list of entries and nothing else.

import {
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { RasState } from '../../../app/ras/connection-state';
import type { ConnectionView } from '../../../app/connection-view';
import { makeEntry } from '../../../app/phonebook/entry';
import type { EntrySummary, PhonebookBook } from '../../../app/ipc/contract';
import { Dialog } from '../dialogs/dialog';
import { wireErrorText } from '../format';
import { rasApi } from '../ras-api';
import {
  connectionFor,
  dial,
  hangUp,
  refOf,
  select,
  useAppStore,
  type AppState,
  type EntryRef,
} from '../store/app-store';
import { closePhonebook, copyEntry, openEditor, setPane } from '../store/phonebook-actions';
import { TypeIcon } from './type-icon';
import '../styles/phonebook-list.css';

export const ROW_HEIGHT = 34;
const OVERSCAN = 8;
/** Letters typed within this long of each other make one type-ahead search. */
const TYPE_AHEAD_MS = 1000;
const LIST_ID = 'phonebook-list';

type Row =
  | { kind: 'book'; book: PhonebookBook; error: string | undefined }
  | {
      kind: 'entry';
      entry: EntrySummary;
      /** 1-based place in its phonebook, and how many entries it shows (the list is virtual). */
      position: number;
      count: number;
      /** Its phonebook has a heading: the entry's option goes in that phonebook's group. */
      grouped: boolean;
    };

/**
 * What an entry's badge says: its connection's state, or how the last attempt ended, since a
 * failed dial and a dropped link are not a clean hang-up ("Disconnected").
 */
export function listOutcome(view: ConnectionView | undefined): {
  status: ConnectionView['status'] | 'idle' | 'failed' | 'dropped';
  code?: number | string;
} {
  if (!view) return { status: 'idle' };
  if (view.status !== 'disconnected' || !view.error) return { status: view.status };
  // Connected since the last dial (or attached while connected): an error after that is a drop.
  const rows = view.timeline.rows;
  let lastDial = -1;
  rows.forEach((r, k) => {
    if (r.kind === 'dial') lastDial = k;
  });
  const connected =
    view.attached ||
    rows.slice(lastDial + 1).some((r) => r.state === RasState.Connected && r.error === 0);
  return { status: connected ? 'dropped' : 'failed', code: view.error.code };
}

export function bookLabel(t: TFunction, book: PhonebookBook): string {
  return book.kind === 'opened' ? book.path.split(/[\\/]/).pop()! : t(`book.${book.kind}`);
}

/** An entry's key as RAS compares it: its phonebook and its name, without case. */
const keyOf = (ref: EntryRef) => `${ref.phonebook.toLowerCase()}\u0000${ref.name.toLowerCase()}`;

/** The connection shown for each entry, as connectionFor finds it (the first one kept for it). */
function connectionsByEntry(connections: AppState['connections']): Map<string, ConnectionView> {
  const byEntry = new Map<string, ConnectionView>();
  for (const c of Object.values(connections)) {
    const key = keyOf({ phonebook: c.phonebook, name: c.entryName });
    if (!byEntry.has(key)) byEntry.set(key, c);
  }
  return byEntry;
}

/**
 * The connections as the list shows them: the same object until an entry's badge or the order
 * by use would change. Every dial state sends a new snapshot; redrawing the list for each one
 * held up the timeline's row behind it (issue 14).
 */
function listedConnections(state: AppState): AppState['connections'] {
  if (state.connections === listed.connections) return listed.connections;
  const shown = Object.values(state.connections)
    .map((c) => {
      const outcome = listOutcome(c);
      return [c.phonebook, c.entryName, c.timeline.startedAt, outcome.status, outcome.code].join(
        '\u0000',
      );
    })
    .join('\n');
  if (shown !== listed.shown) listed.connections = state.connections;
  listed.shown = shown;
  return listed.connections;
}
const listed: { connections: AppState['connections']; shown: string } = {
  connections: {},
  shown: '',
};

/** An entry in its list order, with the lower-cased text a search looks through. */
interface Sorted {
  entry: EntrySummary;
  name: string;
  destination: string;
}

// String#localeCompare's order, with the collator set up once rather than per comparison.
const collator = new Intl.Collator();

/**
 * Each phonebook's entries in the chosen order. A search only filters this (keystrokes do
 * not sort again), and a connection's event does not touch it unless the order is by use.
 */
function sortBooks(
  entries: readonly EntrySummary[],
  books: readonly PhonebookBook[],
  sort: AppState['sort'],
  byEntry: Map<string, ConnectionView> | null,
): Map<string, Sorted[]> {
  const sorted = new Map<string, Sorted[]>(books.map((b) => [b.path, []]));
  for (const entry of entries)
    sorted.get(entry.phonebook)?.push({
      entry,
      name: entry.name.toLowerCase(),
      destination: entry.destination.toLowerCase(),
    });
  const byName = (a: Sorted, b: Sorted) => collator.compare(a.entry.name, b.entry.name);
  const lastUsed = (s: Sorted) => byEntry?.get(keyOf(s.entry))?.timeline.startedAt ?? 0;
  for (const found of sorted.values()) {
    if (sort === 'type')
      found.sort((a, b) => collator.compare(a.entry.type, b.entry.type) || byName(a, b));
    else if (sort === 'last-used') found.sort((a, b) => lastUsed(b) - lastUsed(a) || byName(a, b));
    else found.sort(byName);
  }
  return sorted;
}

function rowsOf(
  books: readonly PhonebookBook[],
  bookErrors: AppState['bookErrors'],
  sorted: Map<string, Sorted[]>,
  search: string,
): Row[] {
  const needle = search.trim().toLowerCase();
  const rows: Row[] = [];
  for (const book of books) {
    const all = sorted.get(book.path) ?? [];
    const found = needle
      ? all.filter((s) => s.name.includes(needle) || s.destination.includes(needle))
      : all;
    // One phonebook needs no heading unless it has something to say.
    const error = bookErrors[book.path];
    const grouped = books.length > 1 || !!error;
    if (grouped) rows.push({ kind: 'book', book, error });
    found.forEach((s, i) =>
      rows.push({ kind: 'entry', entry: s.entry, position: i + 1, count: found.length, grouped }),
    );
  }
  return rows;
}

/** The first row of an entry, names and phonebooks compared without case as RAS does; or -1. */
function rowOf(rows: readonly Row[], ref: EntryRef): number {
  const name = ref.name.toLowerCase();
  const book = ref.phonebook.toLowerCase();
  let lastBook = '';
  let inBook = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.kind !== 'entry' || r.entry.name.length !== name.length) continue;
    if (r.entry.phonebook !== lastBook) {
      lastBook = r.entry.phonebook;
      inBook = lastBook.toLowerCase() === book;
    }
    if (inBook && r.entry.name.toLowerCase() === name) return i;
  }
  return -1;
}

/** The phonebook a new or imported entry goes to: the selected entry's, else the first. */
export function currentBook(state: AppState): string {
  return state.selected?.phonebook ?? state.books[0]?.path ?? state.info?.defaultPhonebook ?? '';
}

export function newEntryPane(): void {
  setPane({
    kind: 'editor',
    mode: 'new',
    phonebook: currentBook(useAppStore.getState()),
    entry: makeEntry('', 'vpn', ['']),
    originalName: null,
    revision: undefined,
    credentials: null,
  });
}

/** Puts focus back in the entry list (on its selected entry): where a closed question returns. */
export function focusPhonebookList(): void {
  document.getElementById(LIST_ID)?.focus();
}

const isActive = (state: AppState, ref: EntryRef) => {
  const status = connectionFor(state, ref)?.status;
  return !!status && status !== 'disconnected';
};

/**
 * Enter and a double-click do an entry's obvious thing: connect it, or stop a dial that is
 * under way. A connected entry is asked about first. A careful desktop app does not drop a
 * working connection on one key: a second Enter, a double-click meant for another row, or a
 * key pressed while the list had focus by surprise would cut off whatever uses it (a remote
 * desktop, a file copy, a VPN session) with nothing to undo. Asking keeps hanging up from
 * the list a few keys away (Enter, Tab to "Hang up", Enter) while a slip costs nothing: the
 * question starts on Cancel. Opening the entry instead would make Enter do nothing visible:
 * its page already shows beside the list. The explicit Hang up (the entry's page, the menu,
 * the tray) is not asked again.
 */
function defaultAction(ref: EntryRef): void {
  const state = useAppStore.getState();
  const c = connectionFor(state, ref);
  if (c?.status === 'connected') setPane({ kind: 'hang-up', ref });
  else if (c && c.status !== 'disconnected') void hangUp(rasApi(), c.id);
  else void dial(rasApi(), ref);
}

/** Connect, or Hang up, as the menu names it: no question, the person chose the verb. */
function connectOrHangUp(ref: EntryRef): void {
  const c = connectionFor(useAppStore.getState(), ref);
  if (c && c.status !== 'disconnected') void hangUp(rasApi(), c.id);
  else void dial(rasApi(), ref);
}

/** The question Enter or a double-click on a connected entry asks. */
export function HangUpDialog({ entry }: { entry: EntryRef }) {
  const { t } = useTranslation();
  const close = () => setPane({ kind: 'entry' });
  return (
    <Dialog
      title={t('pb.hangUpTitle', { name: entry.name })}
      // Focus starts on Cancel: an Enter held down or pressed twice must not answer the
      // question it raised. Closing, focus goes back to the list (the dialog's own rule).
      initialFocus="cancel"
      onSubmit={() => {
        const c = connectionFor(useAppStore.getState(), entry);
        close();
        if (c && c.status !== 'disconnected') void hangUp(rasApi(), c.id);
      }}
      onCancel={close}
      actions={<button type="submit">{t('ui.hangUp')}</button>}
    >
      <p>{t('pb.hangUpText')}</p>
    </Dialog>
  );
}

interface Verb {
  key: string;
  label: string;
  run: () => void;
}

/**
 * The entry's menu: focus goes to its first item; Up, Down, Home, End and letters move;
 * Enter or Space runs an item; Escape, Tab or a click beside it closes it, and focus goes
 * back to the list.
 */
function EntryMenu({
  x,
  y,
  above,
  label,
  verbs,
  onClose,
}: {
  x: number;
  y: number;
  /** Where it ends when it opens upwards (the top of the entry's row), else at `y`. */
  above: number;
  label: string;
  verbs: Verb[];
  onClose: () => void;
}) {
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState({ left: x, top: y });
  useLayoutEffect(() => {
    const el = menu.current!;
    // Kept inside the window: a menu opened near the bottom or the right edge opens upwards
    // or leftwards.
    const { width, height } = el.getBoundingClientRect();
    setPlace({
      left: Math.max(0, Math.min(x, window.innerWidth - width)),
      top: Math.max(0, y + height > window.innerHeight ? above - height : y),
    });
    el.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [x, y, above]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...menu.current!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home' || e.key === 'PageUp') go(0);
    else if (e.key === 'End' || e.key === 'PageDown') go(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else if (e.key === 'Enter' || e.key === ' ') items[at]?.click();
    else if (/^\p{L}$/u.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const letter = e.key.toLocaleLowerCase();
      const next = items.findIndex(
        (item, i) => i > at && item.textContent!.trim().toLocaleLowerCase().startsWith(letter),
      );
      const first = items.findIndex((item) =>
        item.textContent!.trim().toLocaleLowerCase().startsWith(letter),
      );
      if (next >= 0 || first >= 0) go(next >= 0 ? next : first);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      className="menu-backdrop"
      onClick={(e) => e.target === e.currentTarget && onClose()}
      onContextMenu={(e) => {
        e.preventDefault();
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <ul
        ref={menu}
        className="context-menu"
        role="menu"
        aria-label={label}
        style={place}
        onKeyDown={onKeyDown}
      >
        {verbs.map((verb) => (
          <li
            key={verb.key}
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              onClose();
              verb.run();
            }}
          >
            {verb.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PhonebookList() {
  const { t } = useTranslation();
  // Only what the list shows: a statistics tick or a change elsewhere does not draw it again.
  const entries = useAppStore((s) => s.entries);
  const books = useAppStore((s) => s.books);
  const bookErrors = useAppStore((s) => s.bookErrors);
  // The error as data, so it reads in the person's language (bookErrors keeps the English).
  const bookErrorInfo = useAppStore((s) => s.bookErrorInfo);
  const search = useAppStore((s) => s.search);
  const sort = useAppStore((s) => s.sort);
  const selected = useAppStore((s) => s.selected);
  const connections = useAppStore(listedConnections);
  const byEntry = useMemo(() => connectionsByEntry(connections), [connections]);
  const sorted = useMemo(
    () => sortBooks(entries, books, sort, sort === 'last-used' ? byEntry : null),
    [entries, books, sort, sort === 'last-used' ? byEntry : null],
  );
  // Not deferred (useDeferredValue): filtering the sorted list is cheap, and a deferred render
  // waited for React's next slot, slower to show each keystroke than the filtering itself.
  const rows = useMemo(
    () => rowsOf(books, bookErrors, sorted, search),
    [books, bookErrors, sorted, search],
  );
  // Where the selected entry is drawn (the first of a name a phonebook holds twice): one scan
  // that lower-cases only names of the right length; a map of every row's key cost more than
  // the rest of the list's work on opening or searching ten thousand entries.
  const selectedIndex = useMemo(() => (selected ? rowOf(rows, selected) : -1), [rows, selected]);
  const connectionOf = (ref: EntryRef) => byEntry.get(keyOf(ref));
  const box = useRef<HTMLDivElement>(null);
  const sizer = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // `origin`: where the rows start in the scrolled content (below a message, if any).
  const [scroll, setScroll] = useState({ top: 0, height: 600, origin: 0 });
  const [menu, setMenu] = useState<{
    x: number;
    y: number;
    above: number;
    ref: EntryRef;
  } | null>(null);
  const typed = useRef({ text: '', at: 0 });

  const measure = () => {
    const el = box.current;
    if (!el) return;
    const origin = sizer.current
      ? sizer.current.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop
      : 0;
    setScroll({ top: el.scrollTop, height: el.clientHeight || 600, origin });
  };
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // Keep the selected row in view when the keyboard moves it; the first entry of a phonebook
  // brings its heading (and the heading's Close button) along.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || selectedIndex < 0) return;
    const headed = rows[selectedIndex - 1]?.kind === 'book' ? selectedIndex - 1 : selectedIndex;
    const top = scroll.origin + headed * ROW_HEIGHT;
    const bottom = scroll.origin + (selectedIndex + 1) * ROW_HEIGHT;
    const was = el.scrollTop;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    // The scroll event comes a frame later; until then the rows and the Close buttons' Tab
    // stops would follow the old offset, and a quick Tab would pass a heading now in view.
    if (el.scrollTop !== was) measure();
  }, [selectedIndex]);

  const api = rasApi();
  const readOnly = (ref: EntryRef) => !!bookErrors[ref.phonebook];
  const verbs = (ref: EntryRef): Verb[] => [
    {
      key: 'connect',
      label: isActive(useAppStore.getState(), ref) ? t('ui.hangUp') : t('ui.connect'),
      run: () => connectOrHangUp(ref),
    },
    { key: 'properties', label: t('pb.properties'), run: () => void openEditor(api, ref) },
    ...(readOnly(ref)
      ? []
      : [
          { key: 'rename', label: t('pb.rename'), run: () => setPane({ kind: 'rename', ref }) },
          { key: 'copy', label: t('pb.copy'), run: () => void copyEntry(api, ref) },
          { key: 'delete', label: t('pb.delete'), run: () => setPane({ kind: 'delete', ref }) },
          ...(entries.some((e) => e.type === 'vpn' && keyOf(e) === keyOf(ref))
            ? [
                {
                  key: 'powershell',
                  label: t('provision.copyAs'),
                  run: () => setPane({ kind: 'powershell', ref }),
                },
              ]
            : []),
        ]),
    { key: 'new', label: t('pb.new'), run: newEntryPane },
  ];

  const entryAt = (index: number): EntrySummary | undefined => {
    const row = rows[index];
    return row?.kind === 'entry' ? row.entry : undefined;
  };
  const rowId = (index: number) => `${LIST_ID}-row-${index}`;

  /** Opens the menu of the selected entry under its row (Shift+F10, the Menu key). */
  const openMenuFromKeyboard = () => {
    const ref = refOf(entryAt(selectedIndex));
    if (!ref) return;
    const row = document.getElementById(rowId(selectedIndex))?.getBoundingClientRect();
    setMenu({ x: (row?.left ?? 0) + 24, y: row?.bottom ?? 0, above: row?.top ?? 0, ref });
  };

  /** Moves to the next entry whose name starts with what was typed (repeating one letter cycles). */
  const typeAhead = (key: string) => {
    const now = Date.now();
    const buffer = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + key : key;
    typed.current = { text: buffer, at: now };
    const text = buffer.toLocaleLowerCase();
    const oneLetter = [...text].every((c) => c === text[0]);
    const prefix = oneLetter ? text[0]! : text;
    // A new search (or one letter again) starts after the selected entry; a longer word
    // may still match the selected entry itself.
    const start = oneLetter ? selectedIndex + 1 : Math.max(selectedIndex, 0);
    for (let k = 0; k < rows.length; k++) {
      const entry = entryAt((start + k) % rows.length);
      if (entry?.name.toLocaleLowerCase().startsWith(prefix)) {
        select(refOf(entry)!);
        return;
      }
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const current = refOf(entryAt(selectedIndex));
    // Moves to the nearest entry row in the direction of travel, past phonebook headings.
    const move = (to: number, step: number) => {
      let i = Math.max(0, Math.min(rows.length - 1, to));
      while (i >= 0 && i < rows.length && !entryAt(i)) i += step;
      const next = refOf(entryAt(i));
      if (next) select(next);
    };
    const page = Math.floor(scroll.height / ROW_HEIGHT);
    const ctrl = e.ctrlKey || e.metaKey;
    const typing = Date.now() - typed.current.at < TYPE_AHEAD_MS;
    if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') openMenuFromKeyboard();
    else if (e.key === 'ArrowDown') move(selectedIndex + 1, 1);
    else if (e.key === 'ArrowUp') move(selectedIndex - 1, -1);
    else if (e.key === 'Home') move(0, 1);
    else if (e.key === 'End') move(rows.length - 1, -1);
    else if (e.key === 'PageDown') move(selectedIndex + page, 1);
    else if (e.key === 'PageUp') move(selectedIndex - page, -1);
    // A held Enter repeats: it dials or asks once.
    else if (e.key === 'Enter' && current) {
      if (!e.repeat) defaultAction(current);
    } else if (e.key === 'F2' && current && !readOnly(current))
      setPane({ kind: 'rename', ref: current });
    else if (e.key === 'Delete' && current && !readOnly(current))
      setPane({ kind: 'delete', ref: current });
    else if (ctrl && e.key.toLowerCase() === 'n') newEntryPane();
    else if (ctrl && e.key.toLowerCase() === 'd' && current && !readOnly(current))
      void copyEntry(api, current);
    else if (
      !ctrl &&
      !e.altKey &&
      /^.$/u.test(e.key) &&
      (e.key !== ' ' || typing) &&
      rows.length > 0
    )
      typeAhead(e.key);
    else return;
    e.preventDefault();
  };

  // When a search shortens the list, the remembered scroll offset can lie past its end until
  // the browser clamps it and reports a scroll; clamp here so the rows never blank meanwhile.
  const top = Math.min(
    Math.max(0, scroll.top - scroll.origin),
    Math.max(0, rows.length * ROW_HEIGHT - scroll.height),
  );
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  // The selected option is always drawn: aria-activedescendant must name an element.
  const drawn = Array.from({ length: last - first }, (_, i) => first + i);
  if (selectedIndex >= 0 && (selectedIndex < first || selectedIndex >= last))
    drawn.push(selectedIndex);
  drawn.sort((a, b) => a - b);
  const entriesShown = rows.some((r) => r.kind === 'entry');
  /** Wholly inside the scrolled view: a button there takes focus without scrolling the list. */
  const inView = (index: number) =>
    scroll.origin + index * ROW_HEIGHT >= scroll.top &&
    scroll.origin + (index + 1) * ROW_HEIGHT <= scroll.top + scroll.height;
  const place = (index: number) => ({
    position: 'absolute' as const,
    top: index * ROW_HEIGHT,
    height: ROW_HEIGHT,
    left: 0,
    right: 0,
  });

  // The options, in one group per phonebook when the phonebooks have headings.
  const groups: { book: string; label: string | null; items: ReactElement[] }[] = [];
  for (const index of drawn) {
    const row = rows[index]!;
    if (row.kind === 'book') continue;
    const ref = refOf(row.entry)!;
    const outcome = listOutcome(connectionOf(ref));
    const isSelected = index === selectedIndex;
    const typeLabel = t(`type.${row.entry.type}`);
    const statusText = t(`status.${outcome.status}`, { code: outcome.code });
    const option = (
      <div
        key={`${row.entry.phonebook}\u0000${row.entry.name}`}
        id={rowId(index)}
        role="option"
        // The name whole (the row may cut it short) and its state, as the row reads; the type
        // is the option's description.
        aria-label={`${row.entry.name}, ${statusText}`}
        aria-describedby={`${rowId(index)}-type`}
        aria-selected={isSelected}
        aria-posinset={row.position}
        aria-setsize={row.count}
        className={`entry-row${isSelected ? ' selected' : ''}`}
        style={place(index)}
        onClick={() => select(ref)}
        onDoubleClick={() => defaultAction(ref)}
        onContextMenu={(e) => {
          e.preventDefault();
          e.stopPropagation();
          select(ref);
          setMenu({ x: e.clientX, y: e.clientY, above: e.clientY, ref });
        }}
      >
        <span className="type-cell" id={`${rowId(index)}-type`}>
          <TypeIcon type={row.entry.type} label={typeLabel} />
        </span>
        {/* A name cut short by the column shows whole on hover. */}
        <span className="name" title={row.entry.name}>
          {row.entry.name}
        </span>{' '}
        {/* The space keeps the name and the state two words in the row's text (a grid does not
            draw it). */}
        <span className={`badge status-${outcome.status}`} title={statusText}>
          {statusText}
        </span>
      </div>
    );
    const book = row.grouped ? row.entry.phonebook : '';
    const previous = groups.at(-1);
    if (previous?.book === book) previous.items.push(option);
    else {
      const found = books.find((b) => b.path === book);
      const label = !row.grouped ? null : found ? bookLabel(t, found) : book;
      groups.push({ book, label, items: [option] });
    }
  }
  const options = groups.flatMap((g) =>
    g.label === null
      ? g.items
      : [
          <div key={`group\u0000${g.book}`} role="group" aria-label={g.label}>
            {g.items}
          </div>,
        ],
  );

  return (
    <div className="phonebook-pane">
      <div className="phonebook-tools">
        <input
          type="search"
          aria-label={t('pb.search')}
          placeholder={t('pb.search')}
          value={search}
          onChange={(e) => useAppStore.setState({ search: e.target.value })}
        />
        <select
          aria-label={t('pb.sort')}
          value={sort}
          onChange={(e) => useAppStore.setState({ sort: e.target.value as AppState['sort'] })}
        >
          <option value="name">{t('pb.byName')}</option>
          <option value="type">{t('pb.byType')}</option>
          <option value="last-used">{t('pb.byLastUsed')}</option>
        </select>
      </div>
      {/* The scrolled box (not focusable itself: the listbox inside it is). */}
      <div
        ref={box}
        className="phonebook-scroll"
        style={{ flex: 1, minHeight: 0, overflow: 'auto' }}
        onScroll={measure}
      >
        {!entriesShown && (
          <p className="muted">{entries.length === 0 ? t('ui.noEntries') : t('pb.noMatch')}</p>
        )}
        <div ref={sizer} style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {/* The listbox covers the whole height of the rows, so focusing it never scrolls:
              it is always in view. It is `.phonebook` for the list's styles (the focus ring
              on the selected row). */}
          <div
            ref={list}
            id={LIST_ID}
            className="phonebook"
            role="listbox"
            tabIndex={0}
            aria-label={t('ui.phonebook')}
            aria-activedescendant={selectedIndex >= 0 ? rowId(selectedIndex) : undefined}
            style={{ position: 'absolute', inset: 0, padding: 0, overflow: 'visible' }}
            onKeyDown={onKeyDown}
            onContextMenu={(e) => {
              // The Menu key or Shift+F10 where the browser turns them into this event.
              e.preventDefault();
              if (!menu) openMenuFromKeyboard();
            }}
          >
            {options}
          </div>
          {/* After the listbox, so each heading lies over the gap the list leaves for it. */}
          {drawn
            .filter((index) => rows[index]!.kind === 'book')
            .map((index) => {
              const row = rows[index] as Extract<Row, { kind: 'book' }>;
              const label = bookLabel(t, row.book);
              const info = bookErrorInfo[row.book.path];
              const error = info ? wireErrorText(t, info) : row.error;
              return (
                <div
                  key={`book\u0000${row.book.path}`}
                  className="book-row"
                  style={place(index)}
                  title={row.book.path}
                >
                  <strong>{label}</strong>
                  {error && (
                    <span className="book-error" role="alert" title={error}>
                      {t('book.readOnly')}: {error}
                    </span>
                  )}
                  {row.book.kind === 'opened' && (
                    <button
                      type="button"
                      className="link"
                      aria-label={t('book.closeNamed', { name: label })}
                      // Tab reaches only a heading in view: focusing one drawn above or below
                      // the view would scroll the list and the selected entry out of sight.
                      tabIndex={inView(index) ? 0 : -1}
                      onClick={() => void closePhonebook(api, row.book.path)}
                    >
                      {t('book.close')}
                    </button>
                  )}
                </div>
              );
            })}
        </div>
      </div>
      {menu && (
        <EntryMenu
          x={menu.x}
          y={menu.y}
          above={menu.above}
          label={menu.ref.name}
          verbs={verbs(menu.ref)}
          onClose={() => {
            setMenu(null);
            list.current?.focus();
          }}
        />
      )}
    </div>
  );
}
