// Addresses as people read them: IPv4 dotted, IPv6 in RFC 5952's one canonical form (lower
// case, no leading zeros, the longest run of two or more zero groups as "::", the first on a
// tie, and an IPv4-mapped address with its IPv4 tail).

export function ipv4Text(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4)).join('.');
}

export function ipv6Text(bytes: Uint8Array): string {
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return `::ffff:${ipv4Text(bytes.subarray(12, 16))}`;
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = (list: number[]) => list.map((g) => g.toString(16)).join(':');
  if (best.start < 0) return hex(groups);
  return `${hex(groups.slice(0, best.start))}::${hex(groups.slice(best.start + best.length))}`;
}

/** A PPP IPv6CP interface identifier (8 bytes) as the link-local address it makes: fe80::IID. */
export function interfaceIdText(identifier: Uint8Array): string {
  const address = new Uint8Array(16);
  address[0] = 0xfe;
  address[1] = 0x80;
  address.set(identifier.subarray(0, 8), 8);
  return ipv6Text(address);
}

export const isZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);
