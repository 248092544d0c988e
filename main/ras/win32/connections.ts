// Connections through rasapi32 (DotRas: RasConnection, RasConnectionWatcher): status,
// statistics, hang-up and the list of connections, and one watcher for the whole backend,
// however many parts of the app watch: RasConnectionNotification where it works, and a
// RasEnumConnections poll as the safety net (shared/ras-reference.md §3.6).

import { RasError, ERROR_INVALID_HANDLE } from '../../../app/ras/errors';
import type {
  ConnectStatus,
  ConnectionEvent,
  RasConnectionInfo,
  RasHandle,
  RasStatistics,
} from '../backend';
import { watchWithNotifications } from './connection-watch';
import { enumerate } from './enumerate';
import { handleFromString, handleToString } from './handles';
import type { StatusForDetails } from './projection';
import type { RasApi32 } from './rasapi32';

interface RawEndpoint {
  dwType: number;
  addr: number[];
}
interface RawStatus {
  rasconnstate: number;
  dwError: number;
  szDeviceType: string;
  szDeviceName: string;
  szPhoneNumber: string;
  localEndPoint: RawEndpoint;
  remoteEndPoint: RawEndpoint;
}

export interface ConnectionsDeps {
  api: RasApi32;
  watchIntervalMs: number;
  /** The dialer hears of hang-ups and released ports (its notifiers go then). */
  onHungUp: (handle: RasHandle) => void;
  onReleased: (handle: RasHandle) => void;
}

export class Win32Connections {
  private readonly watchers = new Set<(event: ConnectionEvent) => void>();
  private stopWatching: (() => void) | null = null;

  constructor(private readonly deps: ConnectionsDeps) {}

  private get api(): RasApi32 {
    return this.deps.api;
  }

  async status(handle: RasHandle): Promise<ConnectStatus> {
    const status = await this.readStatus(handle);
    return {
      state: status.rasconnstate,
      error: status.dwError,
      deviceType: status.szDeviceType,
      deviceName: status.szDeviceName,
      phoneNumber: status.szPhoneNumber,
    };
  }

  /** RASCONNSTATUS's device and tunnel endpoints, for the connection's details. */
  async statusForDetails(handle: RasHandle): Promise<StatusForDetails> {
    const status = await this.readStatus(handle);
    const endpoint = (e: RawEndpoint) => ({ dwType: e.dwType, addr: Uint8Array.from(e.addr) });
    return {
      deviceType: status.szDeviceType,
      deviceName: status.szDeviceName,
      localEndPoint: endpoint(status.localEndPoint),
      remoteEndPoint: endpoint(status.remoteEndPoint),
    };
  }

  private async readStatus(handle: RasHandle): Promise<RawStatus> {
    const h = handleFromString(handle);
    const buffer = this.api.encode('RASCONNSTATUSW', { dwSize: this.api.sizeOf('RASCONNSTATUSW') });
    const result = await this.api.callAsync('RasGetConnectStatusW', h, buffer);
    if (result === ERROR_INVALID_HANDLE) this.deps.onReleased(handle);
    if (result !== 0) throw new RasError(result);
    return this.api.decode<RawStatus>('RASCONNSTATUSW', buffer);
  }

  async hangUp(handle: RasHandle): Promise<void> {
    this.deps.onHungUp(handle);
    const result = await this.api.callAsync('RasHangUpW', handleFromString(handle));
    if (result !== 0) throw new RasError(result);
  }

  async list(): Promise<RasConnectionInfo[]> {
    const items = await enumerate(this.api, 'RasEnumConnectionsW', 'RASCONNW');
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

  async statistics(handle: RasHandle): Promise<RasStatistics> {
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

  /** Adds a watcher; the first starts the one watch, the last to go stops it. */
  watch(onEvent: (event: ConnectionEvent) => void): () => void {
    this.watchers.add(onEvent);
    this.stopWatching ??= this.startWatching();
    return () => {
      this.watchers.delete(onEvent);
      if (this.watchers.size === 0) this.stopAll();
    };
  }

  private startWatching(): () => void {
    let known: Set<RasHandle> | null = null;
    let running = false;
    const poll = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        const now = new Set((await this.list()).map((c) => c.handle));
        if (known) {
          const events: ConnectionEvent[] = [];
          for (const h of now) if (!known.has(h)) events.push({ kind: 'connected', handle: h });
          for (const h of known) if (!now.has(h)) events.push({ kind: 'disconnected', handle: h });
          for (const event of events) for (const watch of [...this.watchers]) watch(event);
        }
        known = now;
      } catch {
        // A failed poll is tried again at the next tick.
      } finally {
        running = false;
      }
    };
    void poll();
    const stopEvents = watchWithNotifications(this.api, () => void poll());
    const timer = setInterval(() => void poll(), this.deps.watchIntervalMs);
    return () => {
      clearInterval(timer);
      stopEvents();
    };
  }

  private stopAll(): void {
    this.stopWatching?.();
    this.stopWatching = null;
  }

  dispose(): void {
    this.watchers.clear();
    this.stopAll();
  }
}
