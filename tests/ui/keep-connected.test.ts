// "Keep connected" in Chromium: the entry editor's option (with its explanation) saved with
// the entry into the settings; a kept entry that drops waits with an uncapped countdown, says
// "Kept connected", and its Stop ends the loop as the person's hang-up.

import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { browserSuite } from './browser-suite';
import { until } from '../support/core';
import { connect, entryOption, statusIs, timelineStates } from './harness';

const ui = browserSuite();
const DROPS = 'Drops after 30 s';

describe('keep connected, in Chromium', () => {
  it('saves the option with the entry, and Stop in the countdown ends the loop', async () => {
    const { page, core } = await ui.open();
    const key = { phonebook: core.backend.defaultPhonebook, name: DROPS };

    await entryOption(page, DROPS).click();
    await page.getByRole('heading', { level: 1, name: DROPS }).waitFor();
    await page.getByRole('button', { name: 'Properties' }).click();
    await page.getByRole('tab', { name: 'Options' }).click();
    const option = page.getByRole('checkbox', { name: 'Keep connected' });
    expect(await option.isChecked()).toBe(false);
    // The one-line explanation is the box's description.
    const described = await option.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/redials this entry/);
    await option.focus();
    await page.keyboard.press('Space');
    expect(await axeViolations(page, 'form.editor')).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: DROPS }).waitFor();
    await until(() => core.settings.get().keepConnected.length > 0);
    expect(core.settings.get().keepConnected).toEqual([key]);

    // The link drops 30 simulated seconds after it connects: the loop takes over.
    await connect(page, DROPS);
    await statusIs(page, 'Connected');
    await page.locator('.kept-badge', { hasText: 'Kept connected' }).waitFor();
    await until(() => core.settings.get().reconnectAtStart.length > 0);
    expect(core.settings.get().reconnectAtStart).toEqual([key]);
    await statusIs(page, 'Waiting to redial');
    await page
      .locator('.timeline .row.wait', {
        hasText: 'The link dropped; redialing in 5 s (attempt 2)',
      })
      .waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/attempt 2 of/);
    expect(await page.getByRole('button', { name: 'Cancel redial' }).count()).toBe(0);

    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    await stop.focus();
    await page.keyboard.press('Enter');
    await statusIs(page, 'Disconnected');
    expect((await timelineStates(page)).at(-1)).toBe('Disconnected');
    expect(await page.locator('.kept-badge').count()).toBe(0);
    // Off until the person connects again; the option itself stays on.
    await until(() => core.settings.get().reconnectAtStart.length === 0);
    expect(core.settings.get().keepConnected).toEqual([key]);
    expect(core.manager.list().find((c) => c.entryName === DROPS)?.status).toBe('disconnected');
  }, 60_000);
});
