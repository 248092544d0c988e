// ras-connect: the session engine driven from a terminal, like rasdial.exe. Everything it
// touches comes in through CliIo, so tests run it in-process.

import { AppError, RasErrorCode as E, describeError, type ErrorInfo } from '../../app/ras/errors';
import { realClock, sleep, type Clock } from '../clock';
import { dataDir, simulationSpeed } from '../data-dir';
import { ensureDemoPhonebook } from '../phonebook/demo-phonebook';
import type { PausedAnswer, RasBackend } from '../ras/backend';
import { createBackend, defaultBackendKind } from '../ras/create-backend';
import type { ServiceLaunch } from '../ras/simulated/service/service-launch';
import type { ConnectionView, PausedRequest } from '../sessions/connections-store';
import { FileHangUpNotes } from '../sessions/hang-up-notes';
import { SessionManager } from '../sessions/session-manager';
import { HistoryStore } from '../history/history-store';
import { AppLog } from '../log/app-log';
import { logConnections } from '../log/connection-log';
import {
  parseArgs,
  parseEncoding,
  USAGE,
  UsageError,
  type CliAnswer,
  type CliCommand,
  type PasswordSource,
} from './args';
import { PHONEBOOK_USAGE, runPhonebookCommand } from './phonebook-command';
import { PhonebookService } from '../phonebook/phonebook-service';
import { PbkCharset } from '../ras/pbk-charset';
import { SettingsStore } from '../settings/settings-store';
import type { LegacyEncodingChoice } from '../../app/phonebook/pbk-encoding';
import { errorJson, errorLines, failureInfo, oneLine, printable, rowJson, rowLine } from './output';
import type { Terminal } from './terminal';
import { CliTerminalWindow } from './terminal-window';
import { readStatuses, statusJson, statusLines } from './status-command';
import { DOCTOR_USAGE, parseDoctorArgs, runDoctorCommand } from './doctor-command';
import type { DoctorOptions } from '../doctor/run-doctor';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  terminal: Terminal;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /**
   * Settles when the person presses Ctrl-C. Only a dial reads it; main/cli.ts installs the SIGINT
   * listener on that first read, so every other command ends on Ctrl-C as any program does.
   */
  readonly interrupted: Promise<void>;
  clock?: Clock;
  /** Tests only: puts the fault injector between the CLI and the backend. */
  wrapBackend?: (backend: RasBackend) => RasBackend;
  /** Starts the user session's shared simulated RAS service; without it the connections are this run's own (tests). */
  simService?: ServiceLaunch;
  /**
   * The first line of standard input without its line break, null at the end of input, for
   * --password-stdin; it throws a UsageError when standard input is a terminal.
   */
  readStdinLine?: () => Promise<string | null>;
  /** Tests only: the doctor's ports, trusted roots, clock and timeouts. */
  doctor?: Partial<DoctorOptions>;
}

type Command<K extends CliCommand['kind']> = Extract<CliCommand, { kind: K }>;

interface Context {
  io: CliIo;
  backend: RasBackend;
  manager: SessionManager;
  clock: Clock;
  phonebook: string;
}

/** How a phonebook that is not UTF-8 is read: --encoding, else the app's setting, else automatic. */
async function cliCharset(
  encoding: LegacyEncodingChoice | undefined,
  dir: string,
): Promise<PbkCharset> {
  if (encoding !== undefined) return new PbkCharset({ named: encoding });
  const { legacyPhonebookEncoding } = await new SettingsStore(dir).load();
  return new PbkCharset({ setting: () => legacyPhonebookEncoding });
}

/** `phonebook …`: its own options, with rasdial's /PHONEBOOK:, --backend and --encoding. */
async function runPhonebook(argv: readonly string[], io: CliIo): Promise<number> {
  let phonebook: string | undefined;
  let kind = defaultBackendKind(io.platform);
  let encoding: LegacyEncodingChoice | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const pbk = /^\/phoneb(?:o(?:o(?:k)?)?)?:(.*)$/is.exec(arg);
    if (pbk) phonebook = pbk[1];
    else if (arg === '--backend' || arg.startsWith('--backend=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value !== 'simulated' && value !== 'win32')
        throw new UsageError(`--backend is simulated or win32, not "${value}".`);
      kind = value;
    } else if (arg === '--encoding' || arg.startsWith('--encoding=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined) throw new UsageError('--encoding needs a value.');
      encoding = parseEncoding(value);
    } else rest.push(arg);
  }
  if (rest.length === 0 || rest[0] === '--help' || rest[0] === '/?') {
    printLines(io, PHONEBOOK_USAGE);
    return 0;
  }
  const dir = dataDir(io.env, io.platform);
  const charset = await cliCharset(encoding, dir);
  const backend = createBackend({
    kind,
    dataDir: dir,
    speed: simulationSpeed(io.env),
    clock: io.clock,
    charset,
    sharedService: io.simService ? { launch: io.simService, hold: false } : undefined,
  });
  try {
    if (kind === 'simulated' && phonebook === undefined)
      await ensureDemoPhonebook(backend, backend.defaultPhonebook);
    const service = new PhonebookService(backend, null, charset);
    return await runPhonebookCommand(rest, service, phonebook, io);
  } finally {
    backend.dispose();
  }
}

/** A mistake in the command line: ours, or node:util's parseArgs (ERR_PARSE_ARGS_…). */
function isUsageError(error: unknown): error is Error {
  if (error instanceof UsageError) return true;
  // RasError and AppError have codes too, a number and a word: only node's string one counts.
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * The same io with every line printed escaped (output.ts `printable`): entry names, numbers and
 * messages may come from a phonebook file, and a control character in them must not reach the
 * terminal. `interrupted` is passed through as a getter: reading it installs the SIGINT listener.
 */
function printableIo(io: CliIo): CliIo {
  return {
    stdout: (line) => io.stdout(printable(line)),
    stderr: (line) => io.stderr(printable(line)),
    terminal: io.terminal,
    env: io.env,
    platform: io.platform,
    get interrupted() {
      return io.interrupted;
    },
    clock: io.clock,
    wrapBackend: io.wrapBackend,
    simService: io.simService,
    readStdinLine: io.readStdinLine,
    doctor: io.doctor,
  };
}

/** A text of several lines (the usage), one line at a time: each line is printed escaped. */
function printLines(io: CliIo, text: string): void {
  for (const line of text.split('\n')) io.stdout(line);
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = printableIo(rawIo);
  if (argv[0]?.toLowerCase() === 'phonebook') {
    try {
      return await runPhonebook(argv.slice(1), io);
    } catch (error) {
      if (isUsageError(error)) {
        io.stderr(oneLine(error.message));
        io.stderr("Type 'ras-connect phonebook --help' for the usage.");
        return 2;
      }
      // Whatever was thrown, the person gets its message (and line) and never a stack trace;
      // a phonebook command that fails exits 1 on every system, as the README says.
      const info = failureInfo(error);
      if (argv.includes('--json')) io.stdout(errorJson(info, null));
      else for (const line of errorLines(info)) io.stderr(line);
      return 1;
    }
  }
  let command: CliCommand;
  try {
    command =
      argv[0]?.toLowerCase() === 'doctor' ? parseDoctorArgs(argv.slice(1)) : parseArgs(argv);
  } catch (error) {
    if (!isUsageError(error)) {
      for (const line of errorLines(failureInfo(error))) io.stderr(line);
      return 1;
    }
    io.stderr(oneLine(error.message));
    io.stderr("Type 'ras-connect /?' for the usage.");
    return 2;
  }
  if (command.kind === 'doctor' && command.help) {
    printLines(io, DOCTOR_USAGE);
    return 0;
  }
  if (command.kind === 'help') {
    printLines(io, USAGE);
    return 0;
  }
  if (command.kind === 'dial' && command.passwordFrom) {
    try {
      command = { ...command, password: await readPassword(io, command.passwordFrom) };
    } catch (error) {
      if (!isUsageError(error)) throw error;
      io.stderr(oneLine(error.message));
      return 2;
    }
  }
  const clock = io.clock ?? realClock;
  let backend: RasBackend | null = null;
  let manager: SessionManager | null = null;
  let history: HistoryStore | null = null;
  const stopRecording: (() => void)[] = [];
  try {
    const kind = command.backend ?? defaultBackendKind(io.platform);
    const dir = dataDir(io.env, io.platform);
    const charset = await cliCharset(command.encoding, dir);
    const raw = createBackend({
      kind,
      dataDir: dir,
      speed: simulationSpeed(io.env),
      clock,
      charset,
      sharedService: io.simService ? { launch: io.simService, hold: false } : undefined,
    });
    const phonebook = command.phonebook ?? raw.defaultPhonebook;
    // The app's own phonebook starts with the demo entries; a phonebook the person names is theirs.
    if (kind === 'simulated' && command.phonebook === undefined)
      await ensureDemoPhonebook(raw, phonebook);
    backend = io.wrapBackend ? io.wrapBackend(raw) : raw;
    // The window's log and history, in the shared data folder: what is dialled or hung up here
    // is written there as the window writes its own.
    const log = new AppLog(dir).info;
    history = new HistoryStore(dir, log);
    manager = new SessionManager({ backend, clock, log, hangUpNotes: new FileHangUpNotes(dir) });
    stopRecording.push(
      history.follow(manager.store, () => clock.now()),
      logConnections(manager.store, log),
    );
    const ctx: Context = { io, backend, manager, clock, phonebook };
    if (command.kind === 'list') return await list(ctx, command);
    if (command.kind === 'disconnect') return await disconnect(ctx, command);
    if (command.kind === 'status') return await status(ctx, command);
    if (command.kind === 'doctor')
      return await runDoctorCommand(
        { backend, phonebook, history, stdout: io.stdout, overrides: io.doctor },
        command,
      );
    return await dial(ctx, command);
  } catch (error) {
    return fail(
      io,
      command,
      failureInfo(error),
      'entry' in command ? (command.entry ?? null) : null,
    );
  } finally {
    for (const stop of stopRecording) stop();
    // The attempts that ended are written before the process exits (list waits for the writes).
    await history?.list().catch(() => undefined);
    manager?.dispose();
    backend?.dispose();
  }
}

/** --password-stdin, --password-env: a source that gives nothing is a usage error (exit 2). */
async function readPassword(io: CliIo, source: PasswordSource): Promise<string> {
  if (source.kind === 'env') {
    const value = io.env[source.name];
    if (value === undefined || value === '')
      throw new UsageError(
        `--password-env: the environment variable ${source.name} is not set or is empty.`,
      );
    return value;
  }
  if (!io.readStdinLine)
    throw new UsageError('--password-stdin: standard input cannot be read here.');
  const line = await io.readStdinLine();
  if (line === null || line === '')
    throw new UsageError(
      '--password-stdin: standard input gave no password (its first line is the password).',
    );
  return line;
}

function exitCode(io: CliIo, error: ErrorInfo): number {
  // POSIX keeps only 8 bits of an exit status; Windows keeps the RAS number, as rasdial does.
  return io.platform === 'win32' && typeof error.code === 'number' ? error.code : 1;
}

function fail(io: CliIo, command: CliCommand, error: ErrorInfo, entry: string | null): number {
  if (command.json) io.stdout(errorJson(error, entry));
  else for (const line of errorLines(error)) io.stderr(line);
  return exitCode(io, error);
}

async function list(ctx: Context, command: Command<'list'>): Promise<number> {
  const connections = await ctx.backend.enumConnections();
  if (command.json) {
    for (const c of connections)
      ctx.io.stdout(
        JSON.stringify({
          event: 'connection',
          entry: c.entryName,
          phonebook: c.phonebook,
          device: c.deviceName,
        }),
      );
    return 0;
  }
  if (connections.length === 0) ctx.io.stdout('No connections');
  else {
    ctx.io.stdout('Connected to');
    for (const c of connections) ctx.io.stdout(c.entryName);
  }
  ctx.io.stdout('Command completed successfully.');
  return 0;
}

async function status(ctx: Context, command: Command<'status'>): Promise<number> {
  const statuses = await readStatuses(ctx.backend, command.entry);
  if (command.json) {
    for (const s of statuses) ctx.io.stdout(statusJson(s));
    return 0;
  }
  if (statuses.length === 0) ctx.io.stdout('No connections');
  for (const s of statuses) for (const line of statusLines(s)) ctx.io.stdout(line);
  ctx.io.stdout('Command completed successfully.');
  return 0;
}

async function disconnect(ctx: Context, command: Command<'disconnect'>): Promise<number> {
  const attached = await ctx.manager.attachExisting();
  const wanted = command.entry?.toLowerCase();
  const targets =
    wanted === undefined ? attached : attached.filter((v) => v.entryName.toLowerCase() === wanted);
  if (targets.length === 0) {
    if (command.entry !== undefined)
      throw new AppError('NOT_FOUND', `You are not connected to "${command.entry}".`);
    if (!command.json) ctx.io.stdout('No connections');
  } else if (targets.length > 1) {
    throw new AppError(
      'INVALID_INPUT',
      `Several connections are up (${targets.map((t) => t.entryName).join(', ')}); name the one to hang up.`,
    );
  } else {
    await ctx.manager.hangUp(targets[0]!.id);
    const view = ctx.manager.get(targets[0]!.id)!;
    if (view.error) throw new AppError('HANGUP_TIMEOUT', view.error.message);
    if (command.json)
      ctx.io.stdout(JSON.stringify({ event: 'disconnected', entry: view.entryName }));
  }
  if (!command.json) ctx.io.stdout('Command completed successfully.');
  return 0;
}

/**
 * A queue of the answers given with --answer: each is used once, by the first pause of its kind.
 * A credentials answer without a user or domain keeps the ones the pause reports.
 */
function takeAnswer(answers: CliAnswer[], paused: PausedRequest): PausedAnswer | undefined {
  const index = answers.findIndex((a) => a.kind === paused.kind);
  const answer = index < 0 ? undefined : answers.splice(index, 1)[0];
  if (answer?.kind !== 'retry-authentication') return answer;
  return {
    kind: 'retry-authentication',
    userName: answer.userName ?? paused.userName,
    password: answer.password,
    domain: answer.domain ?? paused.domain,
  };
}

async function askAnswer(
  terminal: Terminal,
  paused: PausedRequest,
  entry: string,
  simulated: boolean,
): Promise<PausedAnswer | null> {
  switch (paused.kind) {
    case 'callback': {
      const number = await terminal.ask(
        `${entry}: the server can call you back. Callback number (empty: no callback): `,
      );
      return number === null ? null : { kind: 'callback', callbackNumber: number.trim() };
    }
    case 'retry-authentication': {
      const userName = await terminal.ask(`${paused.reason} User name [${paused.userName}]: `);
      if (userName === null) return null;
      const password = await terminal.askSecret('Password: ');
      if (password === null) return null;
      const domain = await terminal.ask(`Domain [${paused.domain}]: `);
      if (domain === null) return null;
      return {
        kind: 'retry-authentication',
        userName: userName.trim() || paused.userName,
        password,
        domain: domain.trim() || paused.domain,
      };
    }
    case 'new-password':
      for (let tries = 0; tries < 3; tries++) {
        const first = await terminal.askSecret(`${paused.reason} New password: `);
        if (first === null) return null;
        const again = await terminal.askSecret('Type the new password again: ');
        if (again === null) return null;
        if (first === again && first !== '') return { kind: 'new-password', password: first };
        await terminal.ask(
          first === ''
            ? 'The password may not be empty. Press Enter to try again.'
            : 'The two passwords differ. Press Enter to try again.',
        );
      }
      return null;
    case 'eap':
      // Windows shows the EAP method's own window when the dial continues.
      return simulated
        ? askTokenCard(terminal, paused, entry)
        : askToContinue(terminal, paused, 'Continue for the EAP sign-in window');
    case 'interactive':
      // Windows gives no way to talk to the port: the person finishes it some other way.
      return askToContinue(terminal, paused, 'Finish the terminal session');
  }
}

async function askToContinue(
  terminal: Terminal,
  paused: PausedRequest,
  what: string,
): Promise<PausedAnswer | null> {
  const answer = await terminal.ask(
    `${paused.reason} ${what}, then press Enter (or type "cancel"): `,
  );
  return answer === null || answer.trim().toLowerCase() === 'cancel'
    ? null
    : paused.kind === 'eap'
      ? { kind: 'eap' }
      : { kind: 'interactive' };
}

/** The simulated EAP method: the token card's user name and one-time code. */
async function askTokenCard(
  terminal: Terminal,
  paused: PausedRequest,
  entry: string,
): Promise<PausedAnswer | null> {
  const again = paused.retry > 1 ? `The code was not accepted (attempt ${paused.retry}). ` : '';
  const userName = await terminal.ask(
    `${again}${entry}: simulated token card. User name [${paused.userName}]: `,
  );
  if (userName === null) return null;
  const code = await terminal.ask('One-time code (six digits): ');
  if (code === null) return null;
  return {
    kind: 'eap',
    tokenCard: { userName: userName.trim() || paused.userName, code: code.trim() },
  };
}

async function dial(ctx: Context, command: Command<'dial'>): Promise<number> {
  const { io, manager } = ctx;
  // From here on Ctrl-C cancels the dial or hangs up, instead of ending the process.
  const interrupted = io.interrupted;
  let password = command.password;
  if (password === '*') {
    if (!io.terminal.interactive)
      throw new AppError('INVALID_INPUT', 'The password "*" needs a terminal to ask on.');
    const typed = await io.terminal.askSecret(`Password for ${command.userName}: `);
    if (typed === null) throw new AppError('CANCELLED', 'No password was given.');
    password = typed;
  }
  const credentials =
    command.userName !== undefined
      ? { userName: command.userName, password: password ?? '', domain: command.domain ?? '' }
      : undefined;
  if (!command.json) io.stdout(`Connecting to ${command.entry}...`);
  const id = await manager.dial({
    entryName: command.entry,
    phonebook: command.phonebook,
    credentials,
    phoneNumber: command.phoneNumber,
    callbackNumber: command.callbackNumber,
    usePrefixSuffix: command.usePrefixSuffix,
  });
  const entryName = manager.get(id)!.entryName;
  let printed = 0;
  const print = (view: ConnectionView): void => {
    for (; printed < view.timeline.rows.length; printed++) {
      const row = view.timeline.rows[printed]!;
      io.stdout(command.json ? rowJson(row, entryName) : rowLine(row));
    }
  };
  const answers = [...command.answers];
  const terminalLines = [...command.terminalLines];
  const terminalWindow = new CliTerminalWindow(
    (line) => io.stdout(line),
    command.json
      ? (text) => io.stdout(JSON.stringify({ event: 'terminal', entry: entryName, text }))
      : undefined,
  );
  const stopTerminal = manager.watchTerminal((output) => {
    if (output.id === id) terminalWindow.receive(output);
  });
  // A connection of the shared simulated service outlives this process, as on Windows; one of
  // a private server (tests) ends with it, so the CLI stays until Ctrl-C or --hold's time.
  const holding =
    ctx.backend.kind === 'simulated' &&
    (ctx.io.simService === undefined || command.holdSeconds !== undefined);
  let requestedHangUp = false;
  /** Why the CLI itself hung up, when that is a failure (no answer possible, cancelled). */
  let result: ErrorInfo | null = null;

  await new Promise<void>((resolve) => {
    let answering = false;
    let holdStarted = false;
    const hangUp = (error: ErrorInfo | null): void => {
      if (requestedHangUp) return;
      requestedHangUp = true;
      result = error;
      manager.hangUp(id).catch((refused: unknown) => {
        // Remote Access would not hang up: the connection is still up, and that is the error.
        result = failureInfo(refused);
        unsubscribe();
        resolve();
      });
    };
    const onView = (view: ConnectionView): void => {
      print(view);
      if (view.status !== 'paused') terminalWindow.stop();
      if (view.status === 'disconnected') {
        unsubscribe();
        resolve();
        return;
      }
      if (view.status === 'paused' && view.paused && !answering && !requestedHangUp) {
        answering = true;
        void answerPause(view.paused).finally(() => (answering = false));
      }
      if (view.status === 'connected' && !holdStarted) {
        holdStarted = true;
        if (!command.json) io.stdout(`Connected to ${entryName}.`);
        if (!holding) {
          // Windows' connections outlive the process: leave it up, as rasdial does.
          unsubscribe();
          resolve();
        } else if (command.holdSeconds !== undefined) {
          void sleep(ctx.clock, command.holdSeconds * 1000).then(() => hangUp(null));
        } else if (!command.json) io.stdout('Press Ctrl-C to hang up.');
      }
    };
    const answerPause = async (paused: PausedRequest): Promise<void> => {
      const talks = paused.kind === 'interactive' && !!ctx.backend.terminal;
      // interactive=done alone continues at once; after terminal= lines, once they are typed.
      const done = answers.some((a) => a.kind === 'interactive');
      let answer: PausedAnswer | null | undefined =
        talks && (terminalLines.length > 0 || !done) ? undefined : takeAnswer(answers, paused);
      if (talks && answer === undefined) {
        const end = await terminalWindow.converse(
          (text) => manager.terminalSend(id, text),
          terminalLines,
          done ? { ...io.terminal, interactive: false } : io.terminal,
        );
        if (end === 'ended') return;
        if (end === 'ready') answer = { kind: 'interactive' };
        else if (end === 'cancelled') answer = null;
        else answer = takeAnswer(answers, paused);
      }
      if (answer === undefined) {
        if (!io.terminal.interactive) return hangUp(describeError(E.ERROR_INTERACTIVE_MODE));
        answer = await askAnswer(io.terminal, paused, entryName, ctx.backend.kind === 'simulated');
      }
      if (!answer) return hangUp(cancelled());
      try {
        await manager.resume(id, answer);
      } catch (error) {
        io.stderr(failureInfo(error).message);
      }
    };
    const unsubscribe = manager.store.subscribe((s) => s.connections[id]!, onView);
    // Ctrl-C once connected is the clean way out; before that it cancels the dial.
    void interrupted.then(() =>
      hangUp(manager.get(id)!.status === 'connected' ? null : cancelled()),
    );
    onView(manager.get(id)!);
  });

  stopTerminal();
  if (requestedHangUp) await manager.whenIdle(id);
  const ended = manager.get(id)!;
  print(ended);
  const error = result ?? ended.error;
  if (error) return fail(io, command, error, entryName);
  if (!command.json) {
    if (ended.status === 'disconnected') io.stdout(`Disconnected from ${entryName}.`);
    io.stdout('Command completed successfully.');
  }
  return 0;
}

function cancelled(): ErrorInfo {
  return { ...describeError(E.ERROR_USER_DISCONNECTION), message: 'You cancelled the dial.' };
}
