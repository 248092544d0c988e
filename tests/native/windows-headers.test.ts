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
import { ADAPTER_OFFSETS } from '../../main/ras/win32/adapter-dns';
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
const NOT_IN_HEADER = new Set([
  'GUID',
  'LUID',
  'RASTUNNELENDPOINT',
  'RASDEVSPECIFICINFO',
  'RASIPV4ADDR',
  'RASIPV6ADDR',
]);

/**
 * mingw-w64's ras.h stops before RasGetProjectionInfoEx's structs: they are declared here member
 * by member as the Windows SDK's ras.h has them (DotRas/DotRas:includes/um/Ras.h, WINVER 0x601),
 * under ras.h's pack(4) and with mingw's in_addr / in6_addr, so the compiler lays them out.
 */
const SDK_PROJECTION_STRUCTS = `
#include <pshpack4.h>
typedef struct _RASPPP_PROJECTION_INFO {
  DWORD dwIPv4NegotiationError; RASIPV4ADDR ipv4Address; RASIPV4ADDR ipv4ServerAddress;
  DWORD dwIPv4Options; DWORD dwIPv4ServerOptions;
  DWORD dwIPv6NegotiationError; BYTE bInterfaceIdentifier[8]; BYTE bServerInterfaceIdentifier[8];
  BOOL fBundled; BOOL fMultilink; DWORD dwAuthenticationProtocol; DWORD dwAuthenticationData;
  DWORD dwServerAuthenticationProtocol; DWORD dwServerAuthenticationData; DWORD dwEapTypeId;
  DWORD dwServerEapTypeId; DWORD dwLcpOptions; DWORD dwLcpServerOptions;
  DWORD dwCcpError; DWORD dwCcpCompressionAlgorithm; DWORD dwCcpServerCompressionAlgorithm;
  DWORD dwCcpOptions; DWORD dwCcpServerOptions;
} RASPPP_PROJECTION_INFO;
typedef struct _RASIKEV2_PROJECTION_INFO {
  DWORD dwIPv4NegotiationError; RASIPV4ADDR ipv4Address; RASIPV4ADDR ipv4ServerAddress;
  DWORD dwIPv6NegotiationError; RASIPV6ADDR ipv6Address; RASIPV6ADDR ipv6ServerAddress;
  DWORD dwPrefixLength; DWORD dwAuthenticationProtocol; DWORD dwEapTypeId; DWORD dwFlags;
  DWORD dwEncryptionMethod; DWORD numIPv4ServerAddresses; RASIPV4ADDR *ipv4ServerAddresses;
  DWORD numIPv6ServerAddresses; RASIPV6ADDR *ipv6ServerAddresses;
} RASIKEV2_PROJECTION_INFO;
typedef enum _RASPROJECTION_INFO_TYPE { PROJECTION_INFO_TYPE_PPP = 1, PROJECTION_INFO_TYPE_IKEv2 } RASPROJECTION_INFO_TYPE;
typedef struct _RAS_PROJECTION_INFO {
  RASAPIVERSION version; RASPROJECTION_INFO_TYPE type;
  union { RASPPP_PROJECTION_INFO ppp; RASIKEV2_PROJECTION_INFO ikev2; } projection;
} RAS_PROJECTION_INFO;
#include <poppack.h>
_Static_assert(sizeof(RASIPV4ADDR) == 4 && sizeof(RASIPV6ADDR) == 16, "in_addr, in6_addr");
_Static_assert(RASAPIVERSION_601 == 4, "RASAPIVERSION_CURRENT is RASAPIVERSION_601 (4)");
`;

function staticAsserts(arch: Arch): string {
  const lines = [
    '#define _WIN32_WINNT 0x0601',
    '#define WINVER 0x0601',
    '#include <windows.h>',
    '#include <ras.h>',
    '#include <stddef.h>',
    SDK_PROJECTION_STRUCTS,
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

  it.each(Object.entries(compilers) as [Arch, string][])(
    '%s: the offsets the DNS reader walks match iptypes.h',
    (arch, compiler) => {
      const o = ADAPTER_OFFSETS[arch];
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'ras-layout-')), `iptypes-${arch}.c`);
      const asserts: [string, string, number][] = [
        ['IP_ADAPTER_ADDRESSES', 'Next', o.next],
        ['IP_ADAPTER_ADDRESSES', 'FirstDnsServerAddress', o.firstDnsServer],
        ['IP_ADAPTER_ADDRESSES', 'FriendlyName', o.friendlyName],
        ['IP_ADAPTER_DNS_SERVER_ADDRESS', 'Next', o.dnsNext],
        ['IP_ADAPTER_DNS_SERVER_ADDRESS', 'Address.lpSockaddr', o.sockaddr],
        ['SOCKADDR_IN', 'sin_addr', 4],
        ['SOCKADDR_IN6', 'sin6_addr', 8],
      ];
      writeFileSync(
        file,
        [
          '#include <winsock2.h>',
          '#include <ws2tcpip.h>',
          '#include <iphlpapi.h>',
          '#include <stddef.h>',
          '_Static_assert(AF_INET6 == 23, "Windows AF_INET6");',
          ...asserts.map(
            ([type, field, at]) =>
              `_Static_assert(offsetof(${type}, ${field}) == ${at}, "${arch} ${type}.${field} at ${at}");`,
          ),
          '',
        ].join('\n'),
      );
      expect(() =>
        execFileSync(compiler, ['-fsyntax-only', '-Wall', file], {
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ).not.toThrow();
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
