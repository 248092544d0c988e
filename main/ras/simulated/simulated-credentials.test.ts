// Saved credentials under concurrent saves, and a damaged credentials file.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedPhonebooks } from './simulated-phonebooks';

const ENTRIES = 40;
const ROUNDS = 5;

let dir: string;
let phonebook: string;
let credentialsFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-credentials-'));
  phonebook = path.join(dir, 'rasphone.pbk');
  credentialsFile = path.join(dir, 'credentials.json');
  writeFileSync(
    phonebook,
    Array.from({ length: ENTRIES }, (_, i) => `[Entry ${i}]\r\nPhoneNumber=${i}\r\n`).join(''),
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = () => new SimulatedPhonebooks(async () => new Set<string>(), credentialsFile);

describe('saved credentials', () => {
  it(`keeps every one of ${ENTRIES} concurrent saves, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const phonebooks = open();
      await Promise.all(
        Array.from({ length: ENTRIES }, (_, i) =>
          phonebooks.setCredentials(phonebook, `Entry ${i}`, {
            userName: `user-${round}-${i}`,
            domain: 'CORP',
          }),
        ),
      );
      expect(
        () => JSON.parse(readFileSync(credentialsFile, 'utf8')),
        `round ${round}`,
      ).not.toThrow();
      // A restart reads them all back.
      const restarted = open();
      for (let i = 0; i < ENTRIES; i++)
        expect((await restarted.getCredentials(phonebook, `Entry ${i}`)).userName).toBe(
          `user-${round}-${i}`,
        );
      expect(readdirSync(dir).sort()).toEqual(['credentials.json', 'rasphone.pbk']);
    }
  });

  it('refuses to read or save over a damaged credentials file, and leaves it as it was', async () => {
    const damaged = '{"C:\\\\rasphone.pbk\\u0000entry 0": {"userName": "alice", "dom';
    writeFileSync(credentialsFile, damaged);
    const phonebooks = open();
    await expect(phonebooks.getCredentials(phonebook, 'Entry 0')).rejects.toThrow(
      `${credentialsFile} is damaged`,
    );
    await expect(
      phonebooks.setCredentials(phonebook, 'Entry 1', { userName: 'bob', domain: '' }),
    ).rejects.toThrow(`${credentialsFile} is damaged`);
    expect(readFileSync(credentialsFile, 'utf8')).toBe(damaged);
    // Once it is repaired (or removed), saving works again without a restart.
    writeFileSync(credentialsFile, '{}');
    await phonebooks.setCredentials(phonebook, 'Entry 1', { userName: 'bob', domain: '' });
    expect((await open().getCredentials(phonebook, 'Entry 1')).userName).toBe('bob');
  });
});
