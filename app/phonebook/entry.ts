// The phonebook entry model: what dialing needs, read from a pbk section and written back
// into it. Every key the model does not know stays untouched, byte for byte.

import {
  blankLine,
  keyLine,
  sectionHeader,
  type Eol,
  type PbkLine,
  type PbkSection,
} from './pbk-codec';
import { entryBlocks, findKey, PHONE_GROUP_KEYS, type EntryBlocks } from './pbk-blocks';
import { defaultSettings, readSettings, settingsKeys, type EntrySettings } from './entry-settings';

export type { AuthProtocol, EntrySettings, Encryption, VpnType } from './entry-settings';

export type EntryType = 'phone' | 'vpn' | 'direct' | 'internet' | 'broadband';
export type CallbackMode = 'none' | 'caller' | 'preset';

const typeCodes: Record<EntryType, number> = {
  phone: 1,
  vpn: 2,
  direct: 3,
  internet: 4,
  broadband: 5,
};
const callbackCodes: Record<CallbackMode, number> = { none: 0, caller: 1, preset: 2 };

export interface PhoneNumber {
  /** A telephone number; for VPN entries the server's host name or address; for PPPoE the service name. */
  number: string;
  areaCode: string;
  countryCode: number;
  countryId: number;
  useDialingRules: boolean;
  comment: string;
}

export interface RasEntry extends EntrySettings {
  name: string;
  type: EntryType;
  /** The DEVICE= type (modem, isdn, vpn, PPPoE, …), its friendly name and its port. */
  deviceType: string;
  deviceName: string;
  port: string;
  /** The primary number first, then the alternates. */
  phoneNumbers: PhoneNumber[];
  tryNextAlternateOnFail: boolean;
  promoteAlternates: boolean;
  callbackMode: CallbackMode;
  /** EAP type id (13 EAP-TLS, 25 PEAP, 26 EAP-MSCHAPv2); 0 = no EAP. */
  eapTypeId: number;
  /** Show a terminal window after dialing (a post-connect DEVICE=switch with Terminal=1). */
  terminalAfterDial: boolean;
  redialAttempts: number;
  redialSeconds: number;
  redialOnLinkFailure: boolean;
}

export function phoneNumber(number: string, extra: Partial<PhoneNumber> = {}): PhoneNumber {
  return {
    number,
    areaCode: '',
    countryCode: 0,
    countryId: 0,
    useDialingRules: false,
    comment: '',
    ...extra,
  };
}

/** The host (VPN), service (PPPoE) or number that is dialed first. */
export function primaryDestination(entry: RasEntry): string {
  return entry.phoneNumbers[0]?.number ?? '';
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number.parseInt(value.trim(), 10);
  return Number.isFinite(n) ? n : fallback;
}

function valueAt(section: PbkSection, index: number): string | undefined {
  return index < 0 ? undefined : section.lines[index]!.value;
}

function typeFromCode(code: number): EntryType {
  const found = (Object.keys(typeCodes) as EntryType[]).find((t) => typeCodes[t] === code);
  return found ?? 'phone';
}

function callbackFromCode(code: number): CallbackMode {
  if (code === 1) return 'caller';
  if (code === 2) return 'preset';
  return 'none';
}

export function sectionToEntry(section: PbkSection): RasEntry {
  const blocks = entryBlocks(section);
  const entryKey = (key: string): string | undefined =>
    valueAt(section, findKey(section, key, 0, blocks.entryEnd));
  const media = blocks.media[0];
  const device = media?.devices[0];
  const mediaKey = (key: string): string | undefined =>
    media ? valueAt(section, findKey(section, key, media.start, media.keysEnd)) : undefined;
  const deviceKey = (key: string): string | undefined =>
    device ? valueAt(section, findKey(section, key, device.start, device.end)) : undefined;
  const phoneNumbers = (device?.groups ?? []).map((g) => {
    const get = (key: string): string | undefined => {
      const i = g.keys.get(key);
      return i === undefined ? undefined : section.lines[i]!.value;
    };
    return {
      number: get('PhoneNumber') ?? '',
      areaCode: get('AreaCode') ?? '',
      countryCode: int(get('CountryCode'), 0),
      countryId: int(get('CountryID'), 0),
      useDialingRules: get('UseDialingRules') === '1',
      comment: get('Comment') ?? '',
    };
  });
  const terminal = (media?.devices.slice(1) ?? []).some(
    (d) =>
      d.type.toLowerCase() === 'switch' &&
      valueAt(section, findKey(section, 'Terminal', d.start, d.end)) === '1',
  );
  return {
    name: section.name,
    type: typeFromCode(int(entryKey('Type'), 1)),
    deviceType: device?.type ?? '',
    deviceName: mediaKey('Device') ?? entryKey('PreferredDevice') ?? '',
    port: mediaKey('Port') ?? entryKey('PreferredPort') ?? '',
    phoneNumbers,
    tryNextAlternateOnFail: deviceKey('TryNextAlternateOnFail') === '1',
    promoteAlternates: deviceKey('PromoteAlternates') === '1',
    callbackMode: callbackFromCode(int(entryKey('CallbackMode'), 0)),
    eapTypeId: int(entryKey('CustomAuthKey'), 0),
    terminalAfterDial: terminal,
    redialAttempts: int(entryKey('RedialAttempts'), 0),
    redialSeconds: int(entryKey('RedialSeconds'), 60),
    redialOnLinkFailure: entryKey('RedialOnLinkFailure') === '1',
    ...readSettings(entryKey),
  };
}

const flag = (b: boolean): string => (b ? '1' : '0');

/** Sets `key` in [start, end): in place if present, else inserted at `insertAt`. */
function setKey(
  lines: PbkLine[],
  key: string,
  value: string,
  start: number,
  end: number,
  insertAt: number,
  eol: Eol,
): number {
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (line.kind === 'key' && line.key === key) {
      if (line.value !== value) lines[i] = keyLine(key, value, line.eol);
      return 0;
    }
  }
  lines.splice(insertAt, 0, keyLine(key, value, eol));
  return 1;
}

function groupLines(numbers: PhoneNumber[], eol: Eol): PbkLine[] {
  return numbers.flatMap((n) => [
    keyLine('PhoneNumber', n.number, eol),
    keyLine('AreaCode', n.areaCode, eol),
    keyLine('CountryCode', String(n.countryCode), eol),
    keyLine('CountryID', String(n.countryId), eol),
    keyLine('UseDialingRules', flag(n.useDialingRules), eol),
    keyLine('Comment', n.comment, eol),
    keyLine('FriendlyName', '', eol),
  ]);
}

function samePhoneNumbers(a: PhoneNumber[], b: PhoneNumber[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (n, i) =>
        n.number === b[i]!.number &&
        n.areaCode === b[i]!.areaCode &&
        n.countryCode === b[i]!.countryCode &&
        n.countryId === b[i]!.countryId &&
        n.useDialingRules === b[i]!.useDialingRules &&
        n.comment === b[i]!.comment,
    )
  );
}

/**
 * Writes the modelled fields of `entry` into `section`. Lines whose value does not change
 * are kept as they are; keys the model does not know are never touched.
 */
export function applyEntry(section: PbkSection, entry: RasEntry, eol: Eol): PbkSection {
  const before = sectionToEntry(section);
  const lines = section.lines.slice();
  const withBlocks = (): EntryBlocks => entryBlocks({ ...section, lines });

  let blocks = withBlocks();
  const entryLevel: [string, string][] = [
    ['Type', String(typeCodes[entry.type])],
    ['RedialAttempts', String(entry.redialAttempts)],
    ['RedialSeconds', String(entry.redialSeconds)],
    ['RedialOnLinkFailure', flag(entry.redialOnLinkFailure)],
    ['CallbackMode', String(callbackCodes[entry.callbackMode])],
    ['CustomAuthKey', String(entry.eapTypeId)],
    ...settingsKeys(entry, (key) => {
      const i = findKey({ ...section, lines }, key, 0, blocks.entryEnd);
      return i < 0 ? undefined : lines[i]!.value;
    }),
  ];
  for (const [key, value] of entryLevel) {
    const end = blocks.entryEnd;
    if (setKey(lines, key, value, 0, end, end, eol)) blocks = withBlocks();
  }
  // The port and the device's friendly name stand twice: at entry level and in the MEDIA
  // block, in this order in both places.
  const devicePairs = [
    ['PreferredPort', 'Port', entry.port, before.port],
    ['PreferredDevice', 'Device', entry.deviceName, before.deviceName],
  ] as const;
  for (const [entryKey, , value, old] of devicePairs)
    if (value !== old) {
      setKey(lines, entryKey, value, 0, blocks.entryEnd, blocks.entryEnd, eol);
      blocks = withBlocks();
    }

  if (blocks.media.length === 0) {
    lines.push(blankLine(eol), keyLine('MEDIA', mediumFor(entry), eol));
    blocks = withBlocks();
  }
  let media = blocks.media[0]!;
  for (const [, mediaKey, value, old] of devicePairs)
    if (value !== old || findKey({ ...section, lines }, mediaKey, media.start, media.keysEnd) < 0) {
      setKey(lines, mediaKey, value, media.start, media.keysEnd, media.keysEnd, eol);
      blocks = withBlocks();
      media = blocks.media[0]!;
    }
  if (media.devices.length === 0) {
    lines.splice(media.end, 0, blankLine(eol), keyLine('DEVICE', entry.deviceType, eol));
    blocks = withBlocks();
    media = blocks.media[0]!;
  }
  let device = media.devices[0]!;
  if (device.type !== entry.deviceType) {
    lines[device.header] = keyLine('DEVICE', entry.deviceType, lines[device.header]!.eol);
  }

  if (!samePhoneNumbers(before.phoneNumbers, entry.phoneNumbers)) {
    const first = device.groups[0];
    const last = device.groups[device.groups.length - 1];
    const start = first ? first.start : device.start;
    const end = last ? last.end : device.start;
    const replaced = groupLines(entry.phoneNumbers, eol);
    // Keep the FriendlyName each surviving group had: the model does not edit it.
    device.groups.forEach((g, gi) => {
      const fi = g.keys.get('FriendlyName');
      const target = gi * PHONE_GROUP_KEYS.length + PHONE_GROUP_KEYS.indexOf('FriendlyName');
      if (fi !== undefined && target < replaced.length) replaced[target] = lines[fi]!;
    });
    lines.splice(start, end - start, ...replaced);
    blocks = withBlocks();
    device = blocks.media[0]!.devices[0]!;
  }
  for (const [key, value] of [
    ['PromoteAlternates', flag(entry.promoteAlternates)],
    ['TryNextAlternateOnFail', flag(entry.tryNextAlternateOnFail)],
  ] as const) {
    const lastGroup = device.groups[device.groups.length - 1];
    const insertAt = lastGroup ? lastGroup.end : device.start;
    if (setKey(lines, key, value, device.start, device.end, insertAt, eol)) {
      blocks = withBlocks();
      device = blocks.media[0]!.devices[0]!;
    }
  }

  if (entry.terminalAfterDial !== before.terminalAfterDial) {
    media = blocks.media[0]!;
    const sw = media.devices.slice(1).find((d) => d.type.toLowerCase() === 'switch');
    if (sw) {
      setKey(lines, 'Terminal', flag(entry.terminalAfterDial), sw.start, sw.end, sw.end, eol);
    } else if (entry.terminalAfterDial) {
      lines.splice(
        media.end,
        0,
        blankLine(eol),
        keyLine('DEVICE', 'switch', eol),
        keyLine('Type', 'Terminal', eol),
        keyLine('Terminal', '1', eol),
      );
    }
  }

  const header =
    entry.name === section.name ? section.header : sectionHeader(entry.name, section.header.eol);
  return { name: entry.name, header, lines, lineNumber: section.lineNumber };
}

function mediumFor(entry: RasEntry): string {
  return entry.type === 'phone' && entry.deviceType.toLowerCase() === 'modem'
    ? 'serial'
    : 'rastapi';
}

/**
 * A new section in the layout Windows writes (ras-reference.md §8.7), with `entry` applied.
 */
export function newSection(entry: RasEntry, eol: Eol): PbkSection {
  const k = (key: string, value: string | number): PbkLine => keyLine(key, String(value), eol);
  const isModem = entry.deviceType.toLowerCase() === 'modem';
  const settings = new Map(settingsKeys(entry, () => undefined));
  const setting = (key: string): string => settings.get(key)!;
  const lines: PbkLine[] = [
    k('Encoding', 1),
    k('PBVersion', 6),
    k('Type', typeCodes[entry.type]),
    k('AutoLogon', 0),
    k('UseRasCredentials', 1),
    k('DialParamsUID', 0),
    k('VpnStrategy', setting('VpnStrategy')),
    k('ExcludedProtocols', setting('ExcludedProtocols')),
    k('LcpExtensions', 1),
    k('DataEncryption', setting('DataEncryption')),
    k('SwCompression', isModem ? 1 : 0),
    k('DialMode', 0),
    k('OverridePref', 15),
    k('RedialAttempts', entry.redialAttempts),
    k('RedialSeconds', entry.redialSeconds),
    k('IdleDisconnectSeconds', setting('IdleDisconnectSeconds')),
    k('RedialOnLinkFailure', flag(entry.redialOnLinkFailure)),
    k('CallbackMode', callbackCodes[entry.callbackMode]),
    k('PreferredPort', entry.port),
    k('PreferredDevice', entry.deviceName),
    k('PreviewUserPw', setting('PreviewUserPw')),
    k('PreviewDomain', setting('PreviewDomain')),
    k('PreviewPhoneNumber', setting('PreviewPhoneNumber')),
    k('ShowDialingProgress', setting('ShowDialingProgress')),
    k('CustomAuthKey', entry.eapTypeId),
    k('AuthRestrictions', setting('AuthRestrictions')),
    k('IpPrioritizeRemote', setting('IpPrioritizeRemote')),
    k('IpAssign', 1),
    ...(settings.has('IpDnsAddress')
      ? [k('IpDnsAddress', setting('IpDnsAddress')), k('IpDns2Address', setting('IpDns2Address'))]
      : []),
    k('IpNameAssign', setting('IpNameAssign')),
    blankLine(eol),
    k('NETCOMPONENTS', ''),
    k('ms_msclient', 1),
    k('ms_server', 1),
    blankLine(eol),
    k('MEDIA', mediumFor(entry)),
    k('Port', entry.port),
    k('Device', entry.deviceName),
    blankLine(eol),
    k('DEVICE', entry.deviceType),
    ...groupLines(entry.phoneNumbers, eol),
    k('LastSelectedPhone', 0),
    k('PromoteAlternates', flag(entry.promoteAlternates)),
    k('TryNextAlternateOnFail', flag(entry.tryNextAlternateOnFail)),
  ];
  if (entry.terminalAfterDial)
    lines.push(blankLine(eol), k('DEVICE', 'switch'), k('Type', 'Terminal'), k('Terminal', 1));
  lines.push(blankLine(eol));
  return { name: entry.name, header: sectionHeader(entry.name, eol), lines, lineNumber: 0 };
}

/** Default device for a new entry of a type, as Windows names its miniports. */
export function defaultDevice(
  type: EntryType,
): Pick<RasEntry, 'deviceType' | 'deviceName' | 'port'> {
  switch (type) {
    case 'vpn':
      return { deviceType: 'vpn', deviceName: 'WAN Miniport (IKEv2)', port: 'VPN2-0' };
    case 'broadband':
      return { deviceType: 'PPPoE', deviceName: 'WAN Miniport (PPPOE)', port: 'PPPoE5-0' };
    case 'direct':
      return {
        deviceType: 'SERIAL',
        deviceName: 'Communications cable between two computers',
        port: 'COM1',
      };
    default:
      return { deviceType: 'modem', deviceName: 'Standard 56000 bps Modem', port: 'COM3' };
  }
}

export function makeEntry(
  name: string,
  type: EntryType,
  numbers: string[],
  extra: Partial<RasEntry> = {},
): RasEntry {
  return {
    name,
    type,
    ...defaultDevice(type),
    phoneNumbers: numbers.map((n) => phoneNumber(n)),
    tryNextAlternateOnFail: true,
    promoteAlternates: false,
    callbackMode: 'none',
    eapTypeId: 0,
    terminalAfterDial: false,
    redialAttempts: 0,
    redialSeconds: 60,
    redialOnLinkFailure: false,
    ...defaultSettings,
    encryption: type === 'vpn' ? 'maximum' : 'required',
    ...extra,
  };
}
