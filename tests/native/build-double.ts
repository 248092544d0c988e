// Builds the C test double of rasapi32 with the system C compiler, and as a Windows DLL with
// mingw-w64 for the run under Wine (each once per source change).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const source = path.join(here, 'rasapi32-double.c');

export function buildRasapi32Double(): string {
  return buildSo('librasapi32-double.so', []);
}

/** The double without one export (as Wine's rasapi32 lacks RasInvokeEapUI). */
export function buildRasapi32DoubleWithout(name: string): string {
  return buildSo(`librasapi32-double-no-${name}.so`, [`-DRAS_DOUBLE_WITHOUT_${name}`]);
}

function buildSo(file: string, defines: string[]): string {
  const out = path.join(here, 'build', file);
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) return out;
  mkdirSync(path.dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  execFileSync(
    process.env.CC ?? 'cc',
    ['-shared', '-fPIC', '-O1', '-Wall', '-Werror', ...defines, '-o', temp, source, '-lpthread'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  execFileSync('mv', [temp, out]);
  return out;
}

/**
 * The same double as a Windows x64 DLL (mingw-w64, winpthreads linked in, only the double's
 * own functions exported), for the contract run under Wine: koffi then calls it with
 * Windows' own ABI.
 */
export function buildRasapi32DoubleDll(without?: string): string {
  const out = path.join(
    here,
    'build',
    without ? `rasapi32-double-no-${without}.dll` : 'rasapi32-double.dll',
  );
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) return out;
  mkdirSync(path.dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  execFileSync(
    process.env.MINGW_CC ?? 'x86_64-w64-mingw32-gcc',
    [
      '-shared',
      '-static',
      '-O1',
      '-Wall',
      '-Werror',
      '-Wl,--exclude-libs,ALL',
      ...(without ? [`-DRAS_DOUBLE_WITHOUT_${without}`] : []),
      '-o',
      temp,
      source,
      '-lpthread',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  renameSync(temp, out);
  return out;
}
