// The main window's options, locked down before anything loads (Electron's security checklist).

import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(simulated: boolean): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 640,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: simulated ? 'RAS Connect (simulated)' : 'RAS Connect',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}
