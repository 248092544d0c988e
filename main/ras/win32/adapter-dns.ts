// The DNS servers of a RAS connection's adapter: Windows names the adapter after the entry
// (IP_ADAPTER_ADDRESSES.FriendlyName), and GetAdaptersAddresses lists each adapter's DNS
// servers. iphlpapi.dll is bound lazily through koffi (RAS_CONNECT_IPHLPAPI points it at the
// test double); the list is walked by explicit offsets, checked against mingw-w64's iptypes.h
// in tests/native/windows-headers.test.ts. iptypes.h uses natural alignment, not ras.h's pack(4).

import koffi from 'koffi';
import { ipv4Text, ipv6Text } from './ip-text';
import type { Arch } from './struct-layout';

/** IP_ADAPTER_ADDRESSES (XP and LH share this head) and IP_ADAPTER_DNS_SERVER_ADDRESS_XP. */
export const ADAPTER_OFFSETS: Record<
  Arch,
  { next: number; firstDnsServer: number; friendlyName: number; dnsNext: number; sockaddr: number }
> = {
  x64: { next: 8, firstDnsServer: 48, friendlyName: 72, dnsNext: 8, sockaddr: 16 },
  ia32: { next: 8, firstDnsServer: 28, friendlyName: 40, dnsNext: 8, sockaddr: 12 },
};

const AF_UNSPEC = 0;
const AF_INET = 2;
/** Windows' AF_INET6 (ws2def.h), not Linux's 10. */
const AF_INET6 = 23;
const GAA_FLAG_SKIP_ANYCAST = 0x2;
const GAA_FLAG_SKIP_MULTICAST = 0x4;
const ERROR_BUFFER_OVERFLOW = 111;
const ERROR_NO_DATA = 232;

export interface AdapterDns {
  friendlyName: string;
  dnsServers: string[];
}

/** Reads memory GetAdaptersAddresses filled; an address of 0n is NULL. */
export interface Memory {
  pointer(address: bigint, offset: number): bigint;
  bytes(address: bigint, offset: number, length: number): Uint8Array;
  utf16(address: bigint): string;
}

/** A SOCKADDR as text: sockaddr_in's address at 4, sockaddr_in6's at 8; another family: null. */
export function sockaddrText(bytes: Uint8Array): string | null {
  const family = bytes[0]! | (bytes[1]! << 8);
  if (family === AF_INET) return ipv4Text(bytes.subarray(4, 8));
  if (family === AF_INET6) return ipv6Text(bytes.subarray(8, 24));
  return null;
}

/** Walks the adapter list from its first element. A loop in the list stops the walk. */
export function decodeAdapters(first: bigint, memory: Memory, arch: Arch): AdapterDns[] {
  const o = ADAPTER_OFFSETS[arch];
  const adapters: AdapterDns[] = [];
  const seen = new Set<bigint>();
  for (let a = first; a !== 0n && !seen.has(a); a = memory.pointer(a, o.next)) {
    seen.add(a);
    const name = memory.pointer(a, o.friendlyName);
    const dnsServers: string[] = [];
    const seenDns = new Set<bigint>();
    for (let d = memory.pointer(a, o.firstDnsServer); d !== 0n && !seenDns.has(d);) {
      seenDns.add(d);
      const sockaddr = memory.pointer(d, o.sockaddr);
      const text = sockaddr === 0n ? null : sockaddrText(memory.bytes(sockaddr, 0, 24));
      if (text) dnsServers.push(text);
      d = memory.pointer(d, o.dnsNext);
    }
    adapters.push({ friendlyName: name === 0n ? '' : memory.utf16(name), dnsServers });
  }
  return adapters;
}

const arch: Arch = process.arch === 'ia32' ? 'ia32' : 'x64';

const koffiMemory: Memory = {
  pointer: (address, offset) =>
    BigInt(koffi.decode(address, offset, arch === 'x64' ? 'uint64_t' : 'uint32_t') as number),
  bytes: (address, offset, length) =>
    Uint8Array.from(koffi.decode(address, offset, koffi.array('uint8_t', length)) as number[]),
  utf16: (address) => koffi.decode(address, 0, 'char16_t', -1) as string,
};

export type AdapterReader = () => Promise<AdapterDns[]>;

/** GetAdaptersAddresses(AF_UNSPEC, skip anycast and multicast) over iphlpapi.dll or the double. */
export function iphlpapiAdapters(
  path = process.env.RAS_CONNECT_IPHLPAPI ?? 'iphlpapi.dll',
): AdapterReader {
  let bound: { async: (...args: unknown[]) => void } | null = null;
  const call = (buffer: unknown, size: number[]): Promise<number> => {
    bound ??= koffi
      .load(path)
      .func('__stdcall', 'GetAdaptersAddresses', 'uint32_t', [
        'uint32_t',
        'uint32_t',
        'void *',
        'void *',
        koffi.inout(koffi.pointer('uint32_t')),
      ]) as unknown as { async: (...args: unknown[]) => void };
    return new Promise((resolve, reject) =>
      bound!.async(
        AF_UNSPEC,
        GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST,
        null,
        buffer,
        size,
        (error: Error | null, result: number) => (error ? reject(error) : resolve(result)),
      ),
    );
  };
  return async () => {
    // Microsoft's advice: start with 15 KB; the list can grow between two calls, so a few tries.
    let size = 15_000;
    for (let attempt = 0; attempt < 3; attempt++) {
      // The list links its elements by address: memory that does not move, freed after reading.
      const memory = koffi.alloc('uint8_t', size) as unknown as bigint;
      try {
        const sizes = [size];
        const result = await call(memory, sizes);
        if (result === ERROR_NO_DATA) return [];
        if (result === ERROR_BUFFER_OVERFLOW) {
          size = Math.max(sizes[0]!, size * 2);
          continue;
        }
        if (result !== 0) throw new Error(`GetAdaptersAddresses failed with error ${result}`);
        return decodeAdapters(BigInt(koffi.address(memory as never)), koffiMemory, arch);
      } finally {
        koffi.free(memory as never);
      }
    }
    throw new Error('GetAdaptersAddresses kept asking for a larger buffer');
  };
}
