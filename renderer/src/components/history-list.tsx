// Past attempts as a table: when it started, which entry, how it ended (hung up, dropped with
// its code, ended by sleep, failed, hung up before connecting; older records: connected or
// dropped), how long (connected for, or, for one that never connected, how long the attempt
// took), the bytes sent and received while connected, and the error. A button in each column header sorts
// by that column (aria-sort says which); the start of a row opens its whole timeline in place.
//
// A drop is an attempt that connected and then ended in an error (629: the remote side hung
// up, or the link failed): told apart from a normal hang-up and from a dial that failed.

import { Fragment, memo, useId, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRecord } from '../../../app/ipc/contract';
import { describeError } from '../../../app/ras/errors';
import { bytes } from '../../../app/units';
import { duration, errorText } from '../format';
import { Timeline } from './timeline';
import { FindOutWhyRecord } from './find-out-why';
import '../styles/history-bytes.css';

export type HistoryOutcome = 'connected' | 'dropped' | 'failed' | 'cancelled';
export type HistoryColumn = 'start' | 'entry' | 'outcome' | 'duration' | 'bytes' | 'error';
type Direction = 'ascending' | 'descending';
type T = ReturnType<typeof useTranslation>['t'];

/** How the attempt ended, a drop told apart from a connection hung up by the person. */
export function outcomeOf(r: HistoryRecord): HistoryOutcome {
  if (r.outcome !== 'connected') return r.outcome;
  // A record that says how it ended is taken at its word; an older one by its error.
  if (r.ended) return r.ended === 'dropped' ? 'dropped' : 'connected';
  return r.error ? 'dropped' : 'connected';
}

/** Bytes sent and received while connected, or null when unknown (never connected, older record). */
export function trafficOf(r: HistoryRecord): number | null {
  if (r.bytesSent == null || r.bytesReceived == null) return null;
  return r.bytesSent + r.bytesReceived;
}

/** Connected for, or how long an attempt that never connected took (ms). */
export function durationOf(r: HistoryRecord): number {
  return r.connectedFor ?? Math.max(0, r.endedAt - r.startedAt);
}

function outcomeText(t: T, r: HistoryRecord, outcome: HistoryOutcome): string {
  if (r.outcome === 'connected' && r.ended === 'person') return t('historyEnd.person');
  if (r.outcome === 'connected' && r.ended === 'sleep') return t('historyEnd.sleep');
  if (r.outcome === 'connected' && r.ended === 'dropped')
    return r.endCode != null ? t('historyEnd.dropped', { code: r.endCode }) : t('history.dropped');
  return outcome === 'cancelled' ? t('history.cancelled') : t(`history.${outcome}`);
}

function trafficText(t: T, r: HistoryRecord, language: string): string {
  if (trafficOf(r) === null) return '';
  return t('historyEnd.bytesCell', {
    sent: bytes(r.bytesSent!, language),
    received: bytes(r.bytesReceived!, language),
  });
}

const HEADER_KEY: Record<HistoryColumn, string> = {
  start: 'history.start',
  entry: 'history.entry',
  outcome: 'history.outcome',
  duration: 'history.duration',
  bytes: 'historyEnd.bytes',
  error: 'history.error',
};

function errorLine(t: T, r: HistoryRecord): string {
  if (!r.error) return '';
  const code = r.error.code;
  const message =
    typeof code === 'number' ? errorText(t, describeError(code)).message : r.error.message;
  return t('ui.errorLine', { code, message });
}

interface Row {
  record: HistoryRecord;
  outcome: HistoryOutcome;
  outcomeText: string;
  traffic: string;
  error: string;
}

function compare(column: HistoryColumn, language: string): (a: Row, b: Row) => number {
  const text = (a: string, b: string) => a.localeCompare(b, language, { sensitivity: 'base' });
  switch (column) {
    case 'start':
      return (a, b) => a.record.startedAt - b.record.startedAt;
    case 'entry':
      return (a, b) => text(a.record.entryName, b.record.entryName);
    case 'outcome':
      return (a, b) => text(a.outcomeText, b.outcomeText);
    case 'duration':
      return (a, b) => durationOf(a.record) - durationOf(b.record);
    case 'bytes':
      // Unknown bytes count below none at all.
      return (a, b) => (trafficOf(a.record) ?? -1) - (trafficOf(b.record) ?? -1);
    case 'error':
      // By code, then by text; rows without an error first.
      return (a, b) =>
        Number(a.record.error !== null) - Number(b.record.error !== null) ||
        text(String(a.record.error?.code ?? ''), String(b.record.error?.code ?? '')) ||
        text(a.error, b.error);
  }
}

const SORT_ICON: Record<Direction, ReactElement> = {
  ascending: <path d="M4 10l4-4 4 4" />,
  descending: <path d="M4 6l4 4 4-4" />,
};

/** Memoized: the entry page re-renders on every notification, the history only on a new record. */
export const HistoryList = memo(function HistoryList({
  records,
  showEntry,
  limit = records.length,
}: {
  records: readonly HistoryRecord[];
  showEntry: boolean;
  limit?: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  const [sort, setSort] = useState<{ column: HistoryColumn; direction: Direction }>({
    column: 'start',
    direction: 'descending',
  });
  const when = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }),
    [language],
  );
  // The newest `limit` attempts, in the chosen order; ties stay newest first.
  const rows = useMemo(() => {
    const shown: Row[] = records.slice(0, limit).map((record) => {
      const outcome = outcomeOf(record);
      return {
        record,
        outcome,
        outcomeText: outcomeText(t, record, outcome),
        traffic: trafficText(t, record, language),
        error: errorLine(t, record),
      };
    });
    const by = compare(sort.column, language);
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return shown.sort((a, b) => sign * by(a, b) || b.record.startedAt - a.record.startedAt);
  }, [records, limit, sort, t, language]);
  if (records.length === 0) return <p className="muted">{t('history.none')}</p>;
  const columns: HistoryColumn[] = showEntry
    ? ['start', 'entry', 'outcome', 'duration', 'bytes', 'error']
    : ['start', 'outcome', 'duration', 'bytes', 'error'];
  const sortBy = (column: HistoryColumn) =>
    setSort((s) =>
      s.column === column
        ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : {
            column,
            direction: ['start', 'duration', 'bytes'].includes(column) ? 'descending' : 'ascending',
          },
    );
  return (
    <table className="history" aria-label={t('history.title')}>
      <thead>
        <tr>
          {columns.map((column) => {
            const sorted = sort.column === column ? sort.direction : undefined;
            return (
              <th key={column} scope="col" aria-sort={sorted} className={`col-${column}`}>
                <button type="button" className="sort" onClick={() => sortBy(column)}>
                  {t(HEADER_KEY[column])}
                  <svg
                    className="sort-icon"
                    viewBox="0 0 16 16"
                    width="12"
                    height="12"
                    aria-hidden="true"
                    focusable="false"
                    data-sorted={sorted ?? 'none'}
                  >
                    {SORT_ICON[sorted ?? 'descending']}
                  </svg>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ record: r, outcome, outcomeText: said, traffic, error }) => {
          const expanded = open === r.id;
          const detail = `${id}-${r.id}`;
          return (
            <Fragment key={r.id}>
              <tr className={`history-row outcome-${outcome}`} data-outcome={outcome}>
                <th scope="row" className="col-start">
                  <button
                    type="button"
                    className="history-open"
                    aria-expanded={expanded}
                    aria-controls={expanded ? detail : undefined}
                    onClick={() => setOpen(expanded ? null : r.id)}
                  >
                    <svg
                      className="disclosure"
                      viewBox="0 0 16 16"
                      width="12"
                      height="12"
                      aria-hidden="true"
                      focusable="false"
                    >
                      <path d="M5 3l6 5-6 5z" />
                    </svg>
                    {when.format(r.startedAt)}
                  </button>
                </th>
                {showEntry && <td className="col-entry">{r.entryName}</td>}
                <td className="col-outcome outcome">{said}</td>
                <td className="col-duration">{duration(durationOf(r))}</td>
                <td className="col-bytes">{traffic}</td>
                <td className="col-error">{error}</td>
              </tr>
              {expanded && (
                <tr className="history-detail" id={detail}>
                  <td colSpan={columns.length}>
                    <Timeline timeline={r.timeline} live={false} />
                    {/* On the entry's page, whose dialog shows the doctor's answer. */}
                    {!showEntry && <FindOutWhyRecord record={r} />}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
});
