// The CLI as a real process: its exit status, its output streams and Ctrl-C.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliProcess } from './support/cli-process';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-process-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const start = (
  args: string[],
  speed = '0',
  onStdout?: (text: string, interrupt: () => void) => void,
) => runCliProcess(home, args, { speed, onStdout });

describe('ras-connect as a process', () => {
  it('exits 0 after a held connection and 1 with the error on stderr after a failure', async () => {
    const ok = await start(['Office VPN', 'alice', 'secret', '--hold', '0']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Connected to Office VPN.');
    const busy = await start(['Busy line', 'alice', 'secret']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('Remote Access error 676 - The line is busy.');
  });

  it('hangs up cleanly on Ctrl-C while holding', async () => {
    let sent = false;
    // Without --hold the connection stays up in the shared service after the CLI exits.
    const done = await start(
      ['Office VPN', 'alice', 'secret', '--hold', '600'],
      '0.01',
      (out, kill) => {
        if (!sent && out.includes('Connected to Office VPN.')) {
          sent = true;
          kill();
        }
      },
    );
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
