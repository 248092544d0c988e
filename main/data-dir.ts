// The app's per-user data folder: the same one Electron's app.getPath('userData') gives for
// the product name, so the CLI, the headless host and the window share one phonebook.

import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'RAS Connect';

export function dataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.RAS_CONNECT_HOME) return path.resolve(env.RAS_CONNECT_HOME);
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** The simulated server's speed factor from RAS_CONNECT_SIM_SPEED (1 = realistic, 0 = no delay). */
export function simulationSpeed(env: NodeJS.ProcessEnv = process.env, fallback = 1): number {
  const raw = env.RAS_CONNECT_SIM_SPEED;
  if (raw === undefined || raw.trim() === '') return fallback;
  const speed = Number(raw);
  if (!Number.isFinite(speed) || speed < 0)
    throw new RangeError(`RAS_CONNECT_SIM_SPEED must be a number of 0 or more, not "${raw}".`);
  return speed;
}
