// The connection history: every finished dial attempt (entry, start, end, outcome, error, for
// a connected one its bytes and how it ended, and its whole timeline) appended as one JSON line
// to history.jsonl in the data folder. Bounded: past MAX_RECORDS the oldest are dropped, by an
// atomic rewrite that happens once per SLACK appends rather than on every one. A line that does
// not parse is skipped, not fatal; a line written before a field existed reads without it.

import { appendFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ConnectionView } from '../../app/connection-view';
import { historyRecordSchema, type HistoryRecord } from '../../app/ipc/contract';
import { writeFileAtomic } from '../fs/atomic-write';
import { withFileLock } from '../fs/file-lock';
import type { ConnectionsStore } from '../sessions/connections-store';

export const MAX_RECORDS = 1000;
const SLACK = 100;

/** The record of an attempt that just ended, or null for one with nothing to tell. */
export function recordOf(view: ConnectionView, endedAt: number): HistoryRecord | null {
  const startedAt = view.timeline.startedAt;
  if (startedAt === null) return null;
  // The timeline says whether it connected; the view forgets connectedAt once it is hung up.
  const connected = [...view.timeline.rows]
    .reverse()
    .find((r) => r.kind === 'state' && r.name === 'Connected');
  const connectedAt = view.connectedAt ?? (connected ? startedAt + connected.at : null);
  const outcome = connectedAt !== null ? 'connected' : view.error ? 'failed' : 'cancelled';
  return {
    id: `${view.id}@${startedAt}`,
    entryName: view.entryName,
    phonebook: view.phonebook,
    startedAt,
    endedAt,
    outcome,
    connectedFor: connectedAt !== null ? Math.max(0, endedAt - connectedAt) : null,
    error: view.error,
    timeline: view.timeline,
    ...endingOf(outcome === 'connected' ? view : null),
  };
}

/** Bytes and how it ended, for a connected attempt; nulls for one that never connected. */
function endingOf(
  view: ConnectionView | null,
): Pick<HistoryRecord, 'bytesSent' | 'bytesReceived' | 'ended' | 'endCode'> {
  const ending = view?.ending ?? null;
  return {
    bytesSent: ending?.bytesSent ?? null,
    bytesReceived: ending?.bytesReceived ?? null,
    ended: ending?.ended ?? null,
    endCode: ending?.code ?? null,
  };
}

export class HistoryStore {
  readonly file: string;
  private records: HistoryRecord[] | null = null;
  /**
   * The file as `records` last saw it. The window and ras-connect write one history: a file
   * changed since (another process appended or trimmed it) is read again.
   */
  private seen: string | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(record: HistoryRecord) => void>();

  constructor(
    dataDir: string,
    private readonly log: (message: string) => void = () => undefined,
    private readonly max = MAX_RECORDS,
  ) {
    this.file = path.join(dataDir, 'history.jsonl');
  }

  private async version(): Promise<string | null> {
    const s = await stat(this.file).catch(() => null);
    return s && `${s.ino}:${s.size}:${s.mtimeMs}`;
  }

  private async load(): Promise<HistoryRecord[]> {
    const version = await this.version();
    if (this.records && version === this.seen) return this.records;
    this.seen = version;
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const records: HistoryRecord[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = historyRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(parsed.data);
        else skipped++;
      } catch {
        skipped++;
      }
    }
    if (skipped > 0) this.log(`history: ${skipped} unreadable line(s) in ${this.file} skipped`);
    this.records = records;
    return records;
  }

  /** Appends a record; past the bound, the oldest are dropped from the file. */
  add(record: HistoryRecord): Promise<void> {
    this.writing = this.writing
      .then(async () => {
        // Under the file's lock, from the file as it is now: a trim by one process must not
        // drop what another appended since it last read.
        await withFileLock(this.file, async () => {
          const records = await this.load();
          records.push(record);
          if (records.length > this.max + SLACK) {
            records.splice(0, records.length - this.max);
            await writeFileAtomic(
              this.file,
              Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n'),
            );
          } else await appendFile(this.file, JSON.stringify(record) + '\n');
          this.seen = await this.version();
        });
        for (const listener of this.listeners) listener(record);
      })
      .catch((error: unknown) => this.log(`history: not written: ${(error as Error).message}`));
    return this.writing;
  }

  /** Newest first; for one entry when a name is given. */
  async list(filter: { phonebook?: string; name?: string } = {}): Promise<HistoryRecord[]> {
    await this.writing;
    const records = await this.load();
    const name = filter.name?.toLowerCase();
    return records
      .filter(
        (r) =>
          (name === undefined || r.entryName.toLowerCase() === name) &&
          (filter.phonebook === undefined || r.phonebook === filter.phonebook),
      )
      .slice(-this.max)
      .reverse();
  }

  onAdded(listener: (record: HistoryRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records each attempt as its connection ends. */
  follow(store: ConnectionsStore, now: () => number): () => void {
    return store.subscribe((state, previous) => {
      for (const view of Object.values(state.connections)) {
        const before = previous.connections[view.id];
        if (view.status !== 'disconnected' || !before || before.status === 'disconnected') continue;
        const record = recordOf(view, now());
        if (record) void this.add(record);
      }
    });
  }
}
