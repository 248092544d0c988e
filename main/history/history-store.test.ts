import { appendFileSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../app/ipc/contract';
import { simulatedCore, until, type TestCore } from '../../tests/support/core';
import type { Core } from '../app-core';
import { HistoryStore } from './history-store';

let dir: string;
const logged: string[] = [];

const record = (i: number, entryName = 'Dial-up'): HistoryRecord => ({
  id: `c${i}@${i}`,
  entryName,
  phonebook: '/p.pbk',
  startedAt: i,
  endedAt: i + 1,
  outcome: 'failed',
  connectedFor: null,
  error: null,
  timeline: { startedAt: i, rows: [] },
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-history-'));
  logged.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('history store', () => {
  it('appends records and lists them newest first, for one entry or all', async () => {
    const history = new HistoryStore(dir);
    await history.add(record(1));
    await history.add(record(2, 'Office VPN'));
    await history.add(record(3));
    expect((await history.list()).map((r) => r.startedAt)).toEqual([3, 2, 1]);
    expect((await history.list({ name: 'dial-UP' })).map((r) => r.startedAt)).toEqual([3, 1]);
    // A new store reads the same file.
    expect((await new HistoryStore(dir).list()).map((r) => r.id)).toEqual(['c3@3', 'c2@2', 'c1@1']);
  });

  it('keeps the newest records past its bound, dropping the oldest first', async () => {
    const history = new HistoryStore(dir, undefined, 5);
    for (let i = 1; i <= 106; i++) await history.add(record(i));
    const lines = readFileSync(history.file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect((await new HistoryStore(dir, undefined, 5).list()).map((r) => r.startedAt)).toEqual([
      106, 105, 104, 103, 102,
    ]);
  });

  it('skips a line it cannot read, and says so', async () => {
    const history = new HistoryStore(dir, (m) => logged.push(m));
    await history.add(record(1));
    appendFileSync(history.file, '{"not": "a record"}\nnot json at all\n');
    const fresh = new HistoryStore(dir, (m) => logged.push(m));
    expect(await fresh.list()).toHaveLength(1);
    expect(logged).toEqual([expect.stringContaining('2 unreadable line(s)')]);
  });
});

describe('history records of bytes and endings', () => {
  it('keeps bytes and how it ended through the file, and still reads a line written before them', async () => {
    const history = new HistoryStore(dir);
    const dropped: HistoryRecord = {
      ...record(2),
      outcome: 'connected',
      connectedFor: 30_000,
      bytesSent: 1200,
      bytesReceived: 34_000,
      ended: 'dropped',
      endCode: 629,
    };
    // The line an older version wrote: none of the four fields.
    const { bytesSent, bytesReceived, ended, endCode, ...old } = { ...record(1) } as HistoryRecord;
    expect([bytesSent, bytesReceived, ended, endCode]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    appendFileSync(history.file, JSON.stringify(old) + '\n');
    await history.add(dropped);
    const [newest, oldest] = await new HistoryStore(dir).list();
    expect(newest).toEqual(dropped);
    expect(oldest).toMatchObject({ id: 'c1@1', outcome: 'failed' });
    expect(oldest!.ended ?? null).toBeNull();
  });

  it('refuses an ending outside the closed set', async () => {
    const history = new HistoryStore(dir, (m) => logged.push(m));
    appendFileSync(history.file, JSON.stringify({ ...record(1), ended: 'unplugged' }) + '\n');
    expect(await history.list()).toEqual([]);
  });
});

describe('history of real dials', () => {
  let test: TestCore;
  let core: Core;
  beforeEach(async () => {
    test = await simulatedCore();
    core = test.core;
  });
  afterEach(() => test.dispose());

  it('keeps a failed attempt with its error and whole timeline', async () => {
    await core.manager.dial({ entryName: 'Busy line' });
    await until(async () => (await core.history.list()).length === 1);
    const [busy] = await core.history.list({ name: 'Busy line' });
    expect(busy).toMatchObject({ entryName: 'Busy line', outcome: 'failed', connectedFor: null });
    expect(busy!.error?.code).toBe(676);
    expect(busy!.timeline.rows.map((r) => r.name)).toContain('ConnectDevice');
    expect(busy!.endedAt).toBeGreaterThanOrEqual(busy!.startedAt);
  });

  it('keeps a connection that was made and hung up, and never its password', async () => {
    const password = 'Sekret-4242-pw';
    const id = await core.manager.dial({
      entryName: 'Dial-up',
      credentials: { userName: 'me', password, domain: '' },
    });
    await until(() => core.manager.get(id)?.status === 'connected');
    await core.manager.hangUp(id);
    await until(async () => (await core.history.list()).length === 1);
    const [made] = await core.history.list();
    expect(made).toMatchObject({ entryName: 'Dial-up', outcome: 'connected', ended: 'person' });
    expect(made!.connectedFor).toBeGreaterThanOrEqual(0);
    expect(made!.bytesSent).toEqual(expect.any(Number));
    expect(made!.bytesReceived).toEqual(expect.any(Number));
    expect(readFileSync(core.history.file, 'utf8')).not.toContain(password);
  });

  it('keeps a dial hung up before it connected as cancelled', async () => {
    const id = await core.manager.dial({ entryName: 'Office VPN' });
    await until(() => core.manager.get(id)?.status === 'paused');
    await core.manager.hangUp(id);
    await until(async () => (await core.history.list()).length === 1);
    expect((await core.history.list())[0]).toMatchObject({
      outcome: 'cancelled',
      bytesSent: null,
      bytesReceived: null,
      ended: null,
      endCode: null,
    });
  });
});
