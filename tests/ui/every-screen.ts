// A walk through every screen of the window a person can meet, for the tests that check each
// one the same way (axe in accessibility.test.ts, no English in russian.test.ts): at each
// screen the walk calls `look` with the screen's name, and goes on. The walk itself asserts
// nothing beyond waiting for each screen to show.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { realClock } from '../../main/clock';
import type { DoctorOptions } from '../../main/doctor/run-doctor';
import { FaultInjector } from '../../main/ras/simulated/fault-injector';
import type { en } from '../../renderer/src/i18n/en';
import { until } from '../support/core';
import { monthOfHistory, writeHistory } from '../support/reliability-history';
import { entryOption, redialOnDrop, statusIs, type AppOptions, type RunningApp } from './harness';

type Words = typeof en;

/** What a test does on each screen (`screen` names it in a failure). */
export type Look = (screen: string) => Promise<void>;

/** The fault injector of the app the walk opened with `walkOptions`. */
let injector: FaultInjector | undefined;

/**
 * How the app must be opened for the walk: Find out why asks no DNS (a *.invalid name is
 * answered without asking), and a hang-up can be refused on cue.
 */
export function walkOptions(options: AppOptions = {}): AppOptions {
  const doctor: Partial<DoctorOptions> = {
    lookup: (host) => Promise.reject(new Error(`the walk asked DNS for ${host}`)),
    dnsServers: () => ['192.0.2.53'],
  };
  return {
    ...options,
    doctor,
    wrapBackend: (backend) => (injector = new FaultInjector(backend, realClock)).backend,
  };
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

/** Selects an entry, finding it by the search box so it is drawn in a list of any length. */
async function select(page: Page, entry: string): Promise<void> {
  const search = page.locator('.phonebook-tools input[type="search"]');
  await search.fill(entry);
  await entryOption(page, entry).click();
  await page.getByRole('heading', { level: 1, name: entry }).waitFor();
  await search.fill('');
}

async function dial(page: Page, words: Words, entry: string, password = 'secret') {
  await select(page, entry);
  await page.getByLabel(words.ui.userName).first().fill('alice');
  await page.getByLabel(words.ui.password).first().fill(password);
  await page.getByRole('button', { name: words.ui.connect, exact: true }).click();
}

/** Whichever comes first: the question (answered with its submit button), or what follows. */
async function answerIfAsked(page: Page, question: Locator, after: Locator): Promise<void> {
  await question.or(after).first().waitFor();
  if (await question.isVisible()) await question.locator('button[type="submit"]').click();
}

/** A paused dialog: looked at, then cancelled (which hangs the dial up). */
async function pausedDialog(page: Page, words: Words, look: Look, screen: string, name: string) {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await look(screen);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await statusIs(page, words.status.disconnected);
}

/**
 * The entry's page through a dial's life: never dialed, its Reliability month, a failure and
 * Find out why, a drop, every paused dialog, the redial countdown, connected with statistics
 * and Details, and a refused hang-up's banner.
 */
export async function walkTheEntryPage(app: RunningApp, words: Words, look: Look) {
  const { page, core } = app;
  await writeHistory(
    app.dir,
    monthOfHistory('Office VPN', core.backend.defaultPhonebook, Date.now()),
  );
  await page.reload();
  await page.getByRole('listbox').waitFor();
  await look('the list');

  await select(page, 'Office VPN');
  await look('an entry never dialed');
  const reliability = page.getByRole('region', { name: words.reliability.title });
  await reliability.getByRole('button', { name: words.reliability.title }).click();
  await reliability.getByRole('img').waitFor();
  await look('Reliability, a month of history');

  await dial(page, words, 'Busy line');
  await statusIs(page, words.status.disconnected);
  await page.locator('.failure-box').waitFor();
  await look('a failed dial');

  await dial(page, words, 'VPN (unknown host)');
  await statusIs(page, words.status.disconnected);
  await page.getByRole('button', { name: words.doctor.findOutWhy }).click();
  const doctor = page.getByRole('dialog');
  await doctor.locator('.doctor-verdict h3').waitFor();
  await look('Find out why, its checks and verdict');
  await page.keyboard.press('Escape');
  await doctor.waitFor({ state: 'detached' });

  await dial(page, words, 'Drops after 30 s');
  await statusIs(page, words.status.connected);
  await statusIs(page, words.status.disconnected);
  await look('a dropped connection');

  const titled = (title: string, entry: string) => `${title} — ${entry}`;
  await dial(page, words, 'Office VPN', 'wrong');
  await pausedDialog(
    page,
    words,
    look,
    'the Sign in again dialog',
    titled(words.dialog.retry.title, 'Office VPN'),
  );
  await dial(page, words, 'Office VPN', 'expired');
  await pausedDialog(
    page,
    words,
    look,
    'the new password dialog',
    titled(words.dialog.newPassword.title, 'Office VPN'),
  );
  await dial(page, words, 'Callback (you choose the number)');
  await pausedDialog(
    page,
    words,
    look,
    'the callback dialog',
    titled(words.dialog.callback.title, 'Callback (you choose the number)'),
  );
  await dial(page, words, 'EAP sign-in');
  await page.getByRole('dialog').locator('input').first().waitFor();
  await pausedDialog(
    page,
    words,
    look,
    'the EAP sign-in dialog',
    titled(words.dialog.eap.title, 'EAP sign-in'),
  );
  await dial(page, words, 'Terminal window');
  await page
    .getByRole('dialog')
    .getByRole('log')
    .getByText(/Username: $/)
    .waitFor();
  await pausedDialog(
    page,
    words,
    look,
    'the terminal window',
    titled(words.dialog.interactive.title, 'Terminal window'),
  );

  // Redial on a drop: the countdown with Redial now and Cancel.
  const drops = await redialOnDrop(core, 'Drops after 30 s', { seconds: 60, attempts: 2 });
  await dial(page, words, 'Drops after 30 s');
  await statusIs(page, words.status['waiting-to-redial']);
  await page.locator('.countdown').waitFor();
  await look('the redial countdown');
  await page.getByRole('button', { name: words.redial.cancel }).click();
  await statusIs(page, words.status.disconnected);
  await core.backend.setEntry(undefined, drops);

  // Connected: statistics, Details, and Details copied.
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
  await dial(page, words, 'Office VPN');
  await statusIs(page, words.status.connected);
  await page
    .locator('.statistics dd', { hasText: /KB|MB|КБ|МБ/ })
    .first()
    .waitFor();
  const details = page.getByRole('region', { name: words.details.title });
  await details.locator('dl').waitFor();
  await look('connected, with statistics and Details');
  await details.getByRole('button', { name: words.details.copy }).click();
  await details.getByRole('status').filter({ hasText: words.details.copied }).waitFor();
  await look('Details copied');

  // A hang-up Remote Access refuses: the entry's banner, with Dismiss.
  injector?.failCall({ call: 'hangUp', code: 753, times: 3 });
  await page.getByRole('button', { name: words.ui.hangUp, exact: true }).click();
  await page.locator('.error-banner').waitFor();
  await look('a refused hang-up, in the entry’s banner');
  await page.getByRole('button', { name: words.ui.hangUp, exact: true }).click();
  await statusIs(page, words.status.disconnected);
}

/**
 * Keep connected; the panes and dialogs around the entries: the editor's tabs and a field's error, Rename,
 * Delete (and a refused one), Import (a missing file, a malformed one), Export (and replacing
 * a file), Open, the provisioning dialogs, a broken phonebook in the list, History and Settings
 * (diagnostics written).
 */
export async function walkThePanes(app: RunningApp, words: Words, look: Look) {
  const { page, dir, core } = app;

  // Keep connected, set in the editor; kept, then waiting after the drop, with Stop.
  await select(page, 'Drops after 30 s');
  await page.getByRole('button', { name: words.pb.properties, exact: true }).click();
  await page.getByRole('tab', { name: words.editor.tab.options }).click();
  await page.getByRole('checkbox', { name: words.keep.option }).check();
  await look('the editor, Keep connected on');
  await page.getByRole('button', { name: words.editor.save, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Drops after 30 s' }).waitFor();
  // Saved with the entry into the settings, a moment after the editor closes.
  await until(() => core.settings.get().keepConnected.length > 0);
  await dial(page, words, 'Drops after 30 s');
  await page.locator('.kept-badge').waitFor();
  await statusIs(page, words.status.connected);
  await look('kept connected');
  await statusIs(page, words.status['waiting-to-redial']);
  await look('kept connected, waiting to redial');
  await page.getByRole('button', { name: words.keep.stop, exact: true }).click();
  await statusIs(page, words.status.disconnected);

  await select(page, 'Office VPN');
  await page.getByRole('button', { name: words.pb.properties, exact: true }).click();
  const editor = page.locator('form.editor');
  for (const tab of ['general', 'options', 'security', 'networking'] as const) {
    await editor.getByRole('tab', { name: words.editor.tab[tab] }).click();
    await editor.getByRole('tabpanel', { name: words.editor.tab[tab] }).waitFor();
    await look(`the editor, ${tab}`);
  }
  await editor.getByRole('tab', { name: words.editor.tab.general }).click();
  await editor.getByLabel(words.editor.name).fill('a\\b');
  await editor.getByLabel(words.editor.server).fill('');
  await editor.getByRole('button', { name: words.editor.save, exact: true }).click();
  await editor.locator('[aria-invalid="true"]').first().waitFor();
  await look('the editor, invalid fields');
  await editor.getByRole('button', { name: words.dialog.cancel, exact: true }).click();
  const leave = page.getByRole('dialog', { name: words.editor.discard });
  await leave.waitFor();
  await look('the editor, asked before leaving unsaved changes');
  await leave.getByRole('button', { name: words.editor.discardYes }).click();
  await page.getByRole('heading', { level: 1, name: 'Office VPN' }).waitFor();

  await select(page, 'Dial-up');
  await page.getByRole('button', { name: words.pb.rename, exact: true }).click();
  await page
    .getByRole('dialog', { name: fill(words.pb.renameTitle, { name: 'Dial-up' }) })
    .waitFor();
  await look('the Rename dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: words.pb.delete, exact: true }).click();
  await page
    .getByRole('dialog', { name: fill(words.pb.deleteTitle, { name: 'Dial-up' }) })
    .waitFor();
  await look('the Delete dialog');
  await page.keyboard.press('Escape');

  // Refusals of a connected entry, inside the dialog that asked.
  await core.manager.dial({
    entryName: 'Dial-up',
    credentials: { userName: 'alice', password: 'secret', domain: '' },
  });
  await statusIs(page, words.status.connected);
  await page.getByRole('button', { name: words.pb.rename, exact: true }).click();
  const rename = page.getByRole('dialog');
  await rename.getByLabel(words.editor.name).fill('Modem');
  await rename.getByLabel(words.editor.name).press('Enter');
  await rename.getByRole('alert').waitFor();
  await look('a refused rename, in its dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: words.pb.delete, exact: true }).click();
  const question = page.getByRole('dialog');
  await question.getByRole('button', { name: words.pb.delete, exact: true }).click();
  await question.getByRole('alert').waitFor();
  await look('a refused delete, in its dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: words.ui.hangUp, exact: true }).click();
  await answerIfAsked(
    page,
    page.getByRole('dialog', { name: fill(words.pb.hangUpTitle, { name: 'Dial-up' }) }),
    page.locator('.status-line [role="status"]', { hasText: words.status.disconnected }),
  );
  await statusIs(page, words.status.disconnected);

  // Import: the dialog, a missing file, a malformed one.
  const importing = page.getByRole('dialog');
  const importFile = async (file: string) => {
    await page.getByRole('button', { name: words.transfer.importShort, exact: true }).click();
    await importing.waitFor();
    await importing.getByRole('button', { name: words.transfer.chooseFile }).click();
    await importing.getByLabel(words.transfer.path).fill(file);
    await importing.getByLabel(words.transfer.path).press('Enter');
    await importing.getByRole('alert').waitFor();
  };
  const broken = path.join(dir, 'broken.pbk');
  writeFileSync(broken, '[Good]\r\nPhoneNumber=1\r\nnot a key line\r\n');
  await importFile(path.join(dir, 'missing.pbk'));
  await look('Import, a missing file');
  await page.keyboard.press('Escape');
  await importFile(broken);
  await look('Import, a malformed file');
  await page.keyboard.press('Escape');

  // Export: the dialog, then a typed path that exists.
  await page.getByRole('button', { name: words.transfer.exportShort, exact: true }).click();
  const exporting = page.getByRole('dialog', { name: words.transfer.exportTitle });
  await exporting.waitFor();
  await look('the Export dialog');
  await exporting.getByRole('button', { name: words.transfer.chooseFile }).click();
  await exporting.getByLabel(words.transfer.path).fill(broken);
  await exporting.getByLabel(words.transfer.path).press('Enter');
  await exporting.getByRole('alert').waitFor();
  await look('Export, asked before replacing a file');
  await page.keyboard.press('Escape');

  // Provisioning: Copy as PowerShell; an import from text that is refused, one with notes.
  await select(page, 'Office VPN');
  await page.getByRole('button', { name: words.provision.copyAs }).click();
  await page
    .getByRole('dialog')
    .getByLabel(words.provision.script)
    .and(page.locator(':not(:empty)'))
    .waitFor();
  await look('Copy as PowerShell');
  await page.keyboard.press('Escape');
  const fromText = async (text: string) => {
    await page.getByRole('button', { name: words.transfer.importShort, exact: true }).click();
    await page.getByRole('button', { name: words.provision.fromText }).click();
    await page.getByRole('dialog').getByLabel(words.provision.text).fill(text);
    await page.getByRole('dialog').getByRole('button', { name: words.provision.read }).click();
  };
  await fromText('Add-VpnConnection -Name "X" -ServerAddress "s" -Bogus 1');
  await page.getByRole('dialog').getByRole('alert').waitFor();
  await look('Import from PowerShell, refused');
  await page.keyboard.press('Escape');
  await fromText('Add-VpnConnection -Name "Y" -ServerAddress "s.example.com" -AllUserConnection');
  await page.getByRole('region', { name: words.provision.notesTitle }).waitFor();
  await look('Import from PowerShell, the editor with notes');
  await page.locator('form.editor').getByRole('button', { name: words.dialog.cancel }).click();
  await answerIfAsked(page, leave, page.getByRole('heading', { level: 1, name: 'Office VPN' }));

  // Open a phonebook; then a malformed and a missing one in the list.
  await page.getByRole('button', { name: words.book.open, exact: true }).click();
  await page.getByRole('dialog', { name: words.book.openTitle }).waitFor();
  await look('the Open dialog');
  await page.keyboard.press('Escape');
  await core.settings.set({ openedPhonebooks: [broken, path.join(dir, 'gone.pbk')] });
  await page.reload();
  await page.getByRole('listbox').waitFor();
  await page.locator('.book-error').first().waitFor();
  await look('a malformed and a missing phonebook in the list');

  // History, with a timeline opened; Settings, with diagnostics written.
  await page.getByRole('button', { name: words.history.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: words.history.overall }).waitFor();
  await page.getByRole('table').first().waitFor();
  await look('History');
  await page.getByRole('table').first().getByRole('button', { expanded: false }).first().click();
  await page.getByRole('table').first().getByRole('list').first().waitFor();
  await look('History, a timeline open');

  await page.getByRole('button', { name: words.ui.settings, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: words.ui.settings }).waitFor();
  await look('Settings');
  const diagnostics = page.locator('form.diagnostics');
  await diagnostics.getByRole('button', { name: words.diagnostics.export }).click();
  await diagnostics.getByLabel(words.diagnostics.path).fill(path.join(dir, 'd1.zip'));
  await diagnostics.getByRole('button', { name: words.diagnostics.export }).click();
  await diagnostics.getByRole('status').waitFor();
  await look('Settings, diagnostics written');
}
