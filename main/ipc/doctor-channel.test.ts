// `doctor:run` through the router of a simulated core and over a fake backend, with every probe
// pointed at servers on 127.0.0.1: checks go out as events with the window's run id, the
// report is the answer, an entry has one run at a time, and nothing is probed unasked.

import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_IDS, type DoctorCheck } from '../../app/doctor/doctor-result';
import type { EventPayload, HistoryRecord } from '../../app/ipc/contract';
import { makeEntry, type RasEntry } from '../../app/phonebook/entry';
import { VPN_STRATEGIES } from '../../app/phonebook/entry-settings';
import { simulatedCore, until, type TestCore } from '../../tests/support/core';
import {
  closedPort,
  SERVER_DATE,
  TEST_ROOT,
  tlsServer,
  type LocalServer,
} from '../../tests/fixtures/doctor/local-servers';
import type { DoctorOptions } from '../doctor/run-doctor';
import { simulatedWindowsSide } from '../doctor/windows-side';
import { createDoctorChannel } from './doctor-channel';

const servers: LocalServer[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(cores.splice(0).map((c) => c.dispose()));
});

/** Every name resolves to 127.0.0.1, SSTP is a TLS server there, PPTP a closed port. */
async function local(lookups: string[] = []): Promise<Partial<DoctorOptions>> {
  const s = await tlsServer('valid');
  servers.push(s);
  return {
    windows: simulatedWindowsSide,
    now: () => Date.parse(SERVER_DATE),
    timeoutMs: 10_000,
    ports: { sstp: s.port, pptp: await closedPort() },
    ca: [TEST_ROOT],
    lookup: async (host) => {
      lookups.push(host);
      return [{ address: '127.0.0.1' }];
    },
    dnsServers: () => ['192.0.2.53'],
  };
}

function record(extra: Partial<HistoryRecord>): HistoryRecord {
  return {
    id: 'h1',
    entryName: 'Office',
    phonebook: 'book.pbk',
    startedAt: 1000,
    endedAt: 2000,
    outcome: 'failed',
    connectedFor: null,
    error: null,
    timeline: { startedAt: null, rows: [] },
    ...extra,
  };
}

const rasError = (code: number) => ({
  code,
  name: `E${code}`,
  message: `error ${code}`,
  remedy: '',
  source: 'ras' as const,
});

/** The channel over a fake backend that holds `entries` and a history of `records`. */
function fakeChannel(
  entries: RasEntry[],
  records: HistoryRecord[],
  overrides: Partial<DoctorOptions>,
) {
  const events: EventPayload<'doctor:check'>[] = [];
  const channel = createDoctorChannel({
    backend: {
      kind: 'simulated',
      defaultPhonebook: 'book.pbk',
      getEntry: async (_book, name) => {
        const found = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
        if (!found) throw new Error(`no ${name}`);
        return found;
      },
    },
    history: { list: async () => records },
    emit: (event, payload) => {
      if (event === 'doctor:check') events.push(payload as EventPayload<'doctor:check'>);
    },
    overrides,
  });
  return { channel, events };
}

describe('doctor:run through the router', () => {
  it('sends each check as it runs with the run id, and answers with the verdict and its fix', async () => {
    const test = await simulatedCore({ doctor: await local() });
    cores.push(test);
    const { core } = test;
    await core.backend.setEntry(
      undefined,
      makeEntry('PPTP only', 'vpn', ['vpn.corp.example.com'], {
        vpnStrategy: VPN_STRATEGIES.pptpOnly,
      }),
    );
    const events: EventPayload<'doctor:check'>[] = [];
    core.addSink((event, payload) => {
      if (event === 'doctor:check') events.push(payload as EventPayload<'doctor:check'>);
    });
    const result = await core.router.handle(
      'doctor:run',
      { name: 'PPTP only', code: 809, runId: 'run-1' },
      'window',
    );
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value as { checks: DoctorCheck[]; verdict: unknown };
    expect(events.map((e) => e.runId)).toEqual(CHECK_IDS.map(() => 'run-1'));
    expect(events.map((e) => e.check)).toEqual(report.checks);
    expect(report.verdict).toMatchObject({
      code: 809,
      cause: 'strategy',
      status: 'explained',
      fix: { change: { vpnStrategy: VPN_STRATEGIES.sstpFirst } },
    });
  });

  it('refuses a call without a run id, and probes nothing for it', async () => {
    const lookups: string[] = [];
    const test = await simulatedCore({ doctor: await local(lookups) });
    cores.push(test);
    const result = await test.core.router.handle('doctor:run', { name: 'VPN (refused)' }, 'window');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(lookups).toEqual([]);
  });

  it('probes nothing when a dial fails, only when asked', async () => {
    const lookups: string[] = [];
    const test = await simulatedCore({ doctor: await local(lookups) });
    cores.push(test);
    const { core } = test;
    await core.manager.dial({ entryName: 'VPN (refused)' });
    await until(async () => (await core.history.list({ name: 'VPN (refused)' })).length > 0);
    expect(lookups).toEqual([]);
    const result = await core.router.handle(
      'doctor:run',
      { name: 'VPN (refused)', runId: 'r' },
      'window',
    );
    expect(result).toMatchObject({ ok: true, value: { failure: { code: 800 } } });
    expect(lookups).toEqual(['refuse.example.com']);
  });
});

describe('the doctor channel', () => {
  it('without a code, explains the entry’s newest failure from its history', async () => {
    const entry = makeEntry('Office', 'vpn', ['vpn.example.invalid']);
    const { channel } = fakeChannel(
      [entry],
      [
        record({ id: 'old', endedAt: 1000, error: rasError(691) }),
        record({ id: 'new', endedAt: 5000, error: rasError(868) }),
      ],
      await local(),
    );
    const report = await channel.run({ name: 'Office', runId: 'r' });
    expect(report.failure).toEqual({ code: 868, connectedSeconds: null });
    expect(report.verdict).toMatchObject({ code: 868, cause: 'name', status: 'explained' });
  });

  it('takes how long a dropped link was up from the history, for 629', async () => {
    const entry = makeEntry('Office', 'vpn', ['127.0.0.1']);
    const drop = record({
      outcome: 'connected',
      ended: 'dropped',
      endCode: 629,
      connectedFor: 12_000,
    });
    const { channel } = fakeChannel([entry], [drop], await local());
    const report = await channel.run({ name: 'Office', code: 629, runId: 'r' });
    expect(report.failure).toEqual({ code: 629, connectedSeconds: 12 });
    expect(report.verdict.summary.key).not.toBe('doctor.unexplained.629long');
    const other = await channel.run({ name: 'Office', code: 691, runId: 'r2' });
    expect(other.failure).toEqual({ code: 691, connectedSeconds: null });
  });

  it('runs one doctor per entry at a time, and another entry meanwhile', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const options = await local();
    const { channel, events } = fakeChannel(
      [
        makeEntry('Office', 'vpn', ['vpn.corp.example.com']),
        makeEntry('Home', 'vpn', ['vpn.example.invalid']),
      ],
      [],
      {
        ...options,
        lookup: async (host) => {
          await held;
          return options.lookup!(host);
        },
      },
    );
    const first = channel.run({ name: 'Office', code: 800, runId: 'first' });
    await expect(channel.run({ name: 'OFFICE', code: 800, runId: 'second' })).rejects.toMatchObject(
      { code: 'ALREADY_ACTIVE', text: { key: 'doctor.busy', params: { entry: 'OFFICE' } } },
    );
    await expect(channel.run({ name: 'Home', code: 868, runId: 'home' })).resolves.toMatchObject({
      verdict: { cause: 'name' },
    });
    release();
    await first;
    expect(events.filter((e) => e.runId === 'second')).toEqual([]);
    await expect(channel.run({ name: 'Office', runId: 'again' })).resolves.toBeTruthy();
  });
});
