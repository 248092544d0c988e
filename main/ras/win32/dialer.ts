// Dialing through rasapi32 (DotRas: RasDialer): RasDial with a RasDialFunc2 notifier and
// paused states on; a paused dial is resumed by dialing its handle again with the same
// parameters, the same RASDIALEXTENSIONS (which RasInvokeEapUI fills for EAP) and the same
// notifier (shared/ras-reference.md §2.3).

import { RasState } from '../../../app/ras/connection-state';
import { ERROR_INVALID_HANDLE, RasError } from '../../../app/ras/errors';
import type { DialRequest, NotifyFn, PausedAnswer, RasHandle } from '../backend';
import type { ReadCredentials } from './credentials';
import { handleFromString, handleToString } from './handles';
import type { RasApi32 } from './rasapi32';
import { versionSizes } from './struct-layout';

const ERROR_INVALID_SIZE = 632;
/** RasGetEapUserIdentity: never show a window (the app asks through InvokeEapUI instead). */
const RASEAPF_NonInteractive = 0x2;

const RDEOPT_UsePrefixSuffix = 0x1;
const RDEOPT_PausedStates = 0x2;
const NOTIFIER_TYPE_FUNC2 = 2;
/** How long a failed dial's port may take to be released before the dial reports its error. */
const FAILED_DIAL_RELEASE_MS = 10_000;

interface Dial {
  callbackId: number;
  handle: bigint | null;
  phonebook: string;
  entryName: string;
  phoneNumber: string;
  callbackNumber: string;
  userName: string;
  password: string;
  domain: string;
  /** One RASDIALEXTENSIONS for the whole dial: RasInvokeEapUI fills it, the resume sends it. */
  extensions: Buffer;
  /** The subentry of the last paused notification (RasInvokeEapUI asks for it). */
  pausedSubEntry: number;
  /** The EAP identity RasGetEapUserIdentity gave (its data is in `extensions`); freed at the end. */
  eapIdentity: unknown;
  notify: NotifyFn;
  notifier: unknown;
  /** Connected, failed, or hung up: no more notifications are wanted. */
  over: boolean;
  hungUp: boolean;
}

export interface DialerDeps {
  api: RasApi32;
  /** The book that holds the entry (the user's or All-Users'). */
  bookOf: (phonebook: string | undefined, name: string) => Promise<string>;
  readCredentials: (phonebook: string, name: string) => Promise<ReadCredentials>;
  /** Refuses a string RASDIALPARAMS cannot hold, before koffi would cut it. */
  check: (struct: string, values: Record<string, unknown>) => void;
}

export class Win32Dialer {
  private readonly dials = new Map<number, Dial>();
  private nextCallbackId = 1;
  /** The RASDIALPARAMSW sizes still to try, newest first (szEncPassword is Windows 8's). */
  private paramsSizes = versionSizes('RASDIALPARAMSW', process.arch === 'ia32' ? 'ia32' : 'x64');

  constructor(private readonly deps: DialerDeps) {}

  private get api(): RasApi32 {
    return this.deps.api;
  }

  /** How many RasDialFunc2 callbacks are registered now (a leak shows here). */
  get registeredNotifiers(): number {
    return [...this.dials.values()].filter((d) => d.notifier !== null).length;
  }

  private dialParams(d: Dial, dwSize = this.paramsSizes[0]!): Buffer {
    const strings = {
      szEntryName: d.entryName,
      szPhoneNumber: d.phoneNumber,
      szCallbackNumber: d.callbackNumber,
      szUserName: d.userName,
      szPassword: d.password,
      szDomain: d.domain,
    };
    this.deps.check('RASDIALPARAMSW', strings);
    return this.api.encode('RASDIALPARAMSW', {
      dwSize,
      ...strings,
      dwSubEntry: 0,
      dwCallbackId: d.callbackId,
      dwIfIndex: 0,
    });
  }

  /** RasDialW with the dial's parameters; the buffer holding the password is zeroed after. */
  private async callRasDial(d: Dial, handle: bigint): Promise<{ result: number; handle: bigint }> {
    for (;;) {
      const dwSize = this.paramsSizes[0]!;
      const params = this.dialParams(d, dwSize);
      const out = [handle];
      try {
        const result = await this.api.callAsync(
          'RasDialW',
          d.extensions,
          d.phonebook,
          params,
          NOTIFIER_TYPE_FUNC2,
          d.notifier,
          out,
        );
        // An older Windows does not know this size: from now on, the next older one.
        if (result === ERROR_INVALID_SIZE && this.paramsSizes.length > 1) {
          this.paramsSizes.shift();
          continue;
        }
        if (result === 0 || out[0]) this.paramsSizes = [dwSize];
        return { result, handle: BigInt(out[0] ?? 0) };
      } finally {
        params.fill(0);
      }
    }
  }

  async dial(request: DialRequest, onNotify: NotifyFn): Promise<RasHandle> {
    const phonebook = await this.deps.bookOf(request.phonebook, request.entryName);
    let { userName, password, domain } = request;
    if (userName === '' && password === '') {
      // The saved credentials: the password comes back as a handle string RasDial understands.
      ({ userName, password, domain } = await this.deps.readCredentials(
        phonebook,
        request.entryName,
      ));
    }
    const callbackId = this.nextCallbackId++;
    const d: Dial = {
      callbackId,
      handle: null,
      phonebook,
      entryName: request.entryName,
      phoneNumber: request.phoneNumber ?? '',
      callbackNumber: request.callbackNumber ?? '',
      userName,
      password,
      domain,
      extensions: this.api.encode('RASDIALEXTENSIONS', {
        dwSize: this.api.sizeOf('RASDIALEXTENSIONS'),
        dwfOptions:
          (request.pausedStates ? RDEOPT_PausedStates : 0) |
          (request.usePrefixSuffix ? RDEOPT_UsePrefixSuffix : 0),
      }),
      pausedSubEntry: 0,
      eapIdentity: null,
      notify: onNotify,
      notifier: null,
      over: false,
      hungUp: false,
    };
    // Checked before anything is registered: a string too long is refused, not cut.
    this.dialParams(d).fill(0);
    await this.eapIdentity(d);
    // Keyed by the callback id: the first notification can come before RasDial returns.
    d.notifier = this.api.registerNotifier(
      (id, subEntry, hrasconn, _msg, state, error, extended) => {
        try {
          // Only hand the event over: no RAS call from inside the notifier.
          setImmediate(() => this.deliver(Number(id), hrasconn, state, error, extended, subEntry));
        } catch {
          // An exception here would reach RAS as 0 and end the notifications.
        }
        // 0 after the last notification (Connected or an error), as DotRas does; 1 otherwise,
        // since 0 stops every further notification.
        return error !== 0 || state === RasState.Connected || state === RasState.Disconnected
          ? 0
          : 1;
      },
    );
    this.dials.set(callbackId, d);
    const { result, handle } = await this.callRasDial(d, 0n);
    if (handle !== 0n) d.handle = handle;
    if (result !== 0) {
      d.over = true;
      // A handle RasDial produced is hung up even when the dial failed, and its port is
      // waited for, so the next alternate does not find it still busy (633).
      if (handle !== 0n) await this.releaseFailed(handle);
      this.forget(d);
      throw new RasError(result);
    }
    return handleToString(handle);
  }

  /**
   * Microsoft's EAP pre-step: an identity the EAP method has without asking (a certificate, a
   * saved sign-in) goes into the extensions, with its user name, so the dial needs no window.
   * Without one (703), or for an entry without EAP (780), the dial goes on and pauses in
   * InvokeEapUI where it must.
   */
  private async eapIdentity(d: Dial): Promise<void> {
    if (!this.api.has('RasGetEapUserIdentityW') || !this.api.has('RasFreeEapUserIdentityW')) return;
    const out: unknown[] = [null];
    const result = await this.api.callAsync(
      'RasGetEapUserIdentityW',
      d.phonebook,
      d.entryName,
      RASEAPF_NonInteractive,
      null,
      out,
    );
    if (result !== 0 || !out[0]) return;
    d.eapIdentity = out[0];
    // RASEAPUSERIDENTITYW: WCHAR szUserName[257] (514 bytes), DWORD dwSizeofEapInfo at 516,
    // BYTE pbEapInfo[] at 520.
    const head = this.api.read(out[0], 0, 520);
    const name = head.subarray(0, 514).toString('utf16le');
    const end = name.indexOf('\0');
    if (d.userName === '') d.userName = end < 0 ? name : name.slice(0, end);
    const at =
      this.api.offsetOf('RASDIALEXTENSIONS', 'RasEapInfo') +
      this.api.offsetOf('RASEAPINFO', 'pbEapInfo');
    d.extensions.writeUInt32LE(head.readUInt32LE(516), at - 4);
    const data = this.api.address(out[0]) + 520n;
    if (process.arch === 'ia32') d.extensions.writeUInt32LE(Number(data), at);
    else d.extensions.writeBigUInt64LE(data, at);
  }

  private freeIdentity(d: Dial): void {
    if (d.eapIdentity === null) return;
    void this.api.callAsync('RasFreeEapUserIdentityW', d.eapIdentity).catch(() => undefined);
    d.eapIdentity = null;
  }

  private async releaseFailed(handle: bigint): Promise<void> {
    await this.api.callAsync('RasHangUpW', handle).catch(() => undefined);
    const status = this.api.encode('RASCONNSTATUSW', {
      dwSize: this.api.sizeOf('RASCONNSTATUSW'),
    });
    const deadline = Date.now() + FAILED_DIAL_RELEASE_MS;
    while (Date.now() < deadline) {
      const result = await this.api.callAsync('RasGetConnectStatusW', handle, status);
      if (result === ERROR_INVALID_HANDLE) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private deliver(
    callbackId: number,
    hrasconn: bigint | number,
    state: number,
    error: number,
    extended: number,
    subEntry: number,
  ): void {
    const d = this.dials.get(callbackId);
    if (!d || d.over || d.hungUp) return;
    d.handle ??= BigInt(hrasconn);
    if (state >= RasState.Interactive && state < RasState.Connected) d.pausedSubEntry = subEntry;
    if (error !== 0 || state === RasState.Connected) {
      // Windows sends nothing after these: the notifier can go once this one is handled.
      d.over = true;
      setImmediate(() => this.unregister(d));
    }
    d.notify({ handle: handleToString(d.handle), state, error, extendedError: extended, subEntry });
  }

  private unregister(d: Dial): void {
    // Once no notification can come, RAS reads the extensions no more: the identity can go.
    this.freeIdentity(d);
    if (d.notifier === null) return;
    this.api.unregister(d.notifier);
    d.notifier = null;
  }

  /** Drops a dial whose connection is gone; RAS will never call its notifier again. */
  private forget(d: Dial): void {
    this.unregister(d);
    d.extensions.fill(0);
    this.dials.delete(d.callbackId);
  }

  private dialFor(handle: RasHandle): Dial | undefined {
    const h = handleFromString(handle);
    for (const d of this.dials.values()) if (d.handle === h) return d;
    return undefined;
  }

  async resume(handle: RasHandle, answer: PausedAnswer): Promise<void> {
    const d = this.dialFor(handle);
    if (!d || d.over || d.hungUp || d.handle === null) throw new RasError(ERROR_INVALID_HANDLE);
    if (answer.kind === 'callback') d.callbackNumber = answer.callbackNumber;
    if (answer.kind === 'retry-authentication')
      Object.assign(d, {
        userName: answer.userName,
        password: answer.password,
        domain: answer.domain,
      });
    if (answer.kind === 'new-password') d.password = answer.password;
    if (answer.kind === 'eap') {
      // The method's UI fills d.extensions' RasEapInfo, which the resume below sends on.
      const result = await this.api.callAsync(
        'RasInvokeEapUI',
        d.handle,
        d.pausedSubEntry,
        d.extensions,
        null,
      );
      if (result !== 0) throw new RasError(result);
    }
    const { result } = await this.callRasDial(d, d.handle);
    if (result !== 0) throw new RasError(result);
  }

  /** The person hung up: notifications for this dial are no longer wanted. */
  hungUp(handle: RasHandle): void {
    const d = this.dialFor(handle);
    if (d) d.hungUp = true;
  }

  /** The port is released: the handle is dead and may be issued again, so forget it. */
  released(handle: RasHandle): void {
    const d = this.dialFor(handle);
    if (d) this.forget(d);
  }

  dispose(): void {
    // Connections outlive the app; only notifiers of dials that cannot notify any more go.
    for (const d of this.dials.values()) if (d.over) this.unregister(d);
  }
}
