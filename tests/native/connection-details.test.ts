// RasGetProjectionInfoEx as the backend calls it, against the double's Windows rules: the
// version it must carry, the larger buffer an IKEv2 link needs, and DNS servers that cannot be
// read leaving the rest of the details standing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import { RasState as S } from '../../app/ras/connection-state';
import { handleFromString } from '../../main/ras/win32/handles';
import { loadRasApi32, type RasApi32 } from '../../main/ras/win32/rasapi32';
import { Win32RasBackend } from '../../main/ras/win32/win32-backend';
import { buildRasapi32Double } from './build-double';
import { resetDouble } from './double-hooks';

const PBK = 'C:\\Users\\test\\details.pbk';
const library = buildRasapi32Double();

describe('connection details over the double', () => {
  let api: RasApi32;
  let backend: Win32RasBackend;
  const logged: string[] = [];

  beforeEach(() => {
    resetDouble(library);
    api = loadRasApi32(library);
    logged.length = 0;
    backend = new Win32RasBackend({
      defaultPhonebook: PBK,
      api,
      adapters: () => Promise.reject(new Error('iphlpapi.dll is not there')),
      log: (line) => logged.push(line),
      watchIntervalMs: 20,
    });
  });
  afterEach(() => backend.dispose());

  async function connect(entry: string): Promise<string> {
    let done = false;
    const handle = await backend.dial(
      {
        phonebook: PBK,
        entryName: entry,
        userName: 'a',
        password: 'b',
        domain: '',
        pausedStates: true,
      },
      (n) => (done ||= n.state === S.Connected || n.error !== 0),
    );
    const deadline = Date.now() + 10_000;
    while (!done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    return handle;
  }

  const ask = async (handle: string, version: number, size: number) => {
    const buffer = Buffer.alloc(size);
    buffer.writeUInt32LE(version, 0);
    const sizes = [size];
    const result = await api.callAsync(
      'RasGetProjectionInfoEx',
      handleFromString(handle),
      buffer,
      sizes,
    );
    return { result, needed: sizes[0] };
  };

  it('needs RASAPIVERSION_CURRENT (4) in version, and a buffer for IKEv2’s server addresses', async () => {
    await backend.setEntry(PBK, makeEntry('IKE', 'vpn', ['vpn.example.com'], { vpnStrategy: 7 }));
    const handle = await connect('IKE');
    const size = api.sizeOf('RAS_PROJECTION_INFO');
    expect(size).toBe(108);
    // The struct alone is too small once the server's address list follows it: one more try.
    const first = await ask(handle, 4, size);
    expect(first.result).toBe(603);
    expect(first.needed).toBeGreaterThan(size);
    expect((await ask(handle, 0, first.needed!)).result).toBe(87);
    expect((await ask(handle, 4, first.needed!)).result).toBe(0);
    expect((await backend.getConnectionDetails(handle)).projection).toBe('ikev2');
    await backend.hangUp(handle);
  });

  it('gives the details without DNS servers when they cannot be read, and says why in the log', async () => {
    await backend.setEntry(PBK, makeEntry('Dial-up', 'phone', ['555-0100']));
    const handle = await connect('Dial-up');
    const details = await backend.getConnectionDetails(handle);
    expect(details).toMatchObject({ projection: 'ppp', dnsServers: [] });
    expect(logged.join('\n')).toMatch(/could not read the DNS servers.*iphlpapi\.dll is not there/);
    await backend.hangUp(handle);
  });

  it('refuses a handle that is not one with 6, before asking Windows anything', async () => {
    await expect(backend.getConnectionDetails('not a handle')).rejects.toMatchObject({ code: 6 });
  });
});
