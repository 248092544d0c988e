import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningApp } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

const theme = (app: RunningApp) => app.page.evaluate(() => document.documentElement.dataset.theme);

describe('settings and appearance', () => {
  it('follows the system’s dark or light scheme', async () => {
    const app = await ui.open({ colorScheme: 'dark' });
    expect(await theme(app)).toBe('dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  it('switches language and theme from the Settings page, and keeps them', async () => {
    const app = await ui.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Настройки' }).waitFor();
    // The window shows a change at once; main saves it a moment later.
    await expect
      .poll(() => app.core.settings.get())
      .toMatchObject({ language: 'ru', theme: 'dark' });
    await page.reload();
    await page.getByRole('button', { name: 'Настройки' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
  });

  it('turns each kind of notification off and on', async () => {
    const app = await ui.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const redialing = page.getByLabel('When a dial is redialed');
    expect(await redialing.isChecked()).toBe(true);
    await redialing.uncheck();
    await expect
      .poll(() => app.core.settings.get().notifications)
      .toEqual({ connected: true, disconnected: true, redialing: false, paused: true });
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByLabel('When a dial is redialed').isChecked()).toBe(false);
  });

  it('exports diagnostics to a typed path in browser mode', async () => {
    const app = await ui.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    const file = path.join(app.dir, 'diag.zip');
    await page.getByLabel('Path of the zip file').fill(file);
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Diagnostics written to ${file}.` })
      .waitFor();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    // The same path again: asked first, written only after Replace.
    writeFileSync(file, 'mine');
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `${file} exists already` })
      .waitFor();
    expect(readFileSync(file, 'utf8')).toBe('mine');
    await page.getByRole('button', { name: 'Replace' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Diagnostics written to ${file}.` })
      .waitFor();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });
});
