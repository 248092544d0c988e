// reliability.json of the diagnostics zip: for every entry the history names, the report the
// window's Reliability section shows (figures, the 30 days, the patterns). Numbers and error
// codes only: nothing of a record's words, credentials or addresses goes in.

import type { ConnectionView } from '../../app/connection-view';
import type { HistoryRecord } from '../../app/ipc/contract';
import { localDayStart } from '../../app/reliability/local-day';
import {
  reliabilityReport,
  type ReliabilityReport,
} from '../../app/reliability/reliability-report';

export interface EntryReliability {
  entry: string;
  phonebook: string;
  report: ReliabilityReport;
}

export function reliabilityByEntry(
  history: readonly HistoryRecord[],
  connections: readonly ConnectionView[],
  now: number,
): EntryReliability[] {
  // Entry names are case-insensitive in RAS, as in the zip's entries.json.
  const key = (phonebook: string, name: string) => `${phonebook}\u0000${name.toLowerCase()}`;
  const byEntry = new Map<string, HistoryRecord[]>();
  for (const r of history) {
    const k = key(r.phonebook, r.entryName);
    byEntry.set(k, [...(byEntry.get(k) ?? []), r]);
  }
  return [...byEntry.values()].map((records) => {
    const { entryName, phonebook } = records[0]!;
    const up = connections.find(
      (c) =>
        c.status === 'connected' && key(c.phonebook, c.entryName) === key(phonebook, entryName),
    );
    return {
      entry: entryName,
      phonebook,
      report: reliabilityReport(records, {
        now,
        dayStart: localDayStart,
        connectedSince: up?.connectedAt ?? null,
      }),
    };
  });
}
