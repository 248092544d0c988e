// Atomic file replacement: write a temp file beside the target, flush it, keep the old file
// as a backup, rename the temp over the target. A failure at any step leaves the old file
// or the new one whole, never a mix, and no temp file behind.

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
  try {
    const handle = await steps.open(temp);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup && (await exists(file))) await steps.copyFile(file, `${file}.bak`);
    await steps.rename(temp, file);
  } catch (error) {
    await steps.rm(temp).catch(() => undefined);
    throw error;
  }
}
