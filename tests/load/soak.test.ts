// Soak: one connection held for SOAK_HOURS simulated hours (72 by default, as in CI) with the
// window open and its statistics pushed every second, while another entry is dialed and hung
// up every three minutes (so history and the log keep growing). The heap after garbage
// collection must stay flat, the history file within its 1,000 records (plus the slack it
// trims at), the log within its size. The figures go to reports/soak.json.

import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/clock';
import { MAX_RECORDS } from '../../main/history/history-store';
import { AppLog, LOG_FILE } from '../../main/log/app-log';
import { clockPump } from '../support/clock-pump';
import { simulatedCore, type TestCore } from '../support/core';

const HOURS = Number(process.env.SOAK_HOURS ?? 72);
const LOG_LIMIT = 64 * 1024;
const HISTORY_SLACK = 100;

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

let test: TestCore | undefined;
afterAll(() => test?.dispose());

describe('soak', () => {
  it(`holds a connection for ${HOURS} simulated hours with the window open`, async () => {
    const clock = new ManualClock();
    // The log file lives in the core's folder, which exists once the core does.
    const logTo: { file?: AppLog } = {};
    test = await simulatedCore({ clock, log: (message) => logTo.file?.info(message) });
    const { core, dir } = test;
    logTo.file = new AppLog(dir, undefined, LOG_LIMIT);
    // Small steps: the held connection's one-second timer must not race ahead while a
    // phonebook file is read in real time.
    const until = clockPump(clock, 50);
    const drive = async <T>(work: Promise<T>): Promise<T> => {
      let done = false;
      void work.finally(() => (done = true)).catch(() => undefined);
      await until(() => done);
      return work;
    };
    const call = async (channel: string, payload: unknown) => {
      const result = await drive(core.router.handle(channel, payload, 'window:1'));
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    const credentials = { userName: 'alice', password: 'secret', domain: '' };

    let statistics = 0;
    let states = 0;
    core.addSink((event) => {
      if (event === 'connection:statistics') statistics++;
      if (event === 'connection:state') states++;
    });
    const { id } = (await call('connection:dial', { entryName: 'Office VPN', credentials })) as {
      id: string;
    };
    await until(() => core.manager.get(id)!.status === 'connected');
    await call('connection:watch-statistics', { id });

    const samples: { hour: number; heapMB: number }[] = [];
    let churn = 0;
    for (let hour = 1; hour <= HOURS; hour++) {
      for (let minute = 0; minute < 60; minute += 3) {
        // Another entry, dialed and hung up: history records and log lines.
        const other = (await call('connection:dial', {
          entryName: 'Dial-up',
          credentials,
        })) as { id: string };
        await until(() => core.manager.get(other.id)!.status === 'connected');
        await call('connection:hang-up', { id: other.id });
        churn++;
        await clock.advance(3 * 60_000 - (clock.now() % (3 * 60_000)));
      }
      samples.push({ hour, heapMB: heapAfterGc() / 2 ** 20 });
    }

    expect(core.manager.get(id)!.status).toBe('connected');
    const seconds = HOURS * 3600;
    expect(clock.now()).toBeLessThan(seconds * 1000 + 3 * 60_000);
    expect(statistics).toBeGreaterThan(seconds * 0.99);
    const last = (await call('connection:statistics', { id })) as { connectDuration: number };
    expect(last.connectDuration).toBeGreaterThanOrEqual(seconds * 1000 * 0.99);

    // History and log within their bounds.
    await clock.runUntil(() => true);
    const history = readFileSync(path.join(dir, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(history.length).toBeLessThanOrEqual(MAX_RECORDS + HISTORY_SLACK);
    expect(history.length).toBeGreaterThan(Math.min(churn, MAX_RECORDS) - 1);
    const logSize = statSync(path.join(dir, LOG_FILE)).size;
    expect(logSize).toBeLessThanOrEqual(LOG_LIMIT);
    let rotated = 0;
    try {
      rotated = statSync(path.join(dir, `${LOG_FILE}.1`)).size;
    } catch {
      rotated = 0;
    }
    expect(rotated).toBeLessThanOrEqual(LOG_LIMIT);

    // The heap, from the first hour (warmed up) to the last.
    const first = samples[0]!.heapMB;
    const peak = Math.max(...samples.map((s) => s.heapMB));
    const growth = samples.at(-1)!.heapMB - first;
    const report = {
      hours: HOURS,
      statisticsEvents: statistics,
      stateEvents: states,
      otherDials: churn,
      historyRecords: history.length,
      logBytes: logSize,
      rotatedLogBytes: rotated,
      heapFirstHourMB: +first.toFixed(2),
      heapLastHourMB: +samples.at(-1)!.heapMB.toFixed(2),
      heapPeakMB: +peak.toFixed(2),
      heapGrowthMB: +growth.toFixed(2),
    };
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/soak.json', `${JSON.stringify({ ...report, samples }, null, 2)}\n`);
    console.log(`soak: ${JSON.stringify(report)}`);
    // Flat: what one hour leaves must not add up over the days (a leak of one view or one
    // listener a second would be tens of megabytes by now).
    expect(growth).toBeLessThan(8);
  }, 1_500_000);
});
