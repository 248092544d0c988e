// What makes an entry valid, field by field, as Windows checks it: the entry-name rules of
// RasValidateEntryName, the RAS_Max* limits, a number for a phone entry and a server for a
// VPN entry. Each problem names its field, so a form can show it beside the field.

import {
  RAS_MAX_AREA_CODE,
  RAS_MAX_DNS_SUFFIX,
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
  /** For a number out of range: the range, so a translation can name it. */
  min?: number;
  max?: number;
}

export const MAX_REDIAL_ATTEMPTS = 999_999_999;
export const MAX_REDIAL_SECONDS = 86_400;
// A metric is a DWORD in RASENTRY; Windows' own box offers 1–9999, which the editor keeps to,
// but a file may hold more and must still save.
const MAX_METRIC = 0xffffffff;

export interface ValidateOptions {
  /**
   * Whether a phone entry needs a number and a VPN entry a server: true for a new entry and for
   * one that had one. Windows itself accepts neither empty (scripts keep template entries that
   * are dialed with rasdial's /PHONE:), so an entry read that way is not refused for it.
   */
  destinationRequired?: boolean;
}

export function validateEntry(
  entry: RasEntry,
  otherNames: Iterable<string> = [],
  { destinationRequired = true }: ValidateOptions = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = validateEntryName(entry.name, otherNames);
  if (name)
    problems.push({
      field: 'name',
      rule: name.code === 183 ? 'name-taken' : 'name-invalid',
      message: name.message,
    });
  const first = entry.phoneNumbers[0]?.number.trim() ?? '';
  if (destinationRequired && entry.type === 'phone' && first === '')
    problems.push({
      field: 'phoneNumbers.0.number',
      rule: 'number-required',
      message: 'A dial-up entry needs a phone number.',
    });
  if (destinationRequired && entry.type === 'vpn' && first === '')
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
      min: 0,
      max: MAX_REDIAL_ATTEMPTS,
    });
  if (
    !Number.isInteger(entry.redialSeconds) ||
    entry.redialSeconds < 0 ||
    entry.redialSeconds > MAX_REDIAL_SECONDS
  )
    problems.push({
      field: 'redialSeconds',
      rule: 'seconds-range',
      message: `A whole number of seconds from 0 to ${MAX_REDIAL_SECONDS}.`,
      min: 0,
      max: MAX_REDIAL_SECONDS,
    });
  if (entry.dnsSuffix.length > RAS_MAX_DNS_SUFFIX)
    problems.push({
      field: 'dnsSuffix',
      rule: 'too-long',
      message: `At most ${RAS_MAX_DNS_SUFFIX} characters.`,
    });
  textProblems(entry, problems);
  for (const field of ['ipv4Metric', 'ipv6Metric'] as const)
    if (!Number.isInteger(entry[field]) || entry[field] < 0 || entry[field] > MAX_METRIC)
      problems.push({
        field,
        rule: 'out-of-range',
        message: `A whole number from 1 to ${MAX_METRIC}, or automatic.`,
        min: 1,
        max: MAX_METRIC,
      });
  return problems;
}

/**
 * Every text the entry writes into the file, but its name (the name rules say what a name may
 * hold): a line break would end the key's line and start another (even a new [entry]), and a
 * NUL makes the file unreadable, so neither may be in any of them.
 */
function textProblems(entry: RasEntry, problems: FieldProblem[]): void {
  const texts: [field: string, what: string, value: string][] = [
    ['deviceType', 'The device type', entry.deviceType],
    ['deviceName', 'The device name', entry.deviceName],
    ['port', 'The port', entry.port],
    ...entry.phoneNumbers.flatMap((n, i): [string, string, string][] => [
      [`phoneNumbers.${i}.number`, 'A number', n.number],
      [`phoneNumbers.${i}.areaCode`, 'An area code', n.areaCode],
      [`phoneNumbers.${i}.comment`, 'A comment', n.comment],
    ]),
    ['dnsSuffix', 'A DNS suffix', entry.dnsSuffix],
    ...entry.dnsServers.map((d, i): [string, string, string] => [
      `dnsServers.${i}`,
      'A DNS server',
      d,
    ]),
  ];
  for (const [field, what, value] of texts) {
    if (/[\r\n]/.test(value))
      problems.push({
        field,
        rule: 'line-break',
        message: `${what} may not contain a line break.`,
      });
    else if (value.includes('\0'))
      problems.push({ field, rule: 'nul', message: `${what} may not contain a NUL character.` });
  }
}

/** "Copy of X", then "Copy (2) of X", … as rasphone names copies; the first free one. */
export function copyName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `Copy of ${name}` : `Copy (${i}) of ${name}`;
    if (!used.has(candidate.toLowerCase())) return candidate.slice(0, 256);
  }
}
