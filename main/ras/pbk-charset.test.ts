import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LEGACY_ENCODINGS } from '../../app/phonebook/pbk-encoding';
import { parsePbk } from '../../app/phonebook/pbk-codec';
import {
  decodeLegacy,
  defaultPbkCharset,
  describeEncoding,
  detectLegacy,
  encodeLegacy,
  encodeText,
  PbkCharset,
} from './pbk-charset';

// A run that is not on Windows must never load the win32 binding (and koffi's kernel32).
const binding = vi.hoisted(() => ({ loaded: false }));
vi.mock('./win32/code-page', () => {
  binding.loaded = true;
  return { ansiCodePage: () => 1251 };
});

const fixtures = path.join(import.meta.dirname, '../../tests/fixtures/pbk-legacy');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));
const names = (text: string) => {
  const parsed = parsePbk(text);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return parsed.document.sections.map((s) => s.name);
};
const never = () => Promise.reject(new Error('the system code page was asked for'));

describe('legacy code pages: decode and encode', () => {
  it('reads a CP1251 phonebook and writes the same bytes back', () => {
    const bytes = fixture('cp1251.pbk');
    const text = decodeLegacy(bytes, 'windows-1251');
    expect(names(text)).toEqual(['Подключение', 'Офис', 'Home']);
    expect(text).toContain('Note=Главный офис, 2-й этаж\r\n');
    expect(encodeLegacy(text, 'windows-1251')).toEqual(bytes);
  });

  it('reads a GBK phonebook and writes the same bytes back', () => {
    const bytes = fixture('gbk.pbk');
    const text = decodeLegacy(bytes, 'gbk');
    expect(names(text)).toEqual(['办公室连接', '公司拨号']);
    expect(encodeLegacy(text, 'gbk')).toEqual(bytes);
  });

  it('keeps a byte the code page does not define as U+F700 + byte, and writes it back', () => {
    const bytes = fixture('cp1251-undefined-byte.pbk');
    const text = decodeLegacy(bytes, 'windows-1251');
    // The rest of that line still reads as Cyrillic; only the byte is an escape.
    expect(text).toContain('Note=Главный офис, 2-й этаж \uF798\r\n');
    expect(names(text)).toEqual(['Подключение', 'Офис', 'Home']);
    expect(encodeLegacy(text, 'windows-1251')).toEqual(bytes);
  });

  it('keeps broken GBK pairs byte for byte and reads the rest of the line', () => {
    // 0x81 0x20 is no GBK pair; 0xFF is no lead byte; a lead byte ends the file.
    const gbk = Buffer.concat([
      Buffer.from([0x5b, 0xb9, 0xab, 0xcb, 0xbe, 0x5d, 0x0d, 0x0a]), // [公司]
      Buffer.from('Note=', 'latin1'),
      Buffer.from([0xd7, 0xdc, 0x81, 0x20, 0xff, 0xb2, 0xbf, 0x0d, 0x0a, 0x81]),
    ]);
    const text = decodeLegacy(gbk, 'gbk');
    expect(text).toBe('[公司]\r\nNote=总\uF781 \uF7FF部\r\n\uF781');
    expect(encodeLegacy(text, 'gbk')).toEqual(new Uint8Array(gbk));
  });

  it('writes back any bytes exactly, in every code page', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEGACY_ENCODINGS),
        fc.uint8Array({ maxLength: 64 }),
        (encoding, bytes) => {
          expect(encodeLegacy(decodeLegacy(bytes, encoding), encoding)).toEqual(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a character the code page cannot hold, naming it and the code page', () => {
    expect(() => encodeLegacy('[Офис 中]\r\n', 'windows-1251')).toThrow(
      /"中" \(U\+4E2D\) cannot be written to this phonebook: it is in windows-1251/,
    );
    expect(() => encodeLegacy('[Ωmega]\r\n', 'gbk')).not.toThrow();
    expect(() => encodeLegacy('[😀]\r\n', 'gbk')).toThrow(/"😀" \(U\+1F600\).*gbk/);
    // A "?" typed by the person is a "?", not a character that was lost.
    expect(encodeLegacy('[Who?]', 'windows-1251')).toEqual(new TextEncoder().encode('[Who?]'));
  });

  it('writes UTF-8 and Latin-1 as before', () => {
    expect(encodeText('\uFEFF[Офис]\r\n', 'utf-8')).toEqual(
      new TextEncoder().encode('\uFEFF[Офис]\r\n'),
    );
    expect(() => encodeText('Офис', 'latin1')).toThrow(RangeError);
  });
});

describe('which code page a file is in', () => {
  const cp1251 = fixture('cp1251.pbk');

  it('reads UTF-8, with or without a BOM, as before and asks nothing else', async () => {
    const charset = new PbkCharset({ named: 'windows-1251', systemCodePage: never });
    for (const text of ['[Офис]\r\n', '\uFEFF[Офис]\r\n']) {
      const decoded = await charset.decode(new TextEncoder().encode(text));
      expect(decoded).toEqual({ text, encoding: 'utf-8', source: 'utf-8' });
    }
  });

  it('takes the code page named for the run first, then the setting', async () => {
    const named = new PbkCharset({
      named: 'windows-1252',
      setting: () => 'windows-1251',
      systemCodePage: never,
    });
    expect(await named.decode(cp1251)).toMatchObject({
      encoding: 'windows-1252',
      source: 'named',
    });
    let setting: 'automatic' | 'windows-1251' = 'windows-1251';
    const set = new PbkCharset({ setting: () => setting, systemCodePage: never });
    expect(await set.decode(cp1251)).toMatchObject({ encoding: 'windows-1251', source: 'setting' });
    expect(set.key()).toBe('windows-1251');
    setting = 'automatic';
    expect(set.key()).toBe('automatic');
    // --encoding auto sets the setting aside.
    const auto = new PbkCharset({
      named: 'automatic',
      setting: () => 'windows-1252',
      systemCodePage: async () => 1251,
    });
    expect(await auto.decode(cp1251)).toMatchObject({ encoding: 'windows-1251', source: 'system' });
  });

  it("takes the system's code page when nothing is named", async () => {
    const charset = new PbkCharset({ systemCodePage: async () => 936 });
    const decoded = await charset.decode(fixture('gbk.pbk'));
    expect(decoded).toMatchObject({ encoding: 'gbk', source: 'system' });
    expect(names(decoded.text)).toEqual(['办公室连接', '公司拨号']);
  });

  it('detects the code page where the system has none (or is set to UTF-8)', async () => {
    for (const system of [null, 65001]) {
      const charset = new PbkCharset({ systemCodePage: async () => system });
      expect(await charset.decode(cp1251)).toMatchObject({
        encoding: 'windows-1251',
        source: 'detected',
      });
      expect(await charset.decode(fixture('gbk.pbk'))).toMatchObject({
        encoding: 'gbk',
        source: 'detected',
      });
    }
  });

  it('detects the code page of short names in many scripts', async () => {
    const samples: [string, number[]][] = [
      // [Café] Comment=¿Qué? in windows-1252
      ['windows-1252', [...Buffer.from('[Caf\xe9]\r\nComment=\xbfQu\xe9?\r\n', 'latin1')]],
      // [Połączenie biurowe] in windows-1250
      ['windows-1250', [...Buffer.from('[Po\xb3\xb9czenie biurowe]\r\n', 'latin1')]],
      // [Γραφείο] in windows-1253
      ['windows-1253', [...Buffer.from('[\xc3\xf1\xe1\xf6\xe5\xdf\xef]\r\n', 'latin1')]],
      // [会社のVPN] in Shift_JIS
      ['shift_jis', [0x5b, 0x89, 0xef, 0x8e, 0xd0, 0x82, 0xcc, 0x56, 0x50, 0x4e, 0x5d, 0x0d, 0x0a]],
    ];
    for (const [encoding, bytes] of samples)
      expect(await detectLegacy(Uint8Array.from(bytes)), encoding).toBe(encoding);
  });

  it('falls back to Latin-1, byte for byte, when no code page fits', async () => {
    const bytes = Uint8Array.from([0x5b, 0x41, 0x5d, 0x0d, 0x0a, 0x00, 0xff, 0x80]);
    const charset = new PbkCharset({ systemCodePage: async () => null });
    expect(await detectLegacy(Uint8Array.from([0x5b, 0x41, 0x5d]))).toBeNull();
    const decoded = await charset.decode(Uint8Array.from([0x5b, 0x41, 0x5d, 0x0d, 0x0a]));
    expect(decoded.encoding).toBe('utf-8');
    // Binary junk: no code page is plausible.
    const odd = await charset.decode(bytes);
    expect(odd).toMatchObject({ encoding: 'latin1', source: 'fallback' });
    expect(charset.encode(odd.text, odd.encoding)).toEqual(bytes);
  });

  it.skipIf(process.platform === 'win32')('never loads the Windows binding elsewhere', async () => {
    await defaultPbkCharset.decode(cp1251);
    expect(binding.loaded).toBe(false);
  });

  it('says how a file was read', () => {
    expect(describeEncoding('windows-1251', 'detected')).toBe('windows-1251 (detected)');
    expect(describeEncoding('gbk', 'named')).toBe('gbk (named with --encoding)');
    expect(describeEncoding('latin1', 'fallback')).toMatch(/^Latin-1 \(no code page fitted/);
  });
});
