// Reads a file the person named (a phonebook to open, import, preview or check) safely: only
// a regular file, only up to a size a phonebook can have, and never for longer than a timeout.
// /dev/zero, a FIFO or a huge sparse file is refused at once instead of filling the memory or
// blocking the thread pool; a failure names the file and the cause in words.

import { constants, promises as fs, type Stats } from 'node:fs';
import { AppError, type AppErrorCode } from '../../app/ras/errors';
import { messageRef, type MessageKey, type MessageRef } from '../../app/ras/app-messages';

/** The largest file read as a phonebook: far above any real one (10,000 entries ≈ 6 MiB). */
export const PHONEBOOK_SIZE_LIMIT = 64 * 1024 * 1024;
/** How long a read may take before it is given up. */
export const READ_TIMEOUT_MS = 30_000;

const CHUNK = 1024 * 1024;

export type FileProblem =
  'missing' | 'folder' | 'loop' | 'not-regular' | 'too-large' | 'timeout' | 'denied' | 'other';

/** A file that could not be read or written, said in words that name it and the cause. */
export class FileAccessError extends AppError {
  constructor(
    code: AppErrorCode,
    message: MessageRef,
    readonly problem: FileProblem,
    readonly file: string,
    /** Node's errno code when the system refused (ENOENT, EISDIR, ELOOP, …). */
    readonly errno?: string,
  ) {
    super(code, message);
  }
}

export interface ReadLimitedOptions {
  /** The largest size accepted, in bytes (default 64 MiB). */
  limit?: number;
  /** Given up after this many milliseconds (default 30 s). */
  timeoutMs?: number;
}

/** A message about `file` and only it. */
const about = (key: MessageKey, file: string): MessageRef => messageRef(key, { file });

/** What an errno failure on `file` means, as a FileAccessError; null for one it does not know. */
export function describeFileError(file: string, error: unknown): FileAccessError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const described = describeErrno(file, code);
  return (
    described && new FileAccessError(described.code, described.text!, described.problem, file, code)
  );
}

function describeErrno(file: string, code: string | undefined): FileAccessError | null {
  switch (code) {
    case 'ENOENT':
      return new FileAccessError('NOT_FOUND', about('file.missing', file), 'missing', file);
    case 'ENOTDIR':
      return new FileAccessError('NOT_FOUND', about('file.missingPart', file), 'missing', file);
    case 'EISDIR':
      return folder(file);
    case 'ELOOP':
      return new FileAccessError('INVALID_INPUT', about('file.loop', file), 'loop', file);
    case 'EACCES':
      return new FileAccessError('INVALID_INPUT', about('file.denied', file), 'denied', file);
    case 'EPERM':
      return new FileAccessError('INVALID_INPUT', about('file.notPermitted', file), 'denied', file);
    case 'EROFS':
      return new FileAccessError('INVALID_INPUT', about('file.readOnlyDisk', file), 'denied', file);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileAccessError('INVALID_INPUT', about('file.diskFull', file), 'other', file);
    default:
      return null;
  }
}

function folder(file: string): FileAccessError {
  return new FileAccessError('INVALID_INPUT', about('file.folder', file), 'folder', file);
}

/** Why `stats` is not a file that may be read or written as a phonebook; null for a regular file. */
export function notRegular(file: string, stats: Stats): FileAccessError | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return folder(file);
  const kind = stats.isSymbolicLink()
    ? 'fileKind.symlink'
    : stats.isFIFO()
      ? 'fileKind.fifo'
      : stats.isSocket()
        ? 'fileKind.socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'fileKind.device'
          : 'fileKind.other';
  return new FileAccessError(
    'INVALID_INPUT',
    messageRef('file.notRegular', { file, kind }),
    'not-regular',
    file,
  );
}

function tooLarge(file: string, limit: number): FileAccessError {
  const mib = limit % (1024 * 1024) === 0;
  return new FileAccessError(
    'INVALID_INPUT',
    messageRef(mib ? 'file.tooLargeMiB' : 'file.tooLargeBytes', {
      file,
      size: mib ? limit / (1024 * 1024) : limit,
    }),
    'too-large',
    file,
  );
}

// Opening a FIFO for reading waits for a writer, holding one of libuv's few threads: without
// O_NONBLOCK the open returns at once, and the check of what was opened refuses it.
const READ_FLAGS =
  constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK;

/** The bytes of `file`, a regular file of at most `limit` bytes, read within `timeoutMs`. */
export async function readFileLimited(
  file: string,
  { limit = PHONEBOOK_SIZE_LIMIT, timeoutMs = READ_TIMEOUT_MS }: ReadLimitedOptions = {},
): Promise<Buffer> {
  // Our own timer, cleared when the read ends: AbortSignal.timeout would keep each read's
  // promises (and so its bytes) alive for the whole time limit after the read is done.
  const controller = new AbortController();
  const signal = controller.signal;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  timer.unref();
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, READ_FLAGS);
  } catch (error) {
    clearTimeout(timer);
    throw describeFileError(file, error) ?? error;
  }
  const timedOut = new Promise<never>((_, reject) => {
    const fail = (): void =>
      reject(
        new FileAccessError(
          'INVALID_INPUT',
          messageRef('file.timeout', { file, seconds: Math.round(timeoutMs / 1000) }),
          'timeout',
          file,
        ),
      );
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  timedOut.catch(() => undefined);
  try {
    return await Promise.race([readAll(handle, file, limit, signal), timedOut]);
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    throw describeFileError(file, error) ?? error;
  } finally {
    clearTimeout(timer);
    // A close waits for a read still under way: after a timeout it is not waited for.
    const closing = handle.close().catch(() => undefined);
    if (!signal.aborted) await closing;
  }
}

async function readAll(
  handle: fs.FileHandle,
  file: string,
  limit: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const stats = await handle.stat();
  const refused = notRegular(file, stats);
  if (refused) throw refused;
  if (stats.size > limit) throw tooLarge(file, limit);
  // The file may grow while it is read: read at most one byte past the limit, to notice.
  // Read in place into one buffer of the size the file has, plus a byte to notice growth
  // (chunks joined at the end cost a second copy of a large phonebook on every read).
  let buffer = Buffer.allocUnsafe(stats.size + 1);
  let total = 0;
  for (;;) {
    if (signal.aborted) throw new Error('aborted');
    if (total === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(buffer.length + CHUNK, limit + 1));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const want = Math.min(CHUNK, buffer.length - total);
    const { bytesRead } = await handle.read(buffer, total, want, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > limit) throw tooLarge(file, limit);
  }
  return buffer.subarray(0, total);
}
