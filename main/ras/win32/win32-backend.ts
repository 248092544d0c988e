// RasBackend over rasapi32.dll. Dials are asynchronous with a RasDialFunc2 notifier and
// paused states on; anything that can block runs through koffi's .async form, so the main
// thread never waits on a RAS thread that waits on it (shared/ras-reference.md §3.4, §9).

import { RasState } from '../../../app/ras/connection-state';
import {
  AppError,
  describeError,
  ERROR_INVALID_HANDLE,
  RasError,
  RasErrorCode as E,
} from '../../../app/ras/errors';
import { currentRevision } from '../../fs/revision';
import type { RasEntry } from '../../../app/phonebook/entry';
import type {
  ChangeOptions,
  ConnectStatus,
  ConnectionEvent,
  CredentialsUpdate,
  DeviceInfo,
  DialRequest,
  EntrySummary,
  NotifyFn,
  PausedAnswer,
  RasBackend,
  RasConnectionInfo,
  RasHandle,
  RasStatistics,
  SavedCredentials,
} from '../backend';
import {
  fromRasEntry,
  readAlternates,
  toRasEntry,
  encodeAlternates,
  type RawEntry,
} from './entry-properties';
import { loadRasApi32, type RasApi32 } from './rasapi32';
import { watchWithNotifications } from './connection-watch';
import type { PbkSection } from '../../../app/phonebook/pbk-codec';
import { readSections, writeSections, type WriteSectionsOptions } from '../pbk-sections';
import { PbkFileLock } from '../simulated/pbk-file';
import type { PbkCharset } from '../pbk-charset';

const RDEOPT_UsePrefixSuffix = 0x1;
const RDEOPT_PausedStates = 0x2;
const RASCM_UserName = 0x1;
const RASCM_Password = 0x2;
const RASCM_Domain = 0x4;
const RASCM_PreSharedKey = 0x10;
const NOTIFIER_TYPE_FUNC2 = 2;

export interface Win32BackendOptions {
  defaultPhonebook: string;
  /** Bindings to use (tests load the C double); default: rasapi32.dll or RAS_CONNECT_RASAPI32. */
  api?: RasApi32;
  /** How often RasEnumConnections is polled for connections that come and go. */
  watchIntervalMs?: number;
  /** How the phonebook file is read when it is not UTF-8 (default: the system's code page). */
  charset?: PbkCharset;
}

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
  options: number;
  notify: NotifyFn;
  notifier: unknown;
  /** Connected, failed, or hung up: no more notifications are wanted. */
  over: boolean;
  hungUp: boolean;
}

export function handleToString(handle: bigint | number): RasHandle {
  return `0x${BigInt(handle).toString(16)}`;
}

function handleFromString(handle: RasHandle): bigint {
  if (!/^0x[0-9a-f]+$/i.test(handle)) throw new RasError(ERROR_INVALID_HANDLE);
  return BigInt(handle);
}

export class Win32RasBackend implements RasBackend {
  readonly kind = 'win32' as const;
  /** Serializes this process's whole-entry writes to a phonebook file (copy, import). */
  private readonly sectionLock = new PbkFileLock();
  private readonly charset: PbkCharset | undefined;
  readonly defaultPhonebook: string;
  private readonly api: RasApi32;
  private readonly watchIntervalMs: number;
  private readonly dials = new Map<number, Dial>();
  private nextCallbackId = 1;
  private readonly stops = new Set<() => void>();

  constructor(options: Win32BackendOptions) {
    this.defaultPhonebook = options.defaultPhonebook;
    this.api = options.api ?? loadRasApi32();
    this.watchIntervalMs = options.watchIntervalMs ?? 5000;
    this.charset = options.charset;
  }

  /** How many RasDialFunc2 callbacks are registered now (a leak shows here). */
  get registeredNotifiers(): number {
    return [...this.dials.values()].filter((d) => d.notifier !== null).length;
  }

  private book(phonebook: string | undefined): string {
    return phonebook ?? this.defaultPhonebook;
  }

  private dialParams(d: Dial): Buffer {
    return this.api.encode('RASDIALPARAMSW', {
      dwSize: this.api.sizeOf('RASDIALPARAMSW'),
      szEntryName: d.entryName,
      szPhoneNumber: d.phoneNumber,
      szCallbackNumber: d.callbackNumber,
      szUserName: d.userName,
      szPassword: d.password,
      szDomain: d.domain,
      dwSubEntry: 0,
      dwCallbackId: d.callbackId,
      dwIfIndex: 0,
    });
  }

  private extensions(d: Dial): Buffer {
    return this.api.encode('RASDIALEXTENSIONS', {
      dwSize: this.api.sizeOf('RASDIALEXTENSIONS'),
      dwfOptions: d.options,
    });
  }

  /** RasDialW with the dial's parameters; the buffer holding the password is zeroed after. */
  private async callRasDial(d: Dial, handle: bigint): Promise<{ result: number; handle: bigint }> {
    const params = this.dialParams(d);
    const extensions = this.extensions(d);
    const out = [handle];
    try {
      const result = await this.api.callAsync(
        'RasDialW',
        extensions,
        d.phonebook,
        params,
        NOTIFIER_TYPE_FUNC2,
        d.notifier,
        out,
      );
      return { result, handle: BigInt(out[0] ?? 0) };
    } finally {
      params.fill(0);
    }
  }

  async dial(request: DialRequest, onNotify: NotifyFn): Promise<RasHandle> {
    const phonebook = this.book(request.phonebook);
    let { userName, password, domain } = request;
    if (userName === '' && password === '') {
      // The saved credentials: the password comes back as a handle string RasDial understands.
      const saved = await this.readCredentials(phonebook, request.entryName, true);
      userName = saved.userName;
      password = saved.password;
      domain = saved.domain;
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
      options:
        (request.pausedStates ? RDEOPT_PausedStates : 0) |
        (request.usePrefixSuffix ? RDEOPT_UsePrefixSuffix : 0),
      notify: onNotify,
      notifier: null,
      over: false,
      hungUp: false,
    };
    // Keyed by the callback id: the first notification can come before RasDial returns.
    d.notifier = this.api.registerNotifier(
      (id, subEntry, hrasconn, _msg, state, error, extended) => {
        try {
          // Only hand the event over: no RAS call from inside the notifier.
          setImmediate(() => this.deliver(Number(id), hrasconn, state, error, extended, subEntry));
        } catch {
          // Returning 0 would stop every further notification.
        }
        return 1;
      },
    );
    this.dials.set(callbackId, d);
    const { result, handle } = await this.callRasDial(d, 0n);
    if (handle !== 0n) d.handle = handle;
    if (result !== 0) {
      d.over = true;
      // A handle RasDial produced must be hung up even when the dial failed.
      if (handle !== 0n) await this.api.callAsync('RasHangUpW', handle);
      else this.forget(d);
      throw new RasError(result);
    }
    return handleToString(handle);
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
    if (error !== 0 || state === RasState.Connected) {
      // Windows sends nothing after these: the notifier can go once this one is handled.
      d.over = true;
      setImmediate(() => this.unregister(d));
    }
    d.notify({ handle: handleToString(d.handle), state, error, extendedError: extended, subEntry });
  }

  private unregister(d: Dial): void {
    if (d.notifier === null) return;
    this.api.unregister(d.notifier);
    d.notifier = null;
  }

  /** Drops a dial whose connection is gone; RAS will never call its notifier again. */
  private forget(d: Dial): void {
    this.unregister(d);
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
      const result = await this.api.callAsync(
        'RasInvokeEapUI',
        d.handle,
        0,
        this.extensions(d),
        null,
      );
      if (result !== 0) throw new RasError(result);
    }
    const { result } = await this.callRasDial(d, d.handle);
    if (result !== 0) throw new RasError(result);
  }

  async getConnectStatus(handle: RasHandle): Promise<ConnectStatus> {
    const h = handleFromString(handle);
    const buffer = this.api.encode('RASCONNSTATUSW', { dwSize: this.api.sizeOf('RASCONNSTATUSW') });
    const result = await this.api.callAsync('RasGetConnectStatusW', h, buffer);
    if (result === ERROR_INVALID_HANDLE) {
      // The port is released: the handle is dead and may be issued again, so forget it.
      const d = this.dialFor(handle);
      if (d) this.forget(d);
    }
    if (result !== 0) throw new RasError(result);
    const status = this.api.decode<{
      rasconnstate: number;
      dwError: number;
      szDeviceType: string;
      szDeviceName: string;
      szPhoneNumber: string;
    }>('RASCONNSTATUSW', buffer);
    return {
      state: status.rasconnstate,
      error: status.dwError,
      deviceType: status.szDeviceType,
      deviceName: status.szDeviceName,
      phoneNumber: status.szPhoneNumber,
    };
  }

  async hangUp(handle: RasHandle): Promise<void> {
    const d = this.dialFor(handle);
    if (d) d.hungUp = true;
    const result = await this.api.callAsync('RasHangUpW', handleFromString(handle));
    if (result !== 0) throw new RasError(result);
  }

  /** The two-call pattern of the RasEnum* functions: probe the size, then fill (bounded retries). */
  private async enumerate(
    name: 'RasEnumConnectionsW' | 'RasEnumEntriesW' | 'RasEnumDevicesW',
    struct: string,
    prefix: unknown[] = [],
  ): Promise<Buffer[]> {
    const size = this.api.sizeOf(struct);
    let buffer: Buffer | null = null;
    for (let tries = 0; tries < 5; tries++) {
      const bytes = [buffer ? buffer.length : 0];
      const count = [0];
      const result = await this.api.callAsync(name, ...prefix, buffer, bytes, count);
      if (result === E.ERROR_BUFFER_TOO_SMALL) {
        buffer = Buffer.alloc(Math.max(bytes[0]!, size));
        buffer.writeUInt32LE(size, 0);
        continue;
      }
      if (result !== 0) throw new RasError(result);
      const out: Buffer[] = [];
      for (let i = 0; i < count[0]!; i++) out.push(buffer!.subarray(i * size, (i + 1) * size));
      return out;
    }
    throw new RasError(E.ERROR_BUFFER_TOO_SMALL, '(the list kept growing)');
  }

  async enumConnections(): Promise<RasConnectionInfo[]> {
    const items = await this.enumerate('RasEnumConnectionsW', 'RASCONNW');
    return items.map((b) => {
      const c = this.api.decode<{
        hrasconn: bigint | number;
        szEntryName: string;
        szPhonebook: string;
        szDeviceType: string;
        szDeviceName: string;
      }>('RASCONNW', b);
      return {
        handle: handleToString(c.hrasconn),
        entryName: c.szEntryName,
        phonebook: c.szPhonebook,
        deviceType: c.szDeviceType,
        deviceName: c.szDeviceName,
      };
    });
  }

  async getStatistics(handle: RasHandle): Promise<RasStatistics> {
    const buffer = this.api.encode('RAS_STATS', { dwSize: this.api.sizeOf('RAS_STATS') });
    const result = await this.api.callAsync(
      'RasGetConnectionStatistics',
      handleFromString(handle),
      buffer,
    );
    if (result !== 0) throw new RasError(result);
    const s = this.api.decode<Record<string, number>>('RAS_STATS', buffer);
    return {
      bytesXmited: s.dwBytesXmited!,
      bytesRcved: s.dwBytesRcved!,
      framesXmited: s.dwFramesXmited!,
      framesRcved: s.dwFramesRcved!,
      crcErr: s.dwCrcErr!,
      timeoutErr: s.dwTimeoutErr!,
      alignmentErr: s.dwAlignmentErr!,
      hardwareOverrunErr: s.dwHardwareOverrunErr!,
      framingErr: s.dwFramingErr!,
      bufferOverrunErr: s.dwBufferOverrunErr!,
      compressionRatioIn: s.dwCompressionRatioIn!,
      compressionRatioOut: s.dwCompressionRatioOut!,
      bps: s.dwBps!,
      connectDuration: s.dwConnectDuration!,
    };
  }

  watchConnections(onEvent: (event: ConnectionEvent) => void): () => void {
    let known: Set<RasHandle> | null = null;
    let running = false;
    const poll = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        const now = new Set((await this.enumConnections()).map((c) => c.handle));
        if (known) {
          for (const h of now) if (!known.has(h)) onEvent({ kind: 'connected', handle: h });
          for (const h of known) if (!now.has(h)) onEvent({ kind: 'disconnected', handle: h });
        }
        known = now;
      } catch {
        // A failed poll is tried again at the next tick.
      } finally {
        running = false;
      }
    };
    void poll();
    // RasConnectionNotification where it works; the poll stays as the safety net (§3.6).
    const stopEvents = watchWithNotifications(this.api, () => void poll());
    const timer = setInterval(() => void poll(), this.watchIntervalMs);
    const stop = (): void => {
      clearInterval(timer);
      stopEvents();
      this.stops.delete(stop);
    };
    this.stops.add(stop);
    return stop;
  }

  async listEntries(phonebook?: string): Promise<EntrySummary[]> {
    const book = this.book(phonebook);
    const items = await this.enumerate('RasEnumEntriesW', 'RASENTRYNAMEW', [null, book]);
    const names = items.map((b) =>
      this.api.decode<{ szEntryName: string; szPhonebookPath: string }>('RASENTRYNAMEW', b),
    );
    const out: EntrySummary[] = [];
    for (const n of names) {
      const entry = await this.getEntry(book, n.szEntryName);
      out.push({
        name: n.szEntryName,
        phonebook: n.szPhonebookPath || book,
        type: entry.type,
        destination: entry.phoneNumbers[0]?.number ?? '',
      });
    }
    return out;
  }

  private async readEntry(
    phonebook: string,
    name: string,
  ): Promise<{ raw: RawEntry; alternates: string[] }> {
    const size = [0];
    let result = this.api.functions.RasGetEntryPropertiesW(
      phonebook,
      name,
      null,
      size,
      null,
      null,
    ) as number;
    if (result !== E.ERROR_BUFFER_TOO_SMALL && result !== 0)
      throw new RasError(result, `("${name}")`);
    const buffer = Buffer.alloc(Math.max(size[0]!, this.api.sizeOf('RASENTRYW')));
    buffer.writeUInt32LE(this.api.sizeOf('RASENTRYW'), 0);
    size[0] = buffer.length;
    result = this.api.functions.RasGetEntryPropertiesW(
      phonebook,
      name,
      buffer,
      size,
      null,
      null,
    ) as number;
    if (result !== 0) throw new RasError(result, `("${name}")`);
    const raw = this.api.decode<RawEntry>('RASENTRYW', buffer);
    return { raw, alternates: readAlternates(buffer, raw.dwAlternateOffset as number) };
  }

  async getEntry(phonebook: string | undefined, name: string): Promise<RasEntry> {
    const { raw, alternates } = await this.readEntry(this.book(phonebook), name);
    return fromRasEntry(name, raw, alternates);
  }

  phonebookRevision(phonebook?: string): Promise<string> {
    return currentRevision(this.book(phonebook));
  }

  /** RAS writes the file itself; a change made against an older revision is refused first. */
  private async checkRevision(phonebook: string, options: ChangeOptions): Promise<void> {
    if (
      options.expectedRevision !== undefined &&
      options.expectedRevision !== (await currentRevision(phonebook))
    )
      throw new AppError(
        'PHONEBOOK_CHANGED',
        `${phonebook} was changed by another program; nothing was written.`,
      );
  }

  async setEntry(
    phonebook: string | undefined,
    entry: RasEntry,
    options: ChangeOptions = {},
  ): Promise<void> {
    const book = this.book(phonebook);
    await this.checkRevision(book, options);
    let base: RawEntry;
    try {
      base = (await this.readEntry(book, entry.name)).raw;
    } catch (error) {
      if (!(error instanceof RasError) || error.code !== E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY)
        throw error;
      // A new entry starts from Windows' defaults (an empty name gives them).
      base = (await this.readEntry(book, '')).raw;
    }
    const { raw, alternates } = toRasEntry(base, entry);
    const tail = encodeAlternates(alternates);
    const size = this.api.sizeOf('RASENTRYW');
    const buffer = this.api.encode(
      'RASENTRYW',
      { ...raw, dwSize: size, dwAlternateOffset: tail.length > 0 ? size : 0 },
      tail.length,
    );
    tail.copy(buffer, size);
    const result = this.api.functions.RasSetEntryPropertiesW(
      book,
      entry.name,
      buffer,
      buffer.length,
      null,
      0,
    ) as number;
    if (result !== 0) throw new RasError(result, `("${entry.name}")`);
  }

  // RASENTRY cannot carry every key of an entry (NRPT rules, routes, Always On keys), so whole
  // entries are copied through the phonebook file, which RAS reads anew on every call.
  readSections(phonebook: string | undefined, names: string[] | null): Promise<PbkSection[]> {
    return readSections(this.book(phonebook), names, this.charset);
  }

  writeSections(
    phonebook: string | undefined,
    sections: readonly PbkSection[],
    options: WriteSectionsOptions = {},
  ): Promise<void> {
    return writeSections(this.book(phonebook), this.sectionLock, sections, options, this.charset);
  }

  async renameEntry(
    phonebook: string | undefined,
    oldName: string,
    newName: string,
    options: ChangeOptions = {},
  ): Promise<void> {
    await this.checkRevision(this.book(phonebook), options);
    const result = this.api.functions.RasRenameEntryW(
      this.book(phonebook),
      oldName,
      newName,
    ) as number;
    if (result !== 0) throw new RasError(result);
  }

  async deleteEntry(
    phonebook: string | undefined,
    name: string,
    options: ChangeOptions = {},
  ): Promise<void> {
    await this.checkRevision(this.book(phonebook), options);
    const result = this.api.functions.RasDeleteEntryW(this.book(phonebook), name) as number;
    if (result !== 0) throw new RasError(result);
  }

  async validateEntryName(phonebook: string | undefined, name: string): Promise<void> {
    const result = this.api.functions.RasValidateEntryNameW(this.book(phonebook), name) as number;
    if (result !== 0) throw new RasError(result);
  }

  private async readCredentials(phonebook: string, name: string, withPassword: boolean) {
    const buffer = this.api.encode('RASCREDENTIALSW', {
      dwSize: this.api.sizeOf('RASCREDENTIALSW'),
      dwMask: RASCM_UserName | RASCM_Password | RASCM_Domain,
    });
    try {
      const result = this.api.functions.RasGetCredentialsW(phonebook, name, buffer) as number;
      if (result !== 0) throw new RasError(result);
      const c = this.api.decode<{
        dwMask: number;
        szUserName: string;
        szPassword: string;
        szDomain: string;
      }>('RASCREDENTIALSW', buffer);
      return {
        userName: c.szUserName,
        domain: c.szDomain,
        hasPassword: (c.dwMask & RASCM_Password) !== 0,
        password: withPassword ? c.szPassword : '',
      };
    } finally {
      buffer.fill(0);
    }
  }

  async getCredentials(phonebook: string | undefined, name: string): Promise<SavedCredentials> {
    const { userName, domain, hasPassword } = await this.readCredentials(
      this.book(phonebook),
      name,
      false,
    );
    return {
      userName,
      domain,
      hasPassword,
      hasPreSharedKey: this.hasPreSharedKey(this.book(phonebook), name),
    };
  }

  /** Asked alone: RAS says whether an L2TP/IKEv2 key is saved, never the key. */
  private hasPreSharedKey(phonebook: string, name: string): boolean {
    const buffer = this.api.encode('RASCREDENTIALSW', {
      dwSize: this.api.sizeOf('RASCREDENTIALSW'),
      dwMask: RASCM_PreSharedKey,
    });
    try {
      if (this.api.functions.RasGetCredentialsW(phonebook, name, buffer) !== 0) return false;
      return (
        (this.api.decode<{ dwMask: number }>('RASCREDENTIALSW', buffer).dwMask &
          RASCM_PreSharedKey) !==
        0
      );
    } finally {
      buffer.fill(0);
    }
  }

  async setCredentials(
    phonebook: string | undefined,
    name: string,
    update: CredentialsUpdate,
  ): Promise<void> {
    const book = this.book(phonebook);
    const write = (mask: number, clear: boolean, password = ''): void => {
      const buffer = this.api.encode('RASCREDENTIALSW', {
        dwSize: this.api.sizeOf('RASCREDENTIALSW'),
        dwMask: mask,
        szUserName: update.userName,
        szPassword: password,
        szDomain: update.domain,
      });
      try {
        const result = this.api.functions.RasSetCredentialsW(
          book,
          name,
          buffer,
          clear ? 1 : 0,
        ) as number;
        if (result !== 0) throw new RasError(result);
      } finally {
        buffer.fill(0);
      }
    };
    const withPassword = update.password !== undefined && update.password !== '';
    write(
      RASCM_UserName | RASCM_Domain | (withPassword ? RASCM_Password : 0),
      false,
      update.password,
    );
    if (update.password === '') write(RASCM_Password, true);
    // The pre-shared key goes in szPassword with RASCM_PreSharedKey alone (RasSetCredentials).
    if (update.preSharedKey) write(RASCM_PreSharedKey, false, update.preSharedKey);
    else if (update.preSharedKey === '') write(RASCM_PreSharedKey, true);
  }

  async listDevices(): Promise<DeviceInfo[]> {
    const items = await this.enumerate('RasEnumDevicesW', 'RASDEVINFOW');
    return items.map((b) => {
      const d = this.api.decode<{ szDeviceType: string; szDeviceName: string }>('RASDEVINFOW', b);
      return { type: d.szDeviceType, name: d.szDeviceName };
    });
  }

  errorMessage(code: number): string {
    if (code < 600 || code > 878) return describeError(code).message;
    const buffer = Buffer.alloc(1024);
    const result = this.api.functions.RasGetErrorStringW(code, buffer, 512) as number;
    if (result !== 0) return describeError(code).message;
    const text = buffer.toString('utf16le');
    return text.slice(0, text.indexOf('\0') < 0 ? undefined : text.indexOf('\0'));
  }

  dispose(): void {
    for (const stop of [...this.stops]) stop();
    // Connections outlive the app; only notifiers of dials that cannot notify any more go.
    for (const d of this.dials.values()) if (d.over) this.unregister(d);
  }
}
