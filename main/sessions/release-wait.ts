// After RasHangUp the port is not yet free: poll RasGetConnectStatus until the handle is
// invalid (ras-reference.md §4), in short steps and with a cap that ends in a clear error.

import { messageRef } from '../../app/ras/app-messages';
import { AppError, ERROR_INVALID_HANDLE, RasError, RasErrorCode } from '../../app/ras/errors';
import { RasState } from '../../app/ras/connection-state';
import type { RasBackend, RasHandle } from '../ras/backend';
import { sleep, type Clock } from '../clock';

export interface ReleaseTiming {
  /** Between two status polls; DotRas uses 50 ms. */
  pollMs: number;
  /** The most the wait may take before it is reported as a failure. */
  timeoutMs: number;
}

export const defaultReleaseTiming: ReleaseTiming = { pollMs: 50, timeoutMs: 10_000 };

/** Tries of a RasHangUp that fails, and the pause between them. */
export const HANG_UP_TRIES = 3;
export const HANG_UP_RETRY_MS = 250;

/**
 * How a hang-up went: RAS took it ('hung-up': the one reference this app holds is given back),
 * or said the connection was already gone (6, 668), which a live one sometimes is not.
 */
export type HangUpResult = 'hung-up' | 'gone';

/**
 * Hangs up `handle`; an already-gone connection (6, 668) counts as hung up. A failure is tried
 * again twice, a moment apart: a handle never hung up keeps its port until the system restarts.
 */
export async function hangUpHandle(
  backend: RasBackend,
  handle: RasHandle,
  clock?: Clock,
): Promise<HangUpResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      await backend.hangUp(handle);
      return 'hung-up';
    } catch (error) {
      if (
        error instanceof RasError &&
        (error.code === ERROR_INVALID_HANDLE || error.code === RasErrorCode.ERROR_NO_CONNECTION)
      )
        return 'gone';
      if (!clock || attempt === HANG_UP_TRIES) throw error;
      await sleep(clock, HANG_UP_RETRY_MS);
    }
  }
}

/**
 * Waits until the port of `handle` is released. `hungUp` is how the hang-up went: only when
 * RAS said the connection was gone while its handle still answers is it hung up again. A
 * hang-up RAS took gave back this app's one reference; another RasHangUp would give back a
 * reference another program holds (a second RasDial of a connected entry adds one).
 */
export async function waitForRelease(
  backend: RasBackend,
  clock: Clock,
  handle: RasHandle,
  timing: ReleaseTiming = defaultReleaseTiming,
  hungUp: HangUpResult = 'gone',
): Promise<void> {
  const deadline = clock.now() + timing.timeoutMs;
  const seconds = Math.round(timing.timeoutMs / 1000);
  let nextHangUp = clock.now() + timing.timeoutMs / 4;
  let stillUp = false;
  for (;;) {
    // A status call that fails for another reason says nothing about the port: ask again,
    // and if it never answers, say that it was the status call that failed.
    let failed: unknown = null;
    try {
      const status = await backend.getConnectStatus(handle);
      stillUp = status.state === RasState.Connected && status.error === 0;
      // The handle still answers a while after the hang-up: perhaps the hang-up did not take
      // (RasHangUp said "no connection" for a live one). Asking again is harmless.
      if (hungUp === 'gone' && clock.now() >= nextHangUp) {
        nextHangUp = clock.now() + timing.timeoutMs / 4;
        await hangUpHandle(backend, handle).catch(() => undefined);
      }
    } catch (error) {
      if (error instanceof RasError && error.code === ERROR_INVALID_HANDLE) return;
      failed = error;
    }
    if (clock.now() >= deadline) {
      if (failed instanceof RasError)
        throw new RasError(failed.code, messageRef('session.releaseAsked', { seconds }));
      if (failed) throw failed;
      if (stillUp)
        throw new AppError(
          'HANGUP_TIMEOUT',
          messageRef(hungUp === 'hung-up' ? 'session.stillUpShared' : 'session.stillUp', {
            seconds,
          }),
        );
      throw new AppError('HANGUP_TIMEOUT', messageRef('session.portKept', { seconds }));
    }
    await sleep(clock, timing.pollMs);
  }
}
