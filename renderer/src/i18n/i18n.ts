// i18next with English and Russian; the language follows the system unless the settings
// choose one.

import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../../app/ipc/contract';
import { en } from './en';
import { ru } from './ru';

export const LANGUAGES = ['en', 'ru'] as const;

export function systemLanguage(languages: readonly string[] = navigator.languages): 'en' | 'ru' {
  return languages.some((l) => l.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

export function languageFor(setting: Settings['language'] | undefined): 'en' | 'ru' {
  return setting && setting !== 'system' ? setting : systemLanguage();
}

export function createI18n(language: 'en' | 'ru'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
