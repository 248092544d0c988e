// The phonebook entry model: what dialing needs, read from a pbk section and written back
// into it. A save writes only the keys of the settings the person changed, each where Windows
// writes it; every other line, known or not, stays byte for byte.

import {
  blankLine,
  keyLine,
  sectionHeader,
  type Eol,
  type PbkLine,
  type PbkSection,
} from './pbk-codec';
import { entryBlocks, findKey, PHONE_GROUP_KEYS, type EntryBlocks } from './pbk-blocks';
import {
  AUTH_EAP,
  allSettingKeys,
  changedSettingKeys,
  defaultSettings,
  flag,
  int,
  readSettings,
  SETTING_KEYS,
  type EntrySettings,
} from './entry-settings';
import { entryKeyRank } from './pbk-key-order';

export type { AuthProtocol, EntrySettings } from './entry-settings';

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
  /** The EAP type id (13 EAP-TLS, 25 PEAP, 26 EAP-MSCHAPv2) when EAP is used; 0 = no EAP. */
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

function valueAt(section: PbkSection, index: number): string | undefined {
  return index < 0 ? undefined : section.lines[index]!.value;
}

function typeFromCode(code: number): EntryType | undefined {
  return (Object.keys(typeCodes) as EntryType[]).find((t) => typeCodes[t] === code);
}

/**
 * The type of an entry without a (valid) Type= key, as Windows dials it: by its device. Scripts
 * that write five-line entries for rasdial leave Type= out.
 */
function inferType(deviceType: string | undefined): EntryType {
  switch (deviceType?.toLowerCase()) {
    case 'vpn':
      return 'vpn';
    case 'pppoe':
      return 'broadband';
    case 'serial':
    case 'parallel':
    case 'irda':
      return 'direct';
    default:
      return 'phone';
  }
}

function callbackFromCode(code: number): CallbackMode {
  if (code === 1) return 'caller';
  if (code === 2) return 'preset';
  return 'none';
}

/** The phone groups' keys with the values a missing key stands for. */
const GROUP_DEFAULTS: Record<(typeof PHONE_GROUP_KEYS)[number], string> = {
  PhoneNumber: '',
  AreaCode: '',
  CountryCode: '0',
  CountryID: '0',
  UseDialingRules: '0',
  Comment: '',
  FriendlyName: '',
};

function groupValues(n: PhoneNumber): [string, string][] {
  return [
    ['PhoneNumber', n.number],
    ['AreaCode', n.areaCode],
    ['CountryCode', String(n.countryCode)],
    ['CountryID', String(n.countryId)],
    ['UseDialingRules', flag(n.useDialingRules)],
    ['Comment', n.comment],
  ];
}

/** EAP is in use when AuthRestrictions has its bit (or, without the key, a type is named). */
function readEap(get: (key: string) => string | undefined): number {
  const type = int(get('CustomAuthKey'), 0);
  if (type <= 0) return 0; // 0 and XP's -1 both mean no EAP
  const restrictions = get('AuthRestrictions');
  return restrictions === undefined || (int(restrictions, 0) & AUTH_EAP) !== 0 ? type : 0;
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
      useDialingRules: get('UseDialingRules')?.trim() === '1',
      comment: get('Comment') ?? '',
    };
  });
  const terminal = (media?.devices.slice(1) ?? []).some(
    (d) =>
      d.type.toLowerCase() === 'switch' &&
      valueAt(section, findKey(section, 'Terminal', d.start, d.end))?.trim() === '1',
  );
  return {
    name: section.name,
    type: typeFromCode(int(entryKey('Type'), 0)) ?? inferType(device?.type),
    deviceType: device?.type ?? '',
    deviceName: mediaKey('Device') ?? entryKey('PreferredDevice') ?? '',
    port: mediaKey('Port') ?? entryKey('PreferredPort') ?? '',
    phoneNumbers,
    // MS-RRASM: TryNextAlternateOnFail defaults to 1 and PromoteAlternates to 0.
    tryNextAlternateOnFail: deviceKey('TryNextAlternateOnFail')?.trim() !== '0',
    promoteAlternates: deviceKey('PromoteAlternates')?.trim() === '1',
    callbackMode: callbackFromCode(int(entryKey('CallbackMode'), 0)),
    eapTypeId: readEap(entryKey),
    terminalAfterDial: terminal,
    redialAttempts: int(entryKey('RedialAttempts'), 0),
    redialSeconds: int(entryKey('RedialSeconds'), 60),
    redialOnLinkFailure: entryKey('RedialOnLinkFailure')?.trim() === '1',
    ...readSettings(entryKey),
  };
}

/** Every key the entry model reads or writes; the rest are "other settings", kept as they are. */
export const MODELLED_KEYS = new Set<string>([
  'Type',
  'RedialAttempts',
  'RedialSeconds',
  'RedialOnLinkFailure',
  'CallbackMode',
  'CustomAuthKey',
  'PreferredPort',
  'PreferredDevice',
  'MEDIA',
  'Port',
  'Device',
  'DEVICE',
  ...PHONE_GROUP_KEYS,
  'PromoteAlternates',
  'TryNextAlternateOnFail',
  'Terminal',
]);

/** The keys the model reads or writes anywhere in an entry. */
const MODELLED = new Set<string>([...MODELLED_KEYS, ...SETTING_KEYS]);

/**
 * The key lines of a section that the model does not edit, in file order, for the entry's page
 * ("other settings kept from Windows"). Repeated keys (CustomAuthData) are joined.
 */
export function otherSettings(section: PbkSection): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  let previous: { key: string; value: string } | undefined;
  for (const line of section.lines) {
    if (line.kind !== 'key' || MODELLED.has(line.key)) {
      previous = undefined;
      continue;
    }
    if (previous && previous.key === line.key && line.key === 'CustomAuthData')
      previous.value += line.value;
    else {
      previous = { key: line.key, value: line.value };
      out.push(previous);
    }
  }
  return out;
}

/** Edits one section's lines, keeping the block structure in step with every change. */
class SectionEditor {
  readonly lines: PbkLine[];
  blocks: EntryBlocks;

  constructor(
    private readonly section: PbkSection,
    private readonly eol: Eol,
  ) {
    this.lines = section.lines.slice();
    this.blocks = entryBlocks(section);
  }

  private view(): PbkSection {
    return { ...this.section, lines: this.lines };
  }

  refresh(): void {
    this.blocks = entryBlocks(this.view());
  }

  find(key: string, start: number, end: number): number {
    return findKey(this.view(), key, start, end);
  }

  entryValue = (key: string): string | undefined => {
    const i = this.find(key, 0, this.blocks.entryEnd);
    return i < 0 ? undefined : this.lines[i]!.value;
  };

  insert(at: number, ...lines: PbkLine[]): void {
    this.lines.splice(at, 0, ...lines);
    this.refresh();
  }

  remove(at: number, count = 1): void {
    this.lines.splice(at, count);
    this.refresh();
  }

  /** Sets the line at `i` to `value`, keeping its own line ending; nothing if it is the same. */
  replaceValue(i: number, value: string): void {
    const line = this.lines[i]!;
    if (line.value !== value) this.lines[i] = keyLine(line.key, value, line.eol);
  }

  /** Sets an entry-level key in place, or adds it where Windows writes it. */
  setEntryKey(key: string, value: string): void {
    const i = this.find(key, 0, this.blocks.entryEnd);
    if (i >= 0) this.replaceValue(i, value);
    else this.insert(this.entryInsertAt(key), keyLine(key, value, this.eol));
  }

  /**
   * After the last key that Windows writes before `key` (and after its continuation lines),
   * else before the first key it writes after it, else after the entry's last key line.
   */
  private entryInsertAt(key: string): number {
    const rank = entryKeyRank(key) ?? Number.MAX_SAFE_INTEGER;
    const end = this.blocks.entryEnd;
    let after = -1;
    let before = -1;
    let lastKey = -1;
    for (let i = 0; i < end; i++) {
      const line = this.lines[i]!;
      if (line.kind !== 'key') continue;
      lastKey = i;
      const r = entryKeyRank(line.key);
      if (r === undefined) continue;
      if (r < rank) after = i;
      else if (before < 0) before = i;
    }
    if (after >= 0) {
      let i = after;
      while (
        i + 1 < end &&
        this.lines[i + 1]!.kind === 'key' &&
        this.lines[i + 1]!.key === this.lines[after]!.key
      )
        i++;
      return i + 1;
    }
    if (before >= 0) return before;
    return lastKey + 1;
  }
}

const sameNumbers = (a: PhoneNumber, b: PhoneNumber | undefined): boolean =>
  !!b &&
  a.number === b.number &&
  a.areaCode === b.areaCode &&
  a.countryCode === b.countryCode &&
  a.countryId === b.countryId &&
  a.useDialingRules === b.useDialingRules &&
  a.comment === b.comment;

/**
 * Writes into `section` what differs between the entry it holds and `entry`. A setting that
 * did not change writes nothing, so a save without a change leaves the section as it is, and a
 * key the section lacks is added only when the person set it.
 */
export function applyEntry(section: PbkSection, entry: RasEntry, eol: Eol): PbkSection {
  const before = sectionToEntry(section);
  const ed = new SectionEditor(section, eol);

  const entryLevel: [keyof RasEntry, string, string][] = [
    ['type', 'Type', String(typeCodes[entry.type])],
    ['redialAttempts', 'RedialAttempts', String(entry.redialAttempts)],
    ['redialSeconds', 'RedialSeconds', String(entry.redialSeconds)],
    ['redialOnLinkFailure', 'RedialOnLinkFailure', flag(entry.redialOnLinkFailure)],
    ['callbackMode', 'CallbackMode', String(callbackCodes[entry.callbackMode])],
  ];
  for (const [field, key, value] of entryLevel)
    if (entry[field] !== before[field]) ed.setEntryKey(key, value);
  for (const [key, value] of changedSettingKeys(before, entry, ed.entryValue))
    ed.setEntryKey(key, value);
  if (entry.eapTypeId !== before.eapTypeId) applyEap(ed, before, entry);

  applyDevice(ed, before, entry, eol);

  const header =
    entry.name === section.name ? section.header : sectionHeader(entry.name, section.header.eol);
  return {
    name: entry.name,
    header,
    // A last line without an ending that now has lines after it gets one from writePbk.
    lines: ed.lines,
    lineNumber: section.lineNumber,
  };
}

/**
 * EAP on: CustomAuthKey names the type and AuthRestrictions gets the EAP bit; a different type
 * drops the previous type's CustomAuthData. EAP off: the bit is cleared (the type and its data
 * stay for when EAP is chosen again); without AuthRestrictions, CustomAuthKey=0 says it.
 */
function applyEap(ed: SectionEditor, before: RasEntry, entry: RasEntry): void {
  const restrictions = ed.entryValue('AuthRestrictions');
  if (entry.eapTypeId > 0) {
    if (int(ed.entryValue('CustomAuthKey'), 0) !== entry.eapTypeId) {
      for (
        let i = ed.find('CustomAuthData', 0, ed.blocks.entryEnd);
        i >= 0;
        i = ed.find('CustomAuthData', 0, ed.blocks.entryEnd)
      )
        ed.remove(i);
      ed.setEntryKey('CustomAuthKey', String(entry.eapTypeId));
    }
    if (restrictions !== undefined)
      ed.setEntryKey('AuthRestrictions', String((int(restrictions, 0) | AUTH_EAP) >>> 0));
  } else if (before.eapTypeId > 0) {
    if (restrictions !== undefined)
      ed.setEntryKey('AuthRestrictions', String((int(restrictions, 0) & ~AUTH_EAP) >>> 0));
    else ed.setEntryKey('CustomAuthKey', '0');
  }
}

/**
 * The numbers to write: an empty number the editor shows for an entry that has none (a PPPoE
 * entry without a service name, a template dialed with /PHONE:) is not a number to add.
 */
function numbersToWrite(before: PhoneNumber[], after: PhoneNumber[]): PhoneNumber[] {
  let end = after.length;
  while (end > before.length && sameNumbers(after[end - 1]!, phoneNumber(''))) end--;
  return end === after.length ? after : after.slice(0, end);
}

function applyDevice(ed: SectionEditor, before: RasEntry, edited: RasEntry, eol: Eol): void {
  const entry = {
    ...edited,
    phoneNumbers: numbersToWrite(before.phoneNumbers, edited.phoneNumbers),
  };
  const numbersChanged =
    entry.phoneNumbers.length !== before.phoneNumbers.length ||
    entry.phoneNumbers.some((n, i) => !sameNumbers(n, before.phoneNumbers[i]));
  const deviceChanged =
    entry.deviceType !== before.deviceType ||
    entry.deviceName !== before.deviceName ||
    entry.port !== before.port;
  const alternatesChanged =
    entry.tryNextAlternateOnFail !== before.tryNextAlternateOnFail ||
    entry.promoteAlternates !== before.promoteAlternates;
  if (
    !numbersChanged &&
    !deviceChanged &&
    !alternatesChanged &&
    entry.terminalAfterDial === before.terminalAfterDial
  )
    return;

  // The port and the device's friendly name stand twice: at entry level (when Windows wrote
  // them there) and in the MEDIA block.
  if (entry.port !== before.port && ed.entryValue('PreferredPort') !== undefined)
    ed.setEntryKey('PreferredPort', entry.port);
  if (entry.deviceName !== before.deviceName && ed.entryValue('PreferredDevice') !== undefined)
    ed.setEntryKey('PreferredDevice', entry.deviceName);

  if (ed.blocks.media.length === 0) {
    const at = ed.lines.length;
    ed.insert(at, blankLine(eol), keyLine('MEDIA', mediumFor(entry), eol));
  }
  let media = ed.blocks.media[0]!;
  for (const [key, value, old] of [
    ['Port', entry.port, before.port],
    ['Device', entry.deviceName, before.deviceName],
  ] as const) {
    const i = ed.find(key, media.start, media.keysEnd);
    if (i >= 0) {
      if (value !== old) ed.replaceValue(i, value);
    } else if (value !== '') {
      ed.insert(media.keysEnd, keyLine(key, value, eol));
    }
    media = ed.blocks.media[0]!;
  }
  if (media.devices.length === 0) {
    ed.insert(media.end, blankLine(eol), keyLine('DEVICE', entry.deviceType, eol));
    media = ed.blocks.media[0]!;
  }
  const device = (): NonNullable<EntryBlocks['media'][number]['devices'][number]> =>
    ed.blocks.media[0]!.devices[0]!;
  if (device().type !== entry.deviceType) ed.replaceValue(device().header, entry.deviceType);

  if (numbersChanged) applyNumbers(ed, device, before.phoneNumbers, entry.phoneNumbers, eol);

  for (const [key, value, old] of [
    ['PromoteAlternates', entry.promoteAlternates, before.promoteAlternates],
    ['TryNextAlternateOnFail', entry.tryNextAlternateOnFail, before.tryNextAlternateOnFail],
  ] as const) {
    if (value === old) continue;
    const d = device();
    const i = ed.find(key, d.start, d.end);
    if (i >= 0) ed.replaceValue(i, flag(value));
    else {
      const last = d.groups[d.groups.length - 1];
      const selected = ed.find('LastSelectedPhone', d.start, d.end);
      const promote =
        key === 'TryNextAlternateOnFail' ? ed.find('PromoteAlternates', d.start, d.end) : -1;
      const at =
        promote >= 0 ? promote + 1 : selected >= 0 ? selected + 1 : last ? last.end : d.start;
      ed.insert(at, keyLine(key, flag(value), eol));
    }
  }

  if (entry.terminalAfterDial !== before.terminalAfterDial) {
    media = ed.blocks.media[0]!;
    const sw = media.devices.slice(1).find((d) => d.type.toLowerCase() === 'switch');
    if (sw) {
      const i = ed.find('Terminal', sw.start, sw.end);
      if (i >= 0) ed.replaceValue(i, flag(entry.terminalAfterDial));
      else ed.insert(sw.end, keyLine('Terminal', flag(entry.terminalAfterDial), eol));
    } else if (entry.terminalAfterDial) {
      ed.insert(
        media.end,
        blankLine(eol),
        keyLine('DEVICE', 'switch', eol),
        keyLine('Type', 'Terminal', eol),
        keyLine('Terminal', '1', eol),
      );
    }
  }
}

/**
 * Numbers kept in place change only the keys whose value changed (a key a sparse group lacks
 * is added after the group's previous key); alternates added get whole groups after the last
 * one, alternates removed lose their lines.
 */
function applyNumbers(
  ed: SectionEditor,
  device: () => EntryBlocks['media'][number]['devices'][number],
  before: PhoneNumber[],
  after: PhoneNumber[],
  eol: Eol,
): void {
  // Removed alternates first, from the last, so earlier groups keep their indices.
  for (let gi = device().groups.length - 1; gi >= after.length; gi--) {
    const g = device().groups[gi]!;
    ed.remove(g.start, g.end - g.start);
  }
  after.forEach((n, gi) => {
    const group = device().groups[gi];
    if (!group) {
      const d = device();
      const last = d.groups[d.groups.length - 1];
      const at = last ? last.end : d.start;
      const lines = [...groupValues(n), ['FriendlyName', ''] as [string, string]].map(([k, v]) =>
        keyLine(k, v, eol),
      );
      ed.insert(at, ...lines);
      return;
    }
    if (sameNumbers(n, before[gi])) return;
    const old = before[gi] ? new Map(groupValues(before[gi]!)) : new Map<string, string>();
    for (const [key, value] of groupValues(n)) {
      const g = device().groups[gi]!;
      const i = g.keys.get(key);
      if (i !== undefined) {
        if (old.get(key) !== value) ed.replaceValue(i, value);
      } else if (value !== GROUP_DEFAULTS[key as keyof typeof GROUP_DEFAULTS]) {
        const order = PHONE_GROUP_KEYS.indexOf(key as (typeof PHONE_GROUP_KEYS)[number]);
        let at = g.start;
        for (const [k, idx] of g.keys)
          if (
            PHONE_GROUP_KEYS.indexOf(k as (typeof PHONE_GROUP_KEYS)[number]) < order &&
            idx + 1 > at
          )
            at = idx + 1;
        ed.insert(at, keyLine(key, value, eol));
      }
    }
  });
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
  const settings = allSettingKeys(entry);
  if (entry.eapTypeId > 0)
    settings.set('AuthRestrictions', String(int(settings.get('AuthRestrictions'), 0) | AUTH_EAP));
  const setting = (key: string): PbkLine[] =>
    settings.has(key) ? [k(key, settings.get(key)!)] : [];
  const lines: PbkLine[] = [
    k('Encoding', 1),
    k('PBVersion', 6),
    k('Type', typeCodes[entry.type]),
    ...setting('AutoLogon'),
    k('UseRasCredentials', 1),
    k('DialParamsUID', 0),
    ...setting('VpnStrategy'),
    ...setting('ExcludedProtocols'),
    k('LcpExtensions', 1),
    ...setting('DataEncryption'),
    k('SwCompression', isModem ? 1 : 0),
    k('DialMode', 0),
    k('OverridePref', 15),
    k('RedialAttempts', entry.redialAttempts),
    k('RedialSeconds', entry.redialSeconds),
    ...setting('IdleDisconnectSeconds'),
    k('RedialOnLinkFailure', flag(entry.redialOnLinkFailure)),
    k('CallbackMode', callbackCodes[entry.callbackMode]),
    k('PreferredPort', entry.port),
    k('PreferredDevice', entry.deviceName),
    ...setting('PreviewUserPw'),
    ...setting('PreviewDomain'),
    ...setting('PreviewPhoneNumber'),
    ...setting('ShowDialingProgress'),
    k('CustomAuthKey', entry.eapTypeId),
    ...setting('AuthRestrictions'),
    ...setting('IpPrioritizeRemote'),
    ...setting('IpInterfaceMetric'),
    k('IpAssign', 1),
    ...setting('IpDnsAddress'),
    ...setting('IpDns2Address'),
    ...setting('IpNameAssign'),
    ...setting('IpDnsFlags'),
    ...setting('IpSecFlags'),
    ...setting('IpDnsSuffix'),
    ...setting('Ipv6InterfaceMetric'),
    ...setting('DisableClassBasedDefaultRoute'),
    ...setting('DisableMobility'),
    ...setting('NetworkOutageTime'),
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
    ...entry.phoneNumbers.flatMap((n) =>
      [...groupValues(n), ['FriendlyName', ''] as [string, string]].map(([key, v]) => k(key, v)),
    ),
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
    encryption: type === 'vpn' ? 512 : 256,
    ...extra,
  };
}
