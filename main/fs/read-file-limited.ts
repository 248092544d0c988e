// Reads a file the person named (a phonebook to open, import, preview or check) safely: only
// a regular file, only up to a size a phonebook can have, and never for longer than a timeout.
// /dev/zero, a FIFO or a huge sparse file is refused at once instead of filling the memory or
// blocking the thread pool; a failure names the file and the cause in words.

import { constants, promises as fs, type Stats } from 'node:fs';
import { AppError, type AppErrorCode } from '../../app/ras/errors';

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
    message: string,
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

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** What an errno failure on `file` means, as a FileAccessError; null for one it does not know. */
export function describeFileError(file: string, error: unknown): FileAccessError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const described = describeErrno(file, code);
  return (
    described &&
    new FileAccessError(described.code, described.message, described.problem, file, code)
  );
}

function describeErrno(file: string, code: string | undefined): FileAccessError | null {
  switch (code) {
    case 'ENOENT':
      return new FileAccessError('NOT_FOUND', `The file ${file} does not exist.`, 'missing', file);
    case 'ENOTDIR':
      return new FileAccessError(
        'NOT_FOUND',
        `The file ${file} does not exist: a part of its path is not a folder.`,
        'missing',
        file,
      );
    case 'EISDIR':
      return folder(file);
    case 'ELOOP':
      return new FileAccessError(
        'INVALID_INPUT',
        `${file} is a symbolic link loop: it never reaches a file.`,
        'loop',
        file,
      );
    case 'EACCES':
      return new FileAccessError(
        'INVALID_INPUT',
        `${file} cannot be opened: permission denied.`,
        'denied',
        file,
      );
    case 'EPERM':
      return new FileAccessError(
        'INVALID_INPUT',
        `${file} cannot be opened: the operation is not permitted.`,
        'denied',
        file,
      );
    case 'EROFS':
      return new FileAccessError(
        'INVALID_INPUT',
        `${file} cannot be written: the file system is read-only.`,
        'denied',
        file,
      );
    default:
      return null;
  }
}

function folder(file: string): FileAccessError {
  return new FileAccessError(
    'INVALID_INPUT',
    `${file} is a folder, not a phonebook file.`,
    'folder',
    file,
  );
}

/** Why `stats` is not a file that may be read or written as a phonebook; null for a regular file. */
export function notRegular(file: string, stats: Stats): FileAccessError | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return folder(file);
  const what = stats.isSymbolicLink()
    ? 'a symbolic link'
    : stats.isFIFO()
      ? 'a pipe (FIFO)'
      : stats.isSocket()
        ? 'a socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  return new FileAccessError(
    'INVALID_INPUT',
    `${file} is ${what}, not a phonebook file.`,
    'not-regular',
    file,
  );
}

function tooLarge(file: string, limit: number): FileAccessError {
  return new FileAccessError(
    'INVALID_INPUT',
    `${file} is larger than ${sizeText(limit)}, too large for a phonebook.`,
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
          `Reading ${file} took longer than ${Math.round(timeoutMs / 1000)} s; it was given up.`,
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
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    if (signal.aborted) throw new Error('aborted');
    const want = Math.min(CHUNK, limit + 1 - total);
    const buffer = Buffer.allocUnsafe(Math.max(want, 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) throw tooLarge(file, limit);
  }
  return Buffer.concat(chunks, total);
}
