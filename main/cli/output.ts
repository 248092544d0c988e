// What the CLI prints: one line per timeline row as it happens (text or JSON), and the
// closing words rasdial users know.

import {
  AppError,
  APP_ERRORS,
  RasError,
  describeError,
  toErrorInfo,
  type ErrorInfo,
} from '../../app/ras/errors';
import type { TimelineRow } from '../../app/timeline';
import { describeFileError } from '../fs/read-file-limited';

export function rowLine(row: TimelineRow): string {
  const seconds = `${(row.at / 1000).toFixed(2)}s`.padStart(8);
  const detail =
    row.error !== 0
      ? `${describeError(row.error).message} (error ${row.error} ${describeError(row.error).name})`
      : row.description;
  return `${seconds}  ${row.name.padEnd(22)} ${detail}`;
}

export function rowJson(row: TimelineRow, entry: string): string {
  const error = row.error !== 0 ? describeError(row.error) : null;
  return JSON.stringify({
    event: row.kind,
    time: row.at,
    entry,
    state: row.name,
    stateValue: row.kind === 'dial' ? null : row.state,
    group: row.group,
    error: row.error,
    errorName: error?.name ?? null,
    message: error?.message ?? row.description,
  });
}

export function errorLines(error: ErrorInfo): string[] {
  const number = typeof error.code === 'number' ? `Remote Access error ${error.code} - ` : '';
  return [`${number}${error.message}`, `What to do: ${error.remedy}`];
}

export function errorJson(error: ErrorInfo, entry: string | null): string {
  return JSON.stringify({
    event: 'error',
    entry,
    error: error.code,
    errorName: error.name,
    message: error.message,
    remedy: error.remedy,
  });
}

// What a terminal acts on instead of showing: C0 controls (ESC starts a sequence that can clear
// the screen, retitle the window or fake output), DEL, C1 controls (U+009B is a one-character
// CSI), the line and paragraph separators, and the bidirectional overrides that reorder text.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The text with every character a terminal would act on shown as a visible escape: `\n`, `\r`,
 * `\t`, `\x1b` for the other C0 controls, `\u009b` for the rest. A JSON line has no C0 control
 * left in it, and a `\u` escape inside a JSON string is the same character, so a JSON line stays
 * valid JSON with the same values.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return (
      NAMED[c] ??
      (code < 0x20
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });
}

/** A message on one line: a thrown value's own line breaks would break the output apart. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** What the person can do about a file system failure, by Node's errno code. */
const FILE_REMEDIES: Record<string, string> = {
  ENOENT: 'Check the file name and folder.',
  ENOTDIR: 'Check the file name and folder.',
  EISDIR: 'Name a .pbk file.',
  EACCES: 'Check the file’s permissions, or use another file.',
  EPERM: 'Check the file’s permissions, or use another file.',
  EROFS: 'Use a file on a writable disk.',
};

/** A raw errno failure in the words the file reader uses (main/fs/read-file-limited.ts). */
function fileError(error: unknown): ErrorInfo | null {
  const { code, path } = error as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !(code in FILE_REMEDIES)) return null;
  // A read of a folder fails without naming it (EISDIR … read): say "that path".
  const described = describeFileError(typeof path === 'string' ? path : 'That path', error)!;
  return {
    code: described.code,
    name: code,
    message: described.message,
    remedy: FILE_REMEDIES[code]!,
    source: 'app',
  };
}

/** The line number a thrown value carries (a malformed phonebook's first problem), if any. */
function lineOf(error: object): number | undefined {
  const { line, problems } = error as { line?: unknown; problems?: unknown };
  const first: unknown = Array.isArray(problems) ? problems[0] : undefined;
  const candidate =
    line ?? (first && typeof first === 'object' ? (first as { line?: unknown }).line : undefined);
  return typeof candidate === 'number' && Number.isInteger(candidate) && candidate > 0
    ? candidate
    : undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    try {
      const json = JSON.stringify(value);
      if (json !== undefined) return json;
    } catch {
      // A cycle or a throwing toJSON: fall back to its string form.
    }
  }
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Any thrown value as an error the CLI prints: RAS and app errors as they are, a file system
 * failure in words, anything else as its message on one line (never a stack trace), with the
 * line number the value carries when its message does not name it already.
 */
export function failureInfo(error: unknown): ErrorInfo {
  let info: ErrorInfo;
  if (error instanceof RasError || error instanceof AppError) info = toErrorInfo(error);
  else if (error instanceof Error) info = fileError(error) ?? toErrorInfo(error);
  else {
    const message =
      typeof error === 'string'
        ? error
        : error !== null &&
            typeof error === 'object' &&
            typeof (error as { message?: unknown }).message === 'string'
          ? (error as { message: string }).message
          : `Unexpected error: ${describeValue(error)}`;
    info = {
      code: 'INTERNAL',
      name: 'INTERNAL',
      message,
      remedy: APP_ERRORS.INTERNAL,
      source: 'app',
    };
  }
  let message = oneLine(info.message);
  if (message === '')
    message = error instanceof Error && error.name ? error.name : 'Unexpected error.';
  const line = error !== null && typeof error === 'object' ? lineOf(error) : undefined;
  if (line !== undefined && !new RegExp(`\\bline ${line}\\b`, 'i').test(message))
    message += ` (line ${line})`;
  return { ...info, message };
}
