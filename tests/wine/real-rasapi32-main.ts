// The bundle's second entry under Windows' Node.js in Wine: the Win32 backend over the
// system's own rasapi32.dll (Wine's, which has stubs for most of RAS), as the app constructs
// it on Windows: no test double, no RAS_CONNECT_RASAPI32. It records whether the backend
// loads and, if it does, what a few harmless calls answer. Usage: node.exe probe.cjs RESULT.json

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeEntry } from '../../app/phonebook/entry';
import { iphlpapiAdapters } from '../../main/ras/win32/adapter-dns';
import { Win32RasBackend } from '../../main/ras/win32/win32-backend';

export interface ProbeResult {
  runtime: { platform: string; arch: string; node: string };
  /** Whether `new Win32RasBackend()` returned; if not, what it threw. */
  loaded: boolean;
  error?: string;
  /** Each call tried once loaded: what it returned or threw. */
  calls: { call: string; ok: boolean; value: string }[];
}

const [resultFile] = process.argv.slice(2);
if (!resultFile) throw new Error('usage: probe.cjs RESULT.json');
delete process.env.RAS_CONNECT_RASAPI32;
delete process.env.RAS_CONNECT_IPHLPAPI;

const describe = (e: unknown): string =>
  e instanceof Error
    ? `${e.name}: ${e.message}${'code' in e ? ` (code ${String(e.code)})` : ''}`
    : JSON.stringify(e);

async function main(): Promise<ProbeResult> {
  const result: ProbeResult = {
    runtime: { platform: process.platform, arch: process.arch, node: process.version },
    loaded: false,
    calls: [],
  };
  let backend: Win32RasBackend;
  try {
    backend = new Win32RasBackend({ defaultPhonebook: 'C:\\Users\\test\\rasphone.pbk' });
    result.loaded = true;
  } catch (e) {
    result.error = describe(e);
    return result;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ras-probe-'));
  const phonebook = path.join(dir, 'probe.pbk');
  const calls: [string, () => unknown][] = [
    ['enumConnections()', () => backend.enumConnections()],
    ['listDevices()', () => backend.listDevices()],
    ['errorMessage(691)', () => backend.errorMessage(691)],
    ['validateEntryName(pbk, "Probe")', () => backend.validateEntryName(phonebook, 'Probe')],
    [
      'setEntry(pbk, Probe)',
      () => backend.setEntry(phonebook, makeEntry('Probe', 'phone', ['555-0100'])),
    ],
    ['listEntries(pbk)', () => backend.listEntries(phonebook)],
    // Wine's iphlpapi is real: the host's adapters, with the DNS servers of its resolv.conf.
    ['adapters()', () => iphlpapiAdapters()()],
    [
      'dial(Probe)',
      () =>
        backend.dial(
          {
            phonebook,
            entryName: 'Probe',
            userName: 'alice',
            password: 'secret',
            domain: '',
            pausedStates: true,
          },
          () => undefined,
        ),
    ],
  ];
  for (const [call, run] of calls) {
    try {
      const value = await Promise.race([
        Promise.resolve().then(run),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5000)),
      ]);
      result.calls.push({ call, ok: true, value: JSON.stringify(value) ?? 'undefined' });
    } catch (e) {
      result.calls.push({ call, ok: false, value: describe(e) });
    }
  }
  backend.dispose();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

main().then(
  (result) => {
    writeFileSync(resultFile, JSON.stringify(result, null, 2));
    process.exit(0);
  },
  (error: unknown) => {
    writeFileSync(resultFile, JSON.stringify({ loaded: false, error: describe(error), calls: [] }));
    process.exit(2);
  },
);
