// The terminal window and the EAP sign-in of the simulated server, from the keyboard alone
// (issue 14): the demo entries "Terminal window" and "EAP sign-in" are dialed, the remote
// side's login is typed in the terminal window and the token card is filled in, without the
// mouse. axe finds nothing serious in either dialog.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { statusIs, timelineStates } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

/** What has focus: its role, its name (a field's label), its value, the list's active entry. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const active = el?.getAttribute('aria-activedescendant');
    const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
    return {
      role: el?.getAttribute('role') ?? el?.localName ?? '',
      name: (label ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      type: el instanceof HTMLInputElement ? el.type : null,
      entry: active ? document.getElementById(active)?.querySelector('.name')?.textContent : null,
      inDialog: !!el?.closest('[role="dialog"]'),
    };
  });
}
type Focused = Awaited<ReturnType<typeof focused>>;

async function tabTo(page: Page, wanted: (f: Focused) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached it; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Dials an entry from the keyboard: the list, the arrow keys, the credentials, Enter. */
async function dialByKeyboard(page: Page, entry: string): Promise<void> {
  await tabTo(page, (f) => f.role === 'listbox');
  await page.keyboard.press('Home');
  for (let i = 0; i < 40 && (await focused(page)).entry !== entry; i++)
    await page.keyboard.press('ArrowDown');
  expect((await focused(page)).entry).toBe(entry);
  await page.getByRole('heading', { level: 1, name: entry }).waitFor();
  await tabTo(page, (f) => f.role === 'input' && f.name === 'User name' && !f.inDialog);
  await page.keyboard.type('alice');
  await tabTo(page, (f) => f.role === 'input' && f.name === 'Password' && !f.inDialog);
  await page.keyboard.type('secret');
  await page.keyboard.press('Enter');
}

describe('the simulated server’s terminal window and EAP sign-in, keyboard only', () => {
  it('logs in through the terminal window and continues once PPP has started', async () => {
    const { page } = await ui.open({ speed: 0.05 });
    await dialByKeyboard(page, 'Terminal window');
    const dialog = page.getByRole('dialog', { name: 'Terminal — Terminal window' });
    const log = dialog.getByRole('log', { name: 'Remote computer' });
    await log.getByText(/Username: $/).waitFor();
    expect(await focused(page)).toMatchObject({
      name: 'Type to the remote computer',
      type: 'text',
      inDialog: true,
    });
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);

    // A wrong password first: the remote side says so and asks again.
    await page.keyboard.type('alice');
    await page.keyboard.press('Enter');
    await log.getByText(/Password: $/).waitFor();
    expect(await focused(page)).toMatchObject({
      name: 'Type to the remote computer (not shown)',
      type: 'password',
    });
    await page.keyboard.type('guess');
    await page.keyboard.press('Enter');
    await log.getByText(/Login incorrect\s+Username: $/).waitFor();

    await page.keyboard.type('alice');
    await page.keyboard.press('Enter');
    await log.getByText(/Password: $/).waitFor();
    await page.keyboard.type('secret');
    await page.keyboard.press('Enter');
    await log.getByText(/Starting PPP/).waitFor();
    await page
      .getByRole('status')
      .getByText(/started PPP/)
      .waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ role: 'button', name: 'Continue' });
    expect(await log.textContent()).not.toContain('secret');
    expect(await log.textContent()).not.toContain('guess');
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Enter');

    await statusIs(page, 'Connected');
    await dialog.waitFor({ state: 'detached' });
    expect(await timelineStates(page)).toContain('Interactive');
  }, 60_000);

  it('signs in with the token card after a refused code', async () => {
    const { page } = await ui.open({ speed: 0.05 });
    await dialByKeyboard(page, 'EAP sign-in');
    const dialog = page.getByRole('dialog', { name: 'EAP sign-in — EAP sign-in' });
    await dialog.getByText('Simulated token card.').waitFor();
    expect(await focused(page)).toMatchObject({ name: 'User name', inDialog: true });
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ name: 'One-time code' });
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');

    // The method asks again, and says why.
    const again = page.getByRole('dialog', { name: 'EAP sign-in — EAP sign-in' });
    await again.getByRole('alert').getByText('The code was not accepted. Attempt 2.').waitFor();
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await expect.poll(() => focused(page)).toMatchObject({ name: 'User name', inDialog: true });
    await page.keyboard.press('Tab');
    await page.keyboard.type('314159');
    await page.keyboard.press('Enter');

    await statusIs(page, 'Connected');
    const states = await timelineStates(page);
    expect(states.filter((s) => s === 'InvokeEapUI')).toHaveLength(2);
  }, 60_000);

  it('draws the terminal window in the dark theme with nothing serious for axe', async () => {
    const { page } = await ui.open({ speed: 0.05, colorScheme: 'dark' });
    await dialByKeyboard(page, 'Terminal window');
    const dialog = page.getByRole('dialog', { name: /Terminal/ });
    await dialog
      .getByRole('log')
      .getByText(/Username: $/)
      .waitFor();
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await statusIs(page, 'Disconnected');
  }, 60_000);
});
