// "Find out why" in Chromium against browser mode, by keyboard: after a failure the doctor
// explains, its dialog lists the checks and the verdict; a fix that is a setting of the entry
// is applied with one click. No probe leaves this computer: a *.invalid name is answered
// without asking anyone, and every other name resolves (in this test) to 127.0.0.1, where
// local servers stand for the VPN server.

import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeEntry } from '../../app/phonebook/entry';
import { VPN_STRATEGIES } from '../../app/phonebook/entry-settings';
import type { DoctorOptions } from '../../main/doctor/run-doctor';
import { simulatedWindowsSide } from '../../main/doctor/windows-side';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import {
  closedPort,
  SERVER_DATE,
  TEST_ROOT,
  tlsServer,
  type LocalServer,
} from '../fixtures/doctor/local-servers';
import { axeViolations, SERIOUS } from './axe';
import { browserSuite } from './browser-suite';
import { cutOffs } from './cut-offs';
import { entryOption, statusIs } from './harness';

type Words = typeof en | typeof ru;

const ui = browserSuite();
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Any lookup fails the test: the entries here need none, or resolve through `local`. */
const NO_LOOKUP: Partial<DoctorOptions> = {
  lookup: (host) => Promise.reject(new Error(`the test asked DNS for ${host}`)),
  dnsServers: () => ['192.0.2.53'],
};

/** Every name is 127.0.0.1: SSTP a TLS server of the test root there, PPTP a closed port. */
async function local(): Promise<Partial<DoctorOptions>> {
  const sstp = await tlsServer('valid');
  servers.push(sstp);
  return {
    windows: simulatedWindowsSide,
    now: () => Date.parse(SERVER_DATE),
    ports: { sstp: sstp.port, pptp: await closedPort() },
    ca: [TEST_ROOT],
    lookup: async () => [{ address: '127.0.0.1' }],
    dnsServers: () => ['192.0.2.53'],
  };
}

async function dial(page: Page, words: Words, entry: string): Promise<void> {
  await entryOption(page, entry).click();
  await page.getByRole('heading', { level: 1, name: entry }).waitFor();
  await page.getByLabel(words.ui.userName).first().fill('alice');
  await page.getByLabel(words.ui.password).first().fill('secret');
  await page.getByRole('button', { name: words.ui.connect, exact: true }).click();
  await statusIs(page, words.status.disconnected);
}

/** From Redial, by Tab and Enter: the dialog open with its verdict. */
async function findOutWhy(page: Page, words: Words) {
  await page.locator('.failure-box').getByRole('button', { name: words.redial.again }).focus();
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: words.doctor.findOutWhy });
  await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.locator('.doctor-verdict h3').waitFor();
  return { dialog, button };
}

const checkLines = (page: Page) =>
  page.locator('.doctor-check').evaluateAll((items) => items.map((i) => i.textContent ?? ''));

describe('Find out why, in Chromium, by keyboard', () => {
  it(
    'explains an unknown host: each check, the verdict and its fix, axe clean',
    { timeout: 120_000 },
    async () => {
      const { page } = await ui.open({ doctor: NO_LOOKUP });
      await dial(page, en, 'VPN (unknown host)');
      await page.locator('.failure-box', { hasText: 'Error 868' }).waitFor();
      const { dialog, button } = await findOutWhy(page, en);

      await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
        'Find out why “VPN (unknown host)” failed',
      );
      const lines = await checkLines(page);
      expect(lines).toHaveLength(11);
      expect(lines[0]).toBe(
        'Server name failedvpn.example.invalid does not resolve: no such name (DNS servers: 192.0.2.53).',
      );
      expect(lines[1]).toBe(
        'TCP 443 (SSTP) not checkedNot checked: the server’s name did not resolve.',
      );
      await expect(dialog.locator('.doctor-verdict').textContent()).resolves.toBe(
        'Verdict' +
          'vpn.example.invalid does not resolve: no such name (DNS servers: 192.0.2.53).' +
          'What to do: Check the server name vpn.example.invalid in the entry (a typing mistake?).',
      );
      // Nothing to apply: the name is for the person to check.
      expect(await dialog.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
      expect(await axeViolations(page, '[role="dialog"]', { impacts: SERIOUS })).toEqual([]);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    },
  );

  it(
    'applies the fix that is a setting of the entry with one click, and says it was saved',
    { timeout: 120_000 },
    async () => {
      const { page, core } = await ui.open({ doctor: await local() });
      // The server answers SSTP alone; the entry tries PPTP only: error 809.
      await core.backend.setEntry(
        undefined,
        makeEntry('PPTP only', 'vpn', ['tcp443.example.com'], {
          vpnStrategy: VPN_STRATEGIES.pptpOnly,
        }),
      );
      await page.reload();
      await dial(page, en, 'PPTP only');
      await page.locator('.failure-box', { hasText: 'Error 809' }).waitFor();
      const { dialog } = await findOutWhy(page, en);
      const apply = dialog.getByRole('button', {
        name: 'Apply: Switch the entry’s VPN type to SSTP first.',
      });
      await apply.focus();
      await page.keyboard.press('Enter');
      await dialog.getByText(en.doctor.applied).waitFor();
      const saved = await core.backend.getEntry(undefined, 'PPTP only');
      expect(saved.vpnStrategy).toBe(VPN_STRATEGIES.sstpFirst);
      expect(await apply.count()).toBe(0);
      await expect(
        dialog.locator('.doctor-note').evaluate((n) => n === document.activeElement),
      ).resolves.toBe(true);

      // With the fix, the same entry connects.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByLabel(en.ui.password).first().fill('secret');
      await page.getByRole('button', { name: en.ui.connect, exact: true }).click();
      await statusIs(page, en.status.connected);
    },
  );

  it(
    'in Russian and the dark theme: axe clean, and whole at 640×420',
    { timeout: 120_000 },
    async () => {
      const { page } = await ui.open({
        doctor: NO_LOOKUP,
        language: 'ru',
        colorScheme: 'dark',
        viewport: { width: 640, height: 420 },
      });
      const search = page.locator('.phonebook-tools input[type="search"]');
      await search.fill('VPN (unknown host)');
      await dial(page, ru, 'VPN (unknown host)');
      const { dialog } = await findOutWhy(page, ru);
      await expect(dialog.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('Вывод');
      expect((await checkLines(page))[0]).toMatch(/^Имя сервера не пройдена/);
      expect(await axeViolations(page, '[role="dialog"]', { impacts: SERIOUS })).toEqual([]);
      expect(await cutOffs(page, { scope: '[role="dialog"]' })).toEqual([]);
    },
  );
});
