import path from 'node:path';
import { simulatedWorld } from '../support/simulated';
import { backendContract } from './backend-contract';

backendContract('simulated server', async () => {
  const world = await simulatedWorld();
  return {
    backend: world.backend,
    phonebook: path.join(world.dir, 'contract.pbk'),
    until: (done) => world.clock.runUntil(done),
    cleanup: world.cleanup,
  };
});
