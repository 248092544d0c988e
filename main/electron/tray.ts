// The tray icon, thin: it draws what main/tray/ computes (icon, tooltip, menu) and turns menu
// clicks into the session manager's verbs. A dial from the tray that pauses brings the window
// up, where the paused-state dialogs are.

import path from 'node:path';
import {
  app,
  Menu,
  nativeImage,
  nativeTheme,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import type { Core } from '../app-core';
import { TrayFeed } from '../tray/tray-feed';
import { DIALING_FRAME_MS, trayIconName } from '../tray/tray-icons';
import {
  trayCondition,
  trayMenu,
  trayTooltip,
  type TrayItem,
  type TrayState,
} from '../tray/tray-model';

export interface TrayHost {
  showWindow(): void;
  toggleWindow(): void;
  quit(): void;
  log(message: string): void;
}

/** Electron's menu for the tray's items; `run` gets the item a click chose. */
export function trayMenuTemplate(
  items: TrayItem[],
  run: (item: TrayItem) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'placeholder':
        return { label: item.label, enabled: false };
      case 'submenu':
        return { label: item.label, submenu: trayMenuTemplate(item.items, run) };
      case 'hang-up-all':
        return { label: item.label, enabled: item.enabled, click: () => run(item) };
      case 'start-at-login':
        return {
          label: item.label,
          type: 'checkbox',
          checked: item.checked,
          click: () => run(item),
        };
      default:
        return { label: item.label, click: () => run(item) };
    }
  });
}

/** Where the icons are: beside the asar when packaged, build/tray in the sources. */
function iconFolder(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'tray')
    : path.join(app.getAppPath(), 'build', 'tray');
}

export function resolveLanguage(setting: string, locale: string): 'en' | 'ru' {
  if (setting === 'en' || setting === 'ru') return setting;
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function createAppTray(core: Core, host: TrayHost): { dispose(): void } {
  const folder = iconFolder();
  const image = (name: string) => nativeImage.createFromPath(path.join(folder, name));
  const tray = new Tray(
    image(trayIconName(process.platform, 'idle', 0, nativeTheme.shouldUseDarkColors)),
  );
  let frame = 0;
  let animation: ReturnType<typeof setInterval> | null = null;
  let ticking: ReturnType<typeof setInterval> | null = null;
  let pausedIds = new Set<string>();
  let last: TrayState | null = null;

  const setIcon = (state: TrayState) => {
    const condition = trayCondition(state.connections);
    tray.setImage(
      image(trayIconName(process.platform, condition, frame, nativeTheme.shouldUseDarkColors)),
    );
    if (condition === 'dialing' && !animation)
      animation = setInterval(() => {
        frame++;
        if (last) setIcon(last);
      }, DIALING_FRAME_MS);
    else if (condition !== 'dialing' && animation) {
      clearInterval(animation);
      animation = null;
      frame = 0;
    }
  };

  const run = (item: TrayItem) => {
    const failed = (verb: string) => (error: unknown) =>
      host.log(`tray: ${verb} failed: ${(error as Error).message}`);
    switch (item.kind) {
      case 'entry':
        if (item.action.kind === 'connect')
          void core.manager
            .dial({ entryName: item.entry.name, phonebook: item.entry.phonebook })
            .catch(failed(`dialing ${item.entry.name}`));
        else void core.manager.hangUp(item.action.connectionId).catch(failed('hanging up'));
        break;
      case 'hang-up-all':
        void core.manager.hangUpAll().catch(failed('hanging up all'));
        break;
      case 'open':
        host.showWindow();
        break;
      case 'start-at-login':
        // The shell hands the setting to the OS.
        void core.settings.set({ startAtLogin: !item.checked });
        break;
      case 'quit':
        host.quit();
        break;
    }
  };

  const draw = (state: TrayState) => {
    last = state;
    setIcon(state);
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(trayMenu(state), run)));
    // A dial that starts waiting for an answer needs the window, wherever it was started.
    const paused = new Set(state.connections.filter((c) => c.status === 'paused').map((c) => c.id));
    if ([...paused].some((id) => !pausedIds.has(id))) host.showWindow();
    pausedIds = paused;
    // The tooltip counts the duration and bytes of connected connections.
    const connected = state.connections.some((c) => c.status === 'connected');
    if (connected && !ticking) ticking = setInterval(() => void feed.refreshTraffic(), 1000);
    else if (!connected && ticking) {
      clearInterval(ticking);
      ticking = null;
    }
  };

  const feed = new TrayFeed({
    core,
    now: () => Date.now(),
    language: () => resolveLanguage(core.settings.get().language, app.getLocale()),
    startAtLogin: () => core.settings.get().startAtLogin,
    onChange: draw,
    log: host.log,
  });
  const redraw = () => feed.emit();
  nativeTheme.on('updated', redraw);
  tray.on('click', () => host.toggleWindow());
  void feed.refreshEntries();

  return {
    dispose() {
      if (animation) clearInterval(animation);
      if (ticking) clearInterval(ticking);
      nativeTheme.removeListener('updated', redraw);
      feed.dispose();
      tray.destroy();
    },
  };
}
