import { describe, expect, it } from 'vitest';
import { makeEntry, phoneNumber } from './entry';
import { copyName, validateEntry } from './entry-rules';

describe('entry rules', () => {
  it('accepts a complete entry', () => {
    expect(validateEntry(makeEntry('Office', 'vpn', ['vpn.example.com']))).toEqual([]);
  });

  it('reports each problem by field', () => {
    const entry = {
      ...makeEntry('bad:name', 'phone', ['']),
      redialAttempts: -1,
      redialSeconds: 1.5,
      deviceType: 'x'.repeat(17),
    };
    entry.phoneNumbers.push(phoneNumber('1'.repeat(129), { areaCode: '12345678901' }));
    expect(validateEntry(entry).map((p) => [p.field, p.rule])).toEqual([
      ['name', 'name-invalid'],
      ['phoneNumbers.0.number', 'number-required'],
      ['phoneNumbers.1.number', 'too-long'],
      ['phoneNumbers.1.areaCode', 'too-long'],
      ['deviceType', 'too-long'],
      ['redialAttempts', 'out-of-range'],
      ['redialSeconds', 'out-of-range'],
    ]);
  });

  it('needs a server for a VPN and a free name', () => {
    expect(validateEntry(makeEntry('Office', 'vpn', [' ']), ['OFFICE']).map((p) => p.rule)).toEqual(
      ['name-taken', 'server-required'],
    );
  });

  it('names copies as rasphone does', () => {
    expect(copyName('VPN', ['VPN'])).toBe('Copy of VPN');
    expect(copyName('VPN', ['VPN', 'copy of vpn', 'Copy (2) of VPN'])).toBe('Copy (3) of VPN');
  });
});
