// The pauses of the "Keep connected" loop and what a session asks of it: kept apart from the
// engine (keep-connected.ts) so that a session needs nothing of the engine itself.

/** The first pause of a loop; each failed attempt doubles it, up to the ceiling. */
export const KEEP_FIRST_PAUSE_MS = 5_000;
export const KEEP_PAUSE_CEILING_MS = 5 * 60_000;
/** A link that stayed up this long proved itself: the next drop starts the pauses again. */
export const KEEP_STABLE_MS = 60_000;

/** The pause before the redial that follows `streak` redials since the loop (re)started. */
export function keepPause(streak: number): number {
  return Math.min(KEEP_PAUSE_CEILING_MS, KEEP_FIRST_PAUSE_MS * 2 ** Math.min(streak, 16));
}

/** What a session asks of the loop before it redials. */
export interface KeepPolicy {
  kept(phonebook: string, entryName: string): boolean;
  online(): boolean;
  /** The computer woke: the loops that wait dial once the network is usable. */
  resumed?(): void;
}
