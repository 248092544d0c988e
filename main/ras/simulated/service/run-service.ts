// The shared simulated RAS service's process: one per data folder (one per user). It takes
// the address under a lock, so two programs that start it at once leave one service; a socket
// file that nobody answers on (a service that was killed) is replaced. It leaves when no
// program is linked and no port is held, and when its data folder is removed.

import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { withFileLock } from '../../../fs/file-lock';
import { SimulatedRasServer } from '../simulated-server';
import { ensureServiceFolder, serviceAddress } from './service-address';
import { ServiceHost } from './service-host';

export interface RunningService {
  address: string;
  host: ServiceHost;
  /** Resolves when the service has stopped (idle, folder gone, or `stop`). */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

/** Runs the service for `dataDir`; null when another one already serves it. */
export async function runService(
  dataDir: string,
  options: { idleMs?: number; firstIdleMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningService | null> {
  const address = serviceAddress(dataDir, process.platform, options.env);
  await ensureServiceFolder(address);
  let stop: () => Promise<void> = async () => undefined;
  const timers: { folderWatch?: NodeJS.Timeout } = {};
  const stopped = new Promise<void>((resolve) => {
    stop = async () => {
      clearInterval(timers.folderWatch);
      // Closing unlinks the socket file; removing it here could remove a newer service's.
      await host.close();
      resolve();
    };
  });
  const server = new SimulatedRasServer({
    // Handles from an earlier service must not name this one's connections.
    firstHandle: randomInt(1, 0x7fff_0000),
    onPortReleased: () => host.checkIdle(),
  });
  const host = new ServiceHost({
    server,
    idleMs: options.idleMs,
    firstIdleMs: options.firstIdleMs,
    onIdle: () => void stop(),
  });
  const listening = await withFileLock(path.join(dataDir, 'simulated-ras-service'), async () => {
    if (await answers(address)) return false;
    // Nobody answers: what is there is left by a service that was killed.
    if (!address.startsWith('\\\\')) await fs.rm(address, { force: true });
    await host.listen(address);
    return true;
  });
  if (!listening) {
    server.dispose();
    return null;
  }
  // A removed data folder (a test's, or a user's reset) ends the service and its connections.
  timers.folderWatch = setInterval(() => {
    if (!existsSync(dataDir)) void stop();
  }, 2000);
  timers.folderWatch.unref();
  return { address, host, stopped, stop: () => stop() };
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
