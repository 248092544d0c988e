// The entry-name rules of RasValidateEntryName (shared/ras-reference.md §8.5).

import { ERROR_ALREADY_EXISTS, ERROR_INVALID_NAME } from '../ras/errors';
import { RAS_MAX_ENTRY_NAME } from '../ras/limits';

// Windows refuses these characters in a name, and every control character (U+0000–U+001F, U+007F).
const FORBIDDEN = /["|><?*\\/:]/;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;
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
  const control = CONTROL.exec(name);
  if (control)
    return {
      code: ERROR_INVALID_NAME,
      // Named, never quoted: the message is shown and printed, and the character may be ESC.
      message:
        control[0] === '\r' || control[0] === '\n'
          ? 'The name may not contain a line break.'
          : `The name may not contain a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}).`,
    };
  const bad = FORBIDDEN.exec(name);
  if (bad)
    return {
      code: ERROR_INVALID_NAME,
      message: `The name may not contain ${bad[0] === '"' ? "'\"'" : `"${bad[0]}"`} (none of " | > < ? * \\ / :).`,
    };
  if (name.startsWith('.'))
    return { code: ERROR_INVALID_NAME, message: 'The name may not start with a dot.' };
  if (name.length > RAS_MAX_ENTRY_NAME)
    return {
      code: ERROR_INVALID_NAME,
      message: `The name is longer than ${RAS_MAX_ENTRY_NAME} characters.`,
    };
  const folded = name.toLowerCase();
  for (const other of existing)
    if (other.toLowerCase() === folded)
      return { code: ERROR_ALREADY_EXISTS, message: `An entry named "${other}" already exists.` };
  return null;
}
