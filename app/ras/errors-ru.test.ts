import { describe, expect, it } from 'vitest';
import { ALL_IPSEC_ERRORS, IPSEC_FIRST, IPSEC_LAST, RasError, toErrorInfo } from './errors';
import { errorInLanguage, ruErrors, ruRemedies } from './errors-ru';

describe('the IKE/IPsec codes in Russian', () => {
  it('has every code of 13800–13909 with a Russian message and remedy', () => {
    expect(ALL_IPSEC_ERRORS).toHaveLength(IPSEC_LAST - IPSEC_FIRST + 1);
    for (let code = IPSEC_FIRST; code <= IPSEC_LAST; code++) {
      const english = ALL_IPSEC_ERRORS.find((e) => e.code === code)!;
      expect(english.source, String(code)).toBe('ipsec');
      const russian = ruErrors[String(code)]!;
      expect(russian, String(code)).toBeTruthy();
      expect(russian.message, String(code)).toMatch(/[а-яё]/i);
      expect(russian.message, String(code)).not.toBe(english.message);
      expect(ruRemedies[english.remedy], String(code)).toMatch(/[а-яё]/i);
      expect(russian.remedy, String(code)).toBe(ruRemedies[english.remedy]);
    }
  });

  it('keeps the number of a code it does not name, and names those the app knows', () => {
    expect(ruErrors['13850']!.message).toContain('13850');
    expect(errorInLanguage(toErrorInfo(new RasError(13801)), 'ru')).toEqual({
      message: 'Учётные данные для проверки подлинности IKE не приняты.',
      remedy:
        'Проверьте учётные данные, сертификаты и параметры IKE для VPN или обратитесь к администратору.',
    });
  });
});
