// The app's executable as the shared simulated RAS service. The packed app cannot run as plain
// Node.js (the RunAsNode fuse is off), so the window starts the service as its own executable
// with SERVICE_FLAG and the data folder: no window, no tray, no single-instance lock.

import { app } from 'electron';
import { runService } from '../ras/simulated/service/run-service';
import type { ServiceLaunch } from '../ras/simulated/service/service-launch';

export const SERVICE_FLAG = '--simulated-ras-service';

/** The data folder after SERVICE_FLAG, when this process was started as the service. */
export function serviceModeFolder(argv: readonly string[]): string | null {
  const at = argv.indexOf(SERVICE_FLAG);
  return at >= 0 ? (argv[at + 1] ?? null) : null;
}

/** How the window starts the service; none outside Electron (its tests), whose connections stay private. */
export function electronServiceLaunch(): ServiceLaunch | undefined {
  if (!process.versions.electron) return undefined;
  // Unpacked (`electron .`), Electron needs the app's folder before the flag.
  const args = process.defaultApp ? [app.getAppPath(), SERVICE_FLAG] : [SERVICE_FLAG];
  return { command: process.execPath, args };
}

/** Runs the service until it is no longer used, then ends the process. */
export async function runServiceMode(dataDir: string): Promise<void> {
  app.dock?.hide();
  try {
    const service = await runService(dataDir);
    if (service) {
      process.once('SIGTERM', () => void service.stop());
      await service.stopped;
    }
  } finally {
    app.exit(0);
  }
}
