// `ras-connect phonebook` failing as a real process: the message, exit 1, no stack trace.
// (It once crashed on RAS errors with "error.code?.startsWith is not a function".)

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliProcess } from './support/cli-process';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-pbk-errors-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const run = (args: string[]) => runCliProcess(home, args);

describe('ras-connect phonebook failing as a process', () => {
  it('prints the message and exits 1, without a stack trace', async () => {
    const missing = await run(['phonebook', 'show', 'nosuch']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Remote Access error 623 - .*"nosuch"\)?\n/);
    const file = path.join(home, 'bad.pbk');
    await writeFile(file, '[A]\r\nType=1\r\ngarbage\r\n');
    const malformed = await run(['phonebook', 'list', `/PHONEBOOK:${file}`]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^Remote Access error 625 - .*bad\.pbk, line 3: /);
    for (const { stderr, stdout } of [missing, malformed]) {
      expect(stdout).toBe('');
      expect(stderr).not.toMatch(/^\s{4}at /m);
      expect(stderr).not.toMatch(/TypeError|Node\.js v/);
      expect(stderr.trimEnd().split('\n')).toHaveLength(2);
    }
  });
});
