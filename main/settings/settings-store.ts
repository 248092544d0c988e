// The app's settings in the data folder (settings.json): validated when read, written
// atomically, announced to subscribers when they change.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultSettings, settingsSchema, type Settings } from '../../app/ipc/contract';
import { writeFileAtomic } from '../fs/atomic-write';

export class SettingsStore {
  private current: Settings = defaultSettings;
  private readonly listeners = new Set<(settings: Settings) => void>();
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  /** Reads the file; a missing or invalid one leaves the defaults (and is rewritten on the next change). */
  async load(log: (message: string) => void = () => undefined): Promise<Settings> {
    try {
      const parsed = settingsSchema
        .partial()
        .safeParse(JSON.parse(await fs.readFile(this.file, 'utf8')));
      if (parsed.success) this.current = { ...defaultSettings, ...parsed.data };
      else
        log(`settings.json is not valid (${parsed.error.issues[0]?.message}); using the defaults`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log(`settings.json could not be read: ${(error as Error).message}`);
    }
    return this.current;
  }

  get(): Settings {
    return this.current;
  }

  /**
   * Changes made one after another, each on top of the last: two changes in flight at once
   * (theme, then language, from a quick hand) must not write over each other.
   */
  set(change: Partial<Settings>): Promise<Settings> {
    const done = this.queue.then(() => this.apply(change));
    this.queue = done.catch(() => undefined);
    return done;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async apply(change: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.current, ...change });
    await writeFileAtomic(
      this.file,
      new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`),
    );
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  subscribe(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
