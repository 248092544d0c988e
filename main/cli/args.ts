// The command line of ras-connect, compatible with rasdial.exe:
//   ras-connect                                    list active connections
//   ras-connect ENTRY [USER [PASSWORD|*]] [/DOMAIN:d] [/PHONE:n] [/CALLBACK:n] [/PHONEBOOK:file] [/PREFIXSUFFIX]
//   ras-connect [ENTRY] /DISCONNECT
// plus --answer, --json, --backend, --encoding and --hold. Switches are case-insensitive and
// may be abbreviated to any unambiguous prefix, as rasdial accepts /D for /DISCONNECT.

import {
  ENCODING_EXAMPLES,
  legacyEncodingByName,
  type LegacyEncodingChoice,
} from '../../app/phonebook/pbk-encoding';
import type { PausedAnswer } from '../ras/backend';
import type { BackendKind } from '../ras/create-backend';

export interface CommonOptions {
  json: boolean;
  backend?: BackendKind;
  phonebook?: string;
  /** The code page of a /PHONEBOOK: file that is not UTF-8 (--encoding). */
  encoding?: LegacyEncodingChoice;
}

export type CliCommand =
  | ({ kind: 'help' } & CommonOptions)
  | ({ kind: 'list' } & CommonOptions)
  | ({ kind: 'disconnect'; entry?: string } & CommonOptions)
  | ({
      kind: 'dial';
      entry: string;
      userName?: string;
      /** '*' = ask on the terminal. */
      password?: string;
      domain?: string;
      phoneNumber?: string;
      callbackNumber?: string;
      usePrefixSuffix: boolean;
      answers: PausedAnswer[];
      /** Lines typed, in order, in the terminal window of a dial paused in Interactive. */
      terminalLines: string[];
      holdSeconds?: number;
    } & CommonOptions);

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const VALUE_SWITCHES = ['DOMAIN', 'PHONE', 'CALLBACK', 'PHONEBOOK'] as const;
const FLAG_SWITCHES = ['DISCONNECT', 'PREFIXSUFFIX'] as const;
type ValueSwitch = (typeof VALUE_SWITCHES)[number];
type FlagSwitch = (typeof FLAG_SWITCHES)[number];

function matchSwitch<T extends string>(given: string, names: readonly T[]): T | null {
  const upper = given.toUpperCase();
  if (upper === '') return null;
  const exact = names.find((n) => n === upper);
  if (exact) return exact;
  const candidates = names.filter((n) => n.startsWith(upper));
  if (candidates.length > 1)
    throw new UsageError(
      `/${given} is ambiguous: it could be ${candidates.map((c) => `/${c}`).join(' or ')}.`,
    );
  return candidates[0] ?? null;
}

/** --encoding's value: a Windows code page by name or number (1251, cp1251, gbk…), or auto. */
export function parseEncoding(value: string): LegacyEncodingChoice {
  const given = value.trim();
  if (/^auto(matic)?$/i.test(given)) return 'automatic';
  const encoding = legacyEncodingByName(given);
  if (encoding) return encoding;
  if (/^(utf-?8|cp65001|65001)$/i.test(given))
    throw new UsageError(
      `--encoding names the code page of a phonebook that is not UTF-8; UTF-8 is recognized by itself. Code pages: ${ENCODING_EXAMPLES}.`,
    );
  throw new UsageError(
    `--encoding "${value}" is not a Windows code page: use one such as ${ENCODING_EXAMPLES}, or auto.`,
  );
}

/** `kind=value` of --answer → a paused-state answer, or a line for the terminal window. */
export function parseAnswer(spec: string): PausedAnswer | { kind: 'terminal'; line: string } {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new UsageError(`--answer needs KIND=VALUE, got "${spec}".`);
  const kind = spec.slice(0, eq).trim().toLowerCase();
  const value = spec.slice(eq + 1);
  switch (kind) {
    case 'callback':
      return { kind: 'callback', callbackNumber: value };
    case 'credentials': {
      const [userName, password, ...rest] = value.split(':');
      if (userName === undefined || password === undefined)
        throw new UsageError(
          '--answer credentials=USER:PASSWORD[:DOMAIN] needs a user and a password.',
        );
      return { kind: 'retry-authentication', userName, password, domain: rest.join(':') };
    }
    case 'new-password':
      if (value === '') throw new UsageError('--answer new-password=PW needs a password.');
      return { kind: 'new-password', password: value };
    case 'interactive':
      if (value.toLowerCase() !== 'done')
        throw new UsageError(
          '--answer interactive=done continues without the terminal; type its lines with terminal=LINE.',
        );
      return { kind };
    case 'eap': {
      if (value.toLowerCase() === 'done') return { kind };
      const colon = value.lastIndexOf(':');
      const userName = value.slice(0, colon).trim();
      const code = value.slice(colon + 1).trim();
      if (colon < 0 || userName === '' || code === '')
        throw new UsageError('--answer eap=USER:CODE (the token card) or eap=done.');
      return { kind, tokenCard: { userName, code } };
    }
    case 'terminal':
      if (/[\r\n]/.test(value))
        throw new UsageError('--answer terminal=LINE takes one line; repeat it for more.');
      return { kind: 'terminal', line: value };
    default:
      throw new UsageError(
        `Unknown --answer kind "${kind}" (callback, credentials, new-password, eap, interactive, terminal).`,
      );
  }
}

export function parseArgs(argv: readonly string[]): CliCommand {
  const positional: string[] = [];
  const values: Partial<Record<ValueSwitch, string>> = {};
  const flags = new Set<FlagSwitch>();
  const answers: PausedAnswer[] = [];
  const terminalLines: string[] = [];
  let json = false;
  let help = false;
  let backend: BackendKind | undefined;
  let encoding: LegacyEncodingChoice | undefined;
  let holdSeconds: number | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (long) {
      const name = long[1]!;
      const takeValue = (): string => {
        if (long[2] !== undefined) return long[2];
        const next = argv[++i];
        if (next === undefined) throw new UsageError(`--${name} needs a value.`);
        return next;
      };
      if (name === 'json') json = true;
      else if (name === 'help') help = true;
      else if (name === 'answer') {
        const answer = parseAnswer(takeValue());
        if (answer.kind === 'terminal') terminalLines.push(answer.line);
        else answers.push(answer);
      } else if (name === 'backend') {
        const b = takeValue();
        if (b !== 'simulated' && b !== 'win32')
          throw new UsageError(`--backend is simulated or win32, not "${b}".`);
        backend = b;
      } else if (name === 'encoding') encoding = parseEncoding(takeValue());
      else if (name === 'hold') {
        const s = Number(takeValue());
        if (!Number.isFinite(s) || s < 0) throw new UsageError('--hold takes a number of seconds.');
        holdSeconds = s;
      } else throw new UsageError(`Unknown option --${name}.`);
      continue;
    }
    if (arg === '/?' || arg === '-?') {
      help = true;
      continue;
    }
    const sw = /^\/([A-Za-z]+)(?::(.*))?$/s.exec(arg);
    if (sw) {
      const [, name, value] = sw;
      if (value !== undefined) {
        const which = matchSwitch(name!, VALUE_SWITCHES);
        if (which) {
          values[which] = value;
          continue;
        }
      } else {
        const which = matchSwitch(name!, FLAG_SWITCHES);
        if (which) {
          flags.add(which);
          continue;
        }
        if (matchSwitch(name!, VALUE_SWITCHES))
          throw new UsageError(`/${name} needs a value: /${name}:VALUE.`);
      }
      throw new UsageError(`Unknown switch ${arg}.`);
    }
    positional.push(arg);
  }

  const common: CommonOptions = { json, backend, phonebook: values.PHONEBOOK, encoding };
  if (help) return { kind: 'help', ...common };
  if (flags.has('DISCONNECT')) {
    if (positional.length > 1) throw new UsageError('/DISCONNECT takes at most the entry name.');
    return { kind: 'disconnect', entry: positional[0], ...common };
  }
  if (positional.length === 0) {
    if (
      Object.keys(values).some((k) => k !== 'PHONEBOOK') ||
      answers.length + terminalLines.length > 0
    )
      throw new UsageError('Name the entry to dial.');
    return { kind: 'list', ...common };
  }
  if (positional.length > 3) throw new UsageError('Too many arguments: ENTRY [USER [PASSWORD|*]].');
  const [entry, userName, password] = positional;
  if (entry!.trim() === '') throw new UsageError('The entry name is empty.');
  return {
    kind: 'dial',
    entry: entry!,
    userName,
    password,
    domain: values.DOMAIN,
    phoneNumber: values.PHONE,
    callbackNumber: values.CALLBACK,
    usePrefixSuffix: flags.has('PREFIXSUFFIX'),
    answers,
    terminalLines,
    holdSeconds,
    ...common,
  };
}

export const USAGE = `RAS Connect command line, compatible with rasdial.exe

  ras-connect                                   list active connections
  ras-connect ENTRY [USER [PASSWORD|*]] [/DOMAIN:domain] [/PHONE:number]
              [/CALLBACK:number] [/PHONEBOOK:file] [/PREFIXSUFFIX]
                                                dial an entry (* asks for the password)
  ras-connect [ENTRY] /DISCONNECT               hang up (/D is enough)
  ras-connect phonebook COMMAND …               manage entries (ras-connect phonebook --help)

Options:
  --answer KIND=VALUE   answer a paused state in advance (repeatable, used in order):
                        callback=NUMBER (empty: no callback), credentials=USER:PASSWORD[:DOMAIN],
                        new-password=PW,
                        eap=USER:CODE (simulated token card: six digits, not 000000),
                        eap=done (Windows' own EAP window, or no token card),
                        terminal=LINE (a line typed in the terminal window; repeat for more:
                        the dial continues when the remote side starts PPP),
                        interactive=done (continue without the terminal)
                        On a terminal, what is not answered is asked; the terminal window's
                        lines are typed there (a password prompt hides what you type).
  --json                one JSON object a line per event
  --backend simulated|win32
                        default: win32 on Windows, simulated elsewhere
  --encoding CP         the code page of a /PHONEBOOK: file that is not UTF-8 (1251, gbk, …;
                        default: the setting, else the system's on Windows, else detected)
  --hold SECONDS        simulated backend: stay connected that long, then hang up
                        (default: exit and leave it up in the simulated RAS service, as
                        on Windows; "ras-connect ENTRY /D" from any shell hangs it up)
  --help, /?            this text

Environment: RAS_CONNECT_HOME (data folder), RAS_CONNECT_SIM_SPEED (simulated speed; 0 = no delay).
Without a terminal, a dial that needs an answer nobody gave is hung up with error 703.
`;
