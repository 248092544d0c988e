import { describe, expect, it } from 'vitest';
import { messageRef } from '../../app/ras/app-messages';
import { AppError, RasError, toErrorInfo } from '../../app/ras/errors';
import { errorText, seconds, wireErrorText } from './format';
import { createI18n } from './i18n/i18n';

const ru = createI18n('ru').t;
const en = createI18n('en').t;

describe('error texts in the person’s language', () => {
  it('says an app error by its key, with a translated verb', () => {
    const info = toErrorInfo(
      new AppError(
        'ALREADY_ACTIVE',
        messageRef('phonebook.connectedBefore', { entry: 'Office', action: 'verb.delete' }),
      ),
    );
    expect(errorText(ru, info)).toEqual({
      message: '«Office» подключено: разъедините его, чтобы удалить запись.',
      remedy: 'Дождитесь окончания текущей попытки или сначала разъедините подключение.',
    });
    expect(errorText(en, info).message).toBe(
      '"Office" is connected; hang it up before you delete it.',
    );
  });

  it('says a file system failure with its path', () => {
    const error = {
      code: 'NOT_FOUND',
      name: 'NOT_FOUND',
      message: 'The file /x/a.pbk does not exist.',
      key: 'file.missing',
      params: { file: '/x/a.pbk' },
    };
    expect(wireErrorText(ru, error)).toBe('Файла /x/a.pbk не существует.');
  });

  it('says a RAS error with its keyed detail and its number', () => {
    const info = toErrorInfo(
      new RasError(
        625,
        messageRef('pbk.parseError', { line: 12, problem: 'pbk.unexpectedLine', text: 'oops' }),
      ),
    );
    expect(wireErrorText(ru, info)).toBe(
      'Ошибка 625: Файл телефонной книги содержит недопустимые данные. Телефонная книга повреждена: строка 12: ожидалось ключ=значение, [имя записи] или комментарий, а найдено «oops»',
    );
  });

  it('says a Win32 code in Russian, keeping an entry name in brackets', () => {
    expect(errorText(ru, toErrorInfo(new RasError(183, '("Home")'))).message).toBe(
      'Запись с таким именем уже существует. ("Home")',
    );
  });

  it('falls back to the English words only for a key it does not know', () => {
    const error = { code: 'INTERNAL', name: 'INTERNAL', message: 'boom', key: 'no.such.key' };
    expect(errorText(ru, error).message).toBe('boom');
  });
});

describe('seconds on the timeline', () => {
  it('uses the language’s decimal separator, two digits under ten seconds and one above', () => {
    expect(seconds(250, 'en')).toBe('0.25');
    expect(seconds(250, 'ru')).toBe('0,25');
    expect(seconds(12_345, 'en')).toBe('12.3');
    expect(seconds(12_345, 'ru')).toBe('12,3');
    // Back to English after Russian: each language keeps its own formatter.
    expect(seconds(1_000, 'en')).toBe('1.00');
    expect(seconds(123_456_000, 'en')).toBe('123456.0');
  });
});
