// The pitfalls of shared/ras-reference.md §9, pinned down on the Win32 backend over the C
// test double: foreign-thread notifiers, a busy main thread, hang-ups racing notifications,
// callbacks that must not leak, dwSize checks, secrets left in memory.

import { beforeEach, describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import { RasState as S } from '../../app/ras/connection-state';
import type { DialRequest, RasNotification } from '../../main/ras/backend';
import { loadRasApi32, type RasApi32 } from '../../main/ras/win32/rasapi32';
import { handleToString, Win32RasBackend } from '../../main/ras/win32/win32-backend';
import { SessionManager } from '../../main/sessions/session-manager';
import { buildRasapi32Double } from './build-double';
import { notifiedFromOtherThread, resetDouble } from './double-hooks';

const library = buildRasapi32Double();
const PBK = 'C:\\Users\\test\\pitfalls.pbk';
let api: RasApi32;
let backend: Win32RasBackend;

async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const request = (entryName: string, extra: Partial<DialRequest> = {}): DialRequest => ({
  phonebook: PBK,
  entryName,
  userName: 'alice',
  password: 's3cret-password',
  domain: '',
  pausedStates: true,
  ...extra,
});

async function released(handle: string): Promise<void> {
  let gone = false;
  await until(() => {
    void backend.getConnectStatus(handle).catch(() => (gone = true));
    return gone;
  });
}

beforeEach(async () => {
  resetDouble(library);
  api = loadRasApi32(library);
  backend = new Win32RasBackend({ defaultPhonebook: PBK, api, watchIntervalMs: 20 });
  await backend.setEntry(PBK, makeEntry('Line', 'phone', ['555-0100']));
  await backend.setEntry(PBK, makeEntry('Busy', 'phone', ['555-0486']));
  await backend.setEntry(PBK, makeEntry('Callback', 'phone', ['555-0491']));
  return () => backend.dispose();
});

describe('Win32 backend pitfalls', () => {
  it('takes notifications that RAS sends from a thread of its own', async () => {
    const notes: RasNotification[] = [];
    await backend.dial(request('Line'), (n) => notes.push(n));
    await until(() => notes.at(-1)?.state === S.Connected);
    expect(notifiedFromOtherThread(library)).toBe(true);
  });

  it('loses nothing when the main thread is busy while notifications come', async () => {
    const notes: RasNotification[] = [];
    await backend.dial(request('Line'), (n) => notes.push(n));
    const stop = Date.now() + 150;
    while (Date.now() < stop) {
      // A busy main thread: the RAS thread waits for it, nothing deadlocks, nothing is lost.
    }
    await until(() => notes.at(-1)?.state === S.Connected);
    expect(notes.map((n) => n.state)).toEqual([
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      10,
      11,
      12,
      14,
      18,
      24,
      22,
      S.Connected,
    ]);
  });

  it('ignores a notification that comes after the app asked to hang up', async () => {
    const notes: RasNotification[] = [];
    const handle = await backend.dial(request('Line'), (n) => notes.push(n));
    await backend.hangUp(handle);
    const atHangUp = notes.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(notes.length).toBe(atHangUp);
    await released(handle);
  });

  it('leaks no callback over many dials, connected or failed', async () => {
    for (let i = 0; i < 20; i++) {
      const notes: RasNotification[] = [];
      const entry = i % 2 === 0 ? 'Line' : 'Busy';
      const handle = await backend.dial(request(entry), (n) => notes.push(n));
      await until(() => notes.some((n) => n.state === S.Connected || n.error !== 0));
      await backend.hangUp(handle);
      await released(handle);
    }
    expect(backend.registeredNotifiers).toBe(0);
  });

  it('keeps the callback registered while a dial is paused, and resumes through it', async () => {
    const notes: RasNotification[] = [];
    const handle = await backend.dial(request('Callback'), (n) => notes.push(n));
    await until(() => notes.at(-1)?.state === S.CallbackSetByCaller);
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.registeredNotifiers).toBe(1);
    await backend.resume(handle, { kind: 'callback', callbackNumber: '' });
    await until(() => notes.at(-1)?.state === S.Connected);
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.registeredNotifiers).toBe(0);
  });

  it('overwrites the password in the RASDIALPARAMS it passed', async () => {
    const passed: Buffer[] = [];
    const original = api.callAsync;
    api.callAsync = (name, ...args) => {
      if (name === 'RasDialW') passed.push(args[2] as Buffer);
      return original(name, ...args);
    };
    const notes: RasNotification[] = [];
    await backend.dial(request('Line'), (n) => notes.push(n));
    expect(passed).toHaveLength(1);
    expect(passed[0]!.includes(Buffer.from('s3cret-password', 'utf16le'))).toBe(false);
    expect(passed[0]!.every((b) => b === 0)).toBe(true);
    await until(() => notes.at(-1)?.state === S.Connected);
  });

  it('hangs up a handle that a failed RasDial produced', async () => {
    // Eight ports: the ninth dial fails in RasDial itself, with a handle to hang up.
    const names = Array.from({ length: 9 }, (_, i) => `Port ${i}`);
    for (const name of names)
      await backend.setEntry(
        PBK,
        makeEntry(name, 'phone', [`555-01${String(10 + names.indexOf(name))}`]),
      );
    for (const name of names.slice(0, 8))
      await backend.dial(request(name, { password: 'wrong' }), () => undefined);
    await expect(backend.dial(request('Port 8'), () => undefined)).rejects.toMatchObject({
      code: 633,
    });
    expect((await backend.enumConnections()).length).toBe(0);
  });

  it('sends the dwSize each function expects and gets 632 for a wrong one', async () => {
    const status = api.encode('RASCONNSTATUSW', { dwSize: api.sizeOf('RASCONNSTATUSW') + 1 });
    expect(await api.callAsync('RasGetConnectStatusW', 0x10000n, status)).toBe(632);
    const stats = api.encode('RAS_STATS', { dwSize: 59 });
    expect(await api.callAsync('RasGetConnectionStatistics', 0x10000n, stats)).toBe(632);
    const conns = api.encode('RASCONNW', { dwSize: 1392 });
    expect(await api.callAsync('RasEnumConnectionsW', conns, [conns.length], [0])).toBe(632);
  });

  it('keeps handles pointer-sized and compares them as such', () => {
    expect(handleToString(0x10000)).toBe('0x10000');
    expect(handleToString(0xffffffffffffffffn)).toBe('0xffffffffffffffff');
  });

  it('gives the error text RasGetErrorString has (read off the main thread), and the app table otherwise', async () => {
    await backend.messagesRead;
    expect(backend.errorMessage(676)).toBe("The remote computer's line is busy (from rasapi32).");
    expect(backend.errorMessage(678)).toBe('The remote end did not answer.');
  });

  it('drives the session engine: dial, hang up, port released', async () => {
    const manager = new SessionManager({ backend, settleMs: 0 });
    const id = await manager.dial({
      entryName: 'Line',
      phonebook: PBK,
      credentials: { userName: 'a', password: 'b', domain: '' },
    });
    await until(() => manager.get(id)?.status === 'connected');
    await manager.hangUp(id);
    expect(manager.get(id)).toMatchObject({ status: 'disconnected', error: null });
    expect(backend.registeredNotifiers).toBe(0);
    manager.dispose();
  });
});
