// Opening, searching and saving a 10,000-entry phonebook, each next to a baseline from the
// same run: the same steps on the 19-entry demo phonebook, and a plain file write.

import { writeFileSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp, type RunningApp } from '../ui/harness';
import { largePhonebook } from './phonebook-text';

export interface PhonebookFigures {
  openLarge: number;
  openDemo: number;
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

async function timeSearch(page: Page, needle: string): Promise<number> {
  await page.getByLabel('Search').fill('');
  await page.locator('.entry-row').first().waitFor();
  const start = performance.now();
  await page.getByLabel('Search').fill(needle);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('.entry-row .name')];
    return rows.length > 0 && rows.every((r) => r.textContent!.includes(n));
  }, needle);
  return performance.now() - start;
}

export async function measurePhonebook(runs = 5): Promise<PhonebookFigures> {
  const browser = await launchBrowser();
  let app: RunningApp | null = null;
  try {
    app = await openApp(browser, { speed: 0 });
    const { page, core, dir } = app;
    const file = path.join(dir, 'rasphone.pbk');
    const openDemo: number[] = [];
    const searchDemo: number[] = [];
    for (let i = 0; i < runs; i++) {
      openDemo.push(await timeOpen(page));
      searchDemo.push(await timeSearch(page, 'Office'));
    }
    writeFileSync(file, largePhonebook(10_000));
    const openLarge: number[] = [];
    const searchLarge: number[] = [];
    for (let i = 0; i < runs; i++) {
      openLarge.push(await timeOpen(page));
      searchLarge.push(await timeSearch(page, 'VPN 9997'));
    }
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
      await writeFile(path.join(dir, 'plain.pbk'), bytes);
      plainWrite.push(performance.now() - start);
    }
    return {
      openLarge: median(openLarge),
      openDemo: median(openDemo),
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
