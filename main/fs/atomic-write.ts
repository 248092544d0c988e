// Atomic file replacement: write a temp file beside the target, flush it, keep the old file
// as a backup (itself copied to a temp and renamed), rename the temp over the target. A
// failure at any step leaves the old file or the new one whole, never a mix, and no temp
// file behind; a process killed mid-write leaves its temp file, which the next write removes.
// A symbolic link is written through (its target changes, the link stays), a read-only file
// is refused, and the file keeps its permissions.

import { randomBytes } from 'node:crypto';
import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { englishText, messageRef, type MessageRef } from '../../app/ras/app-messages';
import { isAlive, realTarget } from './file-lock';

/** The file operations the write uses, replaceable so tests can fail each step. */
export interface WriteSteps {
  mkdir: (dir: string) => Promise<unknown>;
  open: (file: string) => Promise<{
    writeFile(b: Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  copyFile: (from: string, to: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (file: string) => Promise<void>;
}

export const realSteps: WriteSteps = {
  mkdir: (dir) => fs.mkdir(dir, { recursive: true }),
  open: (file) => fs.open(file, 'w', 0o600),
  copyFile: (from, to) => fs.copyFile(from, to),
  rename: (from, to) => fs.rename(from, to),
  rm: (file) => fs.rm(file, { force: true }),
};

export interface AtomicWriteOptions {
  /** Keep the previous version as `<file>.bak`. */
  backup?: boolean;
  steps?: WriteSteps;
  /**
   * Runs after the new contents are on disk, right before they replace the file: a last check
   * (that nobody else changed the file meanwhile); throwing leaves the file as it is.
   */
  beforeRename?: () => Promise<void>;
}

/** The file is read-only: it is not replaced. */
export class ReadOnlyFileError extends Error {
  readonly code = 'EACCES';
  /** The message as data, for the window's language. */
  readonly text: MessageRef;
  constructor(readonly file: string) {
    const text = messageRef('file.readOnly', { file });
    super(englishText(text));
    this.name = 'ReadOnlyFileError';
    this.text = text;
  }
}

/** The file as it is now, or null; refuses a file we may not (or should not) write. */
async function existing(file: string, shown: string): Promise<Stats | null> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // No write bit at all is read-only even for an administrator (root's access() says yes).
  if (stat.isFile() && (stat.mode & 0o222) === 0) throw new ReadOnlyFileError(shown);
  try {
    await fs.access(file, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new ReadOnlyFileError(shown);
    throw error;
  }
  return stat;
}

/** A temp name of its own: two writes in one millisecond never share one. */
function tempName(file: string, suffix: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}${suffix}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export async function writeFileAtomic(
  file: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const steps = options.steps ?? realSteps;
  const shown = file;
  // Through a symbolic link to the file it names, so the link is kept and its target changes.
  file = await realTarget(file);
  await steps.mkdir(path.dirname(file));
  const before = await existing(file, shown);
  const temp = tempName(file, '.tmp');
  const backupTemp = tempName(file, '.bak.tmp');
  try {
    const handle = await steps.open(temp);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (before) await keepOwnership(temp, before);
    if (options.backup && (await exists(file))) {
      // A copy is not atomic: a backup cut short would be a mix, so it is renamed in place too.
      await steps.copyFile(file, backupTemp);
      await steps.rename(backupTemp, `${file}.bak`);
    }
    await options.beforeRename?.();
    await steps.rename(temp, file);
  } catch (error) {
    await steps.rm(temp).catch(() => undefined);
    await steps.rm(backupTemp).catch(() => undefined);
    throw error;
  }
  await removeOrphans(file, steps).catch(() => undefined);
}

/** The new file keeps the old one's permissions (and, for an administrator, its owner). */
async function keepOwnership(temp: string, before: Stats): Promise<void> {
  await fs.chmod(temp, before.mode & 0o7777);
  if (process.getuid?.() === 0 && (before.uid !== 0 || before.gid !== 0))
    await fs.chown(temp, before.uid, before.gid).catch(() => undefined);
}

/** Temp files of this target left by a process that died mid-write (killed, power cut). */
async function removeOrphans(file: string, steps: WriteSteps): Promise<void> {
  const base = path.basename(file);
  const pattern = /^\.(\d+)\.[0-9a-z]+(\.bak)?\.tmp$/;
  for (const name of await fs.readdir(path.dirname(file))) {
    if (!name.startsWith(base)) continue;
    const match = pattern.exec(name.slice(base.length));
    if (match && !isAlive(Number(match[1]))) await steps.rm(path.join(path.dirname(file), name));
  }
}
