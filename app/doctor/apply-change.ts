// A doctor's fix that is a setting of the entry, made on the entry: the settings by their
// names, and `server` as the primary destination (the host the entry dials first).

import { phoneNumber, type RasEntry } from '../phonebook/entry';
import type { EntryChange } from './doctor-result';

export function applyChange(entry: RasEntry, change: EntryChange): RasEntry {
  const { server, ...settings } = change;
  const next: RasEntry = { ...entry, ...settings };
  if (server !== undefined) {
    const [first, ...alternates] = entry.phoneNumbers;
    next.phoneNumbers = [first ? { ...first, number: server } : phoneNumber(server), ...alternates];
  }
  return next;
}
