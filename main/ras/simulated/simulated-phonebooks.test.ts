import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry } from '../../../app/phonebook/entry';
import {
  dialRecorded,
  request,
  simulatedWorld,
  type SimulatedWorld,
} from '../../../tests/support/simulated';
import { SimulatedRasBackend } from './simulated-backend';
import { fakeSecretStore } from '../../../tests/support/fake-secrets';

let world: SimulatedWorld;
beforeEach(async () => {
  world = await simulatedWorld({ speed: 0 });
});
afterEach(() => world.cleanup());

const pbk = () => readFile(world.phonebook, 'utf8');

describe('simulated phonebooks', () => {
  it('lists, reads and creates entries, keeping the rest of the file as it was', async () => {
    const before = await pbk();
    const names = (await world.backend.listEntries()).map((e) => e.name);
    expect(names).toContain('Office VPN');
    const entry = makeEntry('New VPN', 'vpn', ['new.example.com']);
    await world.backend.setEntry(undefined, entry);
    expect(await world.backend.getEntry(undefined, 'new vpn')).toEqual(entry);
    const after = await pbk();
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toMatch(/^\[New VPN\]\r\n/);
  });

  it('renames, refusing a taken or invalid name and a missing entry', async () => {
    await world.backend.renameEntry(undefined, 'Office VPN', 'Head Office VPN');
    expect(
      (await world.backend.getEntry(undefined, 'Head Office VPN')).phoneNumbers[0]!.number,
    ).toBe('vpn.example.com');
    await expect(
      world.backend.renameEntry(undefined, 'Dial-up', 'busy LINE'),
    ).rejects.toMatchObject({ code: 183 });
    await expect(world.backend.renameEntry(undefined, 'Dial-up', 'a/b')).rejects.toMatchObject({
      code: 123,
    });
    await expect(world.backend.renameEntry(undefined, 'Nope', 'X')).rejects.toMatchObject({
      code: 623,
    });
    await world.backend.renameEntry(undefined, 'Dial-up', 'DIAL-UP');
    expect((await world.backend.listEntries()).map((e) => e.name)).toContain('DIAL-UP');
  });

  it('deletes an entry, but not while it is connected (817)', async () => {
    const r = await dialRecorded(world, request('Office VPN'));
    await world.clock.runUntil(() => r.notifications.some((n) => n.state === 0x2000));
    await expect(world.backend.deleteEntry(undefined, 'Office VPN')).rejects.toMatchObject({
      code: 817,
    });
    await world.backend.deleteEntry(undefined, 'Dial-up');
    await expect(world.backend.getEntry(undefined, 'Dial-up')).rejects.toMatchObject({ code: 623 });
    await expect(world.backend.deleteEntry(undefined, 'Dial-up')).rejects.toMatchObject({
      code: 623,
    });
  });

  it('validates names as RasValidateEntryName does', async () => {
    await expect(world.backend.validateEntryName(undefined, 'Fresh name')).resolves.toBeUndefined();
    await expect(world.backend.validateEntryName(undefined, 'office vpn')).rejects.toMatchObject({
      code: 183,
    });
    await expect(world.backend.validateEntryName(undefined, '.dot')).rejects.toMatchObject({
      code: 123,
    });
    await expect(
      world.backend.setEntry(undefined, makeEntry('bad|name', 'vpn', ['h'])),
    ).rejects.toMatchObject({ code: 123 });
  });

  it('never returns a saved password and writes it only sealed by the key store', async () => {
    await world.backend.setCredentials(undefined, 'Office VPN', {
      userName: 'alice',
      domain: 'CORP',
      password: 'hunter2',
    });
    expect(await world.backend.getCredentials(undefined, 'Office VPN')).toEqual({
      userName: 'alice',
      domain: 'CORP',
      hasPassword: true,
      hasPreSharedKey: false,
    });
    for (const f of await readdir(world.dir))
      expect(await readFile(path.join(world.dir, f), 'utf8')).not.toContain('hunter2');
    const saved = JSON.parse(
      await readFile(path.join(world.dir, 'credentials.json'), 'utf8'),
    ) as Record<string, { sealed?: string }>;
    expect(Object.values(saved).some((c) => typeof c.sealed === 'string')).toBe(true);
    // The saved password dials, in this process and in a new one with the same key store.
    const r = await dialRecorded(world, request('Office VPN', { userName: '', password: '' }));
    await world.clock.runUntil(() => r.notifications.some((n) => n.state === 0x2000));
    await world.backend.setCredentials(undefined, 'Office VPN', {
      userName: 'alice',
      domain: 'CORP',
      password: '',
    });
    expect((await world.backend.getCredentials(undefined, 'Office VPN')).hasPassword).toBe(false);
  });

  it('opens a sealed password only with the key store that sealed it', async () => {
    const secrets = fakeSecretStore();
    const file = path.join(world.dir, 'creds.json');
    const first = new SimulatedRasBackend({
      defaultPhonebook: world.phonebook,
      credentialsFile: file,
      secrets,
      speed: 0,
    });
    await first.setCredentials(undefined, 'Dial-up', {
      userName: 'bob',
      domain: '',
      password: 'pw-1',
    });
    const again = new SimulatedRasBackend({
      defaultPhonebook: world.phonebook,
      credentialsFile: file,
      secrets,
      speed: 0,
    });
    expect(await again.getCredentials(undefined, 'Dial-up')).toEqual({
      userName: 'bob',
      domain: '',
      hasPassword: true,
      hasPreSharedKey: false,
    });
    const stranger = new SimulatedRasBackend({
      defaultPhonebook: world.phonebook,
      credentialsFile: file,
      secrets: fakeSecretStore(),
      speed: 0,
    });
    const states: number[] = [];
    await stranger.dial(
      { entryName: 'Dial-up', userName: '', password: '', domain: '', pausedStates: true },
      (n) => states.push(n.state),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(states.at(-1)).toBe(0x1001);
    for (const b of [first, again, stranger]) b.dispose();
  });

  it('refuses to save a password where there is no key store, and says why', async () => {
    const bare = new SimulatedRasBackend({
      defaultPhonebook: world.phonebook,
      credentialsFile: path.join(world.dir, 'bare.json'),
    });
    await expect(
      bare.setCredentials(undefined, 'Dial-up', { userName: 'bob', domain: '', password: 'pw' }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringMatching(/No key store/),
    });
    await bare.setCredentials(undefined, 'Dial-up', { userName: 'bob', domain: '' });
    expect(await bare.getCredentials(undefined, 'Dial-up')).toEqual({
      userName: 'bob',
      domain: '',
      hasPassword: false,
      hasPreSharedKey: false,
    });
  });

  it('keeps credentials with an entry that is renamed and drops them with a deleted one', async () => {
    await world.backend.setCredentials(undefined, 'Dial-up', { userName: 'bob', domain: '' });
    await world.backend.renameEntry(undefined, 'Dial-up', 'Modem');
    expect((await world.backend.getCredentials(undefined, 'Modem')).userName).toBe('bob');
    await world.backend.deleteEntry(undefined, 'Modem');
    await world.backend.setEntry(undefined, makeEntry('Modem', 'phone', ['1']));
    expect((await world.backend.getCredentials(undefined, 'Modem')).userName).toBe('');
  });

  it('refuses to change a malformed phonebook and leaves it untouched', async () => {
    const broken = '[A]\r\nType=1\r\nnot a key line\r\n';
    await writeFile(world.phonebook, broken);
    await expect(
      world.backend.setEntry(undefined, makeEntry('B', 'vpn', ['h'])),
    ).rejects.toMatchObject({
      code: 625,
      message: expect.stringContaining('line 3'),
    });
    await expect(world.backend.listEntries()).rejects.toMatchObject({ code: 625 });
    expect(await pbk()).toBe(broken);
    expect((await readdir(world.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a Latin-1 phonebook back in Latin-1, byte for byte where nothing changed', async () => {
    const bytes = Buffer.from('[Caf\xe9]\r\nType=2\r\nComment=\xbfQu\xe9?\r\n', 'latin1');
    await writeFile(world.phonebook, bytes);
    await world.backend.setEntry(undefined, makeEntry('Other', 'vpn', ['h']));
    const written = await readFile(world.phonebook);
    expect(written.subarray(0, bytes.length).equals(bytes)).toBe(true);
    expect((await world.backend.listEntries()).map((e) => e.name)).toEqual(['Café', 'Other']);
  });

  it('serializes concurrent changes to one file', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        world.backend.setEntry(undefined, makeEntry(`Entry ${i}`, 'vpn', ['h'])),
      ),
    );
    const names = (await world.backend.listEntries()).map((e) => e.name);
    for (let i = 0; i < 10; i++) expect(names).toContain(`Entry ${i}`);
  });

  it('reports a phonebook that cannot be opened with 621', async () => {
    await expect(
      world.backend.getEntry(path.join(world.dir, 'missing.pbk'), 'X'),
    ).rejects.toMatchObject({ code: 621 });
    expect(await world.backend.listEntries(path.join(world.dir, 'missing.pbk'))).toEqual([]);
  });
});
