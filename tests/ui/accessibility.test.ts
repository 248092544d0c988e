// Every screen of the window through axe-core, in light and dark, in English and Russian: no
// serious or critical finding (contrast, names, roles, headings, tables). Each screen also has
// an h1 and names its dialogs; and what a screen reader hears is checked in the DOM: the
// timeline's icons, the live regions (state changes, never ticks), the fields' errors, and
// entry names cut off on screen.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { axeViolations, SERIOUS, type AxeExclusion } from './axe';
import { browserSuite } from './browser-suite';
import { walkOptions, walkTheEntryPage, walkThePanes, type Look } from './every-screen';
import { connect, entryOption, redialOnDrop, statusIs } from './harness';

const ui = browserSuite();

/**
 * Findings that belong to files another change owns, each left out on exactly its elements
 * with the issue that removes it. None today.
 */
const EXCLUDE: readonly AxeExclusion[] = [];

/**
 * What axe does not check on every screen: one h1, and every open dialog named by its
 * heading (aria-labelledby), and nothing that counts (a clock) inside a live region.
 */
function structure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const shown = (e: Element) => e.checkVisibility({ checkVisibilityCSS: true });
    const h1 = [...document.querySelectorAll('h1')].filter(shown);
    if (h1.length !== 1) problems.push(`${h1.length} h1 headings`);
    for (const dialog of document.querySelectorAll('[role="dialog"], [role="alertdialog"]')) {
      const ids = dialog.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      const name = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      if (name.trim() === '') problems.push('a dialog without a name from its heading');
    }
    const live =
      '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="timer"], [role="marquee"]';
    for (const counter of document.querySelectorAll('.countdown, .lasted, .statistics'))
      if (counter.closest(live)) problems.push(`${counter.className} inside a live region`);
    return problems;
  });
}

describe.each([
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'ru'],
  ['dark', 'ru'],
] as const)('the window in %s theme, in %s', (theme, language) => {
  const words = language === 'en' ? en : ru;

  /** axe's serious and critical findings, and the structure's problems, by screen. */
  function looking(page: Page) {
    const found: Record<string, string[]> = {};
    const look: Look = async (screen) => {
      found[screen] = [
        ...(await axeViolations(page, 'body', { impacts: SERIOUS, exclude: EXCLUDE })),
        ...(await structure(page)),
      ];
    };
    const clean = () => Object.fromEntries(Object.keys(found).map((k) => [k, []]));
    return { found, look, clean };
  }

  it(
    'passes axe on the entry page through a dial’s life: failure, Find out why, every pause, redial, Details, a refused hang-up',
    { timeout: 240_000 },
    async () => {
      const app = await ui.open(walkOptions({ colorScheme: theme, language }));
      expect(await app.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await app.page.evaluate(() => document.documentElement.lang)).toBe(language);
      const { found, look, clean } = looking(app.page);
      await walkTheEntryPage(app, words, look);
      expect(Object.keys(found).length).toBeGreaterThan(12);
      expect(found).toEqual(clean());
    },
  );

  it(
    'passes axe on Keep connected, the editor, every dialog, refusals, History and Settings',
    { timeout: 240_000 },
    async () => {
      const app = await ui.open(walkOptions({ colorScheme: theme, language }));
      const { found, look, clean } = looking(app.page);
      await walkThePanes(app, words, look);
      expect(Object.keys(found).length).toBeGreaterThan(20);
      expect(found).toEqual(clean());
    },
  );
});

/** How often the live regions of the page change while `during` runs. */
async function liveChanges(page: Page, during: () => Promise<void>): Promise<string[]> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { liveSeen: string[] }).liveSeen = seen;
    const live =
      '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], [role="timer"], [role="marquee"]';
    new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        const region = target?.closest(live);
        if (region) seen.push(region.textContent ?? '');
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await during();
  return page.evaluate(() => (window as unknown as { liveSeen: string[] }).liveSeen);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('what a screen reader hears', () => {
  it(
    'each timeline row speaks its group in words beside a hidden SVG icon',
    { timeout: 60_000 },
    async () => {
      const { page } = await ui.open({ speed: 0.2 });
      await connect(page, 'Office VPN', 'wrong');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await statusIs(page, en.status.disconnected);
      const rows = await page.locator('.timeline .row').evaluateAll((items) =>
        items.map((row) => {
          const svg = row.querySelector('.icon svg');
          return {
            svg: svg?.getAttribute('aria-hidden') === 'true' && svg.textContent === '',
            // What the icon's cell says to a screen reader: its visible or hidden text only.
            spoken: row.querySelector('.icon')?.textContent ?? '',
            glyph: /[^\s\w]/.test(row.querySelector('.icon')?.textContent ?? ''),
          };
        }),
      );
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.every((r) => r.svg && !r.glyph)).toBe(true);
      const spoken = new Set(rows.map((r) => r.spoken));
      // Every row says its group in words: the dial's step, running steps, the paused one
      // (Sign in again), and the end (cancelled, so not a failure).
      expect([...spoken].sort()).toEqual(
        [en.group.info, en.group.running, en.group.paused, en.group.terminal].sort(),
      );
    },
  );

  it(
    'announces each new state once while dialing, and nothing at all over 3 s of a connection or a countdown',
    { timeout: 90_000 },
    async () => {
      const { page, core } = await ui.open({ speed: 0.2 });
      const during = await liveChanges(page, async () => {
        await connect(page, 'Office VPN');
        await statusIs(page, en.status.connected);
      });
      const rows = await page.locator('.timeline .row').count();
      // The status badge says each status; the timeline's region each new state: no ticks.
      const announced = new Set(during);
      expect(during.length).toBeLessThanOrEqual(rows * 2 + 8);
      expect([...announced].some((t) => t.includes(`(${en.group.terminal})`))).toBe(true);

      await page.locator('.statistics dd', { hasText: /KB|MB/ }).first().waitFor();
      const connected = await liveChanges(page, () => pause(3_000));
      expect(connected).toEqual([]);

      await redialOnDrop(core, 'Drops after 30 s', { seconds: 60, attempts: 2 });
      await connect(page, 'Drops after 30 s');
      await statusIs(page, en.status['waiting-to-redial']);
      await page.locator('.countdown').waitFor();
      const counting = await liveChanges(page, () => pause(3_000));
      expect(counting).toEqual([]);
    },
  );

  it(
    'ties each field’s error to the field, and names the tab of an error on another tab',
    { timeout: 60_000 },
    async () => {
      const { page } = await ui.open();
      await entryOption(page, 'Office VPN').click();
      await page.getByRole('button', { name: en.pb.properties, exact: true }).click();
      const editor = page.locator('form.editor');
      const name = editor.getByLabel(en.editor.name);
      // Nothing is said before anything is typed.
      expect(await editor.locator('[aria-invalid="true"]').count()).toBe(0);
      await name.fill('bad\\name');
      await editor.getByRole('button', { name: en.editor.save, exact: true }).click();
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
      const description = await page.evaluate(
        (ids) =>
          ids
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        describedBy,
      );
      expect(description).toMatch(/\\/);
      // Every invalid field says why, in text a screen reader reads with it.
      const undescribed = await editor.locator('[aria-invalid="true"]').evaluateAll(
        (fields) =>
          fields.filter((f) => {
            const ids = f.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
            return !ids.some(
              (id) => (document.getElementById(id)?.textContent ?? '').trim() !== '',
            );
          }).length,
      );
      expect(undescribed).toBe(0);

      await editor.getByRole('tab', { name: en.editor.tab.security }).click();
      const elsewhere = editor
        .getByText(en.editor.tab.general, { exact: false })
        .and(editor.locator('.problem'));
      await elsewhere.waitFor();
      expect(await elsewhere.textContent()).toContain(en.editor.tab.general);
    },
  );

  it('reads an entry name cut off on screen in full, on hover and by its name', async () => {
    const long = `Branch office ${'and warehouse '.repeat(6)}VPN`.trim();
    const { page, core } = await ui.open({ viewport: { width: 640, height: 420 } });
    await core.backend.setEntry(undefined, makeEntry(long, 'vpn', ['vpn.example.com']));
    await page.reload();
    await page.getByRole('listbox').waitFor();
    const search = page.locator('.phonebook-tools input[type="search"]');
    await search.fill('Branch office');
    const option = entryOption(page, long);
    await option.waitFor();
    const shown = await option.locator('.name').evaluate((e) => ({
      cut: e.scrollWidth > e.clientWidth,
      title: e.getAttribute('title') ?? e.closest('[title]')?.getAttribute('title'),
    }));
    expect(shown).toEqual({ cut: true, title: long });
    // The option's accessible name starts with the whole name.
    const labelled = await option.evaluate((o) => {
      const ids = o.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      return (
        o.getAttribute('aria-label') ??
        (ids.length > 0
          ? ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
          : (o.textContent ?? ''))
      );
    });
    expect(labelled.startsWith(long)).toBe(true);
    await option.click();
    const heading = page.getByRole('heading', { level: 1, name: long });
    await heading.waitFor();
  });
});
