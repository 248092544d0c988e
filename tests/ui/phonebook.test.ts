import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { largePhonebook } from '../bench/phonebook-text';
import { axeViolations } from './axe';
import { connect, entryOption, statusIs } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

const pbk = () => readFileSync(path.join(ui.app.dir, 'rasphone.pbk'), 'utf8');

describe('managing the phonebook in the window', () => {
  it('creates an entry in the editor, with the problems shown as the person types or saves', async () => {
    const app = await ui.open();
    const { page } = app;
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Control+n');
    const editor = page.getByRole('form', { name: 'New entry' });
    const save = editor.getByRole('button', { name: 'Save' });
    await editor.getByLabel('Entry name').fill('Office VPN');
    await editor
      .getByRole('alert')
      .filter({ hasText: 'An entry with that name exists.' })
      .waitFor();
    // Save with a problem saves nothing: the editor stays, with the problem.
    await save.click();
    expect(await editor.getByRole('alert').first().textContent()).toBe(
      'An entry with that name exists.',
    );
    expect(pbk().match(/^\[Office VPN\]/gm)).toHaveLength(1);
    await editor.getByLabel('Entry name').fill('Branch VPN');
    // The server box was never touched: its problem shows once Save was pressed.
    await editor.getByText('A VPN entry needs a server name or address.').waitFor();
    await editor.getByLabel('Server name or address').fill('branch.example.com');
    await editor.getByRole('tab', { name: 'Networking' }).click();
    await editor.getByLabel('DNS servers (empty: assigned by the server)').fill('10.0.0.53');
    await editor.getByRole('tab', { name: 'Options' }).click();
    await editor.getByLabel('Redial attempts').fill('4');
    await save.click();
    await page.getByRole('heading', { level: 1, name: 'Branch VPN' }).waitFor();
    expect(pbk()).toMatch(
      /\[Branch VPN\]\r\n[\s\S]*RedialAttempts=4[\s\S]*IpDnsAddress=10\.0\.0\.53/,
    );
    await entryOption(page, 'Branch VPN').waitFor();
  });

  it('edits an entry through Properties and keeps the rest of its keys', async () => {
    const app = await ui.open();
    const { page } = app;
    await entryOption(page, 'Office VPN').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Properties' }).click();
    const editor = page.getByRole('form', { name: 'Properties of Office VPN' });
    await editor.getByRole('tab', { name: 'Security' }).click();
    await editor.getByLabel('Data encryption').selectOption('8');
    await editor.getByLabel('Use a pre-shared key for authentication').check();
    await editor.getByLabel('Pre-shared key', { exact: true }).fill('k3y-secret');
    await editor.getByRole('tab', { name: 'General' }).click();
    await editor.getByLabel('VPN type').selectOption('SSTP only');
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Office VPN', exact: true }).waitFor();
    expect(await app.core.backend.getEntry(undefined, 'Office VPN')).toMatchObject({
      encryption: 8,
      vpnStrategy: 5,
      usePreSharedKey: true,
    });
    // The key is a credential: saved apart from the entry, and never in the page again.
    expect(await app.core.backend.getCredentials(undefined, 'Office VPN')).toMatchObject({
      hasPreSharedKey: true,
    });
    expect(pbk()).not.toContain('k3y-secret');
    expect(await page.content()).not.toContain('k3y-secret');
    expect(pbk()).toContain('ms_msclient=1');
  });

  it('lists the settings kept from Windows, and the Security and Networking tabs pass axe', async () => {
    const app = await ui.open();
    const { page } = app;
    await entryOption(page, 'Office VPN').click();
    await page.getByText(/^Other settings kept from Windows \(\d+\)$/).click();
    const kept = page.getByRole('list', { name: 'Other settings kept from Windows' });
    await kept.getByText('ms_msclient', { exact: true }).waitFor();
    expect(await kept.getByRole('listitem').count()).toBeGreaterThan(1);
    await entryOption(page, 'Office VPN').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Properties' }).click();
    const editor = page.getByRole('form', { name: 'Properties of Office VPN' });
    await editor.getByRole('tab', { name: 'Security' }).click();
    await editor.getByLabel('Use a pre-shared key for authentication').check();
    await editor.getByLabel('Pre-shared key', { exact: true }).waitFor();
    await editor.getByLabel('IKEv2 mobility').waitFor();
    expect(await axeViolations(page, 'form.editor')).toEqual([]);
    await editor.getByRole('tab', { name: 'Networking' }).click();
    const ipv4 = editor.getByRole('group', { name: 'IPv4 interface metric' });
    await ipv4.getByLabel('Automatic metric').uncheck();
    await ipv4.getByLabel('Interface metric (1–9999)').fill('0');
    await editor.getByRole('alert').filter({ hasText: 'A whole number from 1 to 9999.' }).waitFor();
    expect(await axeViolations(page, 'form.editor')).toEqual([]);
    // Nothing spills out of the editor (its width follows the text size: window-sizes.test.ts).
    expect(await editor.evaluate((form) => form.scrollWidth <= form.clientWidth)).toBe(true);
  });

  it('asks before discarding unsaved changes', async () => {
    const app = await ui.open();
    const { page } = app;
    await entryOption(page, 'Dial-up').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Properties' }).click();
    await page.getByLabel('Phone number').fill('555-0111');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const question = page.getByRole('dialog', { name: 'Discard your changes?' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByLabel('Phone number').inputValue()).toBe('555-0111');
  });

  it('renames with F2, copies with Ctrl+D and deletes with Del after confirming', async () => {
    const app = await ui.open();
    const { page } = app;
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('listbox').focus();
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog', { name: /Rename/ });
    await rename.getByLabel('Entry name').fill('Modem line');
    await page.keyboard.press('Enter');
    await entryOption(page, 'Modem line').waitFor();
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Control+d');
    await entryOption(page, 'Copy of Modem line').waitFor();
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Delete');
    await page
      .getByRole('dialog', { name: 'Delete “Copy of Modem line”?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await entryOption(page, 'Copy of Modem line').waitFor({ state: 'detached' });
    expect(pbk()).toContain('[Modem line]');
    expect(pbk()).not.toContain('[Copy of Modem line]');
  });

  it('tells why a connected entry cannot be deleted', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Office VPN');
    await statusIs(page, 'Connected');
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alert').filter({ hasText: 'hang it up before you delete it' }).waitFor();
    expect(pbk()).toContain('[Office VPN]');
  });

  it('searches as you type and moves with the arrow keys', async () => {
    const app = await ui.open();
    const { page } = app;
    await entryOption(page, 'Dial-up').waitFor();
    const allNames = (await page.locator('.entry-row .name').allTextContents()).length;
    await page.getByLabel('Search').fill('vpn');
    // Rows render after the input event; wait for the filtered list before reading it.
    await expect
      .poll(async () => (await page.locator('.entry-row .name').allTextContents()).length)
      .toBeLessThan(allNames);
    const names = await page.locator('.entry-row .name').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    expect(
      names.every((n) => /vpn/i.test(n) || n === 'EAP sign-in' || /Account|logon|dial-in/.test(n)),
    ).toBe(true);
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('.entry-row.selected .name').textContent())
      .toBe(names.slice().sort((a, b) => a.localeCompare(b))[1]);
  });

  it('exports chosen entries to a file and imports them back, resolving clashes', async () => {
    const app = await ui.open();
    const { page } = app;
    const file = path.join(app.dir, 'shared.pbk');
    await entryOption(page, 'Office VPN').click();
    await page.getByRole('button', { name: 'Export' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export entries' });
    await exporting.getByLabel('Dial-up', { exact: true }).check();
    await exporting.getByRole('button', { name: 'Choose the file…' }).click();
    await exporting.getByLabel('Path of the .pbk file').fill(file);
    await exporting.getByRole('button', { name: 'Export' }).click();
    await exporting
      .getByRole('status')
      .filter({ hasText: `2 entries written to ${file}.` })
      .waitFor();
    await exporting.getByRole('button', { name: 'Close' }).click();
    await exporting.waitFor({ state: 'detached' });
    expect(readFileSync(file, 'utf8').match(/^\[/gm)).toHaveLength(2);

    await page.getByRole('button', { name: 'Import' }).click();
    const importing = page.getByRole('dialog', { name: 'Import entries' });
    await importing.getByRole('button', { name: 'Choose the file…' }).click();
    await importing.getByLabel('Path of the .pbk file').fill(file);
    await importing.getByRole('button', { name: 'Open' }).click();
    const chooser = page.getByRole('dialog', { name: `Import from ${file}` });
    await chooser.getByLabel('Office VPN').uncheck();
    await chooser.getByRole('button', { name: 'Import' }).click();
    await entryOption(page, 'Copy of Dial-up').waitFor();
    expect(await entryOption(page, 'Copy of Office VPN').count()).toBe(0);
  });

  it('says which line is wrong when a file to import is malformed', async () => {
    const app = await ui.open();
    const { page } = app;
    const file = path.join(app.dir, 'broken.pbk');
    writeFileSync(file, '[A]\r\nType=1\r\nthis is not a key\r\n');
    await page.getByRole('button', { name: 'Import' }).click();
    const importing = page.getByRole('dialog', { name: 'Import entries' });
    await importing.getByRole('button', { name: 'Choose the file…' }).click();
    await importing.getByLabel('Path of the .pbk file').fill(file);
    await importing.getByRole('button', { name: 'Open' }).click();
    await importing.getByRole('alert').filter({ hasText: 'line 3' }).waitFor();
  });

  it('saves a password sealed by the key store, and never shows it again', async () => {
    const app = await ui.open();
    const { page } = app;
    await entryOption(page, 'Office VPN').click();
    await page.getByLabel('User name').first().fill('alice');
    await page.getByLabel('Password').first().fill('s3cret');
    await page.getByLabel('Save the password').check();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await statusIs(page, 'Connected');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await statusIs(page, 'Disconnected');
    await page.reload();
    await entryOption(page, 'Office VPN').click();
    const password = page.getByPlaceholder('saved password');
    await password.waitFor();
    expect(await password.inputValue()).toBe('');
    expect(await page.content()).not.toContain('s3cret');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await statusIs(page, 'Connected');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('says why a password cannot be saved where there is no key store, and dials with the typed one', async () => {
    const app = await ui.open({ noKeyStore: true });
    const { page } = app;
    await entryOption(page, 'Office VPN').click();
    const box = page.getByLabel('Save the password');
    expect(await box.isDisabled()).toBe(true);
    await page.getByText(/^No key store is available here/).waitFor();
    await page.getByLabel('Password').first().fill('s3cret');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await statusIs(page, 'Connected');
  });

  it('opens another phonebook beside its own, groups the entries, and shows a broken one read-only', async () => {
    const app = await ui.open();
    const { page } = app;
    const other = path.join(app.dir, 'branch.pbk');
    const broken = path.join(app.dir, 'broken.pbk');
    writeFileSync(
      other,
      '[Branch dial-up]\r\nType=1\r\n\r\nMEDIA=serial\r\n\r\nDEVICE=modem\r\nPhoneNumber=555-0100\r\n',
    );
    writeFileSync(broken, '[Fine]\r\nType=1\r\nthis line is wrong\r\n');
    for (const file of [other, broken]) {
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Open a phonebook' });
      await dialog.getByRole('button', { name: 'Choose the file…' }).click();
      await dialog.getByLabel('Path of the .pbk file').fill(file);
      await dialog.getByRole('button', { name: 'Open' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.locator('.book-row', { hasText: 'RAS Connect phonebook' }).waitFor();
    await page.locator('.book-row', { hasText: 'branch.pbk' }).waitFor();
    await page
      .locator('.book-row', { hasText: 'broken.pbk' })
      .getByRole('alert')
      .filter({ hasText: 'line 3' })
      .waitFor();
    await connect(page, 'Branch dial-up');
    await statusIs(page, 'Connected');
    expect(app.core.manager.list().find((c) => c.entryName === 'Branch dial-up')?.phonebook).toBe(
      other,
    );
    await page
      .locator('.book-row', { hasText: 'broken.pbk' })
      .getByRole('button', { name: 'Close' })
      .click();
    await page.locator('.book-row', { hasText: 'broken.pbk' }).waitFor({ state: 'detached' });
    expect(app.core.settings.get().openedPhonebooks).toEqual([other]);
    expect(readFileSync(broken, 'utf8')).toBe('[Fine]\r\nType=1\r\nthis line is wrong\r\n');
  });

  // Ten thousand entries are written and listed first: slow on a busy machine.
  it('scrolls ten thousand entries, rendering only what shows', async () => {
    const app = await ui.open();
    const { core, page } = app;
    writeFileSync(path.join(ui.app.dir, 'rasphone.pbk'), largePhonebook(10_000));
    await page.reload();
    await page.getByRole('listbox').waitFor();
    await page
      .locator('.entry-row .name', { hasText: /^Broadband \d+$/ })
      .first()
      .waitFor();
    expect((await core.backend.listEntries()).length).toBe(10_000);
    expect(await page.locator('.entry-row').count()).toBeLessThan(80);
    await page.getByRole('listbox').focus();
    await page.keyboard.press('End');
    await page.locator('.entry-row.selected .name', { hasText: 'VPN 9997' }).waitFor();
    await page.getByLabel('Search').fill('Dial-up 9999');
    await expect
      .poll(() => page.locator('.entry-row .name').allTextContents())
      .toEqual(['Dial-up 9999']);
  }, 90_000);

  it('marks a favourite with the star, which the tray lists first', async () => {
    const app = await ui.open();
    const { page, core } = app;
    await entryOption(page, 'VPN (slow)').click();
    const star = page.getByRole('button', { name: 'Favourite' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => core.settings.get().favourites.map((f) => f.name))
      .toEqual(['VPN (slow)']);
  });
});
