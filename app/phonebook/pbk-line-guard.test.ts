// The writer refuses to make a line the parser would read back differently (issue 12, item 7).

import { describe, expect, it } from 'vitest';
import { keyLine, parsePbk, sectionHeader, writePbk, type PbkLine } from './pbk-codec';

/** The line as the parser reads it back, inside a section. */
function readBack(line: PbkLine): readonly PbkLine[] {
  const parsed = parsePbk(`[Entry]\r\n${line.text}\r\n`);
  if (!parsed.ok) return [];
  const [section] = parsed.document.sections;
  return line.kind === 'section' ? parsed.document.sections.map((s) => s.header) : section!.lines;
}

describe('keyLine and sectionHeader refuse what would not read back', () => {
  it.each([
    ['a key with =', 'A=B', 'x'],
    ['an empty key', '', 'x'],
    ['a key with CR', 'A\rB', 'x'],
    ['a key with LF', 'A\nB', 'x'],
    ['a key with NUL', 'A\0', 'x'],
    ['a key read as a section', '[A', 'x'],
    ['a key read as a comment', ';A', 'x'],
    ['a key read as a comment after spaces', '  #A', 'x'],
    ['a value with CR LF', 'DEVICE', 'Modem\r\n[Injected]\r\nPhoneNumber=1900-555-0199'],
    ['a value with LF', 'DEVICE', 'a\nb'],
    ['a value with CR', 'DEVICE', 'a\r'],
    ['a value with NUL', 'DEVICE', 'a\0b'],
  ])('keyLine refuses %s', (_, key, value) => {
    expect(() => keyLine(key, value, '\r\n')).toThrow(RangeError);
  });

  it.each([
    ['a CR', 'A\rB'],
    ['an LF', 'A\n[B]'],
    ['a NUL', 'A\0'],
    ['an empty name', ''],
    ['a blank name', '  '],
  ])('sectionHeader refuses a name with %s', (_, name) => {
    expect(() => sectionHeader(name, '\r\n')).toThrow(RangeError);
  });

  it('says what it refused, without the raw text', () => {
    expect(() => keyLine('DEVICE', 'a\r\n[X]', '\r\n')).toThrow(/DEVICE.*line break/);
    expect(() => sectionHeader('a\nb', '\r\n')).toThrow(/entry name.*line break/);
  });

  it('makes every other line as the parser reads it back', () => {
    for (const [key, value] of [
      ['PhoneNumber', '555 = 0199'],
      ['DEVICE', ''],
      ['Comment', '; not a comment'],
      ['  Spaced', '[x]'],
    ] as const) {
      const line = keyLine(key, value, '\r\n');
      expect(readBack(line)[0], key).toMatchObject({ kind: 'key', key, value });
    }
    for (const name of ['a]b', 'Office [2]', ' lead', 'trail ', '[x', ';x']) {
      const header = sectionHeader(name, '\r\n');
      const parsed = parsePbk(
        writePbk({
          bom: false,
          preamble: [],
          sections: [{ name, header, lines: [], lineNumber: 0 }],
        }),
      );
      expect(parsed.ok && parsed.document.sections.map((s) => s.name), name).toEqual([name]);
    }
  });
});
