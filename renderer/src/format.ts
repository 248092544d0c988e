// Words and numbers for the screen: timeline rows, errors, sizes and speeds in the
// person's language.

import type { TFunction } from 'i18next';
import type { TimelineRow } from '../../app/timeline';
import type { WireError } from '../../app/ipc/contract';
import { isMessageKey, NESTED_PARAMS, type MessageParams } from '../../app/ras/app-messages';
import { APP_ERRORS, type AppErrorCode } from '../../app/ras/errors';

export { bitsPerSecond, bytes, duration } from '../../app/units';

// One formatter per language and precision: Number#toLocaleString with options builds a new
// Intl.NumberFormat on every call, and the timeline formats two numbers a row on every
// snapshot and tick (profiled: the largest single cost of drawing a row, issue 14).
const secondsFormats = new Map<string, Intl.NumberFormat>();

/** Seconds with the person's decimal separator: "0,25" in Russian, "0.25" in English. */
export function seconds(ms: number, language: string): string {
  const digits = ms < 10_000 ? 2 : 1;
  const key = `${language}\u0000${digits}`;
  let format = secondsFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    secondsFormats.set(key, format);
  }
  return format.format(ms / 1000);
}

export function rowText(t: TFunction, row: TimelineRow): string {
  if (row.kind === 'dial' && row.dial) {
    const d = row.dial;
    const parts = [t('timeline.dial', { destination: d.destination || '—' })];
    if (d.numberCount > 1)
      parts.push(t('timeline.number', { index: d.numberIndex, count: d.numberCount }));
    if (d.attempts > 1)
      parts.push(t('timeline.attempt', { attempt: d.attempt, attempts: d.attempts }));
    // A kept connection's loop has no cap (attempts 0): its number alone.
    else if (d.attempts === 0 && d.attempt > 1)
      parts.push(t('keep.attempt', { attempt: d.attempt }));
    return parts.join(', ');
  }
  if (row.kind === 'attached') return t('timeline.attached');
  return t(`state.${row.name}`, { defaultValue: t('timeline.unknownState', { value: row.state }) });
}

/** An error as the renderer gets it: a code, English words, and the message as data. */
export interface ShownError {
  code: number | string;
  message: string;
  remedy?: string;
  key?: string;
  params?: MessageParams;
}

/** A keyed app message in the person's language; null for a key this version does not know. */
function keyedText(
  t: TFunction,
  key: string | undefined,
  params: MessageParams = {},
): string | null {
  if (!isMessageKey(key)) return null;
  const filled: Record<string, string | number> = { ...params };
  for (const name of NESTED_PARAMS[key] ?? []) {
    const inner = params[name];
    if (isMessageKey(inner)) filled[name] = keyedText(t, inner, params) ?? inner;
  }
  return t(`appError.message.${key}`, { ...filled, defaultValue: '' }) || null;
}

/**
 * The message and remedy of an error in the person's language: a RAS or Win32 code by its
 * number (with its keyed detail), an app error by its message key. Only a key this version
 * does not know falls back to the English words.
 */
export function errorText(
  t: TFunction,
  error: ShownError,
): {
  message: string;
  remedy: string | null;
} {
  const keyed = keyedText(t, error.key, error.params);
  if (typeof error.code === 'number') {
    const own = t(`error.${error.code}.message`, { defaultValue: '' });
    // A detail that is only an entry's name in brackets needs no words.
    const detail = keyed ?? /\(".*"\)$/.exec(error.message)?.[0] ?? null;
    return {
      message: own ? (detail ? `${own} ${detail}` : own) : error.message,
      remedy: t(`error.${error.code}.remedy`, { defaultValue: error.remedy ?? '' }) || null,
    };
  }
  const appRemedy =
    error.code in APP_ERRORS &&
    (error.remedy === undefined || error.remedy === APP_ERRORS[error.code as AppErrorCode])
      ? t(`appError.remedy.${error.code}`, { defaultValue: '' })
      : '';
  return { message: keyed ?? error.message, remedy: appRemedy || error.remedy || null };
}

export function wireErrorText(t: TFunction, error: WireError): string {
  const { message } = errorText(t, error);
  return typeof error.code === 'number'
    ? t('ui.errorLine', { code: error.code, message })
    : message;
}
