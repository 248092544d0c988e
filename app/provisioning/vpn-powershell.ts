// A VPN entry as the PowerShell an administrator runs on another machine, and back:
// - `entryToPowerShell`: Add-VpnConnection with what its parameters can say, then the phonebook
//   keys the cmdlets cannot set, written into the entry's section as rasphone writes them (a
//   small function the script defines), and the matching `ras-connect phonebook create` line.
// - `powerShellToEntry`: reads such a script, or any pasted Add-VpnConnection line (named,
//   abbreviated, aliased or positional parameters), into the entry it would create, with a note
//   for everything it says that a phonebook entry cannot hold. Never a secret in the output: a
//   pre-shared key is asked for by the script (Read-Host), and one pasted in is returned apart.

import { makeEntry, sectionToEntry, type RasEntry } from '../phonebook/entry';
import { entryBlocks, findKey } from '../phonebook/pbk-blocks';
import type { PbkSection } from '../phonebook/pbk-codec';
import {
  AUTH_EAP,
  AUTH_PROTOCOLS,
  IKEV2_STRATEGIES,
  allSettingKeys,
  changedSettingKeys,
  DATA_ENCRYPTION,
  encryptionLevel,
  readSettings,
  SETTING_KEYS,
  VPN_STRATEGIES,
  vpnStrategyName,
  type AuthProtocol,
  type EntrySettings,
} from '../phonebook/entry-settings';
import { messageRef, type MessageRef } from '../ras/app-messages';
import { AppError } from '../ras/errors';
import {
  parsePowerShell,
  psQuote,
  PsSyntaxError,
  type PsCommand,
  type PsValue,
} from './powershell-words';
import {
  AUTH_METHOD_NAMES,
  CMDLET_DEFAULTS,
  DEFAULT_EAP_TYPE,
  ENCRYPTION_LEVEL_NAMES,
  oneOf,
  resolveParameter,
  TUNNEL_TYPES,
  VPN_POSITIONS,
  VPN_SWITCHES,
  type TunnelType,
} from './vpn-cmdlets';

/** The helper the script defines to set one key in the entry's phonebook section. */
export const SET_KEY_COMMAND = 'Set-RasPhonebookKey';

/** Entry keys besides the settings table that the script may carry. */
const OTHER_KEYS = ['RedialAttempts', 'RedialSeconds', 'RedialOnLinkFailure', 'CustomAuthKey'];

export interface ImportedEntry {
  entry: RasEntry;
  /** A pre-shared key written in the pasted text, to be saved like a password; never shown. */
  preSharedKey: string | null;
  /** The text adds the entry for all users (-AllUserConnection). */
  allUsers: boolean;
  /** Asked to stay connected (ProfileXML's AlwaysOn): the window offers Keep connected. */
  keepConnected: boolean;
  /** What the text says that the entry does not take, each in words. */
  notes: MessageRef[];
}

export interface PowerShellOptions {
  /** The entry lives in the all-users phonebook: the script adds it there too. */
  allUsers?: boolean;
}

const tunnelFor = (strategy: number): TunnelType | undefined =>
  (Object.keys(TUNNEL_TYPES) as TunnelType[]).find((t) => TUNNEL_TYPES[t] === strategy);

/** The entry Add-VpnConnection makes from these parameter values, before any key is set. */
function cmdletEntry(
  name: string,
  server: string,
  settings: Partial<EntrySettings>,
  eap: number,
): RasEntry {
  return makeEntry(name, 'vpn', [server], {
    ...CMDLET_DEFAULTS,
    ...settings,
    eapTypeId: eap,
  });
}

/** The part of an entry the cmdlets' parameters can say; the rest goes into keys. */
function parametersOf(entry: RasEntry): {
  args: string[];
  settings: Partial<EntrySettings>;
  eap: number;
} {
  const args: string[] = [];
  const settings: Partial<EntrySettings> = {};
  const tunnel = tunnelFor(entry.vpnStrategy);
  if (tunnel) {
    args.push(`-TunnelType ${tunnel}`);
    settings.vpnStrategy = entry.vpnStrategy;
  }
  const level = encryptionLevel(entry.encryption);
  if (level) {
    args.push(`-EncryptionLevel ${ENCRYPTION_LEVEL_NAMES[level]}`);
    settings.encryption = entry.encryption;
  }
  let eap = 0;
  if (entry.eapTypeId > 0) {
    // The cmdlet takes Eap alone: the other protocols and a type other than its default go
    // into keys.
    args.push('-AuthenticationMethod Eap');
    settings.authProtocols = [];
    eap = DEFAULT_EAP_TYPE;
  } else if (entry.authProtocols.length > 0) {
    args.push(
      `-AuthenticationMethod ${entry.authProtocols.map((p) => AUTH_METHOD_NAMES[p]).join(',')}`,
    );
    settings.authProtocols = entry.authProtocols;
  }
  if (!entry.useRemoteGateway) args.push('-SplitTunneling');
  settings.useRemoteGateway = entry.useRemoteGateway;
  if (entry.dnsSuffix) {
    args.push(`-DnsSuffix ${psQuote(entry.dnsSuffix)}`);
    settings.dnsSuffix = entry.dnsSuffix;
  }
  // 0 is Windows' global idle setting and 0xFFFFFFFF "never": neither is a number of seconds.
  if (entry.idleDisconnectSeconds > 0 && entry.idleDisconnectSeconds < 0xffffffff) {
    args.push(`-IdleDisconnectSeconds ${entry.idleDisconnectSeconds}`);
    settings.idleDisconnectSeconds = entry.idleDisconnectSeconds;
  }
  if (entry.useWindowsLogon) {
    args.push('-UseWinlogonCredential');
    settings.useWindowsLogon = true;
  }
  // -L2tpPsk is L2TP's; an IKEv2 entry's key choice goes into keys (its key is a credential).
  if (entry.usePreSharedKey && !IKEV2_STRATEGIES.includes(entry.vpnStrategy)) {
    args.push('-L2tpPsk $psk -Force');
    settings.usePreSharedKey = true;
  }
  return { args, settings, eap };
}

/** The keys (name, value) the script sets after Add-VpnConnection, for what it could not say. */
function extraKeys(
  entry: RasEntry,
  made: RasEntry,
  get: (key: string) => string | undefined,
): [string, string][] {
  const keys = changedSettingKeys(made, entry, get).map(([key, value]): [string, string] =>
    // The settings table leaves the EAP bit to the EAP type: an EAP entry keeps it.
    key === 'AuthRestrictions' && entry.eapTypeId > 0
      ? [key, String((Number.parseInt(value, 10) | AUTH_EAP) >>> 0)]
      : [key, value],
  );
  if (entry.eapTypeId !== made.eapTypeId) keys.push(['CustomAuthKey', String(entry.eapTypeId)]);
  if (entry.redialAttempts !== made.redialAttempts)
    keys.push(['RedialAttempts', String(entry.redialAttempts)]);
  if (entry.redialSeconds !== made.redialSeconds)
    keys.push(['RedialSeconds', String(entry.redialSeconds)]);
  if (entry.redialOnLinkFailure !== made.redialOnLinkFailure)
    keys.push(['RedialOnLinkFailure', entry.redialOnLinkFailure ? '1' : '0']);
  return keys;
}

// The helper the script defines: sets Key=Value among the entry-level keys of [Entry] (before
// its first MEDIA= line, where rasphone keeps them), keeping the file's encoding and every
// other line as it is. A file in a legacy ANSI code page is not UTF-8: decoding it throws
// (throwOnInvalidBytes) and nothing is written, rather than changing its other names' bytes.
// Written out once per script.
const SET_KEY_FUNCTION = `function ${SET_KEY_COMMAND} {
  param([string]$Entry, [string]$Key, [string]$Value, [switch]$AllUsers)
  $root = if ($AllUsers) { $env:ProgramData } else { $env:APPDATA }
  $pbk = Join-Path $root 'Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk'
  $bytes = [System.IO.File]::ReadAllBytes($pbk)
  $bom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
  $encoding = New-Object System.Text.UTF8Encoding($bom, $true)
  $lines = [System.Collections.Generic.List[string]]($encoding.GetString($bytes).TrimStart([char]0xFEFF) -split "\`r\`n")
  $start = $lines.IndexOf("[$Entry]")
  if ($start -lt 0) { throw "No entry [$Entry] in $pbk" }
  $end = $start + 1
  while ($end -lt $lines.Count -and -not $lines[$end].StartsWith('[')) { $end++ }
  $at = $end
  for ($i = $start + 1; $i -lt $end; $i++) {
    if ($lines[$i].StartsWith("$Key=")) { $lines[$i] = "$Key=$Value"; $at = -1; break }
    if ($lines[$i].StartsWith('MEDIA=')) { $at = $i; break }
  }
  if ($at -ge 0) { $lines.Insert($at, "$Key=$Value") }
  [System.IO.File]::WriteAllText($pbk, ($lines -join "\`r\`n"), $encoding)
}`;

/** The PowerShell that recreates a VPN entry on another machine. */
export function entryToPowerShell(
  entry: RasEntry,
  options: PowerShellOptions = {},
  /** The entry's keys as its phonebook holds them, so bits this app does not own are kept. */
  get: (key: string) => string | undefined = () => undefined,
): string {
  if (entry.type !== 'vpn')
    throw new AppError('INVALID_INPUT', messageRef('provision.notVpn', { entry: entry.name }));
  const server = entry.phoneNumbers[0]?.number ?? '';
  const { args, settings, eap } = parametersOf(entry);
  const made = cmdletEntry(entry.name, server, settings, eap);
  const keys = extraKeys(entry, made, get);
  const all = options.allUsers ? ' -AllUserConnection' : '';
  const lines = [
    `# ${entry.name}: recreated with the VpnClient cmdlets (written by RAS Connect).`,
    ...(entry.usePreSharedKey && !IKEV2_STRATEGIES.includes(entry.vpnStrategy)
      ? [`$psk = Read-Host -Prompt ${psQuote(`Pre-shared key of ${entry.name}`)}`]
      : []),
    ...(entry.usePreSharedKey && IKEV2_STRATEGIES.includes(entry.vpnStrategy)
      ? [
          '# The pre-shared key of an IKEv2 entry is not a phonebook key: type it in the',
          "# connection's properties (Security tab) after running this.",
        ]
      : []),
    [
      `Add-VpnConnection -Name ${psQuote(entry.name)} -ServerAddress ${psQuote(server)}`,
      ...args,
    ].join(' ') + all,
  ];
  if (keys.length > 0)
    lines.push(
      '',
      '# What the cmdlets cannot set, in the phonebook keys rasphone writes:',
      SET_KEY_FUNCTION,
      ...keys.map(
        ([key, value]) =>
          `${SET_KEY_COMMAND} -Entry ${psQuote(entry.name)} -Key ${key} -Value ${psQuote(value)}${options.allUsers ? ' -AllUsers' : ''}`,
      ),
    );
  lines.push('', '# The same entry with RAS Connect:', `# ${entryToCreateLine(entry)}`);
  return lines.join('\r\n') + '\r\n';
}

/** A shell word for the ras-connect line: quoted when it needs to be (POSIX and PowerShell alike). */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : psQuote(text);
}

/** `ras-connect phonebook create …` with every option that differs from a new entry's. */
export function entryToCreateLine(entry: RasEntry): string {
  const fresh = makeEntry(entry.name, entry.type, []);
  const out = [
    'ras-connect',
    'phonebook',
    'create',
    shellWord(entry.name),
    '--type',
    entry.type === 'phone' ? 'phone' : entry.type,
  ];
  for (const n of entry.phoneNumbers) out.push('--number', shellWord(n.number));
  const kebab = (name: string) =>
    name.replace(
      /[A-Z0-9]/g,
      (c, i: number) => (i > 0 && /[A-Z]/.test(c) ? '-' : '') + c.toLowerCase(),
    );
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const option = (name: string, value: string) => out.push(`--${name}`, shellWord(value));
  if (entry.vpnStrategy !== fresh.vpnStrategy) {
    const name = vpnStrategyName(entry.vpnStrategy);
    option('vpn-strategy', name ? kebab(name) : String(entry.vpnStrategy));
  }
  if (entry.encryption !== fresh.encryption)
    option('encryption', encryptionLevel(entry.encryption) ?? String(entry.encryption));
  if (entry.authProtocols.join() !== fresh.authProtocols.join())
    option('auth', entry.authProtocols.join(','));
  if (entry.eapTypeId !== fresh.eapTypeId) option('eap', String(entry.eapTypeId));
  if (entry.idleDisconnectSeconds !== fresh.idleDisconnectSeconds)
    option(
      'idle-seconds',
      entry.idleDisconnectSeconds === 0xffffffff ? 'never' : String(entry.idleDisconnectSeconds),
    );
  if (entry.useWindowsLogon !== fresh.useWindowsLogon)
    option('windows-logon', yes(entry.useWindowsLogon));
  if (entry.dnsSuffix !== fresh.dnsSuffix) option('dns-suffix', entry.dnsSuffix);
  if (entry.registerInDns !== fresh.registerInDns) option('register-dns', yes(entry.registerInDns));
  if (entry.ipv4Metric !== fresh.ipv4Metric) option('ipv4-metric', String(entry.ipv4Metric));
  if (entry.ipv6Metric !== fresh.ipv6Metric) option('ipv6-metric', String(entry.ipv6Metric));
  if (entry.disableClassBasedRoute !== fresh.disableClassBasedRoute)
    option('class-based-route', yes(!entry.disableClassBasedRoute));
  if (entry.usePreSharedKey !== fresh.usePreSharedKey)
    option('use-psk', yes(entry.usePreSharedKey));
  if (entry.ikev2Mobility !== fresh.ikev2Mobility) option('mobility', yes(entry.ikev2Mobility));
  if (entry.networkOutageSeconds !== fresh.networkOutageSeconds)
    option('outage-seconds', String(entry.networkOutageSeconds));
  if (entry.redialAttempts !== fresh.redialAttempts)
    option('redial-attempts', String(entry.redialAttempts));
  if (entry.redialSeconds !== fresh.redialSeconds)
    option('redial-seconds', String(entry.redialSeconds));
  if (entry.redialOnLinkFailure !== fresh.redialOnLinkFailure)
    option('redial-on-link-failure', yes(entry.redialOnLinkFailure));
  return out.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Reading a script back.

function fail(
  line: number,
  key: Parameters<typeof messageRef>[0],
  params: Record<string, string | number> = {},
): never {
  throw new AppError('INVALID_INPUT', messageRef(key, { line, ...params }));
}

function text(value: PsValue | undefined, line: number, parameter: string): string {
  if (value?.kind === 'string') return value.text;
  if (value?.kind === 'list' && value.items.length === 1)
    return text(value.items[0], line, parameter);
  return fail(line, 'provision.needsText', { parameter });
}

function texts(value: PsValue, line: number, parameter: string): string[] {
  return value.kind === 'list'
    ? value.items.map((v) => text(v, line, parameter))
    : [text(value, line, parameter)];
}

/** A command's arguments bound to parameter names as PowerShell binds them. */
function bind(command: PsCommand, positions: readonly string[]): Map<string, PsValue | true> {
  const bound = new Map<string, PsValue | true>();
  const free: PsValue[] = [];
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.kind === 'value') {
      free.push(arg.value);
      continue;
    }
    const name = resolveParameter(arg.name);
    if (name === undefined)
      fail(command.line, 'provision.unknownParameter', {
        command: command.name,
        parameter: arg.name,
      });
    if (Array.isArray(name))
      fail(command.line, 'provision.ambiguousParameter', {
        parameter: arg.name,
        candidates: name.map((n) => `-${n}`).join(', '),
      });
    if (bound.has(name)) fail(command.line, 'provision.twice', { parameter: name });
    if (arg.value !== undefined) bound.set(name, arg.value);
    else if (VPN_SWITCHES.has(name)) bound.set(name, true);
    else {
      const next = args[i + 1];
      if (next?.kind !== 'value') fail(command.line, 'provision.needsText', { parameter: name });
      bound.set(name, next.value);
      i++;
    }
  }
  const open = positions.filter((p) => !bound.has(p));
  free.forEach((value, i) => {
    const name = open[i];
    if (!name)
      fail(command.line, 'provision.extraValue', {
        value: value.kind === 'string' ? value.text : '…',
      });
    bound.set(name, value);
  });
  return bound;
}

function switchOn(value: PsValue | true | undefined): boolean {
  if (value === undefined) return false;
  if (value === true) return true;
  return value.kind === 'bool'
    ? value.value
    : value.kind === 'string'
      ? /^(true|1)$/i.test(value.text)
      : false;
}

function choice<T extends string>(
  value: PsValue | true | undefined,
  names: readonly T[],
  line: number,
  parameter: string,
): T | undefined {
  if (value === undefined || value === true) return undefined;
  const typed = text(value, line, parameter);
  const found = oneOf(typed, names);
  if (!found)
    fail(line, 'provision.badValue', { parameter, value: typed, allowed: names.join(', ') });
  return found;
}

interface Pending {
  name: string;
  server: string;
  settings: Partial<EntrySettings>;
  eap: number;
  keys: Map<string, string>;
  preSharedKey: string | null;
  allUsers: boolean;
  notes: MessageRef[];
}

/** Applies Add-VpnConnection's or Set-VpnConnection's parameters. */
function applyVpnParameters(p: Pending, bound: Map<string, PsValue | true>, line: number): void {
  const tunnel = choice(
    bound.get('TunnelType'),
    Object.keys(TUNNEL_TYPES) as TunnelType[],
    line,
    'TunnelType',
  );
  if (tunnel) p.settings.vpnStrategy = TUNNEL_TYPES[tunnel];
  const levels = ['NoEncryption', 'Optional', 'Required', 'Maximum', 'Custom'] as const;
  const level = choice(bound.get('EncryptionLevel'), levels, line, 'EncryptionLevel');
  if (level === 'Custom') {
    p.settings.encryption = DATA_ENCRYPTION.required;
    p.notes.push(messageRef('provision.note.customEncryption', { line }));
  } else if (level) {
    const byName = {
      NoEncryption: 'none',
      Optional: 'optional',
      Required: 'required',
      Maximum: 'maximum',
    } as const;
    p.settings.encryption = DATA_ENCRYPTION[byName[level]];
  }
  const auth = bound.get('AuthenticationMethod');
  if (auth !== undefined && auth !== true) {
    const methods = ['Pap', 'Chap', 'MSChapv2', 'Eap', 'MachineCertificate'] as const;
    const chosen = texts(auth, line, 'AuthenticationMethod').map((m) => {
      const found = oneOf(m, methods);
      if (!found)
        fail(line, 'provision.badValue', {
          parameter: 'AuthenticationMethod',
          value: m,
          allowed: methods.join(', '),
        });
      return found;
    });
    const byName: Record<string, AuthProtocol> = { Pap: 'pap', Chap: 'chap', MSChapv2: 'mschapv2' };
    // In the model's order, as an entry read from its phonebook lists them.
    p.settings.authProtocols = AUTH_PROTOCOLS.filter((a) => chosen.some((m) => byName[m] === a));
    p.eap = chosen.includes('Eap') ? DEFAULT_EAP_TYPE : 0;
    if (chosen.includes('MachineCertificate'))
      p.notes.push(messageRef('provision.note.machineCertificate', { line }));
  }
  if (bound.has('SplitTunneling'))
    p.settings.useRemoteGateway = !switchOn(bound.get('SplitTunneling'));
  if (bound.has('UseWinlogonCredential'))
    p.settings.useWindowsLogon = switchOn(bound.get('UseWinlogonCredential'));
  if (bound.has('AllUserConnection')) p.allUsers = switchOn(bound.get('AllUserConnection'));
  const suffix = bound.get('DnsSuffix');
  if (suffix !== undefined && suffix !== true)
    p.settings.dnsSuffix = text(suffix, line, 'DnsSuffix');
  const idle = bound.get('IdleDisconnectSeconds');
  if (idle !== undefined && idle !== true) {
    const typed = text(idle, line, 'IdleDisconnectSeconds');
    if (!/^\d+$/.test(typed) || Number(typed) > 0xffffffff)
      fail(line, 'provision.badValue', {
        parameter: 'IdleDisconnectSeconds',
        value: typed,
        allowed: '0–4294967295',
      });
    p.settings.idleDisconnectSeconds = Number(typed);
  }
  const psk = bound.get('L2tpPsk');
  if (psk !== undefined && psk !== true) {
    p.settings.usePreSharedKey = true;
    if (psk.kind === 'variable')
      p.notes.push(messageRef('provision.note.pskVariable', { line, name: psk.name }));
    else p.preSharedKey = text(psk, line, 'L2tpPsk');
  }
  const eapXml = bound.get('EapConfigXmlStream');
  if (eapXml !== undefined && eapXml !== true)
    p.notes.push(messageRef('provision.note.eapConfig', { line }));
  if (bound.has('ServerList'))
    p.notes.push(messageRef('provision.note.serverList', { line, server: p.server }));
  if (
    bound.has('PlugInApplicationID') ||
    bound.has('CustomConfiguration') ||
    bound.has('ThirdPartyVpn')
  )
    fail(line, 'provision.plugIn');
}

/** Reads pasted PowerShell (an Add-VpnConnection line, or a script this app wrote) into an entry. */
export function powerShellToEntry(script: string): ImportedEntry {
  let commands: PsCommand[];
  try {
    commands = parsePowerShell(script);
  } catch (error) {
    if (error instanceof PsSyntaxError)
      throw new AppError(
        'INVALID_INPUT',
        messageRef('provision.syntax', { line: error.line, problem: error.problem }),
      );
    throw error;
  }
  const adds = commands.filter((c) => c.name.toLowerCase() === 'add-vpnconnection');
  if (adds.length === 0) throw new AppError('INVALID_INPUT', messageRef('provision.noAdd'));
  if (adds.length > 1)
    throw new AppError('INVALID_INPUT', messageRef('provision.manyAdds', { count: adds.length }));
  const add = adds[0]!;
  const bound = bind(add, VPN_POSITIONS);
  const name = bound.get('Name');
  const server = bound.get('ServerAddress');
  if (name === undefined || name === true)
    fail(add.line, 'provision.missing', { parameter: 'Name' });
  if (server === undefined || server === true)
    fail(add.line, 'provision.missing', { parameter: 'ServerAddress' });
  const p: Pending = {
    name: text(name, add.line, 'Name'),
    server: text(server, add.line, 'ServerAddress'),
    settings: {},
    eap: 0,
    keys: new Map(),
    preSharedKey: null,
    allUsers: false,
    notes: [],
  };
  applyVpnParameters(p, bound, add.line);

  const sameEntry = (value: PsValue | true | undefined, line: number) =>
    value !== undefined &&
    value !== true &&
    text(value, line, 'Name').toLowerCase() === p.name.toLowerCase();
  for (const command of commands) {
    if (command === add) continue;
    const verb = command.name.toLowerCase();
    if (verb === SET_KEY_COMMAND.toLowerCase()) {
      const args = bindPlain(command, ['Entry', 'Key', 'Value', 'AllUsers']);
      if (!sameEntry(args.get('Entry'), command.line)) {
        p.notes.push(
          messageRef('provision.note.otherEntry', { line: command.line, command: command.name }),
        );
        continue;
      }
      const key = text(args.get('Key') as PsValue, command.line, 'Key');
      const value = text(args.get('Value') as PsValue, command.line, 'Value');
      if (SETTING_KEYS.includes(key) || OTHER_KEYS.includes(key)) p.keys.set(key, value);
      else p.notes.push(messageRef('provision.note.unknownKey', { line: command.line, key }));
    } else if (verb === 'set-vpnconnection') {
      const args = bind(command, ['Name', 'ServerAddress']);
      if (!sameEntry(args.get('Name'), command.line)) {
        p.notes.push(
          messageRef('provision.note.otherEntry', { line: command.line, command: command.name }),
        );
        continue;
      }
      const newServer = args.get('ServerAddress');
      if (newServer !== undefined && newServer !== true)
        p.server = text(newServer, command.line, 'ServerAddress');
      applyVpnParameters(p, args, command.line);
    } else if (verb === 'add-vpnconnectionroute') {
      const args = bindPlain(command, ['ConnectionName', 'DestinationPrefix']);
      const prefix = args.get('DestinationPrefix');
      p.notes.push(
        messageRef('provision.note.route', {
          line: command.line,
          prefix: prefix && prefix !== true && prefix.kind === 'string' ? prefix.text : '?',
        }),
      );
    } else if (verb === 'set-vpnconnectionipsecconfiguration') {
      p.notes.push(messageRef('provision.note.ipsec', { line: command.line }));
    } else if (verb === 'read-host' && command.assignTo) {
      // `$psk = Read-Host …`: the value is typed when the script runs; the note on -L2tpPsk says so.
    } else {
      p.notes.push(
        messageRef('provision.note.otherCommand', { line: command.line, command: command.name }),
      );
    }
  }
  return finish(p);
}

/** Binds a command that is not one of the VPN cmdlets: names matched whole or by prefix. */
function bindPlain(command: PsCommand, names: readonly string[]): Map<string, PsValue | true> {
  const table = Object.fromEntries(names.map((n) => [n, [] as string[]]));
  const bound = new Map<string, PsValue | true>();
  const free: PsValue[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    if (arg.kind === 'value') {
      free.push(arg.value);
      continue;
    }
    const name = resolveParameter(arg.name, table);
    if (typeof name !== 'string')
      fail(command.line, 'provision.unknownParameter', {
        command: command.name,
        parameter: arg.name,
      });
    const next = command.args[i + 1];
    if (arg.value !== undefined) bound.set(name, arg.value);
    else if (next?.kind === 'value') {
      bound.set(name, next.value);
      i++;
    } else bound.set(name, true);
  }
  const open = names.filter((n) => !bound.has(n));
  free.forEach((value, i) => open[i] && bound.set(open[i]!, value));
  return bound;
}

/** The entry the cmdlet's parameters make, with the keys the script set on top. */
function finish(p: Pending): ImportedEntry {
  let entry = cmdletEntry(p.name, p.server, p.settings, p.eap);
  if (p.keys.size > 0) {
    const base = allSettingKeys(entry);
    const get = (key: string) => (p.keys.has(key) ? p.keys.get(key) : base.get(key));
    const number = (key: string, fallback: number) => {
      const v = Number.parseInt(p.keys.get(key) ?? '', 10);
      return Number.isFinite(v) ? v : fallback;
    };
    entry = {
      ...entry,
      ...readSettings(get),
      eapTypeId: p.keys.has('CustomAuthKey')
        ? number('CustomAuthKey', entry.eapTypeId)
        : entry.eapTypeId,
      redialAttempts: number('RedialAttempts', entry.redialAttempts),
      redialSeconds: number('RedialSeconds', entry.redialSeconds),
      redialOnLinkFailure: p.keys.has('RedialOnLinkFailure')
        ? p.keys.get('RedialOnLinkFailure')!.trim() === '1'
        : entry.redialOnLinkFailure,
    };
  }
  if (entry.vpnStrategy === VPN_STRATEGIES.protocolList)
    p.notes.push(messageRef('provision.note.protocolList', {}));
  return {
    entry,
    preSharedKey: p.preSharedKey,
    allUsers: p.allUsers,
    keepConnected: false,
    notes: p.notes,
  };
}

/** The entry-level keys of a phonebook section (before its first MEDIA= line), first one wins. */
export function entryKeyReader(section: PbkSection): (key: string) => string | undefined {
  const end = entryBlocks(section).entryEnd;
  return (key) => {
    const at = findKey(section, key, 0, end);
    return at < 0 ? undefined : section.lines[at]!.value;
  };
}

/** The PowerShell for an entry as its phonebook holds it (bits it does not own are kept). */
export function sectionToPowerShell(section: PbkSection, options: PowerShellOptions = {}): string {
  return entryToPowerShell(sectionToEntry(section), options, entryKeyReader(section));
}
