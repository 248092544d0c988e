import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realSteps, writeFileAtomic, type WriteSteps } from './atomic-write';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-atomic-'));
  file = path.join(dir, 'rasphone.pbk');
  writeFileSync(file, 'OLD CONTENTS\r\n');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const NEW = new TextEncoder().encode('NEW CONTENTS, LONGER THAN THE OLD ONES\r\n');

/** The real steps, with one of them failing. */
function failing(
  step: 'mkdir' | 'open' | 'write' | 'sync' | 'close' | 'copyFile' | 'rename',
): WriteSteps {
  const boom = () => Promise.reject(new Error(`${step} failed`));
  return {
    ...realSteps,
    mkdir: step === 'mkdir' ? boom : realSteps.mkdir,
    copyFile: step === 'copyFile' ? boom : realSteps.copyFile,
    rename: step === 'rename' ? boom : realSteps.rename,
    open: async (f) => {
      if (step === 'open') return boom();
      const handle = await realSteps.open(f);
      return {
        writeFile: async (b) => {
          if (step === 'write') {
            await handle.writeFile(b.subarray(0, 5));
            return boom();
          }
          return handle.writeFile(b);
        },
        sync: () => (step === 'sync' ? boom() : handle.sync()),
        close: async () => {
          await handle.close();
          if (step === 'close') return boom();
        },
      };
    },
  };
}

describe('atomic writes', () => {
  it('replaces the file and keeps the previous version as a backup', async () => {
    await writeFileAtomic(file, NEW, { backup: true });
    expect(readFileSync(file, 'utf8')).toBe('NEW CONTENTS, LONGER THAN THE OLD ONES\r\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('OLD CONTENTS\r\n');
    expect(readdirSync(dir).sort()).toEqual(['rasphone.pbk', 'rasphone.pbk.bak']);
  });

  it.each(['mkdir', 'open', 'write', 'sync', 'close', 'copyFile', 'rename'] as const)(
    'leaves the old file whole, and no temp file, when %s fails',
    async (step) => {
      await expect(
        writeFileAtomic(file, NEW, { backup: true, steps: failing(step) }),
      ).rejects.toThrow(`${step} failed`);
      expect(readFileSync(file, 'utf8')).toBe('OLD CONTENTS\r\n');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (existsSync(`${file}.bak`))
        expect(readFileSync(`${file}.bak`, 'utf8')).toBe('OLD CONTENTS\r\n');
    },
  );

  it('removes the temp files a killed writer left, and only those', async () => {
    const dead = 2 ** 22 + 12_345; // beyond Linux's pid_max default: no such process
    writeFileSync(`${file}.${dead}.abc.tmp`, 'half a write');
    writeFileSync(`${file}.${dead}.abd.bak.tmp`, 'half a backup');
    writeFileSync(`${file}.${process.ppid}.abe.tmp`, 'a live writer');
    writeFileSync(path.join(dir, 'other.pbk.1.abc.tmp'), 'not ours');
    await writeFileAtomic(file, NEW, { backup: true });
    expect(readdirSync(dir).sort()).toEqual(
      [
        'other.pbk.1.abc.tmp',
        'rasphone.pbk',
        'rasphone.pbk.bak',
        `rasphone.pbk.${process.ppid}.abe.tmp`,
      ].sort(),
    );
  });

  it('creates the folder and the file when neither exists', async () => {
    const fresh = path.join(dir, 'new', 'folder', 'x.pbk');
    await writeFileAtomic(fresh, NEW, { backup: true });
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(`${fresh}.bak`)).toBe(false);
  });
});
