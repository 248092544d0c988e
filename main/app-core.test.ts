// The core reads a phonebook that is not UTF-8 in the code page the settings name, and a change
// of the setting applies to the next read (the window reloads the list).

import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { simulatedCore, type TestCore } from '../tests/support/core';

let test: TestCore;
beforeEach(async () => {
  test = await simulatedCore();
});
afterEach(() => test.dispose());

it('reads and writes a legacy phonebook in the code page of the Legacy phonebook encoding setting', async () => {
  const file = path.join(test.dir, 'old.pbk');
  await copyFile(path.join(import.meta.dirname, '../tests/fixtures/pbk-legacy/cp1251.pbk'), file);
  const bytes = await readFile(file);
  const call = (channel: string, payload: unknown) =>
    test.core.router.handle(channel, payload, 'test');
  const names = async () => {
    const listed = await call('phonebook:list', { phonebook: file });
    if (!listed.ok) throw new Error(listed.error.message);
    return (listed.value as [string][]).map(([name]) => name);
  };

  expect(test.core.settings.get().legacyPhonebookEncoding).toBe('automatic');
  expect(await names()).toEqual(['Подключение', 'Офис', 'Home']);
  expect(await call('settings:set', { legacyPhonebookEncoding: 'windows-1252' })).toMatchObject({
    ok: true,
  });
  expect(await names()).toEqual(['Ïîäêëþ÷åíèå', 'Îôèñ', 'Home']);
  await call('settings:set', { legacyPhonebookEncoding: 'windows-1251' });
  expect(await names()).toEqual(['Подключение', 'Офис', 'Home']);

  // A rename the code page can hold is written in it; every other byte stays.
  expect(
    await call('phonebook:rename', { phonebook: file, name: 'Home', newName: 'Дом' }),
  ).toMatchObject({ ok: true });
  const written = await readFile(file);
  const home = bytes.indexOf('[Home]');
  expect(written.subarray(0, home)).toEqual(bytes.subarray(0, home));
  expect(written.subarray(home, home + 5)).toEqual(Buffer.from([0x5b, 0xc4, 0xee, 0xec, 0x5d]));
  expect(written.subarray(home + 5)).toEqual(bytes.subarray(home + 6));
  // One it cannot hold is refused, and the file stays as it was.
  expect(
    await call('phonebook:rename', { phonebook: file, name: 'Дом', newName: '中文' }),
  ).toMatchObject({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: expect.stringContaining('"中" (U+4E2D) cannot be written to this phonebook'),
    },
  });
  expect(await readFile(file)).toEqual(written);
  expect(await call('settings:set', { legacyPhonebookEncoding: 'cp1251' })).toMatchObject({
    ok: false,
  });
});
