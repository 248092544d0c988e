// The Details section of a connected entry in the real window against the simulated server:
// the addresses it assigned, the tunnel the entry's strategy ended on, Copy, axe in both
// themes and languages, no English in the Russian window, and no cut-off from 640×420 to 4K.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VPN_STRATEGIES } from '../../app/phonebook/entry-settings';
import { phoneNumber } from '../../app/phonebook/entry';
import { SERVER_IPV4 } from '../../main/ras/simulated/connection-details';
import { en } from '../../renderer/src/i18n/en';
import { ru } from '../../renderer/src/i18n/ru';
import { axeViolations, SERIOUS } from './axe';
import { browserSuite } from './browser-suite';
import { cutOffs } from './cut-offs';
import { WINDOW_ENGLISH } from './english-words';
import { entryOption, statusIs, type RunningApp } from './harness';

const ui = browserSuite();
const VPN = 'Office VPN';

async function dial(page: Page, words: typeof en, entry = VPN): Promise<void> {
  const search = page.locator('.phonebook-tools input[type="search"]');
  await search.fill(entry);
  await entryOption(page, entry).click();
  await page.getByRole('heading', { level: 1, name: entry }).waitFor();
  await search.fill('');
  await page.getByLabel(words.ui.userName).first().fill('alice');
  await page.getByLabel(words.ui.password).first().fill('secret');
  await page.getByRole('button', { name: words.ui.connect, exact: true }).click();
  await statusIs(page, words.status.connected);
}

/** The section, once it shows what main read (not "Reading…"). */
async function detailsOf(page: Page, words: typeof en) {
  const section = page.getByRole('region', { name: words.details.title });
  await section.locator('dl').waitFor();
  return section;
}

const valueOf = (section: Awaited<ReturnType<typeof detailsOf>>, id: string) =>
  section.locator(`[data-detail="${id}"] dd`).innerText();

/** What main's store holds for the entry's connection. */
function viewOf(app: RunningApp) {
  return app.core.manager.list().find((c) => c.entryName === VPN)!;
}

describe('the Details section', () => {
  it(
    'shows the address the simulated server gave, copies the details, and goes at hang-up',
    { timeout: 90_000 },
    async () => {
      const app = await ui.open();
      const { page } = app;
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
      await dial(page, en);
      const section = await detailsOf(page, en);
      const ipv4 = viewOf(app).details!.ipv4!;
      expect('client' in ipv4 && ipv4.server).toBe(SERVER_IPV4);
      expect(await valueOf(section, 'serverAddress')).toBe(SERVER_IPV4);
      expect(await valueOf(section, 'clientAddress')).toBe('client' in ipv4 ? ipv4.client : null);
      expect(await valueOf(section, 'tunnel')).toBe('IKEv2');
      // Addresses are text to select and paste elsewhere.
      expect(
        await section
          .locator('[data-detail="clientAddress"] dd')
          .evaluate((e) => getComputedStyle(e).userSelect),
      ).not.toBe('none');

      await section.getByRole('button', { name: en.details.copy }).click();
      await section.getByRole('status').filter({ hasText: en.details.copied }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.split('\n')).toEqual(
        expect.arrayContaining([
          `${en.details.labels.connection}: ${VPN}`,
          `${en.details.labels.serverAddress}: ${SERVER_IPV4}`,
          `${en.details.labels.tunnel}: IKEv2`,
        ]),
      );

      await page.getByRole('button', { name: en.ui.hangUp, exact: true }).click();
      await statusIs(page, en.status.disconnected);
      expect(await page.getByRole('region', { name: en.details.title }).count()).toBe(0);
    },
  );

  it(
    'says which protocol the entry’s strategy tried first when another one won',
    { timeout: 60_000 },
    async () => {
      const app = await ui.open();
      // A host that answers SSTP alone (TCP 443), dialed IKEv2 first.
      const entry = await app.core.backend.getEntry(undefined, VPN);
      await app.core.backend.setEntry(undefined, {
        ...entry,
        vpnStrategy: VPN_STRATEGIES.ikev2First,
        phoneNumbers: [phoneNumber('tcp443.vpn.example.com')],
      });
      await dial(app.page, en);
      const section = await detailsOf(app.page, en);
      expect(viewOf(app).details!.tunnel).toBe('sstp');
      expect(await valueOf(section, 'tunnel')).toBe('SSTP (the entry tries IKEv2 first)');
    },
  );

  describe.each([
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'ru'],
    ['dark', 'ru'],
  ] as const)('in %s theme, in %s', (theme, language) => {
    const words = language === 'en' ? en : ru;

    it('passes axe, and speaks only the window’s language', { timeout: 60_000 }, async () => {
      const { page } = await ui.open({ colorScheme: theme, language });
      await dial(page, words);
      const section = await detailsOf(page, words);
      expect(await axeViolations(page, '.connection-details', { impacts: SERIOUS })).toEqual([]);
      if (language === 'ru') {
        // The entry's name and the device's are data, not words of the window.
        const text = (await section.innerText())
          .split(VPN)
          .join(' ')
          .replace(/WAN Miniport \([^)]*\)/g, ' ');
        expect(WINDOW_ENGLISH.filter((piece) => text.includes(piece))).toEqual([]);
      }
    });
  });

  it('fits the window from 640×420 to 4K', { timeout: 60_000 }, async () => {
    const { page } = await ui.open({ viewport: { width: 640, height: 420 }, language: 'ru' });
    await dial(page, ru);
    await detailsOf(page, ru);
    expect(await cutOffs(page, { scope: '.connection-details' })).toEqual([]);
    await page.setViewportSize({ width: 3840, height: 2160 });
    expect(
      await cutOffs(page, { scope: '.connection-details', minFontPx: 14, maxWidthEm: 90 }),
    ).toEqual([]);
  });
});
