// Text from a phonebook file or the command line that could take over the terminal or the file
// (issue 12, items 5 and 7): printed with its control characters escaped, and never written
// where it would break a line of the file.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../tests/support/cli-run';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-hostile-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex -- the characters a terminal acts on
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

// A name that clears the screen and retitles the window, with a lone CR (which a terminal reads
// as "back to the start of the line") and a line separator; a number with colours and a NEL.
const EVIL_NAME = 'Evil\u001b[2J\u001b]0;pwned\u0007 \rname\u2028x';
const EVIL_NUMBER = '555\u001b[31m-0100\u0085\u000b';
const HOSTILE_PBK = [
  '[Plain]',
  'MEDIA=rastapi',
  'Port=COM1',
  'Device=Standard Modem',
  'DEVICE=modem',
  'PhoneNumber=555-0100',
  '',
  `[${EVIL_NAME}]`,
  'MEDIA=rastapi',
  'Port=COM1',
  'Device=Modem\u001b[5m',
  'DEVICE=modem',
  `PhoneNumber=${EVIL_NUMBER}`,
  '',
].join('\r\n');

function expectPrintable(lines: string[]): void {
  for (const line of lines) expect(line, JSON.stringify(line)).not.toMatch(RAW_CONTROL);
}

describe('control characters from a phonebook are printed escaped (item 5)', () => {
  it('list, show and check print no raw control character', async () => {
    const file = path.join(home, 'hostile.pbk');
    await writeFile(file, HOSTILE_PBK);
    const book = `/PHONEBOOK:${file}`;

    const list = await runCliIn(home, ['phonebook', 'list', book]);
    expect(list.code).toBe(0);
    expectPrintable([...list.out, ...list.err]);
    expect(list.out.join('\n')).toContain('Evil\\x1b[2J\\x1b]0;pwned\\x07 \\rname\\u2028x');
    expect(list.out.join('\n')).toContain('555\\x1b[31m-0100\\u0085\\x0b');

    const show = await runCliIn(home, ['phonebook', 'show', EVIL_NAME, book]);
    expect(show.code).toBe(0);
    expectPrintable([...show.out, ...show.err]);
    expect(show.out.join('\n')).toContain('Modem\\x1b[5m');

    const check = await runCliIn(home, ['phonebook', 'check', file]);
    expectPrintable([...check.out, ...check.err]);
    expect(check.out.join('\n')).toContain('control character');

    // JSON is escaped by JSON itself and still parses to the very same text.
    const json = await runCliIn(home, ['phonebook', 'list', book, '--json']);
    expectPrintable(json.out);
    expect(json.out.map((l) => (JSON.parse(l) as { name: string }).name)).toContain(EVIL_NAME);

    // Not found: the error echoes the name given, escaped.
    const missing = await runCliIn(home, ['phonebook', 'show', 'No\u001b[2Jsuch', book]);
    expect(missing.code).toBe(1);
    expectPrintable([...missing.out, ...missing.err]);
  });

  it('an entry Windows would not name can still be edited, renamed away and deleted', async () => {
    const file = path.join(home, 'hostile.pbk');
    await writeFile(file, HOSTILE_PBK);
    const book = `/PHONEBOOK:${file}`;
    const edited = await runCliIn(home, [
      'phonebook',
      'edit',
      EVIL_NAME,
      '--redial-attempts',
      '4',
      book,
    ]);
    expect(edited.code, edited.err.join('\n')).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('RedialAttempts=4');
    const renamed = await runCliIn(home, ['phonebook', 'rename', EVIL_NAME, 'Tamed', book]);
    expect(renamed.code, renamed.err.join('\n')).toBe(0);
    expectPrintable(renamed.out);
    expect((await runCliIn(home, ['phonebook', 'delete', 'Tamed', book])).code).toBe(0);
    expect((await runCliIn(home, ['phonebook', 'rename', 'Plain', 'Bad"name', book])).code).toBe(1);
    const created = await runCliIn(home, [
      'phonebook',
      'create',
      'Red\u001b[31m',
      '--type',
      'phone',
      '--number',
      '1',
      book,
    ]);
    expect(created.code).toBe(1);
    expectPrintable([...created.out, ...created.err]);
  });
});

describe('a line break in a field cannot inject into the file (item 7)', () => {
  it('refuses a device name with CR LF and leaves the phonebook as it was', async () => {
    // The demo phonebook, as the issue's own command line uses it.
    await runCliIn(home, ['phonebook', 'list']);
    const file = path.join(home, 'rasphone.pbk');
    const before = await readFile(file, 'utf8');
    const done = await runCliIn(home, [
      'phonebook',
      'edit',
      'Dial-up',
      '--device-name',
      'Modem\r\n[Injected]\r\nPhoneNumber=1900-555-0199',
    ]);
    expect([1, 2]).toContain(done.code);
    expect(done.out).toEqual([]);
    expect(done.err.join('\n')).toMatch(/device name/i);
    expectPrintable(done.err);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await runCliIn(home, ['phonebook', 'list'])).out.join('\n')).not.toContain('Injected');
  });

  it('refuses a device type with a line break, and later commands still work', async () => {
    await runCliIn(home, ['phonebook', 'list']);
    const file = path.join(home, 'rasphone.pbk');
    const before = await readFile(file, 'utf8');
    const done = await runCliIn(home, [
      'phonebook',
      'edit',
      'Dial-up',
      '--device-type',
      'modem\nX',
    ]);
    expect([1, 2]).toContain(done.code);
    expect(done.err.join('\n')).toMatch(/device type/i);
    expect(await readFile(file, 'utf8')).toBe(before);
    const list = await runCliIn(home, ['phonebook', 'list']);
    expect(list.code).toBe(0);
    expect(list.out.join('\n')).toContain('Dial-up');
  });

  it('refuses a line break in a number, a DNS suffix and a new name too', async () => {
    for (const args of [
      ['edit', 'Dial-up', '--number', '555\r\n[X]'],
      ['edit', 'Office VPN', '--dns-suffix', 'corp\r\n[X]'],
      ['create', 'Two\nLines', '--type', 'phone', '--number', '1'],
    ]) {
      const done = await runCliIn(home, ['phonebook', ...args]);
      expect([1, 2], args.join(' ')).toContain(done.code);
      expect(done.err.join('\n'), args.join(' ')).toMatch(/line break/);
      expectPrintable(done.err);
    }
  });
});
