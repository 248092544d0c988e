import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('SettingsStore', () => {
  it('keeps both of two changes made at once, in memory and on disk', async () => {
    const store = new SettingsStore(dir);
    await store.load();
    await Promise.all([store.set({ theme: 'dark' }), store.set({ language: 'ru' })]);
    expect(store.get()).toMatchObject({ theme: 'dark', language: 'ru' });
    const saved = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as object;
    expect(saved).toMatchObject({ theme: 'dark', language: 'ru' });
  });

  it('keeps every valid setting of a file that has some it does not know', async () => {
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({
        theme: 'dark',
        language: 'klingon',
        notifications: {
          connected: false,
          disconnected: true,
          redialing: true,
          paused: true,
          sound: 1,
        },
        futureSetting: true,
      }),
    );
    const logged: string[] = [];
    const store = new SettingsStore(dir);
    await store.load((m) => logged.push(m));
    expect(store.get()).toMatchObject({ theme: 'dark', language: 'system', closeToTray: true });
    expect(store.get().notifications.connected).toBe(false);
    expect(store.get()).not.toHaveProperty('futureSetting');
    expect(logged).toEqual(['settings.json: language not valid here; its default is used']);
    // A change writes the file again, with the setting this version does not know kept.
    await store.set({ closeToTray: false });
    const saved = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as object;
    expect(saved).toMatchObject({ futureSetting: true, closeToTray: false, language: 'system' });
  });

  it('keeps the legacy phonebook encoding; an unknown code page falls back alone', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ theme: 'dark', legacyPhonebookEncoding: 'gbk' }));
    expect(await new SettingsStore(dir).load()).toMatchObject({
      theme: 'dark',
      legacyPhonebookEncoding: 'gbk',
    });
    await writeFile(file, JSON.stringify({ theme: 'dark', legacyPhonebookEncoding: 'cp437' }));
    const logged: string[] = [];
    expect(await new SettingsStore(dir).load((m) => logged.push(m))).toMatchObject({
      theme: 'dark',
      legacyPhonebookEncoding: 'automatic',
    });
    expect(logged).toEqual([
      'settings.json: legacyPhonebookEncoding not valid here; its default is used',
    ]);
  });

  it('goes on after a refused change', async () => {
    const store = new SettingsStore(dir);
    await store.load();
    const bad = store.set({ theme: 'purple' as never });
    const good = store.set({ closeToTray: false });
    await expect(bad).rejects.toThrow();
    await expect(good).resolves.toMatchObject({ theme: 'system', closeToTray: false });
  });
});
