// Ctrl-C stops a phonebook command (issue 12, item 13): only a dial catches SIGINT to hang up;
// every other command keeps the default, so a read that never returns ends at once.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-interrupt-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from Ctrl-C to the end; null when it ended before Ctrl-C was sent. */
  afterCtrlC: number | null;
}

/** Starts the CLI, sends SIGINT after `waitMs` (if it still runs), SIGKILL 5 s later. */
async function interruptAfter(args: string[], waitMs: number, nodeArgs: string[] = []) {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'main/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let sentAt: number | null = null;
  const timer = setTimeout(() => {
    sentAt = Date.now();
    child.kill('SIGINT');
  }, waitMs);
  const kill = setTimeout(() => child.kill('SIGKILL'), waitMs + 5000);
  return new Promise<Ended>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(kill);
      resolve({ code, signal, stderr, afterCtrlC: sentAt === null ? null : Date.now() - sentAt });
    }),
  );
}

/** Killed by SIGINT (a shell reports 130), or an exit with 130; never the SIGKILL. */
function endedByCtrlC(done: Ended): boolean {
  return done.signal === 'SIGINT' || done.code === 130;
}

describe.skipIf(process.platform === 'win32')('Ctrl-C during a phonebook command', () => {
  it('ends `phonebook check` of a read that never returns, with the SIGINT exit', async () => {
    const file = path.join(home, 'stall-here.pbk');
    // The test's hook stalls every read of the file, started well before Ctrl-C.
    const done = await interruptAfter(['phonebook', 'check', file], 3000, [
      '--import',
      './tests/cli/support/stall-reads.mjs',
    ]);
    expect(done.afterCtrlC, `ended before Ctrl-C: ${done.stderr}`).not.toBeNull();
    expect(endedByCtrlC(done), JSON.stringify(done)).toBe(true);
    expect(done.afterCtrlC).toBeLessThan(2000);
  }, 15_000);

  it('ends `phonebook check` of a FIFO nobody writes to (or refuses the FIFO at once)', async () => {
    const fifo = path.join(home, 'never.pbk');
    execFileSync('mkfifo', [fifo]);
    const done = await interruptAfter(['phonebook', 'check', fifo], 3000);
    if (done.afterCtrlC === null) {
      // A FIFO refused as "not a phonebook file" (issue 12, item 3) never blocks at all.
      expect(done.code).toBe(1);
      expect(done.stderr).toMatch(/FIFO|pipe|not a (regular|phonebook) file/i);
    } else {
      expect(endedByCtrlC(done), JSON.stringify(done)).toBe(true);
      expect(done.afterCtrlC).toBeLessThan(2000);
    }
  }, 15_000);
});
