// npm run screenshots: pictures of the main window, each paused-state dialog, History, a VPN's
// Details, Find out why, an entry's Reliability over a month of history and an imported
// Add-VpnConnection line in the editor, in English and Russian, taken in Chromium against
// browser mode, into docs/screenshots/.

import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { phoneNumber } from '../../app/phonebook/entry';
import { VPN_STRATEGIES } from '../../app/phonebook/entry-settings';
import { TrayFeed } from '../../main/tray/tray-feed';
import { connect, entryOption, launchBrowser, openApp, redialOnDrop, statusIs } from './harness';
import { trayPictureHtml } from './tray-picture';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';

const EXAMPLE_3 = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/provisioning/add-vpnconnection-example3.ps1'),
  'utf8',
);
import { monthOfHistory, writeHistory } from '../support/reliability-history';

// RAS_CONNECT_SCREENSHOTS_DIR: somewhere else, to look at or to pick from.
const out =
  process.env.RAS_CONNECT_SCREENSHOTS_DIR ??
  path.resolve(import.meta.dirname, '../../docs/screenshots');
/** The window's usual size in these pictures, and its minimum (main/electron/window-options.ts). */
const USUAL = { width: 1100, height: 760 };
const SMALLEST = { width: 640, height: 420 };
const labels = {
  en: {
    userName: 'User name',
    password: 'Password',
    connect: 'Connect',
    connected: 'Connected',
    disconnected: 'Disconnected',
  },
  ru: {
    userName: 'Имя пользователя',
    password: 'Пароль',
    connect: 'Подключить',
    connected: 'Подключено',
    disconnected: 'Отключено',
  },
};

async function dialIn(
  page: Page,
  language: 'en' | 'ru',
  entry: string,
  password = 'secret',
): Promise<void> {
  if (language === 'en') return connect(page, entry, password);
  const l = labels[language];
  await entryOption(page, entry).click();
  await page.getByRole('heading', { level: 1, name: entry }).waitFor();
  await page.getByLabel(l.userName).first().fill('alice');
  await page.getByLabel(l.password).first().fill(password);
  await page.getByRole('button', { name: l.connect }).click();
}

await mkdir(out, { recursive: true });
const browser = await launchBrowser();
try {
  for (const language of ['en', 'ru'] as const) {
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: path.join(out, `${language}-${name}.png`) });
    const app = await openApp(browser, { language, speed: 0.05, viewport: USUAL });
    const { page } = app;
    await dialIn(page, language, 'Dial-up');
    await statusIs(page, labels[language].connected);
    await page.waitForTimeout(2200);
    await shot(page, 'main-window');
    // The same at the window's smallest size (issue 14): everything wraps, nothing is cut off.
    await page.setViewportSize(SMALLEST);
    await shot(page, 'main-window-640x420');
    await page.setViewportSize(USUAL);
    // The tray, from the same core, while Dial-up is connected.
    const feed = new TrayFeed({
      core: app.core,
      now: () => Date.now(),
      language: () => language,
      startAtLogin: () => true,
      onChange: () => undefined,
      log: () => undefined,
    });
    await feed.refreshEntries();
    await feed.refreshTraffic();
    const trayPage = await page.context().newPage();
    await trayPage.setViewportSize({ width: 620, height: 720 });
    await trayPage.setContent(trayPictureHtml(feed.state()));
    await shot(trayPage, 'tray');
    await trayPage.close();
    feed.dispose();
    // The terminal-window entry dials the same number: free the line first.
    await page.locator('.connect button[type="submit"]').click();
    await statusIs(page, labels[language].disconnected);
    await dialIn(page, language, 'Busy line');
    await statusIs(page, labels[language].disconnected);
    await shot(page, 'failure');
    const dialogs: [string, string, string][] = [
      ['Callback (you choose the number)', 'secret', 'dialog-callback'],
      ['Office VPN', 'wrong', 'dialog-retry-authentication'],
      ['VPN (slow)', 'expired', 'dialog-new-password'],
      ['EAP sign-in', 'secret', 'dialog-eap'],
      ['Terminal window', 'secret', 'dialog-interactive'],
    ];
    for (const [entry, password, name] of dialogs) {
      await dialIn(page, language, entry, password);
      await page.getByRole('dialog').waitFor();
      await shot(page, name);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    // The entry editor, tab by tab.
    const tabs =
      language === 'en'
        ? ['General', 'Options', 'Security', 'Networking']
        : ['Общие', 'Параметры', 'Безопасность', 'Сеть'];
    await entryOption(page, 'Office VPN').click({ button: 'right' });
    await page.getByRole('menuitem').nth(1).click();
    for (const [i, tab] of tabs.entries()) {
      await page.getByRole('tab', { name: tab }).click();
      await shot(page, `editor-${['general', 'options', 'security', 'networking'][i]}`);
    }
    // A dial-up entry: its device list, the country by name, alternates each removable.
    await page.keyboard.press('Escape');
    await entryOption(page, 'Dial-up with alternates').click({ button: 'right' });
    await page.getByRole('menuitem').nth(1).click();
    await page.getByRole('tab', { name: tabs[0] }).waitFor();
    await shot(page, 'editor-dialup');
    await page.keyboard.press('Escape');
    // A drop with redial on: the countdown with Redial now and Cancel redial.
    await redialOnDrop(app.core, 'Drops after 30 s', { seconds: 60, attempts: 3 });
    await dialIn(page, language, 'Drops after 30 s');
    await page.locator('.countdown').waitFor();
    await page.waitForTimeout(1200);
    await shot(page, 'redial');
    await page.locator('.redial-actions button').nth(1).click();
    await statusIs(page, labels[language].disconnected);
    // History: every attempt so far, a drop (629 after connecting) told from a failure (676).
    const words = language === 'en' ? en : ru;
    await page.getByRole('button', { name: words.history.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: words.history.overall }).waitFor();
    await shot(page, 'history');
    await page.locator('.history-pane > button').last().click();
    // A VPN that tries IKEv2 first, on a host that answers SSTP alone: its Details section.
    const office = await app.core.backend.getEntry(undefined, 'Office VPN');
    await app.core.backend.setEntry(undefined, {
      ...office,
      vpnStrategy: VPN_STRATEGIES.ikev2First,
      phoneNumbers: [phoneNumber('tcp443.vpn.example.com')],
    });
    await dialIn(page, language, 'Office VPN');
    await statusIs(page, labels[language].connected);
    await page.locator('.connection-details dl').waitFor();
    await page.waitForTimeout(2200);
    await page.locator('.connection-details').evaluate((e) => e.scrollIntoView({ block: 'end' }));
    await shot(page, 'details');
    // Microsoft's Add-VpnConnection Example 3 imported: the new entry in the editor, its notes
    // on top, the pre-shared key filled in (masked) on the Security tab.
    const dialog = page.getByRole('dialog');
    await page
      .locator('.sidebar-head')
      .getByRole('button', { name: words.transfer.importShort, exact: true })
      .click();
    await dialog.getByRole('button', { name: words.provision.fromText }).click();
    await dialog.getByLabel(words.provision.text).fill(EXAMPLE_3);
    await dialog.getByRole('button', { name: words.provision.read }).click();
    await page.getByRole('tab', { name: words.editor.tab.security }).click();
    await shot(page, 'provisioning');
    await app.close();
    // A month of synthetic history for Office VPN, read as the window opens: its Reliability.
    const month = await openApp(browser, { language, viewport: USUAL });
    const phonebook = month.core.backend.defaultPhonebook;
    await writeHistory(month.dir, monthOfHistory('Office VPN', phonebook, Date.now()));
    await month.page.reload();
    await month.page.getByRole('listbox').waitFor();
    await entryOption(month.page, 'Office VPN').click();
    await month.page.locator('.reliability .disclosure').click();
    await month.page.locator('.reliability svg').first().waitFor();
    await month.page
      .locator('.reliability')
      .evaluate((e) => e.previousElementSibling!.scrollIntoView({ block: 'start' }));
    await shot(month.page, 'reliability');
    await month.close();
    // "Find out why" after a server name that does not resolve: the checks and the verdict.
    const doctor = await openApp(browser, {
      language,
      viewport: USUAL,
      // The doctor names the DNS servers it asked: a documentation address, not this machine's.
      doctor: { dnsServers: () => ['192.0.2.53'] },
    });
    await dialIn(doctor.page, language, 'VPN (unknown host)');
    await statusIs(doctor.page, labels[language].disconnected);
    await doctor.page.locator('.failure-box .redial-actions button').nth(1).click();
    await doctor.page.locator('.doctor-verdict h3').waitFor();
    await shot(doctor.page, 'doctor');
    await doctor.close();
  }
} finally {
  await browser.close();
}
console.log(`screenshots written to ${out}`);
