import { describe, expect, it } from 'vitest';
import { DAY, reliabilityReport, type ReportRecord } from './reliability-report';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 2026-11-30 00:00 UTC; the tests' days are UTC days. */
const MIDNIGHT = Date.UTC(2026, 10, 30);
const utcDay = (t: number) => t - (((t % DAY) + DAY) % DAY);

function connected(
  endedAt: number,
  connectedFor: number,
  ended: ReportRecord['ended'],
): ReportRecord {
  return {
    startedAt: endedAt - connectedFor - 5_000,
    endedAt,
    outcome: 'connected',
    connectedFor,
    error: null,
    ended,
    endCode: ended === 'person' ? null : 629,
  };
}

function failed(endedAt: number, code: number, startedAt = endedAt - 8_000): ReportRecord {
  return {
    startedAt,
    endedAt,
    outcome: 'failed',
    connectedFor: null,
    error: { code, name: `E${code}`, message: 'failed' } as unknown as ReportRecord['error'],
    ended: null,
    endCode: null,
  };
}

describe('reliability report', () => {
  it('measures uptime, connects, failures and drops over 7 and 30 days', () => {
    const now = MIDNIGHT + 12 * HOUR;
    const records = [
      // Up 12 h yesterday, hung up by the person.
      connected(MIDNIGHT, 12 * HOUR, 'person'),
      // Up 6 h ten days ago, dropped.
      connected(MIDNIGHT - 10 * DAY, 6 * HOUR, 'dropped'),
      failed(MIDNIGHT - 2 * DAY, 800),
      failed(MIDNIGHT - 3 * DAY, 800),
      failed(MIDNIGHT - 12 * DAY, 691),
      // Older than 30 days: not counted.
      connected(MIDNIGHT - 40 * DAY, 20 * HOUR, 'dropped'),
    ];
    const report = reliabilityReport(records, { now, dayStart: utcDay });
    expect(report.last7).toMatchObject({ days: 7, connects: 1, failures: 2, drops: 0 });
    expect(report.last7.uptime).toBeCloseTo((12 * HOUR) / (7 * DAY), 6);
    expect(report.last30).toMatchObject({ days: 30, connects: 2, failures: 3, drops: 1 });
    expect(report.last30.uptime).toBeCloseTo((18 * HOUR) / (30 * DAY), 6);
    expect(report.last30.dropsPerDay).toBeCloseTo(1 / 30, 6);
    expect(report.medianSessionMs).toBe(9 * HOUR);
    expect(report.commonError).toEqual({ code: 800, count: 2 });
  });

  it('counts the link up now, which history does not hold yet', () => {
    const now = MIDNIGHT + 12 * HOUR;
    const report = reliabilityReport([], { now, dayStart: utcDay, connectedSince: MIDNIGHT });
    expect(report.last7.uptime).toBeCloseTo((12 * HOUR) / (7 * DAY), 6);
    expect(report.days.at(-1)).toMatchObject({ start: MIDNIGHT, uptime: 1 });
  });

  it('gives 30 days for the chart, oldest first, splitting a session across midnight', () => {
    const now = MIDNIGHT + 6 * HOUR;
    // Up from 18:00 the day before yesterday to 06:00 yesterday.
    const records = [connected(MIDNIGHT - DAY + 6 * HOUR, 12 * HOUR, 'person')];
    const { days } = reliabilityReport(records, { now, dayStart: utcDay });
    expect(days).toHaveLength(30);
    expect(days[0]!.start).toBe(MIDNIGHT - 29 * DAY);
    expect(days.at(-1)!.start).toBe(MIDNIGHT);
    expect(days.at(-3)!.uptime).toBeCloseTo(0.25, 6);
    expect(days.at(-2)!.uptime).toBeCloseTo(0.25, 6);
    expect(days.at(-2)!.connects).toBe(1);
    expect(days.at(-1)!.uptime).toBe(0);
  });

  it('names drops every 8 hours ± 2 minutes as a pattern, not scattered drops', () => {
    const now = MIDNIGHT;
    const regular = [8 * HOUR, 8 * HOUR + MIN, 8 * HOUR - 2 * MIN, 8 * HOUR + 30_000].map(
      (length, i) => connected(now - (i + 1) * DAY, length, 'dropped'),
    );
    const report = reliabilityReport(regular, { now, dayStart: utcDay });
    const pattern = report.patterns.find((p) => p.kind === 'periodic-drop');
    expect(pattern).toBeDefined();
    expect(pattern).toMatchObject({ count: 4 });
    if (pattern?.kind !== 'periodic-drop') throw new Error('no pattern');
    expect(Math.abs(pattern.everyMs - 8 * HOUR)).toBeLessThanOrEqual(MIN);
    expect(pattern.spreadMs).toBeLessThanOrEqual(2 * MIN);

    const scattered = [1, 3, 5, 7.5].map((h, i) =>
      connected(now - (i + 1) * DAY, h * HOUR, 'dropped'),
    );
    expect(
      reliabilityReport(scattered, { now, dayStart: utcDay }).patterns.map((p) => p.kind),
    ).not.toContain('periodic-drop');
    // Short sessions are a flaky link, not a limit.
    const short = [5, 5, 5, 5].map((m, i) => connected(now - (i + 1) * DAY, m * MIN, 'dropped'));
    expect(
      reliabilityReport(short, { now, dayStart: utcDay }).patterns.map((p) => p.kind),
    ).not.toContain('periodic-drop');
  });

  it('names links that end around sleep when they are a good share of the drops', () => {
    const now = MIDNIGHT;
    const records = [
      connected(now - DAY, 2 * HOUR, 'sleep'),
      connected(now - 2 * DAY, 3 * HOUR, 'sleep'),
      connected(now - 3 * DAY, HOUR, 'dropped'),
    ];
    expect(reliabilityReport(records, { now, dayStart: utcDay }).patterns).toContainEqual({
      kind: 'sleep-drop',
      count: 2,
    });
    const mostlyOther = [
      ...records,
      ...[4, 5, 6, 7].map((d) => connected(now - d * DAY, HOUR, 'dropped')),
    ];
    expect(
      reliabilityReport(mostlyOther, { now, dayStart: utcDay }).patterns.map((p) => p.kind),
    ).not.toContain('sleep-drop');
  });

  it('names a first try that fails each morning and a second that works', () => {
    const now = MIDNIGHT;
    const morning = (d: number) => MIDNIGHT - d * DAY + 8 * HOUR;
    const records: ReportRecord[] = [];
    for (const d of [1, 2, 3, 4]) {
      records.push(failed(morning(d) + 10_000, 800, morning(d)));
      records.push(connected(morning(d) + 4 * HOUR, 4 * HOUR - 60_000, 'person'));
    }
    // One day it worked at once.
    records.push(connected(morning(5) + HOUR, HOUR - 10_000, 'person'));
    records.push(failed(morning(5) + 2 * HOUR, 678));
    const report = reliabilityReport(records, { now, dayStart: utcDay });
    expect(report.patterns).toContainEqual({ kind: 'first-try-fails', days: 4, ofDays: 5 });

    // A second try hours later is not "works on the second".
    const late = records.map((r) =>
      r.outcome === 'connected' ? { ...r, startedAt: r.startedAt + 3 * HOUR } : r,
    );
    expect(
      reliabilityReport(late, { now, dayStart: utcDay }).patterns.map((p) => p.kind),
    ).not.toContain('first-try-fails');
  });

  it('is empty and calm with no history', () => {
    const report = reliabilityReport([], { now: MIDNIGHT, dayStart: utcDay });
    expect(report.last30).toEqual({
      days: 30,
      uptime: 0,
      connects: 0,
      failures: 0,
      drops: 0,
      dropsPerDay: 0,
    });
    expect(report.medianSessionMs).toBeNull();
    expect(report.commonError).toBeNull();
    expect(report.patterns).toEqual([]);
  });
});
