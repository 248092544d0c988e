// Pure reducer: the events of one connection attempt → timeline rows with their group,
// the time since the dial started and how long each state lasted.

import { describeState, type StateGroup } from './ras/connection-state';

export type TimelineEvent =
  | {
      kind: 'notification';
      time: number;
      state: number;
      error: number;
      extendedError: number;
      /** 'ras' for what the RAS API reported, 'app' for a row the session added (the final Disconnected). */
      source?: 'ras' | 'app';
    }
  | ({ kind: 'dial'; time: number } & DialDetail)
  | ({ kind: 'wait'; time: number; error: number } & WaitDetail)
  | { kind: 'attached'; time: number; state: number };

export interface TimelineRow {
  kind: 'state' | 'dial' | 'wait' | 'attached';
  state: number;
  name: string;
  group: StateGroup | 'info';
  description: string;
  /** Milliseconds since the first event of the timeline. */
  at: number;
  /** How long the row lasted; null while it is the newest row. */
  duration: number | null;
  error: number;
  extendedError: number;
  source: 'ras' | 'app';
  /** For dial rows: what was dialed, so each window can say it in its own language. */
  dial?: DialDetail;
  /** For wait rows: why the attempt ended and when the next one comes. */
  wait?: WaitDetail;
}

/**
 * An attempt that ended (a failure, or the link dropped) while more attempts follow: the
 * sequence goes on, so the row is a step, not the terminal Disconnected of the whole dial.
 */
export interface WaitDetail {
  cause: 'dropped' | 'failed';
  /** Seconds until the redial. */
  seconds: number;
  /** The attempt that comes next, 1-based, and how many there may be in all (0: no cap). */
  attempt: number;
  attempts: number;
  /** The network was down: the redial waits for it to come back, not for `seconds`. */
  offline?: boolean;
}

export interface DialDetail {
  destination: string;
  /** 1-based redial attempt and how many there may be in all (0: no cap, "Keep connected"). */
  attempt: number;
  attempts: number;
  /** 1-based index of the number dialed among the entry's numbers. */
  numberIndex: number;
  numberCount: number;
  reason: 'first' | 'alternate' | 'redial';
}

export interface Timeline {
  startedAt: number | null;
  rows: readonly TimelineRow[];
}

export const emptyTimeline: Timeline = { startedAt: null, rows: [] };

function dialDescription(e: Extract<TimelineEvent, { kind: 'dial' }>): string {
  const parts = [`Dialing ${e.destination || '(no number)'}`];
  if (e.numberCount > 1) parts.push(`number ${e.numberIndex} of ${e.numberCount}`);
  if (e.attempts > 1 || (e.attempts === 0 && e.attempt > 1)) parts.push(attemptText(e));
  return parts.join(', ');
}

function dialDetail({
  kind: _kind,
  time: _time,
  ...detail
}: Extract<TimelineEvent, { kind: 'dial' }>): DialDetail {
  return detail;
}

/** "attempt 3 of 5", or for a loop with no cap ("Keep connected") "attempt 3". */
function attemptText(e: { attempt: number; attempts: number }): string {
  return e.attempts === 0 ? `attempt ${e.attempt}` : `attempt ${e.attempt} of ${e.attempts}`;
}

function waitDescription(e: Extract<TimelineEvent, { kind: 'wait' }>): string {
  const what = e.cause === 'dropped' ? 'The link dropped' : 'The attempt failed';
  const when = e.offline ? 'waiting for the network to redial' : `redialing in ${e.seconds} s`;
  return `${what}; ${when} (${attemptText(e)})`;
}

function rowFor(e: TimelineEvent, at: number): TimelineRow {
  if (e.kind === 'wait')
    return {
      kind: 'wait',
      state: -1,
      name: 'RedialWait',
      group: 'info',
      description: waitDescription(e),
      at,
      duration: null,
      error: e.error,
      extendedError: 0,
      source: 'app',
      wait: {
        cause: e.cause,
        seconds: e.seconds,
        attempt: e.attempt,
        attempts: e.attempts,
        ...(e.offline ? { offline: true } : {}),
      },
    };
  if (e.kind === 'dial')
    return {
      kind: 'dial',
      state: -1,
      name: e.reason === 'first' ? 'Dial' : e.reason === 'alternate' ? 'Alternate' : 'Redial',
      group: 'info',
      description: dialDescription(e),
      at,
      duration: null,
      error: 0,
      extendedError: 0,
      source: 'app',
      dial: dialDetail(e),
    };
  const info = describeState(e.state);
  if (e.kind === 'attached')
    return {
      kind: 'attached',
      state: e.state,
      name: info.name,
      group: info.group,
      description: `Found already ${info.description.toLowerCase()}`,
      at,
      duration: null,
      error: 0,
      extendedError: 0,
      source: 'app',
    };
  return {
    kind: 'state',
    state: e.state,
    name: info.name,
    group: e.error !== 0 && info.group !== 'terminal' ? 'terminal' : info.group,
    description: info.description,
    at,
    duration: null,
    error: e.error,
    extendedError: e.extendedError,
    source: e.source ?? 'ras',
  };
}

export function reduceTimeline(timeline: Timeline, event: TimelineEvent): Timeline {
  const startedAt = timeline.startedAt ?? event.time;
  const at = Math.max(0, event.time - startedAt);
  const rows = timeline.rows.slice();
  const prev = rows[rows.length - 1];
  if (prev) rows[rows.length - 1] = { ...prev, duration: Math.max(0, at - prev.at) };
  rows.push(rowFor(event, at));
  return { startedAt, rows };
}
