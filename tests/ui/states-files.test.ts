// Export and diagnostics with a typed path, as in browser mode (issue 14): a relative path
// starts in the documents folder (never the server's working folder), an existing file is
// asked about by its whole path and kept until Replace, and the window says where the file went.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { entryOption, type RunningApp } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();
const home = process.env.HOME;
afterEach(() => {
  process.env.HOME = home;
});

/** The app, with its own data folder as the home folder (os.homedir() reads HOME). */
async function openWithHome(): Promise<{ app: RunningApp; documents: string }> {
  const app = await ui.open();
  process.env.HOME = app.dir;
  const documents = path.join(app.dir, 'Documents');
  mkdirSync(documents);
  return { app, documents };
}

describe('a typed path for an export', () => {
  it('writes chosen entries into the documents folder, says where, and asks before replacing', async () => {
    const { app, documents } = await openWithHome();
    const { page } = app;
    const file = path.join(documents, 'shared.pbk');
    await entryOption(page, 'Office VPN').click();
    const exportTo = async () => {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export entries' });
      await dialog.getByLabel('Dial-up', { exact: true }).check();
      await dialog.getByRole('button', { name: 'Choose the file…' }).click();
      await dialog.getByLabel('Path of the .pbk file').fill('shared.pbk');
      await dialog.getByRole('button', { name: 'Export' }).click();
      return dialog;
    };

    const dialog = await exportTo();
    await dialog
      .getByRole('status')
      .filter({ hasText: `2 entries written to ${file}.` })
      .waitFor();
    expect(readFileSync(file, 'utf8').match(/^\[/gm)).toHaveLength(2);
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    // The dialog stays to say so; Close (with the focus on it) leaves.
    const close = dialog.getByRole('button', { name: 'Close' });
    expect(await close.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    writeFileSync(file, 'mine');
    await exportTo();
    await dialog
      .getByRole('alert')
      .filter({ hasText: `${file} exists already. Replace it with the chosen entries?` })
      .waitFor();
    expect(readFileSync(file, 'utf8')).toBe('mine');
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: `2 entries written to ${file}.` })
      .waitFor();
    expect(readFileSync(file, 'utf8')).toMatch(/^\[/);
  }, 60_000);

  it('writes diagnostics into the documents folder and names the whole path when asking', async () => {
    const { app, documents } = await openWithHome();
    const { page } = app;
    const file = path.join(documents, 'diag.zip');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    await page.getByLabel('Path of the zip file').fill('diag.zip');
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Diagnostics written to ${file}.` })
      .waitFor();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    writeFileSync(file, 'mine');
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `${file} exists already` })
      .waitFor();
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});
