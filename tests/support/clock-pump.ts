// Waiting on a manual clock while real work (reading and writing files) runs in between: the
// clock moves one small step at a time, with a turn of the event loop before each, and every
// waiter at that moment shares the step (eight connections waiting move it once, not eight
// times). Steps must stay short, or a repeating timer runs ahead of work that takes real time.

import type { ManualClock } from '../../main/clock';

export function clockPump(clock: ManualClock, stepMs: number) {
  let stepping: Promise<void> | null = null;
  const step = (): Promise<void> =>
    (stepping ??= (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await clock.advance(stepMs);
      stepping = null;
    })());
  /** Resolves once `check` holds. */
  return async function until(check: () => boolean): Promise<void> {
    while (!check()) await step();
  };
}
