// Hang-ups a person asked for, told across processes. `ras-connect /DISCONNECT` in a shell
// hangs up a link the window watches; to the window that looks like any link going down, so it
// would record a drop and a kept entry would be redialed against the person's wish. Before a
// person's hang-up the program doing it appends a note (entry, phonebook, time) to
// hang-ups.jsonl in the data folder the window and ras-connect share; a program that sees one
// of its links go down soon after a note for that entry takes it as the person's hang-up.

import { appendFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { withFileLock } from '../fs/file-lock';

/** A note counts for a link that goes down this soon after it (the hang-up and the release). */
export const NOTE_VALID_MS = 60_000;
/** Past this size the file is cut to the notes still valid. */
const TRIM_BYTES = 64 * 1024;

export interface EntryKey {
  phonebook: string;
  name: string;
}

export interface HangUpNotes {
  /** Notes that the person is hanging this entry's link up now. */
  note(key: EntryKey, at: number): Promise<void>;
  /**
   * Whether a person's hang-up of this entry's link that was up since `since` was noted in
   * [max(since, at − NOTE_VALID_MS), at]: a note from before the link came up was for another.
   */
  noted(key: EntryKey, since: number, at: number): Promise<boolean>;
}

interface Note {
  phonebook: string;
  name: string;
  at: number;
}

const same = (a: EntryKey, b: EntryKey): boolean =>
  a.phonebook === b.phonebook && a.name.toLowerCase() === b.name.toLowerCase();

function parse(text: string): Note[] {
  const notes: Note[] = [];
  for (const line of text.split('\n')) {
    try {
      const n = JSON.parse(line) as Partial<Note>;
      if (typeof n.phonebook === 'string' && typeof n.name === 'string' && typeof n.at === 'number')
        notes.push({ phonebook: n.phonebook, name: n.name, at: n.at });
    } catch {
      // A torn or foreign line says nothing.
    }
  }
  return notes;
}

export class FileHangUpNotes implements HangUpNotes {
  readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'hang-ups.jsonl');
  }

  async note(key: EntryKey, at: number): Promise<void> {
    const line = JSON.stringify({ phonebook: key.phonebook, name: key.name, at }) + '\n';
    await appendFile(this.file, line, 'utf8');
    const size = await stat(this.file).then((s) => s.size);
    if (size > TRIM_BYTES)
      await withFileLock(this.file, async () => {
        const kept = (await this.read()).filter((n) => n.at >= at - NOTE_VALID_MS);
        await writeFileAtomic(
          this.file,
          Buffer.from(kept.map((n) => JSON.stringify(n) + '\n').join(''), 'utf8'),
        );
      });
  }

  async noted(key: EntryKey, since: number, at: number): Promise<boolean> {
    const notes = await this.read();
    const from = Math.max(since, at - NOTE_VALID_MS);
    return notes.some((n) => same(n, key) && n.at <= at && n.at >= from);
  }

  private async read(): Promise<Note[]> {
    try {
      return parse(await readFile(this.file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
