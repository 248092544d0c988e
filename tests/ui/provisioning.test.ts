// Provisioning in Chromium: "Copy as PowerShell" on the demo "Office VPN", and the import
// from PowerShell or a ProfileXML that opens the entry in the editor, where Save creates it
// (with its pre-shared key as a credential) and a bad paste is told in the dialog. Keyboard
// only where a person would use the keyboard; axe in both themes and both languages.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../app/ipc/contract';
import { VPN_STRATEGIES } from '../../app/phonebook/entry-settings';
import { axeViolations, SERIOUS } from './axe';
import { browserSuite } from './browser-suite';
import { entryOption, type RunningApp } from './harness';

const ui = browserSuite();
const fixtures = path.resolve(import.meta.dirname, '../fixtures/provisioning');
const EXAMPLE_3 = readFileSync(path.join(fixtures, 'add-vpnconnection-example3.ps1'), 'utf8');
const PROFILE_XML = path.join(fixtures, 'profilexml-native-example.xml');

const words = {
  en: {
    import: 'Import',
    fromText: 'PowerShell or ProfileXML…',
    text: 'PowerShell or ProfileXML',
    read: 'Read',
    notes: 'Notes on the imported text',
    copyAs: 'Copy as PowerShell',
  },
  ru: {
    import: 'Импорт',
    fromText: 'PowerShell или ProfileXML…',
    text: 'PowerShell или ProfileXML',
    read: 'Прочитать',
    notes: 'Замечания об импортированном тексте',
    copyAs: 'Копировать как PowerShell',
  },
};

/** Opens the import dialog from the sidebar's Import, with the keyboard alone. */
async function openImport(page: Page, language: 'en' | 'ru' = 'en'): Promise<void> {
  const w = words[language];
  await page.getByRole('button', { name: w.import, exact: true }).focus();
  await page.keyboard.press('Enter');
  const fromText = page.getByRole('button', { name: w.fromText });
  await fromText.waitFor();
  await fromText.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByLabel(w.text).waitFor();
}

async function entryDetails(app: RunningApp, name: string) {
  const result = await app.core.router.handle(
    'phonebook:get',
    { phonebook: app.core.backend.defaultPhonebook, name },
    'test',
  );
  expect(result.ok).toBe(true);
  return (result as { value: Result<'phonebook:get'> }).value;
}

describe('provisioning, in Chromium', () => {
  it('shows the PowerShell for the demo "Office VPN" and copies it', async () => {
    const app = await ui.open();
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await entryOption(page, 'Office VPN').click();
    await page.getByRole('heading', { level: 1, name: 'Office VPN' }).waitFor();
    await page.getByRole('button', { name: 'Copy as PowerShell' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Copy "Office VPN" as PowerShell' });
    const script = dialog.getByLabel('PowerShell script');
    await expect.poll(() => script.inputValue()).toMatch(/Add-VpnConnection/);
    const text = await script.inputValue();
    expect(text).toMatch(/-Name 'Office VPN'|-Name "Office VPN"/);
    // The script opens with its box focused: a screen reader reads it by its label.
    expect(await script.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await dialog.getByLabel('RAS Connect command line').inputValue()).toMatch(
      /^ras-connect phonebook create /,
    );
    expect(await dialog.textContent()).toContain('The pre-shared key is never in it');
    // Enter anywhere but the boxes copies the script; Tab reaches each button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copy the script');
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'The script is copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await axeViolations(page, '[role="dialog"]', { impacts: SERIOUS })).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 60_000);

  it("imports Microsoft's Example 3 into the editor and saves it with its key, by keyboard", async () => {
    const app = await ui.open();
    const { page } = app;
    await openImport(page);
    // The box has focus: the text is typed (pasted) straight in.
    await page.keyboard.insertText(EXAMPLE_3);
    await page.getByText('Read as PowerShell.').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const editor = page.locator('form.editor');
    await editor.getByRole('heading', { name: 'New entry' }).waitFor();
    expect(await editor.getByLabel('Entry name').inputValue()).toBe('Test4');
    const notes = editor.getByRole('region', { name: 'Notes on the imported text' });
    expect(await notes.textContent()).toContain('-AllUserConnection');
    expect(await editor.getByLabel('VPN type').inputValue()).toBe(String(VPN_STRATEGIES.l2tpOnly));
    expect(await axeViolations(page, 'form.editor', { impacts: SERIOUS })).toEqual([]);
    await editor.getByRole('tab', { name: 'Security' }).click();
    expect(await editor.getByRole('checkbox', { name: /^Use EAP/ }).isChecked()).toBe(true);
    const key = editor.getByLabel('Pre-shared key', { exact: true });
    expect(await key.getAttribute('type')).toBe('password');
    expect(await key.inputValue()).toBe('password');
    await editor.getByRole('tab', { name: 'Networking' }).click();
    expect(
      await editor.getByRole('checkbox', { name: /default gateway on the remote/i }).isChecked(),
    ).toBe(false);
    await editor.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Test4' }).waitFor();
    await entryOption(page, 'Test4').waitFor();
    const saved = await entryDetails(app, 'Test4');
    expect(saved.entry).toMatchObject({
      type: 'vpn',
      vpnStrategy: VPN_STRATEGIES.l2tpOnly,
      eapTypeId: 26,
      useRemoteGateway: false,
      usePreSharedKey: true,
    });
    expect(saved.entry.phoneNumbers[0]?.number).toBe('10.1.1.1');
    expect(saved.credentials.hasPreSharedKey).toBe(true);
  }, 90_000);

  it('tells a bad paste in the dialog, and Cancel creates nothing', async () => {
    const app = await ui.open();
    const { page } = app;
    const before = await page.getByRole('option').count();
    await openImport(page);
    await page.keyboard.insertText('Add-VpnConnection -Name "X" -ServerAddress "s" -Bogus 1');
    await page.getByRole('dialog').getByRole('button', { name: 'Read' }).click();
    await page
      .getByRole('dialog')
      .getByRole('alert')
      .filter({ hasText: 'Add-VpnConnection has no parameter -Bogus' })
      .waitFor();
    expect(await axeViolations(page, '[role="dialog"]', { impacts: SERIOUS })).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByRole('option').count()).toBe(before);
    expect(await page.locator('form.editor').count()).toBe(0);
  }, 60_000);

  for (const [language, colorScheme] of [
    ['en', 'dark'],
    ['ru', 'light'],
    ['ru', 'dark'],
  ] as const) {
    it(`copies as PowerShell, and imports Microsoft's ProfileXML from a file with its notes (${language}, ${colorScheme})`, async () => {
      const app = await ui.open({ language, colorScheme });
      const { page } = app;
      const w = words[language];
      // The Copy dialog in this language and theme, then the import.
      await entryOption(page, 'Office VPN').click();
      await page.getByRole('button', { name: w.copyAs }).click();
      await expect
        .poll(() => page.getByRole('dialog').locator('textarea').first().inputValue())
        .toMatch(/Add-VpnConnection/);
      expect(await axeViolations(page, '[role="dialog"]', { impacts: SERIOUS })).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await openImport(page, language);
      await page.locator('[role="dialog"] input[type="file"]').setInputFiles(PROFILE_XML);
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByLabel(w.text).inputValue()).toMatch(/^<VPNProfile>/);
      expect(await axeViolations(page, '[role="dialog"]', { impacts: SERIOUS })).toEqual([]);
      await dialog.getByRole('button', { name: w.read }).click();
      const editor = page.locator('form.editor');
      const notes = editor.getByRole('region', { name: w.notes });
      await notes.waitFor();
      // Named after its file, since the profile names none; what the entry cannot hold is noted.
      expect(await editor.locator('input').first().inputValue()).toBe('profilexml-native-example');
      expect(await notes.textContent()).toMatch(/TrafficFilter/);
      expect(await axeViolations(page, 'form.editor', { impacts: SERIOUS })).toEqual([]);
      await editor.getByRole('button', { name: language === 'en' ? 'Save' : 'Сохранить' }).click();
      await entryOption(page, 'profilexml-native-example').waitFor();
      const saved = await entryDetails(app, 'profilexml-native-example');
      expect(saved.entry).toMatchObject({ vpnStrategy: VPN_STRATEGIES.ikev2Only, eapTypeId: 25 });
    }, 90_000);
  }
});
