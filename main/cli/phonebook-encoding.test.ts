// Phonebooks in a legacy code page (tests/fixtures/pbk-legacy) through the command line: their
// names are read in the right code page and can be addressed, an edit writes back the same
// code page with every other byte as it was, and what the code page cannot hold is refused.

import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../tests/support/cli-run';

const fixtures = path.join(import.meta.dirname, '../../tests/fixtures/pbk-legacy');

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-legacy-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

function run(...argv: string[]) {
  return runCliIn(home, argv);
}

/** A copy of a fixture in the test's folder: its path and its bytes as they were. */
async function copyOf(name: string): Promise<{ file: string; bytes: Buffer }> {
  const file = path.join(home, name);
  await copyFile(path.join(fixtures, name), file);
  return { file, bytes: await readFile(file) };
}

/** The bytes with the first `RedialAttempts=N` of the file (its first entry's) set to `n`. */
function withFirstRedialAttempts(bytes: Buffer, n: number): Buffer {
  const at = bytes.indexOf('RedialAttempts=') + 'RedialAttempts='.length;
  const expected = Buffer.from(bytes);
  expected[at] = 0x30 + n;
  return expected;
}

const names = (out: string[]) => out.map((l) => l.split(/\s{2,}/)[0]);

describe('phonebooks in a legacy code page', () => {
  it.each([[[]], [['--encoding', '1251']], [['--encoding=windows-1251']]])(
    'lists, shows and edits a CP1251 phonebook, which stays CP1251 byte for byte (%j)',
    async (encoding) => {
      const { file, bytes } = await copyOf('cp1251.pbk');
      const pbk = [`/PHONEBOOK:${file}`, ...encoding];
      const list = await run('phonebook', 'list', ...pbk);
      expect(list.code).toBe(0);
      expect(names(list.out)).toEqual(['Подключение', 'Офис', 'Home']);
      expect((await run('phonebook', 'show', 'офис', ...pbk)).out[0]).toBe(
        'Entry:            Офис',
      );
      expect(
        await run('phonebook', 'edit', 'Подключение', '--redial-attempts', '3', ...pbk),
      ).toMatchObject({ code: 0, out: ['Saved "Подключение".'] });
      expect(await readFile(file)).toEqual(withFirstRedialAttempts(bytes, 3));
      expect((await run('phonebook', 'show', 'Подключение', ...pbk)).out).toContain(
        'Redial:           3 times, every 60 s',
      );
    },
  );

  it.each([[['--encoding', 'gbk']], [['--encoding', '936']], [[]]])(
    'lists, shows and edits a GBK phonebook, named or detected (%j)',
    async (encoding) => {
      const { file, bytes } = await copyOf('gbk.pbk');
      const pbk = [`/PHONEBOOK:${file}`, ...encoding];
      expect(names((await run('phonebook', 'list', ...pbk)).out)).toEqual([
        '办公室连接',
        '公司拨号',
      ]);
      expect((await run('phonebook', 'show', '公司拨号', ...pbk)).out[0]).toBe(
        'Entry:            公司拨号',
      );
      expect(
        (await run('phonebook', 'edit', '办公室连接', '--redial-attempts', '2', ...pbk)).code,
      ).toBe(0);
      expect(await readFile(file)).toEqual(withFirstRedialAttempts(bytes, 2));
    },
  );

  it('keeps a byte the code page does not define through an edit of another entry', async () => {
    const { file, bytes } = await copyOf('cp1251-undefined-byte.pbk');
    expect(bytes.includes(0x98)).toBe(true);
    const pbk = [`/PHONEBOOK:${file}`, '--encoding', 'cp1251'];
    expect((await run('phonebook', 'show', 'Офис', ...pbk)).code).toBe(0);
    expect(
      (await run('phonebook', 'edit', 'Подключение', '--redial-attempts', '3', ...pbk)).code,
    ).toBe(0);
    expect(await readFile(file)).toEqual(withFirstRedialAttempts(bytes, 3));
  });

  it('refuses a name the code page cannot hold, says why, and writes nothing', async () => {
    const { file, bytes } = await copyOf('cp1251.pbk');
    const pbk = [`/PHONEBOOK:${file}`, '--encoding', '1251'];
    for (const argv of [
      ['rename', 'Офис', '中文办公室'],
      ['edit', 'Офис', '--name', 'Офис 中'],
      ['create', '中文', '--type', 'phone', '--number', '555-0101'],
    ]) {
      const refused = await run('phonebook', ...argv, ...pbk);
      expect(refused.code, argv.join(' ')).toBe(1);
      expect(refused.err[0]).toBe(
        `${file}: "中" (U+4E2D) cannot be written to this phonebook: it is in windows-1251, which has no such character; nothing was written.`,
      );
      expect(await readFile(file)).toEqual(bytes);
    }
  });

  it('answers an unknown --encoding with a usage error (exit 2) that lists examples', async () => {
    const phonebook = await run('phonebook', 'list', '--encoding', 'bogus');
    expect(phonebook.code).toBe(2);
    expect(phonebook.err[0]).toBe(
      '--encoding "bogus" is not a Windows code page: use one such as 1251, cp1251, windows-1251, 1252, 936 or gbk, 932 or shift_jis, 949 or euc-kr, 950 or big5, or auto.',
    );
    const dial = await run('Office VPN', '--encoding', 'bogus');
    expect(dial.code).toBe(2);
    expect(dial.err[0]).toMatch(/^--encoding "bogus" is not a Windows code page/);
    expect((await run('phonebook', 'list', '--encoding')).code).toBe(2);
    const utf8 = await run('phonebook', 'list', '--encoding', 'utf-8');
    expect(utf8.code).toBe(2);
    expect(utf8.err[0]).toMatch(/UTF-8 is recognized by itself/);
  });

  it('reads and writes UTF-8 phonebooks, with and without a BOM, as before', async () => {
    const text =
      '[Офис]\r\nType=1\r\nRedialAttempts=0\r\n\r\nMEDIA=serial\r\nDEVICE=modem\r\nPhoneNumber=555-0100\r\n\r\n[办公室]\r\nType=1\r\n';
    for (const bom of ['', '\uFEFF'])
      for (const encoding of [[], ['--encoding', '1251']]) {
        const file = path.join(home, 'utf8.pbk');
        const bytes = Buffer.from(bom + text, 'utf8');
        await writeFile(file, bytes);
        const pbk = [`/PHONEBOOK:${file}`, ...encoding];
        expect(names((await run('phonebook', 'list', ...pbk)).out)).toEqual(['Офис', '办公室']);
        expect(
          (await run('phonebook', 'edit', 'Офис', '--redial-attempts', '4', ...pbk)).code,
        ).toBe(0);
        expect(await readFile(file)).toEqual(withFirstRedialAttempts(bytes, 4));
      }
  });

  it('says which code page a checked file was read in, and how it was chosen', async () => {
    const { file } = await copyOf('cp1251.pbk');
    expect((await run('phonebook', 'check', file)).out).toEqual([
      `${file}: 3 entries, no problems; read as windows-1251 (detected).`,
    ]);
    expect((await run('phonebook', 'check', file, '--encoding', '1251')).out).toEqual([
      `${file}: 3 entries, no problems; read as windows-1251 (named with --encoding).`,
    ]);
    const json = await run('phonebook', 'check', file, '--json');
    expect(JSON.parse(json.out[0]!)).toMatchObject({
      entries: 3,
      encoding: 'windows-1251',
      encodingSource: 'detected',
    });
  });

  it('follows the Legacy phonebook encoding setting; --encoding comes first', async () => {
    const { file } = await copyOf('cp1251.pbk');
    await writeFile(
      path.join(home, 'settings.json'),
      JSON.stringify({ legacyPhonebookEncoding: 'windows-1252' }),
    );
    expect((await run('phonebook', 'check', file)).out).toEqual([
      `${file}: 3 entries, no problems; read as windows-1252 (the Legacy phonebook encoding setting).`,
    ]);
    expect(names((await run('phonebook', 'list', `/PHONEBOOK:${file}`)).out)[1]).toBe('Îôèñ');
    expect(
      names((await run('phonebook', 'list', `/PHONEBOOK:${file}`, '--encoding', '1251')).out)[1],
    ).toBe('Офис');
  });

  it('imports entries of a CP1251 file into a UTF-8 phonebook by their names', async () => {
    const { file } = await copyOf('cp1251.pbk');
    expect((await run('phonebook', 'import', file, 'Офис')).out).toEqual(['Imported "Офис".']);
    const own = await readFile(path.join(home, 'rasphone.pbk'), 'utf8');
    expect(own).toContain('[Офис]\r\n');
    expect(own).toContain('Note=Главный офис, 2-й этаж\r\n');
  });

  it('dials an entry of a CP1251 /PHONEBOOK: by its name', async () => {
    const { file } = await copyOf('cp1251.pbk');
    for (const encoding of [['--encoding', '1251'], []]) {
      const dial = await run(
        'Подключение',
        'a',
        'b',
        `/PHONEBOOK:${file}`,
        ...encoding,
        '--hold',
        '0',
      );
      expect(dial.code, dial.err.join('\n')).toBe(0);
      expect(dial.out).toContain('Connected to Подключение.');
    }
  });
});
