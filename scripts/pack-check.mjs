// npm run pack:check: runs electron-builder for Linux `dir` against a stub Electron folder
// (no Electron binary can be downloaded here), then checks what the package holds.
// Prints one JSON report; exits 1 when something is missing.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'ras-pack-'));
const stub = path.join(work, 'electron-dist');
mkdirSync(path.join(stub, 'resources'), { recursive: true });
// The stub carries Electron's fuse wire (sentinel, version 1, eight fuses at Electron's
// defaults: RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, only the
// asar, V8 snapshot, file:// privileges), so electron-builder flips it as it would the real one.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
writeFileSync(
  path.join(stub, 'electron'),
  Buffer.concat([
    Buffer.from(`#!/bin/sh\n${FUSE_SENTINEL}`),
    Buffer.from([1, 8]),
    Buffer.from('10110001'),
  ]),
);
chmodSync(path.join(stub, 'electron'), 0o755);
const output = path.join(work, 'dist');

/** The packed executable's fuses by name, as '0' (off) or '1' (on). */
function readFuses(folder) {
  const names = [
    'runAsNode',
    'cookieEncryption',
    'nodeOptions',
    'nodeCliInspect',
    'embeddedAsarIntegrityValidation',
    'onlyLoadAppFromAsar',
    'browserProcessV8Snapshot',
    'fileProtocolExtraPrivileges',
  ];
  const executable = readdirSync(folder)
    .map((f) => path.join(folder, f))
    .find((f) => statSync(f).isFile() && readFileSync(f).includes(FUSE_SENTINEL));
  if (!executable) return null;
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2;
  return Object.fromEntries(names.map((n, i) => [n, String.fromCharCode(bytes[at + i])]));
}

try {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${output}`,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
  const resources = path.join(output, 'linux-unpacked', 'resources');
  const files = new Set(
    listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) =>
      f.replaceAll('\\', '/'),
    ),
  );
  const required = [
    '/package.json',
    '/out/main/index.js',
    '/out/main/cli.js',
    '/out/main/headless.js',
    '/out/preload/index.cjs',
    '/out/renderer/index.html',
  ];
  const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
  const koffi = path.join(unpacked, 'koffi');
  const koromix = path.join(unpacked, '@koromix');
  const koffiBinaries = existsSync(koromix)
    ? readdirSync(koromix, { recursive: true }).filter((f) => String(f).endsWith('koffi.node'))
    : [];
  const report = {
    missing: required.filter((f) => !files.has(f)),
    koffiUnpacked: existsSync(path.join(koffi, 'package.json')),
    koffiBinaries: koffiBinaries.length,
    koffiInsideAsar: [...files].some(
      (f) => f.startsWith('/node_modules/koffi/') && f.endsWith('.node'),
    ),
    rendererAssets: [...files].filter((f) => f.startsWith('/out/renderer/assets/')).length,
    fuses: readFuses(path.join(output, 'linux-unpacked')),
    // The tray loads its icons from resources/tray, outside the asar.
    trayIcons: existsSync(path.join(resources, 'tray'))
      ? readdirSync(path.join(resources, 'tray')).length
      : 0,
  };
  console.log(JSON.stringify(report));
  const ok =
    report.missing.length === 0 &&
    report.koffiUnpacked &&
    report.koffiBinaries > 0 &&
    report.rendererAssets > 0 &&
    report.trayIcons > 0 &&
    report.fuses?.runAsNode === '0' &&
    report.fuses.onlyLoadAppFromAsar === '1';
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
