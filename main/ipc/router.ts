// The transport-free router: one handler per contract channel. Every payload is validated
// with the contract's schema; a bad call is refused with a clear error, logged, and changes
// nothing. Errors come back as data ({ code, name, message }).

import path from 'node:path';
import { stat } from 'node:fs/promises';
import { isInvokeChannel, type InvokeChannel } from '../../app/ipc/channels';
import { contract, type InvokeResult, type Result } from '../../app/ipc/contract';
import { toListed } from '../../app/ipc/listed-entries';
import { AppError, toErrorInfo } from '../../app/ras/errors';
import { englishText, messageRef, type MessageRef } from '../../app/ras/app-messages';
import { describeFileError } from '../fs/read-file-limited';
import { ReadOnlyFileError } from '../fs/atomic-write';
import { FileLockedError } from '../fs/file-lock';
import { primaryDestination, sectionToEntry } from '../../app/phonebook/entry';
import type { FileAccess, FilePurpose } from './file-access';
import { closeBook, listBooks, openBook } from '../phonebook/phonebook-books';
import type { z } from 'zod';
import type { RasBackend } from '../ras/backend';
import type { SessionManager } from '../sessions/session-manager';
import { exportDiagnostics } from '../diagnostics/diagnostics';
import type { HistoryStore } from '../history/history-store';
import type { SettingsStore } from '../settings/settings-store';
import type { PhonebookService } from '../phonebook/phonebook-service';
import type { StatisticsWatch } from './statistics-watch';
import type { DoctorChannel } from './doctor-channel';

export interface RouterDeps {
  files: FileAccess;
  manager: SessionManager;
  phonebooks: PhonebookService;
  backend: RasBackend;
  settings: SettingsStore;
  statistics: StatisticsWatch;
  history: HistoryStore;
  doctor: DoctorChannel;
  /** The data folder, whose log and history go into diagnostics. */
  dataDir: string;
  /** Whether a password can be saved (Windows' RAS, or a key store for the simulated server). */
  canSavePasswords: boolean;
  desktop: boolean;
  /** Electron's, Chromium's and Node's versions, for diagnostics. */
  versions: Record<string, string | undefined>;
  version: string;
  platform: string;
  log: (message: string) => void;
}

type Handler<C extends InvokeChannel> = (
  payload: z.output<(typeof contract.invoke)[C]['payload']>,
  client: string,
) => Promise<Result<C>>;

type Handlers = { [C in InvokeChannel]: Handler<C> };

export interface Router {
  /** `client` names the window or socket that called, for per-client state. */
  handle(channel: unknown, payload: unknown, client: string): Promise<InvokeResult<unknown>>;
  /** Forgets what a client that went away had asked for. */
  dropClient(client: string): void;
}

/** The settings keep at most this many opened phonebooks (contract: openedPhonebooks.max(64)). */
const MAX_OPENED_PHONEBOOKS = 64;

/** The comparison openBook uses: one file, however its path is spelled or cased. */
const samePath = (a: string, b: string): boolean =>
  path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase();

/** A refused call; `message` is the English for the log when it says more than the key. */
function refusal(text: MessageRef, message = englishText(text)): InvokeResult<never> {
  return {
    ok: false,
    error: { code: 'INVALID_INPUT', name: 'INVALID_INPUT', message, ...text },
  };
}

/** Node's errno failures (ENOENT, EACCES, ENOSPC, …) in words that name the file. */
function failure(error: unknown): InvokeResult<never> {
  const path = (error as { path?: unknown } | null)?.path;
  const described =
    error instanceof ReadOnlyFileError || error instanceof FileLockedError
      ? new AppError('INVALID_INPUT', error.text)
      : error instanceof AppError || typeof path !== 'string'
        ? null
        : describeFileError(path, error);
  const { code, name, message, key, params } = toErrorInfo(described ?? error);
  return { ok: false, error: { code, name, message, ...(key && { key, params }) } };
}

/** The files of the data folder an export must never replace. */
const DATA_FILES = [
  'settings.json',
  'history.jsonl',
  'hang-ups.jsonl',
  'ras-connect.log',
  'simulated-credentials.json',
  'rasphone.pbk',
];

export function createRouter(deps: RouterDeps): Router {
  const { manager, backend, settings, statistics, phonebooks } = deps;
  /** The file a request names, once it may be used for `purpose` (a typed path resolved). */
  const place = (file: string, purpose: FilePurpose): string => {
    if (!deps.files.allowed(file, purpose))
      throw new AppError(
        'INVALID_INPUT',
        messageRef('ipc.chooseFile', { purpose: `verb.${purpose}` }),
      );
    return deps.files.resolve(file);
  };
  /** A file about to be written: its folder must exist (a typo never makes folders). */
  const writable = async (file: string): Promise<string> => {
    const folder = path.dirname(file);
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory())
      throw new AppError('INVALID_INPUT', messageRef('ipc.noFolder', { folder }));
    return file;
  };
  const handlers: Handlers = {
    'app:info': async () => ({
      backend: backend.kind,
      platform: deps.platform,
      version: deps.version,
      defaultPhonebook: backend.defaultPhonebook,
      desktop: deps.desktop,
      canSavePasswords: deps.canSavePasswords,
    }),
    'ras:devices': () => backend.listDevices(),
    'ras:countries': () => backend.listCountries(),
    'phonebook:list': async ({ phonebook }) => toListed(await phonebooks.list(phonebook)),
    'phonebook:get': ({ phonebook, name }) => phonebooks.get(phonebook, name),
    'phonebook:create': async ({ phonebook, entry, revision }) => {
      await phonebooks.create(phonebook, entry, revision);
      return null;
    },
    'phonebook:update': async ({ phonebook, originalName, entry, revision }) => {
      await phonebooks.update(phonebook, originalName, entry, revision);
      return null;
    },
    'phonebook:rename': async ({ phonebook, name, newName, revision }) => {
      await phonebooks.rename(phonebook, name, newName, revision);
      return null;
    },
    'phonebook:copy': async ({ phonebook, name }) => ({
      name: await phonebooks.copy(phonebook, name),
    }),
    'phonebook:delete': async ({ phonebook, name, revision }) => {
      await phonebooks.delete(phonebook, name, revision);
      return null;
    },
    'phonebook:books': async () => listBooks(backend, settings.get()),
    'phonebook:open': async ({ file: named }) => {
      const file = place(named, 'open');
      const opened = settings.get().openedPhonebooks;
      if (opened.length >= MAX_OPENED_PHONEBOOKS && !opened.some((p) => samePath(p, file)))
        throw new AppError(
          'INVALID_INPUT',
          messageRef('ipc.tooManyBooks', { max: MAX_OPENED_PHONEBOOKS }),
        );
      await openBook(settings, file);
      phonebooks.announce(file);
      return null;
    },
    'phonebook:close': async ({ phonebook }) => {
      await closeBook(settings, phonebook);
      phonebooks.announce(phonebook);
      return null;
    },
    'phonebook:set-credentials': async ({
      phonebook,
      name,
      userName,
      domain,
      password,
      preSharedKey,
    }) => {
      await phonebooks.setCredentials(phonebook, name, {
        userName,
        domain,
        password,
        preSharedKey,
      });
      return null;
    },
    'phonebook:preview': async ({ file: named }) => {
      const file = place(named, 'import');
      const doc = await phonebooks.readFile(file);
      return doc.sections.map((section) => {
        const entry = sectionToEntry(section);
        return {
          name: entry.name,
          phonebook: file,
          type: entry.type,
          destination: primaryDestination(entry),
        };
      });
    },
    'phonebook:import': ({ phonebook, file, names, clash }) => {
      return phonebooks.import(phonebook, place(file, 'import'), names, clash);
    },
    'phonebook:powershell': ({ phonebook, name }) => phonebooks.powerShell(phonebook, name),
    'phonebook:export': async ({ phonebook, file: named, names, overwrite }) => {
      const file = await writable(place(named, 'export'));
      // Never over a phonebook the app shows, nor the app's own files.
      const protectedFiles = [
        ...listBooks(backend, settings.get()).map((b) => b.path),
        ...DATA_FILES.map((name) => path.join(deps.dataDir, name)),
      ];
      return {
        count: await phonebooks.export(phonebook, names, file, {
          overwrite: overwrite === true,
          protectedFiles,
        }),
        file,
      };
    },
    'file:choose': ({ purpose }) => deps.files.choose(purpose),
    'connection:list': async () => {
      const { version, connections } = manager.store.getState();
      return { version, connections: Object.values(connections) };
    },
    'connection:dial': async (payload) => ({ id: await manager.dial(payload) }),
    'connection:resume': async ({ id, answer }) => {
      await manager.resume(id, answer);
      return null;
    },
    'connection:hang-up': async ({ id }) => {
      await manager.hangUp(id);
      return null;
    },
    'connection:redial-now': async ({ id }) => {
      await manager.redialNow(id);
      return null;
    },
    'connection:terminal-send': async ({ id, text }) => {
      await manager.terminalSend(id, text);
      return null;
    },
    'connection:statistics': ({ id }) => manager.getStatistics(id),
    'connection:watch-statistics': async ({ id }, client) => {
      statistics.watch(client, id);
      return null;
    },
    'history:list': ({ phonebook, name }) => deps.history.list({ phonebook, name }),
    'doctor:run': (payload) => deps.doctor.run(payload),
    'diagnostics:export': async ({ file: named, overwrite }) => {
      const file = await writable(place(named, 'diagnostics'));
      // Asked first, as an export is: a typed path must not replace a file without a word.
      if (!overwrite && !deps.files.asksBeforeReplacing && (await stat(file).catch(() => null)))
        throw new AppError('FILE_EXISTS', messageRef('ipc.fileExists', { file }));
      await exportDiagnostics(
        { history: deps.history, manager, phonebooks, backend },
        deps.dataDir,
        {
          version: deps.version,
          platform: deps.platform,
          versions: deps.versions,
        },
        file,
      );
      deps.log(`diagnostics written to ${file}`);
      return { file };
    },
    'settings:get': async () => settings.get(),
    'settings:set': (change) => settings.set(change),
  };

  return {
    async handle(channel, payload, client) {
      if (!isInvokeChannel(channel)) {
        deps.log(`refused a call to an unknown channel from ${client}`);
        return refusal(messageRef('ipc.noChannel'));
      }
      const parsed = contract.invoke[channel].payload.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
        // Only the shape of the problem is logged: a payload may hold a password.
        deps.log(`refused ${channel} from ${client}: invalid payload${where}`);
        return refusal(
          issue && issue.path.length > 0
            ? messageRef('ipc.invalidRequestAt', { channel, path: issue.path.join('.') })
            : messageRef('ipc.invalidRequest', { channel }),
          `Invalid ${channel} request${where}: ${issue?.message ?? 'not valid'}.`,
        );
      }
      try {
        const handler = handlers[channel] as Handler<typeof channel>;
        return { ok: true, value: await handler(parsed.data as never, client) };
      } catch (error) {
        return failure(error);
      }
    },
    dropClient(client) {
      statistics.watch(client, null);
    },
  };
}
