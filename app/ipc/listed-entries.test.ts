import { describe, expect, it } from 'vitest';
import { contract, type EntrySummary } from './contract';
import { fromListed, toListed } from './listed-entries';

const entries: EntrySummary[] = [
  { name: 'Office VPN', phonebook: '/p/rasphone.pbk', type: 'vpn', destination: 'vpn.example.com' },
  { name: 'Подключение', phonebook: '/p/rasphone.pbk', type: 'phone', destination: '555-0100' },
  { name: 'Home', phonebook: '/p/rasphone.pbk', type: 'broadband', destination: '' },
];

describe('phonebook:list on the wire', () => {
  it('sends each entry as a tuple the contract accepts, without repeating its phonebook', () => {
    const listed = toListed(entries);
    expect(listed[0]).toEqual(['Office VPN', 'vpn', 'vpn.example.com']);
    expect(contract.invoke['phonebook:list'].result.parse(listed)).toEqual(listed);
    expect(JSON.stringify(listed)).not.toContain('rasphone.pbk');
  });

  it('comes back as the same summaries, named with the phonebook that was asked for', () => {
    expect(fromListed('/p/rasphone.pbk', toListed(entries))).toEqual(entries);
  });

  it('refuses an entry of a type no entry has', () => {
    expect(() => contract.invoke['phonebook:list'].result.parse([['X', 'fax', '']])).toThrow();
  });
});
