// ras-connect's passwords: the user=, password=, domain= answers taken whole (colons and all),
// and the dial's password from standard input or an environment variable instead of argv.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialRequest, PausedAnswer, RasBackend } from '../ras/backend';
import { runCli, type CliIo } from './run-cli';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-pw-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

interface Seen {
  dials: DialRequest[];
  answers: PausedAnswer[];
}

/** The backend as it is, noting what each dial and each resume was given. */
function noting(backend: RasBackend, seen: Seen): RasBackend {
  return new Proxy(backend, {
    get(target, key) {
      if (key === 'dial')
        return (request: DialRequest, ...rest: unknown[]) => {
          seen.dials.push(request);
          return (target.dial as (...a: unknown[]) => unknown)(request, ...rest);
        };
      if (key === 'resume')
        return (handle: string, answer: PausedAnswer) => {
          seen.answers.push(answer);
          return target.resume(handle, answer);
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

async function cli(
  argv: string[],
  options: { env?: Record<string, string>; stdin?: string | null } = {},
): Promise<{ code: number; out: string[]; err: string[]; seen: Seen }> {
  const out: string[] = [];
  const err: string[] = [];
  const seen: Seen = { dials: [], answers: [] };
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    terminal: { interactive: false, ask: async () => null, askSecret: async () => null },
    env: { RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: '0', ...options.env },
    platform: 'linux',
    interrupted: new Promise(() => undefined),
    wrapBackend: (backend) => noting(backend, seen),
    readStdinLine: options.stdin === undefined ? undefined : async () => options.stdin ?? null,
  };
  const code = await runCli(argv, io);
  return { code, out, err, seen };
}

describe('ras-connect credentials answers', () => {
  it('sends a password with colons whole, from user=, password=, domain=', async () => {
    const run = await cli([
      'Office VPN',
      'alice',
      'wrong',
      '--answer',
      'user=bob',
      '--answer',
      'password=ri:gh:t',
      '--answer',
      'domain=CORP',
      '--hold',
      '0',
    ]);
    expect(run.code).toBe(0);
    expect(run.seen.answers).toEqual([
      { kind: 'retry-authentication', userName: 'bob', password: 'ri:gh:t', domain: 'CORP' },
    ]);
  });

  it('keeps the dial user and domain when the answer gives only password=', async () => {
    const run = await cli([
      'Office VPN',
      'alice',
      'wrong',
      '/DOMAIN:HOME',
      '--answer',
      'password=:right',
      '--hold',
      '0',
    ]);
    expect(run.code).toBe(0);
    expect(run.seen.answers).toEqual([
      { kind: 'retry-authentication', userName: 'alice', password: ':right', domain: 'HOME' },
    ]);
  });

  it('refuses an ambiguous credentials= with exit 2, before dialling, without echoing it', async () => {
    const run = await cli(['Office VPN', 'alice', 'wrong', '--answer', 'credentials=bob:a:b:C']);
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/--answer user=NAME --answer password=PW/);
    expect(run.err.join('\n')).not.toContain('a:b');
    expect(run.seen.dials).toEqual([]);
  });
});

describe('ras-connect passwords kept out of argv', () => {
  it('dials with the password of the variable --password-env names', async () => {
    const run = await cli(['Office VPN', 'alice', '--password-env', 'VPN_PW', '--hold', '0'], {
      env: { VPN_PW: 'from:env' },
    });
    expect(run.code).toBe(0);
    expect(run.seen.dials[0]).toMatchObject({ userName: 'alice', password: 'from:env' });
    expect([...run.out, ...run.err].join('\n')).not.toContain('from:env');
  });

  it.each([
    ['unset', {}],
    ['empty', { VPN_PW: '' }],
  ])('refuses a variable that is %s with exit 2, before dialling', async (_, env) => {
    const run = await cli(['Office VPN', 'alice', '--password-env', 'VPN_PW'], { env });
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/VPN_PW.*not set or is empty/);
    expect(run.seen.dials).toEqual([]);
  });

  it('dials with the first line of standard input for --password-stdin', async () => {
    const run = await cli(['Office VPN', 'alice', '--password-stdin', '--hold', '0'], {
      stdin: 'in put:1',
    });
    expect(run.code).toBe(0);
    expect(run.seen.dials[0]).toMatchObject({ userName: 'alice', password: 'in put:1' });
  });

  it.each([
    ['no line at all', null],
    ['an empty line', ''],
  ])('refuses standard input with %s, with exit 2', async (_, stdin) => {
    const run = await cli(['Office VPN', 'alice', '--password-stdin'], { stdin });
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/standard input/i);
    expect(run.seen.dials).toEqual([]);
  });

  it('says when standard input cannot be read for --password-stdin', async () => {
    const run = await cli(['Office VPN', 'alice', '--password-stdin']);
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/standard input/i);
  });
});
