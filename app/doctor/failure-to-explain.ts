// Which failure the doctor explains for an entry: the one asked about, or the newest in the
// entry's history. The history also tells how long a dropped link was up, which 629 needs.

import type { HistoryRecord } from '../ipc/contract';
import type { Failure } from './measurements';
import { windowsCode } from './verdict';

/** The failure of the entry's newest attempt: an error, or a drop (629 after a short session). */
export function lastFailure(records: readonly HistoryRecord[]): Failure | null {
  const last = [...records].sort((a, b) => b.endedAt - a.endedAt)[0];
  if (!last) return null;
  if (last.outcome === 'failed' && typeof last.error?.code === 'number')
    return { code: last.error.code, connectedSeconds: null };
  if (last.outcome === 'connected' && last.ended === 'dropped' && typeof last.endCode === 'number')
    return {
      code: last.endCode,
      connectedSeconds: last.connectedFor === null ? null : Math.round(last.connectedFor / 1000),
    };
  return null;
}

/**
 * The failure with `code`, taking how long it was up from the newest attempt when that one
 * ended with the same code; without a code, the newest attempt's failure (none: no error).
 */
export function failureToExplain(records: readonly HistoryRecord[], code?: number): Failure {
  const last = lastFailure(records);
  if (code === undefined) return last ?? { code: null, connectedSeconds: null };
  const wanted = windowsCode(code);
  return last && last.code !== null && windowsCode(last.code) === wanted
    ? last
    : { code: wanted, connectedSeconds: null };
}
