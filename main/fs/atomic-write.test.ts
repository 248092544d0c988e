import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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

describe('atomic writes keep what the file is', () => {
  it('writes through a symbolic link to its target, and keeps the link', async () => {
    const target = path.join(dir, 'real', 'rasphone.pbk');
    mkdirSync(path.dirname(target));
    writeFileSync(target, 'TARGET\r\n');
    const link = path.join(dir, 'link.pbk');
    symlinkSync(target, link);
    await writeFileAtomic(link, NEW, { backup: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('NEW CONTENTS, LONGER THAN THE OLD ONES\r\n');
    // The backup and any temp file are beside the target, not beside the link.
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('TARGET\r\n');
    expect(readdirSync(path.dirname(target)).sort()).toEqual(['rasphone.pbk', 'rasphone.pbk.bak']);
    expect(readdirSync(dir).sort()).toEqual(['link.pbk', 'rasphone.pbk', 'real']);
  });

  it('refuses a read-only file, naming it, and leaves it as it was', async () => {
    chmodSync(file, 0o444); // the tests run as root here: access() alone would say "writable"
    await expect(writeFileAtomic(file, NEW, { backup: true })).rejects.toThrow(
      `${file} is read-only; nothing was written`,
    );
    expect(readFileSync(file, 'utf8')).toBe('OLD CONTENTS\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['rasphone.pbk']);
  });

  it.each(['644', '640', '666'])('keeps the file mode %s', async (octal) => {
    const mode = parseInt(octal, 8);
    chmodSync(file, mode);
    await writeFileAtomic(file, NEW, { backup: true });
    expect(readFileSync(file, 'utf8')).toBe('NEW CONTENTS, LONGER THAN THE OLD ONES\r\n');
    expect(statSync(file).mode & 0o777).toBe(mode);
  });

  it('leaves the file as it was when the last check before the rename refuses', async () => {
    await expect(
      writeFileAtomic(file, NEW, {
        backup: true,
        beforeRename: () => Promise.reject(new Error('changed meanwhile')),
      }),
    ).rejects.toThrow('changed meanwhile');
    expect(readFileSync(file, 'utf8')).toBe('OLD CONTENTS\r\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives two writes in the same millisecond temp files of their own', async () => {
    const now = Date.now;
    Date.now = () => 1_700_000_000_000;
    try {
      const texts = Array.from({ length: 20 }, (_, i) => `VERSION ${i} `.repeat(2000));
      await Promise.all(texts.map((t) => writeFileAtomic(file, new TextEncoder().encode(t))));
      expect(texts).toContain(readFileSync(file, 'utf8'));
    } finally {
      Date.now = now;
    }
    expect(readdirSync(dir)).toEqual(['rasphone.pbk']);
  });
});
