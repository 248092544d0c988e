// The phonebook side of the simulated server: entries in pbk files (read fresh for every
// call, as RAS does), changed with atomic read-modify-write cycles, and saved credentials
// kept in memory for the server's lifetime.

import { applyEntry, newSection, sectionToEntry, type RasEntry } from '../../../app/phonebook/entry';
import { validateEntryName } from '../../../app/phonebook/entry-name';
import {
  appendSection,
  documentEol,
  findSectionIndex,
  removeSection,
  replaceSection,
  sectionHeader,
} from '../../../app/phonebook/pbk-codec';
import { RasError, RasErrorCode as E } from '../../../app/ras/errors';
import type { CredentialsUpdate, EntrySummary, SavedCredentials } from '../backend';
import { PbkFileLock, readPbkFile, writePbkFile, type LoadedPbk } from './pbk-file';

interface StoredCredentials {
  userName: string;
  domain: string;
  password: string | null;
}

export class SimulatedPhonebooks {
  private readonly lock = new PbkFileLock();
  private readonly credentials = new Map<string, StoredCredentials>();

  /** `activeEntries` names the entries with a live connection (phonebook + lower-cased name). */
  constructor(private readonly activeEntries: () => Set<string>) {}

  async listEntries(phonebook: string): Promise<EntrySummary[]> {
    const { document } = await readPbkFile(phonebook, { missingOk: true });
    return document.sections.map((s) => ({ name: s.name, phonebook }));
  }

  async getEntry(phonebook: string, name: string): Promise<RasEntry> {
    const { document } = await readPbkFile(phonebook);
    const index = findSectionIndex(document, name);
    if (index < 0) throw new RasError(E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, `("${name}")`);
    return sectionToEntry(document.sections[index]!);
  }

  private change(phonebook: string, edit: (loaded: LoadedPbk) => LoadedPbk): Promise<void> {
    return this.lock.run(phonebook, async () => {
      const loaded = await readPbkFile(phonebook, { missingOk: true });
      await writePbkFile(phonebook, edit(loaded));
    });
  }

  setEntry(phonebook: string, entry: RasEntry): Promise<void> {
    const problem = validateEntryName(entry.name);
    if (problem) return Promise.reject(new RasError(problem.code, problem.message));
    return this.change(phonebook, (loaded) => {
      const doc = loaded.document;
      const eol = documentEol(doc);
      const index = findSectionIndex(doc, entry.name);
      const document =
        index < 0
          ? appendSection(doc, newSection(entry, eol))
          : replaceSection(doc, index, applyEntry(doc.sections[index]!, entry, eol));
      return { ...loaded, document };
    });
  }

  renameEntry(phonebook: string, oldName: string, newName: string): Promise<void> {
    return this.change(phonebook, (loaded) => {
      const doc = loaded.document;
      const index = findSectionIndex(doc, oldName);
      if (index < 0) throw new RasError(E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, `("${oldName}")`);
      const others = doc.sections.filter((_, i) => i !== index).map((s) => s.name);
      const problem = validateEntryName(newName, others);
      if (problem) throw new RasError(problem.code, problem.message);
      const section = doc.sections[index]!;
      const renamed = { ...section, name: newName, header: sectionHeader(newName, section.header.eol) };
      this.moveCredentials(phonebook, oldName, newName);
      return { ...loaded, document: replaceSection(doc, index, renamed) };
    });
  }

  deleteEntry(phonebook: string, name: string): Promise<void> {
    if (this.activeEntries().has(entryKey(phonebook, name)))
      return Promise.reject(new RasError(E.ERROR_CANNOT_DELETE));
    return this.change(phonebook, (loaded) => {
      const index = findSectionIndex(loaded.document, name);
      if (index < 0) throw new RasError(E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, `("${name}")`);
      this.credentials.delete(entryKey(phonebook, name));
      return { ...loaded, document: removeSection(loaded.document, index) };
    });
  }

  async validateEntryName(phonebook: string, name: string): Promise<void> {
    const entries = await this.listEntries(phonebook);
    const problem = validateEntryName(
      name,
      entries.map((e) => e.name),
    );
    if (problem) throw new RasError(problem.code, problem.message);
  }

  async getCredentials(phonebook: string, name: string): Promise<SavedCredentials> {
    await this.getEntry(phonebook, name);
    const saved = this.credentials.get(entryKey(phonebook, name));
    return { userName: saved?.userName ?? '', domain: saved?.domain ?? '', hasPassword: !!saved?.password };
  }

  /** The saved password, for dialing only: it never leaves the backend otherwise. */
  savedPassword(phonebook: string, name: string): string {
    return this.credentials.get(entryKey(phonebook, name))?.password ?? '';
  }

  async setCredentials(phonebook: string, name: string, update: CredentialsUpdate): Promise<void> {
    await this.getEntry(phonebook, name);
    const key = entryKey(phonebook, name);
    const previous = this.credentials.get(key);
    const password = update.password === undefined ? (previous?.password ?? null) : update.password || null;
    this.credentials.set(key, { userName: update.userName, domain: update.domain, password });
  }

  private moveCredentials(phonebook: string, oldName: string, newName: string): void {
    const saved = this.credentials.get(entryKey(phonebook, oldName));
    if (!saved) return;
    this.credentials.delete(entryKey(phonebook, oldName));
    this.credentials.set(entryKey(phonebook, newName), saved);
  }
}

/** One key per entry: phonebook path plus the name, compared without case as RAS does. */
export function entryKey(phonebook: string, name: string): string {
  return `${phonebook}\u0000${name.toLowerCase()}`;
}

