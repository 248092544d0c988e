import { describe, expect, it } from 'vitest';
import { computeLayout, STRUCT_BY_NAME, STRUCTS } from './struct-layout';

// Sizes and offsets as shared/ras-reference.md §5.3–5.4 states them (x64 / x86).
const SIZES: Record<string, [number, number]> = {
  RASCONNW: [1388, 1384],
  RASCONNSTATUSW: [608, 608],
  RASDIALPARAMSW: [2120, 2112],
  RASDIALEXTENSIONS: [60, 40],
  RASENTRYNAMEW: [1048, 1048],
  RASCREDENTIALSW: [1068, 1068],
  RASDEVINFOW: [296, 296],
  RAS_STATS: [60, 60],
  RASENTRYW: [6724, 6724],
  RASEAPINFO: [12, 8],
  RASDEVSPECIFICINFO: [12, 8],
  RASTUNNELENDPOINT: [20, 20],
  GUID: [16, 16],
  LUID: [8, 8],
  // RasGetProjectionInfoEx: the IKEv2 variant holds two pointers, the union takes the larger.
  RASPPP_PROJECTION_INFO: [100, 100],
  RASIKEV2_PROJECTION_INFO: [92, 84],
  RAS_PROJECTION_INFO: [108, 108],
};

const OFFSETS: [string, string, number, number][] = [
  ['RASCONNW', 'hrasconn', 4, 4],
  ['RASCONNW', 'szEntryName', 12, 8],
  ['RASCONNW', 'szPhonebook', 818, 814],
  ['RASCONNW', 'dwSubEntry', 1340, 1336],
  ['RASCONNW', 'guidCorrelationId', 1372, 1368],
  ['RASCONNSTATUSW', 'szPhoneNumber', 304, 304],
  ['RASCONNSTATUSW', 'localEndPoint', 564, 564],
  ['RASCONNSTATUSW', 'rasconnsubstate', 604, 604],
  ['RASDIALPARAMSW', 'dwSubEntry', 2096, 2096],
  ['RASDIALPARAMSW', 'dwCallbackId', 2100, 2100],
  ['RASDIALPARAMSW', 'dwIfIndex', 2108, 2104],
  ['RASDIALPARAMSW', 'szEncPassword', 2112, 2108],
  ['RASDIALEXTENSIONS', 'hwndParent', 8, 8],
  ['RASDIALEXTENSIONS', 'reserved1', 24, 16],
  ['RASDIALEXTENSIONS', 'RasEapInfo', 32, 20],
  ['RASDIALEXTENSIONS', 'fSkipPppAuth', 44, 28],
  ['RASDIALEXTENSIONS', 'RasDevSpecificInfo', 48, 32],
  ['RASENTRYNAMEW', 'dwFlags', 520, 520],
  ['RASENTRYNAMEW', 'szPhonebookPath', 524, 524],
  ['RASCREDENTIALSW', 'szPassword', 522, 522],
  ['RASCREDENTIALSW', 'szDomain', 1036, 1036],
  ['RASENTRYW', 'dwAlternateOffset', 296, 296],
  ['RASENTRYW', 'szScript', 332, 332],
  ['RASENTRYW', 'szDeviceType', 1892, 1892],
  ['RASENTRYW', 'dwChannels', 3456, 3456],
  ['RASENTRYW', 'dwType', 3496, 3496],
  ['RASENTRYW', 'guidId', 3508, 3508],
  ['RASENTRYW', 'dwVpnStrategy', 4044, 4044],
  ['RASENTRYW', 'szDnsSuffix', 4056, 4056],
  ['RASENTRYW', 'dwRedialCount', 5608, 5608],
  ['RASENTRYW', 'ipv6addrDns', 5616, 5616],
  ['RASENTRYW', 'dwNetworkOutageTime', 5676, 5676],
  ['RASENTRYW', 'szIDi', 5680, 5680],
  ['RASENTRYW', 'szIDr', 6194, 6194],
  ['RASENTRYW', 'fIsImsConfig', 6708, 6708],
  ['RASENTRYW', 'IdiType', 6712, 6712],
  ['RASENTRYW', 'IdrType', 6716, 6716],
  ['RASENTRYW', 'fDisableIKEv2Fragmentation', 6720, 6720],
  ['RASPPP_PROJECTION_INFO', 'bInterfaceIdentifier', 24, 24],
  ['RASPPP_PROJECTION_INFO', 'fMultilink', 44, 44],
  ['RASPPP_PROJECTION_INFO', 'dwEapTypeId', 64, 64],
  ['RASPPP_PROJECTION_INFO', 'dwLcpOptions', 72, 72],
  ['RASPPP_PROJECTION_INFO', 'dwCcpCompressionAlgorithm', 84, 84],
  ['RASPPP_PROJECTION_INFO', 'dwCcpOptions', 92, 92],
  ['RASIKEV2_PROJECTION_INFO', 'ipv6Address', 16, 16],
  ['RASIKEV2_PROJECTION_INFO', 'dwPrefixLength', 48, 48],
  ['RASIKEV2_PROJECTION_INFO', 'dwEncryptionMethod', 64, 64],
  ['RASIKEV2_PROJECTION_INFO', 'ipv4ServerAddresses', 72, 72],
  ['RASIKEV2_PROJECTION_INFO', 'numIPv6ServerAddresses', 80, 76],
  ['RASIKEV2_PROJECTION_INFO', 'ipv6ServerAddresses', 84, 80],
  ['RAS_PROJECTION_INFO', 'type', 4, 4],
  ['RAS_PROJECTION_INFO', 'projection', 8, 8],
];

describe('declared struct layouts', () => {
  it.each(Object.entries(SIZES))('%s is %j bytes (x64, x86)', (name, [x64, ia32]) => {
    const spec = STRUCT_BY_NAME.get(name)!;
    expect(computeLayout(spec, 'x64').size).toBe(x64);
    expect(computeLayout(spec, 'ia32').size).toBe(ia32);
  });

  it.each(OFFSETS)('%s.%s sits at %i (x64) and %i (x86)', (name, field, x64, ia32) => {
    const spec = STRUCT_BY_NAME.get(name)!;
    expect(computeLayout(spec, 'x64').offsets[field]).toBe(x64);
    expect(computeLayout(spec, 'ia32').offsets[field]).toBe(ia32);
  });

  it('would be wrong without pack(4): the classic 1392-byte RASCONNW', () => {
    expect(STRUCTS.length).toBeGreaterThan(10);
    expect(computeLayout(STRUCT_BY_NAME.get('RASCONNW')!, 'x64').offsets.hrasconn).not.toBe(8);
  });
});
