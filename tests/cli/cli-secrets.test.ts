// A password given to ras-connect through standard input or an environment variable reaches the
// dial and nothing else: not stdout, not stderr, not the log, not the history.

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliProcess } from './support/cli-process';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-secrets-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

/** Every file the run left in the data folder, with its text. */
async function dataFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await readdir(home, { recursive: true })) {
    const text = await readFile(path.join(home, name), 'utf8').catch(() => null);
    if (text !== null) files.set(name, text);
  }
  return files;
}

// Distinctive, with the characters a shell or a parser might split on.
const SECRET = 'Zq7:pa ss=w0rd:';

describe('ras-connect keeps a password out of its output and files', () => {
  it.each([
    ['--password-env', ['--password-env', 'VPN_SECRET'], { env: { VPN_SECRET: SECRET } }],
    ['--password-stdin', ['--password-stdin'], { input: `${SECRET}\nsecond line\n` }],
  ])('%s: the dial connects and the password is nowhere', async (_, extra, options) => {
    const run = await runCliProcess(
      home,
      ['Office VPN', 'alice', ...extra, '--hold', '0', '--json'],
      options,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"state":"Connected"');
    expect(run.stdout).not.toContain(SECRET);
    const files = await dataFiles();
    // The dial was logged and recorded, so the files were written, and without the password.
    expect(files.get('ras-connect.log')).toContain('Office VPN');
    expect(files.get('history.jsonl')).toContain('"entryName":"Office VPN"');
    for (const [name, text] of files)
      expect({ name, has: text.includes(SECRET) }).toEqual({ name, has: false });
  });

  it('a wrong password from the environment is answered by password= and neither shows', async () => {
    const run = await runCliProcess(
      home,
      [
        'Office VPN',
        'alice',
        '--password-env',
        'VPN_SECRET',
        '--answer',
        `password=${SECRET}`,
        '--hold',
        '0',
      ],
      { env: { VPN_SECRET: 'wrong' } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('RetryAuthentication');
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    for (const text of (await dataFiles()).values()) expect(text.includes(SECRET)).toBe(false);
  });

  it('refuses an unset variable and an empty standard input with exit 2', async () => {
    const unset = await runCliProcess(home, ['Office VPN', 'alice', '--password-env', 'NOPE_X']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/NOPE_X is not set or is empty/);
    const empty = await runCliProcess(home, ['Office VPN', 'alice', '--password-stdin']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/standard input gave no password/);
  });
});
