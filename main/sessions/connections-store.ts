// Main's truth about every connection: a vanilla zustand store that the session engine
// writes and the CLI, IPC broadcaster and tray read. Every change bumps `version`, so a
// window that pulled a snapshot applies only newer ones.

import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { ConnectionView } from '../../app/connection-view';

export type { ConnectionStatus, ConnectionView, PausedRequest } from '../../app/connection-view';

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
