// The entry list and the entry's verbs with the keyboard alone: nothing here touches the
// mouse. Focus gets to the list with Tab from the top of the page, as a person's would. Each
// test runs in light English and in dark Russian, its names taken from the dictionaries.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { entryOption, statusIs } from './harness';
import { browserSuite } from './browser-suite';
import {
  arrowTo,
  button,
  field,
  fill,
  focused,
  selectedEntry,
  tabTo,
  toList,
  VARIANTS,
  type Words,
} from './keyboard';

const ui = browserSuite();

/** The list's scroll offset, and whether the selected row lies wholly inside the view. */
function scrollState(page: Page) {
  return page.evaluate(() => {
    let box = document.querySelector('[role="listbox"]')!.parentElement!;
    while (!['auto', 'scroll'].includes(getComputedStyle(box).overflowY)) box = box.parentElement!;
    const view = box.getBoundingClientRect();
    const row = document.querySelector('[role="option"][aria-selected="true"]')!;
    const rect = row.getBoundingClientRect();
    return {
      scrollTop: box.scrollTop,
      selectionInView: rect.top >= view.top - 0.5 && rect.bottom <= view.bottom + 0.5,
    };
  });
}

/** Room for a machine under load; each test takes a few seconds on a quiet one. */
const SLOW = 60_000;

describe.each(VARIANTS)(
  'the entry list with the keyboard alone, %s theme, in %s',
  (theme, language, words) => {
    const open = (options: { viewport?: { width: number; height: number } } = {}) =>
      ui.open({ ...options, colorScheme: theme, language });
    const editorTitle = (name: string) => fill(words.editor.title, { name });

    it(
      'selects with the arrow keys and type-ahead',
      async () => {
        const { page } = await open();
        await toList(page);
        await page.keyboard.press('Home');
        expect(await selectedEntry(page)).toBe('Account disabled');
        await page.keyboard.press('ArrowDown');
        expect(await selectedEntry(page)).toBe('Busy line');
        // Type-ahead: a letter goes to the next entry starting with it, the same letter again to
        // the one after, and a word typed quickly to the entry it begins.
        await page.keyboard.type('o');
        expect(await selectedEntry(page)).toBe('Office VPN');
        await page.keyboard.type('o');
        expect(await selectedEntry(page)).toBe('Outside logon hours');
        await page.waitForTimeout(1100);
        await page.keyboard.type('vpn (s');
        expect(await selectedEntry(page)).toBe('VPN (slow)');
        await page.waitForTimeout(1100);
        // Repeating a letter cycles through the entries that start with it, round to the first.
        await page.keyboard.type('ccc');
        expect(await selectedEntry(page)).toBe('Callback (preset number)');
      },
      SLOW,
    );

    it(
      'opens the entry’s menu with Shift+F10 and the Menu key, moves with arrows, Escape returns',
      async () => {
        const { page } = await open();
        await toList(page);
        await arrowTo(page, 'VPN (slow)');
        await page.keyboard.press('Shift+F10');
        const menu = page.getByRole('menu', { name: 'VPN (slow)' });
        await menu.waitFor({ timeout: 5000 });
        expect(await focused(page)).toMatchObject({ role: 'menuitem', text: words.ui.connect });
        await page.keyboard.press('ArrowDown');
        expect(await focused(page)).toMatchObject({ role: 'menuitem', text: words.pb.properties });
        await page.keyboard.press('End');
        expect(await focused(page)).toMatchObject({ role: 'menuitem', text: words.pb.new });
        await page.keyboard.press('Home');
        expect(await focused(page)).toMatchObject({ role: 'menuitem', text: words.ui.connect });
        await page.keyboard.press('ArrowUp');
        expect(await focused(page)).toMatchObject({ role: 'menuitem', text: words.pb.new });
        expect(await axeViolations(page, '[role="menu"]')).toEqual([]);
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'detached' });
        expect(await selectedEntry(page)).toBe('VPN (slow)');

        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ContextMenu');
        await page.getByRole('menu', { name: 'VPN (refused)' }).waitFor();
        expect(await focused(page)).toMatchObject({ role: 'menuitem', text: words.ui.connect });
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        const rename = page.getByRole('dialog', {
          name: fill(words.pb.renameTitle, { name: 'VPN (refused)' }),
        });
        await rename.waitFor();
        expect(await focused(page)).toMatchObject({ role: 'input', value: 'VPN (refused)' });
        await page.keyboard.press('Escape');
        await rename.waitFor({ state: 'detached' });

        // Properties from the menu: the editor opens with the name field focused.
        await toList(page);
        await page.keyboard.press('Shift+F10');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press(' ');
        await page.getByRole('form', { name: editorTitle('VPN (refused)') }).waitFor();
        expect(await focused(page)).toMatchObject({ role: 'input', value: 'VPN (refused)' });
      },
      SLOW,
    );

    it(
      'uses the Properties, Rename, Copy and Delete buttons of the entry’s page',
      async () => {
        const app = await open();
        const { page } = app;
        const pbk = () => readFileSync(path.join(app.dir, 'rasphone.pbk'), 'utf8');
        await toList(page);
        await arrowTo(page, 'Home Broadband');
        await page.getByRole('heading', { level: 1, name: 'Home Broadband' }).waitFor();

        await tabTo(page, button(words.pb.properties));
        await page.keyboard.press('Enter');
        await page.getByRole('form', { name: editorTitle('Home Broadband') }).waitFor();
        expect(await focused(page)).toMatchObject({ role: 'input', value: 'Home Broadband' });
        await tabTo(page, button(words.dialog.cancel));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Home Broadband' }).waitFor();
        // The editor took the Properties button with it: focus is back on the list.
        expect(await selectedEntry(page)).toBe('Home Broadband');

        await tabTo(page, button(words.pb.rename));
        await page.keyboard.press('Enter');
        await page
          .getByRole('dialog', { name: fill(words.pb.renameTitle, { name: 'Home Broadband' }) })
          .waitFor();
        await page.keyboard.press('Control+a');
        await page.keyboard.type('Home DSL');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Home DSL' }).waitFor();
        expect(pbk()).toContain('[Home DSL]');

        await tabTo(page, button(words.pb.copy));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Copy of Home DSL' }).waitFor();
        await entryOption(page, 'Copy of Home DSL').waitFor();

        await tabTo(page, button(words.pb.delete));
        await page.keyboard.press('Enter');
        const question = page.getByRole('dialog', {
          name: fill(words.pb.deleteTitle, { name: 'Copy of Home DSL' }),
        });
        await question.waitFor();
        expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
        await tabTo(page, (f) => f.inDialog && button(words.pb.delete)(f));
        await page.keyboard.press('Enter');
        await entryOption(page, 'Copy of Home DSL').waitFor({ state: 'detached' });
        expect(pbk()).not.toContain('[Copy of Home DSL]');
        expect(pbk()).toContain('[Home DSL]');
      },
      SLOW,
    );

    it(
      'edits an entry: Properties, the tabs by arrow keys, a setting changed, Save',
      async () => {
        const app = await open();
        const { page, core } = app;
        const before = await core.backend.getEntry(undefined, 'Office VPN');
        await toList(page);
        await arrowTo(page, 'Office VPN');
        await page.getByRole('heading', { level: 1, name: 'Office VPN' }).waitFor();
        await tabTo(page, button(words.pb.properties));
        await page.keyboard.press('Enter');
        const editor = page.getByRole('form', { name: editorTitle('Office VPN') });
        await editor.waitFor();

        // Back from the name field to the selected tab, General; the arrow keys go round the
        // tabs, each one selected as it takes the focus.
        const onTab = (tab: keyof Words['editor']['tab']) => ({
          role: 'tab',
          text: words.editor.tab[tab],
          selected: 'true',
        });
        await tabTo(page, (f) => f.role === 'tab' && f.selected === 'true', 'Shift+Tab');
        expect(await focused(page)).toMatchObject(onTab('general'));
        await page.keyboard.press('ArrowLeft');
        expect(await focused(page)).toMatchObject(onTab('networking'));
        await page.keyboard.press('ArrowRight');
        expect(await focused(page)).toMatchObject(onTab('general'));
        await page.keyboard.press('End');
        expect(await focused(page)).toMatchObject(onTab('networking'));
        await page.keyboard.press('Home');
        await page.keyboard.press('ArrowRight');
        expect(await focused(page)).toMatchObject(onTab('options'));
        await editor.getByRole('tabpanel', { name: words.editor.tab.options }).waitFor();

        // Redial attempts, typed over; Redial if the line is dropped, turned over with Space.
        await tabTo(page, field(words.editor.redialAttempts));
        await page.keyboard.press('Control+a');
        await page.keyboard.type(String(before.redialAttempts + 3));
        await tabTo(page, field(words.editor.redialOnDrop));
        await page.keyboard.press('Space');
        await tabTo(page, button(words.editor.save));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Office VPN', exact: true }).waitFor();
        expect(await editor.count()).toBe(0);

        const saved = await core.backend.getEntry(undefined, 'Office VPN');
        expect(saved).toMatchObject({
          redialAttempts: before.redialAttempts + 3,
          redialOnLinkFailure: !before.redialOnLinkFailure,
        });
      },
      SLOW,
    );

    it(
      'asks before Enter hangs up a connected entry',
      async () => {
        const app = await open();
        const { page } = app;
        const connected = () =>
          app.core.manager.list().find((c) => c.entryName === 'Dial-up')?.status === 'connected';
        await toList(page);
        await arrowTo(page, 'Dial-up');
        // Enter on an entry that is not connected dials it; this one asks who is calling.
        await page.keyboard.press('Enter');
        await page.getByRole('dialog', { name: `${words.dialog.retry.title} — Dial-up` }).waitFor();
        await page.keyboard.type('alice');
        await page.keyboard.press('Tab');
        await page.keyboard.type('secret');
        await page.keyboard.press('Enter');
        await statusIs(page, words.status.connected);

        await toList(page);
        await page.keyboard.press('Enter');
        const question = page.getByRole('dialog', {
          name: fill(words.pb.hangUpTitle, { name: 'Dial-up' }),
        });
        await question.waitFor({ timeout: 5000 });
        expect(connected()).toBe(true);
        // Focus starts on Cancel: a second Enter keeps the connection.
        expect(await focused(page)).toMatchObject({
          role: 'button',
          text: words.dialog.cancel,
          inDialog: true,
        });
        await page.keyboard.press('Enter');
        await question.waitFor({ state: 'detached' });
        expect(await selectedEntry(page)).toBe('Dial-up');
        await page.keyboard.press('Enter');
        await question.waitFor();
        await page.keyboard.press('Escape');
        await question.waitFor({ state: 'detached' });
        expect(await selectedEntry(page)).toBe('Dial-up');
        await page.waitForTimeout(200);
        expect(connected()).toBe(true);
        await statusIs(page, words.status.connected);

        await page.keyboard.press('Enter');
        await question.waitFor();
        await tabTo(page, (f) => f.inDialog && button(words.ui.hangUp)(f));
        await page.keyboard.press('Enter');
        await statusIs(page, words.status.disconnected);
        expect(connected()).toBe(false);
      },
      SLOW,
    );

    it(
      'keeps the list to its entries (axe) and Tab to a Close button keeps the selection in view',
      async () => {
        const app = await open({ viewport: { width: 1100, height: 600 } });
        const { page, core, dir } = app;
        const branch = path.join(dir, 'branch.pbk');
        const broken = path.join(dir, 'broken.pbk');
        writeFileSync(
          branch,
          '[Branch dial-up]\r\nType=1\r\n\r\nMEDIA=serial\r\n\r\nDEVICE=modem\r\nPhoneNumber=555-0100\r\n',
        );
        writeFileSync(broken, '[Fine]\r\nType=1\r\nthis line is wrong\r\n');
        await core.settings.set({ openedPhonebooks: [broken, branch] });
        await page.reload();
        await page.locator('.book-row', { hasText: 'broken.pbk' }).getByRole('alert').waitFor();
        // The list is drawn as it scrolls: its end shows the last opened phonebook once loaded.
        const scroller = page.locator('.phonebook-scroll');
        await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight));
        await page.locator('.book-row', { hasText: 'branch.pbk' }).waitFor();
        await scroller.evaluate((e) => (e.scrollTop = 0));

        // Every entry is an option; the headings' Close buttons and errors lie outside the list.
        const list = page.getByRole('listbox');
        expect(await list.getByRole('button').count()).toBe(0);
        expect(await list.getByRole('alert').count()).toBe(0);
        const violations = await axeViolations(page, '.phonebook-pane');
        expect(violations.filter((v) => v.startsWith('aria-required-children'))).toEqual([]);
        // Colour contrast is the styles' business (issue 14 leaves it to them).
        expect(violations.filter((v) => !v.startsWith('color-contrast'))).toEqual([]);

        // The top of the list: the opened phonebooks' headings are drawn below the view. Tab
        // must not take focus there and scroll the selected entry away.
        await toList(page);
        await page.keyboard.press('Home');
        expect(await selectedEntry(page)).toBe('Account disabled');
        const before = await scrollState(page);
        expect(before.selectionInView).toBe(true);
        await page.keyboard.press('Tab');
        expect(await focused(page)).not.toMatchObject({
          role: 'button',
          text: expect.stringMatching(new RegExp(`^${words.book.close}`)),
        });
        expect(await scrollState(page)).toEqual(before);

        // The opened phonebook's first entry brings its heading into view, and Tab goes to the
        // Close buttons in view (broken.pbk's heading is just above) without moving the list.
        await toList(page);
        await page.keyboard.press('Home');
        // The key that brings a heading into view makes its Close button a Tab stop at once,
        // not when the scroll event arrives a frame later (a quick Tab went past it). End goes
        // to the last entry, the opened phonebook's only one.
        const stopAtOnce = await page.evaluate(
          async (label) => {
            const listbox = document.querySelector('[role="listbox"]')!;
            listbox.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
            // React draws a key's change in a microtask; the scroll event waits for a frame.
            for (let i = 0; i < 5; i++) await Promise.resolve();
            const close = document.querySelector(`button[aria-label="${label}"]`);
            return close?.getAttribute('tabindex');
          },
          fill(words.book.closeNamed, { name: 'branch.pbk' }),
        );
        expect(stopAtOnce).toBe('0');
        expect(await selectedEntry(page)).toBe('Branch dial-up');
        const atBranch = await scrollState(page);
        expect(atBranch.selectionInView).toBe(true);
        await page.keyboard.press('Tab');
        expect(await focused(page)).toMatchObject({
          role: 'button',
          text: fill(words.book.closeNamed, { name: 'broken.pbk' }),
        });
        expect(await scrollState(page)).toEqual(atBranch);
        await page.keyboard.press('Tab');
        expect(await focused(page)).toMatchObject({
          role: 'button',
          text: fill(words.book.closeNamed, { name: 'branch.pbk' }),
        });
        expect(await scrollState(page)).toEqual(atBranch);
        await page.keyboard.press('Enter');
        await page.locator('.book-row', { hasText: 'branch.pbk' }).waitFor({ state: 'detached' });
        expect(core.settings.get().openedPhonebooks).toEqual([broken]);
      },
      SLOW,
    );
  },
);
