// Test support: runs `ras-connect` in-process with a data folder of its own, no terminal and a
// simulated server at full speed, collecting what it prints.

import { runCli, type CliIo } from '../../main/cli/run-cli';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export async function runCliIn(
  home: string,
  argv: readonly string[],
  platform: NodeJS.Platform = 'linux',
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    terminal: { interactive: false, ask: async () => null, askSecret: async () => null },
    env: { RAS_CONNECT_HOME: home, RAS_CONNECT_SIM_SPEED: '0' },
    platform,
    interrupted: new Promise(() => undefined),
  };
  const code = await runCli([...argv], io);
  return { code, out, err };
}
