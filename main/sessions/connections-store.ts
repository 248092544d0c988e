// Main's truth about every connection: a vanilla zustand store that the session engine
// writes and the CLI, IPC broadcaster and tray read. Every change bumps `version`, so a
// window that pulled a snapshot applies only newer ones.

import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { PausedKind } from '../../app/ras/connection-state';
import type { ErrorInfo } from '../../app/ras/errors';
import type { Timeline } from '../../app/timeline';

export type ConnectionStatus =
  'dialing' | 'paused' | 'connected' | 'waiting-to-redial' | 'disconnecting' | 'disconnected';

export interface PausedRequest {
  kind: PausedKind;
  state: number;
  /** For retry-authentication: 1-based count of the retries in this attempt. */
  retry: number;
  /** Why the server paused, in words (the rejected sign-in, the expired password, …). */
  reason: string;
  /** What the dial used so far, so a dialog can prefill it; never a password. */
  userName: string;
  domain: string;
}

export interface ConnectionView {
  id: string;
  entryName: string;
  phonebook: string;
  status: ConnectionStatus;
  handle: string | null;
  timeline: Timeline;
  paused: PausedRequest | null;
  /** The error the last attempt ended with; null while it goes on or after a clean hang-up. */
  error: ErrorInfo | null;
  attempt: number;
  attempts: number;
  numberIndex: number;
  numberCount: number;
  destination: string;
  connectedAt: number | null;
  redialAt: number | null;
  /** Found connected at start-up (or dialed by another program), not dialed by this app. */
  attached: boolean;
}

export interface ConnectionsState {
  version: number;
  connections: Record<string, ConnectionView>;
}

export function createConnectionsStore() {
  return createStore<ConnectionsState>()(
    subscribeWithSelector(() => ({ version: 0, connections: {} })),
  );
}

export type ConnectionsStore = ReturnType<typeof createConnectionsStore>;

export function updateConnection(
  store: ConnectionsStore,
  id: string,
  change: (view: ConnectionView) => ConnectionView,
): void {
  store.setState((s) => {
    const current = s.connections[id];
    if (!current) return s;
    return { version: s.version + 1, connections: { ...s.connections, [id]: change(current) } };
  });
}

export function putConnection(
  store: ConnectionsStore,
  view: ConnectionView,
  replacing?: string,
): void {
  store.setState((s) => {
    const connections = { ...s.connections };
    if (replacing) delete connections[replacing];
    connections[view.id] = view;
    return { version: s.version + 1, connections };
  });
}

export function isActive(view: ConnectionView): boolean {
  return view.status !== 'disconnected';
}
