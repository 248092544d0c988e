// The packaged app, built with electron-builder against a stub Electron: it must hold the
// built main, preload and renderer, and keep koffi outside the asar.

import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm run pack:check', () => {
  it('packs main, preload and renderer into the asar, unpacks koffi, and ships the tray icons', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/pack-check.mjs')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(report).toMatchObject({ missing: [], koffiUnpacked: true, koffiInsideAsar: false });
    expect(report.koffiBinaries).toBeGreaterThan(0);
    expect(report.rendererAssets).toBeGreaterThan(0);
    // Electron's fuses, as electron-builder.yml sets them, in the packed executable.
    expect(report.fuses).toMatchObject({
      runAsNode: '0',
      nodeOptions: '0',
      nodeCliInspect: '0',
      onlyLoadAppFromAsar: '1',
      embeddedAsarIntegrityValidation: '1',
      cookieEncryption: '1',
    });
    expect(report.trayIcons).toBe(readdirSync(path.join(root, 'build/tray')).length);
  }, 180_000);
});
