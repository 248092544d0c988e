// RASENTRYW ↔ the entry model. RasGetEntryProperties gives the struct plus the alternate
// numbers as a double-NUL list at dwAlternateOffset; RasSetEntryProperties takes the same.
// Fields RASENTRY does not carry (try the next alternate, callback mode) keep their defaults.

import { phoneNumber, type EntryType, type RasEntry } from '../../../app/phonebook/entry';

export const RASEO_UseCountryAndAreaCodes = 0x1;
export const RASEO_TerminalAfterDial = 0x80;
export const RASEO_PromoteAlternates = 0x8000;
export const RASEO_RequireEAP = 0x20000;
export const RASEO2_ReconnectIfDropped = 0x100;
export const RASFP_Ppp = 0x1;

const TYPES: EntryType[] = ['phone', 'vpn', 'direct', 'internet', 'broadband'];

export type RawEntry = Record<string, unknown> & {
  dwfOptions: number;
  dwfOptions2: number;
  dwCountryID: number;
  dwCountryCode: number;
  szAreaCode: string;
  szLocalPhoneNumber: string;
  szDeviceType: string;
  szDeviceName: string;
  dwType: number;
  dwCustomAuthKey: number;
  dwRedialCount: number;
  dwRedialPause: number;
};

/** Reads the double-NUL-terminated UTF-16 list of alternate numbers. */
export function readAlternates(buffer: Buffer, offset: number): string[] {
  if (offset <= 0 || offset >= buffer.length) return [];
  const out: string[] = [];
  let start = offset;
  for (let i = offset; i + 1 < buffer.length; i += 2) {
    if (buffer.readUInt16LE(i) !== 0) continue;
    if (i === start) break;
    out.push(buffer.toString('utf16le', start, i));
    start = i + 2;
  }
  return out;
}

export function encodeAlternates(numbers: string[]): Buffer {
  if (numbers.length === 0) return Buffer.alloc(0);
  return Buffer.from(numbers.map((n) => `${n}\0`).join('') + '\0', 'utf16le');
}

export function fromRasEntry(name: string, raw: RawEntry, alternates: string[]): RasEntry {
  const useRules = (raw.dwfOptions & RASEO_UseCountryAndAreaCodes) !== 0;
  const primary = phoneNumber(raw.szLocalPhoneNumber, {
    areaCode: raw.szAreaCode,
    countryCode: raw.dwCountryCode,
    countryId: raw.dwCountryID,
    useDialingRules: useRules,
  });
  return {
    name,
    type: TYPES[raw.dwType - 1] ?? 'phone',
    deviceType: raw.szDeviceType,
    deviceName: raw.szDeviceName,
    port: '',
    phoneNumbers: [primary, ...alternates.map((n) => phoneNumber(n))],
    tryNextAlternateOnFail: true,
    promoteAlternates: (raw.dwfOptions & RASEO_PromoteAlternates) !== 0,
    callbackMode: 'none',
    eapTypeId: raw.dwCustomAuthKey,
    terminalAfterDial: (raw.dwfOptions & RASEO_TerminalAfterDial) !== 0,
    redialAttempts: raw.dwRedialCount,
    redialSeconds: raw.dwRedialPause,
    redialOnLinkFailure: (raw.dwfOptions2 & RASEO2_ReconnectIfDropped) !== 0,
  };
}

const flag = (options: number, bit: number, on: boolean): number =>
  (on ? options | bit : options & ~bit) >>> 0;

/** The raw struct for `entry`, starting from what the entry (or Windows' defaults) had. */
export function toRasEntry(
  base: RawEntry,
  entry: RasEntry,
): { raw: RawEntry; alternates: string[] } {
  const [primary, ...rest] = entry.phoneNumbers;
  let options = base.dwfOptions;
  options = flag(options, RASEO_UseCountryAndAreaCodes, primary?.useDialingRules ?? false);
  options = flag(options, RASEO_TerminalAfterDial, entry.terminalAfterDial);
  options = flag(options, RASEO_PromoteAlternates, entry.promoteAlternates);
  options = flag(options, RASEO_RequireEAP, entry.eapTypeId !== 0);
  return {
    raw: {
      ...base,
      dwfOptions: options,
      dwfOptions2: flag(base.dwfOptions2, RASEO2_ReconnectIfDropped, entry.redialOnLinkFailure),
      dwType: TYPES.indexOf(entry.type) + 1,
      szDeviceType: entry.deviceType,
      szDeviceName: entry.deviceName,
      szLocalPhoneNumber: primary?.number ?? '',
      szAreaCode: primary?.areaCode ?? '',
      dwCountryCode: primary?.countryCode ?? 0,
      dwCountryID: primary?.countryId ?? 0,
      dwCustomAuthKey: entry.eapTypeId,
      dwRedialCount: entry.redialAttempts,
      dwRedialPause: entry.redialSeconds,
      dwFramingProtocol: RASFP_Ppp,
    },
    alternates: rest.map((n) => n.number),
  };
}
