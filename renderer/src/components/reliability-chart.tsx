// The last 30 days as a plain SVG: one bar per day for its uptime over a faint full-height
// track, a dot above it for each day with failures and a triangle for each day with drops.
// A screen reader hears one summary (role="img") and gets the same numbers in a table that is
// read, not shown. Axis labels are HTML, so they keep the window's font size at any width.

import { useTranslation } from 'react-i18next';
import type { ReliabilityReport } from '../../../app/reliability/reliability-report';
import { percent } from './reliability-words';

const SLOT = 10;
const BAR = 7;
/** Bars run from TOP (100 %) down to BASE (0 %); the strip above them holds the marks. */
const TOP = 18;
const BASE = 78;
const FAILURE_Y = 5;
const DROP_Y = 12;

function dayLabel(start: number, language: string): string {
  return new Date(start).toLocaleDateString(language, { day: 'numeric', month: 'short' });
}

export function ReliabilityChart({ report }: { report: ReliabilityReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { days, last30 } = report;
  const width = days.length * SLOT;
  const summary = t('reliability.chart.summary', {
    uptime: percent(last30.uptime, language),
    failures: t('reliability.count.failures', { count: last30.failures }),
    drops: t('reliability.count.drops', { count: last30.drops }),
  });
  return (
    <figure className="reliability-chart">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${BASE + 2}`}>
        {days.map((day, i) => {
          const x = i * SLOT + (SLOT - BAR) / 2;
          const height = day.uptime * (BASE - TOP);
          const middle = x + BAR / 2;
          return (
            <g
              key={day.start}
              className="reliability-day"
              data-uptime={day.uptime}
              data-failures={day.failures}
              data-drops={day.drops}
            >
              <title>
                {t('reliability.chart.day', {
                  day: dayLabel(day.start, language),
                  uptime: percent(day.uptime, language),
                  failures: t('reliability.count.failures', { count: day.failures }),
                  drops: t('reliability.count.drops', { count: day.drops }),
                })}
              </title>
              <rect
                className="track"
                data-decorative
                x={x}
                y={TOP}
                width={BAR}
                height={BASE - TOP}
              />
              <rect className="uptime" x={x} y={BASE - height} width={BAR} height={height} />
              {day.failures > 0 && (
                <circle className="failure-mark" cx={middle} cy={FAILURE_Y} r={3} />
              )}
              {day.drops > 0 && (
                <path className="drop-mark" d={`M${middle - 3.2} ${DROP_Y - 2.8}h6.4l-3.2 5.6z`} />
              )}
            </g>
          );
        })}
        <line className="baseline" x1={0} x2={width} y1={BASE + 1} y2={BASE + 1} />
      </svg>
      <figcaption className="reliability-axis" aria-hidden="true">
        <span>{days.length > 0 && dayLabel(days[0]!.start, language)}</span>
        <span>{t('reliability.chart.today')}</span>
      </figcaption>
      <ul className="reliability-legend" aria-hidden="true">
        <li>
          <svg viewBox="0 0 10 10">
            <rect className="uptime" x={1.5} y={0} width={BAR} height={10} />
          </svg>
          {t('reliability.chart.uptime')}
        </li>
        <li>
          <svg viewBox="0 0 10 10">
            <circle className="failure-mark" cx={5} cy={5} r={3} />
          </svg>
          {t('reliability.chart.failures')}
        </li>
        <li>
          <svg viewBox="0 0 10 10">
            <path className="drop-mark" d="M1.8 2.2h6.4l-3.2 5.6z" />
          </svg>
          {t('reliability.chart.drops')}
        </li>
      </ul>
      {/* A table does not shrink to the 1 px of .visually-hidden: its box does. */}
      <div className="visually-hidden">
        <table>
          <caption>{t('reliability.chart.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reliability.chart.dayColumn')}</th>
              <th scope="col">{t('reliability.chart.uptime')}</th>
              <th scope="col">{t('reliability.connects')}</th>
              <th scope="col">{t('reliability.chart.failures')}</th>
              <th scope="col">{t('reliability.chart.drops')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.start}>
                <th scope="row">{dayLabel(day.start, language)}</th>
                <td>{percent(day.uptime, language)}</td>
                <td>{day.connects}</td>
                <td>{day.failures}</td>
                <td>{day.drops}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
