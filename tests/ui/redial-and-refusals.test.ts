// A drop with redial on, by keyboard: the countdown counts down from the entry's interval,
// Redial now dials at once, Cancel ends it as the person's own hang-up. And a refusal shows in
// the dialog that asked for it, not behind the backdrop.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './browser-suite';
import { connect, redialOnDrop, statusIs, timelineStates } from './harness';

const ui = browserSuite();

const DROPS = 'Drops after 30 s';

/** Every text the countdown shows, from before it first appears. */
async function recordCountdown(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { countdowns: string[] }).countdowns = seen;
    const note = () => {
      const text = document.querySelector('.countdown')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return async () =>
    (await page.evaluate(() => (window as unknown as { countdowns: string[] }).countdowns)).map(
      (text) => Number(/(\d+)/.exec(text)![1]),
    );
}

describe('redial and refusals, in Chromium, by keyboard', () => {
  it('counts a redial down after a drop, redials now, and cancels', async () => {
    const app = await ui.open();
    const { page, core } = app;
    await redialOnDrop(core, DROPS, { seconds: 20, attempts: 2 });
    const countdowns = await recordCountdown(page);
    await connect(page, DROPS);
    await statusIs(page, 'Waiting to redial');
    await page.locator('.countdown', { hasText: /Redialing in 1[0-8] s/ }).waitFor();

    // From the interval down, never a stale time first, never up again.
    const seen = await countdowns();
    expect(seen[0]).toBeLessThanOrEqual(20);
    expect(seen[0]).toBeGreaterThanOrEqual(18);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    // The drop is a step of the sequence, not its end.
    expect((await timelineStates(page)).at(-1)).toBe('RedialWait');
    expect(await page.locator('.timeline .row.failed').count()).toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/Connect again/);
    await page.locator('.timeline .row.wait', { hasText: 'Error 629' }).waitFor();
    expect(await page.locator('.status-line [role="status"]').textContent()).toBe(
      'Waiting to redial',
    );

    const redialNow = page.getByRole('button', { name: 'Redial now' });
    await redialNow.focus();
    await page.keyboard.press('Enter');
    await statusIs(page, 'Connected');
    expect((await timelineStates(page)).filter((s) => s === 'Redial')).toHaveLength(1);

    // It drops again; this time the person stops the redials.
    await statusIs(page, 'Waiting to redial');
    await page.getByRole('button', { name: 'Redial now' }).focus();
    await page.keyboard.press('Tab');
    const cancel = page.getByRole('button', { name: 'Cancel redial' });
    expect(await cancel.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await statusIs(page, 'Disconnected');
    expect((await timelineStates(page)).at(-1)).toBe('Disconnected');
    expect(await page.locator('.timeline .row.failed').count()).toBe(0);
    expect(await page.locator('.failure-box').count()).toBe(0);
    expect(await core.backend.enumConnections()).toEqual([]);
  }, 60_000);

  it('offers Redial after a failure, beside what to do', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Busy line');
    await statusIs(page, 'Disconnected');
    const box = page.locator('.failure-box[role="alert"]');
    await box.getByText('What to do').waitFor();
    await box.getByRole('button', { name: 'Redial' }).focus();
    await page.keyboard.press('Enter');
    // The second attempt, with the same entry, ends as the first did.
    await expect
      .poll(async () => (await app.core.history.list({})).length, { timeout: 30_000 })
      .toBe(2);
    await statusIs(page, 'Disconnected');
    await box.getByRole('button', { name: 'Redial' }).waitFor();
  });

  it('shows a refused delete of a connected entry inside the Delete dialog', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Office VPN');
    await statusIs(page, 'Connected');
    await page.getByRole('button', { name: 'Delete', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Delete/ });
    await dialog.waitFor();
    // Focus starts on Cancel; Shift+Tab goes to Delete.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/Office VPN/);
    // Nothing behind the backdrop, and the dialog still asks, with the focus in it.
    expect(await page.locator('.failure-box').count()).toBe(0);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Office VPN' }).waitFor();
  });
});
