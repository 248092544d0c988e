// A program that writes the phonebook without our lock (rasphone, RasMan on Windows), right
// while we write it: our write is refused and theirs is kept, never silently replaced.

import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePbkOrThrow } from '../../../app/phonebook/pbk-codec';
import type * as AtomicWrite from '../../fs/atomic-write';
import { readPbkFile, writePbkFile } from './pbk-file';

const theirs = { write: null as null | (() => void) };
vi.mock('../../fs/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicWrite>();
  return {
    ...actual,
    writeFileAtomic: (file: string, bytes: Uint8Array, options: AtomicWrite.AtomicWriteOptions) =>
      actual.writeFileAtomic(file, bytes, {
        ...options,
        beforeRename: async () => {
          theirs.write?.(); // the other program, between our flush and our rename
          await options.beforeRename?.();
        },
      }),
  };
});

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-writer-'));
  file = path.join(dir, 'rasphone.pbk');
  writeFileSync(file, '[Ours]\r\nPhoneNumber=1\r\n');
});
afterEach(async () => {
  theirs.write = null;
  await rm(dir, { recursive: true, force: true });
});

describe('a phonebook written by another program during our write', () => {
  it('refuses ours with PHONEBOOK_CHANGED and keeps theirs', async () => {
    const loaded = await readPbkFile(file);
    const document = parsePbkOrThrow('[Ours]\r\nPhoneNumber=2\r\n');
    const written = '[Theirs]\r\nPhoneNumber=9\r\n';
    theirs.write = () => writeFileSync(file, written);
    await expect(writePbkFile(file, { ...loaded, document })).rejects.toMatchObject({
      code: 'PHONEBOOK_CHANGED',
    });
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('writes when nobody else did', async () => {
    const loaded = await readPbkFile(file);
    const document = parsePbkOrThrow('[Ours]\r\nPhoneNumber=2\r\n');
    await writePbkFile(file, { ...loaded, document });
    expect(readFileSync(file, 'utf8')).toBe('[Ours]\r\nPhoneNumber=2\r\n');
  });
});
