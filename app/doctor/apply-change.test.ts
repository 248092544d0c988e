import { describe, expect, it } from 'vitest';
import { makeEntry, phoneNumber } from '../phonebook/entry';
import { VPN_STRATEGIES } from '../phonebook/entry-settings';
import { applyChange } from './apply-change';

describe('a fix applied to the entry', () => {
  it('sets the named settings and leaves the rest as it was', () => {
    const entry = makeEntry('Office', 'vpn', ['vpn.example.com'], { ipv4Metric: 50 });
    const changed = applyChange(entry, {
      vpnStrategy: VPN_STRATEGIES.sstpOnly,
      authProtocols: ['mschapv2'],
    });
    expect(changed).toEqual({
      ...entry,
      vpnStrategy: VPN_STRATEGIES.sstpOnly,
      authProtocols: ['mschapv2'],
    });
    expect(entry.vpnStrategy).toBe(VPN_STRATEGIES.automatic);
  });

  it('puts a server in place of the primary destination, keeping its details and the alternates', () => {
    const entry = makeEntry('Office', 'vpn', [], {
      phoneNumbers: [phoneNumber('vpn.example.com', { comment: 'main' }), phoneNumber('backup')],
    });
    const changed = applyChange(entry, { server: 'vpn.corp.example.com' });
    expect(changed.phoneNumbers.map((p) => [p.number, p.comment])).toEqual([
      ['vpn.corp.example.com', 'main'],
      ['backup', ''],
    ]);
    expect(changed).not.toHaveProperty('server');
  });

  it('gives an entry without a destination its first one', () => {
    const changed = applyChange(makeEntry('Office', 'vpn', []), { server: '192.0.2.1' });
    expect(changed.phoneNumbers).toEqual([phoneNumber('192.0.2.1')]);
  });
});
