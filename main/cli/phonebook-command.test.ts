import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PbkParseError } from '../../app/phonebook/pbk-codec';
import { PhonebookService } from '../phonebook/phonebook-service';
import type { RasEntry } from '../../app/phonebook/entry';
import { powerShellToEntry } from '../../app/provisioning/vpn-powershell';
import { runCliIn } from '../../tests/support/cli-run';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-pbk-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(home, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  return cliOn('linux', ...argv);
}

function cliOn(platform: NodeJS.Platform, ...argv: string[]) {
  return runCliIn(home, ['phonebook', ...argv], platform);
}

describe('ras-connect phonebook', () => {
  it('lists the entries, as text and as JSON', async () => {
    expect((await cli('list')).out[0]).toMatch(/^Dial-up\s+phone\s+555-0100$/);
    const json = (await cli('list', '--json')).out.map(
      (l) => JSON.parse(l) as { name: string; type: string },
    );
    expect(json.find((e) => e.name === 'Office VPN')).toMatchObject({
      type: 'vpn',
      destination: 'vpn.example.com',
    });
  });

  it('creates, shows, edits, renames, copies and deletes an entry', async () => {
    expect(
      await cli(
        'create',
        'Branch',
        '--type',
        'phone',
        '--number',
        '555-0101',
        '--number',
        '555-0102',
        '--redial-attempts',
        '3',
      ),
    ).toMatchObject({ code: 0, out: ['Created "Branch".'] });
    const shown = (await cli('show', 'branch')).out;
    expect(shown).toContain('Number:           555-0101');
    expect(shown).toContain('Alternate 1:      555-0102');
    expect(shown).toContain('Redial:           3 times, every 60 s');
    expect(
      (await cli('edit', 'Branch', '--redial-on-link-failure', 'yes', '--callback', 'caller')).code,
    ).toBe(0);
    expect((await cli('show', 'Branch', '--json')).out.map((l) => JSON.parse(l))[0]).toMatchObject({
      entry: { redialOnLinkFailure: true, callbackMode: 'caller' },
    });
    expect((await cli('rename', 'Branch', 'Branch office')).out).toEqual([
      'Renamed "Branch" to "Branch office".',
    ]);
    expect((await cli('copy', 'Branch office')).out).toEqual([
      'Copied "Branch office" as "Copy of Branch office".',
    ]);
    expect((await cli('delete', 'Copy of Branch office')).code).toBe(0);
    const names = (await cli('list', '--json')).out.map(
      (l) => (JSON.parse(l) as { name: string }).name,
    );
    expect(names).toContain('Branch office');
    expect(names).not.toContain('Copy of Branch office');
  });

  it('says what is wrong with an entry and keeps the phonebook as it was', async () => {
    const before = await readFile(path.join(home, 'rasphone.pbk'), 'utf8').catch(() => '');
    await cli('list');
    const pbk = await readFile(path.join(home, 'rasphone.pbk'), 'utf8');
    const run = await cli('create', 'No server', '--type', 'vpn');
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/A VPN entry needs a server/);
    expect(await readFile(path.join(home, 'rasphone.pbk'), 'utf8')).toBe(pbk);
    expect(before === '' || before === pbk).toBe(true);
  });

  it('exports and imports, resolving clashes as asked', async () => {
    const file = path.join(home, 'share.pbk');
    expect((await cli('export', file, 'Dial-up', 'Office VPN')).out).toEqual([
      `Exported 2 entries to ${file}.`,
    ]);
    expect((await cli('import', file, '--on-clash', 'skip')).out).toEqual([
      'Skipped "Dial-up": an entry of that name exists.',
      'Skipped "Office VPN": an entry of that name exists.',
    ]);
    expect((await cli('import', file, 'Dial-up')).out).toEqual([
      'Imported "Dial-up" as "Copy of Dial-up".',
    ]);
  });

  it('exports VPN entries as the PowerShell that recreates them, and reads it back', async () => {
    expect(
      (
        await cli(
          'create',
          'Branch VPN',
          '--type',
          'vpn',
          '--number',
          'branch.example.com',
          '--vpn-strategy',
          'ikev2-sstp',
          '--ipv4-metric',
          '5',
        )
      ).code,
    ).toBe(0);
    const file = path.join(home, 'branch.ps1');
    expect((await cli('export', file, 'Branch VPN', '--as', 'powershell')).out).toEqual([
      `Exported 1 entry to ${file}.`,
    ]);
    const bytes = await readFile(file);
    // With a BOM, so that Windows PowerShell 5 reads a name in any language right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const script = bytes.toString('utf8').slice(1);
    expect(script).toContain(
      "Add-VpnConnection -Name 'Branch VPN' -ServerAddress 'branch.example.com' -EncryptionLevel Maximum",
    );
    expect(script).toContain(
      "Set-RasPhonebookKey -Entry 'Branch VPN' -Key VpnStrategy -Value '14'",
    );
    expect(script).toContain(
      "Set-RasPhonebookKey -Entry 'Branch VPN' -Key IpInterfaceMetric -Value '5'",
    );
    const shown = JSON.parse((await cli('show', 'Branch VPN', '--json')).out[0]!) as {
      entry: RasEntry;
    };
    const back = powerShellToEntry(script).entry;
    for (const key of ['vpnStrategy', 'ipv4Metric', 'encryption', 'authProtocols'] as const)
      expect(back[key]).toEqual(shown.entry[key]);

    // A dial-up entry has no VpnClient form: refused, nothing written.
    const other = path.join(home, 'dialup.ps1');
    const refused = await cli('export', other, 'Dial-up', '--as', 'powershell');
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain('"Dial-up" is not a VPN entry');
    await expect(readFile(other)).rejects.toThrow();
    expect((await cli('export', other, 'Dial-up', '--as', 'ps1')).code).toBe(2);
  });

  it('checks a file and exits 0 only when it is clean', async () => {
    const file = path.join(home, 'x.pbk');
    await writeFile(file, '[A]\r\nType=1\r\nMEDIA=serial\r\nDEVICE=modem\r\nPhoneNumber=1\r\n');
    expect(await cli('check', file)).toMatchObject({
      code: 0,
      out: [`${file}: 1 entries, no problems.`],
    });
    await writeFile(file, '[A]\r\nType=1\r\n[B]\r\noops\r\n');
    expect(await cli('check', file)).toMatchObject({
      code: 1,
      out: [`${file}:4: expected key=value, an [entry name] or a comment, found "oops"`],
    });
  });

  it('works on a phonebook named with /PHONEBOOK', async () => {
    const file = path.join(home, 'mine.pbk');
    expect(
      (
        await cli(
          'create',
          'Mine',
          '--type',
          'vpn',
          '--number',
          'h.example.com',
          `/PHONEBOOK:${file}`,
        )
      ).code,
    ).toBe(0);
    expect((await cli('list', `/PHONEBOOK:${file}`)).out).toEqual([
      expect.stringMatching(/^Mine\s+vpn\s+h\.example\.com$/),
    ]);
    expect(await readFile(file, 'utf8')).toMatch(/^\[Mine\]\r\n/);
  });

  it('answers a usage error with exit 2', async () => {
    expect((await cli('frob')).code).toBe(2);
    expect((await cli('create', 'X', '--type', 'teleport')).err[0]).toMatch(/--type is one of/);
    expect((await cli('show', 'X', '--bogus')).code).toBe(2);
    expect((await cli()).out[0]).toMatch(/ras-connect phonebook COMMAND/);
  });
});

/** A failure as a person should see it: exit 1, the message on stderr, never a stack trace. */
function expectCleanFailure(
  run: { code: number; out: string[]; err: string[] },
  message: RegExp,
): void {
  const stderr = run.err.join('\n');
  expect(run.code, stderr).toBe(1);
  expect(stderr).toMatch(message);
  expect(stderr).not.toMatch(/^\s{4}at /m);
  expect(stderr).not.toContain('TypeError');
  expect(stderr).not.toContain('is not a function');
  expect(run.out).toEqual([]);
  for (const line of run.err) expect(line).not.toContain('\n');
}

describe('ras-connect phonebook failures', () => {
  const missing = /Remote Access error 623 - .*"nosuch"/;

  it('names an entry that does not exist, for every command that needs one', async () => {
    expectCleanFailure(await cli('show', 'nosuch'), missing);
    expectCleanFailure(await cli('edit', 'nosuch', '--redial-attempts', '2'), missing);
    expectCleanFailure(await cli('delete', 'nosuch'), missing);
    expectCleanFailure(await cli('rename', 'nosuch', 'x'), missing);
    expectCleanFailure(await cli('copy', 'nosuch'), missing);
    expectCleanFailure(await cli('export', path.join(home, 'out.pbk'), 'nosuch'), missing);
    // What to do comes with it, as for a failed dial.
    expect((await cli('show', 'nosuch')).err[1]).toMatch(/^What to do: /);
  });

  it('names the line of a malformed phonebook', async () => {
    const file = path.join(home, 'bad.pbk');
    await writeFile(file, '[A]\r\nType=1\r\ngarbage\r\n');
    for (const command of [['list'], ['show', 'A'], ['delete', 'A'], ['copy', 'A']])
      expectCleanFailure(
        await cli(...command, `/PHONEBOOK:${file}`),
        /Remote Access error 625 - .*bad\.pbk, line 3: expected key=value.*"garbage"/,
      );
    await writeFile(file, 'x=1\r\n[A]\r\nType=1\r\n');
    expectCleanFailure(
      await cli('list', `/PHONEBOOK:${file}`),
      /error 625 .*bad\.pbk, line 1: "x=" comes before any \[entry name\]/,
    );
    // Nothing was written over it.
    expect(await readFile(file, 'utf8')).toBe('x=1\r\n[A]\r\nType=1\r\n');
  });

  it('names a file to import or check that is missing or malformed', async () => {
    expectCleanFailure(
      await cli('import', '/nonexistent/file.pbk'),
      /\/nonexistent\/file\.pbk.*does not exist/,
    );
    expectCleanFailure(await cli('check', '/nonexistent'), /\/nonexistent\b.*does not exist/);
    expectCleanFailure(await cli('check', home), new RegExp(`${home} is a folder`));
    expectCleanFailure(await cli('import', home), new RegExp(`${home} is a folder`));
    const file = path.join(home, 'bad.pbk');
    await writeFile(file, '[A]\r\nType=1\r\n[B]\r\noops\r\n');
    expectCleanFailure(await cli('import', file), /bad\.pbk: line 4: expected key=value/);
  });

  it('exits 1 on Windows too, as the README says', async () => {
    expectCleanFailure(await cliOn('win32', 'show', 'nosuch', '--backend', 'simulated'), missing);
  });

  it('prints the error as one JSON object on stdout with --json', async () => {
    const run = await cli('show', 'nosuch', '--json');
    expect(run.code).toBe(1);
    expect(run.err).toEqual([]);
    expect(run.out).toHaveLength(1);
    expect(JSON.parse(run.out[0]!)).toMatchObject({
      event: 'error',
      error: 623,
      errorName: 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY',
      message: expect.stringContaining('"nosuch"') as unknown,
    });
    const file = path.join(home, 'bad.pbk');
    await writeFile(file, '[A]\r\ngarbage\r\n');
    const bad = await cli('list', '--json', `/PHONEBOOK:${file}`);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out[0]!)).toMatchObject({
      error: 625,
      message: expect.stringMatching(/line 2: expected key=value/) as unknown,
    });
    const gone = await cli('check', '/nonexistent', '--json');
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.out[0]!)).toMatchObject({
      event: 'error',
      error: 'NOT_FOUND',
      message: expect.stringMatching(/\/nonexistent.*does not exist/) as unknown,
    });
  });

  it('prints anything else thrown as a one-line message', async () => {
    const list = vi.spyOn(PhonebookService.prototype, 'list');
    list.mockRejectedValueOnce('the disk\nwent away');
    expectCleanFailure(await cli('list'), /^the disk went away$/m);
    list.mockRejectedValueOnce(undefined);
    expectCleanFailure(await cli('list'), /^Unexpected error: undefined$/m);
    list.mockRejectedValueOnce(null);
    expectCleanFailure(await cli('list'), /^Unexpected error: null$/m);
    list.mockRejectedValueOnce({ reason: 'odd', count: 2 });
    expectCleanFailure(await cli('list'), /^Unexpected error: \{"reason":"odd","count":2\}$/m);
    list.mockRejectedValueOnce(Object.create(null));
    expectCleanFailure(await cli('list'), /^Unexpected error: \{\}$/m);
    list.mockRejectedValueOnce({ code: 42, message: 'a number, not a string' });
    expectCleanFailure(await cli('list'), /a number, not a string/);
    list.mockRejectedValueOnce(new TypeError('x.y is not a function'));
    const bug = await cli('list');
    expect(bug.code).toBe(1);
    expect(bug.err[0]).toBe('x.y is not a function');
    expect(bug.err.join('\n')).not.toMatch(/^\s{4}at /m);
    list.mockRejectedValueOnce(new Error(''));
    expectCleanFailure(await cli('list'), /^Error$/m);
  });

  it('adds the line number an error carries when its message lacks it', async () => {
    const list = vi.spyOn(PhonebookService.prototype, 'list');
    list.mockRejectedValueOnce(new PbkParseError([{ line: 4, message: 'found "oops"' }]));
    expectCleanFailure(await cli('list'), /^The phonebook is malformed: line 4: found "oops"$/m);
    list.mockRejectedValueOnce(Object.assign(new Error('The entry is broken'), { line: 7 }));
    expectCleanFailure(await cli('list'), /^The entry is broken \(line 7\)$/m);
    list.mockRejectedValueOnce(
      Object.assign(new Error('Bad file'), { problems: [{ line: 9, message: 'x' }] }),
    );
    expectCleanFailure(await cli('list'), /^Bad file \(line 9\)$/m);
  });

  it('keeps exit 2 and the usage hint for usage errors', async () => {
    const unknown = await cli('show', 'X', '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toMatch(/--bogus/);
    expect(unknown.err[1]).toMatch(/phonebook --help/);
    expect((await cli('show')).code).toBe(2);
    expect((await cli('edit', 'nosuch', '--redial-attempts', 'two')).code).toBe(2);
  });
});
