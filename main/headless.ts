// npm run start:web: the app in a browser. The same core and router as the Electron app,
// with the simulated server unless told otherwise; prints the URL to open.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './app-core';
import { dataDir, simulationSpeed } from './data-dir';
import {
  HeadlessStartError,
  listenLoopback,
  parsePort,
  startHeadlessHost,
} from './headless/headless-server';
import { defaultBackendKind } from './ras/create-backend';
import { nodeServiceLaunch } from './ras/simulated/service/service-launch';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (message: string): void => void process.stderr.write(`${message}\n`);
const env = process.env;

// The port first: a busy or wrong port is one clear line, before any file is written.
let server;
try {
  server = await listenLoopback(parsePort(env.RAS_CONNECT_PORT));
} catch (error) {
  if (!(error instanceof HeadlessStartError)) throw error;
  log(error.message);
  process.exit(1);
}

const core = await createCore({
  dataDir: dataDir(env),
  backend:
    env.RAS_CONNECT_BACKEND === 'win32'
      ? 'win32'
      : env.RAS_CONNECT_BACKEND === 'simulated'
        ? 'simulated'
        : defaultBackendKind(),
  speed: env.RAS_CONNECT_SIM_SPEED === undefined ? undefined : simulationSpeed(env),
  version: env.npm_package_version ?? '0.0.0',
  platform: process.platform,
  simService: nodeServiceLaunch(import.meta.url),
  log,
});
const host = await startHeadlessHost({
  core,
  rendererDir: env.RAS_CONNECT_RENDERER ?? path.join(here, '../renderer'),
  server,
  log,
});
process.stdout.write(`RAS Connect is running at ${host.url}\n`);

const stop = async (): Promise<void> => {
  await host.close();
  core.dispose();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
