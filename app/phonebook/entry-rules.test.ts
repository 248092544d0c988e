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
      ['redialSeconds', 'seconds-range'],
    ]);
  });

  it('needs a server for a VPN and a free name', () => {
    expect(validateEntry(makeEntry('Office', 'vpn', [' ']), ['OFFICE']).map((p) => p.rule)).toEqual(
      ['name-taken', 'server-required'],
    );
  });

  it('refuses a line break or NUL in every text field (issue 12, item 7)', () => {
    for (const bad of [
      'Modem\r\n[Injected]\r\nPhoneNumber=1900-555-0199',
      'a\nb',
      'a\rb',
      'a\0b',
    ]) {
      const entry = {
        ...makeEntry('Dial-up', 'phone', [bad]),
        deviceType: bad,
        deviceName: bad,
        port: bad,
        dnsSuffix: bad,
        dnsServers: ['10.0.0.53', bad],
      };
      entry.phoneNumbers.push(phoneNumber('555', { areaCode: bad, comment: bad }));
      const found = validateEntry(entry).filter((p) => p.rule === 'line-break' || p.rule === 'nul');
      expect(found.map((p) => p.field).sort(), JSON.stringify(bad)).toEqual(
        [
          'deviceName',
          'deviceType',
          'dnsServers.1',
          'dnsSuffix',
          'phoneNumbers.0.number',
          'phoneNumbers.1.areaCode',
          'phoneNumbers.1.comment',
          'port',
        ].sort(),
      );
      for (const p of found) expect(p.message).not.toMatch(/[\r\n\0]/);
    }
    expect(validateEntry({ ...makeEntry('Dial-up', 'phone', ['1']), deviceName: 'a\nb' })).toEqual([
      {
        field: 'deviceName',
        rule: 'line-break',
        message: 'The device name may not contain a line break.',
      },
    ]);
    expect(validateEntry({ ...makeEntry('A\nB', 'phone', ['1']) }).map((p) => p.field)).toEqual([
      'name',
    ]);
  });

  it('names copies as rasphone does', () => {
    expect(copyName('VPN', ['VPN'])).toBe('Copy of VPN');
    expect(copyName('VPN', ['VPN', 'copy of vpn', 'Copy (2) of VPN'])).toBe('Copy (3) of VPN');
  });
});
