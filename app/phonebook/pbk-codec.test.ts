import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendSection,
  documentEol,
  emptyDocument,
  findSectionIndex,
  keyLine,
  parsePbk,
  parsePbkOrThrow,
  PbkParseError,
  removeSection,
  sectionHeader,
  writePbk,
} from './pbk-codec';

const windows = readFileSync(
  new URL('../../tests/fixtures/windows-examples.pbk', import.meta.url),
  'utf8',
);

describe('pbk codec', () => {
  it('round-trips the Windows-written example entries byte for byte', () => {
    const doc = parsePbkOrThrow(windows);
    expect(doc.sections.map((s) => s.name)).toEqual([
      'Example Dial-up',
      'Office VPN',
      'Home Broadband',
    ]);
    expect(writePbk(doc)).toBe(windows);
    expect(documentEol(doc)).toBe('\r\n');
  });

  it('keeps repeated keys, case-distinct keys, comments, odd names, a BOM and mixed endings', () => {
    const text =
      '\uFEFF; made by hand\n\n[Office [2]]\r\nPhoneNumber=555#1;x\nPhoneNumber=555-0199\r\nDEVICE=vpn\nDevice=WAN\n' +
      '  # indented comment\n[ leading space=]\nUnknownKey=\tvalue with = sign\r\nNoFinalNewline=1';
    const doc = parsePbkOrThrow(text);
    expect(doc.bom).toBe(true);
    expect(doc.sections.map((s) => s.name)).toEqual(['Office [2]', ' leading space=']);
    const keys = doc.sections[0]!.lines.filter((l) => l.kind === 'key').map((l) => l.key);
    expect(keys).toEqual(['PhoneNumber', 'PhoneNumber', 'DEVICE', 'Device']);
    expect(doc.sections[0]!.lines[0]!.value).toBe('555#1;x');
    expect(doc.sections[1]!.lines[0]!.value).toBe('\tvalue with = sign');
    expect(writePbk(doc)).toBe(text);
  });

  it('reports every malformed line with its number and gives no document', () => {
    const result = parsePbk(
      'Key=before\n[ok]\nA=1\njunk line\n[unclosed\n[]\n=novalue\n[x] trailing\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([1, 4, 5, 6, 7, 8]);
    expect(result.problems[1]!.message).toContain('junk line');
    expect(() => parsePbkOrThrow('[a]\nbad\n')).toThrowError(PbkParseError);
    expect(() => parsePbkOrThrow('[a]\nbad\n')).toThrowError(/line 2/);
  });

  it('flags a UTF-16 file instead of reading garbage', () => {
    const result = parsePbk('[\0a\0]\0\n');
    expect(result.ok).toBe(false);
  });

  it('appends a section on a line of its own even when the file has no final newline', () => {
    const doc = parsePbkOrThrow('[a]\r\nX=1');
    const added = appendSection(doc, {
      name: 'b',
      header: sectionHeader('b', '\r\n'),
      lines: [keyLine('Y', '2', '\r\n')],
      lineNumber: 0,
    });
    expect(writePbk(added)).toBe('[a]\r\nX=1\r\n[b]\r\nY=2\r\n');
    expect(writePbk(appendSection(emptyDocument(), added.sections[1]!))).toBe('[b]\r\nY=2\r\n');
  });

  it('finds sections without regard to case and removes them whole', () => {
    const doc = parsePbkOrThrow('[One]\nA=1\n[Two]\nB=2\n');
    expect(findSectionIndex(doc, 'two')).toBe(1);
    expect(writePbk(removeSection(doc, 0))).toBe('[Two]\nB=2\n');
  });
});

// Generated phonebooks: any well-formed file survives parse → write unchanged.
const safeChar = fc.constantFrom(...'abcXYZ019 -_.,;#()@+!$%&\'"{}~é€ж'.split(''));
const text = (min: number, max: number) =>
  fc.string({ unit: safeChar, minLength: min, maxLength: max });
const eol = fc.constantFrom('\r\n', '\n');
const keyName = fc.string({
  unit: fc.constantFrom(...'abcDEFxyzMEDIAVC_0'.split('')),
  minLength: 1,
  maxLength: 12,
});
const line = fc.oneof(
  fc.tuple(keyName, text(0, 30)).map(([k, v]) => `${k}=${v}`),
  text(0, 20).map((c) => `;${c}`),
  fc.constant(''),
  fc.constantFrom('MEDIA=rastapi', 'DEVICE=vpn', 'NETCOMPONENTS=', 'PhoneNumber=555-0100'),
);
const sectionName = text(1, 20).filter(
  (n) => n.trim() !== '' && !n.includes(']') && !n.startsWith(' '),
);
const section = fc.tuple(sectionName, fc.array(line, { maxLength: 15 }));
const phonebook = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        text(0, 10).map((c) => `;${c}`),
        fc.constant(''),
      ),
      { maxLength: 3 },
    ),
    fc.array(section, { maxLength: 8 }),
    eol,
    fc.boolean(),
  )
  .map(([bom, preamble, sections, end, finalNewline]) => {
    const lines = [...preamble, ...sections.flatMap(([name, body]) => [`[${name}]`, ...body])];
    const joined = lines.join(end) + (finalNewline && lines.length > 0 ? end : '');
    return (bom ? '\uFEFF' : '') + joined;
  });

describe('pbk codec on generated phonebooks', () => {
  it('write(parse(text)) === text', () => {
    fc.assert(
      fc.property(phonebook, (t) => {
        const result = parsePbk(t);
        expect(result.ok).toBe(true);
        if (result.ok) expect(writePbk(result.document)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same text line by line as from the parsed sections whole', () => {
    // A section copied into a new object is no longer the parsed one: its lines are written
    // one by one, and must give the same bytes.
    fc.assert(
      fc.property(phonebook, (t) => {
        const result = parsePbk(t);
        if (!result.ok) throw new Error('unparsed');
        const rebuilt = result.document.sections.map((s) => ({ ...s, lines: s.lines.slice() }));
        expect(writePbk({ ...result.document, sections: rebuilt })).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('ends an unended last line when sections of two files are put together', () => {
    fc.assert(
      fc.property(phonebook, phonebook, (a, b) => {
        const first = parsePbk(a);
        const second = parsePbk(b);
        if (!first.ok || !second.ok) throw new Error('unparsed');
        const joined = writePbk({
          ...first.document,
          sections: [...second.document.sections, ...first.document.sections],
        });
        const back = parsePbk(joined);
        expect(back.ok).toBe(true);
        if (back.ok)
          expect(back.document.sections.map((s) => s.lines.map((l) => l.text))).toEqual(
            [...second.document.sections, ...first.document.sections].map((s) =>
              s.lines.map((l) => l.text),
            ),
          );
      }),
      { numRuns: 300 },
    );
  });

  it('mixed line endings survive too', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { maxLength: 30 }), (pairs) => {
        const t = '[e]\n' + pairs.map(([l, e]) => l + e).join('');
        const result = parsePbk(t);
        expect(result.ok && writePbk(result.document)).toBe(t);
      }),
    );
  });
});
