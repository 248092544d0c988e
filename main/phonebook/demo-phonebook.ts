// Creates the demo phonebook on first use: the entries of demo-entries.ts written through
// the backend, as a person would create them.

import type { RasBackend } from '../ras/backend';
import { demoEntries } from './demo-entries';

/** Creates the demo entries when `phonebook` has no entries yet; returns how many were made. */
export async function ensureDemoPhonebook(backend: RasBackend, phonebook: string): Promise<number> {
  const existing = await backend.listEntries(phonebook);
  if (existing.length > 0) return 0;
  const demos = demoEntries();
  for (const { entry, userName } of demos) {
    await backend.setEntry(phonebook, entry);
    if (userName) await backend.setCredentials(phonebook, entry.name, { userName, domain: '' });
  }
  return demos.length;
}
