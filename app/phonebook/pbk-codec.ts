// Lossless parse and write of rasphone.pbk text (shared/ras-reference.md §8.2–8.4).
// Every line keeps its own text and line ending, so write(parse(text)) === text; the
// structure (entries, MEDIA=/DEVICE= blocks, phone groups) is derived from line order.

import {
  englishText,
  messageRef,
  type MessageKey,
  type MessageParams,
  type MessageRef,
} from '../ras/app-messages';

export type Eol = '\r\n' | '\n' | '';
export type LineKind = 'blank' | 'comment' | 'section' | 'key';

export interface PbkLine {
  readonly text: string;
  readonly eol: Eol;
  readonly kind: LineKind;
  /** For key lines: the text before the first `=` (case matters: DEVICE= is not Device=). */
  readonly key: string;
  /** For key lines: everything after the first `=`; for section lines: the entry name. */
  readonly value: string;
}

export interface PbkSection {
  readonly name: string;
  readonly header: PbkLine;
  readonly lines: readonly PbkLine[];
  /** 1-based line number of the header in the text it was parsed from (0 for new sections). */
  readonly lineNumber: number;
}

export interface PbkDocument {
  readonly bom: boolean;
  /** Lines before the first section: blank lines and comments only. */
  readonly preamble: readonly PbkLine[];
  readonly sections: readonly PbkSection[];
}

export interface PbkProblem {
  line: number;
  /** English, for the CLI and logs. */
  message: string;
  /** The problem as data (app/ras/app-messages.ts `pbk.*`), for the window's language. */
  key?: MessageKey;
  params?: MessageParams;
}

/** A problem at line `line`, its English words from the message table. */
function problem(line: number, key: MessageKey, params: MessageParams = {}): PbkProblem {
  return { line, message: englishText({ key, params }), key, params };
}

export type PbkParseResult =
  { ok: true; document: PbkDocument } | { ok: false; problems: PbkProblem[] };

const BOM = '\uFEFF';

export class PbkParseError extends Error {
  readonly problems: PbkProblem[];
  /** The first problem as data, for the window's language. */
  readonly text?: MessageRef;
  constructor(problems: PbkProblem[]) {
    const first = problems[0];
    super(
      first
        ? `The phonebook is malformed: line ${first.line}: ${first.message}` +
            (problems.length > 1 ? ` (and ${problems.length - 1} more)` : '')
        : 'The phonebook is malformed',
    );
    this.name = 'PbkParseError';
    this.problems = problems;
    if (first?.key)
      this.text = messageRef(problems.length > 1 ? 'pbk.parseErrorMore' : 'pbk.parseError', {
        ...first.params,
        line: first.line,
        problem: first.key,
        more: problems.length - 1,
      });
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}

/** How much of a line a problem message quotes. */
const EXCERPT = 40;

/**
 * A short, printable quote of a line's text for a problem message: at most 40 characters,
 * control characters escaped, and '…' when it was cut (a message never carries a whole file).
 */
function excerpt(text: string): string {
  const cut = text.length > EXCERPT;
  const shown = (cut ? text.slice(0, EXCERPT) : text).replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return cut ? `${shown}…` : shown;
}

/**
 * Classifies one line of text (without its line ending); its problems go to `problems` under
 * line `n`. `mayHaveNul` is false when the whole text has none (the common case, looked up once).
 */
function classify(
  text: string,
  eol: Eol,
  n: number,
  problems: PbkProblem[],
  mayHaveNul: boolean,
): PbkLine {
  if (isBlank(text)) return { text, eol, kind: 'blank', key: '', value: '' };
  if (mayHaveNul && text.includes('\0')) problems.push(problem(n, 'pbk.nul'));
  const start = firstNonSpace(text);
  const first = text.charCodeAt(start);
  if (first === 0x3b /* ; */ || first === 0x23 /* # */)
    return { text, eol, kind: 'comment', key: '', value: '' };
  if (first === 0x5b /* [ */) {
    const close = text.lastIndexOf(']');
    if (close < 0) problems.push(problem(n, 'pbk.missingBracket'));
    else if (!isBlank(text.slice(close + 1)))
      problems.push(
        problem(n, 'pbk.textAfterName', { text: excerpt(text.slice(close + 1).trim()) }),
      );
    const name = close < 0 ? text.slice(start + 1) : text.slice(start + 1, close);
    if (name.trim() === '') problems.push(problem(n, 'pbk.emptyName'));
    return { text, eol, kind: 'section', key: '', value: name };
  }
  const eq = text.indexOf('=');
  if (eq < 0) {
    problems.push(problem(n, 'pbk.unexpectedLine', { text: excerpt(text.trim()) }));
    return { text, eol, kind: 'comment', key: '', value: '' };
  }
  if (eq === 0) problems.push(problem(n, 'pbk.noKey'));
  return new KeyLine(text, intern(text.slice(0, eq)), eol);
}

/**
 * A key=value line. The key ends at the first '=', so the value is the rest of the text: it is
 * cut out when asked for (most values of a large file never are), which keeps a document a
 * third smaller; parsing it spends less time in the garbage collector.
 */
class KeyLine implements PbkLine {
  readonly kind = 'key';
  constructor(
    readonly text: string,
    readonly key: string,
    readonly eol: Eol,
  ) {}
  get value(): string {
    return this.text.slice(this.key.length + 1);
  }
}

// A phonebook repeats a few dozen keys on every entry. One shared copy of each keeps a large
// file's document small: the garbage collector, not the parsing, was most of the time a parse
// took (profiled on 10,000 entries).
const INTERNED_MAX = 4096;
const interned = new Map<string, string>();
function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size >= INTERNED_MAX) return s;
  // A flat copy: the slice itself may point into the whole file's text and keep it alive.
  const copy = JSON.parse(JSON.stringify(s)) as string;
  interned.set(copy, copy);
  return copy;
}

// The exact text each section was parsed from, by the section object itself. A section is never
// changed in place (an edit makes a new one), so one found here is written back as one piece:
// a save of one entry among 10,000 serializes one entry, not 600,000 lines.
const parsedText = new WeakMap<PbkSection, string>();

export function parsePbk(input: string): PbkParseResult {
  const bom = input.startsWith(BOM);
  const text = bom ? input.slice(1) : input;
  const problems: PbkProblem[] = [];
  const preamble: PbkLine[] = [];
  const sections: PbkSection[] = [];
  let current: { name: string; header: PbkLine; lines: PbkLine[]; lineNumber: number } | null =
    null;
  const mayHaveNul = text.includes('\0');
  let lineNumber = 0;
  let pos = 0;
  let sectionStart = 0;
  while (pos < text.length) {
    lineNumber++;
    const lineStart = pos;
    const nl = text.indexOf('\n', pos);
    let end = nl < 0 ? text.length : nl;
    let eol: Eol = nl < 0 ? '' : '\n';
    if (nl >= 0 && end > pos && text.charCodeAt(end - 1) === 0x0d) {
      end--;
      eol = '\r\n';
    }
    const n = lineNumber;
    const line = classify(text.slice(pos, end), eol, n, problems, mayHaveNul);
    pos = nl < 0 ? text.length : nl + 1;
    if (line.kind === 'section') {
      if (current) parsedText.set(current, text.slice(sectionStart, lineStart));
      current = { name: line.value, header: line, lines: [], lineNumber: n };
      sectionStart = lineStart;
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      if (line.kind === 'key')
        problems.push(problem(n, 'pbk.keyBeforeEntry', { text: excerpt(line.key) }));
      preamble.push(line);
    }
  }
  if (current) parsedText.set(current, text.slice(sectionStart));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, document: { bom, preamble, sections } };
}

/** Parses or throws a PbkParseError carrying every problem with its line number. */
export function parsePbkOrThrow(input: string): PbkDocument {
  const result = parsePbk(input);
  if (!result.ok) throw new PbkParseError(result.problems);
  return result.document;
}

export function writePbk(doc: PbkDocument): string {
  let out = '';
  for (const part of pbkTextParts(doc)) out += part;
  return out;
}

/**
 * The document's text as the pieces writePbk joins, in order. A file writer encodes them one
 * by one: joining a large phonebook into one string first cost more than the rest of a save.
 */
export function pbkTextParts(doc: PbkDocument): string[] {
  const parts: string[] = doc.bom ? [BOM] : [];
  // Only the file's last line may lack an ending. A parsed document never has another such line;
  // one put together from several files (import, a copy placed before the last entry) may, and
  // its next line would run into it.
  let open = false;
  let eol: string | undefined;
  const write = (line: PbkLine): void => {
    if (open) parts.push((eol ??= documentEol(doc)));
    parts.push(line.text, line.eol);
    open = line.eol === '';
  };
  for (const line of doc.preamble) write(line);
  for (const section of doc.sections) {
    const parsed = parsedText.get(section);
    if (parsed !== undefined) {
      if (open) parts.push((eol ??= documentEol(doc)));
      parts.push(parsed);
      open = !parsed.endsWith('\n');
      continue;
    }
    write(section.header);
    for (const line of section.lines) write(line);
  }
  return parts;
}

/** The line ending most of the document uses; CRLF (what Windows writes) when there is none. */
export function documentEol(doc: PbkDocument): '\r\n' | '\n' {
  let crlf = 0;
  let lf = 0;
  const count = (line: PbkLine): void => {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
  };
  doc.preamble.forEach(count);
  for (const s of doc.sections) {
    const counted = sectionEols(s);
    crlf += counted.crlf;
    lf += counted.lf;
  }
  return lf > crlf ? '\n' : '\r\n';
}

// Each section's line endings counted once: a save asks for the document's after every change,
// and counting every line of a large phonebook again was a fifth of a save (issue 14).
// Sections are never changed in place (an edit makes a new one).
const eolCounts = new WeakMap<PbkSection, { crlf: number; lf: number }>();

function sectionEols(section: PbkSection): { crlf: number; lf: number } {
  let counted = eolCounts.get(section);
  if (!counted) {
    counted = { crlf: 0, lf: 0 };
    for (const line of [section.header, ...section.lines])
      if (line.eol === '\r\n') counted.crlf++;
      else if (line.eol === '\n') counted.lf++;
    eolCounts.set(section, counted);
  }
  return counted;
}

/** What `classify` would read back differently: a line break or NUL ends or spoils the line. */
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

/**
 * A key=value line. Throws a RangeError for one the parser would not read back as this key and
 * value (a key with '=', a line break or NUL, an empty one, one read as a comment or an [entry];
 * a value with a line break or NUL): the writer never makes a file it would not parse.
 */
export function keyLine(key: string, value: string, eol: Eol): PbkLine {
  const refuse = (what: string): never => {
    throw new RangeError(`A phonebook key ${JSON.stringify(key)} cannot be written: ${what}.`);
  };
  if (key === '') refuse('the key is empty');
  if (key.includes('=')) refuse("the key contains '='");
  if (LINE_BREAK_OR_NUL.test(key)) refuse('the key contains a line break or NUL');
  const lead = key[firstNonSpace(key)];
  if (lead === ';' || lead === '#' || lead === '[') refuse(`the key starts with '${lead}'`);
  if (LINE_BREAK_OR_NUL.test(value)) refuse('the value contains a line break or NUL');
  return new KeyLine(`${key}=${value}`, key, eol);
}

export function blankLine(eol: Eol): PbkLine {
  return { text: '', eol, kind: 'blank', key: '', value: '' };
}

/** An [entry name] line. Throws a RangeError for a name the parser would not read back. */
export function sectionHeader(name: string, eol: Eol): PbkLine {
  if (LINE_BREAK_OR_NUL.test(name))
    throw new RangeError(
      `The entry name ${JSON.stringify(name)} cannot be written: it contains a line break or NUL.`,
    );
  if (name.trim() === '') throw new RangeError('An empty entry name cannot be written.');
  return { text: `[${name}]`, eol, kind: 'section', key: '', value: name };
}

export function emptyDocument(): PbkDocument {
  return { bom: false, preamble: [], sections: [] };
}

/** Adds a section at the end (writePbk ends a last line without an ending before it). */
export function appendSection(doc: PbkDocument, section: PbkSection): PbkDocument {
  return { ...doc, sections: [...doc.sections, section] };
}

export function findSectionIndex(doc: PbkDocument, name: string): number {
  const folded = name.toLowerCase();
  return doc.sections.findIndex((s) => s.name.toLowerCase() === folded);
}

export function replaceSection(doc: PbkDocument, index: number, section: PbkSection): PbkDocument {
  const sections = doc.sections.slice();
  sections[index] = section;
  return { ...doc, sections };
}

export function removeSection(doc: PbkDocument, index: number): PbkDocument {
  return { ...doc, sections: doc.sections.filter((_, i) => i !== index) };
}
