// The phonebook on the left: search as you type, sort, and a virtualized list (ten thousand
// entries scroll smoothly) with each entry's type and connection state. Keyboard: arrows,
// Enter connects, F2 renames, Del deletes, Ctrl+N new, Ctrl+D copy; a context menu has the
// same verbs and Properties.

import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { makeEntry } from '../../../app/phonebook/entry';
import type { EntrySummary } from '../../../app/ipc/contract';
import { rasApi } from '../ras-api';
import {
  connectionFor,
  dial,
  hangUp,
  select,
  useAppStore,
  type AppState,
} from '../store/app-store';
import { copyEntry, openEditor, setPane } from '../store/phonebook-actions';
import { TypeIcon } from './type-icon';

export const ROW_HEIGHT = 34;
const OVERSCAN = 8;

function visibleEntries(state: AppState): EntrySummary[] {
  const needle = state.search.trim().toLowerCase();
  const found = needle
    ? state.entries.filter(
        (e) =>
          e.name.toLowerCase().includes(needle) || e.destination.toLowerCase().includes(needle),
      )
    : state.entries.slice();
  const lastUsed = (name: string) => connectionFor(state, name)?.timeline.startedAt ?? 0;
  const byName = (a: EntrySummary, b: EntrySummary) => a.name.localeCompare(b.name);
  if (state.sort === 'type') found.sort((a, b) => a.type.localeCompare(b.type) || byName(a, b));
  else if (state.sort === 'last-used')
    found.sort((a, b) => lastUsed(b.name) - lastUsed(a.name) || byName(a, b));
  else found.sort(byName);
  return found;
}

export function newEntryPane(): void {
  setPane({
    kind: 'editor',
    mode: 'new',
    entry: makeEntry('', 'vpn', ['']),
    originalName: null,
    revision: undefined,
  });
}

export function PhonebookList() {
  const { t } = useTranslation();
  const state = useAppStore();
  const entries = useMemo(() => visibleEntries(state), [state]);
  const selectedIndex = entries.findIndex(
    (e) => e.name.toLowerCase() === state.selected?.toLowerCase(),
  );
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const [menu, setMenu] = useState<{ x: number; y: number; name: string } | null>(null);

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
  const connectOrHangUp = (name: string) => {
    const c = connectionFor(useAppStore.getState(), name);
    if (c && c.status !== 'disconnected') void hangUp(api, c.id);
    else void dial(api, name);
  };
  const verbs = (name: string) => [
    {
      key: 'connect',
      label: connectionFor(state, name)?.status === 'connected' ? t('ui.hangUp') : t('ui.connect'),
      run: () => connectOrHangUp(name),
    },
    { key: 'properties', label: t('pb.properties'), run: () => void openEditor(api, name) },
    { key: 'rename', label: t('pb.rename'), run: () => setPane({ kind: 'rename', name }) },
    { key: 'copy', label: t('pb.copy'), run: () => void copyEntry(api, name) },
    { key: 'delete', label: t('pb.delete'), run: () => setPane({ kind: 'delete', name }) },
    { key: 'new', label: t('pb.new'), run: newEntryPane },
  ];

  const onKeyDown = (e: KeyboardEvent) => {
    const current = entries[selectedIndex];
    const move = (to: number) => {
      const next = entries[Math.max(0, Math.min(entries.length - 1, to))];
      if (next) select(next.name);
    };
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key === 'ArrowDown') move(selectedIndex + 1);
    else if (e.key === 'ArrowUp') move(selectedIndex - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(entries.length - 1);
    else if (e.key === 'PageDown') move(selectedIndex + Math.floor(scroll.height / ROW_HEIGHT));
    else if (e.key === 'PageUp') move(selectedIndex - Math.floor(scroll.height / ROW_HEIGHT));
    else if (e.key === 'Enter' && current) connectOrHangUp(current.name);
    else if (e.key === 'F2' && current) setPane({ kind: 'rename', name: current.name });
    else if (e.key === 'Delete' && current) setPane({ kind: 'delete', name: current.name });
    else if (ctrl && e.key.toLowerCase() === 'n') newEntryPane();
    else if (ctrl && e.key.toLowerCase() === 'd' && current) void copyEntry(api, current.name);
    else return;
    e.preventDefault();
  };

  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(
    entries.length,
    Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN,
  );

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
        aria-activedescendant={selectedIndex >= 0 ? `entry-${selectedIndex}` : undefined}
        onScroll={(e) =>
          setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight || 600 })
        }
        onKeyDown={onKeyDown}
      >
        {entries.length === 0 && (
          <p className="muted">
            {state.entries.length === 0 ? t('ui.noEntries') : t('pb.noMatch')}
          </p>
        )}
        <div style={{ height: entries.length * ROW_HEIGHT, position: 'relative' }}>
          {entries.slice(first, last).map((entry, i) => {
            const index = first + i;
            const status = connectionFor(state, entry.name)?.status ?? 'idle';
            const isSelected = index === selectedIndex;
            return (
              <div
                key={`${entry.phonebook}\u0000${entry.name}`}
                id={`entry-${index}`}
                role="option"
                aria-selected={isSelected}
                className={`entry-row${isSelected ? ' selected' : ''}`}
                style={{
                  position: 'absolute',
                  top: index * ROW_HEIGHT,
                  height: ROW_HEIGHT,
                  left: 0,
                  right: 0,
                }}
                onClick={() => select(entry.name)}
                onDoubleClick={() => connectOrHangUp(entry.name)}
                onContextMenu={(e) => {
                  e.preventDefault();
                  select(entry.name);
                  setMenu({ x: e.clientX, y: e.clientY, name: entry.name });
                }}
              >
                <TypeIcon type={entry.type} label={t(`type.${entry.type}`)} />
                <span className="name">{entry.name}</span>
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
            {verbs(menu.name).map((verb) => (
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
