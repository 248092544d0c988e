import { describe, expect, it } from 'vitest';
import { AppError, toErrorInfo } from '../../../app/ras/errors';
import { errorInLanguage } from '../../../app/ras/errors-ru';
import { checkString, checkStrings, stringLimits } from './string-limits';
import { STRUCT_BY_NAME } from './struct-layout';

const CHECKED = ['RASDIALPARAMSW', 'RASCREDENTIALSW', 'RASENTRYW'];
const SECRET = 'Sekret-x9Q';

/** The error `run` throws, so its code and message can be looked at. */
function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('nothing was refused');
}

/** A value of exactly `length` UTF-16 code units, built from `seed` (the password's value). */
const text = (length: number, seed = 'abcdefghij'): string =>
  seed.repeat(Math.ceil(length / seed.length) + 1).slice(0, length);

describe('string limits', () => {
  it('knows the members of the structs the backend encodes, with the NUL left out', () => {
    const byField = (name: string) =>
      Object.fromEntries(stringLimits(name).map((l) => [l.field, l.max]));
    expect(byField('RASDIALPARAMSW')).toEqual({
      szEntryName: 256,
      szPhoneNumber: 128,
      szCallbackNumber: 128,
      szUserName: 256,
      szPassword: 256,
      szDomain: 15,
    });
    expect(byField('RASCREDENTIALSW')).toEqual({ szUserName: 256, szPassword: 256, szDomain: 15 });
    expect(byField('RASENTRYW')).toMatchObject({
      szAreaCode: 10,
      szLocalPhoneNumber: 128,
      szDeviceType: 16,
      szDeviceName: 128,
      szDnsSuffix: 255,
    });
  });

  it('has words for every WCHAR member of every struct', () => {
    for (const name of STRUCT_BY_NAME.keys())
      for (const limit of stringLimits(name)) {
        expect(limit.words, limit.field).not.toMatch(/^sz/);
        expect(limit.name.key, limit.field).not.toBe('field.member');
      }
  });

  describe.each(CHECKED)('%s', (name) => {
    it.each(stringLimits(name).map((l) => [l.field, l] as const))(
      '%s: N-1 code units pass, N and a NUL are refused, named in words, the value never shown',
      (field, { words, max }) => {
        const fits = text(max, SECRET);
        expect(() => checkStrings(name, { [field]: fits })).not.toThrow();

        const long = refusal(() => checkStrings(name, { [field]: text(max + 1, SECRET) }));
        expect(long.code).toBe('INVALID_INPUT');
        expect(long.message).toBe(
          `The ${words} is ${max + 1} characters long; Windows allows at most ${max}.`,
        );

        const nul = refusal(() => checkStrings(name, { [field]: `${SECRET}\0tail` }));
        expect(nul.code).toBe('INVALID_INPUT');
        expect(nul.message).toContain(`The ${words} `);
        expect(nul.message).toContain('NUL');

        for (const message of [long.message, nul.message]) {
          expect(message).not.toContain(field);
          expect(message).not.toContain(SECRET.slice(0, 4));
        }
      },
    );
  });

  it('words the members people meet by name', () => {
    const message = (name: string, field: string, length: number) =>
      refusal(() => checkStrings(name, { [field]: 'x'.repeat(length) })).message;
    expect(message('RASDIALPARAMSW', 'szDomain', 20)).toBe(
      'The domain is 20 characters long; Windows allows at most 15.',
    );
    expect(message('RASCREDENTIALSW', 'szUserName', 300)).toMatch(/^The user name is 300 /);
    expect(message('RASDIALPARAMSW', 'szPassword', 257)).toMatch(/^The password is 257 /);
    expect(message('RASDIALPARAMSW', 'szCallbackNumber', 129)).toMatch(/^The callback number /);
    expect(message('RASENTRYW', 'szAreaCode', 11)).toMatch(/^The area code /);
    expect(message('RASENTRYW', 'szDnsSuffix', 256)).toMatch(/^The DNS suffix /);
  });

  it('counts UTF-16 code units, as the WCHAR array does, and says why an emoji counts twice', () => {
    const eight = '😀'.repeat(8);
    expect(() => checkStrings('RASCREDENTIALSW', { szDomain: `${'😀'.repeat(7)}a` })).not.toThrow();
    expect(refusal(() => checkStrings('RASCREDENTIALSW', { szDomain: eight })).message).toBe(
      'The domain is 16 characters long (an emoji or similar counts as two); Windows allows at most 15.',
    );
  });

  it('lets a caller rename a member: szPassword carrying a pre-shared key', () => {
    const error = refusal(() =>
      checkStrings(
        'RASCREDENTIALSW',
        { szPassword: text(300, SECRET) },
        { szPassword: 'field.preSharedKey' },
      ),
    );
    expect(error.message).toBe(
      'The pre-shared key is 300 characters long; Windows allows at most 256.',
    );
  });

  it('leaves absent and non-string members alone, and checks them all', () => {
    expect(() =>
      checkStrings('RASDIALPARAMSW', { dwSize: 2112, szEntryName: 'Office', szDomain: undefined }),
    ).not.toThrow();
    expect(() =>
      checkStrings('RASDIALPARAMSW', { szUserName: 'me', szDomain: 'x'.repeat(16) }),
    ).toThrow(/domain/);
  });

  it('checks a single value against a limit, for strings outside a struct', () => {
    const alternate = { key: 'field.alternateNumber', params: { index: 1 } } as const;
    expect(() => checkString(alternate, 'x'.repeat(128), 128)).not.toThrow();
    expect(() => checkString(alternate, 'x'.repeat(129), 128)).toThrow(
      'The alternate number 1 is 129 characters long; Windows allows at most 128.',
    );
  });

  it('names the setting in the window’s language too', () => {
    const russian = (run: () => void) => errorInLanguage(toErrorInfo(refusal(run)), 'ru').message;
    expect(russian(() => checkStrings('RASDIALPARAMSW', { szDomain: 'x'.repeat(20) }))).toBe(
      'Поле «домен» длиной 20 символов, а Windows допускает не больше 15.',
    );
    expect(
      russian(() =>
        checkString({ key: 'field.alternateNumber', params: { index: 2 } }, 'a\0b', 128),
      ),
    ).toBe(
      'Поле «запасной номер 2» содержит символ NUL (U+0000): Windows оборвёт значение на нём.',
    );
  });

  it('refuses a struct it does not know as a fault of the program', () => {
    expect(refusal(() => checkStrings('RASFOOW', {})).code).toBe('INTERNAL');
  });
});
