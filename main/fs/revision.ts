// A file's revision: a digest of its bytes, so a change by another program is noticed
// before anything is written over it.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** The revision of a file that does not exist. */
export const ABSENT = 'absent';

export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** The revision of the file as it is now on disk. */
export async function currentRevision(file: string): Promise<string> {
  try {
    return revisionOf(await fs.readFile(file));
  } catch {
    return ABSENT;
  }
}
