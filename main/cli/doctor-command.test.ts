// `ras-connect doctor` in-process against servers on 127.0.0.1 and a phonebook of its own.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closedPort,
  SERVER_DATE,
  TEST_ROOT,
  tlsServer,
  type LocalServer,
} from '../../tests/fixtures/doctor/local-servers';
import type { DoctorOptions } from '../doctor/run-doctor';
import { simulatedWindowsSide } from '../doctor/windows-side';
import { lastFailure, parseDoctorArgs } from './doctor-command';
import { runCli, type CliIo } from './run-cli';

let home: string;
let pbk: string;
const servers: LocalServer[] = [];
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-doctor-'));
  pbk = path.join(home, 'doctor.pbk');
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

async function cli(argv: string[], doctor?: Partial<DoctorOptions>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    terminal: { interactive: false, ask: async () => null, askSecret: async () => null },
    env: { RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: '0' },
    platform: 'linux',
    interrupted: new Promise(() => undefined),
    ...(doctor ? { doctor } : {}),
  };
  const code = await runCli([...argv, '--backend', 'simulated'], io);
  return { code, out, err };
}

async function create(name: string, host: string, ...options: string[]) {
  const r = await cli([
    'phonebook',
    'create',
    name,
    '--type',
    'vpn',
    '--number',
    host,
    ...options,
    `/PHONEBOOK:${pbk}`,
  ]);
  expect(r.code, r.err.join('\n')).toBe(0);
}

/** SSTP on a local TLS server with the certificate, PPTP on a closed port. */
async function local(kind: 'expired' | 'self-signed' | 'valid'): Promise<Partial<DoctorOptions>> {
  const s = await tlsServer(kind);
  servers.push(s);
  return {
    windows: simulatedWindowsSide,
    now: () => Date.parse(SERVER_DATE),
    ports: { sstp: s.port, pptp: await closedPort() },
    ca: [TEST_ROOT],
    timeoutMs: 10_000,
  };
}

describe('ras-connect doctor', () => {
  it('prints each check, the verdict and the fix, and exits 1 when a check failed', async () => {
    await create('Office', '127.0.0.1', '--vpn-strategy', 'sstp-only');
    const r = await cli(
      ['doctor', 'Office', '--error', '0x800B0109', '--phonebook', pbk],
      await local('expired'),
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(
      /^Finding out why "Office" \(127\.0\.0\.1\) failed with error -2146762487/,
    );
    expect(r.out).toContain(
      '[ ok ] Server name: 127.0.0.1 is an address; there is no name to resolve.',
    );
    expect(r.out).toContain(
      '[FAIL] Server certificate: The server’s certificate expired on 2021-01-01 (valid from 2020-01-01).',
    );
    expect(r.out.slice(-2)).toEqual([
      'Verdict: The server’s certificate expired on 2021-01-01 (valid from 2020-01-01).',
      'Fix: The server’s administrator must renew its certificate.',
    ]);
  });

  it('gives the phonebook edit line for a fix that is a setting of the entry', async () => {
    await create('Office', '127.0.0.1', '--vpn-strategy', 'pptp-only');
    const r = await cli(
      ['doctor', 'Office', '--error', '800', `/PHONEBOOK:${pbk}`],
      await local('valid'),
    );
    expect(r.code).toBe(1);
    expect(r.out.slice(-3)).toEqual([
      'Verdict: The entry tries PPTP only, and that does not answer; SSTP answers.',
      'Fix: Switch the entry’s VPN type to SSTP first.',
      `  ras-connect phonebook edit Office --vpn-strategy sstp-first /PHONEBOOK:${pbk}`,
    ]);
    // Applied, the doctor finds nothing wrong and exits 0.
    expect(
      (
        await cli([
          'phonebook',
          'edit',
          'Office',
          '--vpn-strategy',
          'sstp-first',
          `/PHONEBOOK:${pbk}`,
        ])
      ).code,
    ).toBe(0);
    const again = await cli(
      ['doctor', 'Office', '--error', '800', `/PHONEBOOK:${pbk}`],
      await local('valid'),
    );
    expect(again.out.filter((l) => l.startsWith('[FAIL]'))).toEqual([]);
    expect(again.code).toBe(0);
  });

  it('--json: one object a check, then the verdict', async () => {
    await create('Office', '127.0.0.1');
    const r = await cli(
      ['doctor', 'Office', '--json', '--error', '-2146762487', `/PHONEBOOK:${pbk}`],
      await local('self-signed'),
    );
    const events = r.out.map(
      (l) => JSON.parse(l) as { event: string; id?: string; status?: string },
    );
    expect(events.filter((e) => e.event === 'check')).toHaveLength(11);
    expect(events.at(-1)).toMatchObject({
      event: 'verdict',
      code: -2146762487,
      cause: 'certificate',
      key: 'doctor.cert.untrusted',
      fix: { change: null, command: null },
    });
    expect(r.code).toBe(1);
  });

  it('explains the entry’s last failure from the history: a name that does not resolve', async () => {
    await create('Broken', 'vpn.example.invalid');
    const dial = await cli(['Broken', 'me', 'secret', `/PHONEBOOK:${pbk}`]);
    expect(dial.code).toBe(1);
    const r = await cli(['doctor', 'Broken', `/PHONEBOOK:${pbk}`], { timeoutMs: 10_000 });
    expect(r.out[0]).toMatch(/failed with error 868 \(ERROR_DNSNAME_NOT_RESOLVABLE\)/);
    expect(r.out.find((l) => l.startsWith('Verdict:'))).toMatch(
      /^Verdict: vpn\.example\.invalid does not resolve: no such name \(DNS servers: /,
    );
    expect(r.code).toBe(1);
  });

  it('says what is wrong with the command line, and that an entry does not exist', async () => {
    const noEntry = await cli(['doctor']);
    expect(noEntry.code).toBe(2);
    expect(noEntry.err[0]).toBe('doctor takes one entry name: ras-connect doctor ENTRY.');
    expect((await cli(['doctor', 'X', '--error', 'abc'])).err[0]).toMatch(
      /--error takes an error number/,
    );
    const help = await cli(['doctor', '--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^ras-connect doctor ENTRY/);
    const missing = await cli(['doctor', 'Nobody', `/PHONEBOOK:${pbk}`]);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).not.toMatch(/\n\s+at /);
  });
});

describe('the failure to explain', () => {
  const record = (extra: object) => ({
    id: 'x',
    entryName: 'Office',
    phonebook: 'p',
    startedAt: 0,
    endedAt: 1,
    outcome: 'failed' as const,
    connectedFor: null,
    error: null,
    timeline: { startedAt: 0, rows: [] },
    ...extra,
  });

  it('is the newest attempt’s error, or 629 with how long it stayed up, or none', () => {
    expect(
      lastFailure([
        record({ endedAt: 1, error: { code: 691, name: 'E', message: 'm' } }),
        record({ endedAt: 2, error: { code: 800, name: 'E', message: 'm' } }),
      ]),
    ).toEqual({ code: 800, connectedSeconds: null });
    expect(
      lastFailure([
        record({ outcome: 'connected', ended: 'dropped', endCode: 629, connectedFor: 20_000 }),
      ]),
    ).toEqual({ code: 629, connectedSeconds: 20 });
    expect(
      lastFailure([record({ outcome: 'connected', ended: 'person', connectedFor: 5 })]),
    ).toBeNull();
    expect(lastFailure([])).toBeNull();
  });

  it('can be given as a number in any of Windows’ spellings', () => {
    expect(parseDoctorArgs(['Office', '--error', '0x800B0109']).errorCode).toBe(-2146762487);
    expect(parseDoctorArgs(['Office', '--error=691']).errorCode).toBe(691);
    expect(parseDoctorArgs(['Office', '--phonebook', 'a.pbk']).phonebook).toBe('a.pbk');
  });
});
