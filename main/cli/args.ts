// The command line of ras-connect, compatible with rasdial.exe:
//   ras-connect                                    list active connections
//   ras-connect ENTRY [USER [PASSWORD|*]] [/DOMAIN:d] [/PHONE:n] [/CALLBACK:n] [/PHONEBOOK:file] [/PREFIXSUFFIX]
//   ras-connect [ENTRY] /DISCONNECT
//   ras-connect status [ENTRY]                     what the active connections are doing
// plus --answer, --password-stdin, --password-env, --json, --backend, --encoding and --hold. Switches are case-insensitive and
// may be abbreviated to any unambiguous prefix, as rasdial accepts /D for /DISCONNECT.

import {
  ENCODING_EXAMPLES,
  legacyEncodingByName,
  type LegacyEncodingChoice,
} from '../../app/phonebook/pbk-encoding';
import type { PausedAnswer } from '../ras/backend';
import type { BackendKind } from '../ras/create-backend';
import type { DoctorCliCommand } from './doctor-command';

export interface CommonOptions {
  json: boolean;
  backend?: BackendKind;
  phonebook?: string;
  /** The code page of a /PHONEBOOK: file that is not UTF-8 (--encoding). */
  encoding?: LegacyEncodingChoice;
}

/**
 * A RetryAuthentication answer given as user=, password=, domain= pieces: a user or domain left
 * out is the one the pause reports, filled in when the answer is used.
 */
export interface CredentialsAnswer {
  kind: 'retry-authentication';
  userName?: string;
  password: string;
  domain?: string;
}

export type CliAnswer = Exclude<PausedAnswer, { kind: 'retry-authentication' }> | CredentialsAnswer;

/** Where the dial's password comes from when it is not on the command line. */
export type PasswordSource = { kind: 'stdin' } | { kind: 'env'; name: string };

export type CliCommand =
  | ({ kind: 'help' } & CommonOptions)
  | ({ kind: 'list' } & CommonOptions)
  | ({ kind: 'disconnect'; entry?: string } & CommonOptions)
  | ({ kind: 'status'; entry?: string } & CommonOptions)
  | DoctorCliCommand
  | ({
      kind: 'dial';
      entry: string;
      userName?: string;
      /** '*' = ask on the terminal. */
      password?: string;
      /** --password-stdin or --password-env: read when the dial starts, never printed. */
      passwordFrom?: PasswordSource;
      domain?: string;
      phoneNumber?: string;
      callbackNumber?: string;
      usePrefixSuffix: boolean;
      answers: CliAnswer[];
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

/** One piece of a RetryAuthentication answer; parseArgs groups them. */
export interface CredentialPiece {
  kind: 'credential-piece';
  piece: 'user' | 'password' | 'domain';
  value: string;
}

const CREDENTIALS_FORMS =
  'credentials=USER:PASSWORD or USER:PASSWORD:DOMAIN (no part empty, no colon in any part); ' +
  'for a password with a colon use --answer user=NAME --answer password=PW [--answer domain=DOM].';

/**
 * credentials=: the old form, read only where it cannot be misread. One colon is USER:PASSWORD,
 * two are USER:PASSWORD:DOMAIN; any other count, or an empty part, could be a password with a
 * colon in it, so it is refused (without repeating it: it holds a password).
 */
function parseCredentials(value: string): PausedAnswer {
  const parts = value.split(':');
  if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => p === ''))
    throw new UsageError(`--answer credentials= is ambiguous or incomplete: ${CREDENTIALS_FORMS}`);
  const [userName, password, domain = ''] = parts as [string, string, string?];
  return { kind: 'retry-authentication', userName, password, domain };
}

/** `kind=value` of --answer → a paused-state answer, or a line for the terminal window. */
export function parseAnswer(
  spec: string,
): PausedAnswer | CredentialPiece | { kind: 'terminal'; line: string } {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new UsageError(`--answer needs KIND=VALUE, got "${spec}".`);
  const kind = spec.slice(0, eq).trim().toLowerCase();
  const value = spec.slice(eq + 1);
  switch (kind) {
    case 'callback':
      return { kind: 'callback', callbackNumber: value };
    case 'credentials':
      return parseCredentials(value);
    case 'user':
      if (value === '') throw new UsageError('--answer user= needs a name.');
      return { kind: 'credential-piece', piece: kind, value };
    case 'password':
    case 'domain':
      // Taken whole: a password may hold any character, an empty one included.
      return { kind: 'credential-piece', piece: kind, value };
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
        `Unknown --answer kind "${kind}" (callback, user, password, domain, credentials, new-password, eap, interactive, terminal).`,
      );
  }
}

/**
 * user=, password=, domain= pieces → RetryAuthentication answers, in order: a piece joins the
 * answer being built unless that answer has it already, which starts the next one.
 */
class CredentialGroups {
  private open: { user?: string; password?: string; domain?: string } | null = null;
  private openAt = -1;

  constructor(private readonly answers: CliAnswer[]) {}

  add(piece: CredentialPiece): void {
    if (this.open && this.open[piece.piece] !== undefined) this.close();
    if (!this.open) {
      this.open = {};
      // Its place in the queue is where its first piece was given.
      this.openAt = this.answers.length;
      this.answers.push({ kind: 'retry-authentication', password: '' });
    }
    this.open[piece.piece] = piece.value;
  }

  close(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    if (open.password === undefined)
      throw new UsageError(
        '--answer user= or domain= needs a password= with it (one RetryAuthentication answer: user=NAME, password=PW, domain=DOM).',
      );
    const answer: CredentialsAnswer = { kind: 'retry-authentication', password: open.password };
    if (open.user !== undefined) answer.userName = open.user;
    if (open.domain !== undefined) answer.domain = open.domain;
    this.answers[this.openAt] = answer;
  }
}

export function parseArgs(argv: readonly string[]): CliCommand {
  // A first word `status` is the command, as `phonebook` is: an entry of that name is dialed
  // with an option before it.
  const status = argv[0]?.toLowerCase() === 'status';
  const positional: string[] = [];
  const values: Partial<Record<ValueSwitch, string>> = {};
  const flags = new Set<FlagSwitch>();
  const answers: CliAnswer[] = [];
  const credentialGroups = new CredentialGroups(answers);
  const passwordSources: PasswordSource[] = [];
  const terminalLines: string[] = [];
  let json = false;
  let help = false;
  let backend: BackendKind | undefined;
  let encoding: LegacyEncodingChoice | undefined;
  let holdSeconds: number | undefined;

  for (let i = status ? 1 : 0; i < argv.length; i++) {
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
        else if (answer.kind === 'credential-piece') credentialGroups.add(answer);
        else answers.push(answer);
      } else if (name === 'password-stdin') {
        if (long[2] !== undefined) throw new UsageError('--password-stdin takes no value.');
        passwordSources.push({ kind: 'stdin' });
      } else if (name === 'password-env') {
        const variable = takeValue();
        if (variable === '' || /[=\0]/.test(variable))
          throw new UsageError(
            '--password-env names an environment variable that holds the password (--password-env VPN_PASSWORD).',
          );
        passwordSources.push({ kind: 'env', name: variable });
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

  credentialGroups.close();
  const common: CommonOptions = { json, backend, phonebook: values.PHONEBOOK, encoding };
  if (help) return { kind: 'help', ...common };
  if (status) {
    if (
      Object.keys(values).length + flags.size + answers.length + terminalLines.length > 0 ||
      passwordSources.length > 0 ||
      holdSeconds !== undefined ||
      encoding !== undefined
    )
      throw new UsageError('status takes the entry name, --json and --backend only.');
    if (positional.length > 1) throw new UsageError('status takes at most the entry name.');
    if (positional[0]?.trim() === '') throw new UsageError('The entry name is empty.');
    return { kind: 'status', entry: positional[0], ...common };
  }
  if (passwordSources.length > 0 && (flags.has('DISCONNECT') || positional.length === 0))
    throw new UsageError(
      positional.length === 0
        ? 'Name the entry to dial.'
        : '--password-stdin and --password-env give the password of a dial.',
    );
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
  if (passwordSources.length > 1)
    throw new UsageError('Give the password with one of --password-stdin and --password-env.');
  const passwordFrom = passwordSources[0];
  if (passwordFrom && userName === undefined)
    throw new UsageError(
      `--password-${passwordFrom.kind} gives the password of USER: ras-connect ENTRY USER --password-${passwordFrom.kind}${passwordFrom.kind === 'env' ? ' NAME' : ''}.`,
    );
  if (passwordFrom && password !== undefined)
    throw new UsageError(
      `Give the password as an argument or with --password-${passwordFrom.kind}, not both.`,
    );
  return {
    kind: 'dial',
    entry: entry!,
    userName,
    password,
    passwordFrom,
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
  ras-connect status [ENTRY] [--json]           state, time connected, bytes, speed and what
                                                was negotiated (addresses, DNS, tunnel, sign-in,
                                                encryption) of each active connection (or of
                                                ENTRY: exit 1 when it is not connected)
  ras-connect phonebook COMMAND …               manage entries (ras-connect phonebook --help)
  ras-connect doctor ENTRY [--json]             find out why ENTRY failed, and the fix
                                                (ras-connect doctor --help)

Options:
  --password-stdin      the password of USER is the first line of standard input (without
                        its line break); not from a terminal (there, give * to be asked)
  --password-env NAME   the password of USER is in the environment variable NAME (unset or
                        empty is an error). Neither is printed or logged; both keep the
                        password out of the command line, which other users can see.
                        They give the dial's password only: a password change is asked
                        on the terminal, or given with --answer new-password=PW.
  --answer KIND=VALUE   answer a paused state in advance (repeatable, used in order):
                        callback=NUMBER (empty: no callback),
                        user=NAME password=PW domain=DOM (one answer to "wrong user name
                        or password", the values taken whole, colons and all; user and
                        domain may be left out (the dial's are kept), password may not;
                        giving a piece again starts the next answer),
                        credentials=USER:PASSWORD[:DOMAIN] (the short form: one colon, or
                        two with a domain, no part empty; anything else is refused),
                        new-password=PW,
                        eap=USER:CODE (simulated token card: six digits, not 000000),
                        eap=done (Windows' own EAP window, or no token card),
                        terminal=LINE (a line typed in the terminal window; repeat for more:
                        the dial continues when the remote side starts PPP),
                        interactive=done (continue without the terminal)
                        On a terminal, what is not answered is asked; the terminal window's
                        lines are typed there (a password prompt hides what you type).
  --json                one JSON object a line per event; status: one a connection, with
                        entry, phonebook, state, stateValue, connectedForMs, bytesSent,
                        bytesReceived, speedBps and device
  --backend simulated|win32
                        default: win32 on Windows, simulated elsewhere
  --encoding CP         the code page of a /PHONEBOOK: file that is not UTF-8 (1251, gbk, …;
                        default: the setting, else the system's on Windows, else detected)
  --hold SECONDS        simulated backend: stay connected that long, then hang up
                        (default: exit and leave it up in the simulated RAS service, as
                        on Windows; "ras-connect ENTRY /D" from any shell hangs it up)
  --help, /?            this text

Dials are written to the data folder's history (history.jsonl) and log (ras-connect.log),
the same ones the window keeps and shows.
Environment: RAS_CONNECT_HOME (data folder), RAS_CONNECT_SIM_SPEED (simulated speed; 0 = no delay).
An entry named "status" or "phonebook" is dialed with an option first (--backend …).
Without a terminal, a dial that needs an answer nobody gave is hung up with error 703.
`;
