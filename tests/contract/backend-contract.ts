// The contract every RasBackend keeps, run unchanged against the simulated server and
// against the Win32 backend over the C test double of rasapi32.

import { appendFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import { RasState as S, describeState, groupOf } from '../../app/ras/connection-state';
import type {
  ConnectionEvent,
  DialRequest,
  PausedAnswer,
  RasBackend,
  RasNotification,
} from '../../main/ras/backend';
import { CALLBACK_STATES, MODEM_SEQUENCE } from '../support/simulated';

export interface ContractWorld {
  backend: RasBackend;
  phonebook: string;
  /** Lets time pass until `done()` holds (a manual clock, or real time). */
  until(done: () => boolean): Promise<void>;
  cleanup(): Promise<void>;
}

interface Dialed {
  handle: string;
  notes: RasNotification[];
  states(): string[];
}

const settled = (d: Dialed) => {
  const last = d.notes.at(-1);
  return !!last && (last.error !== 0 || groupOf(last.state) !== 'running');
};

export function backendContract(name: string, makeWorld: () => Promise<ContractWorld>): void {
  describe(`RasBackend contract: ${name}`, () => {
    let world: ContractWorld;
    let backend: RasBackend;
    beforeEach(async () => {
      world = await makeWorld();
      backend = world.backend;
      for (const [entry, number] of [
        ['Line', '555-0100'],
        ['Busy', '555-0486'],
        ['No answer', '555-0487'],
        ['No dial tone', '555-0488'],
        ['No carrier', '555-0489'],
        ['Drop', '555-0490'],
        ['Callback', '555-0491'],
        ['Preset callback', '555-0492'],
      ] as const)
        await backend.setEntry(world.phonebook, makeEntry(entry, 'phone', [number]));
    });
    afterEach(() => world.cleanup());

    const request = (entryName: string, extra: Partial<DialRequest> = {}): DialRequest => ({
      phonebook: world.phonebook,
      entryName,
      userName: 'alice',
      password: 'secret',
      domain: '',
      pausedStates: true,
      ...extra,
    });

    async function dial(entry: string, extra: Partial<DialRequest> = {}): Promise<Dialed> {
      const notes: RasNotification[] = [];
      const handle = await backend.dial(request(entry, extra), (n) => notes.push(n));
      const d = {
        handle,
        notes,
        states: () =>
          notes.map((n) => describeState(n.state).name + (n.error ? `!${n.error}` : '')),
      };
      await world.until(() => settled(d));
      return d;
    }

    async function resume(d: Dialed, answer: PausedAnswer): Promise<void> {
      const seen = d.notes.length;
      await backend.resume(d.handle, answer);
      await world.until(() => d.notes.length > seen && settled(d));
    }

    async function hangUpAndRelease(handle: string): Promise<void> {
      await backend.hangUp(handle);
      let gone = false;
      await world.until(() => {
        void backend
          .getConnectStatus(handle)
          .catch((e: { code?: number }) => (gone = e.code === 6));
        return gone;
      });
    }

    it('keeps entries: set, get with alternates, list, rename, delete, validate', async () => {
      const entry = makeEntry('Office', 'phone', ['555-0100', '555-0199', '555-0142'], {
        redialAttempts: 2,
        redialSeconds: 30,
        promoteAlternates: true,
      });
      await backend.setEntry(world.phonebook, entry);
      const back = await backend.getEntry(world.phonebook, 'office');
      expect(back).toMatchObject({
        type: 'phone',
        deviceType: 'modem',
        redialAttempts: 2,
        redialSeconds: 30,
        promoteAlternates: true,
      });
      expect(back.phoneNumbers.map((n) => n.number)).toEqual(['555-0100', '555-0199', '555-0142']);
      expect(
        (await backend.listEntries(world.phonebook)).find((e) => e.name === 'Office'),
      ).toMatchObject({ type: 'phone', destination: '555-0100' });
      await expect(backend.validateEntryName(world.phonebook, 'OFFICE')).rejects.toMatchObject({
        code: 183,
      });
      await expect(backend.validateEntryName(world.phonebook, 'a:b')).rejects.toMatchObject({
        code: 123,
      });
      await expect(backend.validateEntryName(world.phonebook, 'Fresh')).resolves.toBeUndefined();
      await backend.renameEntry(world.phonebook, 'Office', 'Head office');
      await expect(backend.getEntry(world.phonebook, 'Office')).rejects.toMatchObject({
        code: 623,
      });
      await expect(
        backend.renameEntry(world.phonebook, 'Head office', 'Line'),
      ).rejects.toMatchObject({ code: 183 });
      await backend.deleteEntry(world.phonebook, 'Head office');
      await expect(backend.deleteEntry(world.phonebook, 'Head office')).rejects.toMatchObject({
        code: 623,
      });
    });

    it('refuses to write over a phonebook another program changed since it was read', async () => {
      const revision = await backend.phonebookRevision(world.phonebook);
      await backend.setEntry(world.phonebook, makeEntry('Edited', 'phone', ['555-0100']), {
        expectedRevision: revision,
      });
      const next = await backend.phonebookRevision(world.phonebook);
      appendFileSync(world.phonebook, '; changed by another program\r\n');
      await expect(
        backend.setEntry(world.phonebook, makeEntry('Edited', 'phone', ['555-0199']), {
          expectedRevision: next,
        }),
      ).rejects.toMatchObject({ code: 'PHONEBOOK_CHANGED' });
      await expect(
        backend.deleteEntry(world.phonebook, 'Edited', { expectedRevision: next }),
      ).rejects.toMatchObject({
        code: 'PHONEBOOK_CHANGED',
      });
      expect((await backend.getEntry(world.phonebook, 'Edited')).phoneNumbers[0]!.number).toBe(
        '555-0100',
      );
    });

    it('keeps every setting of the Options, Security and Networking tabs', async () => {
      const entry = makeEntry('Tuned', 'vpn', ['vpn.example.com'], {
        vpnStrategy: 14,
        encryption: 8,
        authProtocols: ['chap', 'mschapv2'],
        idleDisconnectSeconds: 600,
        showProgress: false,
        promptCredentials: false,
        promptPhoneNumber: true,
        includeLogonDomain: true,
        ipv4: true,
        ipv6: false,
        dnsServers: ['10.0.0.53', '10.0.1.53'],
        useRemoteGateway: false,
        useWindowsLogon: true,
        dnsSuffix: 'corp.example.com',
        registerInDns: true,
        ipv4Metric: 25,
        ipv6Metric: 30,
        disableClassBasedRoute: true,
        usePreSharedKey: true,
        ikev2Mobility: false,
        networkOutageSeconds: 3600,
        redialOnLinkFailure: true,
        eapTypeId: 25,
        terminalAfterDial: true,
      });
      await backend.setEntry(world.phonebook, entry);
      const back = await backend.getEntry(world.phonebook, 'Tuned');
      const { port: _port, tryNextAlternateOnFail: _t, callbackMode: _c, ...rest } = entry;
      expect(back).toMatchObject({
        ...rest,
        phoneNumbers: [expect.objectContaining({ number: 'vpn.example.com' })],
      });
      await backend.setEntry(world.phonebook, {
        ...back,
        dnsServers: [],
        ipv6: true,
        encryption: 0,
        usePreSharedKey: false,
        ipv4Metric: 0,
        ikev2Mobility: true,
      });
      expect(await backend.getEntry(world.phonebook, 'Tuned')).toMatchObject({
        dnsServers: [],
        ipv6: true,
        encryption: 0,
        usePreSharedKey: false,
        ipv4Metric: 0,
        ikev2Mobility: true,
      });
    });

    it('saves a pre-shared key without ever giving it back', async () => {
      await backend.setEntry(world.phonebook, makeEntry('PSK', 'vpn', ['vpn.example.com']));
      expect((await backend.getCredentials(world.phonebook, 'PSK')).hasPreSharedKey).toBe(false);
      await backend.setCredentials(world.phonebook, 'PSK', {
        userName: 'ann',
        domain: '',
        preSharedKey: 'shared secret',
      });
      const saved = await backend.getCredentials(world.phonebook, 'PSK');
      expect(saved).toMatchObject({ userName: 'ann', hasPreSharedKey: true });
      expect(JSON.stringify(saved)).not.toContain('shared secret');
      await backend.setCredentials(world.phonebook, 'PSK', {
        userName: 'ann',
        domain: '',
        preSharedKey: '',
      });
      expect((await backend.getCredentials(world.phonebook, 'PSK')).hasPreSharedKey).toBe(false);
    });

    it('keeps credentials and never gives a password back', async () => {
      await backend.setCredentials(world.phonebook, 'Line', {
        userName: 'bob',
        domain: 'CORP',
        password: 'hunter2',
      });
      expect(await backend.getCredentials(world.phonebook, 'Line')).toEqual({
        userName: 'bob',
        domain: 'CORP',
        hasPassword: true,
        hasPreSharedKey: false,
      });
      // The saved password dials.
      const d = await dial('Line', { userName: '', password: '' });
      expect(d.notes.at(-1)!.state).toBe(S.Connected);
      await backend.setCredentials(world.phonebook, 'Line', {
        userName: 'bob',
        domain: 'CORP',
        password: '',
      });
      expect((await backend.getCredentials(world.phonebook, 'Line')).hasPassword).toBe(false);
    });

    it('dials a number through the whole modem sequence and reports it connected', async () => {
      const d = await dial('Line');
      expect(d.states()).toEqual(MODEM_SEQUENCE);
      expect(await backend.getConnectStatus(d.handle)).toMatchObject({
        state: S.Connected,
        error: 0,
        phoneNumber: '555-0100',
      });
      expect((await backend.enumConnections()).map((c) => c.entryName)).toEqual(['Line']);
      expect((await backend.getStatistics(d.handle)).bps).toBeGreaterThan(0);
      await hangUpAndRelease(d.handle);
      expect(await backend.enumConnections()).toEqual([]);
    });

    it.each([
      ['Busy', 676],
      ['No answer', 678],
      ['No dial tone', 680],
      ['No carrier', 679],
    ])('%s ends with %i on ConnectDevice', async (entry, code) => {
      const d = await dial(entry);
      expect(d.states()).toEqual([
        'OpenPort',
        'PortOpened',
        'ConnectDevice',
        `ConnectDevice!${code}`,
      ]);
      await hangUpAndRelease(d.handle);
    });

    it('dials the number given instead of the entry’s', async () => {
      const d = await dial('Line', { phoneNumber: '555-0486' });
      expect(d.notes.at(-1)!.error).toBe(676);
    });

    it('pauses for other credentials and ends a third failure with 691', async () => {
      const d = await dial('Line', { password: 'wrong' });
      expect(d.states().slice(-2)).toEqual(['AuthNotify', 'RetryAuthentication']);
      const wrong = {
        kind: 'retry-authentication',
        userName: 'alice',
        password: 'wrong',
        domain: '',
      } as const;
      await resume(d, wrong);
      expect(d.notes.at(-1)!.state).toBe(S.RetryAuthentication);
      await resume(d, wrong);
      expect(d.notes.at(-1)).toMatchObject({ state: S.AuthNotify, error: 691 });
    });

    it('signs in with other credentials', async () => {
      const d = await dial('Line', { password: '' });
      await resume(d, {
        kind: 'retry-authentication',
        userName: 'alice',
        password: 'right',
        domain: '',
      });
      expect(d.states()).toContain('AuthRetry');
      expect(d.notes.at(-1)!.state).toBe(S.Connected);
    });

    it('changes an expired password', async () => {
      const d = await dial('Line', { password: 'expired' });
      expect(d.notes.at(-1)!.state).toBe(S.PasswordExpired);
      await resume(d, { kind: 'new-password', password: 'fresh' });
      expect(d.states()).toContain('AuthChangePassword');
      expect(d.notes.at(-1)!.state).toBe(S.Connected);
    });

    it.each([
      ['disabled', 647],
      ['nightshift', 646],
      ['nodialin', 649],
    ])('refuses user %s with %i', async (userName, code) => {
      expect((await dial('Line', { userName })).notes.at(-1)).toMatchObject({
        state: S.AuthNotify,
        error: code,
      });
    });

    it('fails instead of pausing when paused states are off', async () => {
      expect(
        (await dial('Line', { password: 'wrong', pausedStates: false })).notes.at(-1)!.error,
      ).toBe(691);
      expect(
        (await dial('Busy', { password: 'expired', pausedStates: false })).notes.at(-1)!.error,
      ).toBe(676);
    });

    it('asks for the callback number and calls it back', async () => {
      const d = await dial('Callback');
      expect(d.states().slice(-2)).toEqual(['AuthCallback', 'CallbackSetByCaller']);
      await resume(d, { kind: 'callback', callbackNumber: '555 0142' });
      expect(d.states().slice(-15)).toEqual([
        'CallbackSetByCaller',
        ...CALLBACK_STATES,
        ...MODEM_SEQUENCE.slice(7),
      ]);
    });

    it('calls a preset number back without pausing', async () => {
      const d = await dial('Preset callback');
      expect(d.states()).toEqual([
        ...MODEM_SEQUENCE.slice(0, 7),
        ...CALLBACK_STATES,
        ...MODEM_SEQUENCE.slice(7),
      ]);
    });

    it('hangs up a paused dial: no more notifications, then the handle goes', async () => {
      const d = await dial('Callback');
      const seen = d.notes.length;
      await hangUpAndRelease(d.handle);
      expect(d.notes).toHaveLength(seen);
      await expect(backend.hangUp(d.handle)).rejects.toMatchObject({ code: 6 });
    });

    it('reports a dropped link to the watchers and in the status', async () => {
      const events: ConnectionEvent[] = [];
      const stop = backend.watchConnections((e) => events.push(e));
      const d = await dial('Drop');
      await world.until(() =>
        events.some((e) => e.kind === 'disconnected' && e.handle === d.handle),
      );
      expect(await backend.getConnectStatus(d.handle)).toMatchObject({
        state: S.Disconnected,
        error: 629,
      });
      stop();
      await hangUpAndRelease(d.handle);
    });

    it('refuses an entry that does not exist (623) and a second dial of a dialing entry (756)', async () => {
      await expect(backend.dial(request('Nowhere'), () => undefined)).rejects.toMatchObject({
        code: 623,
      });
      const d = await dial('Callback');
      await expect(backend.dial(request('callback'), () => undefined)).rejects.toMatchObject({
        code: 756,
      });
      await hangUpAndRelease(d.handle);
    });

    it('tells what a connected dial-up link negotiated, consistent with its status', async () => {
      const d = await dial('Line');
      const status = await backend.getConnectStatus(d.handle);
      const details = await backend.getConnectionDetails(d.handle);
      expect(details).toMatchObject({
        projection: 'ppp',
        tunnel: null,
        device: { type: status.deviceType, name: status.deviceName },
        endpoints: { local: null, remote: null },
        ikev2Flags: null,
        authentication: { protocol: 'ms-chap-v2' },
      });
      expect(details.ipv4).toMatchObject({ client: expect.stringMatching(/^\d+(\.\d+){3}$/) });
      // PPP's IPV6CP agrees on interface identifiers only: shown as link-local addresses.
      expect(details.ipv6).toMatchObject({
        client: expect.stringMatching(/^fe80::/),
        prefixLength: null,
      });
      expect(details.dnsServers.length).toBeGreaterThan(0);
      await hangUpAndRelease(d.handle);
    });

    it.each([
      [7, 'ikev2', 'ikev2', 'WAN Miniport (IKEv2)'],
      [5, 'ppp', 'sstp', 'WAN Miniport (SSTP)'],
      [1, 'ppp', 'pptp', 'WAN Miniport (PPTP)'],
      [3, 'ppp', 'l2tp', 'WAN Miniport (L2TP)'],
    ] as const)(
      'tells which tunnel of VPN strategy %i won: %s over %s, the device and endpoints saying the same',
      async (vpnStrategy, projection, tunnel, device) => {
        await backend.setEntry(
          world.phonebook,
          makeEntry('Tunnel', 'vpn', ['vpn.example.com'], {
            vpnStrategy,
            dnsServers: ['10.0.0.53', '10.0.1.53'],
            ipv6: false,
          }),
        );
        const d = await dial('Tunnel');
        expect(d.notes.at(-1)!.state).toBe(S.Connected);
        const status = await backend.getConnectStatus(d.handle);
        const details = await backend.getConnectionDetails(d.handle);
        expect(status.deviceName).toBe(device);
        expect(details).toMatchObject({
          projection,
          tunnel,
          device: { type: status.deviceType, name: device },
          ipv6: null,
          dnsServers: ['10.0.0.53', '10.0.1.53'],
        });
        expect(details.endpoints.remote).toBeTruthy();
        expect(details.endpoints.local).toBeTruthy();
        expect(details.ikev2Flags === null).toBe(projection === 'ppp');
        // SSTP's encryption is TLS's, outside PPP: not reported, which is not "unencrypted".
        if (tunnel === 'sstp') expect(details.encryption).toBeNull();
        else expect(details.encryption!.bits).toBeGreaterThanOrEqual(128);
        await hangUpAndRelease(d.handle);
      },
    );

    it('has no details before the projection (730) nor once the link is gone (6)', async () => {
      const d = await dial('Callback');
      expect(d.notes.at(-1)!.state).toBe(S.CallbackSetByCaller);
      await expect(backend.getConnectionDetails(d.handle)).rejects.toMatchObject({ code: 730 });
      await resume(d, { kind: 'callback', callbackNumber: '' });
      expect(d.notes.at(-1)!.state).toBe(S.Connected);
      expect((await backend.getConnectionDetails(d.handle)).projection).toBe('ppp');
      await hangUpAndRelease(d.handle);
      await expect(backend.getConnectionDetails(d.handle)).rejects.toMatchObject({ code: 6 });
    });

    it('lists its devices and words its errors', async () => {
      const devices = await backend.listDevices();
      expect(devices.some((d) => d.type.toLowerCase() === 'modem')).toBe(true);
      expect(backend.errorMessage(691)).toBeTruthy();
      expect(backend.errorMessage(13801)).toMatch(/IKE/);
    });
  });
}
