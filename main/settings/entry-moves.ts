// Settings that name entries (the tray's favourites, the entries kept connected and those to
// connect again at start) follow a rename made in this app and forget a deleted entry, so a
// new entry that later takes an old name does not inherit what the old one had.

import type { Settings } from '../../app/ipc/contract';
import type { EntryMove, PhonebookService } from '../phonebook/phonebook-service';
import type { SettingsStore } from './settings-store';

type EntryKeys = Settings['favourites'];

/** The settings that hold entry names; each follows renames and deletes. */
const ENTRY_LISTS = ['favourites', 'keepConnected', 'reconnectAtStart'] as const;

/** Entry names are case-insensitive, as RAS compares them. */
function names(key: EntryKeys[number], move: EntryMove): boolean {
  return key.phonebook === move.phonebook && key.name.toLowerCase() === move.from.toLowerCase();
}

/** The lists a move changes, renamed or without the entry; empty when it names none of them. */
export function followMove(settings: Settings, move: EntryMove): Partial<Settings> {
  const change: Partial<Settings> = {};
  for (const list of ENTRY_LISTS) {
    const keys = settings[list];
    if (!keys.some((k) => names(k, move))) continue;
    change[list] =
      move.to === null
        ? keys.filter((k) => !names(k, move))
        : keys.map((k) => (names(k, move) ? { ...k, name: move.to! } : k));
  }
  return change;
}

/** Returns the function that stops following. */
export function followEntryMoves(
  phonebooks: Pick<PhonebookService, 'onEntryMoved'>,
  settings: Pick<SettingsStore, 'update'>,
  log: (message: string) => void,
): () => void {
  return phonebooks.onEntryMoved((move) => {
    settings
      .update((current) => followMove(current, move))
      .catch((error: unknown) =>
        log(`settings could not follow "${move.from}": ${(error as Error).message}`),
      );
  });
}
