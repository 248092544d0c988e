import { describe, expect, it } from 'vitest';
import { ALL_STATES } from '../../../app/ras/connection-state';
import { ALL_RAS_ERRORS } from '../../../app/ras/errors';
import { en } from './en';
import { ru } from './ru';
import { ruMessages, ruRemedies } from '../../../app/ras/errors-ru';
import { languageFor, systemLanguage } from './i18n';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** i18next's plural suffixes: each language has its own set of forms for one counted text. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const texts = (obj: object) => [...new Set(keys(obj).map((k) => k.replace(PLURAL, '')))].sort();

describe('translations', () => {
  it('Russian has every key English has', () => {
    expect(texts(ru)).toEqual(texts(en));
  });

  it('gives every counted text each plural form its language has', () => {
    for (const [language, words] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      const all = keys(words);
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const counted = new Set(all.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      for (const text of counted)
        for (const form of forms) expect(all, language).toContain(`${text}_${form}`);
    }
  });

  it('Russian translates every state, every RAS error message and every remedy', () => {
    for (const s of ALL_STATES)
      expect(ru.state[s.name as keyof typeof ru.state], s.name).not.toBe(s.description);
    for (const e of ALL_RAS_ERRORS) {
      expect(ruMessages[e.code as number], String(e.code)).toBeTruthy();
      expect(ruRemedies[e.remedy], e.remedy).toBeTruthy();
    }
  });

  it('follows the system language unless the settings choose one', () => {
    expect(systemLanguage(['ru-RU', 'en'])).toBe('ru');
    expect(systemLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(languageFor('en')).toBe('en');
    expect(languageFor('ru')).toBe('ru');
  });
});
