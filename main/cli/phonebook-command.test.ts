import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './run-cli';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-pbk-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    terminal: { interactive: false, ask: async () => null, askSecret: async () => null },
    env: { RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: '0' },
    platform: 'linux',
    interrupted: new Promise(() => undefined),
  };
  const code = await runCli(['phonebook', ...argv], io);
  return { code, out, err };
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
