import { fireEvent, screen } from '@testing-library/react';
import type { Payload } from '../../../app/ipc/contract';
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

  it('says where a typed diagnostics path went: the resolved file, not what was typed', async () => {
    fakeApi({
      'file:choose': () => ({ typed: true }),
      'diagnostics:export': () => ({ file: '/home/p/Documents/diag.zip' }),
    });
    useAppStore.setState({ info: info(false), settings: defaultSettings });
    renderIn('en', <SettingsPanel onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    fireEvent.change(await screen.findByLabelText('Path of the zip file'), {
      target: { value: 'diag.zip' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Diagnostics written to /home/p/Documents/diag.zip.',
    );
  });

  it('asks before replacing a typed diagnostics file, and replaces only when told', async () => {
    const api = fakeApi({
      'file:choose': () => ({ typed: true }),
      'diagnostics:export': ({ overwrite }) =>
        overwrite
          ? { file: '/tmp/diag.zip' }
          : { ok: false, error: { code: 'FILE_EXISTS', name: 'FILE_EXISTS', message: 'exists' } },
    });
    useAppStore.setState({ info: info(false), settings: defaultSettings });
    renderIn('en', <SettingsPanel onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    fireEvent.change(await screen.findByLabelText('Path of the zip file'), {
      target: { value: '/tmp/diag.zip' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    await screen.findByText('/tmp/diag.zip exists already. Replace it?');
    const exports = () =>
      api.calls
        .filter((c) => c.channel === 'diagnostics:export')
        .map((c) => c.payload as Payload<'diagnostics:export'>);
    expect(exports()).toEqual([{ file: '/tmp/diag.zip', overwrite: false }]);
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Diagnostics written to /tmp/diag.zip.',
    );
    expect(exports()[1]).toEqual({ file: '/tmp/diag.zip', overwrite: true });
  });

  it('replaces a file the system dialog chose: that dialog has asked already', async () => {
    const api = fakeApi({
      'file:choose': () => ({ file: '/tmp/chosen.zip' }),
      'diagnostics:export': () => ({ file: '/tmp/chosen.zip' }),
    });
    useAppStore.setState({ info: info(true), settings: defaultSettings });
    renderIn('en', <SettingsPanel onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    await screen.findByRole('status');
    expect(api.calls.filter((c) => c.channel === 'diagnostics:export')[0]!.payload).toEqual({
      file: '/tmp/chosen.zip',
      overwrite: true,
    });
  });
});
