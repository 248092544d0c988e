// The entry editor tells the truth (issue 14), driven with the keyboard alone: a VPN entry
// offers no phone-only option, the device is a list of the devices RAS reports, the country
// is chosen by its name, an alternate is removed from the middle, and leaving an editor with
// unsaved changes for another entry asks first.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { entryOption } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();
/** Each test walks a whole form key by key: room for a machine under load. */
const SLOW = 60_000;

/** What has focus: its role and its accessible name (or text). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label =
      (el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el?.closest('label')?.textContent;
    return {
      role: el?.getAttribute('role') ?? el?.localName ?? '',
      name: (el?.getAttribute('aria-label') ?? label ?? el?.textContent ?? '').trim(),
    };
  });
}

/** Presses Tab (or Shift+Tab) until what has focus is `role` named `name`; fails after 60. */
async function tabTo(page: Page, role: string, name: string, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const f = await focused(page);
    if (f.role === role && f.name === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(
    `Tab never reached ${role} "${name}"; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

/** Selects an entry in the list with the arrow keys. */
async function arrowTo(page: Page, name: string): Promise<void> {
  await tabTo(page, 'listbox', 'Phonebook', 'Shift+Tab').catch(() => undefined);
  await page.getByRole('listbox').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 40; i++) {
    const selected = await page.evaluate(() => {
      const list = document.querySelector('[role="listbox"]')!;
      const id = list.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.querySelector('.name')?.textContent : null;
    });
    if (selected === name) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${name} is not in the list`);
}

/** Opens an entry's Properties from the list with the keyboard. */
async function openProperties(page: Page, name: string): Promise<void> {
  await arrowTo(page, name);
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await tabTo(page, 'button', 'Properties');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Properties of ${name}` }).waitFor();
}

const optionTexts = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((s: HTMLSelectElement) => ({
    options: [...s.options].map((o) => o.textContent),
    chosen: s.selectedOptions[0]?.textContent,
  }));

describe('the entry editor with the keyboard alone', () => {
  it(
    'offers a VPN entry no phone-only option, and its device is a list',
    async () => {
      const { page } = await ui.open();
      await openProperties(page, 'Office VPN');
      const editor = page.locator('form.editor');
      expect(await optionTexts(page, 'Device')).toEqual({
        options: [
          'WAN Miniport (SSTP)',
          'WAN Miniport (IKEv2)',
          'WAN Miniport (L2TP)',
          'WAN Miniport (PPTP)',
        ],
        chosen: 'WAN Miniport (IKEv2)',
      });
      for (const label of ['Area code', 'Country or region', 'Use dialing rules'])
        expect(await editor.getByLabel(label).count()).toBe(0);
      expect(await editor.getByRole('button', { name: 'Add an alternate' }).count()).toBe(0);
      await tabTo(page, 'tab', 'Options');
      await page.keyboard.press('Enter');
      await editor.getByLabel('Show progress while connecting').waitFor();
      expect(await editor.getByLabel('Prompt for the phone number').count()).toBe(0);
      expect(await editor.getByLabel('Callback').count()).toBe(0);
      await tabTo(page, 'tab', 'Security', 'Shift+Tab');
      await page.keyboard.press('Enter');
      expect(await editor.getByLabel('Show a terminal window after dialing').count()).toBe(0);
      expect(await axeViolations(page, 'form.editor')).toEqual([]);
    },
    SLOW,
  );

  it(
    'chooses the device and the country by name, and removes an alternate from the middle',
    async () => {
      const app = await ui.open();
      const { page } = app;
      await openProperties(page, 'Dial-up with alternates');
      await tabTo(page, 'select', 'Device');
      expect((await optionTexts(page, 'Device')).options).toEqual([
        'Standard 56000 bps Modem',
        'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI',
      ]);
      await page.keyboard.press('ArrowDown');
      expect((await optionTexts(page, 'Device')).chosen).toBe(
        'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI',
      );

      // A third alternate, typed straight into the box that Add puts the focus in.
      await tabTo(page, 'button', 'Add an alternate');
      await page.keyboard.press('Enter');
      expect(await focused(page)).toEqual({ role: 'input', name: 'Alternate number 3' });
      await page.keyboard.type('555-0199');
      await tabTo(page, 'button', 'Remove alternate number 1', 'Shift+Tab');
      await page.keyboard.press('Enter');
      // The next alternate moved up: the focus is on its Remove.
      expect(await focused(page)).toEqual({ role: 'button', name: 'Remove alternate number 1' });
      expect(await page.getByLabel('Alternate number 1', { exact: true }).inputValue()).toBe(
        '555-0100',
      );
      expect(await page.getByLabel('Alternate number 2', { exact: true }).inputValue()).toBe(
        '555-0199',
      );

      // Canada and the United States share +1: the name tells them apart (type-ahead). Windows
      // uses the country only with its dialing rules.
      await tabTo(page, 'input', 'Use dialing rules');
      await page.keyboard.press('Space');
      await tabTo(page, 'select', 'Country or region');
      await page.keyboard.type('Canada');
      expect((await optionTexts(page, 'Country or region')).chosen).toBe('Canada (+1)');
      expect(await axeViolations(page, 'form.editor')).toEqual([]);

      await tabTo(page, 'button', 'Save');
      await page.keyboard.press('Enter');
      await page
        .getByRole('heading', { level: 1, name: 'Dial-up with alternates', exact: true })
        .waitFor();
      const saved = await app.core.backend.getEntry(undefined, 'Dial-up with alternates');
      expect(saved.phoneNumbers.map((n) => n.number)).toEqual(['555-0486', '555-0100', '555-0199']);
      expect(saved.phoneNumbers[0]).toMatchObject({
        countryId: 107,
        countryCode: 1,
        useDialingRules: true,
      });
      expect(saved).toMatchObject({
        deviceType: 'isdn',
        deviceName: 'ISDN channel - AVM ISDN-Controller FRITZ!Card PCI',
      });
    },
    SLOW,
  );

  it(
    'asks before leaving an editor with changes for another entry',
    async () => {
      const { page } = await ui.open();
      await openProperties(page, 'Office VPN');
      await tabTo(page, 'input', 'Server name or address');
      await page.keyboard.press('End');
      await page.keyboard.type('.org');

      // With the keyboard: back to the list, the next entry.
      await page.getByRole('listbox').focus();
      await page.keyboard.press('ArrowDown');
      const question = page.getByRole('dialog', { name: 'Discard your changes?' });
      await question.waitFor();
      expect(await focused(page)).toEqual({ role: 'button', name: 'Cancel' });
      await page.keyboard.press('Escape');
      await question.waitFor({ state: 'detached' });
      expect(await page.getByLabel('Server name or address').inputValue()).toBe(
        'vpn.example.com.org',
      );

      // With the mouse, as the issue says: clicking another entry asks too; Discard leaves.
      await entryOption(page, 'Home Broadband').click();
      await question.waitFor();
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toEqual({ role: 'button', name: 'Discard' });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Home Broadband', exact: true }).waitFor();
      expect(await page.locator('form.editor').count()).toBe(0);
    },
    SLOW,
  );
});
