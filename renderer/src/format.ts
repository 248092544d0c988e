// Words and numbers for the screen: timeline rows, errors, sizes and speeds in the
// person's language.

import type { TFunction } from 'i18next';
import type { TimelineRow } from '../../app/timeline';
import type { WireError } from '../../app/ipc/contract';

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

export function bytes(n: number, language: string): string {
  const units = language === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(language, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

export function bitsPerSecond(bps: number, language: string): string {
  const ru = language === 'ru';
  if (bps >= 1_000_000)
    return `${(bps / 1_000_000).toLocaleString(language, { maximumFractionDigits: 1 })} ${ru ? 'Мбит/с' : 'Mbit/s'}`;
  if (bps >= 1000)
    return `${(bps / 1000).toLocaleString(language, { maximumFractionDigits: 1 })} ${ru ? 'кбит/с' : 'kbit/s'}`;
  return `${bps} ${ru ? 'бит/с' : 'bit/s'}`;
}

export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
