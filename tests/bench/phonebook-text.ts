// A realistic large phonebook for the benchmarks: Windows-layout entries of every type.

import { makeEntry, newSection } from '../../app/phonebook/entry';
import { writePbk } from '../../app/phonebook/pbk-codec';

export function largePhonebook(count: number): string {
  const sections = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    const entry =
      kind === 0
        ? makeEntry(`Dial-up ${i}`, 'phone', [
            `555-${String(i % 10_000).padStart(4, '0')}`,
            '555-0199',
          ])
        : kind === 1
          ? makeEntry(`VPN ${i}`, 'vpn', [`vpn${i}.example.com`])
          : makeEntry(`Broadband ${i}`, 'broadband', ['']);
    sections.push(newSection(entry, '\r\n'));
  }
  return writePbk({ bom: false, preamble: [], sections });
}
