// The modal dialogs from the keyboard alone, in Chromium: focus stays inside while one is
// open (Tab and Shift+Tab go round), nothing behind it answers, Escape cancels, and focus
// goes back to where it was when the dialog closes (issue 14).

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { entryOption, statusIs } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

/** Whether the focused element is inside a dialog (and which: its accessible name's start). */
const focusInDialog = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

/** Marks the focused element, so that the test can tell it is focused again later. */
const markFocused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) throw new Error('nothing has focus');
    active.setAttribute('data-opener', '');
  });

const openerFocused = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.matches('[data-opener]'));

const focusInList = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.closest('[role="listbox"]'));

/** Presses Tab (or Shift+Tab) `times` times; after each, focus must still be in the dialog. */
async function tabAround(page: Page, times: number, key = 'Tab'): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    expect(await focusInDialog(page), `after ${key} #${i + 1}`).toBe(true);
  }
}

/** The editor, which Enter behind a dialog used to open. */
const editorCount = (page: Page) => page.locator('form.editor').count();

describe('modal dialogs from the keyboard', () => {
  it('a paused dialog holds the focus, Escape hangs up and focus returns to Connect', async () => {
    const { page } = await ui.open({ speed: 0.2 });
    await entryOption(page, 'Office VPN').click();
    await page.getByRole('heading', { level: 1, name: 'Office VPN' }).waitFor();
    await page.getByLabel('User name').first().fill('alice');
    await page.getByLabel('Password').first().fill('wrong');
    const connect = page.getByRole('button', { name: 'Connect', exact: true });
    await connect.focus();
    await markFocused(page);
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: /Sign in again/ });
    await dialog.getByText('Attempt 1.').waitFor();
    expect(await page.evaluate(() => document.querySelector('#root')?.hasAttribute('inert'))).toBe(
      true,
    );
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    expect(await focusInDialog(page)).toBe(true);
    expect(await dialog.getByLabel('User name').evaluate((e) => e === document.activeElement)).toBe(
      true,
    );

    // User name, Password, Domain, Sign in, Cancel: twelve Tabs go round twice and more.
    await tabAround(page, 12);
    expect(await dialog.getByLabel('Domain').evaluate((e) => e === document.activeElement)).toBe(
      true,
    );
    await tabAround(page, 12, 'Shift+Tab');
    // Enter here answers the dialog (signs in again with an empty password: asked again),
    // and opens nothing behind it.
    await page.keyboard.press('Enter');
    await dialog.getByText('Attempt 2.').waitFor();
    expect(await editorCount(page)).toBe(0);
    expect(await focusInDialog(page)).toBe(true);
    await tabAround(page, 12);

    await page.keyboard.press('Escape');
    await statusIs(page, 'Disconnected');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => openerFocused(page)).toBe(true);
    expect(await connect.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('[inert]'))).toBeNull();
    expect(await editorCount(page)).toBe(0);
  });

  it('rename holds the focus, starts with the name selected, and gives focus back to the list', async () => {
    const { page } = await ui.open();
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('listbox').focus();
    await markFocused(page);
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog', { name: /Rename/ });
    const name = rename.getByLabel('Entry name');
    await name.waitFor();
    expect(
      await name.evaluate(
        (input: HTMLInputElement) =>
          input === document.activeElement &&
          input.selectionStart === 0 &&
          input.selectionEnd === input.value.length &&
          input.value === 'Dial-up',
      ),
    ).toBe(true);
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await tabAround(page, 12);
    await tabAround(page, 12, 'Shift+Tab');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await openerFocused(page)).toBe(true);

    // Typing replaces the selected name; Enter renames; focus is back in the list.
    await page.keyboard.press('F2');
    await name.waitFor();
    await page.keyboard.type('Modem line');
    await page.keyboard.press('Enter');
    await entryOption(page, 'Modem line').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => focusInList(page)).toBe(true);
    expect(await editorCount(page)).toBe(0);
  });

  it('delete starts on Cancel: Enter there deletes nothing; Shift+Tab, Enter deletes', async () => {
    const { page } = await ui.open();
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('listbox').focus();
    await markFocused(page);
    await page.keyboard.press('Delete');
    const question = page.getByRole('dialog', { name: 'Delete “Dial-up”?' });
    const cancel = question.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor();
    expect(await cancel.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await tabAround(page, 12);
    await tabAround(page, 12, 'Shift+Tab');
    // Twenty-four Tabs round two buttons: on Cancel again.
    expect(await cancel.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await openerFocused(page)).toBe(true);
    await entryOption(page, 'Dial-up').waitFor();

    await page.keyboard.press('Delete');
    await cancel.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(
      await question
        .getByRole('button', { name: 'Delete' })
        .evaluate((e) => e === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await entryOption(page, 'Dial-up').waitFor({ state: 'detached' });
    await expect.poll(() => focusInList(page)).toBe(true);
  });

  it('import, from the sidebar: Tab stays inside, Escape gives focus back to Import', async () => {
    const { page } = await ui.open();
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    await importButton.focus();
    await markFocused(page);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Import entries' }).waitFor();
    expect(await focusInDialog(page)).toBe(true);
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await tabAround(page, 12);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await openerFocused(page)).toBe(true);
  });
});
