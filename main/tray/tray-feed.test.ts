import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedCore, until, type TestCore } from '../../tests/support/core';
import type { Core } from '../app-core';
import { openBook } from '../phonebook/phonebook-books';
import { TrayFeed } from './tray-feed';
import { trayCondition, trayMenu, trayTooltip, type TrayState } from './tray-model';

let dir: string;
let core: Core;
let feed: TrayFeed;
let language: 'en' | 'ru' = 'en';
const states: TrayState[] = [];
let logged: string[];
let test: TestCore;
const latest = () => states.at(-1)!;
beforeEach(async () => {
  test = await simulatedCore();
  ({ core, dir, logged } = test);
  states.length = 0;
  language = 'en';
  feed = new TrayFeed({
    core,
    now: () => Date.now(),
    language: () => language,
    startAtLogin: () => true,
    onChange: (s) => states.push(s),
    log: (m) => logged.push(m),
  });
  await feed.refreshEntries();
});
afterEach(async () => {
  feed.dispose();
  await test.dispose();
});

describe('tray feed', () => {
  it('lists the entries of the phonebook with nothing connected', () => {
    const names = latest().entries.map((e) => e.name);
    expect(names).toContain('Dial-up');
    expect(names).toContain('Office VPN');
    expect(trayCondition(latest().connections)).toBe('idle');
    expect(latest().startAtLogin).toBe(true);
  });

  it('follows a dial from the tray menu to connected, with the address and bytes in the tooltip', async () => {
    await core.manager.dial({
      entryName: 'Dial-up',
      credentials: { userName: 'me', password: 'pw', domain: '' },
    });
    // The address comes with the details, which main reads once the link is up.
    await until(() => latest().connections.some((c) => c.status === 'connected' && c.details));
    expect(trayCondition(latest().connections)).toBe('connected');
    await feed.refreshTraffic();
    expect(trayTooltip(latest())).toMatch(
      /^RAS Connect\nDial-up: connected, address \d+\.\d+\.\d+\.\d+, 0:00:0\d, ↓\d/,
    );
    const item = trayMenu(latest()).find((i) => i.kind === 'entry' && i.entry.name === 'Dial-up');
    expect(item).toMatchObject({ label: 'Hang up: Dial-up', action: { kind: 'hang-up' } });
    expect(latest().recent[0]).toMatchObject({ name: 'Dial-up' });
  });

  it('waits for the person when an entry has no saved password', async () => {
    await core.manager.dial({ entryName: 'Office VPN' });
    await until(() => trayCondition(latest().connections) === 'waiting');
    expect(trayTooltip(latest())).toBe('RAS Connect\nOffice VPN: waiting for you');
  });

  it('shows a failed dial, with its error in the tooltip', async () => {
    await core.manager.dial({ entryName: 'Busy line' });
    await until(() => trayCondition(latest().connections) === 'failed');
    expect(trayTooltip(latest())).toContain('Last attempt: Busy line, 676');
  });

  it('lists entries again when a phonebook changes, and leaves out one it cannot read', async () => {
    const broken = path.join(dir, 'broken.pbk');
    writeFileSync(broken, '[Fine]\nMEDIA=rastapi\n\nthis line is not a key\n');
    await openBook(core.settings, broken);
    await until(() => logged.some((m) => m.includes('broken.pbk not listed')));
    await core.phonebooks.copy(undefined, 'Dial-up');
    await until(() => latest().entries.some((e) => e.name === 'Copy of Dial-up'));
  });

  it('puts the favourites from Settings first', async () => {
    const book = core.backend.defaultPhonebook;
    expect(trayMenu(latest())[0]).toMatchObject({ label: 'Account disabled' });
    await core.settings.set({ favourites: [{ phonebook: book, name: 'VPN (slow)' }] });
    await until(() => {
      const first = trayMenu(latest())[0];
      return first?.kind === 'entry' && first.label === 'VPN (slow)';
    });
  });

  it('speaks the language it is given', async () => {
    language = 'ru';
    feed.emit();
    expect(trayMenu(latest()).at(-1)).toEqual({ kind: 'quit', label: 'Выход' });
  });
});
