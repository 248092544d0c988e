import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHONEBOOK_SIZE_LIMIT, readFileLimited } from './read-file-limited';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'read-limited-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const unix = process.platform !== 'win32';

describe('readFileLimited', () => {
  it('reads a regular file', async () => {
    const file = path.join(dir, 'a.pbk');
    await writeFile(file, '[A]\r\nType=2\r\n');
    expect((await readFileLimited(file)).toString()).toBe('[A]\r\nType=2\r\n');
  });

  it.runIf(unix)('refuses a FIFO at once, without waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.pbk');
    execFileSync('mkfifo', [fifo]);
    const start = Date.now();
    await expect(readFileLimited(fifo)).rejects.toThrow(`${fifo} is a pipe (FIFO)`);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it.runIf(unix)('refuses /dev/zero', async () => {
    await expect(readFileLimited('/dev/zero')).rejects.toThrow('/dev/zero is a device');
  });

  it('refuses a sparse file over the limit, naming the limit', async () => {
    const file = path.join(dir, 'huge.pbk');
    await writeFile(file, '');
    await truncate(file, PHONEBOOK_SIZE_LIMIT + 1);
    await expect(readFileLimited(file)).rejects.toThrow(
      `${file} is larger than 64 MiB, too large for a phonebook`,
    );
    // A file that grows past a smaller limit while it is read is refused too.
    const small = path.join(dir, 'small.pbk');
    await writeFile(small, 'x'.repeat(100));
    await expect(readFileLimited(small, { limit: 10 })).rejects.toMatchObject({
      problem: 'too-large',
    });
  });

  it('names a missing file, a folder and a symbolic link loop', async () => {
    const missing = path.join(dir, 'nope.pbk');
    await expect(readFileLimited(missing)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `The file ${missing} does not exist.`,
    });
    await expect(readFileLimited(dir)).rejects.toThrow(`${dir} is a folder`);
    const loop = path.join(dir, 'loop.pbk');
    await symlink(loop, loop);
    await expect(readFileLimited(loop)).rejects.toThrow(`${loop} is a symbolic link loop`);
  });
});
