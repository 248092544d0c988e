// Draws the tray icons: one per condition (dialing in four frames), for Windows (.ico with 16,
// 20, 24, 32 and 48 px), Linux (PNG, light and dark panels) and macOS (template images, which
// the menu bar tints). Shapes tell the conditions apart without colour: a ring when idle, a
// turning arc while dialing, pause bars when waiting, a full disc when connected, a cross when
// failed. `npm run icons` writes build/tray/; a test checks the files match this script.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { TRAY_ICON_FILES, type TrayIconFile } from '../main/tray/tray-icons';

type Rgb = [number, number, number];

const COLOURS: Record<string, Rgb> = {
  dialing: [37, 99, 235],
  waiting: [217, 119, 6],
  connected: [22, 163, 74],
  failed: [220, 38, 38],
};
const IDLE_ON_LIGHT: Rgb = [75, 85, 99];
const IDLE_ON_DARK: Rgb = [229, 231, 235];

/** Coverage (0..1) of the shape at (x, y), both in -1..1, y down. */
function coverage(shape: string, frame: number, x: number, y: number): number {
  const d = Math.hypot(x, y);
  const disc = d < 0.86;
  const ring = d > 0.56 && d < 0.86;
  switch (shape) {
    case 'idle':
      return ring ? 1 : 0;
    case 'dialing': {
      if (!ring) return 0;
      // A quarter of the ring, turning a quarter each frame; the rest faint.
      const angle = (Math.atan2(y, x) + 2 * Math.PI) % (2 * Math.PI);
      const start = (frame * Math.PI) / 2;
      const inArc = (angle - start + 2 * Math.PI) % (2 * Math.PI) < Math.PI / 2 + 0.4;
      return inArc ? 1 : 0.35;
    }
    case 'waiting': {
      const bar = Math.abs(y) < 0.4 && Math.abs(Math.abs(x) - 0.22) < 0.1;
      return disc && !bar ? 1 : 0;
    }
    case 'connected':
      return disc ? 1 : 0;
    case 'failed': {
      const cross =
        Math.abs(x) < 0.45 &&
        Math.abs(y) < 0.45 &&
        Math.min(Math.abs(x - y), Math.abs(x + y)) < 0.17;
      return disc && !cross ? 1 : 0;
    }
    default:
      throw new Error(`no shape ${shape}`);
  }
}

/** RGBA pixels, 4×4 samples a pixel for smooth edges. */
function draw(file: TrayIconFile, size: number): Buffer {
  const colour: Rgb = file.template
    ? [0, 0, 0]
    : file.condition === 'idle'
      ? file.panel === 'dark'
        ? IDLE_ON_DARK
        : IDLE_ON_LIGHT
      : COLOURS[file.condition]!;
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let sum = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / n) / size) * 2 - 1;
          sum += coverage(file.condition, file.frame, x, y);
        }
      const at = (py * size + px) * 4;
      pixels[at] = colour[0];
      pixels[at + 1] = colour[1];
      pixels[at + 2] = colour[2];
      pixels[at + 3] = Math.round((sum / (n * n)) * 255);
    }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function png(pixels: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (Windows Vista and later read them). */
export function ico(images: { size: number; png: Buffer }[]): Buffer {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    dir[at] = image.size % 256;
    dir[at + 1] = image.size % 256;
    dir.writeUInt16LE(1, at + 4); // colour planes
    dir.writeUInt16LE(32, at + 6); // bits per pixel
    dir.writeUInt32LE(image.png.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += image.png.length;
  });
  return Buffer.concat([dir, ...images.map((i) => i.png)]);
}

/** Every icon file's bytes, by name. */
export function renderTrayIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const file of TRAY_ICON_FILES) {
    const images = file.sizes.map((size) => ({ size, png: png(draw(file, size), size) }));
    files.set(file.name, file.name.endsWith('.ico') ? ico(images) : images[0]!.png);
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const folder = path.resolve(import.meta.dirname, '../build/tray');
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of renderTrayIcons()) writeFileSync(path.join(folder, name), bytes);
  console.log(`tray icons written to ${folder}`);
}
