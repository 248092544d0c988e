// Atomic file replacement: write a temp file beside the target, flush it, keep the old file
// as a backup (itself copied to a temp and renamed), rename the temp over the target. A
// failure at any step leaves the old file or the new one whole, never a mix, and no temp
// file behind; a process killed mid-write leaves its temp file, which the next write removes.

import { promises as fs } from 'node:fs';
import path from 'node:path';

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
  await steps.mkdir(path.dirname(file));
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const backupTemp = `${file}.${process.pid}.${Date.now().toString(36)}.bak.tmp`;
  try {
    const handle = await steps.open(temp);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup && (await exists(file))) {
      // A copy is not atomic: a backup cut short would be a mix, so it is renamed in place too.
      await steps.copyFile(file, backupTemp);
      await steps.rename(backupTemp, `${file}.bak`);
    }
    await steps.rename(temp, file);
  } catch (error) {
    await steps.rm(temp).catch(() => undefined);
    await steps.rm(backupTemp).catch(() => undefined);
    throw error;
  }
  await removeOrphans(file, steps).catch(() => undefined);
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

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
