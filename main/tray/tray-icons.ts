// Which tray icon file stands for a condition on each platform. The files live in
// build/tray/ (shipped outside the asar) and are drawn by scripts/tray-icons.ts.

import type { TrayCondition } from './tray-model';

export const TRAY_CONDITIONS: readonly TrayCondition[] = [
  'idle',
  'dialing',
  'waiting',
  'connected',
  'failed',
];
/** Dialing turns through this many frames. */
export const DIALING_FRAMES = 4;
/** How long a dialing frame shows. */
export const DIALING_FRAME_MS = 250;

export interface TrayIconFile {
  name: string;
  condition: TrayCondition;
  frame: number;
  /** Windows: one .ico of several sizes; elsewhere one PNG a file (@2x for Retina/HiDPI). */
  sizes: number[];
  panel: 'light' | 'dark';
  /** macOS tints template images itself (black with alpha). */
  template: boolean;
}

const frames = (condition: TrayCondition) =>
  condition === 'dialing' ? Array.from({ length: DIALING_FRAMES }, (_, i) => i) : [0];

const stem = (condition: TrayCondition, frame: number) =>
  condition === 'dialing' ? `${condition}-${frame}` : condition;

export const TRAY_ICON_FILES: readonly TrayIconFile[] = TRAY_CONDITIONS.flatMap((condition) =>
  frames(condition).flatMap((frame): TrayIconFile[] => {
    const name = stem(condition, frame);
    const base = { condition, frame };
    return [
      // Windows' taskbar may be light or dark: the same colours read on both; the idle ring is
      // drawn for each.
      {
        ...base,
        name: `${name}-light.ico`,
        sizes: [16, 20, 24, 32, 48],
        panel: 'light',
        template: false,
      },
      {
        ...base,
        name: `${name}-dark.ico`,
        sizes: [16, 20, 24, 32, 48],
        panel: 'dark',
        template: false,
      },
      { ...base, name: `${name}-light.png`, sizes: [24], panel: 'light', template: false },
      { ...base, name: `${name}-light@2x.png`, sizes: [48], panel: 'light', template: false },
      { ...base, name: `${name}-dark.png`, sizes: [24], panel: 'dark', template: false },
      { ...base, name: `${name}-dark@2x.png`, sizes: [48], panel: 'dark', template: false },
      { ...base, name: `${name}Template.png`, sizes: [16], panel: 'light', template: true },
      { ...base, name: `${name}Template@2x.png`, sizes: [32], panel: 'light', template: true },
    ];
  }),
);

/**
 * The file to load for a condition: Electron picks the @2x sibling of a PNG by itself, and
 * reads the "Template" suffix on macOS.
 */
export function trayIconName(
  platform: string,
  condition: TrayCondition,
  frame: number,
  darkPanel: boolean,
): string {
  const name = stem(condition, condition === 'dialing' ? frame % DIALING_FRAMES : 0);
  if (platform === 'darwin') return `${name}Template.png`;
  const panel = darkPanel ? 'dark' : 'light';
  return platform === 'win32' ? `${name}-${panel}.ico` : `${name}-${panel}.png`;
}
