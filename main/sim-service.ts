// The shared simulated RAS service's process (see main/ras/simulated/service/): started
// detached by the first program that needs it, with the data folder as its one argument.

import { runService } from './ras/simulated/service/run-service';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: sim-service <data folder>\n');
  process.exit(2);
}
const service = await runService(dataDir);
if (service) {
  process.once('SIGTERM', () => void service.stop());
  process.once('SIGINT', () => void service.stop());
  await service.stopped;
}
process.exit(0);
