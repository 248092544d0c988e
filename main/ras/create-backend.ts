// Chooses the RAS backend: Windows' own RAS where rasapi32.dll exists, the simulated
// server elsewhere (or when asked for).

import path from 'node:path';
import { AppError } from '../../app/ras/errors';
import type { Clock } from '../clock';
import type { RasBackend } from './backend';
import type { SecretStore } from '../secrets/secret-store';
import type { PbkCharset } from './pbk-charset';
import { SimulatedRasBackend } from './simulated/simulated-backend';
import { Win32RasBackend } from './win32/win32-backend';
import { ServiceClient } from './simulated/service/service-client';
import { serviceAddress } from './simulated/service/service-address';
import { startService, type ServiceLaunch } from './simulated/service/service-launch';

export type BackendKind = 'simulated' | 'win32';

export function defaultBackendKind(platform: NodeJS.Platform = process.platform): BackendKind {
  return platform === 'win32' ? 'win32' : 'simulated';
}

export interface BackendOptions {
  kind: BackendKind;
  dataDir: string;
  speed: number;
  clock?: Clock;
  /** Seals the simulated server's saved passwords (Electron's safeStorage); none: passwords are not saved. */
  secrets?: SecretStore;
  /** How a phonebook file that is not UTF-8 is read (entries, and whole sections for copies). */
  charset?: PbkCharset;
  /**
   * The simulated server's connections in the user session's shared service, started with
   * `launch`; `hold` starts it at once and keeps it while this program runs (the window,
   * browser mode). Without it the connections are this program's own (tests).
   */
  sharedService?: { launch: ServiceLaunch; hold: boolean };
  /** Where the Win32 backend says what it could not read (a connection's DNS servers). */
  log?: (line: string) => void;
}

/** The current user's phonebook, where Windows keeps the entries a person creates (§8.1). */
export function userPhonebook(env: NodeJS.ProcessEnv = process.env): string {
  const appData =
    env.APPDATA ?? path.win32.join(env.USERPROFILE ?? 'C:\\Users\\Default', 'AppData', 'Roaming');
  return path.win32.join(appData, 'Microsoft', 'Network', 'Connections', 'Pbk', 'rasphone.pbk');
}

/** The All-Users phonebook, which rasphone lists beside the user's (changing it needs an administrator). */
export function allUsersPhonebook(env: NodeJS.ProcessEnv = process.env): string {
  const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
  return path.win32.join(programData, 'Microsoft', 'Network', 'Connections', 'Pbk', 'rasphone.pbk');
}

export function createBackend(options: BackendOptions): RasBackend {
  if (options.kind === 'win32') {
    try {
      return new Win32RasBackend({
        defaultPhonebook: userPhonebook(),
        allUsersPhonebook: allUsersPhonebook(),
        charset: options.charset,
        log: options.log,
      });
    } catch (error) {
      throw new AppError(
        'UNSUPPORTED',
        `rasapi32.dll could not be loaded (${(error as Error).message.split('\n')[0]}); use --backend simulated.`,
      );
    }
  }
  const shared = options.sharedService;
  return new SimulatedRasBackend({
    connections: shared
      ? new ServiceClient({
          address: serviceAddress(options.dataDir),
          start: () => startService(shared.launch, options.dataDir),
          hold: shared.hold,
        })
      : undefined,
    defaultPhonebook: path.join(options.dataDir, 'rasphone.pbk'),
    clock: options.clock,
    speed: options.speed,
    credentialsFile: path.join(options.dataDir, 'simulated-credentials.json'),
    secrets: options.secrets,
    charset: options.charset,
  });
}
