import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TUNNEL_SEQUENCE } from '../../tests/support/simulated';
import { demoEntries } from '../phonebook/demo-entries';
import { realClock } from '../clock';
import { FaultInjector } from '../ras/simulated/fault-injector';
import { runCli, type CliIo } from './run-cli';
import type { Terminal } from './terminal';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string[];
  err: string[];
  asked: string[];
}

/** A terminal that answers from a script, as a person typing would. */
function scriptedTerminal(
  answers: (string | null)[],
  asked: string[],
  secret: string[] = [],
): Terminal {
  const next = async (q: string) => {
    asked.push(q);
    return answers.length > 0 ? answers.shift()! : null;
  };
  return {
    interactive: true,
    ask: next,
    askSecret: (q) => {
      secret.push(q);
      return next(q);
    },
  };
}

async function cli(
  argv: string[],
  options: {
    terminal?: (string | null)[];
    /** Collects the questions asked without echo. */
    secret?: string[];
    platform?: NodeJS.Platform;
    interrupt?: (out: string[]) => boolean;
    wrapBackend?: CliIo['wrapBackend'];
  } = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  let fire!: () => void;
  const interrupted = new Promise<void>((resolve) => (fire = resolve));
  const io: CliIo = {
    stdout: (line) => {
      out.push(line);
      if (options.interrupt?.(out)) fire();
    },
    stderr: (line) => err.push(line),
    terminal: options.terminal
      ? scriptedTerminal([...options.terminal], asked, options.secret)
      : { interactive: false, ask: async () => null, askSecret: async () => null },
    env: { RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: '0' },
    platform: options.platform ?? 'linux',
    interrupted,
    wrapBackend: options.wrapBackend,
  };
  const code = await runCli(argv, io);
  return { code, out, err, asked };
}

const sim = ['--backend', 'simulated'];

describe('ras-connect', () => {
  it('lists no connections and creates the demo phonebook on first use', async () => {
    const run = await cli([]);
    expect(run).toMatchObject({
      code: 0,
      out: ['No connections', 'Command completed successfully.'],
    });
    const pbk = await readFile(path.join(home, 'rasphone.pbk'), 'utf8');
    expect(pbk.match(/^\[/gm)).toHaveLength(demoEntries().length);
    const again = await cli([]);
    expect(again.code).toBe(0);
    expect(await readFile(path.join(home, 'rasphone.pbk'), 'utf8')).toBe(pbk);
  });

  it('dials, prints each state as it happens, holds, hangs up and exits 0', async () => {
    const run = await cli(['Office VPN', 'alice', 'secret', '--hold', '0']);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('Connecting to Office VPN...');
    const states = run.out
      .filter((l) => /^\s+\d+\.\d\ds /.test(l))
      .map((l) => l.trim().split(/\s+/)[1]);
    expect(states).toEqual(['Dial', ...TUNNEL_SEQUENCE, 'Disconnected']);
    expect(run.out.slice(-3)).toEqual([
      expect.stringContaining('Disconnected'),
      'Disconnected from Office VPN.',
      'Command completed successfully.',
    ]);
    expect(run.out).toContain('Connected to Office VPN.');
    expect(run.out.join('\n')).not.toContain('secret');
  });

  it('reports a failure with the RAS number and what to do; exit 1 here, the number on Windows', async () => {
    const run = await cli(['Busy line', 'a', 'b']);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'Remote Access error 676 - The line is busy.',
      expect.stringMatching(/^What to do: .*alternate/),
    ]);
    expect((await cli(['Busy line', 'a', 'b', ...sim], { platform: 'win32' })).code).toBe(676);
  });

  it('hangs up a dial that needs an answer when there is no terminal: 703', async () => {
    const run = await cli(['Office VPN', 'alice', 'wrong']);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe(
      'Remote Access error 703 - The dial needs user input but the application does not allow interaction.',
    );
    expect(run.out.at(-1)).toMatch(/Disconnected\s+Disconnected$/);
    expect((await cli(['Office VPN', 'alice', 'wrong', ...sim], { platform: 'win32' })).code).toBe(
      703,
    );
  });

  it.each([
    ['Callback (you choose the number)', ['--answer', 'callback=555 0142'], 'WaitForCallback'],
    ['Callback (you choose the number)', ['--answer', 'callback='], 'AuthProject'],
    [
      'Office VPN',
      ['--answer', 'credentials=a:wrong', '--answer', 'credentials=bob:right:CORP'],
      'AuthRetry',
    ],
    ['EAP sign-in', ['--answer', 'eap=alice:123456'], 'InvokeEapUI'],
    ['Terminal window', ['--answer', 'terminal=alice', '--answer', 'terminal=pw'], 'Interactive'],
  ])('%s answered in advance with %j connects', async (entry, answers, seen) => {
    const password = entry === 'Office VPN' ? 'wrong' : 'pw';
    const run = await cli([entry, 'alice', password, ...answers, '--hold', '0']);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toContain(seen);
    expect(run.out).toContain(`Connected to ${entry}.`);
  });

  it('answers an expired password in advance', async () => {
    const run = await cli([
      'Office VPN',
      'alice',
      'expired',
      '--answer',
      'new-password=fresh',
      '--hold',
      '0',
    ]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toMatch(/PasswordExpired[\s\S]*AuthChangePassword[\s\S]*Connected/);
  });

  it.each([
    [['--answer', 'interactive=done'], 718],
    [['--answer', 'terminal=alice', '--answer', 'interactive=done'], 718],
    [['--answer', 'terminal=bye'], 629],
    [['--answer', 'terminal=alice', '--answer', 'terminal=pw'], 0],
    [['--answer', 'terminal=alice'], 703],
  ])('types %j in the terminal window: ends with %i', async (answers, code) => {
    const run = await cli(['Terminal window', 'alice', 'pw', ...answers, '--hold', '0']);
    expect(run.code).toBe(code === 0 ? 0 : 1);
    if (code !== 0) expect(run.err[0]).toMatch(new RegExp(`error ${code}\\b`));
    if (answers.includes('terminal=alice')) expect(run.out).toContain('Username: alice');
  });

  it('ends with 691 after three refused token cards, with eap=done taken as no card', async () => {
    const run = await cli([
      'EAP sign-in',
      'alice',
      'pw',
      '--answer',
      'eap=done',
      '--answer',
      'eap=alice:000000',
      '--answer',
      'eap=alice:12345',
    ]);
    expect(run.err[0]).toMatch(/error 691\b/);
    expect(run.out.join('\n').match(/InvokeEapUI/g)).toHaveLength(3);
  });

  it('prints the terminal window as JSON events with --json', async () => {
    const run = await cli([
      'Terminal window',
      'alice',
      'pw',
      '--json',
      '--answer',
      'terminal=alice',
      '--answer',
      'terminal=pw',
      '--hold',
      '0',
    ]);
    const events = run.out.map((l) => JSON.parse(l) as { event: string; text?: string });
    const terminal = events.filter((e) => e.event === 'terminal');
    expect(terminal.at(0)!.text).toMatch(/Username: $/);
    expect(terminal.at(-1)!.text).toMatch(/Starting PPP/);
    expect(run.code).toBe(0);
  });

  it('uses the answers in order and fails with 703 once they run out', async () => {
    const run = await cli(['Office VPN', 'alice', 'wrong', '--answer', 'credentials=a:wrong']);
    expect(run.out.join('\n').match(/RetryAuthentication/g)).toHaveLength(2);
    expect(run.err[0]).toMatch(/error 703/);
  });

  it('asks on the terminal: other credentials, keeping the user name and domain offered', async () => {
    const run = await cli(['Office VPN', 'alice', 'wrong', '/DOMAIN:CORP', '--hold', '0'], {
      terminal: ['', 'right', ''],
    });
    expect(run.code).toBe(0);
    expect(run.asked).toEqual([
      expect.stringMatching(/User name \[alice\]: $/),
      'Password: ',
      'Domain [CORP]: ',
    ]);
  });

  it('asks for a new password twice and again when the two differ', async () => {
    const run = await cli(['Office VPN', 'alice', 'expired', '--hold', '0'], {
      terminal: ['one', 'two', '', 'fresh', 'fresh'],
    });
    expect(run.code).toBe(0);
    expect(run.asked).toEqual([
      expect.stringMatching(/New password: $/),
      'Type the new password again: ',
      'The two passwords differ. Press Enter to try again.',
      expect.stringMatching(/New password: $/),
      'Type the new password again: ',
    ]);
  });

  it('asks for the callback number, and for EAP and the terminal step', async () => {
    expect(
      (
        await cli(['Callback (you choose the number)', 'a', 'b', '--hold', '0'], {
          terminal: ['555 0142'],
        })
      ).code,
    ).toBe(0);
    const eap = await cli(['EAP sign-in', 'a', 'b', '--hold', '0'], {
      terminal: ['', '000000', 'alice', '123456'],
    });
    expect(eap.code).toBe(0);
    expect(eap.asked).toEqual([
      'EAP sign-in: simulated token card. User name [a]: ',
      'One-time code (six digits): ',
      'The code was not accepted (attempt 2). EAP sign-in: simulated token card. User name [a]: ',
      'One-time code (six digits): ',
    ]);
  });

  it('is the terminal window on a terminal: the remote side prompts, a password is not echoed', async () => {
    const secret: string[] = [];
    const run = await cli(['Terminal window', 'alice', 'pw', '--hold', '0'], {
      terminal: ['alice', 'nope', 'alice', 'pw'],
      secret,
    });
    expect(run.code).toBe(0);
    expect(run.asked).toEqual(['Username: ', 'Password: ', 'Username: ', 'Password: ']);
    expect(secret).toEqual(['Password: ', 'Password: ']);
    const shown = run.out.join('\n');
    expect(shown).toMatch(/simulated terminal server/);
    expect(shown).toMatch(/Login incorrect[\s\S]*Welcome, alice\.\nStarting PPP\.\.\./);
    // What readline showed is not printed again from the remote side's echo.
    expect(run.out).not.toContain('alice');
    expect(shown).not.toContain('nope');
    expect(run.out).toContain('Connected to Terminal window.');
  });

  it('hangs up when the person cancels a question', async () => {
    const run = await cli(['Terminal window', 'a', 'b'], { terminal: ['cancel'] });
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe('Remote Access error 631 - You cancelled the dial.');
    const eof = await cli(['Office VPN', 'a', 'wrong'], { terminal: [null] });
    expect(eof.err[0]).toMatch(/631/);
  });

  it('asks for the password when it is *', async () => {
    const run = await cli(['Office VPN', 'alice', '*', '--hold', '0'], { terminal: ['secret'] });
    expect(run.asked).toEqual(['Password for alice: ']);
    expect(run.code).toBe(0);
    expect((await cli(['Office VPN', 'alice', '*'])).err[0]).toMatch(/needs a terminal/);
  });

  it('hangs up cleanly on Ctrl-C once connected, and cancels on Ctrl-C while dialing', async () => {
    const connected = await cli(['Office VPN', 'a', 'b'], {
      interrupt: (out) => out.at(-1) === 'Press Ctrl-C to hang up.',
    });
    expect(connected.code).toBe(0);
    expect(connected.out.slice(-2)).toEqual([
      'Disconnected from Office VPN.',
      'Command completed successfully.',
    ]);
    const dialing = await cli(['Office VPN', 'a', 'b'], {
      interrupt: (out) => out.some((l) => l.includes('ConnectDevice')),
    });
    expect(dialing.code).toBe(1);
    expect(dialing.err[0]).toMatch(/631 - You cancelled/);
  });

  it('says so, and leaves the connection up, when Remote Access refuses to hang up', async () => {
    let injector!: FaultInjector;
    const run = await cli(['Office VPN', 'a', 'b'], {
      interrupt: (out) => {
        if (out.at(-1) !== 'Press Ctrl-C to hang up.') return false;
        injector.failCall({ call: 'hangUp', code: 753, times: Infinity });
        return true;
      },
      wrapBackend: (backend) => (injector = new FaultInjector(backend, realClock)).backend,
    });
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^Remote Access error 753 - The user lacks permission/);
    expect(run.out).not.toContain('Disconnected from Office VPN.');
  });

  it('reports a link drop while holding', async () => {
    const run = await cli(['Drops after 30 s', 'a', 'b']);
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^Remote Access error 629/);
  });

  it('dials an override number with /PHONE', async () => {
    const run = await cli(['Dial-up', 'a', 'b', '/PHONE:555-0488']);
    expect(run.out.join('\n')).toContain('Dialing 555-0488');
    expect(run.err[0]).toMatch(/error 680/);
  });

  it('prints one JSON object a line per event with --json', async () => {
    const run = await cli(['Busy line', 'a', 'b', '--json']);
    const events = run.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events[0]).toMatchObject({
      event: 'dial',
      entry: 'Busy line',
      state: 'Dial',
      stateValue: null,
      group: 'info',
      error: 0,
    });
    expect(events[1]).toMatchObject({
      event: 'state',
      state: 'OpenPort',
      stateValue: 0,
      group: 'running',
    });
    expect(events.at(-2)).toMatchObject({
      state: 'Disconnected',
      stateValue: 8193,
      error: 676,
      errorName: 'ERROR_LINE_BUSY',
      message: 'The line is busy.',
    });
    expect(events.at(-1)).toMatchObject({ event: 'error', error: 676 });
    expect(events.every((e) => typeof e.time === 'number' || e.event === 'error')).toBe(true);
    expect(run.err).toEqual([]);
  });

  it('uses a phonebook named with /PHONEBOOK and never rewrites a malformed one', async () => {
    const file = path.join(home, 'mine.pbk');
    const text =
      '[Mine]\r\nType=2\r\n\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n';
    await writeFile(file, text);
    expect((await cli(['Mine', 'a', 'b', `/PHONEBOOK:${file}`, '--hold', '0'])).code).toBe(0);
    await writeFile(file, '[Mine]\r\nthis is not a key\r\n');
    const bad = await cli(['Mine', 'a', 'b', `/PHONEBOOK:${file}`]);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/error 625 .*mine\.pbk, line 2: expected key=value/);
    expect(await readFile(file, 'utf8')).toBe('[Mine]\r\nthis is not a key\r\n');
  });

  it('names an entry that does not exist', async () => {
    const run = await cli(['Nowhere', 'a', 'b']);
    expect(run.err[0]).toMatch(/error 623 .*"Nowhere"/);
  });

  it('finds nothing to hang up in a fresh simulated server', async () => {
    expect((await cli(['/D'])).out).toEqual(['No connections', 'Command completed successfully.']);
    expect((await cli(['Office VPN', '/D'])).err[0]).toMatch(/not connected to "Office VPN"/);
  });

  it('prints the usage for /? and a usage error with exit 2', async () => {
    expect((await cli(['/?'])).out[0]).toMatch(/compatible with rasdial/);
    const bad = await cli(['E', '/p:1']);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/ambiguous/);
  });

  it('says clearly when rasapi32.dll cannot be loaded', async () => {
    const run = await cli(['--backend', 'win32']);
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/rasapi32.dll could not be loaded/);
  });
});
