// The modal dialogs from the keyboard alone, in Chromium: focus stays inside while one is
// open (Tab and Shift+Tab go round), nothing behind it answers, Escape cancels, and focus
// goes back to where it was when the dialog closes (issue 14). Nothing here touches the
// mouse; each test runs in light English and in dark Russian, its names from the dictionaries.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, SERIOUS } from './axe';
import { entryOption, statusIs } from './harness';
import { browserSuite } from './browser-suite';
import { arrowTo, button, field, fill, tabTo, toList, VARIANTS } from './keyboard';

const ui = browserSuite();
/** Room for a machine under load; each test takes a few seconds on a quiet one. */
const SLOW = 60_000;

/** Whether the focused element is inside a dialog. */
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

describe.each(VARIANTS)(
  'modal dialogs from the keyboard, %s theme, in %s',
  (theme, language, words) => {
    const open = (options: { speed?: number } = {}) =>
      ui.open({ ...options, colorScheme: theme, language });

    it(
      'a paused dialog holds the focus, Escape hangs up and focus returns to Connect',
      async () => {
        const { page } = await open({ speed: 0.2 });
        await toList(page);
        await arrowTo(page, 'Office VPN');
        await page.getByRole('heading', { level: 1, name: 'Office VPN' }).waitFor();
        await tabTo(page, field(words.ui.userName));
        await page.keyboard.press('Control+a');
        await page.keyboard.type('alice');
        await tabTo(page, field(words.ui.password));
        await page.keyboard.type('wrong');
        await tabTo(page, button(words.ui.connect));
        const connect = page.getByRole('button', { name: words.ui.connect, exact: true });
        await markFocused(page);
        await page.keyboard.press('Enter');

        const dialog = page.getByRole('dialog', {
          name: `${words.dialog.retry.title} — Office VPN`,
        });
        const attempt = (retry: number) => `${fill(words.dialog.retry.attempt, { retry })}.`;
        await dialog.getByText(attempt(1)).waitFor();
        expect(
          await page.evaluate(() => document.querySelector('#root')?.hasAttribute('inert')),
        ).toBe(true);
        expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
        expect(await focusInDialog(page)).toBe(true);
        expect(
          await dialog.getByLabel(words.ui.userName).evaluate((e) => e === document.activeElement),
        ).toBe(true);

        // User name, Password, Domain, Sign in, Cancel: twelve Tabs go round twice and more.
        await tabAround(page, 12);
        expect(
          await dialog.getByLabel(words.ui.domain).evaluate((e) => e === document.activeElement),
        ).toBe(true);
        await tabAround(page, 12, 'Shift+Tab');
        // Enter here answers the dialog (signs in again with an empty password: asked again),
        // and opens nothing behind it.
        await page.keyboard.press('Enter');
        await dialog.getByText(attempt(2)).waitFor();
        expect(await editorCount(page)).toBe(0);
        expect(await focusInDialog(page)).toBe(true);
        await tabAround(page, 12);

        await page.keyboard.press('Escape');
        await statusIs(page, words.status.disconnected);
        expect(await page.getByRole('dialog').count()).toBe(0);
        await expect.poll(() => openerFocused(page)).toBe(true);
        expect(await connect.evaluate((e) => e === document.activeElement)).toBe(true);
        expect(await page.evaluate(() => document.querySelector('[inert]'))).toBeNull();
        expect(await editorCount(page)).toBe(0);
      },
      SLOW,
    );

    it(
      'rename holds the focus, starts with the name selected, and gives focus back to the list',
      async () => {
        const { page } = await open();
        await toList(page);
        await arrowTo(page, 'Dial-up');
        await markFocused(page);
        await page.keyboard.press('F2');
        const rename = page.getByRole('dialog', {
          name: fill(words.pb.renameTitle, { name: 'Dial-up' }),
        });
        const name = rename.getByLabel(words.editor.name);
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
      },
      SLOW,
    );

    it(
      'delete starts on Cancel: Enter there deletes nothing; Shift+Tab, Enter deletes',
      async () => {
        const { page } = await open();
        await toList(page);
        await arrowTo(page, 'Dial-up');
        await markFocused(page);
        await page.keyboard.press('Delete');
        const question = page.getByRole('dialog', {
          name: fill(words.pb.deleteTitle, { name: 'Dial-up' }),
        });
        const cancel = question.getByRole('button', { name: words.dialog.cancel });
        await cancel.waitFor();
        expect(await cancel.evaluate((e) => e === document.activeElement)).toBe(true);
        expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
        // The whole window with the question over it: the dimmed page behind stays legible.
        expect(await axeViolations(page, 'body', { impacts: SERIOUS })).toEqual([]);
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
            .getByRole('button', { name: words.pb.delete })
            .evaluate((e) => e === document.activeElement),
        ).toBe(true);
        await page.keyboard.press('Enter');
        await entryOption(page, 'Dial-up').waitFor({ state: 'detached' });
        await expect.poll(() => focusInList(page)).toBe(true);
      },
      SLOW,
    );

    it(
      'import, from the sidebar: Tab stays inside, Escape gives focus back to Import',
      async () => {
        const { page } = await open();
        // The sidebar's links come before the list: Shift+Tab from it reaches Import.
        await toList(page);
        await tabTo(page, button(words.transfer.importShort), 'Shift+Tab');
        await markFocused(page);
        await page.keyboard.press('Enter');
        await page.getByRole('dialog', { name: words.transfer.importTitle }).waitFor();
        expect(await focusInDialog(page)).toBe(true);
        expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
        await tabAround(page, 12);
        await page.keyboard.press('Escape');
        expect(await page.getByRole('dialog').count()).toBe(0);
        expect(await openerFocused(page)).toBe(true);
      },
      SLOW,
    );
  },
);
