// The entry-name rules of RasValidateEntryName (shared/ras-reference.md §8.5).

import { ERROR_ALREADY_EXISTS, ERROR_INVALID_NAME } from '../ras/errors';
import { RAS_MAX_ENTRY_NAME } from '../ras/limits';

const FORBIDDEN = /[|><?*\\/:]/;
const ALNUM = /[\p{L}\p{N}]/u;

export interface EntryNameProblem {
  /** 123 ERROR_INVALID_NAME or 183 ERROR_ALREADY_EXISTS, as Windows answers. */
  code: number;
  message: string;
}

export function validateEntryName(
  name: string,
  existing: Iterable<string> = [],
): EntryNameProblem | null {
  if (!ALNUM.test(name))
    return { code: ERROR_INVALID_NAME, message: 'The name needs at least one letter or digit.' };
  const bad = FORBIDDEN.exec(name);
  if (bad)
    return {
      code: ERROR_INVALID_NAME,
      message: `The name may not contain "${bad[0]}" (none of | > < ? * \\ / :).`,
    };
  if (name.startsWith('.'))
    return { code: ERROR_INVALID_NAME, message: 'The name may not start with a dot.' };
  if (name.length > RAS_MAX_ENTRY_NAME)
    return {
      code: ERROR_INVALID_NAME,
      message: `The name is longer than ${RAS_MAX_ENTRY_NAME} characters.`,
    };
  if (/[\r\n]/.test(name))
    return { code: ERROR_INVALID_NAME, message: 'The name may not contain a line break.' };
  const folded = name.toLowerCase();
  for (const other of existing)
    if (other.toLowerCase() === folded)
      return { code: ERROR_ALREADY_EXISTS, message: `An entry named "${other}" already exists.` };
  return null;
}
