// The timeline of one connection attempt: a row per notification, in order, with its group's
// colour and icon, the time since the dial started and how long the state lasted; the
// current row counts live; a row that ended the attempt says why and what to do.

import { useTranslation } from 'react-i18next';
import type { Timeline as TimelineData, TimelineRow } from '../../../app/timeline';
import { describeError } from '../../../app/ras/errors';
import { errorText, rowText, seconds } from '../format';
import { useNow } from '../use-now';

const ICONS: Record<TimelineRow['group'], string> = {
  running: '●',
  paused: '⏸',
  terminal: '■',
  info: '↗',
};

export function Timeline({ timeline, live }: { timeline: TimelineData; live: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow(live);
  if (timeline.rows.length === 0) return <p className="muted">{t('ui.noTimeline')}</p>;
  const last = timeline.rows.length - 1;
  return (
    <ol className="timeline" aria-label={t('ui.timeline')}>
      {timeline.rows.map((row, i) => {
        const current = i === last && live;
        const lasted =
          row.duration !== null
            ? t('timeline.lasted', { seconds: seconds(row.duration, i18n.language) })
            : current && timeline.startedAt !== null
              ? t('timeline.running', {
                  seconds: seconds(Math.max(0, now - timeline.startedAt - row.at), i18n.language),
                })
              : '';
        const failure = row.error !== 0 ? errorText(t, describeError(row.error)) : null;
        return (
          <li
            key={i}
            className={`row group-${row.group}${current ? ' current' : ''}`}
            data-state={row.name}
          >
            <span className="icon" aria-label={t(`group.${row.group}`)}>
              {ICONS[row.group]}
            </span>
            <span className="at">
              {t('timeline.since', { seconds: seconds(row.at, i18n.language) })}
            </span>
            <span className="what">
              <span className="description">{rowText(t, row)}</span>
              {failure && (
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
            <span className="lasted" aria-live={current ? 'polite' : undefined}>
              {lasted}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
