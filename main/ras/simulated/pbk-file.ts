// A rasphone.pbk file on disk, for the simulated backend (on Windows, RAS itself owns the
// file). Reads never change the file; a file that fails to parse is reported with its line
// number and never written; writes are atomic (temp file, flush, rename).

import { writeFileAtomic } from '../../fs/atomic-write';
import {
  FileAccessError,
  PHONEBOOK_SIZE_LIMIT,
  describeFileError,
  readFileLimited,
} from '../../fs/read-file-limited';
import { FileLockedError, withFileLock } from '../../fs/file-lock';
import { ABSENT, currentRevision, regularFileRevision, revisionOf } from '../../fs/revision';
import path from 'node:path';
import type { PbkEncoding } from '../../../app/phonebook/pbk-encoding';
import { defaultPbkCharset, encodeText, type PbkCharset } from '../pbk-charset';
import {
  parsePbk,
  pbkTextParts,
  emptyDocument,
  type PbkDocument,
} from '../../../app/phonebook/pbk-codec';
import { messageRef, type MessageRef } from '../../../app/ras/app-messages';
import { AppError, RasError, RasErrorCode } from '../../../app/ras/errors';

export interface LoadedPbk {
  document: PbkDocument;
  encoding: PbkEncoding;
  /** A digest of the bytes read ('absent' for no file): what a later write expects to find. */
  revision: string;
  /** The code page asked for when it was read (PbkCharset.key()): its cache key, with the digest. */
  readAs?: string;
}

export interface ReadOptions {
  /** A missing file reads as an empty phonebook (in UTF-8) instead of an error. */
  missingOk?: boolean;
  /** Which code page a file that is not UTF-8 is in (default: the system's, or detected). */
  charset?: PbkCharset;
}

export async function readPbkFile(
  file: string,
  { missingOk = false, charset = defaultPbkCharset }: ReadOptions = {},
): Promise<LoadedPbk> {
  // The same bytes read in another code page (the setting changed) are another document.
  const readAs = charset.key();
  // Bytes parsed before (the same digest) are not read into memory again: a save reads the
  // file twice, and a large phonebook's bytes were much of its time (issue 14).
  const known = await regularFileRevision(file, PHONEBOOK_SIZE_LIMIT);
  const hit = known === null ? undefined : parsedByRevision.get(cacheKey(known, readAs));
  if (hit) return { ...hit, revision: known!, readAs };
  let bytes: Uint8Array;
  try {
    // A regular file of a phonebook's size only: never a device, a FIFO or a huge file.
    bytes = await readFileLimited(file);
  } catch (error) {
    const errno =
      error instanceof FileAccessError ? error.errno : (error as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT' && missingOk)
      return {
        document: emptyDocument(),
        encoding: 'utf-8',
        revision: ABSENT,
        readAs: charset.key(),
      };
    throw new RasError(
      RasErrorCode.ERROR_CANNOT_OPEN_PHONEBOOK,
      detailOf(file, error) ?? messageRef('sim.readFailed', { file, reason: reasonOf(error) }),
    );
  }
  const revision = revisionOf(bytes);
  const key = cacheKey(revision, readAs);
  const cached = parsedByRevision.get(key);
  if (cached) return { ...cached, revision, readAs };
  const { text, encoding } = await charset.decode(bytes);
  const parsed = parsePbk(text);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    const more = parsed.problems.length - 1;
    throw new RasError(
      RasErrorCode.ERROR_CORRUPT_PHONEBOOK,
      messageRef(more > 0 ? 'sim.parseErrorMore' : 'sim.parseError', {
        ...first.params,
        file,
        line: first.line,
        problem: first.key ?? first.message,
        more,
      }),
    );
  }
  remember(key, parsed.document, encoding);
  return { document: parsed.document, encoding, revision, readAs };
}

// Parsed documents by the digest of their bytes (and the code page asked for): the same bytes
// are never parsed twice, and a changed file is never served from here (its digest differs).
// A few large files at most.
const parsedByRevision = new Map<string, { document: PbkDocument; encoding: PbkEncoding }>();
const CACHED_DOCUMENTS = 4;

function cacheKey(revision: string, readAs = 'automatic'): string {
  return `${revision}\u0000${readAs}`;
}

function remember(key: string, document: PbkDocument, encoding: PbkEncoding): void {
  parsedByRevision.delete(key);
  parsedByRevision.set(key, { document, encoding });
  while (parsedByRevision.size > CACHED_DOCUMENTS)
    parsedByRevision.delete(parsedByRevision.keys().next().value!);
}

/**
 * Writes atomically, keeping the previous version as `<file>.bak`, unless the file on disk is
 * no longer the revision that was read: another program changed it, and it is not overwritten.
 * The check, the write and the rename hold the file's cross-process lock, and the revision is
 * checked again right before the rename, for a program that writes without the lock (rasphone
 * and RasMan on Windows): a write that returns is a write that was kept.
 */
export function writePbkFile(file: string, loaded: LoadedPbk): Promise<void> {
  return lockedForWrite(file, async () => {
    const unchanged = async () => {
      if ((await currentRevision(file)) !== loaded.revision)
        throw new AppError('PHONEBOOK_CHANGED', messageRef('phonebook.changed', { file }));
    };
    await unchanged();
    let bytes: Uint8Array;
    try {
      // In the encoding it was read in: a character that encoding cannot hold is refused.
      bytes = encodeParts(pbkTextParts(loaded.document), loaded.encoding);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // The English names the character; the translation names the encoding it is not in.
      const english = `${file}: ${error.message}; nothing was written.`;
      throw new AppError(
        'INVALID_INPUT',
        english,
        messageRef('sim.unwritable', { file, encoding: loaded.encoding }),
      );
    }
    try {
      await writeFileAtomic(file, bytes, { backup: true, beforeRename: unchanged });
      remember(cacheKey(revisionOf(bytes), loaded.readAs), loaded.document, loaded.encoding);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new RasError(
        RasErrorCode.ERROR_CANNOT_WRITE_PHONEBOOK,
        detailOf(file, error) ?? messageRef('sim.writeFailed', { file, reason: reasonOf(error) }),
      );
    }
  });
}

/**
 * The text's bytes. UTF-8 is written piece by piece into one buffer: a large phonebook's text
 * is thousands of pieces, and joining them into one string first took longer than the rest of
 * the save together (issue 14). Other encodings take the joined text.
 */
function encodeParts(parts: readonly string[], encoding: PbkEncoding): Uint8Array {
  if (encoding !== 'utf-8') return encodeText(parts.join(''), encoding);
  let size = 0;
  for (const part of parts) size += Buffer.byteLength(part, 'utf8');
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) at += bytes.write(part, at, 'utf8');
  return bytes;
}

/** Runs `work` holding the file's cross-process lock; a lock held too long is 'cannot write'. */
async function lockedForWrite<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withFileLock(file, work);
  } catch (error) {
    if (!(error instanceof FileLockedError)) throw error;
    throw new RasError(RasErrorCode.ERROR_CANNOT_WRITE_PHONEBOOK, error.text);
  }
}

/**
 * Serializes read-modify-write cycles per file, so two changes never interleave: one at a time
 * in this process, and under the file's lock (`<file>.lock`) against every other process.
 */
export class PbkFileLock {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(file: string, work: () => Promise<T>): Promise<T> {
    const key = path.resolve(file);
    const locked = () => lockedForWrite(file, work);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(locked, locked);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

/** What went wrong with `file` as a message, where the error or its errno says it in words. */
function detailOf(file: string, error: unknown): MessageRef | undefined {
  const text = (error as { text?: unknown } | null)?.text;
  if (text && typeof text === 'object') return text as MessageRef;
  return describeFileError(file, error)?.text;
}

/** The system's reason a file could not be used: its errno name (EIO), which needs no words. */
function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
