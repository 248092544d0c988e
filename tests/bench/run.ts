// npm run bench: every figure with its baseline measured in the same run, printed as one
// table and written to bench-results.json. Nothing here is a test assertion: the goals the
// issues set are printed beside the figures, never checked.
// `--only phonebook-,notification-` runs the figures whose id starts with one of those
// prefixes and updates only them in bench-results.json (a renderer built elsewhere:
// RAS_CONNECT_RENDERER_DIR=... npx tsx tests/bench/run.ts --only phonebook-).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
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
import { measureIpcRoundTrip } from './ipc-roundtrip';
import { measurePhonebook } from './phonebook-bench';
import { measurePhonebookService } from './phonebook-service-bench';

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

interface Figure {
  id: string;
  figure: string;
  unit: 'ms' | 'µs' | 'KB';
  value: number;
  p99?: number;
  samples?: number;
  baseline?: { label: string; value: number };
  /** What the issue asks for, shown beside the figure (not an assertion). */
  goal?: string;
}
const figures: Figure[] = [];
const add = (figure: Figure) => figures.push(figure);

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? null : (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean);
/** Whether any of these figures is asked for. */
const wanted = (...ids: string[]) =>
  only === null || ids.some((id) => only.some((prefix) => id.startsWith(prefix)));

// 1. The pbk codec against the ini package on the same 10,000-entry text.
if (wanted('pbk-parse', 'pbk-write', 'pbk-write-unchanged')) {
  const text = largePhonebook(10_000);
  const lines = text.split('\n').length;
  const iniParse = time(7, () => ini.parse(text));
  const ourParse = time(7, () => parsePbkOrThrow(text));
  const doc = parsePbkOrThrow(text);
  const ourWrite = time(7, () => writePbk(doc));
  // Sections that are no longer the parsed objects (every entry edited) are written line by line.
  const edited = { ...doc, sections: doc.sections.map((s) => ({ ...s })) };
  const ourRewrite = time(7, () => writePbk(edited));
  const iniWrite = time(7, () => ini.stringify(ini.parse(text)));
  if (writePbk(doc) !== text || writePbk(edited) !== text) throw new Error('the codec lost bytes');
  add({
    id: 'pbk-parse',
    figure: `pbk parse, 10,000 entries (${lines.toLocaleString('en')} lines)`,
    unit: 'ms',
    value: ourParse,
    baseline: { label: 'ini.parse', value: iniParse },
  });
  add({
    id: 'pbk-write',
    figure: 'pbk write, 10,000 entries, every entry edited (line by line)',
    unit: 'ms',
    value: ourRewrite,
    baseline: { label: 'ini.stringify', value: iniWrite },
  });
  add({
    id: 'pbk-write-unchanged',
    figure: 'pbk write, 10,000 entries as read (each entry its parsed text)',
    unit: 'ms',
    value: ourWrite,
    baseline: { label: 'ini.stringify', value: iniWrite },
  });
}

// 2. The session engine's cost per notification: dials of a realistic length (15 states),
if (wanted('engine-per-notification')) {
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
      // Read once a link is up (issue 15): a fixed answer, as a quick backend gives.
      async getConnectionDetails() {
        return {
          projection: 'ppp',
          tunnel: 'sstp',
          ipv4: { client: '10.0.0.2', server: '10.0.0.1' },
          ipv6: null,
          dnsServers: ['10.0.0.53'],
          authentication: { protocol: 'ms-chap-v2', code: 0x81, eapType: null },
          encryption: { method: 'mppe', bits: 128, code: 0x40 },
          compression: null,
          multilink: false,
          ikev2Flags: null,
          device: { type: 'vpn', name: 'WAN Miniport (SSTP)' },
          endpoints: { local: null, remote: null },
        };
      },
      watchConnections: () => () => undefined,
    };
    return fake as RasBackend;
  }

  // A dial the engine ended otherwise (a method this fake lacks once made every dial end in
  // an internal error) stops the run with its reason, instead of waiting for ever.
  function until(done: () => boolean, why: () => string = () => ''): Promise<void> {
    const deadline = performance.now() + 10_000;
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (done()) resolve();
        else if (performance.now() > deadline)
          reject(new Error(`engine bench: a dial never connected ${why()}`));
        else setImmediate(check);
      };
      check();
    });
  }

  async function engineRun(): Promise<number> {
    const backend = burstBackend();
    const manager = new SessionManager({ backend, clock: new ManualClock(), settleMs: 0 });
    const start = performance.now();
    for (let d = 0; d < DIALS; d++) {
      const id = await manager.dial({ entryName: `Bench` });
      await until(
        () => manager.get(id)?.status === 'connected',
        () => JSON.stringify(manager.get(id)?.error ?? manager.get(id)?.status),
      );
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
  add({
    id: 'engine-per-notification',
    figure: `engine cost per notification (${DIALS} dials of ${STATES + 1} states, set-up and hang-up included)`,
    unit: 'µs',
    value: engine * 1000,
    baseline: { label: 'bare callback', value: bare * 1000 },
  });
}

// 3. The IPC round trip in browser mode, from the page.
if (wanted('ipc-round-trip')) {
  const roundTrip = await measureIpcRoundTrip(Number(process.env.BENCH_CALLS ?? 1000));
  add({
    id: 'ipc-round-trip',
    figure: `IPC round trip in browser mode, page → router → page (mean; p99 over ${roundTrip.calls} calls)`,
    unit: 'ms',
    value: roundTrip.mean,
    p99: roundTrip.p99,
    samples: roundTrip.calls,
    baseline: { label: 'WebSocket echo', value: roundTrip.echoMean },
  });
}

// 4. A notification's way onto the timeline, and the renderer's production bundle.
if (
  wanted(
    'notification-to-timeline',
    'notification-in-main',
    'notification-transport',
    'event-to-timeline',
  )
) {
  const latency = await measureEventToTimeline(Number(process.env.BENCH_EVENTS ?? 1000));
  add({
    id: 'notification-to-timeline',
    figure: `notification in main → timeline row in the page, browser mode (median; p99 over ${latency.endToEnd.samples}; clocks agree within ${latency.endToEnd.clockError.toFixed(2)} ms)`,
    unit: 'ms',
    value: latency.endToEnd.median,
    p99: latency.endToEnd.p99,
    goal: 'p99 < 16 ms (issue 14)',
    samples: latency.endToEnd.samples,
    baseline: { label: 'bare DOM append', value: latency.bareMedian },
  });
  add({
    id: 'notification-in-main',
    figure: `of which: notification → its snapshot on the socket, in main (median; p99)`,
    unit: 'ms',
    value: latency.inMain.median,
    p99: latency.inMain.p99,
  });
  add({
    id: 'notification-transport',
    figure: `of which: on the socket → arrives in the page (median; p99)`,
    unit: 'ms',
    value: latency.transport.median,
    p99: latency.transport.p99,
  });
  console.log(
    `while measuring: this process's event-loop delay p99 ${latency.loopDelayP99.toFixed(1)} ms, ${latency.gcPauses.count} GC pauses (longest ${latency.gcPauses.longest.toFixed(1)} ms); the page's long tasks ${latency.pageLongTasks.count} (longest ${latency.pageLongTasks.longest.toFixed(0)} ms); notifications ${latency.notificationGap.toFixed(1)} ms apart (median)`,
  );
  add({
    id: 'event-to-timeline',
    figure: `of which: event arrives in the page → timeline row (median; p99 over ${latency.samples})`,
    unit: 'ms',
    value: latency.median,
    p99: latency.p99,
    samples: latency.samples,
    baseline: { label: 'bare DOM append', value: latency.bareMedian },
  });
}
if (wanted('bundle-js', 'bundle-css')) {
  const bundle = rendererBundleSize();
  add({
    id: 'bundle-js',
    figure: 'renderer bundle, JS (gzipped)',
    unit: 'KB',
    value: bundle.js / 1024,
    baseline: { label: 'minified, not gzipped', value: bundle.jsRaw / 1024 },
  });
  add({
    id: 'bundle-css',
    figure: 'renderer bundle, CSS (gzipped)',
    unit: 'KB',
    value: bundle.css / 1024,
    baseline: { label: 'minified, not gzipped', value: bundle.cssRaw / 1024 },
  });
}

// 5. A 10,000-entry phonebook in the window and in the store.
if (
  wanted(
    'phonebook-open',
    'phonebook-open-startup',
    'phonebook-open-reload',
    'phonebook-search',
    'phonebook-save',
  )
) {
  const pb = await measurePhonebook();
  add({
    id: 'phonebook-open',
    figure: 'open a 10,000-entry phonebook in a running window (Open dialog → its first row)',
    unit: 'ms',
    value: pb.openInWindowLarge,
    baseline: { label: '19 entries', value: pb.openInWindowSmall },
    goal: '< 100 ms (issue 14)',
  });
  add({
    id: 'phonebook-open-startup',
    figure:
      'what a 10,000-entry phonebook adds to loading the page (median of reload 10,000 − reload 19, in pairs)',
    unit: 'ms',
    value: pb.startupAdded,
    baseline: { label: 'reload with 19', value: pb.openDemo },
  });
  add({
    id: 'phonebook-open-reload',
    figure: 'reload the page with a 10,000-entry phonebook (reload → first row)',
    unit: 'ms',
    value: pb.openLarge,
    baseline: { label: '19 entries', value: pb.openDemo },
  });
  add({
    id: 'phonebook-search',
    figure: 'search 10,000 entries (an input event → filtered list, in the page)',
    unit: 'ms',
    value: pb.searchLarge,
    baseline: { label: '19 entries', value: pb.searchDemo },
    goal: '< 16 ms (issue 14)',
  });
  add({
    id: 'phonebook-save',
    figure: 'save one entry of 10,000 (validate, read, write atomically with backup)',
    unit: 'ms',
    value: pb.saveLarge,
    baseline: { label: 'plain write + fsync', value: pb.plainWrite },
    goal: 'ratio < 3 (issue 14)',
  });
}

// The service on large files: both one pass, the import one write (issue 12, item 14).
if (wanted('phonebook-import-2000', 'phonebook-check-40000')) {
  const svc = await measurePhonebookService();
  add({
    id: 'phonebook-import-2000',
    figure: 'import 2,000 entries into an empty phonebook (read, validate, one atomic write)',
    unit: 'ms',
    value: svc.import2000,
    baseline: { label: 'fs.copyFile of the file', value: svc.copy2000 },
  });
  add({
    id: 'phonebook-check-40000',
    figure: 'check a file of 40,000 entries (every entry’s rules, names used twice)',
    unit: 'ms',
    value: svc.check40000,
    baseline: { label: 'parse alone', value: svc.parse40000 },
  });
}

// One table, one file.
const fixed = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const rows = figures.map((f) => ({
  figure: f.figure,
  value: `${fixed(f.value)} ${f.unit}${f.p99 === undefined ? '' : `; ${fixed(f.p99)} ${f.unit}`}`,
  baseline: f.baseline ? `${f.baseline.label} ${fixed(f.baseline.value)} ${f.unit}` : '',
  ratio: f.baseline ? fixed(f.value / f.baseline.value) : '',
  goal: f.goal ?? '',
}));

const columns = ['figure', 'value', 'baseline', 'ratio', 'goal'] as const;
const widths = columns.map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i]!))
    .join('  ')
    .trimEnd();
console.log(line([...columns]));
for (const r of rows) console.log(line(columns.map((k) => r[k])));

const measuredAt = new Date().toISOString();
const measured = figures.map((f) => ({
  ...f,
  ratio: f.baseline ? f.value / f.baseline.value : null,
  measuredAt,
}));
// A partial run replaces its own figures and keeps the others as they were last measured.
const kept: { id: string }[] =
  only !== null && existsSync('bench-results.json')
    ? (JSON.parse(readFileSync('bench-results.json', 'utf8')) as { figures: { id: string }[] })
        .figures
    : [];
const merged = [
  ...kept.map((old) => measured.find((f) => f.id === old.id) ?? old),
  ...measured.filter((f) => !kept.some((old) => old.id === f.id)),
];
writeFileSync(
  'bench-results.json',
  `${JSON.stringify(
    {
      measuredAt,
      machine: { cpus: cpus().length, node: process.version, platform: process.platform },
      figures: merged,
    },
    null,
    2,
  )}\n`,
);
console.log('\nWritten to bench-results.json.');
