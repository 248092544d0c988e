// The Russian window shows no English: every screen and every error a person can meet, with
// each visible text, aria-label, title and placeholder checked against the English texts (the
// UI strings and the error tables) that the Russian does not also use.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { EN_MESSAGES } from '../../app/ras/app-messages';
import { ALL_RAS_ERRORS, ALL_WIN32_ERRORS, APP_ERRORS } from '../../app/ras/errors';
import { demoEntries } from '../../main/phonebook/demo-entries';
import { browserSuite } from './browser-suite';
import { strings } from './english-words';
import { walkOptions, walkTheEntryPage, walkThePanes, type Look } from './every-screen';

const ui = browserSuite();

/** Proper nouns and data that read the same in both languages. */
const ALLOWED =
  /^(RAS( Connect)?|VPN|PPTP|L2TP|IPsec|IKEv2|SSTP|EAP|PPP|DNS|IPv4|IPv6|TCP\/IP|Windows|Ethernet|ISDN|NetBIOS|LCP|MiB|UTF-8)$/i;

/** The pieces of English a Russian screen must not show: template text between `{{…}}`. */
const ENGLISH: string[] = (() => {
  const russian = strings(ru).join('\n');
  const sources = [
    ...strings(en),
    ...Object.values(EN_MESSAGES),
    ...Object.values(APP_ERRORS),
    ...[...ALL_RAS_ERRORS, ...ALL_WIN32_ERRORS].flatMap((e) => [e.message, e.remedy]),
  ];
  const pieces = sources.flatMap((s) => s.split(/\{\{\w+\}\}|\$t\([^)]*\)/));
  return [...new Set(pieces.map((p) => p.trim()))].filter(
    (p) =>
      (p.match(/[A-Za-z]/g)?.length ?? 0) > 3 &&
      /[A-Za-z]{3}/.test(p) &&
      !ALLOWED.test(p) &&
      !russian.includes(p),
  );
})();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = ENGLISH.map(
  (p) => [p, new RegExp(`(^|[^A-Za-z])${escape(p)}($|[^A-Za-z])`)] as const,
);

/** Every text a person sees or hears on the page now, with data (names, paths) removed. */
async function shownTexts(page: Page, data: readonly string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const visible = (e: Element) =>
      e.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent?.trim();
      // Not the window's words: a script shown or typed (PowerShell is English), and what
      // the remote computer prints in the terminal window.
      if (!text || !parent || parent.closest('script, style, textarea, [role="log"]')) continue;
      if (parent.closest('option') || visible(parent)) out.push(text);
    }
    for (const e of document.querySelectorAll('[aria-label], [title], [placeholder]'))
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = e.getAttribute(a);
        if (v && (visible(e) || a === 'aria-label')) out.push(v);
      }
    return out;
  });
  return texts.map((t) => data.reduce((s, d) => s.split(d).join(' '), t));
}

/** The English pieces found in what the page shows, each with the text it was in. */
async function englishOn(page: Page, data: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const text of await shownTexts(page, data))
    for (const [piece, pattern] of PATTERNS)
      if (pattern.test(text)) found.add(`"${piece}" in "${text}"`);
  return [...found];
}

/** The demo phonebook's entry names: data, longest first so none is cut by a shorter one. */
const DEMO_NAMES = demoEntries()
  .map((d) => d.entry.name)
  .sort((a, b) => b.length - a.length);

describe('the window in Russian', () => {
  it('knows English when it sees it', async () => {
    const { page } = await ui.open({ language: 'en' });
    expect(await englishOn(page, [])).not.toEqual([]);
  });

  /** English found on each screen of a walk through the Russian window. */
  function looking(page: Page, dir: string) {
    const seen: string[] = [];
    const data = [...DEMO_NAMES, dir];
    const look: Look = async (where) => {
      seen.push(...(await englishOn(page, data)).map((e) => `${where}: ${e}`));
    };
    return { seen, look };
  }

  it(
    'says the entry page in Russian through a dial’s life: failures, Find out why, pauses, redial, Details, a refused hang-up',
    { timeout: 240_000 },
    async () => {
      const app = await ui.open(walkOptions({ language: 'ru' }));
      const { seen, look } = looking(app.page, app.dir);
      await walkTheEntryPage(app, ru, look);
      expect(seen).toEqual([]);
    },
  );

  it(
    'says the editor, every dialog and refusal, a broken phonebook, History and Settings in Russian',
    { timeout: 240_000 },
    async () => {
      const app = await ui.open(walkOptions({ language: 'ru' }));
      const { seen, look } = looking(app.page, app.dir);
      await walkThePanes(app, ru, look);
      expect(seen).toEqual([]);
    },
  );

  it('says a phonebook with a parse error and a missing phonebook in Russian', async () => {
    const { page, dir, core } = await ui.open({ language: 'ru' });
    const broken = path.join(dir, 'broken.pbk');
    const missing = path.join(dir, 'gone.pbk');
    writeFileSync(broken, '[Good]\r\nPhoneNumber=1\r\nnot a key line\r\n');
    await core.settings.set({ openedPhonebooks: [broken, missing] });
    await page.reload();
    await page.getByRole('listbox').waitFor();
    await page.getByText('broken.pbk').first().waitFor();
    expect(await englishOn(page, [...DEMO_NAMES, dir])).toEqual([]);
  }, 120_000);
});
