// Bytes ↔ text for phonebook files. Windows writes UTF-8 (or plain ASCII); an older file is in
// the system's ANSI code page (CP1251, GBK, …). This module is pure: it names the encodings
// and does UTF-8 and the Latin-1 fallback; main/ras/pbk-charset.ts decodes the code
// pages (with iconv-lite) and chooses which one a file is in.

/** The Windows ANSI code pages a phonebook may be in, by their WHATWG name and number. */
export const LEGACY_CODE_PAGES = [
  { name: 'windows-1250', codePage: 1250 },
  { name: 'windows-1251', codePage: 1251 },
  { name: 'windows-1252', codePage: 1252 },
  { name: 'windows-1253', codePage: 1253 },
  { name: 'windows-1254', codePage: 1254 },
  { name: 'windows-1255', codePage: 1255 },
  { name: 'windows-1256', codePage: 1256 },
  { name: 'windows-1257', codePage: 1257 },
  { name: 'windows-1258', codePage: 1258 },
  { name: 'windows-874', codePage: 874 },
  { name: 'shift_jis', codePage: 932 },
  { name: 'gbk', codePage: 936 },
  { name: 'euc-kr', codePage: 949 },
  { name: 'big5', codePage: 950 },
] as const;

export type LegacyEncoding = (typeof LEGACY_CODE_PAGES)[number]['name'];
export const LEGACY_ENCODINGS = LEGACY_CODE_PAGES.map((c) => c.name) as [
  LegacyEncoding,
  ...LegacyEncoding[],
];

/** The "Legacy phonebook encoding" setting: a code page, or automatic (the system's, or detected). */
export type LegacyEncodingChoice = 'automatic' | LegacyEncoding;

/**
 * How a phonebook's bytes became text: UTF-8, a code page, or (no code page fitted) each byte
 * as the Latin-1 character of the same number.
 */
export type PbkEncoding = BasicEncoding | LegacyEncoding;
/** The encodings this module does by itself. */
export type BasicEncoding = 'utf-8' | 'latin1';

export interface DecodedPbk<E extends PbkEncoding = PbkEncoding> {
  text: string;
  encoding: E;
}

/**
 * Bytes a code page cannot read back exactly (CP1251's undefined 0x98, a broken GBK pair) are
 * kept in the text as U+F700 + byte, in the Private Use Area (U+F700–U+F7FF; in practice
 * U+F780–U+F7FF, since ASCII bytes always decode), and written back as the same byte. No
 * supported code page decodes to that range, so an escape is never mistaken for a character.
 */
export const BYTE_ESCAPE_BASE = 0xf700;

const ALIASES: Record<string, LegacyEncoding> = {
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  ms_kanji: 'shift_jis',
  gb2312: 'gbk',
  'ks_c_5601-1987': 'euc-kr',
  uhc: 'euc-kr',
  'big5-hkscs': 'big5',
  'tis-620': 'windows-874',
};

/**
 * A code page by any of its usual spellings, case-insensitive: `1251`, `cp1251`,
 * `windows-1251`, `win1251`, `936`, `cp936`, `gbk`… null for anything else.
 */
export function legacyEncodingByName(input: string): LegacyEncoding | null {
  const name = input.trim().toLowerCase();
  const number = /^(?:cp|ms|windows-?|win)?(\d{3,4})$/.exec(name);
  if (number) return legacyEncodingByCodePage(Number(number[1]));
  return LEGACY_CODE_PAGES.find((c) => c.name === name)?.name ?? ALIASES[name] ?? null;
}

/** The code page of a Windows code page number (GetACP's answer), or null. */
export function legacyEncodingByCodePage(codePage: number): LegacyEncoding | null {
  return LEGACY_CODE_PAGES.find((c) => c.codePage === codePage)?.name ?? null;
}

/** What to say when a code page is not known. */
export const ENCODING_EXAMPLES =
  '1251, cp1251, windows-1251, 1252, 936 or gbk, 932 or shift_jis, 949 or euc-kr, 950 or big5';

/** UTF-8 when the bytes are UTF-8, otherwise null: the one check every file goes through. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8, or each byte as the Latin-1 character of its number (every byte comes back). */
export function decodePbk(bytes: Uint8Array): DecodedPbk<BasicEncoding> {
  const text = decodeUtf8(bytes);
  return text !== null
    ? { text, encoding: 'utf-8' }
    : { text: latin1Text(bytes), encoding: 'latin1' };
}

/** Each byte as the Latin-1 character of its number. */
export function latin1Text(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

export function encodePbk(text: string, encoding: BasicEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A character Latin-1 cannot hold would be corrupted silently; refuse instead.
    if (c > 0xff) throw new RangeError(`"${text[i]}" cannot be written to a Latin-1 phonebook`);
    bytes[i] = c;
  }
  return bytes;
}
