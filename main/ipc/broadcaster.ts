// Main's store → events for every window: a versioned snapshot on each change, and a
// connection:paused event when a connection starts waiting for an answer.

import type { EventName } from '../../app/ipc/channels';
import type { EventPayload } from '../../app/ipc/contract';
import type { PausedRequest } from '../../app/connection-view';
import type { ConnectionsStore } from '../sessions/connections-store';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export function broadcastConnections(store: ConnectionsStore, emit: Emit): () => void {
  const announced = new Map<string, PausedRequest>();
  return store.subscribe(
    (s) => s.version,
    () => {
      const { version, connections } = store.getState();
      const views = Object.values(connections);
      emit('connection:state', { version, connections: views });
      for (const view of views) {
        if (view.status === 'paused' && view.paused && announced.get(view.id) !== view.paused) {
          announced.set(view.id, view.paused);
          emit('connection:paused', {
            id: view.id,
            entryName: view.entryName,
            paused: view.paused,
          });
        }
        if (view.status !== 'paused') announced.delete(view.id);
      }
    },
  );
}
