// Electronegativity over the shipped sources, read from its SARIF report against the reviewed
// allow-list (npm run security prints the same); and proof that the reading catches findings.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { securityCheck } from '../../scripts/security-check.mjs';

interface Finding {
  rule: string;
  file: string;
  code: string;
}
interface Result {
  findings: Finding[];
  unexplained: Finding[];
  stale: Finding[];
  parseErrors: { file: string; message: string }[];
}
const check = securityCheck as (options: {
  from?: string;
  sources?: string[];
  allowList: string;
  sarif: string;
}) => Promise<Result>;

const root = path.resolve(import.meta.dirname, '../..');
const scratch = await mkdtemp(path.join(tmpdir(), 'ras-security-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('Electronegativity', () => {
  it('finds nothing in the shipped sources that the allow-list does not explain', async () => {
    const result = await check({
      allowList: path.join(root, 'security/electronegativity-allow.json'),
      sarif: path.join(scratch, 'sources.sarif'),
    });
    expect(result.parseErrors).toEqual([]);
    expect(result.unexplained).toEqual([]);
    expect(result.stale).toEqual([]);
    // The allow-list's checks did run: a clean report would mean nothing was read.
    expect(result.findings.length).toBeGreaterThan(0);
  }, 60_000);

  it('reports a window with Node in its page, and allow-list entries that match nothing', async () => {
    const from = path.join(scratch, 'bad');
    await mkdir(path.join(from, 'main'), { recursive: true });
    await writeFile(
      path.join(from, 'main/window.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const size = { width: 640 } satisfies { width: number };',
        'export const open = (): BrowserWindow =>',
        '  new BrowserWindow({ ...size, webPreferences: { nodeIntegration: true } });',
      ].join('\n'),
    );
    const allowList = path.join(scratch, 'allow.json');
    const gone = { rule: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/gone.ts', code: 'x', reason: 'r' };
    await writeFile(allowList, JSON.stringify({ allowed: [gone] }));
    const result = await check({
      from,
      sources: ['main'],
      allowList,
      sarif: path.join(scratch, 'bad.sarif'),
    });
    expect(result.unexplained).toContainEqual(
      expect.objectContaining({
        rule: 'NODE_INTEGRATION_JS_CHECK',
        file: 'main/window.ts',
        code: 'new BrowserWindow({ ...size, webPreferences: { nodeIntegration: true } });',
      }),
    );
    expect(result.stale).toEqual([gone]);
  }, 60_000);
});
