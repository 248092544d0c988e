// The main window's options, locked down before anything loads (Electron's security checklist).

import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(
  simulated: boolean,
  preload: string,
  bounds?: { x: number; y: number; width: number; height: number },
): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 640,
    ...bounds,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: simulated ? 'RAS Connect (simulated)' : 'RAS Connect',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would otherwise ask for a new window (the open handler denies it anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
