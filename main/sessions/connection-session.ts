// One connection's life: dial (paused states on), every notification onto the timeline,
// paused states answered or cancelled, failures hung up and their port awaited, alternates
// and redials per the entry, link drops, and the user's hang-up.

import type { ConnectionEnd, ConnectionEnding } from '../../app/connection-view';
import { messageRef } from '../../app/ras/app-messages';
import type { RasEntry } from '../../app/phonebook/entry';
import { RasState, groupOf, pausedKindOf } from '../../app/ras/connection-state';
import {
  AppError,
  RasError,
  RasErrorCode as E,
  describeError,
  toErrorInfo,
} from '../../app/ras/errors';
import { reduceTimeline, type TimelineEvent } from '../../app/timeline';
import type { Cancel, Clock } from '../clock';
import type {
  DialRequest,
  PausedAnswer,
  RasBackend,
  RasHandle,
  RasNotification,
  RasStatistics,
} from '../ras/backend';
import {
  updateConnection,
  type ConnectionView,
  type ConnectionsStore,
  type PausedRequest,
} from './connections-store';
import { KEEP_STABLE_MS, keepPause, type KeepPolicy } from './keep-pause';
import {
  hangUpHandle,
  waitForRelease,
  type HangUpResult,
  type ReleaseTiming,
} from './release-wait';

export interface Credentials {
  userName: string;
  password: string;
  domain: string;
}

export interface SessionDeps {
  backend: RasBackend;
  clock: Clock;
  store: ConnectionsStore;
  release: ReleaseTiming;
  /** Called once the attempt's port is released, so the manager can space out the next dial. */
  onReleased: () => void;
  /** Whether the computer is asleep or has just woken: a link that goes down now ended by sleep. */
  sleeping?: () => boolean;
  /**
   * Whether another program just hung this entry's link, up since `since`, up on the person's
   * request (a note from before the link came up was for an earlier one).
   */
  hungUpElsewhere?: (since: number) => Promise<boolean>;
  /** The "Keep connected" loop: whether this entry is kept, and whether the network is up. */
  keep?: KeepPolicy;
  log: (message: string) => void;
}

export interface SessionInit {
  id: string;
  phonebook: string;
  entry: RasEntry;
  credentials: Credentials;
  phoneNumber?: string;
  callbackNumber?: string;
  usePrefixSuffix?: boolean;
}

/** Failures of the line itself, after which the next alternate number is worth a try. */
const LINE_FAILURES = new Set<number>([
  E.ERROR_LINE_BUSY,
  E.ERROR_NO_ANSWER,
  E.ERROR_NO_CARRIER,
  E.ERROR_NO_DIALTONE,
]);

/** Failures a redial cannot fix: the account, the entry, or the person said no. */
const NOT_REDIALABLE = new Set<number>([
  E.ERROR_AUTHENTICATION_FAILURE,
  E.ERROR_RESTRICTED_LOGON_HOURS,
  E.ERROR_ACCT_DISABLED,
  E.ERROR_PASSWD_EXPIRED,
  E.ERROR_NO_DIALIN_PERMISSION,
  708, // ERROR_ACCT_EXPIRED
  709, // ERROR_CHANGING_PASSWORD
  E.ERROR_INTERACTIVE_MODE,
  E.ERROR_USER_DISCONNECTION,
  E.ERROR_CANNOT_OPEN_PHONEBOOK,
  E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
  E.ERROR_CORRUPT_PHONEBOOK,
  E.ERROR_DIAL_ALREADY_IN_PROGRESS,
  E.ERROR_BAD_CALLBACK_NUMBER,
  E.ERROR_INVALID_SIZE,
  749, // ERROR_BAD_PHONE_NUMBER
]);

export function isRedialable(error: number): boolean {
  return error !== 0 && !NOT_REDIALABLE.has(error);
}

export class ConnectionSession {
  readonly id: string;
  private readonly deps: SessionDeps;
  private readonly init: SessionInit;
  private credentials: Credentials;
  private readonly numbers: string[];
  private handle: RasHandle | null = null;
  /** Bumped for every dial; notifications of an older attempt are ignored. */
  private attemptToken = 0;
  private attemptOver = true;
  /** The attempt's last notification, to drop one that comes twice. */
  private lastNotification: RasNotification | null = null;
  private userHangUp = false;
  private retries = 0;
  private redialTimer: Cancel | null = null;
  /** Redials of the keep-connected loop since a link last stayed up (or the network came back). */
  private keepStreak = 0;
  /** The link's latest statistics: after it goes down RAS has none, and the history wants them. */
  private lastStatistics: RasStatistics | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(deps: SessionDeps, init: SessionInit) {
    this.deps = deps;
    this.init = init;
    this.id = init.id;
    this.credentials = { ...init.credentials };
    const listed = init.entry.phoneNumbers.map((n) => n.number);
    this.numbers =
      init.phoneNumber !== undefined ? [init.phoneNumber] : listed.length > 0 ? listed : [''];
  }

  static initialView(init: SessionInit): ConnectionView {
    const numberCount =
      init.phoneNumber !== undefined ? 1 : Math.max(1, init.entry.phoneNumbers.length);
    return {
      id: init.id,
      entryName: init.entry.name,
      phonebook: init.phonebook,
      status: 'dialing',
      handle: null,
      timeline: { startedAt: null, rows: [] },
      paused: null,
      error: null,
      attempt: 1,
      attempts: 1 + Math.max(0, init.entry.redialAttempts),
      numberIndex: 1,
      numberCount,
      destination: init.phoneNumber ?? init.entry.phoneNumbers[0]?.number ?? '',
      connectedAt: null,
      details: null,
      redialAt: null,
      attached: false,
    };
  }

  private get view(): ConnectionView {
    return this.deps.store.getState().connections[this.id]!;
  }

  private update(change: Partial<ConnectionView>): void {
    updateConnection(this.deps.store, this.id, (v) => ({ ...v, ...change }));
  }

  private record(event: TimelineEvent, change: Partial<ConnectionView> = {}): void {
    updateConnection(this.deps.store, this.id, (v) => ({
      ...v,
      ...change,
      timeline: reduceTimeline(v.timeline, event),
    }));
  }

  /** Runs `work` after everything queued before it; failures end up on the view, never thrown. */
  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((error: unknown) => {
      this.deps.log(`connection ${this.id}: ${(error as Error).message}`);
      this.attemptOver = true;
      this.handle = null;
      const info = toErrorInfo(error);
      const last = this.view.timeline.rows.at(-1);
      // The attempt ends here, once: on the timeline too, unless it already shows its end.
      if (last?.state !== RasState.Disconnected)
        this.record({
          kind: 'notification',
          time: this.deps.clock.now(),
          state: RasState.Disconnected,
          error: typeof info.code === 'number' ? info.code : 0,
          extendedError: 0,
          source: 'app',
        });
      this.update({
        status: 'disconnected',
        error: info,
        paused: null,
        connectedAt: null,
        details: null,
        redialAt: null,
        handle: null,
      });
    });
    this.queue = next;
    return next;
  }

  /** Starts the first attempt; resolves once RasDial has returned. */
  start(): Promise<void> {
    return this.serial(() => this.dialNumber(0, 'first'));
  }

  private request(numberIndex: number): DialRequest {
    const explicit =
      this.init.phoneNumber !== undefined || this.numbers.length > 1 || numberIndex > 0;
    return {
      phonebook: this.init.phonebook,
      entryName: this.init.entry.name,
      phoneNumber: explicit ? this.numbers[numberIndex] : undefined,
      callbackNumber: this.init.callbackNumber,
      userName: this.credentials.userName,
      password: this.credentials.password,
      domain: this.credentials.domain,
      pausedStates: true,
      usePrefixSuffix: this.init.usePrefixSuffix,
    };
  }

  private async dialNumber(
    numberIndex: number,
    reason: 'first' | 'alternate' | 'redial',
  ): Promise<void> {
    const token = ++this.attemptToken;
    this.attemptOver = false;
    this.lastNotification = null;
    this.retries = 0;
    this.handle = null;
    const destination = this.numbers[numberIndex] ?? '';
    const view = this.view;
    this.record(
      {
        kind: 'dial',
        time: this.deps.clock.now(),
        destination,
        attempt: view.attempt,
        attempts: view.attempts,
        numberIndex: numberIndex + 1,
        numberCount: this.numbers.length,
        reason,
      },
      {
        status: 'dialing',
        numberIndex: numberIndex + 1,
        destination,
        error: null,
        redialAt: null,
        handle: null,
      },
    );
    try {
      const handle = await this.deps.backend.dial(this.request(numberIndex), (n) =>
        this.onNotify(token, n),
      );
      if (token !== this.attemptToken) return;
      this.handle = handle;
      this.update({ handle });
    } catch (error) {
      if (token !== this.attemptToken) return;
      if (!(error instanceof RasError)) throw error;
      this.deps.log(`connection ${this.id}: RasDial failed with ${error.code}`);
      await this.endAttempt(numberIndex, error.code, null);
    }
  }

  private onNotify(token: number, n: RasNotification): void {
    // The notifier only queues: the work (and any hang-up) happens outside the callback.
    void this.serial(() => this.handleNotification(token, n));
  }

  private async handleNotification(token: number, n: RasNotification): Promise<void> {
    if (token !== this.attemptToken || this.attemptOver || this.userHangUp) return;
    // The same notification again, straight after itself, adds nothing (and must not count
    // as a second failed sign-in).
    const last = this.lastNotification;
    if (
      last &&
      last.state === n.state &&
      last.error === n.error &&
      last.extendedError === n.extendedError &&
      last.subEntry === n.subEntry
    )
      return;
    this.lastNotification = n;
    if (this.handle === null) {
      // The first notification can come before RasDial returned the handle.
      this.handle = n.handle;
      this.update({ handle: n.handle });
    }
    const time = this.deps.clock.now();
    this.record({
      kind: 'notification',
      time,
      state: n.state,
      error: n.error,
      extendedError: n.extendedError,
    });
    const numberIndex = this.view.numberIndex - 1;
    if (n.error !== 0) {
      await this.endAttempt(numberIndex, n.error, n.handle);
      return;
    }
    const group = groupOf(n.state);
    if (group === 'paused') {
      this.update({ status: 'paused', paused: this.pausedRequest(n.state) });
      return;
    }
    if (n.state === RasState.Connected) {
      this.attemptOver = true;
      this.lastStatistics = null;
      this.update({ status: 'connected', paused: null, connectedAt: time, ending: null });
      this.readDetails(n.handle);
      if (numberIndex > 0 && this.init.entry.promoteAlternates) await this.promote(numberIndex);
      return;
    }
    if (n.state === RasState.Disconnected) {
      // Disconnected without an error: the line went down under us.
      await this.endAttempt(numberIndex, E.ERROR_REMOTE_DISCONNECTION, n.handle, false);
      return;
    }
    // RAS sends nothing while it waits for an answer: a running state that arrives during a
    // pause is an earlier one, late. The question stays until it is answered.
    if (this.view.status === 'paused') return;
    if (this.view.status !== 'dialing') this.update({ status: 'dialing', paused: null });
  }

  private pausedRequest(state: number): PausedRequest {
    const kind = pausedKindOf(state);
    // An EAP method may ask again (a token card's next code): its dialog says which time.
    if (kind === 'retry-authentication' || kind === 'eap') this.retries++;
    const reasons: Record<string, string> = {
      'retry-authentication': describeError(E.ERROR_AUTHENTICATION_FAILURE).message,
      'new-password': describeError(E.ERROR_PASSWD_EXPIRED).message,
      callback: 'The server can call you back at a number you choose.',
      eap: 'The sign-in method needs you to complete its step.',
      interactive: 'The remote host expects you to finish a terminal session.',
    };
    return {
      // A paused value ras.h does not define cannot be answered; the person can only cancel.
      kind: kind ?? 'interactive',
      state,
      retry: this.retries,
      reason: kind ? reasons[kind]! : `The dial paused in state ${state}.`,
      userName: this.credentials.userName,
      domain: this.credentials.domain,
    };
  }

  resume(answer: PausedAnswer): Promise<void> {
    const paused = this.view.paused;
    if (this.view.status !== 'paused' || !paused)
      return Promise.reject(new AppError('NOT_PAUSED', messageRef('session.notPaused')));
    if (paused.kind !== answer.kind)
      return Promise.reject(
        new AppError(
          'INVALID_INPUT',
          messageRef('session.otherAnswer', { expected: paused.kind, given: answer.kind }),
        ),
      );
    if (answer.kind === 'retry-authentication')
      this.credentials = {
        userName: answer.userName,
        password: answer.password,
        domain: answer.domain,
      };
    if (answer.kind === 'new-password')
      this.credentials = { ...this.credentials, password: answer.password };
    const handle = this.handle!;
    const token = this.attemptToken;
    this.update({ status: 'dialing', paused: null });
    // The answer is a new notification cycle: the pause itself may legitimately come again.
    this.lastNotification = null;
    return this.deps.backend.resume(handle, answer).catch((error: unknown) => {
      // RAS did not take the answer: the dial would wait in its pause for ever. End it.
      void this.serial(async () => {
        if (token !== this.attemptToken || this.attemptOver || this.userHangUp) return;
        if (!(error instanceof RasError)) throw error;
        this.deps.log(`connection ${this.id}: the answer was refused with ${error.code}`);
        await this.endAttempt(this.view.numberIndex - 1, error.code, handle);
      });
      throw error;
    });
  }

  /**
   * The person's hang-up, at any moment: dialing, paused, connected, or waiting to redial.
   * `noted`: the note that tells other programs it is the person's, written before the link goes.
   */
  hangUp(noted?: Promise<unknown>): Promise<void> {
    let refused: unknown = null;
    this.userHangUp = true;
    this.redialTimer?.();
    this.redialTimer = null;
    if (this.view.status !== 'disconnected')
      this.update({ status: 'disconnecting', paused: null, redialAt: null });
    return this.serial(async () => {
      if (this.view.status === 'disconnected') return;
      const handle = this.handle;
      const wasConnected = this.view.connectedAt !== null;
      this.attemptOver = true;
      this.attemptToken++;
      if (handle !== null) {
        const statistics = wasConnected ? await this.finalStatistics(handle) : null;
        await noted;
        try {
          await this.release(
            handle,
            await hangUpHandle(this.deps.backend, handle, this.deps.clock),
          );
        } catch (error) {
          if (wasConnected && (await this.stillConnected(handle))) {
            // The hang-up failed or did not take, and the link is still up: say so, and let
            // the person try again.
            this.userHangUp = false;
            this.handle = handle;
            this.update({ status: 'connected', error: toErrorInfo(error) });
            refused = error;
            return;
          }
          throw error;
        }
        if (wasConnected) this.update({ ending: this.ending('person', null, statistics) });
      }
      this.finish(0);
    }).then(() => {
      if (refused !== null) throw refused;
    });
  }

  private async stillConnected(handle: RasHandle): Promise<boolean> {
    try {
      const status = await this.deps.backend.getConnectStatus(handle);
      return status.state === RasState.Connected && status.error === 0;
    } catch {
      return false;
    }
  }

  /** The connection dropped after it was up (reported by the connection watcher). */
  linkDropped(): Promise<void> {
    return this.serial(async () => {
      const handle = this.handle;
      if (this.view.status !== 'connected' || handle === null || this.userHangUp) return;
      let error: number = E.ERROR_REMOTE_DISCONNECTION;
      try {
        const status = await this.deps.backend.getConnectStatus(handle);
        if (status.error !== 0) error = status.error;
      } catch {
        // The handle is already gone; the drop is all we know.
      }
      if (await this.deps.hungUpElsewhere?.(this.view.connectedAt ?? 0)) {
        // `ras-connect /DISCONNECT` (or another window) hung it up for the person: theirs,
        // not a drop, so no redial and the history says so.
        this.userHangUp = true;
        const ending = this.ending('person', null, this.lastStatistics);
        this.update({ status: 'disconnecting', connectedAt: null, details: null, ending });
        await this.release(handle, await hangUpHandle(this.deps.backend, handle, this.deps.clock));
        this.finish(0);
        return;
      }
      const droppedAt = this.deps.clock.now();
      const upFor = droppedAt - (this.view.connectedAt ?? droppedAt);
      const ended = this.deps.sleeping?.() ? 'sleep' : 'dropped';
      // A dropped link has no figures left to read (RAS reports them only while it is up): the
      // last ones the window or the tray read are the best there are.
      const ending = this.ending(ended, error, this.lastStatistics);
      // The port is released before anything else; meanwhile the link is no longer up.
      this.update({ status: 'disconnecting', connectedAt: null, details: null, ending });
      await this.release(handle, await hangUpHandle(this.deps.backend, handle, this.deps.clock));
      const entry = this.init.entry;
      if (this.keeping()) {
        // The loop goes on counting (and its pauses growing) through links that drop soon.
        const stable = upFor >= KEEP_STABLE_MS || this.view.attempts !== 0;
        if (stable) this.keepStreak = 0;
        this.update({ attempt: stable ? 1 : this.view.attempt, attempts: 0 });
        this.scheduleRedial(error, 'dropped');
        return;
      }
      if (entry.redialOnLinkFailure && !this.userHangUp) {
        const attempts = 1 + Math.max(1, entry.redialAttempts);
        this.update({ attempt: 1, attempts });
        this.scheduleRedial(error, 'dropped');
        return;
      }
      this.recordEnd(error, 'ras', droppedAt);
      this.finish(error);
    });
  }

  /** Reads the figures once more before a hang-up; if that fails, the last ones read. */
  private async finalStatistics(handle: RasHandle): Promise<RasStatistics | null> {
    try {
      this.lastStatistics = await this.deps.backend.getStatistics(handle);
    } catch {
      // The link is gone with its figures: the last ones read are the best there are.
    }
    return this.lastStatistics;
  }

  /** Statistics read by anyone (the window, the tray) while the link is up. */
  noteStatistics(handle: RasHandle, statistics: RasStatistics): void {
    if (handle === this.handle && this.view.status === 'connected')
      this.lastStatistics = statistics;
  }

  private ending(
    ended: ConnectionEnd,
    code: number | null,
    statistics: RasStatistics | null,
  ): ConnectionEnding {
    return {
      ended,
      code,
      bytesSent: statistics?.bytesXmited ?? null,
      bytesReceived: statistics?.bytesRcved ?? null,
    };
  }

  private async release(handle: RasHandle, hungUp: HangUpResult): Promise<void> {
    this.handle = null;
    try {
      await waitForRelease(this.deps.backend, this.deps.clock, handle, this.deps.release, hungUp);
    } finally {
      this.deps.onReleased();
    }
  }

  /** A failed attempt: hang up its handle (required even after a failure), then decide what comes next. */
  private async endAttempt(
    numberIndex: number,
    error: number,
    handle: RasHandle | null,
    record = true,
  ): Promise<void> {
    this.attemptOver = true;
    if (handle !== null) {
      await this.release(handle, await hangUpHandle(this.deps.backend, handle, this.deps.clock));
    }
    if (this.userHangUp) {
      if (record) this.recordEnd(error, 'app');
      return this.finish(0);
    }
    const entry = this.init.entry;
    if (
      LINE_FAILURES.has(error) &&
      entry.tryNextAlternateOnFail &&
      numberIndex + 1 < this.numbers.length
    ) {
      if (record) this.recordEnd(error, 'app');
      return this.dialNumber(numberIndex + 1, 'alternate');
    }
    const view = this.view;
    if (isRedialable(error) && (view.attempt < view.attempts || this.keeping()))
      return this.scheduleRedial(error, record ? 'failed' : 'dropped');
    if (record) this.recordEnd(error, 'app');
    this.finish(error);
  }

  private recordEnd(error: number, source: 'ras' | 'app', time = this.deps.clock.now()): void {
    this.record({
      kind: 'notification',
      time,
      state: RasState.Disconnected,
      error,
      extendedError: 0,
      source,
    });
  }

  /**
   * More attempts follow: the timeline shows the end of this one as a wait with its error,
   * and the terminal Disconnected comes only when the whole sequence ends.
   */
  private scheduleRedial(error: number, cause: 'dropped' | 'failed'): void {
    // A kept entry's loop has no cap (attempts 0) and pauses longer after each failure.
    const keeping = this.keeping();
    if (keeping && this.view.attempts !== 0) this.update({ attempts: 0 });
    const delay = keeping
      ? keepPause(this.keepStreak++)
      : Math.max(0, this.init.entry.redialSeconds) * 1000;
    const offline = keeping && !this.deps.keep!.online();
    const now = this.deps.clock.now();
    const view = this.view;
    this.record(
      {
        kind: 'wait',
        time: now,
        error,
        cause,
        seconds: delay / 1000,
        attempt: view.attempt + 1,
        attempts: view.attempts,
        ...(offline ? { offline } : {}),
      },
      {
        status: 'waiting-to-redial',
        // No time while the network is down: the loop waits for it (networkReturned).
        redialAt: offline ? null : now + delay,
        error: describeError(error),
        handle: null,
      },
    );
    if (offline) return;
    this.redialTimer = this.deps.clock.setTimeout(() => {
      this.redialTimer = null;
      void this.serial(() => this.redial());
    }, delay);
  }

  private async redial(byPerson = false): Promise<void> {
    if (this.userHangUp || this.view.status !== 'waiting-to-redial') return;
    if (this.view.attempts === 0 && !byPerson) {
      // The option was turned off during the wait: the loop ends with the error it had.
      if (!this.keeping()) {
        const code = this.view.error?.code;
        const error = typeof code === 'number' ? code : E.ERROR_REMOTE_DISCONNECTION;
        this.recordEnd(error, 'app');
        return this.finish(error);
      }
      // No dial while the network is down: the loop waits for it to come back.
      if (!this.deps.keep!.online()) return this.update({ redialAt: null });
    }
    this.update({ attempt: this.view.attempt + 1 });
    await this.dialNumber(0, 'redial');
  }

  /** The person's "Redial now" while the session waits: the wait ends, the next attempt starts. */
  redialNow(): Promise<void> {
    if (this.view.status !== 'waiting-to-redial' || this.userHangUp)
      return Promise.reject(new AppError('NOT_REDIALING', messageRef('session.notRedialing')));
    this.redialTimer?.();
    this.redialTimer = null;
    return this.serial(() => this.redial(true));
  }

  /**
   * The network is usable again: a kept loop that waits for it dials now, its pauses started
   * again. One counting down is left to its count: a link of its own coming and going changes
   * the interfaces too, and must not cut the pauses short.
   */
  networkReturned(): void {
    const { status, attempts, redialAt } = this.view;
    if (status !== 'waiting-to-redial' || attempts !== 0 || redialAt !== null || this.userHangUp)
      return;
    this.redialTimer?.();
    this.redialTimer = null;
    this.keepStreak = 0;
    void this.serial(() => this.redial());
  }

  /** Whether the app's "Keep connected" loop holds this connection (until the person's hang-up). */
  private keeping(): boolean {
    return (
      !this.userHangUp && (this.deps.keep?.kept(this.init.phonebook, this.init.entry.name) ?? false)
    );
  }

  private finish(error: number): void {
    this.attemptOver = true;
    this.handle = null;
    this.update({
      status: 'disconnected',
      paused: null,
      connectedAt: null,
      details: null,
      redialAt: null,
      handle: null,
      error: error === 0 ? null : describeError(error),
    });
    if (this.userHangUp && this.view.timeline.rows.at(-1)?.state !== RasState.Disconnected)
      this.record({
        kind: 'notification',
        time: this.deps.clock.now(),
        state: RasState.Disconnected,
        error: 0,
        extendedError: 0,
        source: 'app',
      });
  }

  private async promote(numberIndex: number): Promise<void> {
    try {
      const { backend } = this.deps;
      const current = await backend.getEntry(this.init.phonebook, this.init.entry.name);
      const worked = current.phoneNumbers.findIndex((n) => n.number === this.numbers[numberIndex]);
      if (worked <= 0) return;
      const phoneNumbers = [
        current.phoneNumbers[worked]!,
        ...current.phoneNumbers.filter((_, i) => i !== worked),
      ];
      await backend.setEntry(this.init.phonebook, { ...current, phoneNumbers });
    } catch (error) {
      this.deps.log(
        `connection ${this.id}: could not promote the alternate number: ${(error as Error).message}`,
      );
    }
  }

  /** Takes over a connection that exists already (attached at start-up). */
  adopt(handle: RasHandle): void {
    this.handle = handle;
    this.attemptOver = true;
    this.readDetails(handle);
  }

  /**
   * Reads what was negotiated for the link now up, outside the session's queue: a slow read
   * must not hold back a hang-up. Kept only while that same link is still the connected one;
   * a failed read leaves none (the window shows the statistics without them).
   */
  private readDetails(handle: RasHandle): void {
    this.deps.backend.getConnectionDetails(handle).then(
      (details) => {
        // The view may be gone by now (another attach of the entry took its place).
        const view = this.deps.store.getState().connections[this.id];
        if (this.handle === handle && view?.status === 'connected') this.update({ details });
      },
      (error: unknown) =>
        this.deps.log(
          `connection ${this.id}: could not read the connection's details: ${(error as Error).message}`,
        ),
    );
  }

  get currentHandle(): RasHandle | null {
    return this.handle;
  }

  /** Settles once every queued step has run (tests and shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }
}
