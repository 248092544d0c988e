// ras-connect: the command-line entry. See main/cli/args.ts for the syntax.

import { runCli } from './cli/run-cli';
import { readFirstLine } from './cli/stdin-line';
import { nodeTerminal } from './cli/terminal';
import { nodeServiceLaunch } from './ras/simulated/service/service-launch';

// Only a dial listens for Ctrl-C (to hang up, or cancel): it asks for `interrupted`, which installs
// the listener then. Every other command keeps SIGINT's default and ends at once, even in a read
// that never returns (a FIFO); the phonebook is written to a temporary file and renamed, so an
// interrupted save leaves the old file whole.
let interrupted: Promise<void> | undefined;
// While a simulated connection is held nothing else is pending: keep the process alive
// until the command is done.
const keepAlive = setInterval(() => undefined, 2 ** 30);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  terminal: nodeTerminal(),
  env: process.env,
  platform: process.platform,
  simService: nodeServiceLaunch(import.meta.url),
  readStdinLine: () => readFirstLine(process.stdin),
  get interrupted() {
    return (interrupted ??= new Promise<void>((resolve) =>
      process.once('SIGINT', () => resolve()),
    ));
  },
});
clearInterval(keepAlive);
// A pending SIGINT listener must not keep the process alive.
process.exit();
