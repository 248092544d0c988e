// A connection as main's store holds it, for tests of what the window, the tray and the
// notifications make of one.

import type { ConnectionView } from '../../app/connection-view';

export function connectionView(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'c1',
    entryName: 'Office VPN',
    phonebook: 'p',
    status: 'disconnected',
    handle: null,
    timeline: { startedAt: null, rows: [] },
    paused: null,
    error: null,
    attempt: 1,
    attempts: 1,
    numberIndex: 1,
    numberCount: 1,
    destination: 'vpn.example.com',
    connectedAt: null,
    redialAt: null,
    attached: false,
    ...overrides,
  };
}
