// The phonebooks on the left: search as you type, sort, and a virtualized list (ten thousand
// entries scroll smoothly) grouped by phonebook, each entry with its type and connection
// state. A phonebook that cannot be read shows its error, read-only. Keyboard: arrows,
// Enter connects, F2 renames, Del deletes, Ctrl+N new, Ctrl+D copy; a context menu has the
// same verbs and Properties.

import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { makeEntry } from '../../../app/phonebook/entry';
import type { EntrySummary, PhonebookBook } from '../../../app/ipc/contract';
import { rasApi } from '../ras-api';
import {
  connectionFor,
  dial,
  hangUp,
  refOf,
  sameEntry,
  select,
  useAppStore,
  type AppState,
  type EntryRef,
} from '../store/app-store';
import { closePhonebook, copyEntry, openEditor, setPane } from '../store/phonebook-actions';
import { TypeIcon } from './type-icon';

export const ROW_HEIGHT = 34;
const OVERSCAN = 8;

type Row =
  | { kind: 'book'; book: PhonebookBook; error: string | undefined }
  | { kind: 'entry'; entry: EntrySummary };

export function bookLabel(t: TFunction, book: PhonebookBook): string {
  return book.kind === 'opened' ? book.path.split(/[\\/]/).pop()! : t(`book.${book.kind}`);
}

function rowsOf(state: AppState): Row[] {
  const needle = state.search.trim().toLowerCase();
  const lastUsed = (e: EntrySummary) => connectionFor(state, refOf(e))?.timeline.startedAt ?? 0;
  const byName = (a: EntrySummary, b: EntrySummary) => a.name.localeCompare(b.name);
  const rows: Row[] = [];
  for (const book of state.books) {
    const found = state.entries.filter(
      (e) =>
        e.phonebook === book.path &&
        (!needle ||
          e.name.toLowerCase().includes(needle) ||
          e.destination.toLowerCase().includes(needle)),
    );
    if (state.sort === 'type') found.sort((a, b) => a.type.localeCompare(b.type) || byName(a, b));
    else if (state.sort === 'last-used')
      found.sort((a, b) => lastUsed(b) - lastUsed(a) || byName(a, b));
    else found.sort(byName);
    // One phonebook needs no heading unless it has something to say.
    const error = state.bookErrors[book.path];
    if (state.books.length > 1 || error) rows.push({ kind: 'book', book, error });
    for (const entry of found) rows.push({ kind: 'entry', entry });
  }
  return rows;
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

export function PhonebookList() {
  const { t } = useTranslation();
  const state = useAppStore();
  const rows = useMemo(() => rowsOf(state), [state]);
  const selectedIndex = rows.findIndex(
    (r) => r.kind === 'entry' && sameEntry(refOf(r.entry), state.selected),
  );
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const [menu, setMenu] = useState<{ x: number; y: number; ref: EntryRef } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight || 600 });
    update();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // Keep the selected row in view when the keyboard moves it.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedIndex]);

  const api = rasApi();
  const connectOrHangUp = (ref: EntryRef) => {
    const c = connectionFor(useAppStore.getState(), ref);
    if (c && c.status !== 'disconnected') void hangUp(api, c.id);
    else void dial(api, ref);
  };
  const readOnly = (ref: EntryRef) => !!state.bookErrors[ref.phonebook];
  const verbs = (ref: EntryRef) => [
    {
      key: 'connect',
      label: connectionFor(state, ref)?.status === 'connected' ? t('ui.hangUp') : t('ui.connect'),
      run: () => connectOrHangUp(ref),
    },
    { key: 'properties', label: t('pb.properties'), run: () => void openEditor(api, ref) },
    ...(readOnly(ref)
      ? []
      : [
          { key: 'rename', label: t('pb.rename'), run: () => setPane({ kind: 'rename', ref }) },
          { key: 'copy', label: t('pb.copy'), run: () => void copyEntry(api, ref) },
          { key: 'delete', label: t('pb.delete'), run: () => setPane({ kind: 'delete', ref }) },
        ]),
    { key: 'new', label: t('pb.new'), run: newEntryPane },
  ];

  const entryAt = (index: number): EntrySummary | undefined => {
    const row = rows[index];
    return row?.kind === 'entry' ? row.entry : undefined;
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
    if (e.key === 'ArrowDown') move(selectedIndex + 1, 1);
    else if (e.key === 'ArrowUp') move(selectedIndex - 1, -1);
    else if (e.key === 'Home') move(0, 1);
    else if (e.key === 'End') move(rows.length - 1, -1);
    else if (e.key === 'PageDown') move(selectedIndex + page, 1);
    else if (e.key === 'PageUp') move(selectedIndex - page, -1);
    else if (e.key === 'Enter' && current) connectOrHangUp(current);
    else if (e.key === 'F2' && current && !readOnly(current))
      setPane({ kind: 'rename', ref: current });
    else if (e.key === 'Delete' && current && !readOnly(current))
      setPane({ kind: 'delete', ref: current });
    else if (ctrl && e.key.toLowerCase() === 'n') newEntryPane();
    else if (ctrl && e.key.toLowerCase() === 'd' && current && !readOnly(current))
      void copyEntry(api, current);
    else return;
    e.preventDefault();
  };

  // When a search shortens the list, the remembered scroll offset can lie past its end until
  // the browser clamps it and reports a scroll; clamp here so the rows never blank meanwhile.
  const top = Math.min(scroll.top, Math.max(0, rows.length * ROW_HEIGHT - scroll.height));
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  const entriesShown = rows.some((r) => r.kind === 'entry');

  return (
    <div className="phonebook-pane">
      <div className="phonebook-tools">
        <input
          type="search"
          aria-label={t('pb.search')}
          placeholder={t('pb.search')}
          value={state.search}
          onChange={(e) => useAppStore.setState({ search: e.target.value })}
        />
        <select
          aria-label={t('pb.sort')}
          value={state.sort}
          onChange={(e) => useAppStore.setState({ sort: e.target.value as AppState['sort'] })}
        >
          <option value="name">{t('pb.byName')}</option>
          <option value="type">{t('pb.byType')}</option>
          <option value="last-used">{t('pb.byLastUsed')}</option>
        </select>
      </div>
      <div
        ref={box}
        className="phonebook"
        role="listbox"
        tabIndex={0}
        aria-label={t('ui.phonebook')}
        aria-activedescendant={selectedIndex >= 0 ? `row-${selectedIndex}` : undefined}
        onScroll={(e) =>
          setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight || 600 })
        }
        onKeyDown={onKeyDown}
      >
        {!entriesShown && (
          <p className="muted">
            {state.entries.length === 0 ? t('ui.noEntries') : t('pb.noMatch')}
          </p>
        )}
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((row, i) => {
            const index = first + i;
            const place = {
              position: 'absolute' as const,
              top: index * ROW_HEIGHT,
              height: ROW_HEIGHT,
              left: 0,
              right: 0,
            };
            if (row.kind === 'book')
              return (
                <div
                  key={`book\u0000${row.book.path}`}
                  role="presentation"
                  className="book-row"
                  style={place}
                  title={row.book.path}
                >
                  <strong>{bookLabel(t, row.book)}</strong>
                  {row.error && (
                    <span className="book-error" role="alert" title={row.error}>
                      {t('book.readOnly')}: {row.error}
                    </span>
                  )}
                  {row.book.kind === 'opened' && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => void closePhonebook(api, row.book.path)}
                    >
                      {t('book.close')}
                    </button>
                  )}
                </div>
              );
            const ref = refOf(row.entry)!;
            const status = connectionFor(state, ref)?.status ?? 'idle';
            const isSelected = index === selectedIndex;
            return (
              <div
                key={`${row.entry.phonebook}\u0000${row.entry.name}`}
                id={`row-${index}`}
                role="option"
                aria-selected={isSelected}
                className={`entry-row${isSelected ? ' selected' : ''}`}
                style={place}
                onClick={() => select(ref)}
                onDoubleClick={() => connectOrHangUp(ref)}
                onContextMenu={(e) => {
                  e.preventDefault();
                  select(ref);
                  setMenu({ x: e.clientX, y: e.clientY, ref });
                }}
              >
                <TypeIcon type={row.entry.type} label={t(`type.${row.entry.type}`)} />
                <span className="name">{row.entry.name}</span>
                <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>
              </div>
            );
          })}
        </div>
      </div>
      {menu && (
        <div
          className="menu-backdrop"
          onClick={() => setMenu(null)}
          onContextMenu={(e) => {
            e.preventDefault();
            setMenu(null);
          }}
        >
          <ul className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }}>
            {verbs(menu.ref).map((verb) => (
              <li
                key={verb.key}
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setMenu(null);
                  verb.run();
                }}
              >
                {verb.label}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
