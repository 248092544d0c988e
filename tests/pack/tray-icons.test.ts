// The tray icons in build/tray/: what scripts/tray-icons.ts draws, every size Windows asks
// for in each .ico, and a file for every condition on every platform.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIALING_FRAMES,
  TRAY_CONDITIONS,
  TRAY_ICON_FILES,
  trayIconName,
} from '../../main/tray/tray-icons';
import { renderTrayIcons } from '../../scripts/tray-icons';

const folder = path.resolve(import.meta.dirname, '../../build/tray');

/** Width, height and RGBA type from a PNG's IHDR. */
const pngHeader = (bytes: Buffer) => ({
  width: bytes.readUInt32BE(16),
  height: bytes.readUInt32BE(20),
  colourType: bytes[25],
});

describe('tray icons', () => {
  it('are the files the script draws (run npm run icons after changing it)', () => {
    const drawn = renderTrayIcons();
    expect(readdirSync(folder).sort()).toEqual([...drawn.keys()].sort());
    for (const [name, bytes] of drawn)
      expect(readFileSync(path.join(folder, name)).equals(bytes), name).toBe(true);
  });

  it('hold 16, 20, 24, 32 and 48 px images in each .ico', () => {
    for (const file of TRAY_ICON_FILES.filter((f) => f.name.endsWith('.ico'))) {
      const bytes = readFileSync(path.join(folder, file.name));
      expect(bytes.readUInt16LE(2)).toBe(1); // an icon, not a cursor
      const count = bytes.readUInt16LE(4);
      const sizes = Array.from({ length: count }, (_, i) => {
        const at = 6 + 16 * i;
        const png = bytes.subarray(
          bytes.readUInt32LE(at + 12),
          bytes.readUInt32LE(at + 12) + bytes.readUInt32LE(at + 8),
        );
        expect(pngHeader(png)).toEqual({ width: bytes[at], height: bytes[at + 1], colourType: 6 });
        return bytes[at];
      });
      expect(sizes).toEqual([16, 20, 24, 32, 48]);
    }
  });

  it('have a file, and its @2x, for every condition and dialing frame on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'])
      for (const condition of TRAY_CONDITIONS)
        for (let frame = 0; frame < DIALING_FRAMES; frame++)
          for (const dark of [false, true]) {
            const name = trayIconName(platform, condition, frame, dark);
            expect(existsSync(path.join(folder, name)), name).toBe(true);
            if (name.endsWith('.png'))
              expect(existsSync(path.join(folder, name.replace('.png', '@2x.png'))), name).toBe(
                true,
              );
          }
  });

  it('draw dialing as frames that differ, and other conditions as one', () => {
    const frames = new Set(
      Array.from({ length: DIALING_FRAMES }, (_, f) => trayIconName('linux', 'dialing', f, false)),
    );
    expect(frames.size).toBe(DIALING_FRAMES);
    expect(trayIconName('linux', 'connected', 3, false)).toBe(
      trayIconName('linux', 'connected', 0, false),
    );
    expect(trayIconName('darwin', 'failed', 0, true)).toBe('failedTemplate.png');
    expect(trayIconName('win32', 'idle', 0, true)).toBe('idle-dark.ico');
  });
});
