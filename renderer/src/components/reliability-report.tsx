// The Reliability section of an entry's page: uptime over 7 and 30 days, connects, failures,
// drops per day, the median session, the most common error, the patterns in words and a
// 30-day chart, from the history the window already holds (and the link up now). Closed at
// first, so the page stays short: a heading with a disclosure button, as the ARIA pattern has
// it, so the heading is still found by heading navigation.

import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRecord } from '../../../app/ipc/contract';
import { localDayStart } from '../../../app/reliability/local-day';
import { reliabilityReport } from '../../../app/reliability/reliability-report';
import { useNow } from '../use-now';
import { ReliabilityChart } from './reliability-chart';
import { commonErrorText, decimal, patternText, percent, span } from './reliability-words';
import '../styles/reliability.css';

export function ReliabilitySection({
  records,
  connectedSince,
  now: fixedNow,
}: {
  /** This entry's finished attempts. */
  records: readonly HistoryRecord[];
  /** When the link up now connected; null when it is not up. */
  connectedSince: number | null;
  /** The report's "now", for tests; the clock otherwise. */
  now?: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [open, setOpen] = useState(false);
  const id = useId();
  // A link up now makes uptime grow: refresh the figures each minute while they are shown.
  const tick = useNow(open && connectedSince !== null && fixedNow === undefined, 60_000);
  const report = useMemo(
    () =>
      open
        ? reliabilityReport(records, {
            now: fixedNow ?? Math.max(tick, Date.now()),
            dayStart: localDayStart,
            connectedSince,
          })
        : null,
    [open, records, connectedSince, fixedNow, tick],
  );
  const empty = records.length === 0 && connectedSince === null;
  const figures: [string, string][] = report
    ? [
        [t('reliability.uptime7'), percent(report.last7.uptime, language)],
        [t('reliability.uptime30'), percent(report.last30.uptime, language)],
        [t('reliability.connects'), String(report.last30.connects)],
        [t('reliability.failures'), String(report.last30.failures)],
        [t('reliability.dropsPerDay'), decimal(report.last30.dropsPerDay, language)],
        [
          t('reliability.medianSession'),
          report.medianSessionMs === null ? '—' : span(t, report.medianSessionMs),
        ],
        [t('reliability.commonError'), commonErrorText(t, report) ?? t('reliability.noFailures')],
      ]
    : [];
  return (
    <section className="reliability" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          {t('reliability.title')}
        </button>
      </h2>
      <div id={`${id}-body`} hidden={!open}>
        {empty ? (
          <p className="muted">{t('reliability.empty')}</p>
        ) : (
          report && (
            <>
              <dl className="reliability-figures">
                {figures.map(([term, value], i) => (
                  // The error's words are long: the last figure takes a whole row.
                  <div key={term} className={i === figures.length - 1 ? 'wide' : undefined}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              {report.patterns.length > 0 && (
                <>
                  <h3>{t('reliability.patterns')}</h3>
                  <ul className="reliability-patterns">
                    {report.patterns.map((p) => (
                      <li key={p.kind}>{patternText(t, p)}</li>
                    ))}
                  </ul>
                </>
              )}
              <ReliabilityChart report={report} />
            </>
          )
        )}
      </div>
    </section>
  );
}
