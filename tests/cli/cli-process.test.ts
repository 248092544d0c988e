// The CLI as a real process: its exit status, its output streams and Ctrl-C.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-process-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(
  args: string[],
  speed = '0',
  onStdout?: (text: string, kill: () => void) => void,
): Promise<Done> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: speed },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    onStdout?.(stdout, () => child.kill('SIGINT'));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('ras-connect as a process', () => {
  it('exits 0 after a held connection and 1 with the error on stderr after a failure', async () => {
    const ok = await start(['Office VPN', 'alice', 'secret', '--hold', '0']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Connected to Office VPN.');
    const busy = await start(['Busy line', 'alice', 'secret']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('Remote Access error 676 - The line is busy.');
  });

  it('hangs up cleanly on Ctrl-C', async () => {
    let sent = false;
    const done = await start(['Office VPN', 'alice', 'secret'], '0.01', (out, kill) => {
      if (!sent && out.includes('Press Ctrl-C to hang up.')) {
        sent = true;
        kill();
      }
    });
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      /Disconnected from Office VPN\.\nCommand completed successfully\.\n$/,
    );
  });

  it('reports 703 when a dial needs an answer and no terminal is there', async () => {
    const done = await start(['Office VPN', 'alice', 'wrong', '--json']);
    expect(done.code).toBe(1);
    const last = JSON.parse(done.stdout.trim().split('\n').at(-1)!) as {
      event: string;
      error: number;
    };
    expect(last).toMatchObject({ event: 'error', error: 703 });
  });
});
