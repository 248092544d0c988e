// The Reliability section of an entry in the real window, over a month of synthetic history
// written into the data folder: the figures, the patterns in words, one bar a day, opened from
// the keyboard, axe in both themes and languages, no English in the Russian window, and no
// cut-off from 640×420 to 4K.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { monthOfHistory, writeHistory } from '../support/reliability-history';
import { axeViolations, SERIOUS } from './axe';
import { browserSuite } from './browser-suite';
import { cutOffs } from './cut-offs';
import { WINDOW_ENGLISH } from './english-words';
import { entryOption, type AppOptions } from './harness';

const ui = browserSuite();
const VPN = 'Office VPN';

/** Opens the app over a month of Office VPN's history, on its page, the section still closed. */
async function openWithHistory(options: AppOptions = {}): Promise<Page> {
  const app = await ui.open(options);
  await writeHistory(app.dir, monthOfHistory(VPN, app.core.backend.defaultPhonebook, Date.now()));
  // The window read the (empty) history as it opened: open it again over the written one.
  await app.page.reload();
  await app.page.getByRole('listbox').waitFor();
  await entryOption(app.page, VPN).click();
  await app.page.getByRole('heading', { level: 1, name: VPN }).waitFor();
  return app.page;
}

async function expand(page: Page, words: typeof en) {
  const section = page.getByRole('region', { name: words.reliability.title });
  await section.getByRole('button', { name: words.reliability.title }).click();
  await section.getByRole('img').waitFor();
  return section;
}

describe('the Reliability section', () => {
  it(
    'opens from the keyboard and tells the month: figures, patterns and a bar a day',
    { timeout: 60_000 },
    async () => {
      const page = await openWithHistory();
      const section = page.getByRole('region', { name: en.reliability.title });
      const toggle = section.getByRole('button', { name: en.reliability.title });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');

      const figure = (term: string) =>
        section
          .locator('dl > div')
          .filter({ has: page.getByText(term, { exact: true }) })
          .locator('dd');
      expect(await figure(en.reliability.medianSession).innerText()).toMatch(/^8 h( \d+ min)?$/);
      expect(await figure(en.reliability.commonError).innerText()).toMatch(
        /^Error 800, \d+ times: .+$/,
      );
      const patterns = await section.locator('.reliability-patterns li').allInnerTexts();
      expect(patterns).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^Drops every 8 h ± \d min \(\d+ drops\) — a server session limit\?$/,
          ),
          expect.stringMatching(
            /^The first try of the day fails, the second works: on \d+ of \d+ days$/,
          ),
        ]),
      );
      // One bar a day; a weekday's bar is about a third of the day (8 h), a weekend's is empty.
      const uptimes = await section
        .locator('g.reliability-day')
        .evaluateAll((days) => days.map((g) => Number((g as SVGGElement).dataset.uptime)));
      expect(uptimes).toHaveLength(30);
      expect(uptimes.filter((u) => u > 0.3).length).toBeGreaterThan(10);
      expect(uptimes.filter((u) => u === 0).length).toBeGreaterThan(4);
      expect(await section.getByRole('img').getAttribute('aria-label')).toMatch(/^Uptime by day/);

      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await section.getByRole('img').count()).toBe(0);
    },
  );

  it('says there is no history yet for an entry never dialed', { timeout: 60_000 }, async () => {
    const page = await openWithHistory();
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('heading', { level: 1, name: 'Dial-up' }).waitFor();
    const section = page.getByRole('region', { name: en.reliability.title });
    await section.getByRole('button', { name: en.reliability.title }).click();
    await section.getByText(en.reliability.empty).waitFor();
  });

  describe.each([
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'ru'],
    ['dark', 'ru'],
  ] as const)('in %s theme, in %s', (theme, language) => {
    const words = language === 'en' ? en : ru;

    it('passes axe, and speaks only the window’s language', { timeout: 60_000 }, async () => {
      const page = await openWithHistory({ colorScheme: theme, language });
      const section = await expand(page, words);
      expect(await axeViolations(page, '.reliability', { impacts: SERIOUS })).toEqual([]);
      if (language === 'ru') {
        const text = await section.innerText();
        expect(WINDOW_ENGLISH.filter((piece) => text.includes(piece))).toEqual([]);
        expect(text).toContain('Связь обрывается каждые 8 ч');
      }
    });
  });

  it('fits the window from 640×420 to 4K', { timeout: 60_000 }, async () => {
    const page = await openWithHistory({ viewport: { width: 640, height: 420 }, language: 'ru' });
    await expand(page, ru);
    expect(await cutOffs(page, { scope: '.reliability' })).toEqual([]);
    await page.setViewportSize({ width: 3840, height: 2160 });
    expect(await cutOffs(page, { scope: '.reliability', minFontPx: 14, maxWidthEm: 90 })).toEqual(
      [],
    );
  });
});
