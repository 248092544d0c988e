// The computer's sleep, from Electron's powerMonitor, told to the session engine: a link that
// goes down while the computer sleeps (or as it wakes) is kept in the history as ended by sleep.

import type { SessionManager } from '../sessions/session-manager';

/** The part of Electron's powerMonitor this needs (an EventEmitter). */
export interface PowerEvents {
  on(event: 'suspend' | 'resume', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'resume', listener: () => void): unknown;
}

/** Returns the function that stops watching. */
export function watchSleep(
  power: PowerEvents,
  manager: Pick<SessionManager, 'suspending' | 'resumed'>,
): () => void {
  const suspend = (): void => manager.suspending();
  const resume = (): void => manager.resumed();
  power.on('suspend', suspend);
  power.on('resume', resume);
  return () => {
    power.removeListener('suspend', suspend);
    power.removeListener('resume', resume);
  };
}
