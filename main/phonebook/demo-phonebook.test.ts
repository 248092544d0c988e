// Issue 12, item 12: a first run on a full disk leaves no half-written demo phonebook.

import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realSteps } from '../fs/atomic-write';
import { SimulatedRasBackend } from '../ras/simulated/simulated-backend';
import { ManualClock } from '../clock';
import { fakeSecretStore } from '../../tests/support/fake-secrets';
import { demoEntries } from './demo-entries';
import { ensureDemoPhonebook } from './demo-phonebook';

let dir: string;
const backends: SimulatedRasBackend[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-demo-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const b of backends.splice(0)) b.dispose();
  await rm(dir, { recursive: true, force: true });
});

function backendIn(folder: string): SimulatedRasBackend {
  mkdirSync(folder, { recursive: true });
  const backend = new SimulatedRasBackend({
    defaultPhonebook: path.join(folder, 'rasphone.pbk'),
    clock: new ManualClock(),
    speed: 0,
    credentialsFile: path.join(folder, 'credentials.json'),
    secrets: fakeSecretStore(),
  });
  backends.push(backend);
  return backend;
}

/** A disk that holds `budget` bytes per file: a longer write stops there with ENOSPC. */
function fullDisk(budget: number): void {
  vi.spyOn(realSteps, 'open').mockImplementation(async (file) => {
    const handle = await (await import('node:fs')).promises.open(file, 'w', 0o600);
    return {
      writeFile: async (bytes: Uint8Array) => {
        if (bytes.length <= budget) return handle.writeFile(bytes);
        await handle.writeFile(bytes.subarray(0, budget));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  });
}

describe('the demo phonebook', () => {
  it('is created whole, or not at all when the disk is full', async () => {
    // The size of the whole demo phonebook, from a run with room enough.
    const roomy = path.join(dir, 'roomy');
    expect(await ensureDemoPhonebook(backendIn(roomy), path.join(roomy, 'rasphone.pbk'))).toBe(
      demoEntries().length,
    );
    const whole = statSync(path.join(roomy, 'rasphone.pbk')).size;

    // Room for about 16 of the 19 entries.
    const full = path.join(dir, 'full');
    const phonebook = path.join(full, 'rasphone.pbk');
    fullDisk(Math.floor(whole * 0.85));
    await expect(ensureDemoPhonebook(backendIn(full), phonebook)).rejects.toThrow();
    vi.restoreAllMocks();
    // No phonebook, and no temp file, is left behind.
    expect(existsSync(phonebook)).toBe(false);
    expect(readdirSync(full).filter((f) => f.includes('rasphone'))).toEqual([]);

    // The next start, with room again, creates it whole.
    const backend = backendIn(full);
    expect(await ensureDemoPhonebook(backend, phonebook)).toBe(demoEntries().length);
    expect((await backend.listEntries(phonebook)).map((e) => e.name)).toEqual(
      demoEntries().map((d) => d.entry.name),
    );
    expect((await backend.getCredentials(phonebook, 'Account disabled')).userName).toBe('disabled');
    expect(statSync(phonebook).size).toBe(whole);
    // And a start after that changes nothing.
    expect(await ensureDemoPhonebook(backend, phonebook)).toBe(0);
  });
});
