// The timeline of one connection attempt: a row per notification, in order, with its group's
// colour and icon, the time since the dial started and how long the state lasted; the
// current row counts live; a row that ended the attempt says why and what to do.
//
// For a screen reader: each icon is an SVG hidden from it, beside the group in words
// (running, paused, terminal, failed). While the dial goes on, a polite live region beside the
// list says each new state once; the counter of the current row, which changes four times a
// second, stays out of it.

import { memo, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Timeline as TimelineData, TimelineRow } from '../../../app/timeline';
import { describeError } from '../../../app/ras/errors';
import { errorText, rowText, seconds } from '../format';
import { useNow } from '../use-now';
import '../styles/redial.css';

type Kind = TimelineRow['group'] | 'failed';

const PATHS: Record<Kind, ReactElement> = {
  running: <circle cx="8" cy="8" r="4.5" />,
  paused: (
    <>
      <rect x="3.5" y="3" width="3" height="10" rx="0.5" />
      <rect x="9.5" y="3" width="3" height="10" rx="0.5" />
    </>
  ),
  terminal: <rect x="3.5" y="3.5" width="9" height="9" rx="1" />,
  failed: (
    <path
      d="M4 4l8 8M12 4l-8 8"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.4"
      strokeLinecap="round"
    />
  ),
  info: (
    <path
      d="M5 11l6-6M6 4.5h5.5V10"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
};

/** A row's icon: drawn, not a font glyph (a missing glyph showed as an empty box). */
export function TimelineIcon({ kind }: { kind: Kind }) {
  return (
    <svg
      className="timeline-icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
      data-kind={kind}
    >
      {PATHS[kind]}
    </svg>
  );
}

/** A kept connection's wait has no "of N", and may wait for the network instead of a time. */
function waitKey(wait: NonNullable<TimelineRow['wait']>): string {
  if (wait.attempts !== 0) return 'redial.wait';
  return wait.offline ? 'keep.waitNetwork' : 'keep.wait';
}

// A wait row ends one attempt while the sequence goes on: it says why, not what to do,
// and is not drawn as a failure (the terminal row comes only when the sequence ends).
const kindOf = (row: TimelineRow): Kind =>
  row.kind === 'wait' ? row.group : row.error !== 0 ? 'failed' : row.group;
const groupWord = (t: TFunction, kind: Kind) =>
  kind === 'failed' ? t('timeline.failed') : t(`group.${kind}`);
const failureOf = (t: TFunction, row: TimelineRow) =>
  row.error !== 0 ? errorText(t, describeError(row.error)) : null;
const textOf = (t: TFunction, row: TimelineRow) =>
  row.kind === 'wait' && row.wait
    ? t(waitKey(row.wait), {
        what: t(row.wait.cause === 'dropped' ? 'redial.dropped' : 'redial.failed'),
        seconds: row.wait.seconds,
        attempt: row.wait.attempt,
        attempts: row.wait.attempts,
      })
    : rowText(t, row);

export function Timeline({ timeline, live }: { timeline: TimelineData; live: boolean }) {
  const { t } = useTranslation();
  const now = useNow(live);
  const last = timeline.rows.length - 1;
  // What the live region says: the newest state and its group, and the error if it failed.
  const newest = timeline.rows[last];
  let announcement = '';
  if (live && newest) {
    const failure = failureOf(t, newest);
    announcement = t('timeline.announce', {
      state: textOf(t, newest),
      group: groupWord(t, kindOf(newest)),
    });
    if (failure)
      announcement += ` ${t('ui.errorLine', { code: newest.error, message: failure.message })}`;
  }
  return (
    <>
      {timeline.rows.length === 0 ? (
        <p className="muted">{t('ui.noTimeline')}</p>
      ) : (
        <ol className="timeline" aria-label={t('ui.timeline')}>
          {timeline.rows.map((row, i) => {
            const current = i === last && live;
            return (
              <Row
                key={i}
                row={row}
                content={JSON.stringify(row)}
                current={current}
                runningFor={
                  current && row.duration === null && timeline.startedAt !== null
                    ? Math.max(0, now - timeline.startedAt - row.at)
                    : null
                }
              />
            );
          })}
        </ol>
      )}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

interface RowProps {
  row: TimelineRow;
  /** The row as text: every snapshot brings new row objects, mostly with the same content. */
  content: string;
  current: boolean;
  /** How long the current row has lasted so far; null for any other row. */
  runningFor: number | null;
}

// Drawn again only when its content, its being current or its live counter changes: each
// snapshot and each tick of the counter drew every row anew, the most of a notification's way
// to the screen once the phonebook list stopped redrawing (profiled, issue 14).
const Row = memo(
  function Row({ row, current, runningFor }: RowProps) {
    const { t, i18n } = useTranslation();
    const lasted =
      row.duration !== null
        ? t('timeline.lasted', { seconds: seconds(row.duration, i18n.language) })
        : runningFor !== null
          ? t('timeline.running', { seconds: seconds(runningFor, i18n.language) })
          : '';
    const failure = failureOf(t, row);
    const kind = kindOf(row);
    return (
      <li
        className={`row group-${row.group}${kind === 'failed' ? ' failed' : ''}${row.kind === 'wait' ? ' wait' : ''}${current ? ' current' : ''}`}
        data-state={row.name}
      >
        <span className="icon">
          <TimelineIcon kind={kind} />
          <span className="visually-hidden">{groupWord(t, kind)}</span>
        </span>
        <span className="at">
          {t('timeline.since', { seconds: seconds(row.at, i18n.language) })}
        </span>
        <span className="what">
          <span className="description">{textOf(t, row)}</span>
          {failure && row.kind === 'wait' && (
            <span className="wait-cause">
              {t('ui.errorLine', { code: row.error, message: failure.message })}
            </span>
          )}
          {failure && row.kind !== 'wait' && (
            <span className="failure">
              <span className="message">
                {t('ui.errorLine', { code: row.error, message: failure.message })}
              </span>
              {failure.remedy && (
                <span className="remedy">{t('ui.whatToDo', { remedy: failure.remedy })}</span>
              )}
            </span>
          )}
        </span>
        <span className="lasted">{lasted}</span>
      </li>
    );
  },
  (before, after) =>
    before.content === after.content &&
    before.current === after.current &&
    before.runningFor === after.runningFor,
);
