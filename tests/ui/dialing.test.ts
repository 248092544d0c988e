import { describe, expect, it } from 'vitest';
import { realClock } from '../../main/clock';
import { FaultInjector } from '../../main/ras/simulated/fault-injector';
import { TUNNEL_SEQUENCE, MODEM_SEQUENCE } from '../support/simulated';
import { connect, entryOption, statusIs, timelineStates } from './harness';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

describe('the window, in Chromium, against the simulated server', () => {
  it('dials a VPN to Connected with the whole sequence on the timeline', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Office VPN');
    await statusIs(page, 'Connected');
    expect(await timelineStates(page)).toEqual(['Dial', ...TUNNEL_SEQUENCE]);
    await page.locator('.statistics dt', { hasText: 'Received' }).waitFor();
    await page.locator('.statistics dd', { hasText: /KB|MB/ }).first().waitFor({ timeout: 5000 });
  });

  it('ends a busy number with ERROR_LINE_BUSY’s message and what to do', async () => {
    const app = await ui.open();
    await connect(app.page, 'Busy line');
    await statusIs(app.page, 'Disconnected');
    const alert = app.page.locator('.failure-box[role="alert"]');
    await expect(alert.textContent()).resolves.toContain('Error 676: The line is busy.');
    await expect(alert.textContent()).resolves.toContain('use an alternate number');
  });

  it('asks for the callback number and is called back', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Callback (you choose the number)');
    const dialog = page.getByRole('dialog', { name: /Callback/ });
    await dialog.getByLabel('Callback number').fill('555 0142');
    await page.keyboard.press('Enter');
    await statusIs(page, 'Connected');
    expect(await timelineStates(page)).toContain('WaitForCallback');
  });

  it('retries authentication twice with a wrong password, then signs in', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Office VPN', 'wrong');
    for (const [attempt, password] of [
      [1, 'wrong'],
      [2, 'right'],
    ] as const) {
      const dialog = page.getByRole('dialog', { name: /Sign in again/ });
      await dialog.getByText(`Attempt ${attempt}.`).waitFor();
      await dialog.getByLabel('Password').fill(password);
      await dialog.getByRole('button', { name: 'Sign in' }).click();
    }
    await statusIs(page, 'Connected');
    expect((await timelineStates(page)).filter((s) => s === 'RetryAuthentication')).toHaveLength(2);
  });

  it('changes an expired password', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Office VPN', 'expired');
    const dialog = page.getByRole('dialog', { name: /password has expired/ });
    await dialog.getByLabel('New password', { exact: true }).fill('fresh');
    await dialog.getByLabel('Type the new password again').fill('fresh');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await statusIs(page, 'Connected');
    expect(await timelineStates(page)).toContain('AuthChangePassword');
  });

  it('EAP sign-in: the simulated token card signs in and connects', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'EAP sign-in');
    const dialog = page.getByRole('dialog', { name: /EAP sign-in/ });
    await dialog.getByLabel('One-time code').fill('123456');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await statusIs(page, 'Connected');
    expect(await timelineStates(page)).toContain('InvokeEapUI');
  }, 60_000);

  it('Terminal window: the login in the terminal window, then Continue, connects', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Terminal window');
    const dialog = page.getByRole('dialog', { name: /Terminal/ });
    const log = dialog.getByRole('log');
    for (const [prompt, answer] of [
      [/Username: $/, 'alice'],
      [/Password: $/, 'secret'],
    ] as const) {
      await log.getByText(prompt).waitFor();
      await dialog.getByLabel(/Type to the remote computer/).fill(answer);
      await dialog.getByRole('button', { name: 'Send' }).click();
    }
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    await statusIs(page, 'Connected');
    expect(await timelineStates(page)).toContain('Interactive');
  }, 60_000);

  it('Terminal window: continuing before the login ends with 718', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Terminal window');
    await page
      .getByRole('dialog', { name: /Terminal/ })
      .getByRole('button', { name: 'Continue anyway' })
      .click();
    await statusIs(page, 'Disconnected');
    await expect(page.locator('.failure-box[role="alert"]').textContent()).resolves.toContain(
      'Error 718',
    );
  }, 60_000);

  it('cancelling a dialog disconnects', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Terminal window');
    await page
      .getByRole('dialog', { name: /Terminal/ })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await statusIs(page, 'Disconnected');
    expect((await timelineStates(page)).at(-1)).toBe('Disconnected');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('hangs up a connected connection', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Dial-up');
    await statusIs(page, 'Connected');
    expect(await timelineStates(page)).toEqual(['Dial', ...MODEM_SEQUENCE]);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await statusIs(page, 'Disconnected');
    expect((await timelineStates(page)).at(-1)).toBe('Disconnected');
    expect(await app.core.backend.enumConnections()).toEqual([]);
  });

  it('keeps a connection whose hang-up Remote Access refuses, and says why', async () => {
    let injector!: FaultInjector;
    const app = await ui.open({
      wrapBackend: (backend) => (injector = new FaultInjector(backend, realClock)).backend,
    });
    const { page } = app;
    await connect(page, 'Dial-up');
    await statusIs(page, 'Connected');
    injector.failCall({ call: 'hangUp', code: 753, times: 3 }); // each of the tries
    await page.getByRole('button', { name: 'Hang up' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Error 753' });
    await refused.first().waitFor();
    await statusIs(page, 'Connected');
    // Said once, on the connection, with what to do.
    expect(await refused.count()).toBe(1);
    await refused.getByText('What to do').waitFor();
    await page.getByRole('button', { name: 'Hang up' }).click();
    await statusIs(page, 'Disconnected');
    expect(await app.core.backend.enumConnections()).toEqual([]);
  });

  it('runs two connections at once, each with its own timeline', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Office VPN');
    await statusIs(page, 'Connected');
    await connect(page, 'Dial-up');
    await statusIs(page, 'Connected');
    expect(await timelineStates(page)).toContain('AuthLinkSpeed');
    await entryOption(page, 'Office VPN').click();
    expect(await timelineStates(page)).not.toContain('AuthLinkSpeed');
    await expect(page.getByRole('option', { name: /Connected/ }).count()).resolves.toBe(2);
  });

  it('shows the same timeline after a reload in the middle of a dial', async () => {
    const app = await ui.open({ speed: 0.2 });
    const { page } = app;
    await connect(page, 'Callback (you choose the number)');
    await page.getByRole('dialog', { name: /Callback/ }).waitFor();
    const before = await timelineStates(page);
    await page.reload();
    await page.getByRole('dialog', { name: /Callback/ }).waitFor();
    await page
      .getByRole('heading', { level: 1, name: 'Callback (you choose the number)' })
      .waitFor();
    expect(await timelineStates(page)).toEqual(before);
    await page.getByRole('button', { name: 'Don’t call me back' }).click();
    await statusIs(page, 'Connected');
  }, 60_000);

  it('shows the same timeline after a reload while notifications come twice and late', async () => {
    let injector!: FaultInjector;
    const app = await ui.open({
      speed: 0.2,
      wrapBackend: (backend) => (injector = new FaultInjector(backend, realClock)).backend,
    });
    const { page, core } = app;
    injector.setNotificationFault({ kind: 'twice' });
    await connect(page, 'Callback (you choose the number)');
    await page.getByRole('dialog', { name: /Callback/ }).waitFor();
    const before = await timelineStates(page);
    injector.setNotificationFault({ kind: 'late', ms: 300 });
    await page.reload();
    await page.getByRole('dialog', { name: /Callback/ }).waitFor();
    expect(await timelineStates(page)).toEqual(before);
    // What main holds, row for row: nothing doubled.
    const held = core.manager
      .list()
      .find((c) => c.entryName === 'Callback (you choose the number)')!;
    expect(before).toEqual(held.timeline.rows.map((r) => r.name));
    expect(new Set(before.slice(1)).size).toBe(before.length - 1);
    await page.getByRole('button', { name: 'Don’t call me back' }).click();
    await statusIs(page, 'Connected');
  }, 60_000);

  it('keeps each attempt in the history, per entry and overall, with its timeline', async () => {
    const app = await ui.open();
    const { page } = app;
    await connect(page, 'Busy line');
    await statusIs(page, 'Disconnected');
    const history = page.getByRole('table', { name: 'History' });
    const row = history.getByRole('row').filter({ hasText: 'Error 676' });
    await row.waitFor();
    await row.getByRole('button', { expanded: false }).click();
    expect(await history.getByRole('list', { name: 'Connection timeline' }).count()).toBe(1);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { name: 'Connection history' }).waitFor();
    expect(await page.getByRole('table', { name: 'History' }).textContent()).toContain('Busy line');
    await entryOption(page, 'Dial-up').click();
    await page.getByRole('heading', { name: 'Dial-up', exact: true }).waitFor();
    // A connection the person hangs up: its bytes and how it ended.
    await connect(page, 'Dial-up');
    await statusIs(page, 'Connected');
    await page.locator('.statistics dd', { hasText: /KB|MB/ }).first().waitFor();
    await page.getByRole('button', { name: 'Hang up' }).click();
    await statusIs(page, 'Disconnected');
    const hungUp = page
      .getByRole('table', { name: 'History' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Hung up', exact: true }) });
    await hungUp.waitFor();
    expect(await hungUp.locator('.col-bytes').textContent()).toMatch(
      /^[\d.,]+ (B|KB|MB) \/ [\d.,]+ (KB|MB)$/,
    );
    expect(
      await page.getByRole('columnheader', { name: 'Sent / received' }).first().isVisible(),
    ).toBe(true);
  }, 60_000);
});
