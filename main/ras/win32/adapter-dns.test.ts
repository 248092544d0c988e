import { describe, expect, it } from 'vitest';
import { ADAPTER_OFFSETS, decodeAdapters, sockaddrText, type Memory } from './adapter-dns';

// A GetAdaptersAddresses answer laid out in one buffer as iphlpapi lays it out, at a made-up
// base address, read through the same Memory interface koffi serves.
function world(arch: 'x64' | 'ia32') {
  const o = ADAPTER_OFFSETS[arch];
  const width = arch === 'x64' ? 8 : 4;
  const base = 0x7000_0000n;
  const buffer = Buffer.alloc(4096);
  let used = 0;
  const take = (bytes: number) => {
    const at = used;
    used += Math.ceil(bytes / 8) * 8;
    return at;
  };
  const setPointer = (at: number, target: number | null) => {
    const value = target === null ? 0n : base + BigInt(target);
    if (width === 8) buffer.writeBigUInt64LE(value, at);
    else buffer.writeUInt32LE(Number(value), at);
  };
  const text = (s: string) => {
    const at = take(2 * s.length + 2);
    buffer.write(`${s}\0`, at, 'utf16le');
    return at;
  };
  const sockaddr = (family: number, address: number[]) => {
    const at = take(28);
    buffer.writeUInt16LE(family, at);
    buffer.set(address, at + (family === 2 ? 4 : 8));
    return at;
  };
  const adapter = (name: string, dns: number[]) => {
    const at = take(o.friendlyName + width);
    setPointer(at + o.friendlyName, text(name));
    let previous: number | null = null;
    for (const address of dns) {
      const d = take(o.sockaddr + width);
      setPointer(d + o.sockaddr, address);
      if (previous === null) setPointer(at + o.firstDnsServer, d);
      else setPointer(previous + o.dnsNext, d);
      previous = d;
    }
    return at;
  };
  const memory: Memory = {
    pointer: (address, offset) => {
      const at = Number(address - base) + offset;
      return width === 8 ? buffer.readBigUInt64LE(at) : BigInt(buffer.readUInt32LE(at));
    },
    bytes: (address, offset, length) =>
      buffer.subarray(Number(address - base) + offset, Number(address - base) + offset + length),
    utf16: (address) => {
      const at = Number(address - base);
      const end = buffer.indexOf(Buffer.from([0, 0]), at);
      let stop = end;
      while ((stop - at) % 2 !== 0) stop = buffer.indexOf(Buffer.from([0, 0]), stop + 1);
      return buffer.toString('utf16le', at, stop);
    },
  };
  return { o, base, setPointer, sockaddr, adapter, memory };
}

describe.each(['x64', 'ia32'] as const)('the adapter list on %s', (arch) => {
  it('gives each adapter’s name and its DNS servers, IPv4 and IPv6, in order', () => {
    const w = world(arch);
    const v6 = [0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 0x53];
    const ethernet = w.adapter('Ethernet', [w.sockaddr(2, [192, 0, 2, 53])]);
    const office = w.adapter('Office VPN', [
      w.sockaddr(2, [10, 8, 0, 1]),
      w.sockaddr(23, v6),
      w.sockaddr(99, [1, 2, 3, 4]),
    ]);
    const none = w.adapter('Loopback', []);
    w.setPointer(ethernet + w.o.next, office);
    w.setPointer(office + w.o.next, none);
    expect(decodeAdapters(w.base + BigInt(ethernet), w.memory, arch)).toEqual([
      { friendlyName: 'Ethernet', dnsServers: ['192.0.2.53'] },
      { friendlyName: 'Office VPN', dnsServers: ['10.8.0.1', '2001:db8::53'] },
      { friendlyName: 'Loopback', dnsServers: [] },
    ]);
  });

  it('stops at a list that loops back on itself', () => {
    const w = world(arch);
    const a = w.adapter('A', []);
    w.setPointer(a + w.o.next, a);
    expect(decodeAdapters(w.base + BigInt(a), w.memory, arch)).toHaveLength(1);
    expect(decodeAdapters(0n, w.memory, arch)).toEqual([]);
  });
});

it('reads Windows’ address families only', () => {
  const v4 = Buffer.alloc(24);
  v4.writeUInt16LE(2, 0);
  v4.set([127, 0, 0, 1], 4);
  expect(sockaddrText(v4)).toBe('127.0.0.1');
  const linuxV6 = Buffer.alloc(24);
  linuxV6.writeUInt16LE(10, 0);
  expect(sockaddrText(linuxV6)).toBeNull();
});
