// The declared layouts against Windows' own ras.h: a C file of _Static_asserts compiled by
// mingw-w64 for x86_64 and i686 (Debian's gcc-mingw-w64). It compiles only when every
// number matches. mingw's ras.h stops some structs at an older layout (§9, pitfall 2): for
// those, the fields it has must sit where we declare them and its size must end exactly
// where our first newer field begins.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeLayout, STRUCTS, type Arch } from '../../main/ras/win32/struct-layout';

/** Members the mingw-w64 header does not declare (newer than its layouts), by struct. */
const NEWER_THAN_MINGW: Record<string, string[]> = {
  RASCONNW: ['guidCorrelationId'],
  RASCONNSTATUSW: ['localEndPoint', 'remoteEndPoint', 'rasconnsubstate'],
  RASDIALEXTENSIONS: ['fSkipPppAuth', 'RasDevSpecificInfo'],
  RASENTRYW: [
    'ipv6addrDns',
    'ipv6addrDnsAlt',
    'dwIPv4InterfaceMetric',
    'dwIPv6InterfaceMetric',
    'ipv6addr',
    'dwIPv6PrefixLength',
    'dwNetworkOutageTime',
    'szIDi',
    'szIDr',
    'fIsImsConfig',
    'IdiType',
    'IdrType',
    'fDisableIKEv2Fragmentation',
  ],
  RASDIALPARAMSW: ['szEncPassword'],
};
/** Our own helper types that ras.h spells differently or not at all. */
const NOT_IN_HEADER = new Set(['GUID', 'LUID', 'RASTUNNELENDPOINT', 'RASDEVSPECIFICINFO']);

function staticAsserts(arch: Arch): string {
  const lines = [
    '#define _WIN32_WINNT 0x0601',
    '#define WINVER 0x0601',
    '#include <windows.h>',
    '#include <ras.h>',
    '#include <stddef.h>',
    '',
  ];
  for (const spec of STRUCTS) {
    if (NOT_IN_HEADER.has(spec.name)) continue;
    const layout = computeLayout(spec, arch);
    const newer = NEWER_THAN_MINGW[spec.name] ?? [];
    for (const field of spec.fields) {
      if (newer.includes(field.name)) continue;
      lines.push(
        `_Static_assert(offsetof(${spec.name}, ${field.name}) == ${layout.offsets[field.name]}, "${arch} ${spec.name}.${field.name} at ${layout.offsets[field.name]}");`,
      );
    }
    const size = newer.length > 0 ? layout.offsets[newer[0]!]! : layout.size;
    lines.push(
      `_Static_assert(sizeof(${spec.name}) == ${size}, "${arch} sizeof ${spec.name} == ${size}");`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const compilers: Record<Arch, string> = {
  x64: 'x86_64-w64-mingw32-gcc',
  ia32: 'i686-w64-mingw32-gcc',
};

describe("declared layouts against Windows' ras.h (mingw-w64)", () => {
  it.each(Object.entries(compilers) as [Arch, string][])(
    '%s: every size and offset matches',
    (arch, compiler) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ras-layout-'));
      const file = path.join(dir, `layout-${arch}.c`);
      writeFileSync(file, staticAsserts(arch));
      const run = () =>
        execFileSync(compiler, ['-fsyntax-only', '-Wall', file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      expect(run).not.toThrow();
      expect(staticAsserts(arch).match(/_Static_assert/g)!.length).toBeGreaterThan(100);
    },
  );

  it('fails when a number is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ras-layout-'));
    const file = path.join(dir, 'wrong.c');
    writeFileSync(
      file,
      staticAsserts('x64').replace(
        'offsetof(RASCONNW, hrasconn) == 4',
        'offsetof(RASCONNW, hrasconn) == 8',
      ),
    );
    expect(() =>
      execFileSync(compilers.x64, ['-fsyntax-only', file], { stdio: ['ignore', 'pipe', 'pipe'] }),
    ).toThrow(/hrasconn/);
  });
});
