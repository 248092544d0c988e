// The demo phonebook created on first use: one entry for each rule of the simulated
// server's tables (shared/simulated-ras.md), so a person can try every path by picking an entry.

import { makeEntry, type RasEntry } from '../../app/phonebook/entry';

export interface DemoEntry {
  entry: RasEntry;
  /** A user name saved with the entry, for the rules that go by user name. */
  userName?: string;
}

const phone = (name: string, number: string, extra: Partial<RasEntry> = {}): DemoEntry => ({
  entry: makeEntry(name, 'phone', [number], extra),
});

export function demoEntries(): DemoEntry[] {
  return [
    phone('Dial-up', '555-0100'),
    phone('Busy line', '555-0486'),
    phone('No answer', '555-0487'),
    phone('No dial tone', '555-0488'),
    phone('No carrier', '555-0489'),
    phone('Drops after 30 s', '555-0490', { redialOnLinkFailure: false }),
    phone('Callback (you choose the number)', '555-0491', { callbackMode: 'caller' }),
    phone('Callback (preset number)', '555-0492', { callbackMode: 'preset' }),
    {
      entry: makeEntry('Dial-up with alternates', 'phone', ['555-0486', '555-0487', '555-0100'], {
        tryNextAlternateOnFail: true,
        promoteAlternates: true,
      }),
    },
    { entry: makeEntry('Office VPN', 'vpn', ['vpn.example.com']) },
    { entry: makeEntry('VPN (unknown host)', 'vpn', ['vpn.example.invalid']) },
    { entry: makeEntry('VPN (refused)', 'vpn', ['refuse.example.com']) },
    { entry: makeEntry('VPN (slow)', 'vpn', ['slow.example.com']) },
    // Only SSTP answers there: the strategy tries IKEv2 first and ends on SSTP (its Details say so).
    { entry: makeEntry('VPN (only port 443)', 'vpn', ['tcp443.example.com'], { vpnStrategy: 8 }) },
    { entry: makeEntry('Home Broadband', 'broadband', ['']) },
    { entry: makeEntry('Account disabled', 'vpn', ['vpn.example.com']), userName: 'disabled' },
    { entry: makeEntry('Outside logon hours', 'vpn', ['vpn.example.com']), userName: 'nightshift' },
    { entry: makeEntry('No dial-in permission', 'vpn', ['vpn.example.com']), userName: 'nodialin' },
    { entry: makeEntry('EAP sign-in', 'vpn', ['vpn.example.com'], { eapTypeId: 25 }) },
    phone('Terminal window', '555-0100', { terminalAfterDial: true }),
  ];
}
