// Dials made with ras-connect land in the data folder's history and log, where the window's
// core reads them: the window and the CLI show the same past.

import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../app/ipc/contract';
import { createCore } from '../../main/app-core';
import { HistoryStore } from '../../main/history/history-store';
import { LOG_FILE } from '../../main/log/app-log';
import { runCliIn } from '../support/cli-run';

const root = path.resolve(import.meta.dirname, '../..');

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-history-'));
});
afterEach(() => rm(home, { recursive: true, force: true, maxRetries: 10 }));

/** The app's core over the same data folder as the ras-connect processes. */
const coreIn = (dataDir: string) =>
  createCore({
    dataDir,
    backend: 'simulated',
    speed: 0,
    version: '1.2.3',
    platform: 'linux',
    log: () => undefined,
  });

describe('ras-connect writes the shared history and log', () => {
  it('a failed and a held dial are in the core history list and in the log', async () => {
    expect((await runCliIn(home, ['Busy line', 'alice', 'Pw-9z:k'])).code).toBe(1);
    expect((await runCliIn(home, ['Office VPN', 'alice', 'Pw-9z:k', '--hold', '0'])).code).toBe(0);

    const core = await coreIn(home);
    try {
      const records = await core.history.list();
      expect(records.map((r) => [r.entryName, r.outcome])).toEqual([
        ['Office VPN', 'connected'],
        ['Busy line', 'failed'],
      ]);
      expect(records[1]!.error).toMatchObject({ code: 676 });
    } finally {
      core.dispose();
    }

    const log = await readFile(path.join(home, LOG_FILE), 'utf8');
    expect(log).toMatch(/INFO Busy line \(.*\): disconnected: 676/);
    expect(log).toMatch(/INFO Office VPN \(.*\): connected/);
    expect(log).not.toContain('Pw-9z:k');
  });

  it('a password answered in advance is not in the log', async () => {
    await runCliIn(home, [
      'Office VPN',
      'alice',
      'wrong',
      '--answer',
      'password=s:cr:t',
      '--hold',
      '0',
    ]);
    const log = await readFile(path.join(home, LOG_FILE), 'utf8');
    expect(log).toContain('paused for retry-authentication');
    expect(log).not.toContain('s:cr:t');
  });
});

describe('one history written by several processes', () => {
  it('a core that has read the history already lists a dial ras-connect made since', async () => {
    const core = await coreIn(home);
    try {
      expect(await core.history.list()).toEqual([]);
      await runCliIn(home, ['Busy line', 'alice', 'x']);
      expect((await core.history.list()).map((r) => r.entryName)).toEqual(['Busy line']);
    } finally {
      core.dispose();
    }
  });

  it('two processes appending past the bound lose nothing they should keep', async () => {
    // A real record as the template, whatever fields a record has.
    await runCliIn(home, ['Busy line', 'alice', 'x']);
    const history = path.join(home, 'history.jsonl');
    await writeFile(path.join(home, 'template.json'), (await readFile(history, 'utf8')).trim());
    await rm(history);
    const count = 300;
    const max = 5;
    const run = (tag: string) =>
      new Promise<string>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'tests/cli/support/append-history.ts',
            home,
            tag,
            `${count}`,
            `${max}`,
          ],
          { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('close', () => resolve(err));
      });
    const runs = Promise.all([run('a'), run('b')]);
    const ready = () =>
      Promise.all(['a', 'b'].map((t) => access(path.join(home, `ready-${t}`)))).then(
        () => true,
        () => false,
      );
    while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 10));
    await writeFile(path.join(home, 'go'), '');
    expect(await runs).toEqual(['', '']);

    // One process making the same number of appends keeps this many lines.
    const alone = await mkdtemp(path.join(tmpdir(), 'ras-cli-history-alone-'));
    try {
      const reference = new HistoryStore(alone, undefined, max);
      const template = JSON.parse(
        await readFile(path.join(home, 'template.json'), 'utf8'),
      ) as HistoryRecord;
      for (let i = 0; i < 2 * count; i++) await reference.add({ ...template, id: `r${i}` });
      const expected = (await readFile(reference.file, 'utf8')).trim().split('\n').length;

      const lines = (await readFile(history, 'utf8')).trim().split('\n');
      const ids = lines.map((l) => (JSON.parse(l) as HistoryRecord).id);
      expect(ids).toHaveLength(expected);
      expect(new Set(ids).size).toBe(ids.length);
      // The newest of all are kept: of each process, its last ones, without a gap.
      for (const tag of ['a', 'b']) {
        const mine = ids.filter((id) => id.startsWith(`${tag}-`)).map((id) => Number(id.slice(2)));
        if (mine.length > 0) expect(mine).toEqual(mine.map((_, i) => mine[0]! + i));
      }
      expect(ids.some((id) => id === `a-${count}` || id === `b-${count}`)).toBe(true);
    } finally {
      await rm(alone, { recursive: true, force: true });
    }
  }, 60_000);
});
