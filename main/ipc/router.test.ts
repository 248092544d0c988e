import { existsSync, appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedCore, until, type TestCore } from '../../tests/support/core';
import { INVOKE_CHANNELS } from '../../app/ipc/channels';
import { defaultSettings } from '../../app/ipc/contract';
import type { Core, EventSink } from '../app-core';

let test: TestCore;
let dir: string;
let core: Core;
let logged: string[];
const events: { event: string; payload: unknown }[] = [];

beforeEach(async () => {
  test = await simulatedCore();
  ({ core, dir, logged } = test);
  events.length = 0;
  const sink: EventSink = (event, payload) => events.push({ event, payload });
  core.addSink(sink);
});
afterEach(() => test.dispose());

const call = (channel: unknown, payload: unknown) => core.router.handle(channel, payload, 'test');
describe('IPC router', () => {
  it('answers app:info and lists the demo phonebook', async () => {
    expect(await call('app:info', {})).toEqual({
      ok: true,
      value: {
        backend: 'simulated',
        platform: 'linux',
        version: '1.2.3',
        defaultPhonebook: path.join(dir, 'rasphone.pbk'),
        desktop: false,
        // No key store in this core: the window is told a password cannot be saved.
        canSavePasswords: false,
      },
    });
    const list = await call('phonebook:list', {});
    expect(list.ok && (list.value as [string][]).map(([name]) => name)).toContain('Office VPN');
    const entry = await call('phonebook:get', { name: 'Office VPN' });
    expect(entry).toMatchObject({
      ok: true,
      value: { entry: { type: 'vpn' }, credentials: { hasPassword: false } },
    });
  });

  it('dials, answers a pause, hangs up, and broadcasts versioned snapshots and the pause', async () => {
    const dialed = await call('connection:dial', {
      entryName: 'Office VPN',
      credentials: { userName: 'a', password: 'wrong', domain: '' },
    });
    expect(dialed.ok).toBe(true);
    const id = (dialed as { value: { id: string } }).value.id;
    await until(() => events.some((e) => e.event === 'connection:paused'));
    const paused = events.find((e) => e.event === 'connection:paused')!.payload;
    expect(paused).toMatchObject({
      id,
      entryName: 'Office VPN',
      paused: { kind: 'retry-authentication', retry: 1 },
    });
    expect(
      await call('connection:resume', {
        id,
        answer: { kind: 'retry-authentication', userName: 'a', password: 'right', domain: '' },
      }),
    ).toEqual({ ok: true, value: null });
    await until(() => core.manager.get(id)?.status === 'connected');
    expect(await call('connection:hang-up', { id })).toEqual({ ok: true, value: null });
    expect(core.manager.get(id)?.status).toBe('disconnected');
    const versions = events
      .filter((e) => e.event === 'connection:state')
      .map((e) => (e.payload as { version: number }).version);
    expect(versions.length).toBeGreaterThan(10);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(events.filter((e) => e.event === 'connection:paused')).toHaveLength(1);
    const snapshot = await call('connection:list', {});
    expect(snapshot).toMatchObject({
      ok: true,
      value: { version: versions.at(-1), connections: [{ id, status: 'disconnected' }] },
    });
  });

  it('manages entries and announces each change', async () => {
    const entry = (await call('phonebook:get', { name: 'Dial-up' })) as {
      ok: true;
      value: { entry: Record<string, unknown>; revision: string };
    };
    const { revision } = entry.value;
    expect(revision).toMatch(/^[0-9a-f]{32}$/);
    const created = await call('phonebook:create', {
      entry: { ...entry.value.entry, name: 'Second line' },
    });
    expect(created).toEqual({ ok: true, value: null });
    expect(events.at(-1)).toEqual({
      event: 'phonebook:changed',
      payload: { phonebook: path.join(dir, 'rasphone.pbk') },
    });
    expect(await call('phonebook:copy', { name: 'Second line' })).toEqual({
      ok: true,
      value: { name: 'Copy of Second line' },
    });
    expect(
      await call('phonebook:rename', { name: 'Copy of Second line', newName: 'Third line' }),
    ).toEqual({ ok: true, value: null });
    expect(await call('phonebook:delete', { name: 'Third line' })).toEqual({
      ok: true,
      value: null,
    });
    // The revision read before these changes is stale now.
    expect(
      await call('phonebook:update', {
        originalName: 'Dial-up',
        entry: { ...entry.value.entry, redialAttempts: 5 },
        revision,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PHONEBOOK_CHANGED' },
    });
    expect(
      await call('phonebook:create', { entry: { ...entry.value.entry, name: 'bad|name' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/^name: The name may not contain/),
      },
    });
    expect(events.filter((e) => e.event === 'phonebook:changed')).toHaveLength(4);
  });

  it('lists the phonebooks, opens another .pbk file and closes it', async () => {
    const own = path.join(dir, 'rasphone.pbk');
    expect(await call('phonebook:books', {})).toEqual({
      ok: true,
      value: [{ path: own, kind: 'app' }],
    });
    const other = path.join(dir, 'other.pbk');
    writeFileSync(
      other,
      '[Elsewhere]\r\nType=2\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=x.example.com\r\n',
    );
    expect(await call('phonebook:open', { file: other })).toEqual({ ok: true, value: null });
    expect(await call('phonebook:books', {})).toEqual({
      ok: true,
      value: [
        { path: own, kind: 'app' },
        { path: other, kind: 'opened' },
      ],
    });
    expect(await call('phonebook:list', { phonebook: other })).toMatchObject({
      ok: true,
      value: [['Elsewhere', 'vpn', 'x.example.com']],
    });
    expect(core.settings.get().openedPhonebooks).toEqual([other]);
    expect(await call('phonebook:close', { phonebook: other })).toEqual({ ok: true, value: null });
    expect(core.settings.get().openedPhonebooks).toEqual([]);
  });

  it('refuses a 65th opened phonebook with a clear error, and still reopens one already open', async () => {
    const files = Array.from({ length: 65 }, (_, i) => path.join(dir, `book-${i}.pbk`));
    for (const file of files) writeFileSync(file, '');
    for (const file of files.slice(0, 64))
      expect(await call('phonebook:open', { file })).toEqual({ ok: true, value: null });
    const refused = await call('phonebook:open', { file: files[64] });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        name: 'INVALID_INPUT',
        message: 'You can have at most 64 phonebooks open; close one first.',
        key: 'ipc.tooManyBooks',
        params: { max: 64 },
      },
    });
    expect(core.settings.get().openedPhonebooks).toEqual(files.slice(0, 64));
    // Opening one that is already open changes nothing and is not refused.
    expect(await call('phonebook:open', { file: files[10] })).toEqual({ ok: true, value: null });
    expect(await call('phonebook:close', { phonebook: files[0] })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call('phonebook:open', { file: files[64] })).toEqual({ ok: true, value: null });
  });

  it('exports never over a phonebook the app shows or its own files, and replaces only when told', async () => {
    const other = path.join(dir, 'other.pbk');
    writeFileSync(
      other,
      '[Elsewhere]\r\nType=2\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=x\r\n',
    );
    expect((await call('phonebook:open', { file: other })).ok).toBe(true);
    const before = readFileSync(other, 'utf8');
    const names = ['Office VPN'];
    for (const file of [other, path.join(dir, 'settings.json'), path.join(dir, 'rasphone.pbk')]) {
      const refused = await call('phonebook:export', { file, names, overwrite: true });
      expect(refused.ok, file).toBe(false);
    }
    expect(readFileSync(other, 'utf8')).toBe(before);
    const out = path.join(dir, 'out.pbk');
    expect(await call('phonebook:export', { file: out, names })).toEqual({
      ok: true,
      value: { count: 1, file: out },
    });
    // Diagnostics to a typed path that exists: asked first, as an export is; written where said.
    const zip = path.join(dir, 'diag.zip');
    writeFileSync(zip, 'keep');
    const asked = await call('diagnostics:export', { file: zip });
    expect(asked.ok || asked.error.code).toBe('FILE_EXISTS');
    expect(readFileSync(zip, 'utf8')).toBe('keep');
    expect(await call('diagnostics:export', { file: zip, overwrite: true })).toEqual({
      ok: true,
      value: { file: zip },
    });
    // A folder that does not exist is refused, never made.
    const nowhere = await call('phonebook:export', {
      file: path.join(dir, 'no', 'such', 'x.pbk'),
      names,
    });
    expect(nowhere.ok || nowhere.error.message).toMatch(/does not exist; nothing was written/);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
    const again = await call('phonebook:export', { file: out, names });
    expect(again.ok || again.error.code).toBe('FILE_EXISTS');
    expect((await call('phonebook:export', { file: out, names, overwrite: true })).ok).toBe(true);
  });

  it('announces a phonebook that another program changed on disk', async () => {
    events.length = 0;
    await new Promise((r) => setTimeout(r, 50));
    appendFileSync(path.join(dir, 'rasphone.pbk'), '; touched elsewhere\r\n');
    await until(() => events.some((e) => e.event === 'phonebook:changed'));
  }, 10_000);

  it('turns failures into { code, name, message }', async () => {
    expect(await call('connection:dial', { entryName: 'Nope' })).toMatchObject({
      ok: false,
      error: { code: 623, name: 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY' },
    });
    expect(await call('connection:hang-up', { id: 'c404' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it.each([
    ['an unknown channel', 'connection:explode', {}],
    ['a non-object payload', 'connection:dial', 'Office VPN'],
    ['a missing field', 'connection:dial', {}],
    ['a field of the wrong type', 'connection:dial', { entryName: 42 }],
    ['an extra field', 'connection:dial', { entryName: 'Office VPN', admin: true }],
    ['a huge string', 'connection:dial', { entryName: 'x'.repeat(100_000) }],
    [
      'a too-long domain',
      'connection:dial',
      {
        entryName: 'Office VPN',
        credentials: { userName: 'a', password: 'b', domain: 'x'.repeat(16) },
      },
    ],
    ['an unknown answer kind', 'connection:resume', { id: 'c1', answer: { kind: 'magic' } }],
    [
      'an empty new password',
      'connection:resume',
      { id: 'c1', answer: { kind: 'new-password', password: '' } },
    ],
    ['a __proto__ key', 'settings:set', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a bad setting', 'settings:set', { theme: 'neon' }],
    ['a channel name that is not a string', 42, {}],
  ])('refuses %s and changes nothing', async (_what, channel, payload) => {
    const before = core.manager.store.getState().version;
    const result = await call(channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.manager.store.getState().version).toBe(before);
    expect(core.manager.list()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(logged.at(-1)).toMatch(/refused/);
  });

  it('never logs a password from a refused payload', async () => {
    await call('connection:dial', {
      entryName: 'Office VPN',
      credentials: { userName: 'a', password: 'hunter2', domain: 'x'.repeat(40) },
    });
    expect(logged.join('\n')).not.toContain('hunter2');
  });

  it('reads and writes settings, announcing the change', async () => {
    expect(await call('settings:get', {})).toEqual({
      ok: true,
      value: defaultSettings,
    });
    expect(await call('settings:set', { language: 'ru' })).toMatchObject({
      ok: true,
      value: { language: 'ru' },
    });
    expect(events.at(-1)).toEqual({
      event: 'settings:changed',
      payload: { ...defaultSettings, language: 'ru' },
    });
  });

  it('has a handler for every channel of the contract', async () => {
    for (const channel of INVOKE_CHANNELS) {
      const result = await call(channel, {});
      if (!result.ok) expect(result.error.message).not.toMatch(/no such channel/);
    }
  });
});
