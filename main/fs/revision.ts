// A file's revision: a digest of its bytes, so a change by another program is noticed
// before anything is written over it.

import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';

/** The revision of a file that does not exist. */
export const ABSENT = 'absent';

export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

const CHUNK = 1024 * 1024;

/** Hashes the file as it is read, through one small buffer. */
async function digest(handle: fs.FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * The revision of the file as it is now on disk. Hashed as it is read: a save checks the
 * revision twice, and holding a large phonebook's bytes for each check cost more than
 * hashing them (issue 14).
 */
export async function currentRevision(file: string): Promise<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return ABSENT;
  }
  try {
    return await digest(handle);
  } catch {
    return ABSENT;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// Never waits for a writer: a FIFO put in the file's place opens at once and is refused below.
const PROBE_FLAGS =
  constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * The revision of a regular file of at most `limit` bytes, without keeping its bytes; null for
 * anything else (missing, not a regular file, too large, unreadable), which the caller then
 * reads the careful way for its error. Lets a reader whose parse of these bytes is cached skip
 * reading the whole file into memory.
 */
export async function regularFileRevision(file: string, limit: number): Promise<string | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, PROBE_FLAGS);
  } catch {
    return null;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > limit) return null;
    return await digest(handle);
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
