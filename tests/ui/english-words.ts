// The English a Russian window must not show, for the UI tests that check a screen of theirs
// (russian.test.ts checks every screen, with the error tables as well).

import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

/** Every string in a nested table of words. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The English words of the window (template text between `{{…}}`) that Russian does not use. */
export const WINDOW_ENGLISH: readonly string[] = (() => {
  const russian = strings(ru).join('\n');
  return [
    ...new Set(
      strings(en)
        .flatMap((s) => s.split(/\{\{\w+\}\}/))
        .map((p) => p.trim()),
    ),
  ].filter((p) => /[A-Za-z]{4}/.test(p) && !russian.includes(p));
})();
