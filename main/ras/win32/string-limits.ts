// koffi copies a string into a fixed WCHAR[N] member by cutting it short without a word: a
// 20-character domain reaches Windows as 15 and the dial fails with 691 for no visible reason.
// So every string is measured against its member before it is encoded, and one that does not
// fit is refused with the setting named in words. No message quotes the value: it may be a
// password or a pre-shared key.

import { englishText, messageRef, type FieldKey } from '../../../app/ras/app-messages';
import { AppError } from '../../../app/ras/errors';
import { STRUCT_BY_NAME } from './struct-layout';

/** What each WCHAR member of struct-layout.ts holds, as a message names it (app-messages.ts). */
const FIELD_WORDS: Record<string, FieldKey> = {
  szEntryName: 'field.entryName',
  szPhonebook: 'field.phonebookPath',
  szPhonebookPath: 'field.phonebookPath',
  szDeviceType: 'field.deviceType',
  szDeviceName: 'field.deviceName',
  szPhoneNumber: 'field.phoneNumber',
  szCallbackNumber: 'field.callbackNumber',
  szUserName: 'field.userName',
  szPassword: 'field.password',
  szDomain: 'field.domain',
  szAreaCode: 'field.areaCode',
  szLocalPhoneNumber: 'field.phoneOrServer',
  szScript: 'field.scriptPath',
  szAutodialDll: 'field.autodialDll',
  szAutodialFunc: 'field.autodialFunction',
  szX25PadType: 'field.x25PadType',
  szX25Address: 'field.x25Address',
  szX25Facilities: 'field.x25Facilities',
  szX25UserData: 'field.x25UserData',
  szCustomDialDll: 'field.customDialDll',
  szDnsSuffix: 'field.dnsSuffix',
  szPrerequisitePbk: 'field.prerequisitePbk',
  szPrerequisiteEntry: 'field.prerequisiteEntry',
  szIDi: 'field.ikeLocalId',
  szIDr: 'field.ikeRemoteId',
};

/** A setting as a message names it: the key of its words, and their parameters. */
export interface FieldName {
  key: FieldKey;
  params?: Record<string, string | number>;
}

export interface StringLimit {
  /** The member's name in the struct (szDomain). */
  field: string;
  /** What it holds, as the key of its words (field.domain). */
  name: FieldName;
  /** What it holds, in English words (domain). */
  words: string;
  /** The most UTF-16 code units it holds: its length less the terminating NUL. */
  max: number;
}

function nameOf(field: string): FieldName {
  const key = FIELD_WORDS[field];
  return key ? { key } : { key: 'field.member', params: { member: field } };
}

/** The WCHAR members of a struct of struct-layout.ts, with what each can hold. */
export function stringLimits(structName: string): StringLimit[] {
  const spec = STRUCT_BY_NAME.get(structName);
  if (!spec) throw new AppError('INTERNAL', messageRef('limit.noStruct', { struct: structName }));
  return spec.fields.flatMap((f) => {
    if (f.type.kind !== 'wchar') return [];
    const name = nameOf(f.name);
    return [
      {
        field: f.name,
        name,
        words: englishText(messageRef(name.key, name.params)),
        max: f.type.length - 1,
      },
    ];
  });
}

/**
 * Refuses a string that would not reach Windows whole: longer than `max` UTF-16 code units,
 * or holding a NUL, where Windows would end it.
 */
export function checkString(name: FieldKey | FieldName, value: string, max: number): void {
  const { key, params } = typeof name === 'string' ? { key: name, params: {} } : name;
  const field = { ...params, field: key };
  if (value.includes('\0')) throw new AppError('INVALID_INPUT', messageRef('limit.nul', field));
  if (value.length > max) {
    // An emoji is two UTF-16 code units, so it counts twice against Windows' limit.
    const pairs = [...value].length < value.length;
    throw new AppError(
      'INVALID_INPUT',
      messageRef(pairs ? 'limit.tooLongPairs' : 'limit.tooLong', {
        ...field,
        length: value.length,
        max,
      }),
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
  words: Readonly<Record<string, FieldKey>> = {},
): void {
  for (const limit of stringLimits(structName)) {
    const value = values[limit.field];
    if (typeof value === 'string') {
      const renamed = words[limit.field];
      checkString(renamed ? { key: renamed } : limit.name, value, limit.max);
    }
  }
}
