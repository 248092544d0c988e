// What the contract suite takes from `vitest`, for a bundle that runs under Windows' Node.js in
// Wine, where vitest itself does not run: describe, it (with .each), beforeEach and afterEach,
// run one test at a time, and vitest's own `expect` (the jest matchers of @vitest/expect over
// chai). runRegistered() runs what was registered and writes the outcome as JSON to a file:
// Wine's console is no channel for it. The file is rewritten after every test, so a crash
// still leaves what ran before it.

import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  chai,
  GLOBAL_EXPECT,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  setState,
  type ExpectStatic,
} from '@vitest/expect';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);

/** vitest's createExpect, without the parts that need its runner (poll, soft, snapshots). */
export const expect = ((value: unknown, message?: string) =>
  chai.expect(value, message)) as unknown as ExpectStatic;
Object.assign(expect, chai.expect);
Object.assign(expect, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
(globalThis as Record<symbol, unknown>)[GLOBAL_EXPECT] = expect;
setState({ assertionCalls: 0, isExpectingAssertions: false, currentTestName: '' }, expect);

type Fn = () => unknown;
interface Suite {
  name: string;
  parent: Suite | null;
  beforeEach: Fn[];
  afterEach: Fn[];
}
interface Test {
  suite: Suite;
  name: string;
  /** Null for a test that is skipped (it.skip, it.todo). */
  fn: Fn | null;
}

const root: Suite = { name: '', parent: null, beforeEach: [], afterEach: [] };
let current = root;
const tests: Test[] = [];

export function describe(name: string, body: () => void): void {
  const outer = current;
  current = { name, parent: outer, beforeEach: [], afterEach: [] };
  try {
    body();
  } finally {
    current = outer;
  }
}

type TestFn = (...args: never[]) => unknown;

function register(name: string, fn: TestFn | null, args: unknown[] = []): void {
  tests.push({
    suite: current,
    name,
    fn: fn && (() => (fn as (...a: unknown[]) => unknown)(...args)),
  });
}

/** vitest's test.each: `%s`, `%i`, `%d`… take the row's values in turn (node's util.format). */
function each(table: readonly unknown[]) {
  return (name: string, fn: TestFn): void => {
    for (const row of table) {
      const args = Array.isArray(row) ? row : [row];
      register(format(name, ...args), fn, args);
    }
  };
}

const skip = (name: string) => register(name, null);
const run = (name: string, fn: TestFn) => register(name, fn);
export const it = Object.assign(run, {
  each,
  only: run,
  skip,
  todo: skip,
  skipIf: (condition: unknown) => (condition ? skip : run),
  runIf: (condition: unknown) => (condition ? run : skip),
});
export const test = it;

export function beforeEach(fn: Fn): void {
  current.beforeEach.push(fn);
}

export function afterEach(fn: Fn): void {
  current.afterEach.push(fn);
}

export interface TestResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  error?: string;
  ms: number;
}

export interface RunResult {
  /** False while running (or when the process died): the tests listed are the ones that ran. */
  complete: boolean;
  runtime: { platform: string; arch: string; node: string };
  total: number;
  /** The test under way when the file was written: the one a crash or a hang stopped in. */
  running: string | null;
  passed: number;
  failed: number;
  skipped: number;
  tests: TestResult[];
}

function chain(suite: Suite): Suite[] {
  const suites: Suite[] = [];
  for (let s: Suite | null = suite; s; s = s.parent) suites.unshift(s);
  return suites;
}

function fullName(t: Test): string {
  return [...chain(t.suite).map((s) => s.name), t.name].filter(Boolean).join(' > ');
}

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
};

/** An error as vitest would report it: name, message, expected and actual, where. */
function message(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
  const diff = e.showDiff ? `\nexpected: ${shown(e.expected)}\nactual: ${shown(e.actual)}` : '';
  const where = (e.stack ?? '').split('\n').slice(1, 6).join('\n');
  return `${e.name}: ${e.message}${diff}\n${where}`;
}

async function withTimeout(fn: Fn, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(fn),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every registered test in order, as vitest would, writing the outcome to `resultFile`. */
export async function runRegistered(resultFile: string, timeoutMs = 30_000): Promise<RunResult> {
  const result: RunResult = {
    complete: false,
    runtime: { platform: process.platform, arch: process.arch, node: process.version },
    total: tests.length,
    running: null,
    passed: 0,
    failed: 0,
    skipped: 0,
    tests: [],
  };
  const save = () => writeFileSync(resultFile, JSON.stringify(result, null, 2));
  save();
  for (const t of tests) {
    if (!t.fn) {
      result.skipped++;
      result.tests.push({ name: fullName(t), status: 'skipped', ms: 0 });
      continue;
    }
    const fn = t.fn;
    const suites = chain(t.suite);
    const started = Date.now();
    const errors: string[] = [];
    result.running = fullName(t);
    save();
    setState({ assertionCalls: 0, currentTestName: fullName(t) }, expect);
    try {
      for (const s of suites)
        for (const hook of s.beforeEach) await withTimeout(hook, timeoutMs, 'beforeEach');
      await withTimeout(fn, timeoutMs, 'the test');
    } catch (error) {
      errors.push(message(error));
    }
    for (const s of suites.reverse())
      for (const hook of s.afterEach) {
        try {
          await withTimeout(hook, timeoutMs, 'afterEach');
        } catch (error) {
          errors.push(`afterEach: ${message(error)}`);
        }
      }
    const ms = Date.now() - started;
    if (errors.length === 0) {
      result.passed++;
      result.tests.push({ name: fullName(t), status: 'passed', ms });
    } else {
      result.failed++;
      result.tests.push({ name: fullName(t), status: 'failed', error: errors.join('\n'), ms });
    }
    save();
  }
  result.complete = true;
  result.running = null;
  save();
  return result;
}
