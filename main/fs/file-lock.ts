// A lock on a file shared by every process of the machine: `<file>.lock` beside the file (its
// real path, so two names of one file share one lock), created exclusively ('wx') and holding
// the owner's pid, host and a token. A lock whose owner is gone (a dead pid on this host) or
// that has not been refreshed for `staleMs` (the owner refreshes it while it holds it) is taken
// over. Waiting retries with a short backoff, up to `waitMs`, then fails naming the owner.
// Within a process the lock is re-entrant along one async call chain (AsyncLocalStorage), so a
// read-modify-write that holds it can call a write that takes it too.

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { englishText, messageRef, type MessageRef } from '../../app/ras/app-messages';

export interface FileLockOptions {
  /** How long to wait for another holder before giving up (default 15 s). */
  waitMs?: number;
  /** A lock not refreshed for this long is abandoned (default 60 s). */
  staleMs?: number;
}

/** The file is locked by another program and stayed locked for the whole wait. */
export class FileLockedError extends Error {
  readonly code = 'ELOCKED';
  /** The message as data, for the window's language. */
  readonly text: MessageRef;
  constructor(
    readonly file: string,
    readonly pid: number | undefined,
  ) {
    const text =
      pid === undefined
        ? messageRef('file.locked', { file })
        : messageRef('file.lockedBy', { file, pid });
    super(englishText(text));
    this.name = 'FileLockedError';
    this.text = text;
  }
}

interface LockContent {
  pid: number;
  host: string;
  token: string;
  since: string;
}

const chain = new AsyncLocalStorage<ReadonlySet<string>>();

/** The path a file's lock and writes go to: its real path (through symbolic links). */
export async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // No such file; a dangling link still names where it will be.
  try {
    const link = await fs.readlink(file);
    return path.resolve(path.dirname(path.resolve(file)), link);
  } catch {
    const dir = await fs.realpath(path.dirname(path.resolve(file))).catch(() => null);
    return dir ? path.join(dir, path.basename(file)) : path.resolve(file);
  }
}

/** Runs `work` holding the cross-process lock of `file`. */
export async function withFileLock<T>(
  file: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const target = await realTarget(file);
  const outer = chain.getStore();
  if (outer?.has(target)) return work();
  const release = await acquire(target, file, options);
  try {
    return await chain.run(new Set([...(outer ?? []), target]), work);
  } finally {
    await release();
  }
}

async function acquire(
  target: string,
  shown: string,
  { waitMs = 15_000, staleMs = 60_000 }: FileLockOptions,
): Promise<() => Promise<void>> {
  const lockFile = `${target}.lock`;
  const mine: LockContent = {
    pid: process.pid,
    host: os.hostname(),
    token: randomBytes(8).toString('hex'),
    since: new Date().toISOString(),
  };
  const text = JSON.stringify(mine);
  const deadline = Date.now() + waitMs;
  let delay = 2;
  for (;;) {
    try {
      await fs.writeFile(lockFile, text, { flag: 'wx' });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A first write into a folder that does not exist yet (a new data folder) makes it, as
      // the write the lock guards would.
      if (code === 'ENOENT') {
        await fs.mkdir(path.dirname(lockFile), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
    }
    const owner = await readLock(lockFile);
    if (owner && isStale(owner, staleMs)) {
      await removeStale(lockFile, owner.text);
      continue;
    }
    if (Date.now() >= deadline) throw new FileLockedError(shown, owner?.content?.pid);
    await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
    delay = Math.min(delay * 2, 100);
  }
  // Refreshed while held, so a long write is never taken for an abandoned lock.
  const refresh = setInterval(
    () => {
      const now = new Date();
      void fs.utimes(lockFile, now, now).catch(() => undefined);
    },
    Math.max(staleMs / 4, 10),
  );
  refresh.unref();
  return async () => {
    clearInterval(refresh);
    const now = await readLock(lockFile);
    if (now?.text === text) await fs.rm(lockFile, { force: true });
  };
}

async function readLock(
  lockFile: string,
): Promise<{ text: string; content: LockContent | null; mtimeMs: number } | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)]);
    let content: LockContent | null = null;
    try {
      const parsed = JSON.parse(text) as Partial<LockContent>;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
        content = parsed as LockContent;
    } catch {
      // Being written this very moment, or damaged: judged by its age alone.
    }
    return { text, content, mtimeMs: stat.mtimeMs };
  } catch {
    return null; // released meanwhile
  }
}

function isStale(
  owner: { content: LockContent | null; mtimeMs: number },
  staleMs: number,
): boolean {
  const age = Date.now() - owner.mtimeMs;
  if (age > staleMs) return true;
  const content = owner.content;
  if (!content) return age > 2_000;
  if (content.host !== os.hostname()) return false;
  // A holder in this process always lets go (in a finally): only its age can make it stale.
  return content.pid !== process.pid && !isAlive(content.pid);
}

/**
 * Removes an abandoned lock, unless another process took it over first: the lock is moved
 * aside (atomic), and put back (without replacing anything) if it is not the one judged stale.
 */
async function removeStale(lockFile: string, staleText: string): Promise<void> {
  // Judged on what was read a moment ago: the owner may have let go and another taken it since.
  if ((await readLock(lockFile))?.text !== staleText) return;
  const aside = `${lockFile}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(lockFile, aside);
  } catch {
    return;
  }
  try {
    if ((await fs.readFile(aside, 'utf8')) !== staleText)
      await fs.link(aside, lockFile).catch(() => undefined);
  } finally {
    await fs.rm(aside, { force: true });
  }
}

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
