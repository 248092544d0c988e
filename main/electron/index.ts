// Electron's entry point: the window and tray, or (started with SERVICE_FLAG) the shared
// simulated RAS service.
import { startShell } from './shell';
import { runServiceMode, serviceModeFolder } from './service-mode';

const serviceFolder = serviceModeFolder(process.argv);
if (serviceFolder !== null) void runServiceMode(serviceFolder);
else startShell();
