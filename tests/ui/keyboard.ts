// Moving through the window as a keyboard user does: Tab and Shift+Tab from where the focus
// is, the arrow keys in the list. Shared by the keyboard-only UI tests, which never touch
// the mouse, in both themes and both languages (issue 14).

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

export type Words = typeof en;

/** The two variants every keyboard-only test runs in: theme, language and its words. */
export const VARIANTS: readonly (readonly ['light' | 'dark', 'en' | 'ru', Words])[] = [
  ['light', 'en', en],
  ['dark', 'ru', ru],
];

/** A text of the dictionaries with its {{placeholders}} filled in, as i18next does. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/** What has focus: its role, its name, its value, the list's active entry, and where it is. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const active = el?.getAttribute('aria-activedescendant');
    // A field's name is its label's text; anything else is named by aria-label or its text.
    const label = el && el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    const input = el instanceof HTMLInputElement || el instanceof HTMLSelectElement;
    return {
      role: el?.getAttribute('role') ?? el?.localName ?? '',
      text: (
        el?.getAttribute('aria-label') ??
        (input ? (label ?? el.closest('label'))?.textContent : el?.textContent) ??
        ''
      ).trim(),
      value: el instanceof HTMLInputElement ? el.value : undefined,
      entry: active ? document.getElementById(active)?.querySelector('.name')?.textContent : null,
      inDialog: !!el?.closest('[role="dialog"]'),
      selected: el?.getAttribute('aria-selected') ?? null,
    };
  });
}

export type Focused = Awaited<ReturnType<typeof focused>>;

/**
 * Whether the focus shows: an outline or a shadow on the focused element, or, for the entry
 * list, on its selected entry. Null when the page itself has focus (Tab passing the window's
 * ends), which draws nothing to see.
 */
export function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const active = el.getAttribute('aria-activedescendant');
    const shown = (active && document.getElementById(active)) || el;
    const style = getComputedStyle(shown);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      visible: outline || style.boxShadow !== 'none',
      what: `${el.localName}${el.className ? `.${String(el.className)}` : ''} ${(
        el.getAttribute('aria-label') ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 40)}`,
    };
  });
}

/** Fails unless the focus shows (see focusRing). */
export async function expectRing(page: Page): Promise<void> {
  const ring = await focusRing(page);
  if (ring) expect(ring, 'the focus ring').toMatchObject({ visible: true });
}

/**
 * Presses Tab (or Shift+Tab) until `wanted` has focus; fails after 60 presses, and on any stop
 * where the focus cannot be seen.
 */
export async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  key = 'Tab',
): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await expectRing(page);
    if (wanted(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached it; focus is on ${JSON.stringify(await focused(page))}`);
}

export const toList = (page: Page) => tabTo(page, (f) => f.role === 'listbox');
export const button = (name: string) => (f: Focused) => f.role === 'button' && f.text === name;
/** A text box, check box or list box named by its label. */
export const field = (name: string) => (f: Focused) =>
  (f.role === 'input' || f.role === 'select') && f.text === name;

/** The selected entry, as the focused list tells it (aria-activedescendant). */
export async function selectedEntry(page: Page): Promise<string | null | undefined> {
  const f = await focused(page);
  expect(f.role).toBe('listbox');
  return f.entry;
}

/** Selects an entry with Home and the arrow keys, the list focused. */
export async function arrowTo(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Home');
  for (let i = 0; i < 40 && (await selectedEntry(page)) !== name; i++)
    await page.keyboard.press('ArrowDown');
  expect(await selectedEntry(page)).toBe(name);
}

/** Selects an entry from the list and dials it with typed credentials and Connect, by keys. */
export async function dialByKeyboard(page: Page, words: Words, entry: string): Promise<void> {
  await toList(page);
  await arrowTo(page, entry);
  await page.getByRole('heading', { level: 1, name: entry }).waitFor();
  await tabTo(page, field(words.ui.userName));
  await page.keyboard.type('alice');
  await tabTo(page, field(words.ui.password));
  await page.keyboard.type('secret');
  await tabTo(page, button(words.ui.connect));
  await page.keyboard.press('Enter');
}
