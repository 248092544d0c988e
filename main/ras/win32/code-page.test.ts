// GetACP through koffi, against a one-function stand-in for kernel32 built with the system C
// compiler (the binding is the same call on Windows).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ansiCodePage } from './code-page';

const dir = mkdtempSync(path.join(tmpdir(), 'ras-getacp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kernel32Returning(codePage: number): string {
  const source = path.join(dir, `getacp-${codePage}.c`);
  const library = path.join(dir, `libgetacp-${codePage}.so`);
  writeFileSync(source, `unsigned int GetACP(void) { return ${codePage}u; }\n`);
  execFileSync(process.env.CC ?? 'cc', ['-shared', '-fPIC', '-o', library, source]);
  return library;
}

describe.skipIf(process.platform === 'win32')("the system's ANSI code page", () => {
  it('is what GetACP answers', () => {
    expect(ansiCodePage(kernel32Returning(1251))).toBe(1251);
    expect(ansiCodePage(kernel32Returning(936))).toBe(936);
  });

  it('is null where there is no kernel32', () => {
    expect(ansiCodePage(path.join(dir, 'missing.so'))).toBeNull();
    expect(ansiCodePage()).toBeNull();
  });
});
