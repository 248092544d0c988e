// A phonebook write interrupted at any moment: a child process writes the phonebook over and
// over through the app's atomic write and is killed (SIGKILL) at a random moment, WRITE_KILLS
// times (300 by default, as in CI). After each kill the phonebook and its backup are each one
// version or the other, whole, never a mix; the next write clears what the dead one left.

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/fs/atomic-write';
import { largePhonebook } from '../bench/phonebook-text';

const KILLS = Number(process.env.WRITE_KILLS ?? 300);

let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts the writer; resolves once it has written once, with the process. */
function startWriter(child: string, file: string, a: string, b: string) {
  const writer = spawn(process.execPath, [child, file, a, b], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => writer.once('exit', () => resolve()));
  const writing = new Promise<void>((resolve, reject) => {
    writer.stdout.once('data', () => resolve());
    writer.once('exit', (code, signal) =>
      reject(new Error(`the writer ended before writing (${code ?? signal})`)),
    );
  });
  return { writer, exited, writing };
}

describe('a phonebook write interrupted at any moment', () => {
  it(`leaves the old or the new file whole, ${KILLS} kills`, async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ras-kill-'));
    const child = path.join(dir, 'write-child.mjs');
    buildSync({
      entryPoints: [path.join(import.meta.dirname, 'write-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: child,
      logLevel: 'silent',
    });
    const a = largePhonebook(1500);
    const b = largePhonebook(2500).replaceAll('555-', '556-');
    await writeFile(path.join(dir, 'a.txt'), a);
    await writeFile(path.join(dir, 'b.txt'), b);
    const file = path.join(dir, 'rasphone.pbk');
    await writeFile(file, a);

    const seen = { a: 0, b: 0, backupA: 0, backupB: 0, orphans: 0 };
    for (let kill = 0; kill < KILLS; kill++) {
      const { writer, exited, writing } = startWriter(
        child,
        file,
        path.join(dir, 'a.txt'),
        path.join(dir, 'b.txt'),
      );
      await writing;
      // Somewhere in the middle of a write: each takes a few milliseconds.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
      writer.kill('SIGKILL');
      await exited;

      const now = await readFile(file, 'utf8');
      expect(now === a || now === b, `kill ${kill}: the phonebook is a mix`).toBe(true);
      if (now === a) seen.a++;
      else seen.b++;
      const backup = await readFile(`${file}.bak`, 'utf8');
      expect(backup === a || backup === b, `kill ${kill}: the backup is a mix`).toBe(true);
      if (backup === a) seen.backupA++;
      else seen.backupB++;
      if ((await readdir(dir)).some((name) => name.endsWith('.tmp'))) seen.orphans++;
    }
    // The next write, by a live process, leaves no temp file of the dead ones.
    await writeFileAtomic(file, new TextEncoder().encode(a), { backup: true });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    console.log(`interrupted writes: ${JSON.stringify(seen)}`);
    // Kills landed on both versions (the test did interrupt writes in flight).
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
  }, 600_000);
});
