import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../app/ipc/contract';
import { resetAppStore, useAppStore } from '../store/app-store';
import { fakeApi, renderIn } from '../test-utils';
import { SettingsPanel } from './settings-panel';

const info = (desktop: boolean) => ({
  backend: 'simulated' as const,
  platform: 'linux',
  version: '1',
  defaultPhonebook: 'p',
  desktop,
  canSavePasswords: true,
});

beforeEach(() => resetAppStore());

describe('settings panel', () => {
  it('offers start at login and closing to the tray in the desktop app', () => {
    const api = fakeApi({ 'settings:set': (change) => ({ ...defaultSettings, ...change }) });
    useAppStore.setState({ info: info(true), settings: defaultSettings });
    renderIn('en', <SettingsPanel onClose={() => undefined} />);
    const login = screen.getByLabelText('Start at login, in the tray') as HTMLInputElement;
    expect(login.checked).toBe(false);
    expect(
      (screen.getByLabelText(/keeps RAS Connect in the tray/) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(login);
    expect(api.calls).toContainEqual({ channel: 'settings:set', payload: { startAtLogin: true } });
    expect(login.checked).toBe(true);
  });

  it('leaves them out in browser mode, where they mean nothing', () => {
    fakeApi();
    useAppStore.setState({ info: info(false), settings: defaultSettings });
    renderIn('en', <SettingsPanel onClose={() => undefined} />);
    expect(screen.queryByLabelText('Start at login, in the tray')).toBeNull();
    expect(screen.getByLabelText('When a dial waits for an answer')).toBeTruthy();
  });

  it('offers the code page of older phonebooks, automatic by default', () => {
    const api = fakeApi({ 'settings:set': (change) => ({ ...defaultSettings, ...change }) });
    useAppStore.setState({ info: info(false), settings: defaultSettings });
    renderIn('en', <SettingsPanel onClose={() => undefined} />);
    const select = screen.getByLabelText('Legacy phonebook encoding') as HTMLSelectElement;
    expect(select.value).toBe('automatic');
    expect([...select.options].map((o) => o.textContent)).toContain('Cyrillic (windows-1251)');
    expect(select.options).toHaveLength(15);
    fireEvent.change(select, { target: { value: 'windows-1251' } });
    expect(api.calls).toContainEqual({
      channel: 'settings:set',
      payload: { legacyPhonebookEncoding: 'windows-1251' },
    });
  });

  it('names the code pages in Russian too', () => {
    fakeApi();
    useAppStore.setState({ info: info(false), settings: defaultSettings });
    renderIn('ru', <SettingsPanel onClose={() => undefined} />);
    const select = screen.getByLabelText('Кодировка старых телефонных книг') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toContain('Кириллица (windows-1251)');
  });
});
