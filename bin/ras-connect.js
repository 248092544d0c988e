#!/usr/bin/env node
// ras-connect: runs the built CLI (npm run build makes out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(
    'ras-connect is not built yet: run "npm run build" in the RAS Connect folder first.\n',
  );
  process.exit(1);
}
await import(cli);
