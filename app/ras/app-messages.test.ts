import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN_MESSAGES, NESTED_PARAMS, englishText, fillTemplate, messageRef } from './app-messages';
import { RU_APP_REMEDIES, RU_MESSAGES } from './app-messages-ru';
import { ALL_WIN32_ERRORS, APP_ERRORS, AppError, RasError, toErrorInfo } from './errors';
import { errorInLanguage, ruErrors } from './errors-ru';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the app message table', () => {
  it('has Russian for every key, with the same parameters, and the Russian is not the English', () => {
    expect(Object.keys(RU_MESSAGES).sort()).toEqual(Object.keys(EN_MESSAGES).sort());
    for (const [key, english] of Object.entries(EN_MESSAGES)) {
      const russian = RU_MESSAGES[key as keyof typeof RU_MESSAGES];
      expect(russian, key).toBeTruthy();
      expect(russian, key).not.toBe(english);
      expect(placeholders(russian), key).toEqual(placeholders(english));
      expect(russian, key).toMatch(/[а-яё]/i);
    }
  });

  it('has Russian for every app error remedy and Win32 message', () => {
    for (const code of Object.keys(APP_ERRORS) as (keyof typeof APP_ERRORS)[]) {
      expect(RU_APP_REMEDIES[code], code).toMatch(/[а-яё]/i);
      expect(RU_APP_REMEDIES[code], code).not.toBe(APP_ERRORS[code]);
    }
    for (const e of ALL_WIN32_ERRORS) {
      const ru = ruErrors[String(e.code)]!;
      expect(ru.message, String(e.code)).not.toBe(e.message);
      if (e.remedy) expect(ru.remedy, String(e.code)).not.toBe(e.remedy);
    }
  });

  it('names only messages of the table in a nested parameter', () => {
    for (const [key, names] of Object.entries(NESTED_PARAMS)) {
      expect(Object.hasOwn(EN_MESSAGES, key), key).toBe(true);
      const english = (EN_MESSAGES as Record<string, string>)[key]!;
      for (const name of names) expect(placeholders(english), key).toContain(name);
    }
  });

  it('fills parameters once: a file name with {{…}} in it stays as it is', () => {
    expect(fillTemplate(EN_MESSAGES, 'file.missing', { file: '/tmp/{{file}}.pbk' })).toBe(
      'The file /tmp/{{file}}.pbk does not exist.',
    );
  });

  it('says a refused change of a connected entry in either language, the verb too', () => {
    const error = new AppError(
      'ALREADY_ACTIVE',
      messageRef('phonebook.connectedBefore', { entry: 'Office', action: 'verb.rename' }),
    );
    expect(error.message).toBe('"Office" is connected; hang it up before you rename it.');
    const info = toErrorInfo(error);
    expect(info).toMatchObject({ key: 'phonebook.connectedBefore' });
    expect(errorInLanguage(info, 'ru')).toEqual({
      message: '«Office» подключено: разъедините его, чтобы переименовать запись.',
      remedy: RU_APP_REMEDIES.ALREADY_ACTIVE,
    });
    expect(errorInLanguage(info, 'en').message).toBe(error.message);
  });

  it('keeps a RAS error’s keyed detail after the code’s own Russian text', () => {
    const error = new RasError(
      625,
      messageRef('pbk.parseError', { line: 3, problem: 'pbk.noKey' }),
    );
    expect(error.message).toBe(
      'The phonebook file contains invalid data. The phonebook is malformed: line 3: a line has a value but no key',
    );
    expect(errorInLanguage(toErrorInfo(error), 'ru').message).toBe(
      'Файл телефонной книги содержит недопустимые данные. Телефонная книга повреждена: строка 3: у строки есть значение, но нет ключа',
    );
  });

  it('keeps the English words for logs and the CLI', () => {
    expect(englishText(messageRef('ipc.tooManyBooks', { max: 64 }))).toBe(
      'You can have at most 64 phonebooks open; close one first.',
    );
  });
});

// The files whose AppErrors a window shows: each gives its message as a key of the table.
const PRODUCERS = [
  'main/phonebook',
  'main/fs',
  'main/ipc',
  'main/secrets',
  'main/diagnostics',
  'main/headless',
  'main/ras/pbk-sections.ts',
  'main/ras/pbk-charset.ts',
  'app/phonebook',
  'main/sessions',
  'main/ras/simulated',
  'main/ras/simulated/service',
  'main/ras/win32/string-limits.ts',
  'main/ras/win32/entry-properties.ts',
  'main/electron/ipc-transport.ts',
];

function sources(entry: string): string[] {
  const full = path.resolve(__dirname, '../..', entry);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full).flatMap((name) =>
    name.endsWith('.test.ts') ? [] : name.endsWith('.ts') ? [path.join(full, name)] : [],
  );
}

describe('every AppError the window can show', () => {
  it('carries a message key, never English words alone', () => {
    const bare: string[] = [];
    for (const file of PRODUCERS.flatMap(sources)) {
      const text = readFileSync(file, 'utf8');
      // `new AppError(CODE, 'words'` or a template literal: English with no key beside it.
      for (const m of text.matchAll(/new (?:AppError|FileAccessError)\(\s*'\w+',\s*['`]/g))
        bare.push(`${path.relative(process.cwd(), file)}: ${text.slice(m.index, m.index + 80)}`);
      // A RAS error's detail in words; only an entry's name in brackets, `("name")`, needs none.
      for (const m of text.matchAll(/new RasError\([^,()]*,\s*['`](?!\(")/g))
        bare.push(`${path.relative(process.cwd(), file)}: ${text.slice(m.index, m.index + 80)}`);
      // An error built as data for the wire: its English words need a key beside them.
      for (const m of text.matchAll(/\bname: [^,\n]+,\s*message: ['`][A-Z][^\n]*\n(?!\s*key:)/g))
        bare.push(`${path.relative(process.cwd(), file)}: ${text.slice(m.index, m.index + 80)}`);
    }
    expect(bare).toEqual([]);
  });
});
