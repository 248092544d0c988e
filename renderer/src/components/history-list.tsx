// Past attempts: when, which entry, how it ended (connected for how long, or the error), and
// any one's whole timeline opened in place.

import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRecord } from '../../../app/ipc/contract';
import { describeError } from '../../../app/ras/errors';
import { duration, errorText } from '../format';
import { Timeline } from './timeline';

function outcomeText(t: ReturnType<typeof useTranslation>['t'], r: HistoryRecord): string {
  if (r.outcome === 'connected')
    return t('history.connectedFor', { duration: duration(r.connectedFor ?? 0) });
  if (r.outcome === 'cancelled') return t('history.cancelled');
  const code = r.error?.code ?? 0;
  const message =
    typeof code === 'number' ? errorText(t, describeError(code)).message : (r.error?.message ?? '');
  return t('ui.errorLine', { code, message });
}

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
  const [open, setOpen] = useState<string | null>(null);
  const when = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }),
    [i18n.language],
  );
  if (records.length === 0) return <p className="muted">{t('history.none')}</p>;
  return (
    <ul className={showEntry ? 'history with-entry' : 'history'} aria-label={t('history.title')}>
      {records.slice(0, limit).map((r) => (
        <li key={r.id} className={`history-row outcome-${r.outcome}`}>
          <button
            type="button"
            className="history-head"
            aria-expanded={open === r.id}
            onClick={() => setOpen(open === r.id ? null : r.id)}
          >
            <span className="when">{when.format(r.startedAt)}</span>
            {showEntry && <span className="entry">{r.entryName}</span>}
            <span className="outcome">{outcomeText(t, r)}</span>
          </button>
          {open === r.id && <Timeline timeline={r.timeline} live={false} />}
        </li>
      ))}
    </ul>
  );
});
