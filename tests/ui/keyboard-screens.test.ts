// The screens added after issue 14 was filed, and Settings and History, with the keyboard
// alone: each opens with Enter where Tab finds it, Escape leaves it, and focus goes back to
// what opened it, with a ring that shows at every stop. Nothing here touches the mouse, fills
// a field without typing or moves the focus by script. Each test runs in light English and
// in dark Russian.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DoctorOptions } from '../../main/doctor/run-doctor';
import { axeViolations, SERIOUS } from './axe';
import { entryOption, redialOnDrop, statusIs } from './harness';
import { browserSuite } from './browser-suite';
import {
  arrowTo,
  button,
  dialByKeyboard,
  expectRing,
  field,
  fill,
  focused,
  selectedEntry,
  tabTo,
  toList,
  VARIANTS,
} from './keyboard';

const ui = browserSuite();
/** Room for a machine under load; each test takes a few seconds on a quiet one. */
const SLOW = 60_000;

/** The failure doctor may ask no one: the entry's name is *.invalid, answered without DNS. */
const NO_LOOKUP: Partial<DoctorOptions> = {
  lookup: (host) => Promise.reject(new Error(`the test asked DNS for ${host}`)),
  dnsServers: () => ['192.0.2.53'],
};

const onButton = async (page: Page, name: string) => button(name)(await focused(page));

describe.each(VARIANTS)(
  'the other screens with the keyboard alone, %s theme, in %s',
  (theme, language, words) => {
    const open = (options: { doctor?: Partial<DoctorOptions> } = {}) =>
      ui.open({ ...options, colorScheme: theme, language });
    const settingsHeading = (page: Page) =>
      page.getByRole('heading', { level: 1, name: words.ui.settings });

    it(
      'Settings: Enter opens it, Escape and Close leave it, focus back on Settings',
      async () => {
        const { page, core } = await open();
        await toList(page);
        await tabTo(page, button(words.ui.settings), 'Shift+Tab');
        await page.keyboard.press('Enter');
        await settingsHeading(page).waitFor();
        // A setting changed from the keyboard: the theme's list, to its end and back.
        await tabTo(page, (f) => f.role === 'select' && f.text.startsWith(words.ui.theme));
        const theme0 = core.settings.get().theme;
        await page.keyboard.press('End');
        await expect.poll(() => core.settings.get().theme).toBe('dark');
        await page.keyboard.press('Home');
        await expect.poll(() => core.settings.get().theme).toBe(theme0);

        await page.keyboard.press('Escape');
        await settingsHeading(page).waitFor({ state: 'detached' });
        expect(await onButton(page, words.ui.settings)).toBe(true);
        await expectRing(page);

        await page.keyboard.press('Enter');
        await settingsHeading(page).waitFor();
        await tabTo(page, (f) => f.role === 'button' && f.text === words.ui.close);
        await page.keyboard.press('Enter');
        await settingsHeading(page).waitFor({ state: 'detached' });
        expect(await onButton(page, words.ui.settings)).toBe(true);
      },
      SLOW,
    );

    it(
      'the editor: Escape cancels it; with a change made, Escape asks first',
      async () => {
        const { page } = await open();
        const editor = page.getByRole('form', {
          name: fill(words.editor.title, { name: 'Dial-up' }),
        });
        await toList(page);
        await arrowTo(page, 'Dial-up');
        await tabTo(page, button(words.pb.properties));
        await page.keyboard.press('Enter');
        await editor.waitFor();
        await page.keyboard.press('Escape');
        await editor.waitFor({ state: 'detached' });
        await page.getByRole('heading', { level: 1, name: 'Dial-up' }).waitFor();
        expect((await focused(page)).role).not.toBe('body');

        await toList(page);
        await tabTo(page, button(words.pb.properties));
        await page.keyboard.press('Enter');
        await editor.waitFor();
        await page.keyboard.type(' 2');
        await page.keyboard.press('Escape');
        const question = page.getByRole('dialog', { name: words.editor.discard });
        await question.waitFor();
        // Escape again answers the question "no": the editor stays with the change.
        await page.keyboard.press('Escape');
        await question.waitFor({ state: 'detached' });
        expect(await editor.count()).toBe(1);
        expect(await focused(page)).toMatchObject({ role: 'input', value: 'Dial-up 2' });
        await page.keyboard.press('Escape');
        await question.waitFor();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Enter');
        await editor.waitFor({ state: 'detached' });
        await entryOption(page, 'Dial-up').waitFor();
        expect(await entryOption(page, 'Dial-up 2').count()).toBe(0);
      },
      SLOW,
    );

    it(
      'History: Enter opens it, a column header sorts, Close goes back to History',
      async () => {
        const { page } = await open();
        await dialByKeyboard(page, words, 'Dial-up');
        await statusIs(page, words.status.connected);
        await tabTo(page, button(words.ui.hangUp));
        await page.keyboard.press('Enter');
        await statusIs(page, words.status.disconnected);

        await toList(page);
        await tabTo(page, button(words.history.title), 'Shift+Tab');
        await page.keyboard.press('Enter');
        const pane = page.getByRole('region', { name: words.history.overall });
        const table = pane.getByRole('table');
        await table.waitFor();
        const header = table.getByRole('columnheader', { name: words.history.duration });
        expect(await header.getAttribute('aria-sort')).toBeNull();
        await tabTo(page, (f) => f.role === 'button' && f.text.startsWith(words.history.duration));
        await page.keyboard.press('Enter');
        expect(await header.getAttribute('aria-sort')).toMatch(/^(ascending|descending)$/);
        const first = await header.getAttribute('aria-sort');
        await page.keyboard.press('Space');
        expect(await header.getAttribute('aria-sort')).not.toBe(first);
        await expectRing(page);

        await tabTo(page, (f) => f.role === 'button' && f.text === words.ui.close);
        await page.keyboard.press('Enter');
        await pane.waitFor({ state: 'detached' });
        expect(await onButton(page, words.history.title)).toBe(true);
        await expectRing(page);
      },
      SLOW,
    );

    it(
      'Copy as PowerShell and PowerShell or ProfileXML: in and out, focus back on the opener',
      async () => {
        const { page } = await open();
        await toList(page);
        await arrowTo(page, 'Office VPN');
        await tabTo(page, button(words.provision.copyAs));
        await page.keyboard.press('Enter');
        const copy = page.getByRole('dialog', {
          name: fill(words.provision.copyTitle, { name: 'Office VPN' }),
        });
        await copy.waitFor();
        expect((await focused(page)).inDialog).toBe(true);
        await expectRing(page);
        await tabTo(page, (f) => f.inDialog && button(words.provision.copyScript)(f));
        await page.keyboard.press('Enter');
        await copy.getByText(words.provision.copiedScript).waitFor();
        await page.keyboard.press('Escape');
        await copy.waitFor({ state: 'detached' });
        expect(await onButton(page, words.provision.copyAs)).toBe(true);

        await toList(page);
        await tabTo(page, button(words.transfer.importShort), 'Shift+Tab');
        await page.keyboard.press('Enter');
        await page.getByRole('dialog', { name: words.transfer.importTitle }).waitFor();
        await tabTo(page, (f) => f.inDialog && button(words.provision.fromText)(f));
        await page.keyboard.press('Enter');
        const fromText = page.getByRole('dialog', { name: words.provision.importTitle });
        await fromText.waitFor();
        expect((await focused(page)).inDialog).toBe(true);
        await expectRing(page);
        await page.keyboard.press('Escape');
        await fromText.waitFor({ state: 'detached' });
        expect(await onButton(page, words.transfer.importShort)).toBe(true);
      },
      SLOW,
    );

    it(
      'a connected VPN: Copy details, Reliability, and Keep connected in the editor',
      async () => {
        const app = await open();
        const { page, core } = app;
        await page
          .context()
          .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
        await dialByKeyboard(page, words, 'Office VPN');
        await statusIs(page, words.status.connected);
        const details = page.getByRole('region', { name: words.details.title });
        await details.locator('dl').waitFor();
        await tabTo(page, button(words.details.copy));
        await page.keyboard.press('Enter');
        await details.getByRole('status').filter({ hasText: words.details.copied }).waitFor();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Office VPN');

        await tabTo(page, (f) => f.role === 'button' && f.text === words.reliability.title);
        await page.keyboard.press('Enter');
        const reliability = page.getByRole('region', { name: words.reliability.title });
        expect(
          await reliability
            .getByRole('button', { name: words.reliability.title })
            .getAttribute('aria-expanded'),
        ).toBe('true');

        await tabTo(page, button(words.ui.hangUp), 'Shift+Tab');
        await page.keyboard.press('Enter');
        await statusIs(page, words.status.disconnected);
        await toList(page);
        await tabTo(page, button(words.pb.properties));
        await page.keyboard.press('Enter');
        await tabTo(page, (f) => f.role === 'tab' && f.selected === 'true', 'Shift+Tab');
        await page.keyboard.press('ArrowRight');
        await tabTo(page, field(words.keep.option));
        await page.keyboard.press('Space');
        await tabTo(page, button(words.editor.save));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Office VPN', exact: true }).waitFor();
        await expect
          .poll(() => core.settings.get().keepConnected.map((k) => k.name))
          .toEqual(['Office VPN']);
      },
      SLOW,
    );

    it(
      'Find out why after a failure: focus in, Escape, focus back on the button',
      async () => {
        const { page } = await open({ doctor: NO_LOOKUP });
        await dialByKeyboard(page, words, 'VPN (unknown host)');
        await page.locator('.failure-box', { hasText: '868' }).waitFor();
        await tabTo(page, button(words.doctor.findOutWhy));
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.locator('.doctor-verdict h3').waitFor();
        expect((await focused(page)).inDialog).toBe(true);
        await expectRing(page);
        expect(await axeViolations(page, '[role="dialog"]', { impacts: SERIOUS })).toEqual([]);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        expect((await focused(page)).inDialog).toBe(true);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect(await onButton(page, words.doctor.findOutWhy)).toBe(true);
      },
      SLOW,
    );

    it(
      'the redial countdown: Redial now, then Cancel redial, by Tab and Enter',
      async () => {
        const { page, core } = await open();
        const drops = 'Drops after 30 s';
        await redialOnDrop(core, drops, { seconds: 60, attempts: 3 });
        await dialByKeyboard(page, words, drops);
        await statusIs(page, words.status['waiting-to-redial']);
        await tabTo(page, button(words.redial.now));
        await page.keyboard.press('Enter');
        await statusIs(page, words.status.connected);
        await statusIs(page, words.status['waiting-to-redial']);
        await tabTo(page, button(words.redial.cancel));
        await page.keyboard.press('Enter');
        await statusIs(page, words.status.disconnected);
        expect((await focused(page)).role).not.toBe('body');
        await toList(page);
        expect(await selectedEntry(page)).toBe(drops);
      },
      SLOW,
    );
  },
);
