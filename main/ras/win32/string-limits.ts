// koffi copies a string into a fixed WCHAR[N] member by cutting it short without a word: a
// 20-character domain reaches Windows as 15 and the dial fails with 691 for no visible reason.
// So every string is measured against its member before it is encoded, and one that does not
// fit is refused with the setting named in words. No message quotes the value: it may be a
// password or a pre-shared key.

import { AppError } from '../../../app/ras/errors';
import { STRUCT_BY_NAME } from './struct-layout';

/** What each WCHAR member of struct-layout.ts holds, as a message names it. */
const FIELD_WORDS: Record<string, string> = {
  szEntryName: 'entry name',
  szPhonebook: 'phonebook path',
  szPhonebookPath: 'phonebook path',
  szDeviceType: 'device type',
  szDeviceName: 'device name',
  szPhoneNumber: 'phone number',
  szCallbackNumber: 'callback number',
  szUserName: 'user name',
  szPassword: 'password',
  szDomain: 'domain',
  szAreaCode: 'area code',
  szLocalPhoneNumber: 'phone number or server name',
  szScript: 'script path',
  szAutodialDll: 'AutoDial DLL path',
  szAutodialFunc: 'AutoDial function name',
  szX25PadType: 'X.25 PAD type',
  szX25Address: 'X.25 address',
  szX25Facilities: 'X.25 facilities',
  szX25UserData: 'X.25 user data',
  szCustomDialDll: 'custom dialer DLL path',
  szDnsSuffix: 'DNS suffix',
  szPrerequisitePbk: 'prerequisite phonebook path',
  szPrerequisiteEntry: 'prerequisite entry name',
  szIDi: 'local IKEv2 identity',
  szIDr: 'remote IKEv2 identity',
};

export interface StringLimit {
  /** The member's name in the struct (szDomain). */
  field: string;
  /** What it holds, in words (domain). */
  words: string;
  /** The most UTF-16 code units it holds: its length less the terminating NUL. */
  max: number;
}

/** The WCHAR members of a struct of struct-layout.ts, with what each can hold. */
export function stringLimits(structName: string): StringLimit[] {
  const spec = STRUCT_BY_NAME.get(structName);
  if (!spec) throw new AppError('INTERNAL', `struct-layout.ts has no struct ${structName}.`);
  return spec.fields.flatMap((f) =>
    f.type.kind === 'wchar'
      ? [{ field: f.name, words: FIELD_WORDS[f.name] ?? f.name, max: f.type.length - 1 }]
      : [],
  );
}

/**
 * Refuses a string that would not reach Windows whole: longer than `max` UTF-16 code units,
 * or holding a NUL, where Windows would end it.
 */
export function checkString(words: string, value: string, max: number): void {
  if (value.includes('\0'))
    throw new AppError(
      'INVALID_INPUT',
      `The ${words} contains a NUL character (U+0000); Windows would end it there.`,
    );
  if (value.length > max) {
    // An emoji is two UTF-16 code units, so it counts twice against Windows' limit.
    const pairs = [...value].length < value.length ? ' (an emoji or similar counts as two)' : '';
    throw new AppError(
      'INVALID_INPUT',
      `The ${words} is ${value.length} characters long${pairs}; Windows allows at most ${max}.`,
    );
  }
}

/**
 * Throws an AppError (INVALID_INPUT) for the first string in `values` that does not fit its
 * WCHAR member of `structName`; members that are not strings, or absent, are left alone.
 * `words` renames a member for this call, e.g. szPassword carrying a pre-shared key.
 */
export function checkStrings(
  structName: string,
  values: Readonly<Record<string, unknown>>,
  words: Readonly<Record<string, string>> = {},
): void {
  for (const limit of stringLimits(structName)) {
    const value = values[limit.field];
    if (typeof value === 'string') checkString(words[limit.field] ?? limit.words, value, limit.max);
  }
}
