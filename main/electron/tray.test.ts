import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { until } from '../../tests/support/core';
import {
  FakeBrowserWindow,
  FakeTray,
  app,
  electronMock,
  nativeTheme,
  useShellHome,
} from '../../tests/mocks/electron';
import { resolveLanguage } from './tray';

vi.mock('electron', () => import('../../tests/mocks/electron'));

type MenuItem = {
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
};

useShellHome();

async function start(): Promise<{ tray: FakeTray; window: FakeBrowserWindow }> {
  const { startShell } = await import('./shell');
  startShell();
  await until(() => FakeTray.instances.length === 1 && FakeBrowserWindow.instances.length === 1);
  const tray = FakeTray.instances[0]!;
  await until(() => menu(tray).some((i) => i.label === 'Dial-up'));
  return { tray, window: FakeBrowserWindow.instances[0]! };
}

const menu = (tray: FakeTray) => (tray.menu?.template ?? []) as MenuItem[];
const item = (tray: FakeTray, label: string) => {
  const found = menu(tray).find((i) => i.label === label);
  if (!found)
    throw new Error(
      `no "${label}" in ${menu(tray)
        .map((i) => i.label)
        .join(', ')}`,
    );
  return found;
};
const icon = (tray: FakeTray) => path.basename(tray.image.path);

describe('the tray', () => {
  it('shows the idle icon from build/tray, a tooltip and every entry with the app verbs', async () => {
    const { tray } = await start();
    expect(tray.image.path).toBe(path.join(process.cwd(), 'build', 'tray', 'idle-light.png'));
    expect(tray.tooltip).toBe('RAS Connect\nNot connected');
    const labels = menu(tray).map((i) => i.label ?? i.type);
    expect(labels.slice(-6)).toEqual([
      'separator',
      'Hang up all',
      'Open RAS Connect',
      'Start at login',
      'separator',
      'Quit',
    ]);
    expect(labels.indexOf('More')).toBe(15);
    expect(item(tray, 'Hang up all').enabled).toBe(false);
  });

  it('dials from the menu, brings the window up for a paused state, and hangs up', async () => {
    const { tray, window } = await start();
    item(tray, 'Office VPN').click!();
    await until(() => icon(tray) === 'waiting-light.png');
    expect(window.show).toHaveBeenCalled();
    expect(tray.tooltip).toBe('RAS Connect\nOffice VPN: waiting for you');
    item(tray, 'Hang up: Office VPN').click!();
    await until(() => icon(tray) === 'idle-light.png');
    expect(tray.tooltip).toBe('RAS Connect\nNot connected');
  });

  it('turns the dialing icon while a dial goes on', async () => {
    process.env.RAS_CONNECT_SIM_SPEED = '1';
    const { tray } = await start();
    item(tray, 'Busy line').click!();
    await until(() => icon(tray) === 'dialing-0-light.png');
    await until(() => icon(tray) === 'dialing-1-light.png');
    expect(tray.tooltip).toBe('RAS Connect\nBusy line: dialing');
  });

  it('shows a failure, and the dark icons on a dark panel', async () => {
    const { tray } = await start();
    item(tray, 'Busy line').click!();
    await until(() => icon(tray) === 'failed-light.png');
    expect(tray.tooltip).toContain('Last attempt: Busy line, 676');
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.listeners.get('updated')!();
    expect(icon(tray)).toBe('failed-dark.png');
  });

  it('toggles start at login, with the window hidden at that start', async () => {
    const { tray, window } = await start();
    expect(item(tray, 'Start at login')).toMatchObject({ type: 'checkbox', checked: false });
    item(tray, 'Start at login').click!();
    await until(() => item(tray, 'Start at login').checked === true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: true,
      args: ['--hidden'],
    });
    // Settings say the same, and a change there goes to the OS too.
    const sender = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await electronMock.handlers.get('settings:set')!(sender, { startAtLogin: false });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: false,
      args: ['--hidden'],
    });
    await until(() => item(tray, 'Start at login').checked === false);
  });

  it('shows and hides the window on a click, and quits from the menu', async () => {
    const { tray, window } = await start();
    window.show();
    tray.listeners.get('click')!();
    expect(window.hide).toHaveBeenCalled();
    tray.listeners.get('click')!();
    expect(window.visible).toBe(true);
    item(tray, 'Quit').click!();
    expect(app.quit).toHaveBeenCalled();
  });

  it('speaks the window language', async () => {
    electronMock.locale = 'ru-RU';
    const { tray } = await start();
    await until(() => menu(tray).some((i) => i.label === 'Выход'));
    expect(resolveLanguage('system', 'ru-RU')).toBe('ru');
    expect(resolveLanguage('en', 'ru-RU')).toBe('en');
    expect(resolveLanguage('system', 'de-DE')).toBe('en');
  });

  it('is removed when the app quits', async () => {
    const { tray } = await start();
    electronMock.listeners.get('will-quit')!();
    expect(tray.destroyed).toBe(true);
  });
});
