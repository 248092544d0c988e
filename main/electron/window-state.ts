// Where the window was: saved when it closes, restored at start if it still fits a display.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

const MIN_VISIBLE = 64;

/** The saved bounds if enough of the window lands on one of the displays' work areas. */
export function fitToDisplays(saved: WindowState | null, workAreas: Bounds[]): WindowState | null {
  if (!saved) return null;
  const { x, y, width, height } = saved.bounds;
  const visible = workAreas.some((a) => {
    const w = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const h = Math.min(y + height, a.y + a.height) - Math.max(y, a.y);
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE;
  });
  return visible ? saved : null;
}

function isState(value: unknown): value is WindowState {
  const v = value as WindowState;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.maximized === 'boolean' &&
    ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(v.bounds?.[k as keyof Bounds]))
  );
}

export async function loadWindowState(dataDir: string): Promise<WindowState | null> {
  try {
    const parsed: unknown = JSON.parse(
      await fs.readFile(path.join(dataDir, 'window-state.json'), 'utf8'),
    );
    return isState(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  return writeFileAtomic(
    path.join(dataDir, 'window-state.json'),
    new TextEncoder().encode(JSON.stringify(state)),
  );
}
