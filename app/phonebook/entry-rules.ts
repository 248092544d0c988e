// What makes an entry valid, field by field, as Windows checks it: the entry-name rules of
// RasValidateEntryName, the RAS_Max* limits, a number for a phone entry and a server for a
// VPN entry. Each problem names its field, so a form can show it beside the field.

import {
  RAS_MAX_AREA_CODE,
  RAS_MAX_DEVICE_NAME,
  RAS_MAX_DEVICE_TYPE,
  RAS_MAX_PHONE_NUMBER,
} from '../ras/limits';
import { validateEntryName } from './entry-name';
import type { RasEntry } from './entry';

export interface FieldProblem {
  /** The entry field, with an index for a phone number: `phoneNumbers.1.number`. */
  field: string;
  /** A stable key for the message, for translations. */
  rule: string;
  message: string;
}

const MAX_REDIAL_ATTEMPTS = 999_999_999;
const MAX_REDIAL_SECONDS = 86_400;

export function validateEntry(entry: RasEntry, otherNames: Iterable<string> = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = validateEntryName(entry.name, otherNames);
  if (name)
    problems.push({
      field: 'name',
      rule: name.code === 183 ? 'name-taken' : 'name-invalid',
      message: name.message,
    });
  const first = entry.phoneNumbers[0]?.number.trim() ?? '';
  if (entry.type === 'phone' && first === '')
    problems.push({
      field: 'phoneNumbers.0.number',
      rule: 'number-required',
      message: 'A dial-up entry needs a phone number.',
    });
  if (entry.type === 'vpn' && first === '')
    problems.push({
      field: 'phoneNumbers.0.number',
      rule: 'server-required',
      message: 'A VPN entry needs a server name or address.',
    });
  entry.phoneNumbers.forEach((n, i) => {
    if (n.number.length > RAS_MAX_PHONE_NUMBER)
      problems.push({
        field: `phoneNumbers.${i}.number`,
        rule: 'too-long',
        message: `At most ${RAS_MAX_PHONE_NUMBER} characters.`,
      });
    if (n.areaCode.length > RAS_MAX_AREA_CODE)
      problems.push({
        field: `phoneNumbers.${i}.areaCode`,
        rule: 'too-long',
        message: `At most ${RAS_MAX_AREA_CODE} characters.`,
      });
    if (/[\r\n]/.test(n.number))
      problems.push({
        field: `phoneNumbers.${i}.number`,
        rule: 'line-break',
        message: 'A number may not contain a line break.',
      });
  });
  if (entry.deviceName.length > RAS_MAX_DEVICE_NAME)
    problems.push({
      field: 'deviceName',
      rule: 'too-long',
      message: `At most ${RAS_MAX_DEVICE_NAME} characters.`,
    });
  if (entry.deviceType.length > RAS_MAX_DEVICE_TYPE)
    problems.push({
      field: 'deviceType',
      rule: 'too-long',
      message: `At most ${RAS_MAX_DEVICE_TYPE} characters.`,
    });
  if (
    !Number.isInteger(entry.redialAttempts) ||
    entry.redialAttempts < 0 ||
    entry.redialAttempts > MAX_REDIAL_ATTEMPTS
  )
    problems.push({
      field: 'redialAttempts',
      rule: 'out-of-range',
      message: `A whole number from 0 to ${MAX_REDIAL_ATTEMPTS}.`,
    });
  if (
    !Number.isInteger(entry.redialSeconds) ||
    entry.redialSeconds < 0 ||
    entry.redialSeconds > MAX_REDIAL_SECONDS
  )
    problems.push({
      field: 'redialSeconds',
      rule: 'out-of-range',
      message: `A whole number of seconds from 0 to ${MAX_REDIAL_SECONDS}.`,
    });
  return problems;
}

/** "Copy of X", then "Copy (2) of X", … as rasphone names copies; the first free one. */
export function copyName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `Copy of ${name}` : `Copy (${i}) of ${name}`;
    if (!used.has(candidate.toLowerCase())) return candidate.slice(0, 256);
  }
}
