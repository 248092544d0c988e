// The main flows of issue 14 with the keyboard alone, from the first Tab to the last Enter:
// a dial whose paused state is answered, and an import from a .pbk file. Nothing here touches
// the mouse, fills a field without typing or moves the focus by script; each stop Tab makes
// must show its focus. Editing, renaming and deleting an entry are in keyboard-entries and
// keyboard-dialogs. Each test runs in light English and in dark Russian.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { entryOption, statusIs, timelineStates } from './harness';
import { browserSuite } from './browser-suite';
import {
  button,
  dialByKeyboard,
  expectRing,
  field,
  fill,
  focused,
  tabTo,
  toList,
  VARIANTS,
} from './keyboard';

const ui = browserSuite();
/** Room for a machine under load; each test takes a few seconds on a quiet one. */
const SLOW = 60_000;

const CALLBACK = 'Callback (you choose the number)';

/** Whether the element that now has focus is `name`'s button (exactly that text). */
const onButton = async (page: Page, name: string) => button(name)(await focused(page));

describe.each(VARIANTS)(
  'the main flows with the keyboard alone, %s theme, in %s',
  (theme, language, words) => {
    const open = () => ui.open({ colorScheme: theme, language });

    it(
      'dials, answers the callback question, connects, and hangs up',
      async () => {
        const app = await open();
        const { page, core } = app;
        await dialByKeyboard(page, words, CALLBACK);

        // The server asks for a number to call back: the question has the focus, on its field.
        const question = page.getByRole('dialog', {
          name: `${words.dialog.callback.title} — ${CALLBACK}`,
        });
        await question.waitFor();
        expect(await focused(page)).toMatchObject({
          role: 'input',
          text: words.dialog.callback.number,
          inDialog: true,
        });
        await expectRing(page);
        expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
        await page.keyboard.type('555-0199');
        await page.keyboard.press('Enter');

        await statusIs(page, words.status.connected);
        expect(await question.count()).toBe(0);
        expect(await timelineStates(page)).toEqual(
          expect.arrayContaining(['CallbackSetByCaller', 'WaitForCallback', 'Connected']),
        );
        // Focus is somewhere a person can go on from, not lost on the page.
        expect((await focused(page)).role).not.toBe('body');
        await expectRing(page);

        await tabTo(page, button(words.ui.hangUp));
        await page.keyboard.press('Enter');
        await statusIs(page, words.status.disconnected);
        expect(core.manager.list().find((c) => c.entryName === CALLBACK)?.status).toBe(
          'disconnected',
        );
      },
      SLOW,
    );

    it(
      'imports two of three entries of a typed .pbk file, keeping the existing one',
      async () => {
        const app = await open();
        const { page, dir, core } = app;
        const file = path.join(dir, 'branch office.pbk');
        const section = (name: string, phone: string) =>
          `[${name}]\r\nType=1\r\n\r\nMEDIA=serial\r\nPort=COM1\r\n\r\nDEVICE=modem\r\nPhoneNumber=${phone}\r\n\r\n`;
        writeFileSync(
          file,
          section('Branch A', '555-0101') +
            section('Branch B', '555-0102') +
            section('Dial-up', '1'),
        );
        const before = await core.backend.getEntry(undefined, 'Dial-up');

        await toList(page);
        await tabTo(page, button(words.transfer.importShort), 'Shift+Tab');
        await page.keyboard.press('Enter');
        const first = page.getByRole('dialog', { name: words.transfer.importTitle });
        await first.waitFor();
        // Browser mode has no system dialog: Enter on "Choose the file…" asks for a path.
        expect(await onButton(page, words.transfer.chooseFile)).toBe(true);
        await expectRing(page);
        await page.keyboard.press('Enter');
        await first.getByLabel(words.transfer.path).waitFor();
        expect(await focused(page)).toMatchObject({ role: 'input', text: words.transfer.path });
        await page.keyboard.type(file);
        await page.keyboard.press('Enter');

        const second = page.getByRole('dialog', {
          name: fill(words.transfer.importFrom, { file }),
        });
        await second.waitFor();
        expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
        // Focus on the first entry's box; Space takes it out, Tab goes on to the others.
        expect(await focused(page)).toMatchObject({
          role: 'input',
          text: 'Branch A',
          inDialog: true,
        });
        await expectRing(page);
        await page.keyboard.press('Space');
        await tabTo(page, field('Dial-up'));
        // A name that exists: keep the existing entry (the list's last choice, by arrow key).
        await tabTo(page, (f) => f.role === 'select' && f.inDialog);
        await page.keyboard.press('End');
        expect(await second.getByRole('combobox').inputValue()).toBe('skip');
        await tabTo(page, button(words.transfer.import));
        await page.keyboard.press('Enter');

        await entryOption(page, 'Branch B').waitFor();
        expect(await second.count()).toBe(0);
        expect(await entryOption(page, 'Branch A').count()).toBe(0);
        expect(await core.backend.getEntry(undefined, 'Dial-up')).toEqual(before);
        // Focus goes back to Import, where the person started.
        await expect.poll(() => onButton(page, words.transfer.importShort)).toBe(true);
        await expectRing(page);
      },
      SLOW,
    );
  },
);
