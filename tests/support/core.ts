// A core over the simulated server in a fresh data folder, for tests across main/, and a wait
// for what it does asynchronously.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../main/app-core';

export interface TestCore {
  core: Core;
  dir: string;
  /** Everything the core logged. */
  logged: string[];
  dispose(): Promise<void>;
}

export async function simulatedCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ras-core-'));
  const logged: string[] = [];
  const core = await createCore({
    dataDir: dir,
    backend: 'simulated',
    speed: 0,
    version: '1.2.3',
    platform: 'linux',
    log: (m) => logged.push(m),
    ...options,
  });
  return {
    core,
    dir,
    logged,
    async dispose() {
      core.dispose();
      // A history append may still be landing: rm retries a folder that is not empty yet.
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

/** Waits (up to five seconds) until the check holds, then asserts it. */
export async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await check()).toBe(true);
}
