// Chooses the RAS backend: Windows' own RAS where rasapi32.dll exists, the simulated
// server elsewhere (or when asked for).

import path from 'node:path';
import { AppError } from '../../app/ras/errors';
import type { Clock } from '../clock';
import type { RasBackend } from './backend';
import { SimulatedRasBackend } from './simulated/simulated-backend';

export type BackendKind = 'simulated' | 'win32';

export function defaultBackendKind(platform: NodeJS.Platform = process.platform): BackendKind {
  return platform === 'win32' ? 'win32' : 'simulated';
}

export interface BackendOptions {
  kind: BackendKind;
  dataDir: string;
  speed: number;
  clock?: Clock;
}

export function createBackend(options: BackendOptions): RasBackend {
  if (options.kind === 'win32')
    throw new AppError(
      'UNSUPPORTED',
      'The Windows RAS backend (rasapi32.dll through koffi) is not part of this build yet; use --backend simulated.',
    );
  return new SimulatedRasBackend({
    defaultPhonebook: path.join(options.dataDir, 'rasphone.pbk'),
    clock: options.clock,
    speed: options.speed,
    credentialsFile: path.join(options.dataDir, 'simulated-credentials.json'),
  });
}
