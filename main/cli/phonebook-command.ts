// ras-connect phonebook list|show|create|edit|rename|copy|delete|import|export|check:
// managing entries from the command line, through the same service as the window.

import { parseArgs as parseOptions } from 'node:util';
import { defaultDevice, makeEntry, phoneNumber, type RasEntry } from '../../app/phonebook/entry';
import type { PhonebookService } from '../phonebook/phonebook-service';
import { describeEncoding } from '../ras/pbk-charset';
import { UsageError } from './args';
import { printable } from './output';
import {
  applySettingOptions,
  SETTING_OPTIONS,
  SETTING_OPTIONS_USAGE,
  type SettingValues,
} from './entry-options';
import { encryptionLevel, vpnStrategyName } from '../../app/phonebook/entry-settings';

export const PHONEBOOK_USAGE = `ras-connect phonebook COMMAND [/PHONEBOOK:file] [--encoding CP] [--json]

  list                         the entries, with type and number or server
  show ENTRY                   one entry's settings
  create ENTRY --type phone|vpn|broadband|direct --number N [--number N …] [options]
  edit ENTRY [--name NEW] [options]
  rename ENTRY NEW_NAME
  copy ENTRY                   as "Copy of ENTRY"
  delete ENTRY
  import FILE [ENTRY …] [--on-clash rename|replace|skip]   (default: rename)
  export FILE ENTRY … [--force] [--as pbk|powershell]
                               (--force: replace FILE when it exists; --as powershell: the
                               Add-VpnConnection commands that recreate VPN entries elsewhere)
  check FILE                   every problem with its line number; exit 0 only when clean

Options of create and edit: --number N (repeat for alternates), --device-type T,
--device-name NAME, --redial-attempts N, --redial-seconds N, --redial-on-link-failure yes|no,
--try-next-alternate yes|no, --promote-alternates yes|no, --eap TYPE_ID (0 = none),
--terminal yes|no, --callback none|caller|preset,
${SETTING_OPTIONS_USAGE}

--encoding CP: the code page of a phonebook (or FILE) that is not UTF-8, by number or name
(1251, cp1251, windows-1251, 936, gbk, …; auto). Default: the Legacy phonebook encoding
setting, else the system's on Windows, else detected. It is written back in the same one.
`;

const ENTRY_OPTIONS = {
  type: { type: 'string' },
  number: { type: 'string', multiple: true },
  name: { type: 'string' },
  'device-type': { type: 'string' },
  'device-name': { type: 'string' },
  'redial-attempts': { type: 'string' },
  'redial-seconds': { type: 'string' },
  'redial-on-link-failure': { type: 'string' },
  'try-next-alternate': { type: 'string' },
  'promote-alternates': { type: 'string' },
  eap: { type: 'string' },
  terminal: { type: 'string' },
  callback: { type: 'string' },
  'on-clash': { type: 'string' },
  as: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  ...SETTING_OPTIONS,
} as const;

type Values = ReturnType<
  typeof parseOptions<{ options: typeof ENTRY_OPTIONS; allowPositionals: true }>
>['values'];

function yesNo(value: string | undefined, option: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(yes|true|1|on)$/i.test(value)) return true;
  if (/^(no|false|0|off)$/i.test(value)) return false;
  throw new UsageError(`--${option} takes yes or no, not "${value}".`);
}

function whole(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${option} takes a whole number, not "${value}".`);
  return Number(value);
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${option} is one of ${allowed.join(', ')}.`);
  return value as T;
}

/** The entry with every option given applied; options not given keep what it had. */
function applyOptions(base: RasEntry, v: Values): { entry: RasEntry; preSharedKey?: string } {
  const type = oneOf(v.type, ['phone', 'vpn', 'broadband', 'direct', 'internet'] as const, 'type');
  const entry: RasEntry = {
    ...base,
    ...(type && type !== base.type ? { type, ...defaultDevice(type) } : {}),
  };
  if (v.name !== undefined) entry.name = v.name;
  if (v.number)
    entry.phoneNumbers = v.number.map((n, i) => ({
      ...(base.phoneNumbers[i] ?? phoneNumber(n)),
      number: n,
    }));
  if (v['device-type'] !== undefined) entry.deviceType = v['device-type'];
  if (v['device-name'] !== undefined) entry.deviceName = v['device-name'];
  entry.redialAttempts = whole(v['redial-attempts'], 'redial-attempts') ?? entry.redialAttempts;
  entry.redialSeconds = whole(v['redial-seconds'], 'redial-seconds') ?? entry.redialSeconds;
  entry.eapTypeId = whole(v.eap, 'eap') ?? entry.eapTypeId;
  entry.redialOnLinkFailure =
    yesNo(v['redial-on-link-failure'], 'redial-on-link-failure') ?? entry.redialOnLinkFailure;
  entry.tryNextAlternateOnFail =
    yesNo(v['try-next-alternate'], 'try-next-alternate') ?? entry.tryNextAlternateOnFail;
  entry.promoteAlternates =
    yesNo(v['promote-alternates'], 'promote-alternates') ?? entry.promoteAlternates;
  entry.terminalAfterDial = yesNo(v.terminal, 'terminal') ?? entry.terminalAfterDial;
  entry.callbackMode =
    oneOf(v.callback, ['none', 'caller', 'preset'] as const, 'callback') ?? entry.callbackMode;
  return applySettingOptions(entry, v as SettingValues);
}

function describe(entry: RasEntry): string[] {
  const [first, ...alternates] = entry.phoneNumbers;
  return [
    `Entry:            ${entry.name}`,
    `Type:             ${entry.type}`,
    `Device:           ${entry.deviceName} (${entry.deviceType})`,
    `${entry.type === 'vpn' ? 'Server' : 'Number'}:           ${first?.number ?? ''}`,
    ...alternates.map((n, i) => `Alternate ${i + 1}:      ${n.number}`),
    `Try alternates:   ${entry.tryNextAlternateOnFail ? 'yes' : 'no'}${entry.promoteAlternates ? ', promote the one that works' : ''}`,
    `Redial:           ${entry.redialAttempts} times, every ${entry.redialSeconds} s${entry.redialOnLinkFailure ? ', also when the link drops' : ''}`,
    `Callback:         ${entry.callbackMode}`,
    `EAP:              ${entry.eapTypeId === 0 ? 'none' : entry.eapTypeId}`,
    `Terminal window:  ${entry.terminalAfterDial ? 'yes' : 'no'}`,
    ...(entry.type === 'vpn'
      ? [
          `VPN strategy:     ${vpnStrategyName(entry.vpnStrategy) ?? 'other'} (${entry.vpnStrategy})`,
          `Pre-shared key:   ${entry.usePreSharedKey ? 'yes' : 'no'}`,
          `IKEv2 mobility:   ${entry.ikev2Mobility ? `yes, outage time ${entry.networkOutageSeconds} s` : 'no'}`,
        ]
      : []),
    `Encryption:       ${encryptionLevel(entry.encryption) ?? 'other'} (${entry.encryption})`,
    `Sign-in:          ${[...(entry.eapTypeId > 0 ? ['EAP'] : []), ...entry.authProtocols].join(', ') || 'none'}`,
    `Windows logon:    ${entry.useWindowsLogon ? 'yes' : 'no'}`,
    `Idle hang-up:     ${entry.idleDisconnectSeconds === 0xffffffff ? 'never' : entry.idleDisconnectSeconds === 0 ? 'Windows default' : `${entry.idleDisconnectSeconds} s`}`,
    `DNS suffix:       ${entry.dnsSuffix || '(none)'}${entry.registerInDns ? ', registered in DNS' : ''}`,
    `Metric:           IPv4 ${entry.ipv4Metric || 'automatic'}, IPv6 ${entry.ipv6Metric || 'automatic'}`,
    `Class-based route: ${entry.disableClassBasedRoute ? 'no' : 'yes'}`,
  ];
}

/** Saves a pre-shared key given with --psk ('' forgets it), keeping the saved user name. */
async function savePreSharedKey(
  service: PhonebookService,
  phonebook: string | undefined,
  name: string,
  preSharedKey: string | undefined,
): Promise<void> {
  if (preSharedKey === undefined) return;
  const { credentials } = await service.get(phonebook, name);
  await service.setCredentials(phonebook, name, {
    userName: credentials.userName,
    domain: credentials.domain,
    preSharedKey,
  });
}

export interface PhonebookIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Runs a phonebook command; resolves with the exit status. */
export async function runPhonebookCommand(
  argv: readonly string[],
  service: PhonebookService,
  phonebook: string | undefined,
  io: PhonebookIo,
): Promise<number> {
  const { values, positionals } = parseOptions({
    args: [...argv],
    options: ENTRY_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  const json = values.json === true;
  const need = (count: number, what: string): string[] => {
    if (rest.length < count) throw new UsageError(`phonebook ${command} needs ${what}.`);
    return rest;
  };
  switch (command) {
    case 'list': {
      const entries = await service.list(phonebook);
      if (json) for (const e of entries) io.stdout(JSON.stringify(e));
      else
        for (const e of entries)
          // Escaped before it is padded, so that the columns line up (the CLI escapes every line).
          io.stdout(`${printable(e.name).padEnd(36)} ${e.type.padEnd(10)} ${e.destination}`);
      return 0;
    }
    case 'show': {
      const [name] = need(1, 'an entry name');
      const { entry, credentials } = await service.get(phonebook, name!);
      if (json) io.stdout(JSON.stringify({ entry, credentials }));
      else
        for (const line of [
          ...describe(entry),
          `Saved user name:  ${credentials.userName || '(none)'}`,
          `Saved password:   ${credentials.hasPassword ? 'yes' : 'no'}`,
          ...(entry.type === 'vpn'
            ? [`Saved key:        ${credentials.hasPreSharedKey ? 'yes' : 'no'}`]
            : []),
        ])
          io.stdout(line);
      return 0;
    }
    case 'create': {
      const [name] = need(1, 'an entry name');
      const type = oneOf(
        values.type,
        ['phone', 'vpn', 'broadband', 'direct', 'internet'] as const,
        'type',
      );
      if (!type) throw new UsageError('phonebook create needs --type phone|vpn|broadband|direct.');
      const { entry, preSharedKey } = applyOptions(makeEntry(name!, type, values.number ?? []), {
        ...values,
        type: undefined,
      });
      await service.create(phonebook, entry);
      await savePreSharedKey(service, phonebook, entry.name, preSharedKey);
      if (!json) io.stdout(`Created "${entry.name}".`);
      return 0;
    }
    case 'edit': {
      const [name] = need(1, 'an entry name');
      // A wrong option is a usage error (exit 2) whether or not the entry exists: check the
      // options on a blank entry before the phonebook is read.
      applyOptions(makeEntry(name!, 'phone', []), values);
      const { entry, revision } = await service.get(phonebook, name!);
      const { entry: edited, preSharedKey } = applyOptions(entry, values);
      // The key first: where it cannot be kept safely, the entry is not changed either.
      await savePreSharedKey(service, phonebook, entry.name, preSharedKey);
      await service.update(phonebook, entry.name, edited, revision);
      if (!json) io.stdout(`Saved "${edited.name}".`);
      return 0;
    }
    case 'rename': {
      const [from, to] = need(2, 'the entry name and the new name');
      await service.rename(phonebook, from!, to!);
      if (!json) io.stdout(`Renamed "${from}" to "${to}".`);
      return 0;
    }
    case 'copy': {
      const [name] = need(1, 'an entry name');
      const copy = await service.copy(phonebook, name!);
      io.stdout(json ? JSON.stringify({ copy }) : `Copied "${name}" as "${copy}".`);
      return 0;
    }
    case 'delete': {
      const [name] = need(1, 'an entry name');
      await service.delete(phonebook, name!);
      if (!json) io.stdout(`Deleted "${name}".`);
      return 0;
    }
    case 'import': {
      const [file, ...names] = need(1, 'the file to import from');
      const clash =
        oneOf(values['on-clash'], ['rename', 'replace', 'skip'] as const, 'on-clash') ?? 'rename';
      const result = await service.import(phonebook, file!, names.length > 0 ? names : null, clash);
      if (json) io.stdout(JSON.stringify(result));
      else {
        for (const i of result.imported)
          io.stdout(
            i.from === i.as ? `Imported "${i.from}".` : `Imported "${i.from}" as "${i.as}".`,
          );
        for (const s of result.skipped) io.stdout(`Skipped "${s}": an entry of that name exists.`);
      }
      return 0;
    }
    case 'export': {
      const [file, ...names] = need(2, 'the file and at least one entry');
      const as = oneOf(values.as, ['pbk', 'powershell'] as const, 'as') ?? 'pbk';
      const count = await service.export(phonebook, names, file!, {
        overwrite: values.force === true,
        as,
      });
      if (!json) io.stdout(`Exported ${count} ${count === 1 ? 'entry' : 'entries'} to ${file}.`);
      return 0;
    }
    case 'check': {
      const [file] = need(1, 'the file to check');
      const result = await service.check(file!);
      // A file that is not UTF-8 says which code page it was read in, and why that one.
      const readAs =
        result.encoding === 'utf-8'
          ? ''
          : `read as ${describeEncoding(result.encoding, result.encodingSource)}`;
      if (json) io.stdout(JSON.stringify(result));
      else if (result.problems.length === 0)
        io.stdout(`${file}: ${result.entries} entries, no problems${readAs && `; ${readAs}`}.`);
      else {
        for (const p of result.problems) io.stdout(`${file}:${p.line}: ${p.message}`);
        if (readAs) io.stdout(`${file}: ${readAs}.`);
      }
      return result.problems.length === 0 ? 0 : 1;
    }
    default:
      throw new UsageError(
        command === undefined
          ? 'phonebook needs a command.'
          : `Unknown phonebook command "${command}".`,
      );
  }
}
