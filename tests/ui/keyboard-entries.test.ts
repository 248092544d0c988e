// The entry list and the entry's verbs with the keyboard alone: nothing here touches the
// mouse. Focus gets to the list with Tab from the top of the page, as a person's would.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { entryOption, statusIs } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

/** What has focus: its role, its accessible text, and for the list the active entry. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const active = el?.getAttribute('aria-activedescendant');
    return {
      role: el?.getAttribute('role') ?? el?.localName ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      value: el instanceof HTMLInputElement ? el.value : undefined,
      entry: active ? document.getElementById(active)?.querySelector('.name')?.textContent : null,
      inDialog: !!el?.closest('[role="dialog"]'),
    };
  });
}

type Focused = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (or Shift+Tab) until `wanted` has focus; fails after 40 presses. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached it; focus is on ${JSON.stringify(await focused(page))}`);
}

const toList = (page: Page) => tabTo(page, (f) => f.role === 'listbox');
const button = (name: string) => (f: Focused) => f.role === 'button' && f.text === name;

/** The selected entry, as the focused list tells it (aria-activedescendant). */
async function selectedEntry(page: Page): Promise<string | null | undefined> {
  const f = await focused(page);
  expect(f.role).toBe('listbox');
  return f.entry;
}

/** Selects an entry with Home and the arrow keys (type-ahead has a test of its own). */
async function arrowTo(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Home');
  for (let i = 0; i < 40 && (await selectedEntry(page)) !== name; i++)
    await page.keyboard.press('ArrowDown');
  expect(await selectedEntry(page)).toBe(name);
}

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

describe('the entry list with the keyboard alone', () => {
  it('selects with the arrow keys and type-ahead', async () => {
    const { page } = await ui.open();
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
  });

  it('opens the entry’s menu with Shift+F10 and the Menu key, moves with arrows, Escape returns', async () => {
    const { page } = await ui.open();
    await toList(page);
    await arrowTo(page, 'VPN (slow)');
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'VPN (slow)' });
    await menu.waitFor({ timeout: 5000 });
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Connect' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Properties' });
    await page.keyboard.press('End');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'New' });
    await page.keyboard.press('Home');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Connect' });
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'New' });
    expect(await axeViolations(page, '[role="menu"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await selectedEntry(page)).toBe('VPN (slow)');

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ContextMenu');
    await page.getByRole('menu', { name: 'VPN (refused)' }).waitFor();
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Connect' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const rename = page.getByRole('dialog', { name: 'Rename “VPN (refused)”' });
    await rename.waitFor();
    expect(await focused(page)).toMatchObject({ role: 'input', value: 'VPN (refused)' });
    await page.keyboard.press('Escape');
    await rename.waitFor({ state: 'detached' });

    // Properties from the menu: the editor opens with the name field focused.
    await toList(page);
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await page.getByRole('form', { name: 'Properties of VPN (refused)' }).waitFor();
    expect(await focused(page)).toMatchObject({ role: 'input', value: 'VPN (refused)' });
  }, 40_000);

  it('uses the Properties, Rename, Copy and Delete buttons of the entry’s page', async () => {
    const app = await ui.open();
    const { page } = app;
    const pbk = () => readFileSync(path.join(app.dir, 'rasphone.pbk'), 'utf8');
    await toList(page);
    await arrowTo(page, 'Home Broadband');
    await page.getByRole('heading', { level: 1, name: 'Home Broadband' }).waitFor();

    await tabTo(page, button('Properties'));
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Properties of Home Broadband' }).waitFor();
    expect(await focused(page)).toMatchObject({ role: 'input', value: 'Home Broadband' });
    await tabTo(page, button('Cancel'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Home Broadband' }).waitFor();
    // The editor took the Properties button with it: focus is back on the list.
    expect(await selectedEntry(page)).toBe('Home Broadband');

    await tabTo(page, button('Rename'));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Rename “Home Broadband”' }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Home DSL');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Home DSL' }).waitFor();
    expect(pbk()).toContain('[Home DSL]');

    await tabTo(page, button('Copy'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Copy of Home DSL' }).waitFor();
    await entryOption(page, 'Copy of Home DSL').waitFor();

    await tabTo(page, button('Delete'));
    await page.keyboard.press('Enter');
    const question = page.getByRole('dialog', { name: 'Delete “Copy of Home DSL”?' });
    await question.waitFor();
    await tabTo(page, (f) => f.inDialog && button('Delete')(f));
    await page.keyboard.press('Enter');
    await entryOption(page, 'Copy of Home DSL').waitFor({ state: 'detached' });
    expect(pbk()).not.toContain('[Copy of Home DSL]');
    expect(pbk()).toContain('[Home DSL]');
  });

  it('asks before Enter hangs up a connected entry', async () => {
    const app = await ui.open();
    const { page } = app;
    const connected = () =>
      app.core.manager.list().find((c) => c.entryName === 'Dial-up')?.status === 'connected';
    await toList(page);
    await arrowTo(page, 'Dial-up');
    // Enter on an entry that is not connected dials it; this one asks who is calling.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Sign in again — Dial-up' }).waitFor();
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('secret');
    await page.keyboard.press('Enter');
    await statusIs(page, 'Connected');

    await toList(page);
    await page.keyboard.press('Enter');
    const question = page.getByRole('dialog', { name: 'Hang up “Dial-up”?' });
    await question.waitFor({ timeout: 5000 });
    expect(connected()).toBe(true);
    // Focus starts on Cancel: a second Enter keeps the connection.
    expect(await focused(page)).toMatchObject({ role: 'button', text: 'Cancel', inDialog: true });
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
    await statusIs(page, 'Connected');

    await page.keyboard.press('Enter');
    await question.waitFor();
    await tabTo(page, (f) => f.inDialog && button('Hang up')(f));
    await page.keyboard.press('Enter');
    await statusIs(page, 'Disconnected');
    expect(connected()).toBe(false);
  }, 40_000);

  it('keeps the list to its entries (axe) and Tab to a Close button keeps the selection in view', async () => {
    const app = await ui.open({ viewport: { width: 1100, height: 600 } });
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
    await page.locator('.book-row', { hasText: 'branch.pbk' }).waitFor();

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
      text: expect.stringMatching(/^Close/),
    });
    expect(await scrollState(page)).toEqual(before);

    // The opened phonebook's first entry brings its heading into view, and Tab goes to the
    // Close buttons in view (broken.pbk's heading is just above) without moving the list.
    await toList(page);
    await arrowTo(page, 'Branch dial-up');
    const atBranch = await scrollState(page);
    expect(atBranch.selectionInView).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'button', text: 'Close broken.pbk' });
    expect(await scrollState(page)).toEqual(atBranch);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'button', text: 'Close branch.pbk' });
    expect(await scrollState(page)).toEqual(atBranch);
    await page.keyboard.press('Enter');
    await page.locator('.book-row', { hasText: 'branch.pbk' }).waitFor({ state: 'detached' });
    expect(core.settings.get().openedPhonebooks).toEqual([broken]);
  }, 40_000);
});
