import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLockedError, withFileLock } from './file-lock';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-lock-'));
  file = path.join(dir, 'rasphone.pbk');
  writeFileSync(file, '');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lockOf = (pid: number) =>
  JSON.stringify({ pid, host: hostname(), token: 'x', since: new Date().toISOString() });

describe('the cross-process file lock', () => {
  it('holds FILE.lock while the work runs and removes it after', async () => {
    const seen = await withFileLock(file, async () => existsSync(`${file}.lock`));
    expect(seen).toBe(true);
    expect(readdirSync(dir)).toEqual(['rasphone.pbk']);
  });

  it('waits a bounded time for a live owner, then names it', async () => {
    writeFileSync(`${file}.lock`, lockOf(process.ppid));
    const started = Date.now();
    const attempt = withFileLock(file, () => Promise.resolve('ran'), { waitMs: 300 });
    await expect(attempt).rejects.toThrow(FileLockedError);
    await expect(attempt).rejects.toThrow(
      `${file} is locked by another program (pid ${process.ppid})`,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('takes over a lock whose owner is gone', async () => {
    writeFileSync(`${file}.lock`, lockOf(2 ** 22 + 12_345)); // no such process
    await expect(withFileLock(file, () => Promise.resolve('ran'))).resolves.toBe('ran');
    expect(readdirSync(dir)).toEqual(['rasphone.pbk']);
  });

  it('runs waiting holders one at a time', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        // Separate call chains, as two processes would be.
        withFileLock(file, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('is re-entrant along one call chain', async () => {
    const nested = withFileLock(file, () => withFileLock(file, () => Promise.resolve('inner')));
    await expect(nested).resolves.toBe('inner');
  });

  it('locks the target of a symbolic link, beside it', async () => {
    const link = path.join(dir, 'link.pbk');
    symlinkSync(file, link);
    const files = await withFileLock(link, () => Promise.resolve(readdirSync(dir).sort()));
    expect(files).toEqual(['link.pbk', 'rasphone.pbk', 'rasphone.pbk.lock']);
  });
});

describe('a lock in a folder that does not exist yet', () => {
  it('makes the folder, as the write it guards would', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'ras-lock-new-'));
    const file = path.join(base, 'new', 'folder', 'rasphone.pbk');
    await expect(withFileLock(file, async () => 'ran')).resolves.toBe('ran');
    await rm(base, { recursive: true, force: true });
  });
});
