// Just enough of PowerShell's command syntax to read the lines administrators paste
// (`Add-VpnConnection -Name "Office" -ServerAddress vpn.example.com -SplitTunneling …`) and to
// write lines PowerShell reads back the same: commands, parameters (`-Name`, `-Name:value`),
// bare words, single- and double-quoted strings, comma lists, `$true`/`$false`, variables, a
// backtick at the end of a line continuing it, `;` and new lines between commands, comments.
// Anything else (sub-expressions, pipelines, script blocks) is refused with where it is, since
// guessing what a script computes would create an entry nobody asked for.

export type PsValue =
  | { kind: 'string'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'variable'; name: string }
  | { kind: 'list'; items: PsValue[] };

export type PsArgument =
  { kind: 'parameter'; name: string; value?: PsValue } | { kind: 'value'; value: PsValue };

export interface PsCommand {
  name: string;
  args: PsArgument[];
  /** `$name = Command …`: the variable the command's output is put in. */
  assignTo?: string;
  /** 1-based line the command starts on, for messages. */
  line: number;
}

/** What is wrong with a pasted script, as the key of its words (app-messages `provision.ps.*`). */
export type PsProblem =
  | 'provision.ps.unclosedString'
  | 'provision.ps.unclosedComment'
  | 'provision.ps.unclosedFunction'
  | 'provision.ps.expression'
  | 'provision.ps.variableInString'
  | 'provision.ps.pipeline'
  | 'provision.ps.notCommand'
  | 'provision.ps.unexpected';

export class PsSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: PsProblem,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'PsSyntaxError';
  }
}

/** A string as PowerShell reads it back unchanged: single quotes, a quote doubled. */
export function psQuote(text: string): string {
  // PowerShell also takes the typographic single quotes as quote marks: double them too.
  return `'${text.replace(/['‘’‚‛]/g, (q) => q + q)}'`;
}

const SINGLE_QUOTES = `'‘’‚‛`;
const DOUBLE_QUOTES = `"“”„`;

class Reader {
  pos = 0;
  line = 1;
  constructor(readonly text: string) {}
  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }
  next(): string {
    const c = this.text[this.pos++] ?? '';
    if (c === '\n') this.line++;
    return c;
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
  fail(problem: PsProblem): never {
    throw new PsSyntaxError(this.line, problem);
  }
}

/** Skips blanks, comments and line continuations; stops before a command separator. */
function skipBlanks(r: Reader): void {
  for (;;) {
    const c = r.peek();
    if (c === ' ' || c === '\t' || c === '\r') r.next();
    else if (c === '`' && (r.peek(1) === '\n' || (r.peek(1) === '\r' && r.peek(2) === '\n'))) {
      r.next();
      if (r.peek() === '\r') r.next();
      r.next();
    } else if (c === '<' && r.peek(1) === '#') {
      const end = r.text.indexOf('#>', r.pos + 2);
      if (end < 0) r.fail('provision.ps.unclosedComment');
      while (r.pos < end + 2) r.next();
    } else if (c === '#') {
      while (!r.done() && r.peek() !== '\n') r.next();
    } else return;
  }
}

function singleQuoted(r: Reader): string {
  r.next();
  let out = '';
  for (;;) {
    if (r.done()) r.fail('provision.ps.unclosedString');
    const c = r.next();
    if (SINGLE_QUOTES.includes(c)) {
      if (SINGLE_QUOTES.includes(r.peek()) && r.peek() !== '') out += r.next();
      else return out;
    } else out += c;
  }
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  e: '\x1b',
};

function doubleQuoted(r: Reader): string {
  r.next();
  let out = '';
  for (;;) {
    if (r.done()) r.fail('provision.ps.unclosedString');
    const c = r.next();
    if (c === '`') out += ESCAPES[r.peek()] !== undefined ? ESCAPES[r.next()] : r.next();
    else if (DOUBLE_QUOTES.includes(c)) {
      if (DOUBLE_QUOTES.includes(r.peek()) && r.peek() !== '') out += r.next();
      else return out;
    } else if (c === '$') {
      // A variable inside a string would be expanded by PowerShell to something unknown here.
      if (/[A-Za-z_{(]/.test(r.peek())) r.fail('provision.ps.variableInString');
      out += c;
    } else out += c;
  }
}

const BARE_END = /[\s,;|&(){}<>"'`]/;

function bareWord(r: Reader): string {
  let out = '';
  while (!r.done() && !BARE_END.test(r.peek())) out += r.next();
  return out;
}

function oneValue(r: Reader): PsValue {
  const c = r.peek();
  if (SINGLE_QUOTES.includes(c)) return { kind: 'string', text: singleQuoted(r) };
  if (DOUBLE_QUOTES.includes(c)) return { kind: 'string', text: doubleQuoted(r) };
  if (c === '$') {
    r.next();
    const name = bareWord(r);
    // `$A.EapConfigXmlStream`: a variable or one of its properties, known only when run.
    if (!/^[A-Za-z_][\w:]*(\.[A-Za-z_]\w*)*$/.test(name)) r.fail('provision.ps.expression');
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'bool', value: lower === 'true' };
    return { kind: 'variable', name };
  }
  if (c === '(' || c === '@' || c === '{' || c === '|' || c === '[')
    r.fail('provision.ps.expression');
  const word = bareWord(r);
  if (word === '') r.fail('provision.ps.unexpected');
  return { kind: 'string', text: word };
}

/** A value, or a comma list of values (`Pap, MSChapv2`). */
function value(r: Reader): PsValue {
  const first = oneValue(r);
  skipInline(r);
  if (r.peek() !== ',') return first;
  const items = [first];
  while (r.peek() === ',') {
    r.next();
    skipInline(r);
    items.push(oneValue(r));
    skipInline(r);
  }
  return { kind: 'list', items };
}

function skipInline(r: Reader): void {
  while (r.peek() === ' ' || r.peek() === '\t') r.next();
}

/**
 * Skips `function Name(…) { … }`: a script this app wrote defines a helper before using it.
 * The body is not read, only matched brace for brace (quotes and comments respected).
 */
function skipFunction(r: Reader): void {
  while (!r.done() && r.peek() !== '{') {
    if (r.peek() === '\n' || r.peek() === ';') r.fail('provision.ps.unclosedFunction');
    r.next();
  }
  let depth = 0;
  do {
    const c = r.peek();
    if (SINGLE_QUOTES.includes(c)) singleQuoted(r);
    else if (DOUBLE_QUOTES.includes(c)) skipDoubleQuoted(r);
    else if (c === '#' || (c === '<' && r.peek(1) === '#')) skipBlanks(r);
    else {
      if (c === '`') r.next();
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      r.next();
    }
    if (r.done() && depth > 0) r.fail('provision.ps.unclosedFunction');
  } while (depth > 0);
}

/** A double-quoted string inside a function body: its variables are the function's business. */
function skipDoubleQuoted(r: Reader): void {
  r.next();
  while (!r.done() && !DOUBLE_QUOTES.includes(r.peek())) if (r.next() === '`') r.next();
  if (r.done()) r.fail('provision.ps.unclosedString');
  r.next();
}

/** The commands of a pasted script, in order. */
export function parsePowerShell(text: string): PsCommand[] {
  const r = new Reader(text.replace(/^\uFEFF/, ''));
  const commands: PsCommand[] = [];
  let current: PsCommand | null = null;
  for (;;) {
    skipBlanks(r);
    if (r.done()) break;
    const c = r.peek();
    if (c === '\n' || c === ';') {
      r.next();
      current = null;
      continue;
    }
    if (current === null) {
      const line = r.line;
      let assignTo: string | undefined;
      if (c === '$') {
        // `$psk = Read-Host …`: a variable given the output of one command.
        r.next();
        assignTo = bareWord(r);
        skipInline(r);
        if (!/^[A-Za-z_]\w*$/.test(assignTo) || r.next() !== '=') r.fail('provision.ps.expression');
        skipInline(r);
      }
      if (r.peek() === '[' || r.peek() === '(' || r.peek() === '{' || r.peek() === '@')
        r.fail('provision.ps.expression');
      const name = bareWord(r);
      if (!/^[A-Za-z][\w-]*$/.test(name)) r.fail('provision.ps.notCommand');
      if (name.toLowerCase() === 'function' && assignTo === undefined) {
        skipFunction(r);
        continue;
      }
      current = { name, args: [], line, ...(assignTo !== undefined ? { assignTo } : {}) };
      commands.push(current);
      continue;
    }
    if (c === '|' || c === '&' || c === '>' || c === '<' || c === ')' || c === '}')
      r.fail('provision.ps.pipeline');
    if (c === '-' && /[A-Za-z]/.test(r.peek(1))) {
      r.next();
      let name = '';
      while (/[\w]/.test(r.peek())) name += r.next();
      if (r.peek() === ':') {
        r.next();
        current.args.push({ kind: 'parameter', name, value: value(r) });
      } else current.args.push({ kind: 'parameter', name });
      continue;
    }
    current.args.push({ kind: 'value', value: value(r) });
  }
  return commands;
}
