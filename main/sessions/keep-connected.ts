// "Keep connected": the app's own reconnect loop for the entries marked so in its settings.
// The sessions do the redialing (uncapped, with the pause keepPause gives); this engine says
// which entries are kept, holds dials back while the network is down and lets them go once
// it is usable again (also after sleep), connects the kept entries and those left up at
// start, and keeps the list of entries to connect again at the next start.

import type { ConnectionView } from '../../app/connection-view';
import type { Settings } from '../../app/ipc/contract';
import type { Cancel, Clock } from '../clock';
import type { SettingsStore } from '../settings/settings-store';
import { isRedialable } from './connection-session';
import type { KeepPolicy } from './keep-pause';
import type { SessionManager } from './session-manager';

/** How long the network must stay unchanged after a change before a dial goes out. */
export const NETWORK_SETTLE_MS = 3_000;

/** Whether the computer has a usable network, and a word when that (or the interfaces) changes. */
export interface NetworkState {
  online(): boolean;
  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
}

/** Where no one tells of the network (the CLI, browser mode, most tests): always usable. */
export const alwaysOnline: NetworkState = {
  online: () => true,
  subscribe: () => () => undefined,
};

type EntryKey = Settings['keepConnected'][number];

const sameKey = (a: EntryKey, b: EntryKey): boolean =>
  a.phonebook === b.phonebook && a.name.toLowerCase() === b.name.toLowerCase();

const keyOf = (view: ConnectionView): EntryKey => ({
  phonebook: view.phonebook,
  name: view.entryName,
});

export interface KeepConnectedOptions {
  manager: SessionManager;
  settings: Pick<SettingsStore, 'get' | 'update'>;
  network?: NetworkState;
  clock: Clock;
  log: (message: string) => void;
}

export class KeepConnected implements KeepPolicy {
  private readonly manager: SessionManager;
  private readonly settings: KeepConnectedOptions['settings'];
  private readonly network: NetworkState;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;
  private settleTimer: Cancel | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(options: KeepConnectedOptions) {
    this.manager = options.manager;
    this.settings = options.settings;
    this.network = options.network ?? alwaysOnline;
    this.clock = options.clock;
    this.log = options.log;
    options.manager.useKeepPolicy(this);
    this.stops.push(
      this.network.subscribe(() => this.networkChanged()),
      this.followConnections(),
      options.manager.onHungUp((view) => this.forget(keyOf(view))),
    );
  }

  kept(phonebook: string, entryName: string): boolean {
    const key = { phonebook, name: entryName };
    return this.settings.get().keepConnected.some((k) => sameKey(k, key));
  }

  online(): boolean {
    return this.network.online();
  }

  /**
   * The interfaces or the online state changed: once the network has stayed as it is for a
   * moment, the loops that wait dial (a new network is the likeliest moment to succeed).
   */
  networkChanged(): void {
    this.settleTimer?.();
    this.settleTimer = this.clock.setTimeout(() => {
      this.settleTimer = null;
      if (this.network.online()) this.manager.networkReturned();
    }, NETWORK_SETTLE_MS);
  }

  /** The computer woke: the loops dial once the network is usable. */
  resumed(): void {
    this.networkChanged();
  }

  /**
   * Connects the kept entries and those left up when the app last ran, each unless it is
   * connected already (found at start) or being dialed.
   */
  async connectAtStart(): Promise<void> {
    const { keepConnected, reconnectAtStart } = this.settings.get();
    const wanted: EntryKey[] = [];
    for (const key of [...keepConnected, ...reconnectAtStart])
      if (!wanted.some((k) => sameKey(k, key))) wanted.push(key);
    const active = this.manager.list().filter((v) => v.status !== 'disconnected');
    await Promise.all(
      wanted
        .filter((key) => !active.some((v) => sameKey(keyOf(v), key)))
        .map((key) =>
          this.manager
            .dial({ entryName: key.name, phonebook: key.phonebook })
            .catch((error: unknown) =>
              this.log(`could not connect "${key.name}" at start: ${(error as Error).message}`),
            ),
        ),
    );
  }

  /** Entries connect again at start once up; they stay listed until the person hangs them up. */
  private followConnections(): () => void {
    const seen = new Map<string, ConnectionView['status']>();
    return this.manager.store.subscribe((state) => {
      for (const view of Object.values(state.connections)) {
        const before = seen.get(view.id);
        seen.set(view.id, view.status);
        if (before === view.status) continue;
        if (view.status === 'connected') this.remember(keyOf(view));
        // A refusal a redial cannot mend (the password, the account) is not tried at start.
        else if (
          view.status === 'disconnected' &&
          typeof view.error?.code === 'number' &&
          !isRedialable(view.error.code)
        )
          this.forget(keyOf(view));
      }
    });
  }

  private remember(key: EntryKey): void {
    this.changeList((list) => (list.some((k) => sameKey(k, key)) ? null : [...list, key]));
  }

  private forget(key: EntryKey): void {
    this.changeList((list) =>
      list.some((k) => sameKey(k, key)) ? list.filter((k) => !sameKey(k, key)) : null,
    );
  }

  private changeList(change: (list: EntryKey[]) => EntryKey[] | null): void {
    this.settings
      .update((current) => {
        const next = change(current.reconnectAtStart);
        return next === null ? {} : { reconnectAtStart: next };
      })
      .catch((error: unknown) =>
        this.log(`could not save the entries to connect at start: ${(error as Error).message}`),
      );
  }

  dispose(): void {
    this.settleTimer?.();
    this.settleTimer = null;
    for (const stop of this.stops) stop();
    this.manager.useKeepPolicy(null);
  }
}
