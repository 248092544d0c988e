import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import { simulatedWorld, type SimulatedWorld } from '../../tests/support/simulated';
import { SessionManager } from '../sessions/session-manager';
import { EntryInvalidError, PhonebookService } from './phonebook-service';

let world: SimulatedWorld;
let manager: SessionManager;
let service: PhonebookService;
const changes: string[] = [];

beforeEach(async () => {
  world = await simulatedWorld({ speed: 0 });
  manager = new SessionManager({ backend: world.backend, clock: world.clock });
  service = new PhonebookService(world.backend, manager);
  changes.length = 0;
  service.onChanged((pbk) => changes.push(pbk));
});
afterEach(async () => {
  manager.dispose();
  await world.cleanup();
});

const names = async () => (await service.list()).map((e) => e.name);

describe('phonebook service', () => {
  it('creates a valid entry and announces the change', async () => {
    await service.create(undefined, makeEntry('New VPN', 'vpn', ['new.example.com']));
    expect(await names()).toContain('New VPN');
    expect(changes).toEqual([world.phonebook]);
  });

  it('refuses an invalid entry field by field and writes nothing', async () => {
    const before = readFileSync(world.phonebook, 'utf8');
    const error = await service
      .create(undefined, makeEntry('office vpn', 'vpn', ['']))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryInvalidError);
    expect((error as EntryInvalidError).problems.map((p) => p.field)).toEqual([
      'name',
      'phoneNumbers.0.number',
    ]);
    expect(readFileSync(world.phonebook, 'utf8')).toBe(before);
    expect(changes).toEqual([]);
  });

  it('saves an edit, renaming when the name changed', async () => {
    const { entry, revision } = await service.get(undefined, 'Office VPN');
    await service.update(
      undefined,
      'Office VPN',
      { ...entry, name: 'Head Office', redialAttempts: 4 },
      revision,
    );
    expect((await service.get(undefined, 'Head Office')).entry.redialAttempts).toBe(4);
    expect(await names()).not.toContain('Office VPN');
  });

  it('refuses to save over a change another program made since the entry was read', async () => {
    const { entry, revision } = await service.get(undefined, 'Office VPN');
    appendFileSync(world.phonebook, '; edited elsewhere\r\n');
    await expect(
      service.update(undefined, 'Office VPN', { ...entry, redialAttempts: 9 }, revision),
    ).rejects.toMatchObject({
      code: 'PHONEBOOK_CHANGED',
    });
    expect(readFileSync(world.phonebook, 'utf8').endsWith('; edited elsewhere\r\n')).toBe(true);
  });

  it('neither renames nor deletes a connected entry, and says why', async () => {
    const id = await manager.dial({
      entryName: 'Office VPN',
      credentials: { userName: 'a', password: 'b', domain: '' },
    });
    await world.clock.runUntil(() => manager.get(id)?.status === 'connected');
    await expect(service.rename(undefined, 'Office VPN', 'Other')).rejects.toThrow(
      /connected; hang it up before you rename it/,
    );
    await expect(service.delete(undefined, 'Office VPN')).rejects.toThrow(/before you delete it/);
    expect(await names()).toContain('Office VPN');
  });

  it('copies as "Copy of …" and deletes', async () => {
    expect(await service.copy(undefined, 'Dial-up')).toBe('Copy of Dial-up');
    expect(await service.copy(undefined, 'Dial-up')).toBe('Copy (2) of Dial-up');
    expect((await service.get(undefined, 'Copy of Dial-up')).entry.phoneNumbers[0]!.number).toBe(
      '555-0100',
    );
    await service.delete(undefined, 'Copy of Dial-up');
    expect(await names()).not.toContain('Copy of Dial-up');
  });

  it('exports chosen entries and imports them back, resolving name clashes', async () => {
    const file = path.join(world.dir, 'export.pbk');
    expect(await service.export(undefined, ['Dial-up', 'Office VPN'], file)).toBe(2);
    expect(readFileSync(file, 'utf8')).toMatch(/^\[Dial-up\]\r\n/);
    expect(await service.import(undefined, file, null, 'skip')).toEqual({
      imported: [],
      skipped: ['Dial-up', 'Office VPN'],
    });
    expect(await service.import(undefined, file, ['office vpn'], 'rename')).toEqual({
      imported: [{ from: 'Office VPN', as: 'Copy of Office VPN' }],
      skipped: [],
    });
    expect(await service.import(undefined, file, ['Dial-up'], 'replace')).toEqual({
      imported: [{ from: 'Dial-up', as: 'Dial-up' }],
      skipped: [],
    });
    expect((await names()).filter((n) => n === 'Dial-up')).toHaveLength(1);
  });

  it('refuses to import a malformed file, naming its lines', async () => {
    const file = path.join(world.dir, 'broken.pbk');
    writeFileSync(file, '[A]\r\nType=1\r\ngarbage\r\n');
    await expect(service.import(undefined, file, null, 'rename')).rejects.toThrow(/line 3/);
  });

  it('checks a file: every problem with its line number', async () => {
    const file = path.join(world.dir, 'check.pbk');
    writeFileSync(
      file,
      '[Good]\r\nType=2\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n[No server]\r\nType=2\r\n[good]\r\nType=2\r\n',
    );
    const result = await service.check(file);
    expect(result.entries).toBe(3);
    // An entry without a server is a template that rasdial dials with /PHONE:, as Windows
    // allows; a name used twice is a problem.
    expect(result.problems).toEqual([
      { line: 8, message: '[good] name: An entry named "Good" already exists.' },
    ]);
    writeFileSync(file, '[A]\r\nnot a key\r\n');
    expect((await service.check(file)).problems).toEqual([
      { line: 2, message: 'expected key=value, an [entry name] or a comment, found "not a key"' },
    ]);
  });
});
