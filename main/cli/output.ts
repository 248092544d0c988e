// What the CLI prints: one line per timeline row as it happens (text or JSON), and the
// closing words rasdial users know.

import { describeError, type ErrorInfo } from '../../app/ras/errors';
import type { TimelineRow } from '../../app/timeline';

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
