// npm run bench: figures with a baseline measured in the same process, printed as ratios.
// Nothing here is a test assertion.

import { performance } from 'node:perf_hooks';
import ini from 'ini';
import { parsePbkOrThrow, writePbk } from '../../app/phonebook/pbk-codec';
import { RasState } from '../../app/ras/connection-state';
import { ERROR_INVALID_HANDLE, RasError } from '../../app/ras/errors';
import { ManualClock } from '../../main/clock';
import type { DialRequest, NotifyFn, RasBackend } from '../../main/ras/backend';
import { SessionManager } from '../../main/sessions/session-manager';
import { makeEntry } from '../../app/phonebook/entry';
import { largePhonebook } from './phonebook-text';
import { measureEventToTimeline, rendererBundleSize } from './browser-latency';
import { measurePhonebook } from './phonebook-bench';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, work: () => void): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
}
const rows: Row[] = [];
const ms = (v: number) => `${v.toFixed(2)} ms`;

// 1. The pbk codec against the ini package on the same 10,000-entry text.
const text = largePhonebook(10_000);
const lines = text.split('\n').length;
const iniParse = time(7, () => ini.parse(text));
const ourParse = time(7, () => parsePbkOrThrow(text));
const doc = parsePbkOrThrow(text);
const ourWrite = time(7, () => writePbk(doc));
const iniWrite = time(7, () => ini.stringify(ini.parse(text)));
if (writePbk(doc) !== text) throw new Error('the codec lost bytes');
rows.push({
  figure: `pbk parse, 10,000 entries (${lines.toLocaleString('en')} lines)`,
  value: ms(ourParse),
  baseline: `ini.parse ${ms(iniParse)}`,
  ratio: (ourParse / iniParse).toFixed(2),
});
rows.push({
  figure: 'pbk write, 10,000 entries',
  value: ms(ourWrite),
  baseline: `ini.stringify ${ms(iniWrite)}`,
  ratio: (ourWrite / iniWrite).toFixed(2),
});

// 2. The session engine's cost per notification: dials of a realistic length (15 states),
// their notifications received by a bare callback (baseline) and by the whole engine.
const STATES = 14;
const DIALS = 300;
const entry = makeEntry('Bench', 'vpn', ['vpn.example.com']);
function burstBackend(): RasBackend {
  let next = 1;
  const released = new Set<string>();
  const fake: Partial<RasBackend> = {
    kind: 'simulated',
    defaultPhonebook: 'bench.pbk',
    async dial(_req: DialRequest, notify: NotifyFn) {
      const handle = `h${next++}`;
      queueMicrotask(() => {
        for (let i = 0; i < STATES; i++)
          notify({ handle, state: i % 25, error: 0, extendedError: 0, subEntry: 0 });
        notify({ handle, state: RasState.Connected, error: 0, extendedError: 0, subEntry: 0 });
      });
      return handle;
    },
    async getEntry() {
      return entry;
    },
    async hangUp(handle) {
      released.add(handle);
    },
    async getConnectStatus(handle) {
      if (released.has(handle)) throw new RasError(ERROR_INVALID_HANDLE);
      return {
        state: RasState.Connected,
        error: 0,
        deviceType: 'vpn',
        deviceName: '',
        phoneNumber: '',
      };
    },
    watchConnections: () => () => undefined,
  };
  return fake as RasBackend;
}

function until(done: () => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = () => (done() ? resolve() : setImmediate(check));
    check();
  });
}

async function engineRun(): Promise<number> {
  const backend = burstBackend();
  const manager = new SessionManager({ backend, clock: new ManualClock(), settleMs: 0 });
  const start = performance.now();
  for (let d = 0; d < DIALS; d++) {
    const id = await manager.dial({ entryName: `Bench` });
    await until(() => manager.get(id)?.status === 'connected');
    await manager.hangUp(id);
  }
  const took = performance.now() - start;
  manager.dispose();
  return took / (DIALS * (STATES + 1));
}

async function bareRun(): Promise<number> {
  const backend = burstBackend();
  const start = performance.now();
  for (let d = 0; d < DIALS; d++) {
    let seen = 0;
    await backend.dial(
      { entryName: 'Bench', userName: '', password: '', domain: '', pausedStates: true },
      () => seen++,
    );
    await until(() => seen > STATES);
  }
  return (performance.now() - start) / (DIALS * (STATES + 1));
}

const engineSamples: number[] = [];
const bareSamples: number[] = [];
for (let i = 0; i < 5; i++) {
  engineSamples.push(await engineRun());
  bareSamples.push(await bareRun());
}
const engine = median(engineSamples);
const bare = median(bareSamples);
rows.push({
  figure: `engine cost per notification (${DIALS} dials of ${STATES + 1} states, set-up and hang-up included)`,
  value: `${(engine * 1000).toFixed(1)} µs`,
  baseline: `bare callback ${(bare * 1000).toFixed(2)} µs`,
  ratio: (engine / bare).toFixed(1),
});

// 3. The window: the renderer's production bundle, and an event's way onto the timeline.
const bundle = rendererBundleSize();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
rows.push({
  figure: 'renderer bundle, JS (gzipped)',
  value: kb(bundle.js),
  baseline: `${kb(bundle.jsRaw)} minified`,
  ratio: '',
});
rows.push({
  figure: 'renderer bundle, CSS (gzipped)',
  value: kb(bundle.css),
  baseline: `${kb(bundle.cssRaw)} minified`,
  ratio: '',
});
const latency = await measureEventToTimeline(Number(process.env.BENCH_EVENTS ?? 1000));
rows.push({
  figure: `event → timeline row in browser mode (median; p99) over ${latency.samples} events`,
  value: `${latency.median.toFixed(2)} ms; ${latency.p99.toFixed(2)} ms`,
  baseline: `bare DOM append ${latency.bareMedian.toFixed(3)} ms`,
  ratio: (latency.median / latency.bareMedian).toFixed(1),
});

// 4. A 10,000-entry phonebook in the window and in the store.
const pb = await measurePhonebook();
const ratio = (a: number, b: number) => (a / b).toFixed(1);
rows.push({
  figure: 'open a 10,000-entry phonebook in the window (reload → first row)',
  value: ms(pb.openLarge),
  baseline: `19 entries ${ms(pb.openDemo)}`,
  ratio: ratio(pb.openLarge, pb.openDemo),
});
rows.push({
  figure: 'search 10,000 entries (keystroke → filtered list)',
  value: ms(pb.searchLarge),
  baseline: `19 entries ${ms(pb.searchDemo)}`,
  ratio: ratio(pb.searchLarge, pb.searchDemo),
});
rows.push({
  figure: 'save one entry of 10,000 (validate, read, write atomically with backup)',
  value: ms(pb.saveLarge),
  baseline: `plain file write ${ms(pb.plainWrite)}`,
  ratio: ratio(pb.saveLarge, pb.plainWrite),
});

const widths = (['figure', 'value', 'baseline', 'ratio'] as const).map((k) =>
  Math.max(k.length, ...rows.map((r) => r[k].length)),
);
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(['figure', 'value', 'baseline', 'ratio']));
for (const r of rows) console.log(line([r.figure, r.value, r.baseline, r.ratio]));
