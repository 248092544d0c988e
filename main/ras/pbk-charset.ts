// Which encoding a phonebook file is in, and its bytes ↔ text in that encoding. UTF-8 is
// recognized first, as before (the fast path: nothing here runs for a UTF-8 file). A file that
// is not UTF-8 is in a legacy Windows code page, taken in this order:
//   1. the one named for this run (`--encoding`);
//   2. the "Legacy phonebook encoding" setting, unless it is automatic;
//   3. on Windows, the system's ANSI code page (GetACP);
//   4. the code page that reads the file most plausibly (jschardet, among the Windows ANSI
//      code pages only);
//   5. each byte as the Latin-1 character of its number.
// Whichever it is, the file is written back in the same encoding, and every byte the app did
// not change comes back exactly: bytes the code page cannot read back are kept as escapes
// (see BYTE_ESCAPE_BASE). A character the code page cannot hold is refused, naming both.

import iconv from 'iconv-lite';
import {
  BYTE_ESCAPE_BASE,
  decodeUtf8,
  encodePbk as encodeBasic,
  latin1Text,
  legacyEncodingByCodePage,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
  type LegacyEncodingChoice,
  type PbkEncoding,
} from '../../app/phonebook/pbk-encoding';

/** iconv-lite's codec for each code page: Microsoft's tables where they differ (932, 949, 950). */
const CODECS: Record<LegacyEncoding, string> = {
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
  shift_jis: 'cp932',
  gbk: 'gbk',
  'euc-kr': 'cp949',
  big5: 'cp950',
};

/** Where the encoding of a file came from, for telling the person. */
export type EncodingSource = 'utf-8' | 'named' | 'setting' | 'system' | 'detected' | 'fallback';

export interface DecodedFile {
  text: string;
  encoding: PbkEncoding;
  source: EncodingSource;
}

export interface PbkCharsetOptions {
  /** The code page named for this run (`--encoding`): before the setting; automatic skips it. */
  named?: LegacyEncodingChoice;
  /** The setting, read at each decode (it may change while the app runs). */
  setting?: () => LegacyEncodingChoice | undefined;
  /**
   * The system's ANSI code page number, or null where there is none. Default: Windows' GetACP
   * on Windows (the win32 binding is loaded only there), null elsewhere.
   */
  systemCodePage?: () => Promise<number | null>;
}

const ESCAPE_END = BYTE_ESCAPE_BASE + 0xff;
const ESCAPES = /[\uF700-\uF7FF]/;
/** What a reading must not hold: an escape's look-alike, or iconv-lite's mark of an undefined byte. */
const NOT_EXACT = /[\uF700-\uF7FF\uFFFD]/;

function isEscape(code: number): boolean {
  return code >= BYTE_ESCAPE_BASE && code <= ESCAPE_END;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && asBuffer(a).equals(asBuffer(b));
}

/**
 * The text of bytes that read back exactly, or null. (iconv-lite reads an undefined byte as
 * U+FFFD and may even write U+FFFD back as that byte: such a reading is not taken.)
 */
function exactText(bytes: Uint8Array, codec: string): string | null {
  const text = iconv.decode(asBuffer(bytes), codec);
  if (NOT_EXACT.test(text) || !sameBytes(iconv.encode(text, codec), bytes)) return null;
  return text;
}

/** One character from exactly these bytes, or null. */
function oneCharacter(bytes: Uint8Array, codec: string): string | null {
  const text = exactText(bytes, codec);
  return text !== null && [...text].length === 1 ? text : null;
}

/** A line the code page cannot read back whole: character by character, escaping the rest. */
function decodeLineByCharacter(line: Uint8Array, codec: string): string {
  let text = '';
  for (let i = 0; i < line.length;) {
    const byte = line[i]!;
    if (byte < 0x80) {
      text += String.fromCharCode(byte);
      i++;
      continue;
    }
    const pair = i + 1 < line.length ? oneCharacter(line.subarray(i, i + 2), codec) : null;
    if (pair !== null) {
      text += pair;
      i += 2;
      continue;
    }
    const single = oneCharacter(line.subarray(i, i + 1), codec);
    text += single ?? String.fromCharCode(BYTE_ESCAPE_BASE + byte);
    i++;
  }
  return text;
}

/**
 * Bytes in a code page → text that `encodeLegacy` turns back into the same bytes: the whole
 * file when it reads back exactly; otherwise halves, split after an LF (never part of a
 * character in these code pages), down to the lines that do not, which are read character by
 * character with escapes for the bytes left over.
 */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const codec = CODECS[encoding];
  const parts: string[] = [];
  const decode = (start: number, end: number): void => {
    const piece = bytes.subarray(start, end);
    const exact = exactText(piece, codec);
    if (exact !== null) {
      parts.push(exact);
      return;
    }
    // The line start nearest the middle; none inside: this is one line.
    const middle = start + Math.floor((end - start) / 2);
    let split = bytes.indexOf(0x0a, middle) + 1;
    if (split <= start || split >= end) split = bytes.lastIndexOf(0x0a, middle - 1) + 1;
    if (split <= start || split >= end) {
      parts.push(decodeLineByCharacter(piece, codec));
      return;
    }
    decode(start, split);
    decode(split, end);
  };
  if (bytes.length > 0) decode(0, bytes.length);
  return parts.join('');
}

/** The first character of `text` the code page cannot hold, or null. */
function firstUnwritable(text: string, codec: string): string | null {
  for (const ch of text) if (iconv.decode(iconv.encode(ch, codec), codec) !== ch) return ch;
  return null;
}

function unwritable(ch: string, encoding: string): RangeError {
  const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return new RangeError(
    `"${ch}" (U+${code}) cannot be written to this phonebook: it is in ${encoding}, which has no such character`,
  );
}

/** Text → bytes in a code page; escapes become their bytes; a character it cannot hold is refused. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const codec = CODECS[encoding];
  const parts: Uint8Array[] = [];
  let run = 0;
  const flush = (end: number): void => {
    if (end <= run) return;
    const piece = text.slice(run, end);
    const bytes = iconv.encode(piece, codec);
    // iconv-lite writes "?" for what it cannot encode: reading back tells.
    if (iconv.decode(bytes, codec) !== piece)
      throw unwritable(firstUnwritable(piece, codec) ?? piece, encoding);
    parts.push(bytes);
  };
  if (ESCAPES.test(text))
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isEscape(code)) continue;
      flush(i);
      parts.push(Uint8Array.of(code - BYTE_ESCAPE_BASE));
      run = i + 1;
    }
  flush(text.length);
  const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  // A plain Uint8Array, as TextEncoder gives for UTF-8.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Text → bytes in any phonebook encoding. */
export function encodeText(text: string, encoding: PbkEncoding): Uint8Array {
  if (encoding === 'utf-8' || encoding === 'latin1') return encodeBasic(text, encoding);
  return encodeLegacy(text, encoding);
}

/** jschardet's names of the Windows ANSI code pages → ours. */
const DETECTED: Record<string, LegacyEncoding> = {
  ...Object.fromEntries(LEGACY_ENCODINGS.map((e) => [e, e])),
  cp874: 'windows-874',
  'tis-620': 'windows-874',
  cp1258: 'windows-1258',
  cp932: 'shift_jis',
  shift_jis_2004: 'shift_jis',
  gb18030: 'gbk',
  gb2312: 'gbk',
  cp936: 'gbk',
  cp949: 'euc-kr',
  big5hkscs: 'big5',
  cp950: 'big5',
};
const DETECTABLE = [
  ...LEGACY_ENCODINGS.filter((e) => e.startsWith('windows-1')),
  'cp874',
  'cp932',
  'gb18030',
  'cp949',
  'big5hkscs',
];
const SAMPLE_BYTES = 64 * 1024;

/**
 * What a detector should look at: the names and values of the lines with non-ASCII bytes, one
 * after another. The keys (ASCII, English) would only drown the little text a phonebook has.
 */
export function detectionSample(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let start = 0; start < bytes.length && out.length < SAMPLE_BYTES;) {
    const lf = bytes.indexOf(0x0a, start);
    const end = lf < 0 ? bytes.length : lf;
    const line = bytes.subarray(start, end);
    start = end + 1;
    if (!line.some((b) => b >= 0x80)) continue;
    let from = 0;
    let to = line.length;
    while (to > 0 && (line[to - 1] === 0x0d || line[to - 1] === 0x20)) to--;
    if (line[0] === 0x5b) {
      from = 1;
      if (line[to - 1] === 0x5d) to--;
    } else {
      const eq = line.indexOf(0x3d);
      if (eq >= 0 && eq < to) from = eq + 1;
    }
    if (out.length > 0) out.push(0x20);
    for (let i = from; i < to; i++) out.push(line[i]!);
  }
  return Uint8Array.from(out);
}

const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Thai}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
];

/**
 * How unlikely a reading is: each byte left as an escape, each word that mixes scripts
 * ("Cafι": Latin and Greek) and each capital right after a small letter ("żQué"), which a
 * name read in the right code page rarely has. ASCII reads the same in every code page, so
 * only the other bytes tell the readings apart.
 */
function implausibility(text: string): number {
  let score = 0;
  for (const ch of text) if (isEscape(ch.charCodeAt(0)) || ch === '\uFFFD') score += 2;
  for (const [word] of text.matchAll(/\p{L}[\p{L}\p{M}]*/gu)) {
    const scripts = new Set<number>();
    for (const ch of word) {
      const script = SCRIPTS.findIndex((re) => re.test(ch));
      if (script >= 0) scripts.add(script);
    }
    if (scripts.size > 1) score++;
    if (/\p{Ll}\p{Lu}/u.test(word)) score++;
  }
  return score;
}

/**
 * The Windows ANSI code page that reads these bytes most plausibly, or null: jschardet's
 * ranking, among the Windows ANSI code pages only, where a reading with fewer bytes left over
 * and fewer words of mixed scripts goes first (a phonebook has little text to go on).
 */
export async function detectLegacy(bytes: Uint8Array): Promise<LegacyEncoding | null> {
  const sample = detectionSample(bytes);
  if (sample.length === 0) return null;
  const { detectAll } = await import('jschardet');
  const ranked = new Set<LegacyEncoding>();
  for (const guess of detectAll(sample, { detectEncodings: DETECTABLE, minimumThreshold: 0 })) {
    const encoding = guess.encoding ? DETECTED[guess.encoding.toLowerCase()] : undefined;
    if (encoding && guess.confidence > 0) ranked.add(encoding);
  }
  let best: LegacyEncoding | null = null;
  let bestScore = Infinity;
  for (const encoding of [...ranked].slice(0, 6)) {
    const score = implausibility(decodeLegacy(sample, encoding));
    if (score < bestScore) [best, bestScore] = [encoding, score];
    if (score === 0) break;
  }
  return best;
}

let windowsCodePage: Promise<number | null> | null = null;

/** Windows' ANSI code page, asked once; the koffi binding is loaded on Windows only. */
function systemCodePage(): Promise<number | null> {
  if (process.platform !== 'win32') return Promise.resolve(null);
  windowsCodePage ??= import('./win32/code-page').then(
    (m) => m.ansiCodePage(),
    () => null,
  );
  return windowsCodePage;
}

/** Decodes and encodes phonebook files by the rules above; one per app or command run. */
export class PbkCharset {
  constructor(private readonly options: PbkCharsetOptions = {}) {}

  /** The explicit choice, if any: what the decoding of a non-UTF-8 file depends on. */
  private chosen(): { encoding: LegacyEncoding; source: EncodingSource } | null {
    const { named } = this.options;
    if (named === 'automatic') return null;
    if (named) return { encoding: named, source: 'named' };
    const setting = this.options.setting?.();
    if (setting && setting !== 'automatic') return { encoding: setting, source: 'setting' };
    return null;
  }

  /** Part of a cache key: the same bytes decode the same while this is the same. */
  key(): string {
    return this.chosen()?.encoding ?? 'automatic';
  }

  async decode(bytes: Uint8Array): Promise<DecodedFile> {
    const utf8 = decodeUtf8(bytes);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'utf-8' };
    const chosen = this.chosen() ?? (await this.system()) ?? (await this.detected(bytes));
    if (chosen) return { text: decodeLegacy(bytes, chosen.encoding), ...chosen };
    return { text: latin1Text(bytes), encoding: 'latin1', source: 'fallback' };
  }

  encode(text: string, encoding: PbkEncoding): Uint8Array {
    return encodeText(text, encoding);
  }

  private async system(): Promise<{ encoding: LegacyEncoding; source: EncodingSource } | null> {
    const number = await (this.options.systemCodePage ?? systemCodePage)();
    const encoding = number === null ? null : legacyEncodingByCodePage(number);
    return encoding ? { encoding, source: 'system' } : null;
  }

  private async detected(
    bytes: Uint8Array,
  ): Promise<{ encoding: LegacyEncoding; source: EncodingSource } | null> {
    const encoding = await detectLegacy(bytes);
    return encoding ? { encoding, source: 'detected' } : null;
  }
}

/** The rules with nothing named: the system's code page on Windows, detection elsewhere. */
export const defaultPbkCharset = new PbkCharset();

/** "windows-1251 (detected)": how a file was read, for telling the person. */
export function describeEncoding(encoding: PbkEncoding, source: EncodingSource): string {
  const how: Record<EncodingSource, string> = {
    'utf-8': '',
    named: ' (named with --encoding)',
    setting: ' (the Legacy phonebook encoding setting)',
    system: " (the system's code page)",
    detected: ' (detected)',
    fallback: ' (no code page fitted: each byte kept as it is)',
  };
  return `${encoding === 'latin1' ? 'Latin-1' : encoding}${how[source]}`;
}
