// Opening, searching and saving a 10,000-entry phonebook, each next to a baseline from the
// same run: the same steps on the 19-entry demo phonebook, and a plain write of the same
// bytes flushed to disk (fsync), as the save flushes its own.
//
// Where the time went (issue 14; Chromium CPU profiles over CDP, node --cpu-prof for main):
// - open: half of it the page waiting for main, whose phonebook:list read the 10 MB file in
//   chunks joined by a second copy and built every entry whole (sectionToEntry) for its type
//   and destination; in the page, sorting 10,000 names with String#localeCompare (a collator
//   per call), redone on every change of the store.
// - search: every keystroke sorted the whole phonebook again and lower-cased every name.
// - save: four whole reads, five digests, joining 10,000 sections into one string before
//   encoding it (the largest single cost), counting every line ending of the file, and the
//   garbage of all those 10 MB buffers.
// - a notification's row: the list followed the whole store, so every connection event and
//   every statistics tick sorted and drew it again before the timeline's row could show.
//
// "Open" is what a person does in a running window: the Open dialog → phonebook:open → the
// change announced → phonebook:books → phonebook:list per book → the file's first row
// (tests/bench/profile-open.ts profiles it, page over CDP and main through node:inspector).
// Of ~250 ms on a busy 2-core machine: main's phonebook:list ~50 ms (reading and parsing the
// 10 MB file, main/ras/simulated), JSON.stringify of the 1 MB result ~20 ms and ws.send
// ~50 ms, the page's receiving and JSON.parse ~40 ms, the list ~35 ms (half of it a map of
// every row's key, rebuilt on each change: now one scan for the selected row), and the lists
// asked one after another (now at once). The result is not validated on either side (the
// contract validates payloads), so zod costs nothing here. Then (quiet machine, 136 ms) most
// of what was left was Chromium receiving the 1.1 MB message: as [name, type, destination]
// tuples without the phonebook's path in each, 0.4 MB arrive in a fifth of the time (85 ms). A page reload is timed too, and the
// cost the big phonebook adds to it as the median of paired reloads (10,000 − 19).

import { writeFileSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp, type RunningApp } from '../ui/harness';
import { largePhonebook } from './phonebook-text';

export interface PhonebookFigures {
  /** The whole page reloaded with the 10,000-entry phonebook as the person's own, and with 19. */
  openLarge: number;
  openDemo: number;
  /** A running window opens a 10,000-entry file, and a 19-entry one (the Open dialog). */
  openInWindowLarge: number;
  openInWindowSmall: number;
  /** The median of reload 10,000 − reload 19, each pair measured one after the other. */
  startupAdded: number;
  searchLarge: number;
  searchDemo: number;
  saveLarge: number;
  plainWrite: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeOpen(page: Page): Promise<number> {
  const start = performance.now();
  await page.reload();
  await page.locator('.entry-row').first().waitFor();
  return performance.now() - start;
}

// A string, not a function: the bundler would name the function's inner functions with a
// helper the page does not have.
const SEARCH_IN_PAGE = `(needle) => new Promise((resolve) => {
  const input = document.querySelector('input[type="search"]');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    const rows = [...document.querySelectorAll('.entry-row .name')];
    if (rows.length === 0 || !rows.every((r) => r.textContent.includes(needle))) return;
    observer.disconnect();
    resolve(performance.now() - start);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  // Through the element's own value setter, as typing does (React listens behind it).
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, needle);
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

/**
 * From one input event in the search box (the whole phonebook shown before it) to the list
 * showing only matches, timed in the page: a round trip of the test driver per step cost more
 * than the work measured.
 */
async function timeSearch(page: Page, needle: string): Promise<number> {
  await page.getByLabel('Search').fill('');
  await page.locator('.entry-row').first().waitFor();
  return page.evaluate(`(${SEARCH_IN_PAGE})(${JSON.stringify(needle)})`);
}

// From the Open dialog's submit to the opened phonebook's first entry drawn in the list, timed
// in the page (phonebook:open, the change announced, phonebook:books and phonebook:list).
const OPEN_IN_PAGE = `(label) => new Promise((resolve) => {
  const submit = [...document.querySelectorAll('[role="dialog"] button[type="submit"]')].pop();
  const selector = '[role="group"][aria-label="' + label + '"] .entry-row';
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    resolve(performance.now() - start);
  });
  observer.observe(document.body, { subtree: true, childList: true });
  submit.click();
})`;

/** Opens a .pbk file through the Open dialog of a running window: the time to its first row. */
export async function openInWindow(
  page: Page,
  file: string,
  /** Runs with the path typed, just before the dialog's Open (a profiler starts here). */
  before: () => Promise<void> = async () => undefined,
): Promise<number> {
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a phonebook' });
  await dialog.getByRole('button', { name: 'Choose the file…' }).click();
  await dialog.getByLabel('Path of the .pbk file').fill(file);
  await before();
  const took: number = await page.evaluate(
    `(${OPEN_IN_PAGE})(${JSON.stringify(path.basename(file))})`,
  );
  await dialog.waitFor({ state: 'detached' });
  return took;
}

/** Closes an opened phonebook from its heading, and waits for its group to go. */
export async function closeOpened(page: Page, file: string): Promise<void> {
  const label = path.basename(file);
  await page
    .locator('.book-row', { hasText: label })
    .getByRole('button', { name: 'Close' })
    .click();
  await page.locator(`[role="group"][aria-label="${label}"]`).waitFor({ state: 'detached' });
}

export async function measurePhonebook(runs = 5): Promise<PhonebookFigures> {
  const browser = await launchBrowser();
  let app: RunningApp | null = null;
  try {
    app = await openApp(browser, { speed: 0 });
    const { page, core, dir } = app;
    const file = path.join(dir, 'rasphone.pbk');
    const demoText = readFileSync(file);
    const searchDemo: number[] = [];
    for (let i = 0; i < runs; i++) searchDemo.push(await timeSearch(page, 'Office'));
    // The same window opens another file, of 10,000 entries and of 19, closing it in between.
    const large = path.join(dir, 'large.pbk');
    const small = path.join(dir, 'small.pbk');
    writeFileSync(large, largePhonebook(10_000));
    writeFileSync(small, demoText);
    const openInWindowLarge: number[] = [];
    const openInWindowSmall: number[] = [];
    // The whole list shows, as it does when a person opens a file (no search left typed).
    await page.getByLabel('Search').fill('');
    for (let i = 0; i < runs; i++) {
      openInWindowSmall.push(await openInWindow(page, small));
      await closeOpened(page, small);
      openInWindowLarge.push(await openInWindow(page, large));
      await closeOpened(page, large);
    }
    // Reloads in pairs, 19 entries then 10,000 as the person's own phonebook: the cost the
    // big phonebook adds is each pair's difference (a reload alone varies by more than that).
    const openDemo: number[] = [];
    const openLarge: number[] = [];
    const added: number[] = [];
    const largeText = largePhonebook(10_000);
    for (let i = 0; i < runs + 2; i++) {
      writeFileSync(file, demoText);
      openDemo.push(await timeOpen(page));
      writeFileSync(file, largeText);
      openLarge.push(await timeOpen(page));
      added.push(openLarge.at(-1)! - openDemo.at(-1)!);
    }
    const searchLarge: number[] = [];
    for (let i = 0; i < runs; i++) searchLarge.push(await timeSearch(page, 'VPN 9997'));
    const saveLarge: number[] = [];
    const plainWrite: number[] = [];
    const bytes = readFileSync(file);
    for (let i = 0; i < runs; i++) {
      const { entry, revision } = await core.phonebooks.get(undefined, 'VPN 4999');
      let start = performance.now();
      await core.phonebooks.update(
        undefined,
        'VPN 4999',
        { ...entry, redialAttempts: i + 1 },
        revision,
      );
      saveLarge.push(performance.now() - start);
      start = performance.now();
      const plain = await open(path.join(dir, 'plain.pbk'), 'w');
      await plain.writeFile(bytes);
      await plain.sync();
      await plain.close();
      plainWrite.push(performance.now() - start);
    }
    return {
      openLarge: median(openLarge),
      openDemo: median(openDemo),
      startupAdded: median(added),
      openInWindowLarge: median(openInWindowLarge),
      openInWindowSmall: median(openInWindowSmall),
      searchLarge: median(searchLarge),
      searchDemo: median(searchDemo),
      saveLarge: median(saveLarge),
      plainWrite: median(plainWrite),
    };
  } finally {
    await app?.close();
    await browser.close();
  }
}
