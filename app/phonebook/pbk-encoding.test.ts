import { describe, expect, it } from 'vitest';
import {
  decodePbk,
  encodePbk,
  LEGACY_ENCODINGS,
  legacyEncodingByCodePage,
  legacyEncodingByName,
} from './pbk-encoding';

describe('pbk encoding', () => {
  it('reads UTF-8 and writes it back the same', () => {
    const bytes = new TextEncoder().encode('\uFEFF[Офис]\r\nComment=€\r\n');
    const decoded = decodePbk(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('\uFEFF[Офис]')).toBe(true);
    expect(encodePbk(decoded.text, decoded.encoding)).toEqual(bytes);
  });

  it('reads any other bytes as Latin-1 and writes every byte back', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const decoded = decodePbk(bytes);
    expect(decoded.encoding).toBe('latin1');
    expect(encodePbk(decoded.text, 'latin1')).toEqual(bytes);
  });

  it('refuses a character a Latin-1 file cannot hold', () => {
    expect(() => encodePbk('Офис', 'latin1')).toThrow(RangeError);
  });
});

describe('legacy code page names', () => {
  it('takes a code page by number, cp/windows name or WHATWG name, in any case', () => {
    for (const name of ['1251', 'cp1251', 'CP1251', 'windows-1251', 'Windows1251', 'win1251'])
      expect(legacyEncodingByName(name), name).toBe('windows-1251');
    for (const name of ['936', 'cp936', 'GBK', 'gb2312'])
      expect(legacyEncodingByName(name)).toBe('gbk');
    expect(legacyEncodingByName('932')).toBe('shift_jis');
    expect(legacyEncodingByName('sjis')).toBe('shift_jis');
    expect(legacyEncodingByName('949')).toBe('euc-kr');
    expect(legacyEncodingByName('950')).toBe('big5');
    expect(legacyEncodingByName('874')).toBe('windows-874');
    expect(legacyEncodingByName('windows-1258')).toBe('windows-1258');
  });

  it('knows no other', () => {
    for (const name of ['bogus', '', 'utf-8', '65001', '1249', 'koi8-r', 'iso-8859-5', 'cp866'])
      expect(legacyEncodingByName(name), name).toBeNull();
  });

  it("maps Windows' code page numbers (GetACP) to names", () => {
    expect(legacyEncodingByCodePage(1251)).toBe('windows-1251');
    expect(legacyEncodingByCodePage(936)).toBe('gbk');
    expect(legacyEncodingByCodePage(65001)).toBeNull();
    expect(LEGACY_ENCODINGS).toHaveLength(14);
  });
});
