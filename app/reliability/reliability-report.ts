// How reliable one entry has been, from the history it already keeps: uptime over the last 7
// and 30 days, connects, failures, drops per day, the median session, a per-day series for a
// chart, and the patterns worth naming. A pure function over finished attempts (and the link up
// now, which history does not hold yet), so it runs the same in main, the window and tests.

import type { HistoryRecord } from '../ipc/contract';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The part of a history record the report reads. */
export type ReportRecord = Pick<
  HistoryRecord,
  'startedAt' | 'endedAt' | 'outcome' | 'connectedFor' | 'error' | 'ended' | 'endCode'
>;

export interface PeriodFigures {
  days: number;
  /** Share of the period the link was up, 0..1. */
  uptime: number;
  connects: number;
  failures: number;
  /** Connected links that went down under the person (dropped, or ended around sleep). */
  drops: number;
  dropsPerDay: number;
}

export interface DayFigures {
  /** Start of the day (local midnight as the caller's `dayStart` says). */
  start: number;
  uptime: number;
  connects: number;
  failures: number;
  drops: number;
}

export type ReliabilityPattern =
  /** Connected links drop after about the same time: a server's session limit, typically. */
  | { kind: 'periodic-drop'; everyMs: number; spreadMs: number; count: number }
  /** Links end around the computer's sleep: while it slept or just after it woke. */
  | { kind: 'sleep-drop'; count: number }
  /** The day's first attempt fails and the next one, soon after, works. */
  | { kind: 'first-try-fails'; days: number; ofDays: number };

export interface ReliabilityReport {
  last7: PeriodFigures;
  last30: PeriodFigures;
  /** Median time connected per connected attempt over the last 30 days; null with none. */
  medianSessionMs: number | null;
  /** The most common error of the failures over 30 days, with its count. */
  commonError: { code: number; count: number } | null;
  /** The last 30 days, oldest first, for the chart. */
  days: DayFigures[];
  patterns: ReliabilityPattern[];
}

export interface ReportOptions {
  now: number;
  /** Start of the local day holding `time`: the caller knows the time zone, this file does not. */
  dayStart: (time: number) => number;
  /** When the link up now connected, if it is up: history holds only finished attempts. */
  connectedSince?: number | null;
}

/** Whether a connected attempt ended without the person asking. */
function dropped(r: ReportRecord): boolean {
  return r.outcome === 'connected' && (r.ended === 'dropped' || r.ended === 'sleep');
}

/** The intervals the link was up: [from, to). */
function upIntervals(records: readonly ReportRecord[], options: ReportOptions): [number, number][] {
  const up: [number, number][] = [];
  for (const r of records)
    if (r.outcome === 'connected' && r.connectedFor !== null)
      up.push([r.endedAt - r.connectedFor, r.endedAt]);
  if (options.connectedSince != null) up.push([options.connectedSince, options.now]);
  return up;
}

function overlap(up: readonly [number, number][], from: number, to: number): number {
  // Intervals of one entry do not overlap in practice; merge anyway so uptime never passes 1.
  const clipped = up
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    const start = Math.max(a, end);
    if (b > start) total += b - start;
    end = Math.max(end, b);
  }
  return total;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figures(
  records: readonly ReportRecord[],
  up: readonly [number, number][],
  from: number,
  to: number,
): Omit<PeriodFigures, 'days' | 'dropsPerDay'> {
  // An attempt belongs to the period it ended in (a drop happens at its end).
  const inside = records.filter((r) => r.endedAt >= from && r.endedAt < to);
  return {
    uptime: to > from ? overlap(up, from, to) / (to - from) : 0,
    connects: inside.filter((r) => r.outcome === 'connected').length,
    failures: inside.filter((r) => r.outcome === 'failed').length,
    drops: inside.filter(dropped).length,
  };
}

function period(
  records: readonly ReportRecord[],
  up: readonly [number, number][],
  options: ReportOptions,
  days: number,
): PeriodFigures {
  const from = options.now - days * DAY;
  const f = figures(records, up, from, options.now);
  return { ...f, days, dropsPerDay: f.drops / days };
}

/**
 * Drops after about the same time connected: the largest group of drops whose session lengths
 * lie within a tolerance of each other (2 minutes, or 2% of the length when longer), at least
 * three of them and at least half of all drops, each session 10 minutes or more (shorter ones
 * are flaky links, not a limit).
 */
function periodicDrop(drops: readonly ReportRecord[]): ReliabilityPattern | null {
  const lengths = drops
    .map((r) => r.connectedFor)
    .filter((v): v is number => v !== null && v >= 10 * MINUTE)
    .sort((a, b) => a - b);
  let best: number[] = [];
  for (let i = 0; i < lengths.length; i++) {
    const tolerance = Math.max(2 * MINUTE, lengths[i]! * 0.02);
    const group = lengths.filter((v) => v >= lengths[i]! && v <= lengths[i]! + 2 * tolerance);
    if (group.length > best.length) best = group;
  }
  if (best.length < 3 || best.length * 2 < drops.length) return null;
  // "every X ± Y": the middle of the group and half its width.
  const low = best[0]!;
  const high = best.at(-1)!;
  return {
    kind: 'periodic-drop',
    everyMs: (low + high) / 2,
    spreadMs: (high - low) / 2,
    count: best.length,
  };
}

function sleepDrop(drops: readonly ReportRecord[]): ReliabilityPattern | null {
  const count = drops.filter((r) => r.ended === 'sleep').length;
  return count >= 2 && count * 3 >= drops.length ? { kind: 'sleep-drop', count } : null;
}

/**
 * The day's first attempt fails and the next, within an hour, connects: on at least three days
 * and on at least half of the days with two attempts or more.
 */
function firstTryFails(
  records: readonly ReportRecord[],
  dayStart: (time: number) => number,
): ReliabilityPattern | null {
  const byDay = new Map<number, ReportRecord[]>();
  for (const r of [...records].sort((a, b) => a.startedAt - b.startedAt)) {
    const day = dayStart(r.startedAt);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  let days = 0;
  let ofDays = 0;
  for (const attempts of byDay.values()) {
    const [first, second] = attempts.filter((r) => r.outcome !== 'cancelled');
    if (!first || !second) continue;
    ofDays++;
    if (
      first.outcome === 'failed' &&
      second.outcome === 'connected' &&
      second.startedAt - first.endedAt <= HOUR
    )
      days++;
  }
  return days >= 3 && days * 2 >= ofDays ? { kind: 'first-try-fails', days, ofDays } : null;
}

export function reliabilityReport(
  records: readonly ReportRecord[],
  options: ReportOptions,
): ReliabilityReport {
  const from30 = options.now - 30 * DAY;
  const recent = records.filter((r) => r.endedAt >= from30 && r.endedAt < options.now);
  const up = upIntervals(recent, options);
  const drops = recent.filter(dropped);

  const days: DayFigures[] = [];
  const today = options.dayStart(options.now);
  for (let i = 29; i >= 0; i--) {
    // Days are found by asking for the day of a time inside it: DST days are 23 or 25 hours.
    const start = options.dayStart(today - i * DAY + 12 * HOUR);
    const end = i === 0 ? options.now : options.dayStart(today - (i - 1) * DAY + 12 * HOUR);
    days.push({ start, ...figures(recent, up, start, end) });
  }

  const codes = new Map<number, number>();
  for (const r of recent)
    // RAS numbers only: the app's own refusals (named codes) are not the link's failures.
    if (r.outcome === 'failed' && typeof r.error?.code === 'number')
      codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
  const common = [...codes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];

  return {
    last7: period(recent, up, options, 7),
    last30: period(recent, up, options, 30),
    medianSessionMs: median(
      recent
        .filter((r) => r.outcome === 'connected' && r.connectedFor !== null)
        .map((r) => r.connectedFor!),
    ),
    commonError: common ? { code: common[0], count: common[1] } : null,
    days,
    patterns: [
      periodicDrop(drops),
      sleepDrop(drops),
      firstTryFails(recent, options.dayStart),
    ].filter((p): p is ReliabilityPattern => p !== null),
  };
}
