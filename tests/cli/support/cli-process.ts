// Test support: `ras-connect` as a real process (from the sources, through tsx) with a data
// folder of its own, collecting what it prints.

import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export interface CliProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCliProcess(
  home: string,
  args: readonly string[],
  options: {
    speed?: string;
    onStdout?: (text: string, interrupt: () => void) => void;
    /** What standard input holds (default: nothing, at its end at once). */
    input?: string;
    /** More environment variables. */
    env?: Record<string, string>;
  } = {},
): Promise<CliProcessRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      ...options.env,
      RAS_CONNECT_HOME: home,
      RAS_CONNECT_SIM_SPEED: options.speed ?? '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Without input, standard input is at its end at once.
  child.stdin.end(options.input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    options.onStdout?.(stdout, () => child.kill('SIGINT'));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
