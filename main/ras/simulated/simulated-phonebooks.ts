// The phonebook side of the simulated server: entries in pbk files (read fresh for every
// call, as RAS does), changed with atomic read-modify-write cycles, and saved credentials.
// User names and domains persist in a JSON file when one is given; a password persists only
// sealed by the system's key store (a SecretStore), and is refused where there is none.

import {
  applyEntry,
  newSection,
  primaryDestination,
  sectionToEntry,
  type RasEntry,
} from '../../../app/phonebook/entry';
import { validateEntryName } from '../../../app/phonebook/entry-name';
import {
  appendSection,
  documentEol,
  findSectionIndex,
  removeSection,
  replaceSection,
  sectionHeader,
} from '../../../app/phonebook/pbk-codec';
import { messageRef } from '../../../app/ras/app-messages';
import { AppError, RasError, RasErrorCode as E } from '../../../app/ras/errors';
import type { ChangeOptions, CredentialsUpdate, EntrySummary, SavedCredentials } from '../backend';
import { currentRevision } from '../../fs/revision';
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../../fs/atomic-write';
import { withFileLock } from '../../fs/file-lock';
import type { SecretStore } from '../../secrets/secret-store';
import { PbkFileLock, readPbkFile, writePbkFile, type LoadedPbk } from './pbk-file';
import type { PbkCharset } from '../pbk-charset';
import { entryKey } from './connection-service';
import type { PbkSection } from '../../../app/phonebook/pbk-codec';
import { readSections, writeSections, type WriteSectionsOptions } from '../pbk-sections';

interface StoredCredentials {
  userName: string;
  domain: string;
  /** The password sealed by the SecretStore; never the password itself. */
  sealed: string | null;
  /** The L2TP/IKEv2 pre-shared key, sealed the same way. */
  sealedPsk: string | null;
}

/** One entry's credentials as the file keeps them (sealed secrets only). */
interface SavedCredentialsJson {
  userName: string;
  domain: string;
  sealed?: string;
  sealedPsk?: string;
}

export class SimulatedPhonebooks {
  private readonly lock = new PbkFileLock();
  private readonly credentials = new Map<string, StoredCredentials>();
  private loaded: Promise<void> | null = null;
  /** The credentials file's writes, one at a time. */
  private credentialsWrites: Promise<unknown> = Promise.resolve();

  /**
   * `activeEntries` names the entries with a live connection (phonebook + lower-cased name);
   * `credentialsFile`, when given, keeps saved user names and domains across runs, and
   * passwords sealed by `secrets`.
   */
  constructor(
    private readonly activeEntries: () => Promise<Set<string>>,
    private readonly credentialsFile?: string,
    private readonly secrets?: SecretStore,
    /** How a file that is not UTF-8 is read (default: the system's code page, or detected). */
    private readonly charset?: PbkCharset,
  ) {}

  private loadCredentials(): Promise<void> {
    this.loaded ??= this.readCredentials().catch((error: unknown) => {
      // Read again next time: the file may have been repaired meanwhile.
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  /**
   * Reads the credentials file. A damaged one is refused with an error naming it, never taken
   * for an empty one: the next save would replace every saved credential with nothing.
   */
  private async readCredentials(): Promise<void> {
    const file = this.credentialsFile;
    if (!file) return;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new AppError(
        'PHONEBOOK_INVALID',
        messageRef('sim.credentialsUnreadable', {
          file,
          reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        }),
      );
    }
    let saved: unknown;
    try {
      saved = JSON.parse(text);
    } catch {
      throw damagedCredentials(file, 'sim.notJson');
    }
    if (typeof saved !== 'object' || saved === null || Array.isArray(saved))
      throw damagedCredentials(file, 'sim.notObject');
    this.credentials.clear();
    for (const [key, value] of Object.entries(
      saved as Record<
        string,
        { userName?: unknown; domain?: unknown; sealed?: unknown; sealedPsk?: unknown } | null
      >,
    ))
      if (typeof value?.userName === 'string' && typeof value.domain === 'string')
        this.credentials.set(key, {
          userName: value.userName,
          domain: value.domain,
          sealed: typeof value.sealed === 'string' ? value.sealed : null,
          sealedPsk: typeof value.sealedPsk === 'string' ? value.sealedPsk : null,
        });
  }

  /**
   * Writes the credentials as they are now: one write at a time in this process (each writes
   * the latest state, so the last to finish has every change), under the file's lock against
   * other processes, through a temp file of its own.
   */
  private saveCredentials(): Promise<void> {
    const file = this.credentialsFile;
    if (!file) return Promise.resolve();
    const write = () =>
      withFileLock(file, () =>
        writeFileAtomic(
          file,
          new TextEncoder().encode(JSON.stringify(this.credentialsJson(), null, 2)),
        ),
      );
    const next = this.credentialsWrites.then(write, write);
    this.credentialsWrites = next.catch(() => undefined);
    return next;
  }

  private credentialsJson(): Record<string, SavedCredentialsJson> {
    const out: Record<string, SavedCredentialsJson> = {};
    for (const [key, c] of this.credentials)
      out[key] = {
        userName: c.userName,
        domain: c.domain,
        ...(c.sealed ? { sealed: c.sealed } : {}),
        ...(c.sealedPsk ? { sealedPsk: c.sealedPsk } : {}),
      };
    return out;
  }

  async listEntries(phonebook: string): Promise<EntrySummary[]> {
    const { document } = await readPbkFile(phonebook, { missingOk: true, charset: this.charset });
    return document.sections.map((s) => ({ name: s.name, phonebook, ...summaryOf(s) }));
  }

  async getEntry(phonebook: string, name: string): Promise<RasEntry> {
    return sectionToEntry(await this.getSection(phonebook, name));
  }

  /** The entry's section as the file holds it (the keys the model does not read, too). */
  async getSection(phonebook: string, name: string): Promise<PbkSection> {
    const { document } = await readPbkFile(phonebook, { charset: this.charset });
    const index = findSectionIndex(document, name);
    if (index < 0) throw new RasError(E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, `("${name}")`);
    return document.sections[index]!;
  }

  private change(
    phonebook: string,
    edit: (loaded: LoadedPbk) => LoadedPbk,
    options: ChangeOptions = {},
  ): Promise<void> {
    return this.lock.run(phonebook, async () => {
      const loaded = await readPbkFile(phonebook, { missingOk: true, charset: this.charset });
      if (options.expectedRevision !== undefined && options.expectedRevision !== loaded.revision)
        throw new AppError(
          'PHONEBOOK_CHANGED',
          messageRef('phonebook.changed', { file: phonebook }),
        );
      await writePbkFile(phonebook, edit(loaded));
    });
  }

  revision(phonebook: string): Promise<string> {
    return currentRevision(phonebook);
  }

  setEntry(phonebook: string, entry: RasEntry, options: ChangeOptions = {}): Promise<void> {
    return this.change(
      phonebook,
      (loaded) => {
        const doc = loaded.document;
        const eol = documentEol(doc);
        const index = findSectionIndex(doc, entry.name);
        // Only a new entry's name is judged, as RasSetEntryProperties does.
        const problem = index < 0 ? validateEntryName(entry.name) : null;
        if (problem) throw new RasError(problem.code, problem.message);
        const document =
          index < 0
            ? appendSection(doc, newSection(entry, eol))
            : replaceSection(doc, index, applyEntry(doc.sections[index]!, entry, eol));
        return { ...loaded, document };
      },
      options,
    );
  }

  readSections(phonebook: string, names: string[] | null): Promise<PbkSection[]> {
    return readSections(phonebook, names, this.charset);
  }

  writeSections(
    phonebook: string,
    sections: readonly PbkSection[],
    options: WriteSectionsOptions = {},
  ): Promise<void> {
    return writeSections(phonebook, this.lock, sections, options, this.charset);
  }

  async renameEntry(
    phonebook: string,
    oldName: string,
    newName: string,
    options: ChangeOptions = {},
  ): Promise<void> {
    await this.loadCredentials();
    await this.change(
      phonebook,
      (loaded) => {
        const doc = loaded.document;
        const index = findSectionIndex(doc, oldName);
        if (index < 0) throw new RasError(E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, `("${oldName}")`);
        const others = doc.sections.filter((_, i) => i !== index).map((s) => s.name);
        const problem = validateEntryName(newName, others);
        if (problem) throw new RasError(problem.code, problem.message);
        const section = doc.sections[index]!;
        const renamed = {
          ...section,
          name: newName,
          header: sectionHeader(newName, section.header.eol),
        };
        this.moveCredentials(phonebook, oldName, newName);
        return { ...loaded, document: replaceSection(doc, index, renamed) };
      },
      options,
    );
    await this.saveCredentials();
  }

  async deleteEntry(phonebook: string, name: string, options: ChangeOptions = {}): Promise<void> {
    if ((await this.activeEntries()).has(entryKey(phonebook, name)))
      throw new RasError(E.ERROR_CANNOT_DELETE);
    await this.loadCredentials();
    await this.change(
      phonebook,
      (loaded) => {
        const index = findSectionIndex(loaded.document, name);
        if (index < 0) throw new RasError(E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, `("${name}")`);
        this.credentials.delete(entryKey(phonebook, name));
        return { ...loaded, document: removeSection(loaded.document, index) };
      },
      options,
    );
    await this.saveCredentials();
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
    await this.loadCredentials();
    const saved = this.credentials.get(entryKey(phonebook, name));
    return {
      userName: saved?.userName ?? '',
      domain: saved?.domain ?? '',
      hasPassword: !!saved?.sealed,
      hasPreSharedKey: !!saved?.sealedPsk,
    };
  }

  /** The saved password, for dialing only: it never leaves the backend otherwise. */
  savedPassword(phonebook: string, name: string): string {
    const sealed = this.credentials.get(entryKey(phonebook, name))?.sealed;
    if (!sealed || !this.secrets) return '';
    try {
      return this.secrets.open(sealed);
    } catch {
      // A password sealed for another user or machine cannot be opened: dial without it.
      return '';
    }
  }

  async setCredentials(phonebook: string, name: string, update: CredentialsUpdate): Promise<void> {
    await this.getEntry(phonebook, name);
    await this.loadCredentials();
    const key = entryKey(phonebook, name);
    const previous = this.credentials.get(key);
    if ((update.password || update.preSharedKey) && !this.secrets)
      throw new AppError('UNSUPPORTED', messageRef('sim.noKeyStore'));
    const seal = (value: string | undefined, kept: string | null | undefined): string | null =>
      value === undefined ? (kept ?? null) : value ? this.secrets!.seal(value) : null;
    this.credentials.set(key, {
      userName: update.userName,
      domain: update.domain,
      sealed: seal(update.password, previous?.sealed),
      sealedPsk: seal(update.preSharedKey, previous?.sealedPsk),
    });
    await this.saveCredentials();
  }

  private moveCredentials(phonebook: string, oldName: string, newName: string): void {
    const saved = this.credentials.get(entryKey(phonebook, oldName));
    if (!saved) return;
    this.credentials.delete(entryKey(phonebook, oldName));
    this.credentials.set(entryKey(phonebook, newName), saved);
  }
}

// An entry's type and destination by its section: sections are never changed in place (a
// change makes a new one), and the parsed document of a file is cached by its bytes, so
// listing a large phonebook again, or after one entry was saved, reads only what changed.
// Reading every entry whole was most of the time a 10,000-entry list took (issue 14).
const summaries = new WeakMap<PbkSection, Pick<EntrySummary, 'type' | 'destination'>>();

function summaryOf(section: PbkSection): Pick<EntrySummary, 'type' | 'destination'> {
  let summary = summaries.get(section);
  if (!summary) {
    const entry = sectionToEntry(section);
    summary = { type: entry.type, destination: primaryDestination(entry) };
    summaries.set(section, summary);
  }
  return summary;
}

function damagedCredentials(file: string, detail: 'sim.notJson' | 'sim.notObject'): AppError {
  return new AppError('PHONEBOOK_INVALID', messageRef('sim.credentialsDamaged', { file, detail }));
}
