// Builds the C test double of rasapi32 with the system C compiler (once per source change).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const source = path.join(here, 'rasapi32-double.c');

export function buildRasapi32Double(): string {
  const out = path.join(here, 'build', 'librasapi32-double.so');
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) return out;
  mkdirSync(path.dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  execFileSync(
    process.env.CC ?? 'cc',
    ['-shared', '-fPIC', '-O1', '-Wall', '-Werror', '-o', temp, source, '-lpthread'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  execFileSync('mv', [temp, out]);
  return out;
}
