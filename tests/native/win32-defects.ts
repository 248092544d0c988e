// The Win32 backend's defects that Windows would show and the old, lenient double did not
// (issue 13), each against the stricter double: it refuses what Windows refuses. Run on Linux
// over the .so (win32-defects.test.ts) and on Windows' ABI under Wine over the DLL
// (tests/wine/contract-main.ts), so it builds nothing itself.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import { RasState as S } from '../../app/ras/connection-state';
import type { DialRequest, RasNotification } from '../../main/ras/backend';
import { loadRasApi32 } from '../../main/ras/win32/rasapi32';
import { layoutReport } from '../../main/ras/win32/struct-layout';
import { Win32RasBackend } from '../../main/ras/win32/win32-backend';
import { SessionManager } from '../../main/sessions/session-manager';
import { doubleProbe, resetDouble } from './double-hooks';

export interface DefectLibraries {
  /** The double. */
  double: string;
  /** The double without RasInvokeEapUI, as Wine's rasapi32 is. */
  withoutInvokeEapUi: string;
}

export function win32Defects(name: string, libraries: DefectLibraries): void {
  const library = libraries.double;
  const probe = doubleProbe(library);
  const USER =
    'C:\\Users\\test\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk';
  const ALL_USERS = 'C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk';
  let backend: Win32RasBackend;
  const others: Win32RasBackend[] = [];

  async function until(done: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('condition not reached');
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  const request = (entryName: string, extra: Partial<DialRequest> = {}): DialRequest => ({
    phonebook: USER,
    entryName,
    userName: 'alice',
    password: 'secret',
    domain: '',
    pausedStates: true,
    ...extra,
  });

  function program(lib = library): Win32RasBackend {
    const b = new Win32RasBackend({
      defaultPhonebook: USER,
      allUsersPhonebook: ALL_USERS,
      api: loadRasApi32(lib),
      watchIntervalMs: 20,
    });
    others.push(b);
    return b;
  }

  async function dialed(b: Win32RasBackend, req: DialRequest): Promise<RasNotification[]> {
    const notes: RasNotification[] = [];
    await b.dial(req, (n) => notes.push(n));
    await until(() => {
      const last = notes.at(-1);
      return !!last && (last.error !== 0 || last.state === S.Connected || last.state >= 0x1000);
    });
    return notes;
  }

  beforeEach(async () => {
    resetDouble(library);
    probe.setBooks(USER, ALL_USERS, 0);
    backend = program();
    await backend.setEntry(USER, makeEntry('Line', 'phone', ['555-0100']));
    await backend.setEntry(
      USER,
      makeEntry('EAP VPN', 'vpn', ['vpn.example.com'], { eapTypeId: 25 }),
    );
  });
  afterEach(() => {
    for (const b of others.splice(0)) b.dispose();
  });

  describe(`Win32 backend against Windows rules: ${name}`, () => {
    it('finishes an EAP sign-in: RasInvokeEapUI for the notified subentry, the same extensions on resume', async () => {
      const notes = await dialed(backend, request('EAP VPN'));
      expect(notes.at(-1)).toMatchObject({ state: S.InvokeEapUI, error: 0, subEntry: 1 });
      await backend.resume(notes.at(-1)!.handle, { kind: 'eap' });
      await until(() => notes.at(-1)!.state === S.Connected || notes.at(-1)!.error !== 0);
      expect(notes.at(-1)).toMatchObject({ state: S.Connected, error: 0 });
    });

    it('signs in to EAP without a window when the method has an identity (RasGetEapUserIdentity), and frees it', async () => {
      probe.setEapIdentity(1);
      const notes = await dialed(backend, request('EAP VPN', { userName: '', password: '' }));
      expect(notes.map((n) => n.state)).not.toContain(S.InvokeEapUI);
      expect(notes.at(-1)).toMatchObject({ state: S.Connected, error: 0 });
      await until(() => probe.eapIdentitiesHeld() === 0);
    });

    it('makes no RAS call on the thread that runs JavaScript', async () => {
      await backend.messagesRead;
      await backend.listEntries();
      await backend.getEntry(undefined, 'Line');
      await backend.validateEntryName(USER, 'New one');
      await backend.setCredentials(USER, 'Line', { userName: 'alice', domain: '', password: 'pw' });
      await backend.getCredentials(USER, 'Line');
      await backend.renameEntry(USER, 'Line', 'Line 2');
      await backend.renameEntry(USER, 'Line 2', 'Line');
      await backend.listDevices();
      const notes = await dialed(backend, request('Line', { userName: '', password: '' }));
      const handle = notes.at(-1)!.handle;
      await backend.getConnectStatus(handle);
      await backend.getStatistics(handle);
      await backend.enumConnections();
      await backend.hangUp(handle);
      await backend.setEntry(USER, makeEntry('Gone', 'phone', ['1']));
      await backend.deleteEntry(USER, 'Gone');
      expect(probe.callsOnJsThread(), `${probe.lastJsCall()} was called on the main thread`).toBe(
        0,
      );
    });

    it('lists the All-Users phonebook beside the user’s, dials and reads each entry in its own book', async () => {
      await backend.setEntry(ALL_USERS, makeEntry('Corp VPN', 'vpn', ['corp.example.com']));
      const listed = await backend.listEntries();
      expect(listed.map((e) => [e.name, e.phonebook]).sort()).toEqual([
        ['Corp VPN', ALL_USERS],
        ['EAP VPN', USER],
        ['Line', USER],
      ]);
      expect((await backend.getEntry(undefined, 'Corp VPN')).phoneNumbers[0]!.number).toBe(
        'corp.example.com',
      );
      // An edit against the revision the listing had lands in the entry's own book.
      const revision = await backend.phonebookRevision(USER);
      const corp = await backend.getEntry(USER, 'Corp VPN');
      await backend.setEntry(USER, { ...corp, redialAttempts: 7 }, { expectedRevision: revision });
      expect((await backend.getEntry(ALL_USERS, 'Corp VPN')).redialAttempts).toBe(7);
      expect((await backend.listEntries(USER)).filter((e) => e.name === 'Corp VPN')).toHaveLength(
        1,
      );
      const notes = await dialed(backend, request('Corp VPN', { phonebook: undefined }));
      expect(notes.at(-1)).toMatchObject({ state: S.Connected, error: 0 });
      expect((await backend.enumConnections())[0]!.phonebook).toBe(ALL_USERS);
    });

    it('says what to do when the All-Users phonebook may not be changed', async () => {
      await backend.setEntry(ALL_USERS, makeEntry('Corp VPN', 'vpn', ['corp.example.com']));
      probe.setBooks(USER, ALL_USERS, 1);
      const entry = await backend.getEntry(undefined, 'Corp VPN');
      await expect(backend.setEntry(undefined, { ...entry, redialAttempts: 9 })).rejects.toThrow(
        /All-Users phonebook.*run as administrator/,
      );
      await expect(backend.deleteEntry(undefined, 'Corp VPN')).rejects.toMatchObject({ code: 5 });
    });

    it('releases the port of a dial RasDial refused with a handle, and its notifier, before saying so', async () => {
      for (let i = 0; i < 8; i++) {
        await backend.setEntry(USER, makeEntry(`Port ${i}`, 'vpn', [`vpn${i}.example.com`]));
        await dialed(backend, request(`Port ${i}`));
      }
      await backend.setEntry(USER, makeEntry('Ninth', 'vpn', ['ninth.example.com']));
      await until(() => backend.registeredNotifiers === 0);
      await expect(backend.dial(request('Ninth'), () => undefined)).rejects.toMatchObject({
        code: 633,
      });
      expect(probe.portsInUse()).toBe(8);
      expect(backend.registeredNotifiers).toBe(0);
    });

    it('returns 0 from the notifier after the last notification', async () => {
      await dialed(backend, request('Line'));
      await until(() => probe.lastFinalReturn() !== -1);
      expect(probe.lastFinalReturn()).toBe(0);
    });

    it('refuses a string RAS would cut, instead of dialing with it cut', async () => {
      await expect(
        backend.dial(request('Line', { domain: 'A-DOMAIN-OF-20-CHARS' }), () => undefined),
      ).rejects.toThrow('The domain is 20 characters long; Windows allows at most 15.');
      expect(probe.portsInUse()).toBe(0);
    });

    it('hangs up only the reference it holds: another program’s stays', async () => {
      const other = program();
      const theirs = await dialed(other, request('Line'));
      const handle = BigInt(theirs.at(-1)!.handle);
      const manager = new SessionManager({
        backend,
        settleMs: 0,
        release: { pollMs: 20, timeoutMs: 800 },
      });
      const id = await manager.dial({
        entryName: 'Line',
        phonebook: USER,
        credentials: { userName: 'alice', password: 'secret', domain: '' },
      });
      await until(() => manager.get(id)?.status === 'connected');
      expect(probe.references(handle)).toBe(2);
      await manager.hangUp(id).catch(() => undefined);
      expect(probe.references(handle)).toBe(1);
      expect(await other.getConnectStatus(theirs.at(-1)!.handle)).toMatchObject({
        state: S.Connected,
        error: 0,
      });
      manager.dispose();
    });

    it('reads and writes the newest RASENTRY, so a save keeps what Windows 10 keeps there', async () => {
      const api = loadRasApi32(library);
      const raw = async (): Promise<Record<string, unknown>> => {
        const size = [api.sizeOf('RASENTRYW')];
        const buffer = Buffer.alloc(size[0]! + 64);
        buffer.writeUInt32LE(api.sizeOf('RASENTRYW'), 0);
        size[0] = buffer.length;
        expect(
          await api.callAsync('RasGetEntryPropertiesW', USER, 'IKE', buffer, size, null, null),
        ).toBe(0);
        return api.decode('RASENTRYW', buffer);
      };
      await backend.setEntry(USER, makeEntry('IKE', 'vpn', ['ike.example.com']));
      const written = await raw();
      const full = api.encode('RASENTRYW', {
        ...written,
        dwSize: api.sizeOf('RASENTRYW'),
        dwAlternateOffset: 0,
        szIDi: 'client@example.com',
        szIDr: 'gateway.example.com',
        fDisableIKEv2Fragmentation: 1,
      });
      expect(api.sizeOf('RASENTRYW')).toBe(6724);
      expect(
        await api.callAsync('RasSetEntryPropertiesW', USER, 'IKE', full, full.length, null, 0),
      ).toBe(0);
      const entry = await backend.getEntry(USER, 'IKE');
      await backend.setEntry(USER, { ...entry, redialAttempts: 4 });
      expect(await raw()).toMatchObject({
        szIDi: 'client@example.com',
        szIDr: 'gateway.example.com',
        fDisableIKEv2Fragmentation: 1,
        dwRedialCount: 4,
      });
    });

    it('falls back to the older sizes an older Windows takes (632), for entries and dials', async () => {
      probe.setWindows(7);
      const seven = program();
      await seven.setEntry(USER, makeEntry('Seven', 'phone', ['555-0100'], { redialAttempts: 2 }));
      expect((await seven.getEntry(USER, 'Seven')).redialAttempts).toBe(2);
      const notes = await dialed(seven, request('Seven'));
      expect(notes.at(-1)).toMatchObject({ state: S.Connected, error: 0 });
      const report = layoutReport();
      expect(report.x64.RASENTRYW!.sizes).toEqual([6724, 5680, 5656, 5616]);
      expect(report.x64.RASDIALPARAMSW!.sizes).toEqual([2120, 2112, 2108]);
      expect(report.ia32.RASDIALPARAMSW!.sizes).toEqual([2112, 2108, 2104]);
    });

    it('watches connections once for the whole backend, however many watch, and stops with the last', async () => {
      const calls = async (watchers: number): Promise<number> => {
        const stops = Array.from({ length: watchers }, () =>
          backend.watchConnections(() => undefined),
        );
        const before = probe.enumConnectionsCalls();
        await new Promise((r) => setTimeout(r, 300));
        const made = probe.enumConnectionsCalls() - before;
        for (const stop of stops) stop();
        return made;
      };
      const one = await calls(1);
      const five = await calls(5);
      expect(one).toBeGreaterThan(2);
      // Five watchers share the one poll (before, each polled on its own: five times the calls).
      expect(five / one).toBeLessThan(2);
      const after = probe.enumConnectionsCalls();
      await new Promise((r) => setTimeout(r, 100));
      expect(probe.enumConnectionsCalls()).toBe(after);
    });

    it('starts without a function this rasapi32 lacks, and says which when it is needed', async () => {
      const lacking = libraries.withoutInvokeEapUi;
      resetDouble(lacking);
      doubleProbe(lacking).setBooks(USER, ALL_USERS, 0);
      const b = program(lacking);
      await b.setEntry(USER, makeEntry('EAP VPN', 'vpn', ['vpn.example.com'], { eapTypeId: 25 }));
      const notes = await dialed(b, request('EAP VPN'));
      expect(notes.at(-1)!.state).toBe(S.InvokeEapUI);
      await expect(b.resume(notes.at(-1)!.handle, { kind: 'eap' })).rejects.toThrow(
        /has no RasInvokeEapUI, so EAP sign-in is not available/,
      );
      await b.hangUp(notes.at(-1)!.handle);
    });
  });
}
