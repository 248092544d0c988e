// phonebook:list's wire form, both ways: entries as [name, type, destination] tuples of the
// phonebook asked for (why: app/ipc/contract.ts, listedEntrySchema).

import type { EntrySummary, ListedEntry } from './contract';

export function toListed(entries: readonly EntrySummary[]): ListedEntry[] {
  return entries.map((e) => [e.name, e.type, e.destination]);
}

export function fromListed(phonebook: string, listed: readonly ListedEntry[]): EntrySummary[] {
  return listed.map(([name, type, destination]) => ({ name, phonebook, type, destination }));
}
