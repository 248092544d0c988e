// The probes against servers this test starts on 127.0.0.1: no real network is touched.

import { afterEach, describe, expect, it } from 'vitest';
import {
  closedPort,
  plainHttpServer,
  SERVER_DATE,
  silentServer,
  TEST_ROOT,
  tlsServer,
  type LocalServer,
} from '../../tests/fixtures/doctor/local-servers';
import { httpDate, resolveName, tcpConnect, tlsHandshake } from './probes';

const servers: LocalServer[] = [];
async function start(server: Promise<LocalServer>): Promise<LocalServer> {
  const s = await server;
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const target = (port: number, extra: { ca?: string[]; timeoutMs?: number } = {}) => ({
  address: '127.0.0.1',
  port,
  servername: 'localhost',
  timeoutMs: extra.timeoutMs ?? 10_000,
  ...(extra.ca ? { ca: extra.ca } : {}),
});

describe('resolving the server’s name', () => {
  const never = () => {
    throw new Error('the lookup must not be asked');
  };

  it('answers a name under .invalid without asking anyone, and names the DNS servers', async () => {
    expect(
      await resolveName('vpn.example.invalid', {
        timeoutMs: 1000,
        lookup: never,
        servers: () => ['192.0.2.53'],
      }),
    ).toEqual({
      host: 'vpn.example.invalid',
      lookup: { kind: 'notFound' },
      dnsServers: ['192.0.2.53'],
    });
  });

  it('takes an address as it is', async () => {
    expect((await resolveName('127.0.0.1', { timeoutMs: 1000, lookup: never })).lookup).toEqual({
      kind: 'address',
    });
  });

  it('resolves localhost through the system resolver', async () => {
    const m = await resolveName('localhost', { timeoutMs: 10_000 });
    expect(m.lookup.kind).toBe('resolved');
    expect(
      m.lookup.kind === 'resolved' && m.lookup.addresses.some((a) => /^(127\.|::1$)/.test(a)),
    ).toBe(true);
  });

  it('tells no such name, no answer and other failures apart', async () => {
    const failing = (code: string) => () =>
      Promise.reject(Object.assign(new Error(code), { code }));
    const kind = async (lookup: Parameters<typeof resolveName>[1]['lookup']) =>
      (await resolveName('vpn.example.com', { timeoutMs: 50, lookup })).lookup;
    expect(await kind(failing('ENOTFOUND'))).toEqual({ kind: 'notFound' });
    expect(await kind(failing('EAI_AGAIN'))).toEqual({ kind: 'timeout' });
    expect(await kind(failing('EPERM'))).toEqual({ kind: 'failed', code: 'EPERM' });
    expect(await kind(() => new Promise(() => undefined))).toEqual({ kind: 'timeout' });
    expect(await kind(async () => [{ address: '192.0.2.1' }, { address: '192.0.2.1' }])).toEqual({
      kind: 'resolved',
      addresses: ['192.0.2.1'],
    });
  });
});

describe('trying a TCP port', () => {
  it('says open for a listening port and refused for a closed one', async () => {
    const open = await start(silentServer());
    expect(await tcpConnect('127.0.0.1', open.port, 10_000)).toEqual({
      address: '127.0.0.1',
      port: open.port,
      state: 'open',
    });
    const closed = await closedPort();
    expect((await tcpConnect('127.0.0.1', closed, 10_000)).state).toBe('refused');
  });
});

describe('the TLS handshake', () => {
  it('reads a self-signed certificate: its names, dates and why it is not trusted', async () => {
    const s = await start(tlsServer('self-signed'));
    const m = await tlsHandshake(target(s.port));
    expect(m).toMatchObject({
      kind: 'handshake',
      authorized: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    if (m.kind !== 'handshake') throw new Error('no handshake');
    expect(m.chain).toHaveLength(1);
    expect(m.chain[0]).toEqual({
      subject: 'localhost',
      issuer: 'localhost',
      validFrom: Date.UTC(2020, 0, 1),
      validTo: Date.UTC(2120, 0, 1),
      altNames: ['DNS:localhost', 'IP Address:127.0.0.1'],
    });
  });

  it('sees an expired certificate from a trusted root as expired', async () => {
    const s = await start(tlsServer('expired'));
    const m = await tlsHandshake(target(s.port, { ca: [TEST_ROOT] }));
    expect(m).toMatchObject({
      kind: 'handshake',
      authorized: false,
      authorizationError: 'CERT_HAS_EXPIRED',
    });
    if (m.kind !== 'handshake') throw new Error('no handshake');
    expect(m.chain.map((c) => c.subject)).toEqual(['localhost', 'RAS Connect Test Root']);
    expect(m.chain[0]!.validTo).toBe(Date.UTC(2021, 0, 1));
  });

  it('trusts a chain to a given root, and not without it', async () => {
    const s = await start(tlsServer('valid'));
    expect(await tlsHandshake(target(s.port, { ca: [TEST_ROOT] }))).toMatchObject({
      authorized: true,
      authorizationError: null,
    });
    const untrusted = await tlsHandshake(target(s.port));
    expect(untrusted).toMatchObject({
      authorized: false,
      authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
  });

  it('gives up on a port that never answers the handshake, and names a port that is not TLS', async () => {
    const silent = await start(silentServer());
    expect(await tlsHandshake(target(silent.port, { timeoutMs: 200 }))).toEqual({
      kind: 'failed',
      reason: 'timeout',
    });
    const plain = await start(plainHttpServer());
    expect(await tlsHandshake(target(plain.port))).toEqual({ kind: 'failed', reason: 'notTls' });
  });
});

describe('the server’s clock', () => {
  it('reads the Date header of the answer to HEAD over TLS', async () => {
    const s = await start(tlsServer('self-signed'));
    expect(await httpDate({ ...target(s.port), host: 'localhost' })).toBe(Date.parse(SERVER_DATE));
  });

  it('is null when the server sends no date', async () => {
    const s = await start(tlsServer('self-signed', null));
    expect(await httpDate({ ...target(s.port), host: 'localhost' })).toBeNull();
  });
});
