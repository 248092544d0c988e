// Phonebook management over the backend: list, get, create, update, rename, copy, delete,
// import from and export to .pbk files, and check a file. Rules: an entry is validated
// before anything is written; a connected entry is neither renamed nor deleted; a change
// made against an older revision of the file is refused; every change is announced.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  otherSettings,
  primaryDestination,
  sectionToEntry,
  type RasEntry,
} from '../../app/phonebook/entry';
import { copySection } from '../../app/phonebook/entry-copy';
import { entryToCreateLine, sectionToPowerShell } from '../../app/provisioning/vpn-powershell';
import { copyName, validateEntry, type FieldProblem } from '../../app/phonebook/entry-rules';
import { validateEntryName } from '../../app/phonebook/entry-name';
import { encodePbk, type PbkEncoding } from '../../app/phonebook/pbk-encoding';
import { defaultPbkCharset, type EncodingSource, type PbkCharset } from '../ras/pbk-charset';
import {
  parsePbk,
  writePbk,
  type PbkDocument,
  type PbkProblem,
} from '../../app/phonebook/pbk-codec';
import { AppError, RasError, RasErrorCode } from '../../app/ras/errors';
import { messageRef, type MessageRef } from '../../app/ras/app-messages';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeFileError, notRegular, readFileLimited } from '../fs/read-file-limited';
import type { CredentialsUpdate, EntrySummary, RasBackend, SavedCredentials } from '../ras/backend';
import type { SessionManager } from '../sessions/session-manager';

export class EntryInvalidError extends AppError {
  readonly problems: FieldProblem[];
  /** `entry` names the entry of an import, whose problems name it already. */
  constructor(problems: FieldProblem[], entry?: string) {
    const fields = problems.map((p) => p.field).join(', ');
    super(
      'INVALID_INPUT',
      problems.map((p) => `${p.field}: ${p.message}`).join(' '),
      entry === undefined
        ? messageRef('phonebook.entryInvalid', { count: problems.length, fields })
        : messageRef('phonebook.importInvalid', { entry, count: problems.length, fields }),
    );
    this.problems = problems;
  }
}

export interface EntryDetails {
  entry: RasEntry;
  credentials: SavedCredentials;
  /** The phonebook file's revision when the entry was read: pass it back with a change. */
  revision: string;
  /** The entry's keys the model does not edit, kept as they are (shown read-only). */
  otherSettings: { key: string; value: string }[];
}

export type ClashPolicy = 'rename' | 'replace' | 'skip';

export interface ExportOptions {
  /** Replace a file that exists (a regular file only); otherwise it is refused (FILE_EXISTS). */
  overwrite?: boolean;
  /**
   * Files never written over, besides the phonebook in use and the one exported from: the
   * phonebooks open in the window, the settings file.
   */
  protectedFiles?: Iterable<string>;
  /**
   * pbk (default): the entries' sections, every line kept. powershell: the VpnClient commands
   * that recreate each (VPN) entry on another machine (app/provisioning/vpn-powershell.ts).
   */
  as?: 'pbk' | 'powershell';
}

/** How many of a malformed file's problems one message lists. */
const PROBLEMS_SHOWN = 3;

/** The problems of a malformed file as one short message: the first few, and how many more. */
function problemsMessage(file: string, problems: readonly PbkProblem[]): string {
  const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `line ${p.line}: ${p.message}`);
  const more = problems.length - shown.length;
  return `${file}: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}

/** The same as data: the first problem with its line, and how many more there are. */
function problemsText(file: string, problems: readonly PbkProblem[]): MessageRef {
  const [first] = problems;
  const more = problems.length - 1;
  const params = {
    file,
    line: first?.line ?? 0,
    problem: first?.key ?? '',
    more,
    ...first?.params,
  };
  return messageRef(more > 0 ? 'phonebook.malformedMore' : 'phonebook.malformed', params);
}

/** The entry names, lower-cased, each with its own spelling: a clash is one look-up. */
function nameIndex(names: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const name of names) index.set(name.toLowerCase(), name);
  return index;
}

/** The other name `name` clashes with, as the one-element list validateEntry looks through. */
function clashing(index: ReadonlyMap<string, string>, name: string): string[] {
  const other = index.get(name.toLowerCase());
  return other === undefined ? [] : [other];
}

/** copyName's answer, looking up its candidates instead of passing every name. */
function freeCopyName(name: string, index: ReadonlyMap<string, string>): string {
  const present: string[] = [];
  for (;;) {
    const candidate = copyName(name, present);
    if (!index.has(candidate.toLowerCase())) return candidate;
    present.push(candidate);
  }
}

function isPhonebookChanged(error: unknown): boolean {
  return error instanceof AppError && error.code === 'PHONEBOOK_CHANGED';
}

/** How many times a save without a revision is tried again after another change got in first. */
const SAVE_ATTEMPTS = 5;

export interface ImportResult {
  imported: { from: string; as: string }[];
  skipped: string[];
}

export interface CheckResult {
  problems: PbkProblem[];
  entries: number;
  /** How the file was read: UTF-8, or a code page named, set, the system's or detected. */
  encoding: PbkEncoding;
  encodingSource: EncodingSource;
}

/** An entry renamed (`to` its new name) or deleted (`to` null) through the service. */
export interface EntryMove {
  phonebook: string;
  from: string;
  to: string | null;
}

export class PhonebookService {
  private readonly listeners = new Set<(phonebook: string) => void>();
  private readonly moveListeners = new Set<(move: EntryMove) => void>();

  constructor(
    private readonly backend: RasBackend,
    private readonly manager: SessionManager | null,
    /** How a file that is not UTF-8 is read (import, check). */
    private readonly charset: PbkCharset = defaultPbkCharset,
  ) {}

  private book(phonebook: string | undefined): string {
    return phonebook ?? this.backend.defaultPhonebook;
  }

  /** Told of every change: the window and the tray update from it. */
  onChanged(listener: (phonebook: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told of each rename and delete: settings that name entries (favourites) follow them. */
  onEntryMoved(listener: (move: EntryMove) => void): () => void {
    this.moveListeners.add(listener);
    return () => this.moveListeners.delete(listener);
  }

  private moved(move: EntryMove): void {
    for (const listener of this.moveListeners) listener(move);
  }

  /** Tells the listeners that a phonebook changed outside the service (opened, closed, edited elsewhere). */
  announce(phonebook: string): void {
    this.changed(phonebook);
  }

  private changed(phonebook: string): void {
    for (const listener of this.listeners) listener(phonebook);
  }

  list(phonebook?: string): Promise<EntrySummary[]> {
    return this.backend.listEntries(this.book(phonebook));
  }

  async get(phonebook: string | undefined, name: string): Promise<EntryDetails> {
    const book = this.book(phonebook);
    const revision = await this.backend.phonebookRevision(book);
    const [entry, credentials, others] = await Promise.all([
      this.backend.getEntry(book, name),
      this.backend.getCredentials(book, name),
      this.otherSettings(book, name),
    ]);
    return { entry, credentials, revision, otherSettings: others };
  }

  private async otherSettings(book: string, name: string): Promise<EntryDetails['otherSettings']> {
    try {
      const [section] = await this.backend.readSections(book, [name]);
      return section ? otherSettings(section) : [];
    } catch (error) {
      // A phonebook RAS keeps where no file is (the Win32 test double) has no lines to show.
      if (error instanceof RasError && error.code === RasErrorCode.ERROR_CANNOT_OPEN_PHONEBOOK)
        return [];
      throw error;
    }
  }

  private async otherNames(phonebook: string, except?: string): Promise<string[]> {
    const names = (await this.backend.listEntries(phonebook)).map((e) => e.name);
    return except === undefined
      ? names
      : names.filter((n) => n.toLowerCase() !== except.toLowerCase());
  }

  private refuseIfActive(
    phonebook: string,
    name: string,
    verb: 'rename' | 'delete' | 'replace',
  ): void {
    const folded = name.toLowerCase();
    const active = this.manager
      ?.list()
      .find(
        (c) =>
          c.phonebook === phonebook &&
          c.entryName.toLowerCase() === folded &&
          c.status !== 'disconnected',
      );
    if (active)
      throw new AppError(
        'ALREADY_ACTIVE',
        messageRef('phonebook.connectedBefore', {
          entry: active.entryName,
          action: `verb.${verb}`,
        }),
      );
  }

  async create(phonebook: string | undefined, entry: RasEntry, revision?: string): Promise<void> {
    const book = this.book(phonebook);
    const problems = validateEntry(entry, await this.otherNames(book));
    if (problems.length > 0) throw new EntryInvalidError(problems);
    await this.backend.setEntry(book, entry, { expectedRevision: revision });
    this.changed(book);
  }

  /** Saves an edited entry; a new name renames it first (refused while it is connected). */
  async update(
    phonebook: string | undefined,
    originalName: string,
    entry: RasEntry,
    revision?: string,
  ): Promise<void> {
    const book = this.book(phonebook);
    // Only a new name can clash with another entry; an unchanged one skips listing them all.
    const renamed = entry.name.toLowerCase() !== originalName.toLowerCase();
    const stored = await this.backend.getEntry(book, originalName);
    // A name the entry already has is not judged again: a phonebook may hold names Windows
    // would not give a new entry, and such an entry must still be editable.
    const problems = validateEntry(
      entry,
      renamed ? await this.otherNames(book, originalName) : [],
      {
        destinationRequired: primaryDestination(stored).trim() !== '',
      },
    ).filter((p) => p.field !== 'name' || entry.name !== stored.name);
    if (problems.length > 0) throw new EntryInvalidError(problems);
    if (entry.name !== originalName) {
      this.refuseIfActive(book, originalName, 'rename');
      await this.backend.renameEntry(book, originalName, entry.name, {
        expectedRevision: revision,
      });
      this.moved({ phonebook: book, from: originalName, to: entry.name });
      await this.saveExisting(book, entry);
    } else if (revision !== undefined) {
      // The file is as the caller read it, entry included, or nothing is written.
      await this.backend.setEntry(book, entry, { expectedRevision: revision });
    } else {
      await this.saveExisting(book, entry);
    }
    this.changed(book);
  }

  /**
   * Saves an entry that must still exist: setEntry alone would create it again after a delete.
   * The entry is looked up (623 when it is gone) in the revision the save then expects.
   */
  private async saveExisting(book: string, entry: RasEntry): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const revision = await this.backend.phonebookRevision(book);
      await this.backend.getEntry(book, entry.name);
      try {
        await this.backend.setEntry(book, entry, { expectedRevision: revision });
        return;
      } catch (error) {
        if (!isPhonebookChanged(error) || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }

  async rename(
    phonebook: string | undefined,
    oldName: string,
    newName: string,
    revision?: string,
  ): Promise<void> {
    const book = this.book(phonebook);
    const problem = validateEntryName(newName, await this.otherNames(book, oldName));
    if (problem)
      throw new EntryInvalidError([
        {
          field: 'name',
          rule: problem.code === 183 ? 'name-taken' : 'name-invalid',
          message: problem.message,
        },
      ]);
    this.refuseIfActive(book, oldName, 'rename');
    await this.backend.renameEntry(book, oldName, newName, { expectedRevision: revision });
    this.moved({ phonebook: book, from: oldName, to: newName });
    this.changed(book);
  }

  /** A copy of every line of the entry, as "Copy of NAME" with an identity of its own. */
  async copy(phonebook: string | undefined, name: string): Promise<string> {
    const book = this.book(phonebook);
    const [section] = await this.backend.readSections(book, [name]);
    const copy = copySection(section!, copyName(section!.name, await this.otherNames(book)), {
      freshIdentity: true,
    });
    await this.backend.writeSections(book, [copy]);
    this.changed(book);
    return copy.name;
  }

  async delete(phonebook: string | undefined, name: string, revision?: string): Promise<void> {
    const book = this.book(phonebook);
    this.refuseIfActive(book, name, 'delete');
    await this.backend.deleteEntry(book, name, { expectedRevision: revision });
    this.moved({ phonebook: book, from: name, to: null });
    this.changed(book);
  }

  /** Saves the user name, domain and (sealed, or by RAS) the password of an entry. */
  async setCredentials(
    phonebook: string | undefined,
    name: string,
    update: CredentialsUpdate,
  ): Promise<void> {
    const book = this.book(phonebook);
    await this.backend.setCredentials(book, name, update);
    this.changed(book);
  }

  /** Reads a .pbk file for import or checking; a malformed one is refused with its line numbers. */
  async readFile(file: string): Promise<PbkDocument> {
    const parsed = parsePbk((await this.charset.decode(await readFileLimited(file))).text);
    if (!parsed.ok)
      throw new AppError(
        'PHONEBOOK_INVALID',
        problemsMessage(file, parsed.problems),
        problemsText(file, parsed.problems),
      );
    return parsed.document;
  }

  /**
   * Imports the chosen entries of a .pbk file (all when none are named), every line as the
   * file has it, in one write. An entry imported under a new name gets its own identity.
   */
  async import(
    phonebook: string | undefined,
    file: string,
    names: string[] | null,
    clash: ClashPolicy,
  ): Promise<ImportResult> {
    const book = this.book(phonebook);
    const doc = await this.readFile(file);
    const wanted = names === null ? null : new Set(names.map((n) => n.toLowerCase()));
    const taken = nameIndex(await this.otherNames(book));
    const result: ImportResult = { imported: [], skipped: [] };
    const sections = [];
    for (const section of doc.sections) {
      if (wanted && !wanted.has(section.name.toLowerCase())) continue;
      const exists = taken.has(section.name.toLowerCase());
      if (exists && clash === 'skip') {
        result.skipped.push(section.name);
        continue;
      }
      const name = exists && clash === 'rename' ? freeCopyName(section.name, taken) : section.name;
      if (exists && clash === 'replace') this.refuseIfActive(book, name, 'replace');
      // The entry it replaces (the same name) is no clash; any other of that name is.
      const problems = validateEntry({ ...sectionToEntry(section), name }, [], {
        destinationRequired: false,
      });
      if (problems.length > 0)
        throw new EntryInvalidError(
          problems.map((p) => ({ ...p, message: `${section.name}: ${p.message}` })),
          section.name,
        );
      sections.push(copySection(section, name, { freshIdentity: name !== section.name }));
      taken.set(name.toLowerCase(), name);
      result.imported.push({ from: section.name, as: name });
    }
    if (sections.length > 0) {
      await this.backend.writeSections(book, sections, { replace: clash === 'replace' });
      this.changed(book);
    }
    return result;
  }

  /**
   * Writes the chosen entries, every line as the phonebook has it, to a .pbk file (atomically).
   * Refuses a phonebook in use, anything but a regular file, and an existing file unless
   * `overwrite` says it may be replaced.
   */
  async export(
    phonebook: string | undefined,
    names: string[],
    file: string,
    options: ExportOptions = {},
  ): Promise<number> {
    const book = this.book(phonebook);
    const sections = (await this.backend.readSections(book, names)).map((s) => ({
      ...s,
      lineNumber: 0,
    }));
    await this.refuseExportTarget(
      file,
      [this.backend.defaultPhonebook, book, ...(options.protectedFiles ?? [])],
      options.overwrite === true,
    );
    // A PowerShell script is written with a BOM: Windows PowerShell 5 reads a file without one
    // in the ANSI code page, and entry names may be in any language.
    const bytes =
      options.as === 'powershell'
        ? Buffer.from('\uFEFF' + sections.map((s) => sectionToPowerShell(s)).join('\r\n'), 'utf8')
        : encodePbk(writePbk({ bom: false, preamble: [], sections }), 'utf-8');
    try {
      await writeFileAtomic(file, bytes);
    } catch (error) {
      throw describeFileError(file, error) ?? error;
    }
    return sections.length;
  }

  /** The PowerShell that recreates a VPN entry, from its section as the phonebook holds it. */
  async powerShell(
    phonebook: string | undefined,
    name: string,
  ): Promise<{ script: string; createLine: string }> {
    const [section] = await this.backend.readSections(this.book(phonebook), [name]);
    if (!section) throw new RasError(RasErrorCode.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    return {
      script: sectionToPowerShell(section),
      createLine: entryToCreateLine(sectionToEntry(section)),
    };
  }

  private async refuseExportTarget(
    file: string,
    protectedFiles: readonly string[],
    overwrite: boolean,
  ): Promise<void> {
    const open = (): AppError =>
      new AppError('INVALID_INPUT', messageRef('phonebook.exportOpen', { file }));
    const resolved = path.resolve(file);
    const same = (a: string, b: string): boolean =>
      process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
    if (protectedFiles.some((p) => same(path.resolve(p), resolved))) throw open();
    let stats;
    try {
      stats = await fs.lstat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw describeFileError(file, error) ?? error;
    }
    if (stats.isSymbolicLink()) {
      // A link that never reaches a file says so; any other is not written through.
      await fs.stat(file).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ELOOP')
          throw describeFileError(file, error)!;
      });
    }
    const refused = notRegular(file, stats);
    if (refused) throw refused;
    // The same file under another name (a hard link, another spelling of the path).
    for (const p of protectedFiles) {
      const other = await fs.stat(p).catch(() => null);
      if (other && other.dev === stats.dev && other.ino === stats.ino) throw open();
    }
    if (!overwrite)
      throw new AppError('FILE_EXISTS', messageRef('phonebook.exportExists', { file }));
  }

  /** Every problem of a .pbk file with its line number: syntax, names, and each entry's rules. */
  async check(file: string): Promise<CheckResult> {
    const decoded = await this.charset.decode(await readFileLimited(file));
    const { encoding, source: encodingSource } = decoded;
    const parsed = parsePbk(decoded.text);
    // The CLI prints these: line and words only, as before messages had keys.
    if (!parsed.ok)
      return {
        problems: parsed.problems.map(({ line, message }) => ({ line, message })),
        entries: 0,
        encoding,
        encodingSource,
      };
    const problems: PbkProblem[] = [];
    // The first entry of each name: a later one of the same name clashes with it.
    const seen = new Map<string, string>();
    for (const section of parsed.document.sections) {
      const entry = sectionToEntry(section);
      for (const p of validateEntry(entry, clashing(seen, section.name), {
        destinationRequired: false,
      }))
        problems.push({
          line: section.lineNumber,
          message: `[${section.name}] ${p.field}: ${p.message}`,
        });
      const folded = section.name.toLowerCase();
      if (!seen.has(folded)) seen.set(folded, section.name);
    }
    return { problems, entries: parsed.document.sections.length, encoding, encodingSource };
  }
}
