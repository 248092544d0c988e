// How a program starts the shared simulated RAS service: a detached process of its own (its
// own session, no terminal), so it outlives the program that started it, as RasMan outlives
// rasdial, and Ctrl-C in the shell that ran `ras-connect` does not reach it.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messageRef } from '../../../../app/ras/app-messages';
import { AppError } from '../../../../app/ras/errors';

export interface ServiceLaunch {
  command: string;
  /** The arguments before the data folder, which is added last. */
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * The service run by this Node.js: `sim-service.js` beside the calling entry's file (the built
 * `out/main/`), or `sim-service.ts` when the entry runs from source (tsx, tests), with the same
 * Node.js options (tsx's loader among them).
 */
export function nodeServiceLaunch(entryUrl: string): ServiceLaunch {
  const entry = fileURLToPath(entryUrl);
  const extension = entry.endsWith('.ts') ? '.ts' : '.js';
  const script = fileURLToPath(new URL(`./sim-service${extension}`, entryUrl));
  if (!existsSync(script))
    throw new AppError('INTERNAL', messageRef('sim.serviceMissing', { script }));
  return { command: process.execPath, args: [...process.execArgv, script] };
}

/** Starts the service for `dataDir` and lets it go; it ends itself when nothing uses it. */
export function startService(launch: ServiceLaunch, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(launch.command, [...launch.args, dataDir], {
      detached: true,
      stdio: 'ignore',
      env: launch.env ?? process.env,
      windowsHide: true,
    });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
