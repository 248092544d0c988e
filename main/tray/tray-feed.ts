// Gathers what the tray draws from the core: the entries of every phonebook (listed again when
// one changes), the connections (from the session store), the bytes of connected ones, the
// recent entries. It hands a whole TrayState to `onChange`; the Electron side draws it.

import type { EntrySummary } from '../../app/ipc/contract';
import type { Core } from '../app-core';
import { listBooks } from '../phonebook/phonebook-books';
import type { EntryKey, TrayState } from './tray-model';
import { TRAY_WORDS } from './tray-words';

export interface TrayFeedOptions {
  core: Pick<Core, 'phonebooks' | 'manager' | 'backend' | 'settings'>;
  now: () => number;
  /** The window's language: 'system' resolved by the caller (Electron's locale). */
  language: () => 'en' | 'ru';
  startAtLogin: () => boolean;
  onChange: (state: TrayState) => void;
  log: (message: string) => void;
}

export class TrayFeed {
  private entries: EntrySummary[] = [];
  private traffic = new Map<string, { received: number; sent: number }>();
  private readonly unsubscribe: (() => void)[] = [];
  private listing: Promise<void> = Promise.resolve();
  private openedBooks: readonly string[];

  constructor(private readonly options: TrayFeedOptions) {
    const { core } = options;
    this.openedBooks = core.settings.get().openedPhonebooks;
    this.unsubscribe.push(
      core.manager.store.subscribe(() => this.emit()),
      core.phonebooks.onChanged(() => void this.refreshEntries()),
      // Only opening or closing a phonebook changes the entries; any other setting (language,
      // favourites, start at login) just redraws.
      core.settings.subscribe((settings) => {
        // Each saved settings object is new (parsed), so compare the paths, not the array.
        const same =
          settings.openedPhonebooks.length === this.openedBooks.length &&
          settings.openedPhonebooks.every((p, i) => p === this.openedBooks[i]);
        if (same) return this.emit();
        this.openedBooks = settings.openedPhonebooks;
        void this.refreshEntries();
      }),
    );
  }

  /** Lists every phonebook's entries again; a phonebook that cannot be read is left out. */
  refreshEntries(): Promise<void> {
    this.listing = this.listing.then(async () => {
      const { backend, settings, phonebooks } = this.options.core;
      const lists = await Promise.all(
        listBooks(backend, settings.get()).map((book) =>
          phonebooks.list(book.path).catch((error: unknown) => {
            this.options.log(`tray: ${book.path} not listed: ${(error as Error).message}`);
            return [];
          }),
        ),
      );
      this.entries = lists.flat();
      this.emit();
    });
    return this.listing;
  }

  /** Reads the bytes of connected connections for the tooltip; called once a second. */
  async refreshTraffic(): Promise<void> {
    const { manager } = this.options.core;
    const next = new Map<string, { received: number; sent: number }>();
    for (const c of manager.list())
      if (c.status === 'connected')
        try {
          const s = await manager.getStatistics(c.id);
          next.set(c.id, { received: s.bytesRcved, sent: s.bytesXmited });
        } catch {
          // Hung up between the list and the read: it simply has no bytes to show.
        }
    this.traffic = next;
    this.emit();
  }

  state(): TrayState {
    const connections = this.options.core.manager.list();
    const recent: EntryKey[] = [...connections]
      .filter((c) => c.timeline.startedAt !== null)
      .sort((a, b) => (b.timeline.startedAt ?? 0) - (a.timeline.startedAt ?? 0))
      .map((c) => ({ phonebook: c.phonebook, name: c.entryName }));
    const language = this.options.language();
    return {
      entries: this.entries,
      connections,
      traffic: this.traffic,
      favourites: this.options.core.settings.get().favourites,
      recent,
      startAtLogin: this.options.startAtLogin(),
      now: this.options.now(),
      language,
      words: TRAY_WORDS[language],
    };
  }

  emit(): void {
    this.options.onChange(this.state());
  }

  dispose(): void {
    for (const stop of this.unsubscribe) stop();
  }
}
