// `ras-connect doctor ENTRY`: the failure doctor in a terminal. It explains the entry's last
// failure (or the error given with --error): prints each check as it runs, then the verdict and
// the fix, with the `phonebook edit` line that applies a fix that is a setting of the entry.

import type { DoctorCheck, EntryChange } from '../../app/doctor/doctor-result';
import type { Failure } from '../../app/doctor/measurements';
import { windowsCode } from '../../app/doctor/verdict';
import { primaryDestination, type RasEntry } from '../../app/phonebook/entry';
import { vpnStrategyName } from '../../app/phonebook/entry-settings';
import { englishText, messageRef, type MessageKey } from '../../app/ras/app-messages';
import { describeError } from '../../app/ras/errors';
import { failureToExplain, lastFailure } from '../../app/doctor/failure-to-explain';
import {
  DEFAULT_TIMEOUT_MS,
  doctorOptions,
  runDoctor,
  type DoctorOptions,
} from '../doctor/run-doctor';
import type { HistoryStore } from '../history/history-store';
import type { RasBackend } from '../ras/backend';
import { parseEncoding, UsageError, type CommonOptions } from './args';

export { lastFailure };

export type DoctorCliCommand = {
  kind: 'doctor';
  entry: string;
  help: boolean;
  /** --error: the failure to explain instead of the entry's last one. */
  errorCode?: number;
} & CommonOptions;

export const DOCTOR_USAGE = `ras-connect doctor ENTRY [--error CODE] [--json] [--phonebook PATH]

Finds out why ENTRY failed: resolves its server's name (and says through which DNS server),
tries TCP 443 (SSTP) and 1723 (PPTP), reads the server's TLS certificate and clock, and holds
the entry's VPN type, sign-in methods and DNS settings against what it found and the error.
Every probe goes only to the entry's own server and gives up after ${DEFAULT_TIMEOUT_MS / 1000} s.
Prints each check as it runs, then one verdict and the fix (with the 'ras-connect phonebook
edit' line that applies it, when the fix is a setting of the entry).

  --error CODE        the error to explain (691, 800, 0x800B0109 …); without it, the entry's
                      last failed attempt in the history (none: the checks alone)
  --json              one JSON object a line: {"event":"check",…} each, then {"event":"verdict",…}
  --phonebook PATH    the phonebook that holds ENTRY (also /PHONEBOOK:PATH)
  --backend simulated|win32, --encoding CODEPAGE   as for dialing

Exit status: 0 when no check failed, 1 when one did (or the entry cannot be read), 2 for a
mistake in the command line.`;

/** An error code as written on the command line: decimal, negative, or 0x hexadecimal. */
function parseCode(text: string): number {
  const t = text.trim();
  const n = /^0x[0-9a-f]{1,8}$/i.test(t)
    ? Number.parseInt(t, 16)
    : /^-?\d{1,10}$/.test(t)
      ? Number(t)
      : NaN;
  if (!Number.isSafeInteger(n) || n > 0xffffffff || n < -0x80000000)
    throw new UsageError(`--error takes an error number such as 691 or 0x800B0109, not "${text}".`);
  return windowsCode(n);
}

export function parseDoctorArgs(argv: readonly string[]): DoctorCliCommand {
  const positional: string[] = [];
  let json = false;
  let help = false;
  let phonebook: string | undefined;
  let backend: CommonOptions['backend'];
  let encoding: CommonOptions['encoding'];
  let errorCode: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const pbk = /^\/phoneb(?:o(?:o(?:k)?)?)?:(.*)$/is.exec(arg);
    if (pbk) phonebook = pbk[1];
    else if (arg === '/?' || arg === '-?') help = true;
    else if (long) {
      const name = long[1]!;
      const value = (): string => {
        const v = long[2] ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value.`);
        return v;
      };
      if (name === 'json') json = true;
      else if (name === 'help') help = true;
      else if (name === 'phonebook') phonebook = value();
      else if (name === 'error') errorCode = parseCode(value());
      else if (name === 'encoding') encoding = parseEncoding(value());
      else if (name === 'backend') {
        const b = value();
        if (b !== 'simulated' && b !== 'win32')
          throw new UsageError(`--backend is simulated or win32, not "${b}".`);
        backend = b;
      } else throw new UsageError(`Unknown option --${name} for doctor.`);
    } else if (arg.startsWith('/')) throw new UsageError(`Unknown switch ${arg} for doctor.`);
    else positional.push(arg);
  }
  const common = { json, backend, phonebook, encoding };
  if (help) return { kind: 'doctor', entry: '', help, ...common };
  if (positional.length !== 1 || positional[0]!.trim() === '')
    throw new UsageError('doctor takes one entry name: ras-connect doctor ENTRY.');
  return { kind: 'doctor', entry: positional[0]!, help, errorCode, ...common };
}

const LABEL: Record<DoctorCheck['status'], string> = {
  ok: '[ ok ]',
  warn: '[warn]',
  fail: '[FAIL]',
  skip: '[skip]',
};

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const quoted = (text: string): string =>
  /^[\w.@+/\\:-]+$/.test(text) ? text : JSON.stringify(text);

/** The `phonebook edit` options that make a change; null when one has no option. */
export function editOptions(change: EntryChange): string[] | null {
  const out: string[] = [];
  for (const [field, value] of Object.entries(change)) {
    if (field === 'vpnStrategy') {
      const name = vpnStrategyName(value as number);
      out.push(`--vpn-strategy ${name ? kebab(name) : String(value)}`);
    } else if (field === 'authProtocols') out.push(`--auth ${(value as string[]).join(',')}`);
    else if (field === 'dnsSuffix') out.push(`--dns-suffix ${quoted(value as string)}`);
    else if (field === 'ipv4Metric') out.push(`--ipv4-metric ${String(value)}`);
    else if (field === 'server') out.push(`--number ${quoted(value as string)}`);
    else return null;
  }
  return out;
}

export interface DoctorRun {
  backend: RasBackend;
  phonebook: string;
  history: HistoryStore;
  stdout: (line: string) => void;
  /** Tests: their own ports, roots, clock and timeouts. */
  overrides?: Partial<DoctorOptions>;
}

export async function runDoctorCommand(run: DoctorRun, command: DoctorCliCommand): Promise<number> {
  const entry: RasEntry = await run.backend.getEntry(run.phonebook, command.entry);
  const failure: Failure =
    command.errorCode !== undefined
      ? { code: command.errorCode, connectedSeconds: null }
      : failureToExplain(await run.history.list({ name: entry.name }));
  const options = doctorOptions(run.backend.kind, run.overrides);
  const print = run.stdout;
  const text = (key: MessageKey): string => englishText(messageRef(key));
  if (!command.json) {
    const host = primaryDestination(entry);
    const error = failure.code === null ? null : describeError(failure.code);
    print(
      `Finding out why "${entry.name}"${host ? ` (${host})` : ''} ${
        error
          ? `failed with error ${error.code} (${error.name}): ${error.message}`
          : 'fails: no error is recorded, so every check counts'
      }`,
    );
  }
  const report = await runDoctor(entry, failure, options, (check) => {
    const title = text(`doctor.check.${check.id}`);
    if (command.json)
      print(
        JSON.stringify({
          event: 'check',
          id: check.id,
          status: check.status,
          title,
          message: englishText(check.summary),
          key: check.summary.key,
          params: check.summary.params,
          ...(check.fix
            ? { fix: { action: englishText(check.fix.action), change: check.fix.change ?? null } }
            : {}),
        }),
      );
    else print(`${LABEL[check.status]} ${title}: ${englishText(check.summary)}`);
  });
  const { verdict } = report;
  const edit = verdict.fix?.change ? editOptions(verdict.fix.change) : null;
  const editLine = edit
    ? `ras-connect phonebook edit ${quoted(entry.name)} ${edit.join(' ')}${command.phonebook ? ` /PHONEBOOK:${quoted(command.phonebook)}` : ''}`
    : null;
  if (command.json)
    print(
      JSON.stringify({
        event: 'verdict',
        entry: entry.name,
        code: verdict.code,
        status: verdict.status,
        cause: verdict.cause,
        message: englishText(verdict.summary),
        key: verdict.summary.key,
        params: verdict.summary.params,
        fix: verdict.fix
          ? {
              action: englishText(verdict.fix.action),
              change: verdict.fix.change ?? null,
              command: editLine,
            }
          : null,
      }),
    );
  else {
    print(`Verdict: ${englishText(verdict.summary)}`);
    if (verdict.fix) print(`Fix: ${englishText(verdict.fix.action)}`);
    if (editLine) print(`  ${editLine}`);
  }
  return report.checks.some((c) => c.status === 'fail') ? 1 : 0;
}
