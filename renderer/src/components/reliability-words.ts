// The reliability report in the person's language: spans of time ("8 h 5 min"), shares
// ("93 %"), the most common error and the patterns as sentences.

import type { TFunction } from 'i18next';
import type {
  ReliabilityPattern,
  ReliabilityReport,
} from '../../../app/reliability/reliability-report';
import { describeError } from '../../../app/ras/errors';
import { errorText } from '../format';

/** "8 h 5 min", "2 min", "45 s": the two largest units, rounded to the second. */
export function span(t: TFunction, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(t('reliability.unit.h', { n: h }));
  if (m > 0) parts.push(t('reliability.unit.min', { n: m }));
  if (h === 0 && (s > 0 || m === 0)) parts.push(t('reliability.unit.s', { n: s }));
  return parts.join(' ');
}

export function percent(share: number, language: string): string {
  return share.toLocaleString(language, { style: 'percent', maximumFractionDigits: 1 });
}

export function decimal(value: number, language: string): string {
  return value.toLocaleString(language, { maximumFractionDigits: 2 });
}

export function patternText(t: TFunction, pattern: ReliabilityPattern): string {
  switch (pattern.kind) {
    case 'periodic-drop': {
      const every = span(t, pattern.everyMs);
      // Under a second either way is no spread worth saying.
      const around =
        pattern.spreadMs >= 1000
          ? t('reliability.pattern.around', { every, spread: span(t, pattern.spreadMs) })
          : every;
      return t('reliability.pattern.periodicDrop', { around, count: pattern.count });
    }
    case 'sleep-drop':
      return t('reliability.pattern.sleepDrop', { count: pattern.count });
    case 'first-try-fails':
      return t('reliability.pattern.firstTryFails', { days: pattern.days, count: pattern.ofDays });
  }
}

/** "Error 691, 4 times: Access was denied…", or null with no failures. */
export function commonErrorText(t: TFunction, report: ReliabilityReport): string | null {
  const common = report.commonError;
  if (!common) return null;
  const { message } = errorText(t, describeError(common.code));
  return t('reliability.commonErrorValue', {
    code: common.code,
    message,
    count: common.count,
  });
}
