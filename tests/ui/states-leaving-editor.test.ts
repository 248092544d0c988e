// Leaving the entry editor with unsaved changes asks first, from every way out a person has
// (issue 14): another entry (also the one still highlighted behind a new entry), Escape, New,
// Settings, History, and closing the phonebook the entry lives in. Escape also closes Settings.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { entryOption } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

const question = (page: Page) => page.getByRole('dialog', { name: 'Discard your changes?' });
const editor = (page: Page) => page.locator('form.editor');

/** The question is asked; Cancel keeps the editor with what was typed. */
async function askedAndKept(page: Page, field: string, value: string): Promise<void> {
  await question(page).waitFor();
  await question(page).getByRole('button', { name: 'Cancel' }).click();
  await question(page).waitFor({ state: 'detached' });
  expect(await page.getByLabel(field, { exact: true }).inputValue()).toBe(value);
}

describe('leaving the entry editor with unsaved changes', () => {
  it('asks when the entry still highlighted behind a new entry is clicked, and goes there', async () => {
    const { page } = await ui.open();
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'New entry' }).waitFor();
    await page.getByLabel('Entry name').fill('Half typed');
    await entryOption(page, 'Dial-up').click();
    await askedAndKept(page, 'Entry name', 'Half typed');
    await entryOption(page, 'Dial-up').click();
    await question(page).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dial-up', exact: true }).waitFor();
    expect(await editor(page).count()).toBe(0);
  });

  it('asks on Escape, and Escape without changes simply leaves', async () => {
    const { page } = await ui.open();
    await entryOption(page, 'Office VPN').click();
    await page.getByRole('button', { name: 'Properties' }).click();
    const server = page.getByLabel('Server name or address');
    await server.press('End');
    await server.pressSequentially('.org');
    await server.press('Escape');
    await question(page).waitFor();
    // Escape in the question answers it (keep editing), not the editor behind it.
    await page.keyboard.press('Escape');
    await question(page).waitFor({ state: 'detached' });
    expect(await server.inputValue()).toBe('vpn.example.com.org');
    expect(await server.evaluate((e) => e === document.activeElement)).toBe(true);
    await server.press('Escape');
    await question(page).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Office VPN', exact: true }).waitFor();
    expect(await editor(page).count()).toBe(0);

    // Nothing changed: Escape leaves at once, nothing asked.
    await page.getByRole('button', { name: 'Properties' }).click();
    await page.getByLabel('Server name or address').press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Office VPN', exact: true }).waitFor();
    expect(await question(page).count()).toBe(0);
  });

  it('asks before New, Settings and History', async () => {
    const { page } = await ui.open();
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('button', { name: 'Properties' }).click();
    await page.getByLabel('Phone number').fill('555-0111');
    for (const way of ['New', 'Settings', 'History']) {
      await page.getByRole('button', { name: way, exact: true }).click();
      await askedAndKept(page, 'Phone number', '555-0111');
    }
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await question(page).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await editor(page).count()).toBe(0);
  });

  it('asks before closing the phonebook whose entry is being edited', async () => {
    const app = await ui.open();
    const { page } = app;
    const other = path.join(app.dir, 'branch.pbk');
    writeFileSync(other, '[Branch]\r\nType=1\r\nPhoneNumber=555-0100\r\nDEVICE=modem\r\n');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a phonebook' });
    await dialog.getByRole('button', { name: 'Choose the file…' }).click();
    await dialog.getByLabel('Path of the .pbk file').fill(other);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await entryOption(page, 'Branch').click();
    await page.getByRole('button', { name: 'Properties' }).click();
    await page.getByLabel('Phone number').fill('555-0123');
    const close = page.locator('.book-row', { hasText: 'branch.pbk' }).getByRole('button', {
      name: 'Close',
    });
    await close.click();
    await askedAndKept(page, 'Phone number', '555-0123');
    expect(app.core.settings.get().openedPhonebooks).toEqual([other]);
    await close.click();
    await question(page).getByRole('button', { name: 'Discard' }).click();
    await entryOption(page, 'Branch').waitFor({ state: 'detached' });
    expect(await editor(page).count()).toBe(0);
    expect(app.core.settings.get().openedPhonebooks).toEqual([]);
  });

  it('closes Settings with Escape', async () => {
    const { page } = await ui.open();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Theme').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor({ state: 'detached' });
    await page.getByRole('listbox').waitFor();
  });
});
