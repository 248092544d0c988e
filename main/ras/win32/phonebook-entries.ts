// Entries through rasapi32 (DotRas: RasPhoneBook): list, read, write, rename, delete and
// validate, each in the phonebook that holds the entry. Windows keeps two books a person
// sees: the user's and the All-Users one (%ProgramData%); the default listing shows both, as
// rasphone does, and an entry named without a book is found in the user's, then All-Users'.

import { AppError, RasError, RasErrorCode as E } from '../../../app/ras/errors';
import type { RasEntry } from '../../../app/phonebook/entry';
import type { PbkSection } from '../../../app/phonebook/pbk-codec';
import { currentRevision } from '../../fs/revision';
import type { ChangeOptions, EntrySummary } from '../backend';
import type { PbkCharset } from '../pbk-charset';
import { readSections, writeSections, type WriteSectionsOptions } from '../pbk-sections';
import { PbkFileLock } from '../simulated/pbk-file';
import { enumerate } from './enumerate';
import {
  encodeAlternates,
  fromRasEntry,
  readAlternates,
  toRasEntry,
  type RawEntry,
} from './entry-properties';
import type { RasApi32 } from './rasapi32';
import { versionSizes } from './struct-layout';

const ERROR_ACCESS_DENIED = 5;
const ARCH = process.arch === 'ia32' ? 'ia32' : 'x64';
/** RASENTRYNAME.dwFlags: the entry is in the All-Users phonebook. */
const REN_AllUsers = 0x1;

export interface Books {
  /** The user's phonebook: new entries go here. */
  user: string;
  /** The All-Users phonebook (%ProgramData%\Microsoft\Network\Connections\Pbk\rasphone.pbk). */
  allUsers: string | null;
}

export class Win32Entries {
  /** Serializes this process's whole-entry writes to a phonebook file (copy, import). */
  private readonly sectionLock = new PbkFileLock();
  /** The RASENTRYW size this Windows took (the newest it knows), once known. */
  private entrySize: number | null = null;

  constructor(
    private readonly api: RasApi32,
    private readonly books: Books,
    private readonly charset: PbkCharset | undefined,
  ) {}

  /** The default books: no book named, or the user's book by its path. */
  private isDefault(phonebook: string | undefined): boolean {
    return phonebook === undefined || phonebook.toLowerCase() === this.books.user.toLowerCase();
  }

  /** The book that holds `name`: the one named, else the user's, else All-Users', else the user's. */
  async bookOf(phonebook: string | undefined, name: string): Promise<string> {
    if (!this.isDefault(phonebook)) return phonebook!;
    if (this.books.allUsers && !(await this.exists(this.books.user, name)))
      if (await this.exists(this.books.allUsers, name)) return this.books.allUsers;
    return this.books.user;
  }

  private async exists(book: string, name: string): Promise<boolean> {
    const size = [0];
    const result = await this.api.callAsync(
      'RasGetEntryPropertiesW',
      book,
      name,
      null,
      size,
      null,
      null,
    );
    return result === 0 || result === E.ERROR_BUFFER_TOO_SMALL;
  }

  async list(phonebook: string | undefined): Promise<EntrySummary[]> {
    // No book: RasEnumEntries lists the user's and All-Users' entries, each with its book.
    const all = this.isDefault(phonebook) && this.books.allUsers !== null;
    const items = await enumerate(this.api, 'RasEnumEntriesW', 'RASENTRYNAMEW', [
      null,
      all ? null : (phonebook ?? this.books.user),
    ]);
    const names = items.map((b) =>
      this.api.decode<{ szEntryName: string; dwFlags: number; szPhonebookPath: string }>(
        'RASENTRYNAMEW',
        b,
      ),
    );
    const out: EntrySummary[] = [];
    for (const n of names) {
      const book =
        n.szPhonebookPath ||
        (n.dwFlags & REN_AllUsers && this.books.allUsers
          ? this.books.allUsers
          : (phonebook ?? this.books.user));
      const entry = await this.get(book, n.szEntryName);
      out.push({
        name: n.szEntryName,
        phonebook: book,
        type: entry.type,
        destination: entry.phoneNumbers[0]?.number ?? '',
      });
    }
    return out;
  }

  /** The RASENTRYW sizes to try, newest first; once one is taken, that one. */
  private entrySizes(): number[] {
    return this.entrySize !== null ? [this.entrySize] : versionSizes('RASENTRYW', ARCH);
  }

  private async read(book: string, name: string): Promise<{ raw: RawEntry; alternates: string[] }> {
    const full = this.api.sizeOf('RASENTRYW');
    const sizes = this.entrySizes();
    for (const [i, dwSize] of sizes.entries()) {
      const size = [0];
      let result = await this.api.callAsync(
        'RasGetEntryPropertiesW',
        book,
        name,
        null,
        size,
        null,
        null,
      );
      if (result !== E.ERROR_BUFFER_TOO_SMALL && result !== 0)
        throw new RasError(result, `("${name}")`);
      const buffer = Buffer.alloc(Math.max(size[0]!, full));
      buffer.writeUInt32LE(dwSize, 0);
      size[0] = buffer.length;
      result = await this.api.callAsync(
        'RasGetEntryPropertiesW',
        book,
        name,
        buffer,
        size,
        null,
        null,
      );
      // An older Windows does not know this size: the next older one.
      if (result === E.ERROR_INVALID_SIZE && i < sizes.length - 1) continue;
      if (result !== 0) throw new RasError(result, `("${name}")`);
      this.entrySize = dwSize;
      // Past an older layout's end lie the alternates, not the newer members: those read as 0.
      const own = Buffer.alloc(full);
      buffer.copy(own, 0, 0, dwSize);
      const raw = this.api.decode<RawEntry>('RASENTRYW', own);
      return { raw, alternates: readAlternates(buffer, raw.dwAlternateOffset as number) };
    }
    throw new RasError(E.ERROR_INVALID_SIZE);
  }

  async get(phonebook: string | undefined, name: string): Promise<RasEntry> {
    const { raw, alternates } = await this.read(await this.bookOf(phonebook, name), name);
    return fromRasEntry(name, raw, alternates);
  }

  /** The default books' revision is both files', since their entries are listed as one. */
  async revision(phonebook: string | undefined): Promise<string> {
    if (!this.isDefault(phonebook) || !this.books.allUsers)
      return currentRevision(phonebook ?? this.books.user);
    return `${await currentRevision(this.books.user)}+${await currentRevision(this.books.allUsers)}`;
  }

  /** RAS writes the file itself; a change made against an older revision is refused first. */
  private async checkRevision(
    phonebook: string | undefined,
    book: string,
    options: ChangeOptions,
  ): Promise<void> {
    if (
      options.expectedRevision !== undefined &&
      options.expectedRevision !== (await this.revision(phonebook))
    )
      throw new AppError(
        'PHONEBOOK_CHANGED',
        `${book} was changed by another program; nothing was written.`,
      );
  }

  /** A write RAS refused: in the All-Users book, that is a matter of rights. */
  private refused(result: number, book: string, name: string): RasError {
    if (result === ERROR_ACCESS_DENIED && book === this.books.allUsers)
      return new RasError(
        result,
        `("${name}" is in the All-Users phonebook, ${book}: changing it needs RAS Connect run as administrator.)`,
      );
    return new RasError(result, `("${name}")`);
  }

  async set(phonebook: string | undefined, entry: RasEntry, options: ChangeOptions): Promise<void> {
    const book = await this.bookOf(phonebook, entry.name);
    await this.checkRevision(phonebook, book, options);
    let base: RawEntry;
    try {
      base = (await this.read(book, entry.name)).raw;
    } catch (error) {
      if (!(error instanceof RasError) || error.code !== E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY)
        throw error;
      // A new entry starts from Windows' defaults (an empty name gives them).
      base = (await this.read(book, '')).raw;
    }
    const { raw, alternates } = toRasEntry(base, entry);
    const tail = encodeAlternates(alternates);
    const sizes = this.entrySizes();
    for (const [i, size] of sizes.entries()) {
      // The struct at this layout's size, then the alternates right after it.
      const full = this.api.encode('RASENTRYW', {
        ...raw,
        dwSize: size,
        dwAlternateOffset: tail.length > 0 ? size : 0,
      });
      const buffer = Buffer.concat([full.subarray(0, size), tail]);
      const result = await this.api.callAsync(
        'RasSetEntryPropertiesW',
        book,
        entry.name,
        buffer,
        buffer.length,
        null,
        0,
      );
      if (result === E.ERROR_INVALID_SIZE && i < sizes.length - 1) continue;
      if (result !== 0) throw this.refused(result, book, entry.name);
      this.entrySize = size;
      return;
    }
  }

  async rename(
    phonebook: string | undefined,
    oldName: string,
    newName: string,
    options: ChangeOptions,
  ): Promise<void> {
    const book = await this.bookOf(phonebook, oldName);
    await this.checkRevision(phonebook, book, options);
    const result = await this.api.callAsync('RasRenameEntryW', book, oldName, newName);
    if (result !== 0) throw this.refused(result, book, oldName);
  }

  async delete(phonebook: string | undefined, name: string, options: ChangeOptions): Promise<void> {
    const book = await this.bookOf(phonebook, name);
    await this.checkRevision(phonebook, book, options);
    const result = await this.api.callAsync('RasDeleteEntryW', book, name);
    if (result !== 0) throw this.refused(result, book, name);
  }

  async validateName(phonebook: string | undefined, name: string): Promise<void> {
    const result = await this.api.callAsync(
      'RasValidateEntryNameW',
      phonebook ?? this.books.user,
      name,
    );
    if (result !== 0) throw new RasError(result);
  }

  // RASENTRY cannot carry every key of an entry (NRPT rules, routes, Always On keys), so whole
  // entries are copied through the phonebook file, which RAS reads anew on every call.
  readSections(phonebook: string | undefined, names: string[] | null): Promise<PbkSection[]> {
    return readSections(phonebook ?? this.books.user, names, this.charset);
  }

  writeSections(
    phonebook: string | undefined,
    sections: readonly PbkSection[],
    options: WriteSectionsOptions,
  ): Promise<void> {
    return writeSections(
      phonebook ?? this.books.user,
      this.sectionLock,
      sections,
      options,
      this.charset,
    );
  }
}
