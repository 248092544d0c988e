// Several processes editing one phonebook at once (two CLI windows, the app and a script):
// every edit a process was told was saved is in the file at the end. Each child does EDITS
// read-modify-write cycles through the simulated backend's phonebook, as the CLI does.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePbkOrThrow } from '../../app/phonebook/pbk-codec';

const PROCESSES = 4;
const EDITS = 50;

let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true }));

function run(child: string, args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    p.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    p.once('error', reject);
    p.once('exit', (code) =>
      code === 0
        ? resolve(out.split('\n').filter((line) => line.startsWith('saved ')))
        : reject(new Error(`writer ${args[1]} failed (${code}): ${err}`)),
    );
  });
}

describe('phonebook edits from several processes at once', () => {
  it(`keeps every edit reported as saved (${PROCESSES} processes × ${EDITS} edits)`, async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ras-edits-'));
    const child = path.join(dir, 'edit-child.cjs');
    buildSync({
      entryPoints: [path.join(import.meta.dirname, 'edit-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: child,
      logLevel: 'silent',
    });
    const file = path.join(dir, 'rasphone.pbk');
    await writeFile(file, '[Existing]\r\nPhoneNumber=1\r\n');

    const reports = await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) => run(child, [file, String(i), String(EDITS)])),
    );
    const saved = reports.flat().map((line) => line.slice('saved '.length));
    expect(saved).toHaveLength(PROCESSES * EDITS);
    const names = new Set(
      parsePbkOrThrow(await readFile(file, 'utf8')).sections.map((s) => s.name),
    );
    const lost = saved.filter((name) => !names.has(name));
    expect(lost, `${lost.length} of ${saved.length} saved edits were lost`).toEqual([]);
    expect(names.size).toBe(PROCESSES * EDITS + 1);
    // No lock or temp file is left behind.
    expect((await readdir(dir)).sort()).toEqual([
      'edit-child.cjs',
      'rasphone.pbk',
      'rasphone.pbk.bak',
    ]);
  }, 60_000);
});
