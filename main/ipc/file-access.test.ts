import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialogPaths, documentsFolder, resolveTyped } from './file-access';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const home = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'ras-home-'));
  dirs.push(d);
  return d;
};

describe('a typed path (browser mode)', () => {
  it('starts in the documents folder, or home without one, never in the server’s folder', () => {
    const h = home();
    expect(documentsFolder(h)).toBe(h);
    expect(resolveTyped('out.pbk', h)).toBe(path.join(h, 'out.pbk'));
    mkdirSync(path.join(h, 'Documents'));
    expect(resolveTyped('out.pbk', h)).toBe(path.join(h, 'Documents', 'out.pbk'));
    expect(resolveTyped('~/x/out.pbk', h)).toBe(path.join(h, 'x', 'out.pbk'));
    expect(resolveTyped('/abs/out.pbk', h)).toBe('/abs/out.pbk');
  });

  it('leaves a path the system dialog gave as it is', () => {
    expect(dialogPaths(async () => null).resolve('relative.pbk')).toBe('relative.pbk');
  });
});
