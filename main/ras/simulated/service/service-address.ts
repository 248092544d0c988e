// Where the shared simulated RAS service listens: one address per data folder, so the window,
// browser mode and every `ras-connect` of one user (one data folder) reach the same service,
// and a test with a data folder of its own gets a service of its own.

import { messageRef } from '../../../../app/ras/app-messages';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../../app/ras/errors';

export function serviceAddress(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const id = createHash('sha256')
    .update(platform === 'win32' ? dataDir.toLowerCase() : dataDir)
    .digest('hex')
    .slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\ras-connect-simulated-ras-${id}`;
  // A socket's path must fit 108 bytes, which a data folder may not: a short private folder.
  return path.join(serviceFolder(env), `sim-${id}.sock`);
}

/** The folder of this user's service sockets: the session's runtime folder, else the temporary one. */
export function serviceFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_RUNTIME_DIR) return path.join(env.XDG_RUNTIME_DIR, 'ras-connect');
  return path.join(os.tmpdir(), `ras-connect-${process.getuid?.() ?? 'user'}`);
}

/**
 * Makes the socket's folder, readable by this user only, and refuses one that another user
 * could have prepared (owned by someone else, open to others, or a link): whoever controls the
 * folder could put their own service in our place and read the passwords we dial with.
 */
export async function ensureServiceFolder(address: string): Promise<void> {
  if (address.startsWith('\\\\.\\pipe\\')) return;
  const folder = path.dirname(address);
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const info = await fs.lstat(folder);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid) || (info.mode & 0o077) !== 0)
    throw new AppError('UNSUPPORTED', messageRef('sim.folderNotOwn', { folder }));
}
