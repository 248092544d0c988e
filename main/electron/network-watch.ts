// Whether the computer has a usable network, for "Keep connected": Electron's net.isOnline(),
// and a change of the network interfaces (an address gained or lost, an adapter plugged in),
// noticed by polling os.networkInterfaces() on the clock, since Node has no event for it.

import os from 'node:os';
import { net } from 'electron';
import type { Clock } from '../clock';
import type { NetworkState } from '../sessions/keep-connected';

/** How often the interfaces and the online state are looked at. */
export const NETWORK_POLL_MS = 2_000;

export interface NetworkSources {
  isOnline: () => boolean;
  interfaces: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}

/** The addresses of the interfaces that carry traffic out (not loopback), as one comparable text. */
function fingerprint(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string {
  return Object.entries(interfaces)
    .flatMap(([name, infos]) =>
      (infos ?? []).filter((i) => !i.internal).map((i) => `${name}/${i.address}`),
    )
    .sort()
    .join(' ');
}

export interface NetworkWatch extends NetworkState {
  stop(): void;
}

export function watchNetwork(
  clock: Clock,
  sources: NetworkSources = { isOnline: () => net.isOnline(), interfaces: os.networkInterfaces },
  pollMs = NETWORK_POLL_MS,
): NetworkWatch {
  const listeners = new Set<() => void>();
  const look = () => ({ online: sources.isOnline(), seen: fingerprint(sources.interfaces()) });
  let last = look();
  let stopped = false;
  let timer = clock.setTimeout(function poll() {
    if (stopped) return;
    const now = look();
    const changed = now.online !== last.online || now.seen !== last.seen;
    last = now;
    if (changed) for (const listener of listeners) listener();
    timer = clock.setTimeout(poll, pollMs);
  }, pollMs);
  return {
    // A usable network: online, with an address on an interface other than loopback.
    online() {
      const now = look();
      return now.online && now.seen !== '';
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      timer();
    },
  };
}
