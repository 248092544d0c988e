// The RAS structs as data: one description serves the koffi declarations, the layout report
// (npm run ras:layout) and the C file of static asserts that checks them against Windows'
// own ras.h. ras.h packs every struct to 4 bytes (shared/ras-reference.md §5.1), so a
// pointer-sized member after a DWORD sits at offset 4 mod 8 on x64.

export type Arch = 'x64' | 'ia32';

export type FieldType =
  | { kind: 'u32' }
  | { kind: 'i32' }
  | { kind: 'u16' }
  | { kind: 'u8' }
  /** Pointer-sized: HRASCONN, HWND, BYTE*, ULONG_PTR. */
  | { kind: 'ptr'; c: string }
  /** WCHAR[n]. */
  | { kind: 'wchar'; length: number }
  | { kind: 'bytes'; length: number; align: number }
  | { kind: 'struct'; name: string }
  /** An anonymous union of declared structs: as large and as aligned as its largest member. */
  | { kind: 'union'; members: Record<string, string> };

export interface FieldSpec {
  name: string;
  type: FieldType;
}

export interface StructSpec {
  name: string;
  fields: FieldSpec[];
  /** The header version of the layout we declare, for the report. */
  winver: string;
}

const u32: FieldType = { kind: 'u32' };
const i32: FieldType = { kind: 'i32' };
const u16: FieldType = { kind: 'u16' };
const wchar = (length: number): FieldType => ({ kind: 'wchar', length });
const ptr = (c: string): FieldType => ({ kind: 'ptr', c });
const sub = (name: string): FieldType => ({ kind: 'struct', name });
const f = (name: string, type: FieldType): FieldSpec => ({ name, type });

/** Every struct the backend uses, in the Windows 7 (0x601) layouts of §5.4. */
export const STRUCTS: StructSpec[] = [
  {
    name: 'GUID',
    winver: '-',
    fields: [
      f('Data1', u32),
      f('Data2', u16),
      f('Data3', u16),
      f('Data4', { kind: 'bytes', length: 8, align: 1 }),
    ],
  },
  { name: 'LUID', winver: '-', fields: [f('LowPart', u32), f('HighPart', i32)] },
  {
    name: 'RASTUNNELENDPOINT',
    winver: '0x601',
    fields: [f('dwType', u32), f('addr', { kind: 'bytes', length: 16, align: 4 })],
  },
  {
    // in_addr and in6_addr, as ras.h's RASIPV4ADDR and RASIPV6ADDR (WINVER 0x600).
    name: 'RASIPV4ADDR',
    winver: '0x600',
    fields: [f('addr', { kind: 'bytes', length: 4, align: 4 })],
  },
  {
    name: 'RASIPV6ADDR',
    winver: '0x600',
    fields: [f('addr', { kind: 'bytes', length: 16, align: 2 })],
  },
  {
    name: 'RASEAPINFO',
    winver: '0x500',
    fields: [f('dwSizeofEapInfo', u32), f('pbEapInfo', ptr('BYTE *'))],
  },
  {
    name: 'RASDEVSPECIFICINFO',
    winver: '0x601',
    fields: [f('dwSize', u32), f('pbDevSpecificInfo', ptr('BYTE *'))],
  },
  {
    name: 'RASCONNW',
    winver: '0x600',
    fields: [
      f('dwSize', u32),
      f('hrasconn', ptr('HRASCONN')),
      f('szEntryName', wchar(257)),
      f('szDeviceType', wchar(17)),
      f('szDeviceName', wchar(129)),
      f('szPhonebook', wchar(260)),
      f('dwSubEntry', u32),
      f('guidEntry', sub('GUID')),
      f('dwFlags', u32),
      f('luid', sub('LUID')),
      f('guidCorrelationId', sub('GUID')),
    ],
  },
  {
    name: 'RASCONNSTATUSW',
    winver: '0x601',
    fields: [
      f('dwSize', u32),
      f('rasconnstate', i32),
      f('dwError', u32),
      f('szDeviceType', wchar(17)),
      f('szDeviceName', wchar(129)),
      f('szPhoneNumber', wchar(129)),
      f('localEndPoint', sub('RASTUNNELENDPOINT')),
      f('remoteEndPoint', sub('RASTUNNELENDPOINT')),
      f('rasconnsubstate', i32),
    ],
  },
  {
    name: 'RASDIALPARAMSW',
    winver: '0x602',
    fields: [
      f('dwSize', u32),
      f('szEntryName', wchar(257)),
      f('szPhoneNumber', wchar(129)),
      f('szCallbackNumber', wchar(129)),
      f('szUserName', wchar(257)),
      f('szPassword', wchar(257)),
      f('szDomain', wchar(16)),
      f('dwSubEntry', u32),
      f('dwCallbackId', ptr('ULONG_PTR')),
      f('dwIfIndex', u32),
      // Windows 8 (0x602): sent as NULL; older systems refuse the size, and the next is tried.
      f('szEncPassword', ptr('LPWSTR')),
    ],
  },
  {
    name: 'RASDIALEXTENSIONS',
    winver: '0x601',
    fields: [
      f('dwSize', u32),
      f('dwfOptions', u32),
      f('hwndParent', ptr('HWND')),
      f('reserved', ptr('ULONG_PTR')),
      f('reserved1', ptr('ULONG_PTR')),
      f('RasEapInfo', sub('RASEAPINFO')),
      f('fSkipPppAuth', i32),
      f('RasDevSpecificInfo', sub('RASDEVSPECIFICINFO')),
    ],
  },
  {
    name: 'RASENTRYNAMEW',
    winver: '0x500',
    fields: [
      f('dwSize', u32),
      f('szEntryName', wchar(257)),
      f('dwFlags', u32),
      f('szPhonebookPath', wchar(261)),
    ],
  },
  {
    name: 'RASCREDENTIALSW',
    winver: '-',
    fields: [
      f('dwSize', u32),
      f('dwMask', u32),
      f('szUserName', wchar(257)),
      f('szPassword', wchar(257)),
      f('szDomain', wchar(16)),
    ],
  },
  {
    name: 'RASDEVINFOW',
    winver: '-',
    fields: [f('dwSize', u32), f('szDeviceType', wchar(17)), f('szDeviceName', wchar(129))],
  },
  {
    name: 'RAS_STATS',
    winver: '0x500',
    fields: [
      'dwSize',
      'dwBytesXmited',
      'dwBytesRcved',
      'dwFramesXmited',
      'dwFramesRcved',
      'dwCrcErr',
      'dwTimeoutErr',
      'dwAlignmentErr',
      'dwHardwareOverrunErr',
      'dwFramingErr',
      'dwBufferOverrunErr',
      'dwCompressionRatioIn',
      'dwCompressionRatioOut',
      'dwBps',
      'dwConnectDuration',
    ].map((name) => f(name, u32)),
  },
  {
    name: 'RASENTRYW',
    winver: '0xA00',
    fields: [
      f('dwSize', u32),
      f('dwfOptions', u32),
      f('dwCountryID', u32),
      f('dwCountryCode', u32),
      f('szAreaCode', wchar(11)),
      f('szLocalPhoneNumber', wchar(129)),
      f('dwAlternateOffset', u32),
      f('ipaddr', { kind: 'bytes', length: 4, align: 1 }),
      f('ipaddrDns', { kind: 'bytes', length: 4, align: 1 }),
      f('ipaddrDnsAlt', { kind: 'bytes', length: 4, align: 1 }),
      f('ipaddrWins', { kind: 'bytes', length: 4, align: 1 }),
      f('ipaddrWinsAlt', { kind: 'bytes', length: 4, align: 1 }),
      f('dwFrameSize', u32),
      f('dwfNetProtocols', u32),
      f('dwFramingProtocol', u32),
      f('szScript', wchar(260)),
      f('szAutodialDll', wchar(260)),
      f('szAutodialFunc', wchar(260)),
      f('szDeviceType', wchar(17)),
      f('szDeviceName', wchar(129)),
      f('szX25PadType', wchar(33)),
      f('szX25Address', wchar(201)),
      f('szX25Facilities', wchar(201)),
      f('szX25UserData', wchar(201)),
      f('dwChannels', u32),
      f('dwReserved1', u32),
      f('dwReserved2', u32),
      f('dwSubEntries', u32),
      f('dwDialMode', u32),
      f('dwDialExtraPercent', u32),
      f('dwDialExtraSampleSeconds', u32),
      f('dwHangUpExtraPercent', u32),
      f('dwHangUpExtraSampleSeconds', u32),
      f('dwIdleDisconnectSeconds', u32),
      f('dwType', u32),
      f('dwEncryptionType', u32),
      f('dwCustomAuthKey', u32),
      f('guidId', sub('GUID')),
      f('szCustomDialDll', wchar(260)),
      f('dwVpnStrategy', u32),
      f('dwfOptions2', u32),
      f('dwfOptions3', u32),
      f('szDnsSuffix', wchar(256)),
      f('dwTcpWindowSize', u32),
      f('szPrerequisitePbk', wchar(260)),
      f('szPrerequisiteEntry', wchar(257)),
      f('dwRedialCount', u32),
      f('dwRedialPause', u32),
      f('ipv6addrDns', { kind: 'bytes', length: 16, align: 2 }),
      f('ipv6addrDnsAlt', { kind: 'bytes', length: 16, align: 2 }),
      f('dwIPv4InterfaceMetric', u32),
      f('dwIPv6InterfaceMetric', u32),
      f('ipv6addr', { kind: 'bytes', length: 16, align: 2 }),
      f('dwIPv6PrefixLength', u32),
      f('dwNetworkOutageTime', u32),
      // Windows 10 (0xA00): IKEv2 identities and fragmentation. Not shown, but read and written
      // back whole, so a save never resets what Windows keeps there.
      f('szIDi', wchar(257)),
      f('szIDr', wchar(257)),
      f('fIsImsConfig', i32),
      f('IdiType', u32),
      f('IdrType', u32),
      f('fDisableIKEv2Fragmentation', i32),
    ],
  },
  // RasGetProjectionInfoEx (Windows 7, 0x601), member by member as the Windows SDK's ras.h
  // declares them (DotRas/DotRas:includes/um/Ras.h); mingw-w64's ras.h has none of the three.
  {
    name: 'RASPPP_PROJECTION_INFO',
    winver: '0x601',
    fields: [
      f('dwIPv4NegotiationError', u32),
      f('ipv4Address', sub('RASIPV4ADDR')),
      f('ipv4ServerAddress', sub('RASIPV4ADDR')),
      f('dwIPv4Options', u32),
      f('dwIPv4ServerOptions', u32),
      f('dwIPv6NegotiationError', u32),
      f('bInterfaceIdentifier', { kind: 'bytes', length: 8, align: 1 }),
      f('bServerInterfaceIdentifier', { kind: 'bytes', length: 8, align: 1 }),
      f('fBundled', i32),
      f('fMultilink', i32),
      f('dwAuthenticationProtocol', u32),
      f('dwAuthenticationData', u32),
      f('dwServerAuthenticationProtocol', u32),
      f('dwServerAuthenticationData', u32),
      f('dwEapTypeId', u32),
      f('dwServerEapTypeId', u32),
      f('dwLcpOptions', u32),
      f('dwLcpServerOptions', u32),
      f('dwCcpError', u32),
      f('dwCcpCompressionAlgorithm', u32),
      f('dwCcpServerCompressionAlgorithm', u32),
      f('dwCcpOptions', u32),
      f('dwCcpServerOptions', u32),
    ],
  },
  {
    name: 'RASIKEV2_PROJECTION_INFO',
    winver: '0x601',
    fields: [
      f('dwIPv4NegotiationError', u32),
      f('ipv4Address', sub('RASIPV4ADDR')),
      f('ipv4ServerAddress', sub('RASIPV4ADDR')),
      f('dwIPv6NegotiationError', u32),
      f('ipv6Address', sub('RASIPV6ADDR')),
      f('ipv6ServerAddress', sub('RASIPV6ADDR')),
      f('dwPrefixLength', u32),
      f('dwAuthenticationProtocol', u32),
      f('dwEapTypeId', u32),
      f('dwFlags', u32),
      f('dwEncryptionMethod', u32),
      // The server's other addresses (MOBIKE): arrays RAS puts after the struct, in the same buffer.
      f('numIPv4ServerAddresses', u32),
      f('ipv4ServerAddresses', ptr('RASIPV4ADDR *')),
      f('numIPv6ServerAddresses', u32),
      f('ipv6ServerAddresses', ptr('RASIPV6ADDR *')),
    ],
  },
  {
    name: 'RAS_PROJECTION_INFO',
    winver: '0x601',
    fields: [
      // RASAPIVERSION and RASPROJECTION_INFO_TYPE: enums, 4 bytes.
      f('version', u32),
      f('type', u32),
      f('projection', {
        kind: 'union',
        members: { ppp: 'RASPPP_PROJECTION_INFO', ikev2: 'RASIKEV2_PROJECTION_INFO' },
      }),
    ],
  },
];

export const STRUCT_BY_NAME = new Map(STRUCTS.map((s) => [s.name, s]));

export interface Layout {
  size: number;
  align: number;
  offsets: Record<string, number>;
}

const PACK = 4;

function fieldLayout(type: FieldType, arch: Arch): { size: number; align: number } {
  switch (type.kind) {
    case 'u32':
    case 'i32':
      return { size: 4, align: 4 };
    case 'u16':
      return { size: 2, align: 2 };
    case 'u8':
      return { size: 1, align: 1 };
    case 'ptr':
      return arch === 'x64' ? { size: 8, align: 8 } : { size: 4, align: 4 };
    case 'wchar':
      return { size: 2 * type.length, align: 2 };
    case 'bytes':
      return { size: type.length, align: type.align };
    case 'struct': {
      const layout = computeLayout(STRUCT_BY_NAME.get(type.name)!, arch);
      return { size: layout.size, align: layout.align };
    }
    case 'union': {
      const layouts = Object.values(type.members).map((name) =>
        computeLayout(STRUCT_BY_NAME.get(name)!, arch),
      );
      return {
        size: Math.max(...layouts.map((l) => l.size)),
        align: Math.max(...layouts.map((l) => l.align)),
      };
    }
  }
}

/** Offsets and size as a C compiler lays the struct out under #pragma pack(4). */
export function computeLayout(spec: StructSpec, arch: Arch): Layout {
  let offset = 0;
  let structAlign = 1;
  const offsets: Record<string, number> = {};
  for (const field of spec.fields) {
    const { size, align } = fieldLayout(field.type, arch);
    const effective = Math.min(align, PACK);
    offset = Math.ceil(offset / effective) * effective;
    offsets[field.name] = offset;
    offset += size;
    structAlign = Math.max(structAlign, effective);
  }
  return { size: Math.ceil(offset / structAlign) * structAlign, align: structAlign, offsets };
}

/** The structs that carry a dwSize version stamp, as the backend sends them. */
export const VERSIONED = [
  'RASCONNW',
  'RASCONNSTATUSW',
  'RASDIALPARAMSW',
  'RASDIALEXTENSIONS',
  'RASENTRYNAMEW',
  'RASCREDENTIALSW',
  'RASDEVINFOW',
  'RAS_STATS',
  'RASENTRYW',
];

/**
 * The last member of each older layout a struct has had, newest first: the backend sends the
 * newest size and, when Windows answers 632 (ERROR_INVALID_SIZE), the next older one.
 */
const OLDER_LAYOUTS: Record<string, string[]> = {
  // 0x601 (Windows 7, what DotRas sends), 0x600, 0x501.
  RASENTRYW: ['dwNetworkOutageTime', 'dwIPv6InterfaceMetric', 'dwRedialPause'],
  // 0x601, 0x401.
  RASDIALPARAMSW: ['dwIfIndex', 'dwCallbackId'],
};

/** Every dwSize the backend may send for a struct, newest first. */
export function versionSizes(name: string, arch: Arch): number[] {
  const spec = STRUCT_BY_NAME.get(name)!;
  const sizes = [computeLayout(spec, arch).size];
  for (const last of OLDER_LAYOUTS[name] ?? []) {
    const fields = spec.fields.slice(0, spec.fields.findIndex((f) => f.name === last) + 1);
    sizes.push(computeLayout({ ...spec, fields }, arch).size);
  }
  return sizes;
}

export function layoutReport(): Record<
  Arch,
  Record<string, Layout & { winver: string; sizes: number[] }>
> {
  const report = { x64: {}, ia32: {} } as Record<
    Arch,
    Record<string, Layout & { winver: string; sizes: number[] }>
  >;
  for (const arch of ['x64', 'ia32'] as const)
    for (const spec of STRUCTS)
      report[arch][spec.name] = {
        ...computeLayout(spec, arch),
        winver: spec.winver,
        sizes: versionSizes(spec.name, arch),
      };
  return report;
}
