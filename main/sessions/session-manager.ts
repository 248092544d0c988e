// SessionManager owns every connection: it starts sessions, routes answers and hang-ups to
// them, attaches connections that already exist, and writes the connections store that the
// CLI, IPC and tray read. The tray and IPC call the same methods.

import { messageRef } from '../../app/ras/app-messages';
import { AppError, RasError, ERROR_INVALID_HANDLE } from '../../app/ras/errors';
import { makeEntry } from '../../app/phonebook/entry';
import { RasState } from '../../app/ras/connection-state';
import { reduceTimeline } from '../../app/timeline';
import { realClock, sleep, type Clock } from '../clock';
import type {
  PausedAnswer,
  RasBackend,
  RasConnectionInfo,
  RasHandle,
  RasStatistics,
  TerminalOutput,
} from '../ras/backend';
import { ConnectionSession, type Credentials, type SessionInit } from './connection-session';
import {
  createConnectionsStore,
  isActive,
  putConnection,
  type ConnectionView,
  type ConnectionsStore,
} from './connections-store';
import type { HangUpNotes } from './hang-up-notes';
import type { KeepPolicy } from './keep-pause';
import { defaultReleaseTiming, type ReleaseTiming } from './release-wait';

/** How long after waking a link that goes down is put down to the sleep. */
export const WAKE_GRACE_MS = 30_000;

export interface DialOptions {
  entryName: string;
  phonebook?: string;
  /** Omitted: dial with the entry's saved credentials. */
  credentials?: Credentials;
  /** Dial this number instead of the entry's (rasdial /PHONE). */
  phoneNumber?: string;
  /** rasdial /CALLBACK: the number the server may call back without asking. */
  callbackNumber?: string;
  usePrefixSuffix?: boolean;
}

export interface SessionManagerOptions {
  backend: RasBackend;
  clock?: Clock;
  store?: ConnectionsStore;
  release?: ReleaseTiming;
  /** Pause after a port is released before the same entry is dialed again (ras-reference.md §4). */
  settleMs?: number;
  log?: (message: string) => void;
  /**
   * Hang-ups the person asked for, shared with the other programs of the data folder, so a
   * link another program hangs up on the person's request is not taken for a drop.
   */
  hangUpNotes?: HangUpNotes;
}

export class SessionManager {
  readonly store: ConnectionsStore;
  private readonly backend: RasBackend;
  private readonly clock: Clock;
  private readonly release: ReleaseTiming;
  private readonly settleMs: number;
  private readonly log: (message: string) => void;
  private readonly hangUpNotes: HangUpNotes | undefined;
  private readonly sessions = new Map<string, ConnectionSession>();
  /** When each entry's last port was released, for the settle pause. */
  private readonly releasedAt = new Map<string, number>();
  /** Entries with a dial being set up, so that two quick dials of one entry cannot both start. */
  private readonly starting = new Set<string>();
  private readonly stopWatching: () => void;
  private nextId = 1;
  /** Asleep: since the computer suspended; then until a while after it resumed (see resumed). */
  private asleepUntil = -Infinity;
  /** The "Keep connected" engine, once one is wired (the app); none in the CLI. */
  private keepPolicy: KeepPolicy | null = null;
  private readonly hungUpListeners = new Set<(view: ConnectionView) => void>();

  constructor(options: SessionManagerOptions) {
    this.backend = options.backend;
    this.clock = options.clock ?? realClock;
    this.store = options.store ?? createConnectionsStore();
    this.release = options.release ?? defaultReleaseTiming;
    this.settleMs = options.settleMs ?? 1000;
    this.log = options.log ?? (() => undefined);
    this.hangUpNotes = options.hangUpNotes;
    this.stopWatching = this.backend.watchConnections((event) => {
      const session = this.sessionByHandle(event.handle);
      if (event.kind === 'disconnected') void session?.linkDropped();
      else if (!session) void this.attachExisting();
    });
  }

  private key(phonebook: string, entryName: string): string {
    return `${phonebook}\u0000${entryName.toLowerCase()}`;
  }

  private viewFor(phonebook: string, entryName: string): ConnectionView | undefined {
    const key = this.key(phonebook, entryName);
    return Object.values(this.store.getState().connections).find(
      (v) => this.key(v.phonebook, v.entryName) === key,
    );
  }

  private sessionByHandle(handle: RasHandle): ConnectionSession | undefined {
    for (const session of this.sessions.values())
      if (session.currentHandle === handle) return session;
    return undefined;
  }

  /** Starts a dial; resolves with the connection id once RasDial has returned. */
  async dial(options: DialOptions): Promise<string> {
    const phonebook = options.phonebook ?? this.backend.defaultPhonebook;
    const key = this.key(phonebook, options.entryName);
    const previous = this.viewFor(phonebook, options.entryName);
    if (this.starting.has(key) || (previous && isActive(previous)))
      throw new AppError(
        'ALREADY_ACTIVE',
        messageRef(
          previous?.status === 'connected' ? 'session.alreadyConnected' : 'session.alreadyDialing',
          { entry: previous?.entryName ?? options.entryName },
        ),
      );
    this.starting.add(key);
    try {
      const entry = await this.backend.getEntry(phonebook, options.entryName);
      const settled = (this.releasedAt.get(key) ?? -Infinity) + this.settleMs - this.clock.now();
      if (settled > 0) await sleep(this.clock, settled);
      const id = `c${this.nextId++}`;
      const init: SessionInit = {
        id,
        phonebook,
        entry,
        credentials: options.credentials ?? { userName: '', password: '', domain: '' },
        phoneNumber: options.phoneNumber,
        callbackNumber: options.callbackNumber,
        usePrefixSuffix: options.usePrefixSuffix,
      };
      // The entry keeps the timeline of its last attempt until this one replaces it.
      if (previous) this.sessions.delete(previous.id);
      putConnection(this.store, ConnectionSession.initialView(init), previous?.id);
      const session = this.createSession(init, key);
      await session.start();
      return id;
    } finally {
      this.starting.delete(key);
    }
  }

  private createSession(init: SessionInit, key: string): ConnectionSession {
    const session = new ConnectionSession(
      {
        backend: this.backend,
        clock: this.clock,
        store: this.store,
        release: this.release,
        onReleased: () => this.releasedAt.set(key, this.clock.now()),
        sleeping: () => this.clock.now() < this.asleepUntil,
        hungUpElsewhere: (since) => this.hungUpElsewhere(init, since),
        keep: {
          kept: (phonebook, entryName) => this.keepPolicy?.kept(phonebook, entryName) ?? false,
          online: () => this.keepPolicy?.online() ?? true,
        },
        log: this.log,
      },
      init,
    );
    this.sessions.set(init.id, session);
    return session;
  }

  private session(id: string): ConnectionSession {
    const session = this.sessions.get(id);
    if (!session) throw new AppError('NOT_FOUND', messageRef('session.noConnection', { id }));
    return session;
  }

  async resume(id: string, answer: PausedAnswer): Promise<void> {
    return this.session(id).resume(answer);
  }

  /** Cancelling a paused state hangs the dial up. */
  cancelPause(id: string): Promise<void> {
    return this.hangUp(id);
  }

  /** Resolves once the port is released and the connection reported Disconnected. */
  async hangUp(id: string): Promise<void> {
    const session = this.session(id);
    const before = this.get(id);
    // Noted before the link goes down (the session waits for it): another program watching
    // this link sees it go down at once.
    const noted =
      before && before.status !== 'disconnected'
        ? this.hangUpNotes
            ?.note({ phonebook: before.phonebook, name: before.entryName }, this.clock.now())
            .catch((error: unknown) =>
              this.log(
                `could not note the hang-up for other programs: ${(error as Error).message}`,
              ),
            )
        : undefined;
    await session.hangUp(noted);
    this.tellHungUp(id);
  }

  private tellHungUp(id: string): void {
    const view = this.get(id);
    if (view) for (const listener of this.hungUpListeners) listener(view);
  }

  /**
   * Whether another program noted the person's hang-up of this session's link, up since
   * `since`, just now.
   */
  private async hungUpElsewhere(init: SessionInit, since: number): Promise<boolean> {
    if (!this.hangUpNotes) return false;
    try {
      const key = { phonebook: init.phonebook, name: init.entry.name };
      if (!(await this.hangUpNotes.noted(key, since, this.clock.now()))) return false;
      // Told after the session has ended the link as the person's.
      queueMicrotask(
        () =>
          void this.session(init.id)
            .idle()
            .then(() => this.tellHungUp(init.id)),
      );
      return true;
    } catch (error) {
      this.log(`could not read the hang-ups of other programs: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * Told of each hang-up the person asked for (window, tray, notification, CLI, quitting with
   * hang-up), once it is done. Returns the function that stops telling.
   */
  onHungUp(listener: (view: ConnectionView) => void): () => void {
    this.hungUpListeners.add(listener);
    return () => this.hungUpListeners.delete(listener);
  }

  /** Wires the "Keep connected" engine (null: none). */
  useKeepPolicy(policy: KeepPolicy | null): void {
    this.keepPolicy = policy;
  }

  /** The network is usable again: the kept connections that wait to redial dial now. */
  networkReturned(): void {
    for (const session of this.sessions.values()) session.networkReturned();
  }

  /** While the connection waits to redial: dials at once, as its next attempt. */
  async redialNow(id: string): Promise<void> {
    return this.session(id).redialNow();
  }

  /** Typed text for the terminal window of a dial paused in Interactive. */
  async terminalSend(id: string, text: string): Promise<void> {
    const terminal = this.backend.terminal;
    if (!terminal) throw new AppError('UNSUPPORTED', messageRef('session.noTerminal'));
    const view = this.get(id);
    const handle = this.session(id).currentHandle;
    if (view?.status !== 'paused' || view.paused?.kind !== 'interactive' || handle === null)
      throw new AppError('NOT_PAUSED', messageRef('session.notInTerminal'));
    return terminal.send(handle, text);
  }

  /** What the remote side prints in a terminal window, by connection; returns the stop. */
  watchTerminal(
    onOutput: (output: { id: string } & Omit<TerminalOutput, 'handle'>) => void,
  ): () => void {
    return (
      this.backend.terminal?.watch(({ handle, ...output }) => {
        const session = this.sessionByHandle(handle);
        if (session) onOutput({ id: session.id, ...output });
      }) ?? (() => undefined)
    );
  }

  /** Settles once every step queued for the connection has run (shutdown, tests). */
  async whenIdle(id: string): Promise<void> {
    return this.session(id).idle();
  }

  async hangUpEntry(entryName: string, phonebook?: string): Promise<void> {
    const view = this.viewFor(phonebook ?? this.backend.defaultPhonebook, entryName);
    if (!view || !isActive(view))
      throw new AppError('NOT_FOUND', messageRef('session.notConnected', { entry: entryName }));
    return this.hangUp(view.id);
  }

  async hangUpAll(): Promise<void> {
    const active = this.list().filter(isActive);
    await Promise.all(active.map((v) => this.hangUp(v.id)));
  }

  list(): ConnectionView[] {
    return Object.values(this.store.getState().connections);
  }

  get(id: string): ConnectionView | undefined {
    return this.store.getState().connections[id];
  }

  async getStatistics(id: string): Promise<RasStatistics> {
    const view = this.get(id);
    const handle = this.session(id).currentHandle;
    if (!view || view.status !== 'connected' || handle === null)
      throw new AppError('NOT_FOUND', messageRef('session.noStatistics'));
    const statistics = await this.backend.getStatistics(handle);
    this.sessions.get(id)?.noteStatistics(handle, statistics);
    return statistics;
  }

  /** The computer is going to sleep (powerMonitor 'suspend'): links that go down now ended by sleep. */
  suspending(): void {
    this.asleepUntil = Infinity;
  }

  /**
   * The computer woke (powerMonitor 'resume'). RAS tells of a link that sleep took down only
   * once the computer runs again, so a drop in the first WAKE_GRACE_MS counts as sleep too.
   */
  resumed(): void {
    this.asleepUntil = this.clock.now() + WAKE_GRACE_MS;
    this.keepPolicy?.resumed?.();
  }

  /** Adopts connections that exist already (made before start-up, or by another program). */
  async attachExisting(): Promise<ConnectionView[]> {
    const existing = await this.backend.enumConnections();
    const attached: ConnectionView[] = [];
    for (const info of existing) {
      if (this.sessionByHandle(info.handle)) continue;
      const view = await this.attach(info);
      if (view) attached.push(view);
    }
    return attached;
  }

  private async attach(info: RasConnectionInfo): Promise<ConnectionView | null> {
    let state: number;
    try {
      const status = await this.backend.getConnectStatus(info.handle);
      if (status.error !== 0) return null;
      state = status.state;
    } catch (error) {
      if (error instanceof RasError && error.code === ERROR_INVALID_HANDLE) return null;
      throw error;
    }
    let entry;
    try {
      entry = await this.backend.getEntry(info.phonebook, info.entryName);
    } catch {
      // The entry lives in a phonebook we cannot read; the connection can still be watched and hung up.
      entry = makeEntry(info.entryName, 'phone', [], {
        deviceType: info.deviceType,
        deviceName: info.deviceName,
        port: '',
        tryNextAlternateOnFail: false,
      });
    }
    const id = `c${this.nextId++}`;
    const key = this.key(info.phonebook, info.entryName);
    const init: SessionInit = {
      id,
      phonebook: info.phonebook,
      entry,
      credentials: { userName: '', password: '', domain: '' },
    };
    const previous = this.viewFor(info.phonebook, info.entryName);
    if (previous) this.sessions.delete(previous.id);
    const now = this.clock.now();
    const view: ConnectionView = {
      ...ConnectionSession.initialView(init),
      status: state === RasState.Connected ? 'connected' : 'dialing',
      handle: info.handle,
      attached: true,
      connectedAt: state === RasState.Connected ? now : null,
      timeline: reduceTimeline(
        { startedAt: null, rows: [] },
        { kind: 'attached', time: now, state },
      ),
    };
    putConnection(this.store, view, previous?.id);
    this.createSession(init, key).adopt(info.handle);
    return view;
  }

  /** Stops watching; connections stay up (they belong to the system, not to this process). */
  dispose(): void {
    this.stopWatching();
  }
}
