// Logs each change of a connection's status: which entry, the new status, the paused kind or
// the error. A view never holds a password, so neither does a line written from it.

import type { ConnectionsStore } from '../sessions/connections-store';

export function logConnections(
  store: ConnectionsStore,
  log: (message: string) => void,
): () => void {
  return store.subscribe((state, previous) => {
    for (const view of Object.values(state.connections)) {
      const before = previous.connections[view.id];
      if (before?.status === view.status && before.paused?.kind === view.paused?.kind) continue;
      let line = `${view.entryName} (${view.phonebook}): ${view.status}`;
      if (view.status === 'paused' && view.paused) line += ` for ${view.paused.kind}`;
      if (view.status === 'waiting-to-redial')
        line +=
          view.attempts === 0
            ? ` (attempt ${view.attempt}, kept connected)`
            : ` (attempt ${view.attempt} of ${view.attempts})`;
      if (view.error && (view.status === 'disconnected' || view.status === 'waiting-to-redial'))
        line += `: ${view.error.code} ${view.error.name}`;
      log(line);
    }
  });
}
