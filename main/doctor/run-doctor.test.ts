// The whole doctor over local servers: checks arrive in order as they run, then the verdict.

import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_IDS, type DoctorCheck } from '../../app/doctor/doctor-result';
import { CERT_E_UNTRUSTEDROOT } from '../../app/doctor/verdict';
import { makeEntry } from '../../app/phonebook/entry';
import { VPN_STRATEGIES } from '../../app/phonebook/entry-settings';
import {
  closedPort,
  SERVER_DATE,
  TEST_ROOT,
  tlsServer,
  type LocalServer,
} from '../../tests/fixtures/doctor/local-servers';
import { runDoctor, type DoctorOptions } from './run-doctor';
import { simulatedWindowsSide } from './windows-side';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function options(kind: 'valid' | 'expired' | 'self-signed' | null): Promise<DoctorOptions> {
  let sstp = await closedPort();
  if (kind) {
    const s = await tlsServer(kind);
    servers.push(s);
    sstp = s.port;
  }
  return {
    windows: simulatedWindowsSide,
    now: () => Date.parse(SERVER_DATE),
    timeoutMs: 10_000,
    ports: { sstp, pptp: await closedPort() },
    ca: [TEST_ROOT],
    lookup: () => Promise.reject(new Error('only addresses and .invalid names here')),
    dnsServers: () => ['192.0.2.53'],
  };
}

describe('the failure doctor over servers on 127.0.0.1', () => {
  it('shows each check as it runs, in order, and explains an expired certificate', async () => {
    const seen: DoctorCheck[] = [];
    const entry = makeEntry('Office', 'vpn', ['127.0.0.1'], {
      vpnStrategy: VPN_STRATEGIES.sstpOnly,
    });
    const report = await runDoctor(
      entry,
      { code: 800, connectedSeconds: null },
      await options('expired'),
      (c) => seen.push(c),
    );
    expect(seen.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(report.checks).toEqual(seen);
    expect(report.verdict).toMatchObject({
      cause: 'certificate',
      status: 'explained',
      summary: { key: 'doctor.cert.expired', params: { validTo: '2021-01-01' } },
    });
    expect(seen.find((c) => c.id === 'clock')!.status).toBe('ok');
  });

  it('explains 0x800B0109 with a self-signed server certificate', async () => {
    const entry = makeEntry('Office', 'vpn', ['127.0.0.1']);
    const report = await runDoctor(
      entry,
      { code: CERT_E_UNTRUSTEDROOT, connectedSeconds: null },
      await options('self-signed'),
    );
    expect(report.verdict).toMatchObject({
      cause: 'certificate',
      summary: { key: 'doctor.cert.untrusted' },
    });
  });

  it('finds nothing wrong with a good certificate, and a closed 443 fails an SSTP-only entry', async () => {
    const entry = makeEntry('Office', 'vpn', ['127.0.0.1'], {
      vpnStrategy: VPN_STRATEGIES.sstpOnly,
    });
    const good = await runDoctor(
      entry,
      { code: null, connectedSeconds: null },
      await options('valid'),
    );
    expect(good.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([]);
    expect(good.verdict.status).toBe('clear');
    const closed = await runDoctor(
      entry,
      { code: 800, connectedSeconds: null },
      await options(null),
    );
    expect(closed.verdict).toMatchObject({
      cause: 'strategy',
      summary: { key: 'doctor.strategy.other' },
    });
    // The simulated IKE answers, so the way out is IKEv2.
    expect(closed.verdict.fix?.change).toEqual({ vpnStrategy: VPN_STRATEGIES.ikev2First });
  });

  it('stops at a name that does not resolve', async () => {
    const entry = makeEntry('Office', 'vpn', ['vpn.example.invalid']);
    const report = await runDoctor(
      entry,
      { code: 868, connectedSeconds: null },
      await options('valid'),
    );
    expect(report.verdict).toMatchObject({
      cause: 'name',
      summary: { key: 'doctor.name.notFound' },
    });
    expect(report.checks.find((c) => c.id === 'tcp443')!.status).toBe('skip');
  });

  it('probes nothing for an entry that is not a VPN', async () => {
    const lookups: string[] = [];
    const opts = { ...(await options(null)), lookup: async (h: string) => (lookups.push(h), []) };
    const report = await runDoctor(
      makeEntry('Modem', 'phone', ['5550100']),
      { code: 691, connectedSeconds: null },
      opts,
    );
    expect(lookups).toEqual([]);
    expect(report.checks.find((c) => c.id === 'name')!.status).toBe('skip');
  });
});
