// ras-connect: the command-line entry. See main/cli/args.ts for the syntax.

import { runCli } from './cli/run-cli';
import { nodeTerminal } from './cli/terminal';

const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
// While a simulated connection is held nothing else is pending: keep the process alive
// until the command is done.
const keepAlive = setInterval(() => undefined, 2 ** 30);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  terminal: nodeTerminal(),
  env: process.env,
  platform: process.platform,
  interrupted,
});
clearInterval(keepAlive);
// A pending SIGINT listener must not keep the process alive.
process.exit();
