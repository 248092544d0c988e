// The writer encodes a document piece by piece (issue 14): the bytes on disk must be exactly
// the UTF-8 of the document's text, whatever it holds.

import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry, newSection } from '../../../app/phonebook/entry';
import { replaceSection, writePbk, type PbkDocument } from '../../../app/phonebook/pbk-codec';
import { readPbkFile, writePbkFile } from './pbk-file';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-bytes-'));
  file = path.join(dir, 'rasphone.pbk');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function written(document: (read: PbkDocument) => PbkDocument): Promise<{
  bytes: Buffer;
  text: string;
}> {
  const loaded = await readPbkFile(file);
  const changed = document(loaded.document);
  await writePbkFile(file, { ...loaded, document: changed });
  return { bytes: readFileSync(file), text: writePbk(changed) };
}

describe('the bytes a phonebook is written as', () => {
  it('are the UTF-8 of its text: a BOM, Cyrillic, CJK, an emoji, mixed line endings', async () => {
    writeFileSync(
      file,
      '\uFEFF; комментарий\n[Офис 🔐]\r\nPhoneNumber=vpn.пример.рф\r\n[東京]\nPhoneNumber=1',
    );
    const { bytes, text } = await written((doc) =>
      replaceSection(doc, 0, newSection(makeEntry('Офис 🔐', 'vpn', ['новый.рф']), '\r\n')),
    );
    expect(bytes.equals(Buffer.from(new TextEncoder().encode(text)))).toBe(true);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toContain('новый.рф');
    expect(bytes.toString('utf8').endsWith('[東京]\nPhoneNumber=1')).toBe(true);
  });

  it('are those of a document read and written unchanged, byte for byte', async () => {
    const original = '[Ünïcode ✓]\r\nPhoneNumber=ä\r\n\r\n[Two]\r\nPhoneNumber=2\r\n';
    writeFileSync(file, original);
    const { bytes } = await written((doc) => ({ ...doc }));
    expect(bytes.toString('utf8')).toBe(original);
  });
});
