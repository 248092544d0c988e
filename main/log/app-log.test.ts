import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppLog } from './app-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const linesOf = (file: string): string[] =>
  existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];

describe('the app log shared by the window and ras-connect', () => {
  it('two writers keep the bound and lose nothing newer than the moved-aside file', () => {
    const max = 1000;
    // Two processes' logs: each counts only what it wrote itself.
    const window = new AppLog(dir, undefined, max);
    const cli = new AppLog(dir, undefined, max);
    const written: string[] = [];
    for (let i = 0; i < 60; i++) {
      const message = `line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`;
      (i % 3 === 0 ? cli : window).write('info', message);
      written.push(message);
      expect(readFileSync(window.file).length).toBeLessThanOrEqual(max);
    }
    const kept = [...linesOf(`${window.file}.1`), ...linesOf(window.file)].map((l) =>
      l.replace(/^\S+ INFO /, ''),
    );
    // What is kept is the newest lines, in order, without a gap.
    expect(kept).toEqual(written.slice(written.length - kept.length));
    expect(kept.length).toBeGreaterThan(max / 100);
  });
});
