import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RAS_ERRORS, AppError, RasError, describeError, toErrorInfo } from './errors';

// §7.3 of the shared RAS reference, copied into the repository (see the fixture's header).
function referenceErrors(): { code: number; name: string }[] {
  const text = readFileSync(
    new URL('../../tests/fixtures/ras-reference/ras-errors-600-878.md', import.meta.url),
    'utf8',
  );
  const start = text.indexOf('### 7.3 Complete RAS range (600–878)');
  const end = text.indexOf('<!-- prettier-ignore-end -->');
  if (start < 0 || end < start) throw new Error('the fixture lacks the §7.3 table');
  const section = text.slice(start, end);
  return [...section.matchAll(/^\| (\d+) \| (\w+) \|/gm)].map((m) => ({
    code: Number(m[1]),
    name: m[2]!,
  }));
}

describe('error codes', () => {
  it('has every code of the RAS range with the reference constant name, a message and a remedy', () => {
    const reference = referenceErrors();
    expect(reference).toHaveLength(279);
    for (const r of reference) {
      const info = describeError(r.code);
      expect(info.name, String(r.code)).toBe(r.name);
      expect(info.source).toBe('ras');
      expect(info.message.length).toBeGreaterThan(5);
      expect(info.remedy.length).toBeGreaterThan(5);
    }
    expect(ALL_RAS_ERRORS).toHaveLength(279);
  });

  it('gives the remedies the reference suggests for the common codes', () => {
    expect(describeError(676).remedy).toMatch(/alternate/);
    expect(describeError(691).remedy).toMatch(/password/);
    expect(describeError(868).remedy).toMatch(/host name/);
    expect(describeError(633).remedy).toMatch(/wait/i);
  });

  it('knows the Win32 codes the API returns and the IKE range', () => {
    for (const [code, name] of [
      [5, 'ERROR_ACCESS_DENIED'],
      [6, 'ERROR_INVALID_HANDLE'],
      [8, 'ERROR_NOT_ENOUGH_MEMORY'],
      [87, 'ERROR_INVALID_PARAMETER'],
      [122, 'ERROR_INSUFFICIENT_BUFFER'],
      [123, 'ERROR_INVALID_NAME'],
      [183, 'ERROR_ALREADY_EXISTS'],
      [1784, 'ERROR_INVALID_USER_BUFFER'],
      [13801, 'ERROR_IPSEC_IKE_AUTH_FAIL'],
    ] as const) {
      expect(describeError(code).name).toBe(name);
      expect(describeError(code).source).not.toBe('unknown');
    }
    expect(describeError(13850)).toMatchObject({ source: 'ipsec', name: 'ERROR_IPSEC_IKE_13850' });
  });

  it('keeps an unknown code visible', () => {
    expect(describeError(4242)).toMatchObject({
      code: 4242,
      name: 'ERROR_4242',
      source: 'unknown',
    });
    expect(describeError(4242).message).toContain('4242');
  });

  it('turns thrown errors into data', () => {
    expect(toErrorInfo(new RasError(676))).toMatchObject({
      code: 676,
      name: 'ERROR_LINE_BUSY',
      source: 'ras',
    });
    expect(toErrorInfo(new RasError(623, '("X")')).message).toContain('("X")');
    expect(toErrorInfo(new AppError('ALREADY_ACTIVE', 'busy'))).toMatchObject({
      code: 'ALREADY_ACTIVE',
      message: 'busy',
    });
    expect(toErrorInfo(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
  });
});
