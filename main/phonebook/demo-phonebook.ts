// Creates the demo phonebook on first use: the entries of demo-entries.ts as one document,
// written once through the backend's atomic write, so a failed first run (a full disk) leaves
// no phonebook rather than half of one, and the next run creates it whole.

import { newSection } from '../../app/phonebook/entry';
import { AppError, ERROR_ALREADY_EXISTS, RasError } from '../../app/ras/errors';
import type { RasBackend } from '../ras/backend';
import { demoEntries } from './demo-entries';

/** Creates the demo entries when `phonebook` has no entries yet; returns how many were made. */
export async function ensureDemoPhonebook(backend: RasBackend, phonebook: string): Promise<number> {
  const revision = await backend.phonebookRevision(phonebook);
  const existing = await backend.listEntries(phonebook);
  if (existing.length > 0) return 0;
  const demos = demoEntries();
  try {
    // Only over the file as it was read: another process creating it first wins.
    await backend.writeSections(
      phonebook,
      demos.map(({ entry }) => newSection(entry, '\r\n')),
      { expectedRevision: revision },
    );
  } catch (error) {
    const raced =
      (error instanceof AppError && error.code === 'PHONEBOOK_CHANGED') ||
      (error instanceof RasError && error.code === ERROR_ALREADY_EXISTS);
    if (raced && (await backend.listEntries(phonebook)).length > 0) return 0;
    throw error;
  }
  for (const { entry, userName } of demos)
    if (userName) await backend.setCredentials(phonebook, entry.name, { userName, domain: '' });
  return demos.length;
}
