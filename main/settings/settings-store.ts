// The app's settings in the data folder (settings.json): validated when read, written
// atomically, announced to subscribers when they change.

import { promises as fs } from 'node:fs';
import { z } from 'zod';
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

  /**
   * Reads the file, setting by setting: one that is not valid here (written by hand, or by a
   * newer version with more to it) falls back to its default alone, and the rest are kept.
   */
  async load(log: (message: string) => void = () => undefined): Promise<Settings> {
    try {
      const saved: unknown = JSON.parse(await fs.readFile(this.file, 'utf8'));
      if (typeof saved !== 'object' || saved === null || Array.isArray(saved))
        throw new Error('not an object of settings');
      const kept: Record<string, unknown> = {};
      const dropped: string[] = [];
      for (const [key, value] of Object.entries(saved)) {
        if (!Object.hasOwn(settingsSchema.shape, key)) {
          // A newer version's setting: kept in the file, untouched.
          this.foreign[key] = value;
          continue;
        }
        const schema = settingsSchema.shape[key as keyof Settings];
        // A group (notifications) keeps what it knows of a newer version's group.
        const parsed = (schema instanceof z.ZodObject ? schema.strip() : schema).safeParse(value);
        if (parsed.success) kept[key] = parsed.data;
        else dropped.push(key);
      }
      this.current = { ...defaultSettings, ...kept };
      if (dropped.length > 0)
        log(
          `settings.json: ${dropped.join(', ')} not valid here; ${dropped.length === 1 ? 'its default is' : 'their defaults are'} used`,
        );
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
    return this.enqueue(() => this.apply(change));
  }

  /**
   * A change worked out from the settings as they are when its turn comes: a list edited
   * here (an entry added to one) keeps what a change queued before it added.
   */
  update(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
    return this.enqueue(() => {
      const next = change(this.current);
      // Nothing to change: no write, and no announcement of a change.
      return Object.keys(next).length === 0 ? Promise.resolve(this.current) : this.apply(next);
    });
  }

  private enqueue(work: () => Promise<Settings>): Promise<Settings> {
    const done = this.queue.then(work);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private queue: Promise<unknown> = Promise.resolve();
  /** Settings of the file this version does not know, written back as they were. */
  private readonly foreign: Record<string, unknown> = {};

  private async apply(change: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.current, ...change });
    await writeFileAtomic(
      this.file,
      new TextEncoder().encode(`${JSON.stringify({ ...this.foreign, ...next }, null, 2)}\n`),
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
