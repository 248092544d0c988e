import { buildRasapi32Double } from '../native/build-double';
import { backendContract } from './backend-contract';
import { win32World } from './win32-world';

backendContract('Win32 backend over the C test double of rasapi32', () =>
  win32World(buildRasapi32Double()),
);
