// `ras-connect status` from one shell reads a connection another shell dialed: both reach the
// shared simulated RAS service of their data folder.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RasState } from '../../app/ras/connection-state';
import { runCliProcess } from './support/cli-process';

let dir: string;
let home: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-cli-status-'));
  home = path.join(dir, 'home');
  await mkdir(home);
  // The service's socket goes in this test's own runtime folder, and it leaves with the folder.
  env = { XDG_RUNTIME_DIR: path.join(dir, 'run') };
});
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 10 }));

const cli = (...args: string[]) => runCliProcess(home, args, { env });

describe('ras-connect status across processes', () => {
  it('shows the connection one process dialed to another, then that it is gone', async () => {
    const dial = await cli('Office VPN', 'alice', 'secret');
    expect(dial.code).toBe(0);
    expect(dial.stdout).toContain('Connected to Office VPN.');

    const json = await cli('status', '--json');
    expect(json.code).toBe(0);
    const lines = json.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const status = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(status).toMatchObject({
      event: 'status',
      entry: 'Office VPN',
      phonebook: path.join(home, 'rasphone.pbk'),
      state: 'Connected',
      stateValue: RasState.Connected,
      speedBps: 100_000_000,
    });
    expect(Object.keys(status).sort()).toEqual(
      [
        'event',
        'entry',
        'phonebook',
        'state',
        'stateValue',
        'connectedForMs',
        'bytesSent',
        'bytesReceived',
        'speedBps',
        'device',
        'details',
      ].sort(),
    );
    // What the simulated server negotiated, read by this process from the other one's link.
    expect(status.details).toMatchObject({ projection: 'ikev2', tunnel: 'ikev2' });
    for (const field of ['connectedForMs', 'bytesSent', 'bytesReceived'])
      expect(status[field]).toEqual(expect.any(Number));

    const text = await cli('status', 'office vpn');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Office VPN\n {2}State: +Connected\n {2}Connected for: +\d+:\d\d:\d\d\n/,
    );
    expect(text.stdout).toMatch(/Command completed successfully\.\n$/);

    expect((await cli('Office VPN', '/D')).code).toBe(0);
    const gone = await cli('status', 'Office VPN');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^You are not connected to "Office VPN"\.\n/);
  }, 120_000);
});
