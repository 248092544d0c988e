// After RasHangUp the port is not yet free: poll RasGetConnectStatus until the handle is
// invalid (ras-reference.md §4), in short steps and with a cap that ends in a clear error.

import { AppError, ERROR_INVALID_HANDLE, RasError, RasErrorCode } from '../../app/ras/errors';
import type { RasBackend, RasHandle } from '../ras/backend';
import { sleep, type Clock } from '../clock';

export interface ReleaseTiming {
  /** Between two status polls; DotRas uses 50 ms. */
  pollMs: number;
  /** The most the wait may take before it is reported as a failure. */
  timeoutMs: number;
}

export const defaultReleaseTiming: ReleaseTiming = { pollMs: 50, timeoutMs: 10_000 };

/** Hangs up `handle`; an already-gone connection (6, 668) counts as hung up. */
export async function hangUpHandle(backend: RasBackend, handle: RasHandle): Promise<void> {
  try {
    await backend.hangUp(handle);
  } catch (error) {
    if (
      error instanceof RasError &&
      (error.code === ERROR_INVALID_HANDLE || error.code === RasErrorCode.ERROR_NO_CONNECTION)
    )
      return;
    throw error;
  }
}

export async function waitForRelease(
  backend: RasBackend,
  clock: Clock,
  handle: RasHandle,
  timing: ReleaseTiming = defaultReleaseTiming,
): Promise<void> {
  const deadline = clock.now() + timing.timeoutMs;
  for (;;) {
    try {
      await backend.getConnectStatus(handle);
    } catch (error) {
      if (error instanceof RasError && error.code === ERROR_INVALID_HANDLE) return;
      throw error;
    }
    if (clock.now() >= deadline)
      throw new AppError(
        'HANGUP_TIMEOUT',
        `The connection was hung up, but its port was not released within ${Math.round(timing.timeoutMs / 1000)} s.`,
      );
    await sleep(clock, timing.pollMs);
  }
}
