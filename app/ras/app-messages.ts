// The app's own messages as data: a key and its parameters cross every boundary beside the
// English text, so each side shows them in its person's language. The English templates are
// here, the Russian ones in app-messages-ru.ts; `{{name}}` is a parameter, as in i18next.

import { DOCTOR_EN_MESSAGES } from '../doctor/doctor-messages';

/** A message's parameters: names, paths, numbers, and keys of words that are translated too. */
export type MessageParams = Record<string, string | number>;

export interface MessageRef {
  key: MessageKey;
  params: MessageParams;
}

/**
 * Which parameters of a message hold the key of another message (a verb, a kind of file, a
 * phonebook problem): that one is put in, in the same language and with the same parameters.
 */
export const NESTED_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'phonebook.connectedBefore': ['action'],
  'phonebook.malformed': ['problem'],
  'phonebook.malformedMore': ['problem'],
  'pbk.parseError': ['problem'],
  'pbk.parseErrorMore': ['problem'],
  'file.notRegular': ['kind'],
  'ipc.chooseFile': ['purpose'],
  'sim.parseError': ['problem'],
  'sim.credentialsDamaged': ['detail'],
  'sim.parseErrorMore': ['problem'],
  'provision.syntax': ['problem'],
  'limit.nul': ['field'],
  'limit.tooLong': ['field'],
  'limit.tooLongPairs': ['field'],
  'limit.dword': ['field'],
};

export const EN_MESSAGES = {
  ...DOCTOR_EN_MESSAGES,
  'verb.rename': 'rename',
  'verb.delete': 'delete',
  'verb.replace': 'replace',
  'verb.import': 'import',
  'verb.export': 'export',
  'verb.open': 'open',
  'verb.diagnostics': 'diagnostics',

  'phonebook.connectedBefore': '"{{entry}}" is connected; hang it up before you {{action}} it.',
  'phonebook.malformed': '{{file}}: line {{line}}: {{problem}}',
  'phonebook.malformedMore': '{{file}}: line {{line}}: {{problem}} (and {{more}} more)',
  'phonebook.changed': '{{file}} was changed by another program; nothing was written.',
  'phonebook.exportOpen':
    '{{file}} is a phonebook open in the app (or one of its own files); export to another file.',
  'phonebook.exportExists':
    '{{file}} already exists; nothing was written. Confirm that it may be replaced (--force).',
  'phonebook.entryInvalid': 'The entry has {{count}} invalid values: {{fields}}.',
  'phonebook.importInvalid': '{{entry}}: the entry has {{count}} invalid values: {{fields}}.',

  'pbk.parseError': 'The phonebook is malformed: line {{line}}: {{problem}}',
  'pbk.parseErrorMore':
    'The phonebook is malformed: line {{line}}: {{problem}} (and {{more}} more)',
  'pbk.nul': 'contains a NUL character (is this a binary or UTF-16 file?)',
  'pbk.missingBracket': "an entry name is missing its closing ']'",
  'pbk.textAfterName': 'unexpected text after the entry name: "{{text}}"',
  'pbk.emptyName': 'the entry name is empty',
  'pbk.unexpectedLine': 'expected key=value, an [entry name] or a comment, found "{{text}}"',
  'pbk.noKey': 'a line has a value but no key',
  'pbk.keyBeforeEntry': '"{{text}}=" comes before any [entry name]',

  'file.missing': 'The file {{file}} does not exist.',
  'file.missingPart': 'The file {{file}} does not exist: a part of its path is not a folder.',
  'file.loop': '{{file}} is a symbolic link loop: it never reaches a file.',
  'file.denied': '{{file}} cannot be opened: permission denied.',
  'file.notPermitted': '{{file}} cannot be opened: the operation is not permitted.',
  'file.readOnlyDisk': '{{file}} cannot be written: the file system is read-only.',
  'file.diskFull': '{{file}} cannot be written: the disk is full.',
  'file.folder': '{{file}} is a folder, not a phonebook file.',
  'file.notRegular': '{{file}} is {{kind}}, not a phonebook file.',
  'file.tooLargeMiB': '{{file}} is larger than {{size}} MiB, too large for a phonebook.',
  'file.tooLargeBytes': '{{file}} is larger than {{size}} bytes, too large for a phonebook.',
  'file.timeout': 'Reading {{file}} took longer than {{seconds}} s; it was given up.',
  'file.readOnly': '{{file}} is read-only; nothing was written. Make it writable to change it.',
  'file.locked':
    '{{file}} is locked by another program; nothing was written. Try again in a moment.',
  'file.lockedBy':
    '{{file}} is locked by another program (pid {{pid}}); nothing was written. Try again in a moment.',
  'fileKind.symlink': 'a symbolic link',
  'fileKind.fifo': 'a pipe (FIFO)',
  'fileKind.socket': 'a socket',
  'fileKind.device': 'a device',
  'fileKind.other': 'not a regular file',

  'ipc.noChannel': 'There is no such channel.',
  'ipc.invalidRequest': 'Invalid {{channel}} request.',
  'ipc.invalidRequestAt': 'Invalid {{channel}} request at {{path}}.',
  'ipc.requestFailed': 'The request failed.',
  'ipc.connectionClosed': 'The connection to RAS Connect closed.',
  'ipc.notOurPage': 'Refused: not our page.',
  'ipc.chooseFile': 'Choose the file to {{purpose}} with the file dialog first.',
  'ipc.noFolder': 'The folder {{folder}} does not exist; nothing was written. Check the path.',
  'ipc.tooManyBooks': 'You can have at most {{max}} phonebooks open; close one first.',
  'ipc.fileExists': '{{file}} exists; nothing was written. Choose another name, or replace it.',

  'session.alreadyConnected': '"{{entry}}" is already connected.',
  'session.alreadyDialing': '"{{entry}}" is already being dialed.',
  'session.noConnection': 'There is no connection "{{id}}".',
  'session.notConnected': '"{{entry}}" is not connected.',
  'session.noStatistics': 'Statistics exist only for a connected connection.',
  'session.noTerminal': 'Windows gives programs no way to talk to the port.',
  'session.notInTerminal': 'The connection is not waiting in its terminal window.',
  'session.notPaused': 'The connection is not waiting for an answer.',
  'session.otherAnswer': 'The connection is waiting for "{{expected}}", not "{{given}}".',
  'session.notRedialing': 'The connection is not waiting to redial.',
  'session.stillUpShared':
    'The connection is still up {{seconds}} s after it was hung up: another program (rasdial, another connection manager) may still be using it.',
  'session.stillUp':
    'The connection is still up {{seconds}} s after it was hung up: Remote Access did not end it.',
  'session.portKept':
    'The connection was hung up, but its port was not released within {{seconds}} s.',
  'session.releaseAsked':
    '(RasGetConnectStatus, asked for {{seconds}} s whether the port was released after the hang-up.)',

  'sim.readFailed': '({{file}} cannot be read: {{reason}})',
  'sim.writeFailed': '({{file}} cannot be written: {{reason}})',
  'sim.parseError': '{{file}}, line {{line}}: {{problem}}',
  'sim.parseErrorMore': '{{file}}, line {{line}}: {{problem}} (and {{more}} more)',
  'sim.unwritable':
    '{{file}}: a character cannot be written in the phonebook’s encoding ({{encoding}}); nothing was written.',
  'sim.credentialsUnreadable':
    '{{file}} cannot be read ({{reason}}); saved user names and passwords are unavailable and nothing was saved.',
  'sim.credentialsDamaged':
    '{{file}} is damaged ({{detail}}): saved user names and passwords cannot be read, and nothing was saved. Repair the file or remove it (saved credentials are then lost).',
  'sim.notJson': 'it is not valid JSON',
  'sim.notObject': 'it does not hold an object',
  'sim.noKeyStore':
    'No key store is available here to keep a password safely, so it was not saved; type it when you connect.',
  'sim.notPaused': '(the dial is not paused)',
  'sim.notInTerminal': '(the dial is not in its terminal window)',
  'sim.closing': '(the program is closing)',
  'sim.serviceLate': '(the simulated RAS service did not start in time)',
  'sim.serviceStopped': '(the simulated RAS service stopped)',
  'sim.serviceFailed': '(the simulated RAS service cannot be reached: {{reason}})',
  'sim.serviceMissing': '{{script}} is missing: build RAS Connect again.',
  'sim.folderNotOwn':
    "{{folder}} is not a folder of this user's alone (it must be a folder, owned by you, with mode 700); the simulated RAS service will not use it. Remove it and try again.",

  'limit.noStruct': 'struct-layout.ts has no struct {{struct}}.',
  'limit.nul': 'The {{field}} contains a NUL character (U+0000); Windows would end it there.',
  'limit.tooLong': 'The {{field}} is {{length}} characters long; Windows allows at most {{max}}.',
  'limit.tooLongPairs':
    'The {{field}} is {{length}} characters long (an emoji or similar counts as two); Windows allows at most {{max}}.',
  'limit.dword': 'The {{field}} must be a whole number from 0 to 4294967295, not {{value}}.',
  'limit.ipv4':
    'The DNS server {{address}} is not an IPv4 address (four numbers from 0 to 255, like 192.0.2.1).',
  'field.entryName': 'entry name',
  'field.phonebookPath': 'phonebook path',
  'field.deviceType': 'device type',
  'field.deviceName': 'device name',
  'field.phoneNumber': 'phone number',
  'field.callbackNumber': 'callback number',
  'field.userName': 'user name',
  'field.password': 'password',
  'field.preSharedKey': 'pre-shared key',
  'field.domain': 'domain',
  'field.areaCode': 'area code',
  'field.phoneOrServer': 'phone number or server name',
  'field.scriptPath': 'script path',
  'field.autodialDll': 'AutoDial DLL path',
  'field.autodialFunction': 'AutoDial function name',
  'field.x25PadType': 'X.25 PAD type',
  'field.x25Address': 'X.25 address',
  'field.x25Facilities': 'X.25 facilities',
  'field.x25UserData': 'X.25 user data',
  'field.customDialDll': 'custom dialer DLL path',
  'field.dnsSuffix': 'DNS suffix',
  'field.prerequisitePbk': 'prerequisite phonebook path',
  'field.prerequisiteEntry': 'prerequisite entry name',
  'field.ikeLocalId': 'local IKEv2 identity',
  'field.ikeRemoteId': 'remote IKEv2 identity',
  'field.alternateNumber': 'alternate number {{index}}',
  'field.redialAttempts': 'number of redial attempts',
  'field.redialSeconds': 'time between redial attempts',
  'field.vpnStrategy': 'VPN type',
  'field.idleSeconds': 'idle time before hanging up',
  'field.ipv4Metric': 'IPv4 metric',
  'field.ipv6Metric': 'IPv6 metric',
  'field.networkOutage': 'network outage time',
  'field.countryCode': 'country code',
  'field.countryId': 'country ID',
  'field.eapType': 'EAP type',
  'field.member': 'member {{member}}',

  'provision.notVpn':
    '"{{entry}}" is not a VPN entry; the VpnClient cmdlets make VPN entries only.',
  'provision.syntax': 'The PowerShell is not read: line {{line}}: {{problem}}.',
  'provision.ps.unclosedString': 'a quoted string is not closed',
  'provision.ps.unclosedComment': 'a block comment (<# … #>) is not closed',
  'provision.ps.unclosedFunction': 'a function body is not closed',
  'provision.ps.expression': 'only plain commands and values are read, not expressions',
  'provision.ps.variableInString': 'a quoted string uses a variable',
  'provision.ps.pipeline': 'pipelines, redirections and blocks are not read',
  'provision.ps.notCommand': 'this is not a command name',
  'provision.ps.unexpected': 'an unexpected character',
  'provision.noAdd': 'No Add-VpnConnection command was found.',
  'provision.manyAdds': 'The text adds {{count}} connections; paste one at a time.',
  'provision.missing': 'line {{line}}: Add-VpnConnection needs -{{parameter}}.',
  'provision.unknownParameter': 'line {{line}}: {{command}} has no parameter -{{parameter}}.',
  'provision.ambiguousParameter': 'line {{line}}: -{{parameter}} could be {{candidates}}.',
  'provision.twice': 'line {{line}}: -{{parameter}} is given twice.',
  'provision.needsText': 'line {{line}}: -{{parameter}} needs a value.',
  'provision.extraValue': 'line {{line}}: "{{value}}" belongs to no parameter.',
  'provision.badValue': 'line {{line}}: -{{parameter}} does not take "{{value}}" ({{allowed}}).',
  'provision.plugIn':
    'line {{line}}: a third-party (plug-in) VPN profile is not a phonebook entry.',
  'provision.note.customEncryption':
    'line {{line}}: -EncryptionLevel Custom needs an IPsec policy; the entry asks for Required encryption.',
  'provision.note.machineCertificate':
    'line {{line}}: signing in with a machine certificate is not an option of these entries; left out.',
  'provision.note.pskVariable':
    'line {{line}}: the pre-shared key comes from ${{name}}; type it on the Security tab.',
  'provision.note.eapConfig':
    'line {{line}}: the EAP configuration given is not read here; the entry uses EAP-MSCHAP v2 until you change it.',
  'provision.note.serverList':
    'line {{line}}: -ServerList is not applied; the entry dials {{server}}.',
  'provision.note.otherEntry': 'line {{line}}: {{command}} is about another entry; not applied.',
  'provision.note.unknownKey':
    'line {{line}}: the phonebook key {{key}} is not one this app sets; not applied.',
  'provision.note.route':
    'line {{line}}: the route {{prefix}} is not applied: Windows keeps VPN routes outside the phonebook entry.',
  'provision.note.ipsec':
    'line {{line}}: the custom IPsec policy is not applied; set it with Set-VpnConnectionIPsecConfiguration after saving.',
  'provision.note.otherCommand': 'line {{line}}: {{command}} is not read.',
  'provision.note.protocolList':
    'The entry lists its protocols (ProtocolList); Windows keeps that list outside the phonebook entry.',
  'provision.xml.invalid': 'The ProfileXML is not well-formed XML: {{problem}}',
  'provision.xml.noProfile': 'The XML has no <VPNProfile>.',
  'provision.xml.plugIn':
    'This ProfileXML is a third-party (plug-in) profile; it is not a phonebook entry.',
  'provision.xml.noServers': 'The ProfileXML names no server (<NativeProfile><Servers>).',
  'provision.xml.badValue': '<{{element}}> does not take "{{value}}" ({{allowed}}).',
  'provision.note.xmlIgnored': 'Not phonebook settings, not applied: {{elements}}.',
  'provision.note.alwaysOn': 'The profile is Always On: Keep connected is turned on for it.',
  'provision.note.alternates': 'The other servers ({{servers}}) become alternate addresses.',
  'provision.note.xmlMachineCertificate':
    'The profile signs in with a machine certificate only, which these entries do not offer.',
} as const;

/** The key of a word that names a setting (a field of a Win32 struct or of an entry). */
export type FieldKey = Extract<MessageKey, `field.${string}`>;

export type MessageKey = keyof typeof EN_MESSAGES;

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(EN_MESSAGES, key);
}

export function messageRef(key: MessageKey, params: MessageParams = {}): MessageRef {
  return { key, params };
}

/**
 * Fills a template: each `{{name}}` with its parameter, a nested one with its own message in
 * the same table. One pass, so a value that itself contains `{{…}}` (a file name) stays as it is.
 */
export function fillTemplate(
  table: Readonly<Record<string, string>>,
  key: string,
  params: MessageParams,
): string {
  const nested = NESTED_PARAMS[key] ?? [];
  return (table[key] ?? '').replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (nested.includes(name) && typeof value === 'string' && Object.hasOwn(table, value))
      return fillTemplate(table, value, params);
    return String(value);
  });
}

/** A message in English: the text kept for logs and the CLI. */
export function englishText(ref: MessageRef): string {
  return fillTemplate(EN_MESSAGES, ref.key, ref.params);
}
