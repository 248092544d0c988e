// Words and numbers for the screen: timeline rows, errors, sizes and speeds in the
// person's language.

import type { TFunction } from 'i18next';
import type { TimelineRow } from '../../app/timeline';
import type { WireError } from '../../app/ipc/contract';

export { bitsPerSecond, bytes, duration } from '../../app/units';

/** Seconds with the person's decimal separator: "0,25" in Russian, "0.25" in English. */
export function seconds(ms: number, language: string): string {
  const digits = ms < 10_000 ? 2 : 1;
  return (ms / 1000).toLocaleString(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });
}

export function rowText(t: TFunction, row: TimelineRow): string {
  if (row.kind === 'dial' && row.dial) {
    const d = row.dial;
    const parts = [t('timeline.dial', { destination: d.destination || '—' })];
    if (d.numberCount > 1)
      parts.push(t('timeline.number', { index: d.numberIndex, count: d.numberCount }));
    if (d.attempts > 1)
      parts.push(t('timeline.attempt', { attempt: d.attempt, attempts: d.attempts }));
    return parts.join(', ');
  }
  if (row.kind === 'attached') return t('timeline.attached');
  return t(`state.${row.name}`, { defaultValue: t('timeline.unknownState', { value: row.state }) });
}

/** The message and remedy of an error, translated when the code is a RAS one. */
export function errorText(
  t: TFunction,
  error: { code: number | string; message: string; remedy?: string },
): {
  message: string;
  remedy: string | null;
} {
  if (typeof error.code === 'number' && error.code >= 600 && error.code <= 878)
    return {
      message: t(`error.${error.code}.message`, { defaultValue: error.message }),
      remedy: t(`error.${error.code}.remedy`, { defaultValue: error.remedy ?? '' }) || null,
    };
  return { message: error.message, remedy: error.remedy ?? null };
}

export function wireErrorText(t: TFunction, error: WireError): string {
  const { message } = errorText(t, error);
  return typeof error.code === 'number'
    ? t('ui.errorLine', { code: error.code, message })
    : message;
}
