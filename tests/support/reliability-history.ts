// A month of synthetic history for one entry, as history.jsonl holds it: on weekdays the
// morning's first try often fails (error 800), the second connects and drops after 8 h give or
// take two minutes (a server's session limit), and some evenings it is dialed again and hung
// up. Written into an app's data folder before the window reads its history.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryRecord } from '../../app/ipc/contract';
import { describeError } from '../../app/ras/errors';

const MIN = 60_000;
const HOUR = 60 * MIN;

export function monthOfHistory(entryName: string, phonebook: string, now: number): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  const add = (
    startedAt: number,
    endedAt: number,
    fields: Pick<HistoryRecord, 'outcome' | 'connectedFor' | 'error' | 'ended' | 'endCode'>,
  ) =>
    records.push({
      id: `synthetic-${records.length}@${startedAt}`,
      entryName,
      phonebook,
      startedAt,
      endedAt,
      timeline: { startedAt, rows: [] },
      bytesSent: fields.connectedFor === null ? null : Math.round(fields.connectedFor / 900),
      bytesReceived: fields.connectedFor === null ? null : Math.round(fields.connectedFor / 150),
      ...fields,
    });
  const today = new Date(now);
  for (let daysAgo = 29; daysAgo >= 1; daysAgo--) {
    // Date, not arithmetic on milliseconds: a DST change in the month keeps the hours local.
    const at = (hour: number, minute = 0) =>
      new Date(
        today.getFullYear(),
        today.getMonth(),
        today.getDate() - daysAgo,
        hour,
        minute,
      ).getTime();
    const weekday = new Date(at(12)).getDay();
    if (weekday === 0 || weekday === 6) continue;
    if (daysAgo % 3 !== 0)
      add(at(8, 55), at(8, 55) + 9_000, {
        outcome: 'failed',
        connectedFor: null,
        error: describeError(800),
        ended: null,
        endCode: null,
      });
    const connectedAt = at(8, 57) + 12_000;
    const length = 8 * HOUR + (((daysAgo * 37) % 5) - 2) * MIN;
    add(at(8, 57), connectedAt + length, {
      outcome: 'connected',
      connectedFor: length,
      error: null,
      ended: 'dropped',
      endCode: 629,
    });
    if (daysAgo % 4 === 1)
      add(at(19), at(20, 30), {
        outcome: 'connected',
        connectedFor: 90 * MIN - 12_000,
        error: null,
        ended: 'person',
        endCode: null,
      });
  }
  return records;
}

/** Writes the records as the history store keeps them (oldest first, one JSON line each). */
export async function writeHistory(
  dataDir: string,
  records: readonly HistoryRecord[],
): Promise<void> {
  const sorted = [...records].sort((a, b) => a.endedAt - b.endedAt);
  await writeFile(
    path.join(dataDir, 'history.jsonl'),
    sorted.map((r) => JSON.stringify(r)).join('\n') + '\n',
  );
}
