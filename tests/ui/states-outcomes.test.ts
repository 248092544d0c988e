// What the window says about how things ended and what an entry holds (issue 14, "States that
// mislead"), in the window: the list tells connected, failed with its code and dropped apart;
// History reads a 629 drop as a drop; a rename refused for a connected entry stays in its dialog
// and never follows to another entry; a fresh entry shows no problems, a number box can be
// emptied and retyped, 99999 s names the real limit, and "prompt for the phone number" lets
// the Connect form change the number for that call.

import { describe, expect, it } from 'vitest';
import { connect, entryOption, statusIs } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

/** The state the list shows beside an entry. */
const listed = (page: Parameters<typeof entryOption>[0], entry: string) =>
  entryOption(page, entry).locator('.badge').textContent();

describe('states that tell the truth, in the window', () => {
  it('tells connected, failed (code) and dropped apart in the list and in History', async () => {
    const { page } = await ui.open();
    await connect(page, 'Busy line');
    await statusIs(page, 'Disconnected');
    await connect(page, 'Drops after 30 s');
    await statusIs(page, 'Connected');
    await statusIs(page, 'Disconnected');
    await connect(page, 'Office VPN');
    await statusIs(page, 'Connected');
    const names = await page
      .getByRole('option')
      .evaluateAll((options) => options.map((o) => o.getAttribute('aria-label')));
    expect(names).toContain('Busy line, Failed (676)');
    expect(names).toContain('Drops after 30 s, Dropped');
    expect(names).toContain('Office VPN, Connected');
    expect(names).toContain('Dial-up, Not connected');
    expect(await listed(page, 'Busy line')).toBe('Failed (676)');

    await page.getByRole('button', { name: 'History', exact: true }).click();
    const table = page.getByRole('table', { name: 'History' });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers.slice(0, 4)).toEqual(['Start', 'Entry', 'Outcome', 'Duration']);
    expect(headers.at(-1)).toBe('Error');
    const drop = table.getByRole('row').filter({ hasText: 'Drops after 30 s' });
    expect(await drop.getAttribute('data-outcome')).toBe('dropped');
    expect(await drop.locator('.col-outcome').textContent()).toBe('Dropped (629)');
    expect(await drop.textContent()).not.toMatch(/Connected for/);
    const failed = table.getByRole('row').filter({ hasText: 'Busy line' });
    expect(await failed.getAttribute('data-outcome')).toBe('failed');
    expect(await failed.locator('.col-error').textContent()).toBe('Error 676: The line is busy.');
    // Sorted by entry with the column's button; aria-sort says so.
    await table.getByRole('button', { name: 'Entry' }).click();
    expect(await table.getByRole('columnheader', { name: 'Entry' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await table.locator('tbody .col-entry').allTextContents()).toEqual([
      'Busy line',
      'Drops after 30 s',
    ]);
  }, 60_000);

  it('keeps a refused rename in its dialog, and not on another entry’s page', async () => {
    const { page } = await ui.open();
    await connect(page, 'Office VPN');
    await statusIs(page, 'Connected');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Rename/ });
    await dialog.getByLabel('Entry name').fill('Head office VPN');
    await page.keyboard.press('Enter');
    await dialog
      .getByRole('alert')
      .filter({ hasText: '"Office VPN" is connected; hang it up before you rename it.' })
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('heading', { level: 1, name: 'Dial-up', exact: true }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('starts a new entry without problems; number boxes take what is typed; the limit is named', async () => {
    const { page } = await ui.open();
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const editor = page.getByRole('form', { name: 'New entry' });
    await editor.getByLabel('Entry name').waitFor();
    expect(await editor.getByRole('alert').count()).toBe(0);
    expect(await editor.locator('[aria-invalid="true"]').count()).toBe(0);
    await editor.getByRole('tab', { name: 'Options' }).click();
    const pause = editor.getByLabel('Seconds between redials');
    await pause.selectText();
    await pause.press('Backspace');
    expect(await pause.inputValue()).toBe('');
    await pause.pressSequentially('300');
    expect(await pause.inputValue()).toBe('300');
    await pause.fill('99999');
    const problem = editor
      .getByRole('alert')
      .filter({ hasText: 'A whole number of seconds from 0 to 86400.' });
    await problem.waitFor();
    expect(await pause.getAttribute('aria-invalid')).toBe('true');
    expect(await pause.getAttribute('aria-describedby')).toBe(await problem.getAttribute('id'));
  });

  it('dials the number typed in the Connect form of an entry that prompts for it', async () => {
    const app = await ui.open();
    const { page, core } = app;
    const entry = await core.backend.getEntry(undefined, 'Dial-up');
    await core.backend.setEntry(undefined, { ...entry, promptPhoneNumber: true });
    await entryOption(page, 'Busy line').click();
    await entryOption(page, 'Dial-up').click();
    const number = page.getByLabel('Dial', { exact: true });
    expect(await number.inputValue()).toBe(entry.phoneNumbers[0]!.number);
    await number.fill('555-0486'); // the simulated server's busy line
    await connect(page, 'Dial-up');
    await statusIs(page, 'Disconnected');
    await page.locator('.failure-box', { hasText: 'Error 676' }).waitFor();
    // For this call only: the entry keeps its number.
    expect((await core.backend.getEntry(undefined, 'Dial-up')).phoneNumbers[0]!.number).toBe(
      entry.phoneNumbers[0]!.number,
    );
  }, 60_000);
});
