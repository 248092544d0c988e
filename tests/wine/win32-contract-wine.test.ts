// The backend contract a second time, on Windows' own ABI: Windows' Node.js x64 under Wine,
// koffi's Windows binary, and the C test double of rasapi32 built as a Windows DLL. The
// Linux run (tests/contract/win32-contract.test.ts) cannot see what only Windows does: the
// Microsoft x64 calling convention, __stdcall callbacks from a Win32 thread, UTF-16 wchar_t,
// Windows paths. A second run under Wine tries the system's own rasapi32.dll (Wine's stubs)
// as the app would load it. See ./wine-run.ts for what is fetched and cached.
//
// Without Wine the run is skipped with the reason, except on CI (CI set), where it fails.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRasapi32DoubleDll } from '../native/build-double';
import type { ProbeResult } from './real-rasapi32-main';
import type { RunResult } from './vitest-shim';
import {
  bundle,
  describeExit,
  ensurePrefix,
  ensureWindowsKoffi,
  ensureWindowsNode,
  findWine,
  runWine,
  windowsPath,
  type WineRun,
} from './wine-run';

const wine = findWine();
const NO_WINE =
  'Wine is not installed (apt-get install wine64 wine; .ci/run installs them): the backend ' +
  'contract on the Windows ABI under Wine did not run';

interface Outcome<T> {
  run: WineRun;
  result: T | null;
}

/** Runs one bundle with node.exe under Wine and reads the JSON file it writes. */
async function runBundle<T>(
  node: string,
  dir: string,
  script: string,
  args: string[],
  timeoutMs: number,
): Promise<Outcome<T>> {
  const resultFile = path.join(dir, `${script}.json`);
  const run = await runWine(wine!, [node, script, `${script}.json`, ...args], dir, timeoutMs);
  const result = existsSync(resultFile)
    ? (JSON.parse(readFileSync(resultFile, 'utf8')) as T)
    : null;
  return { run, result };
}

/** Why a run left no usable result, with what it printed. */
function noResult(what: string, run: WineRun): string {
  return `${what} under Wine left no result (${describeExit(run)}):\n${run.output}`;
}

if (!wine) {
  describe('the backend contract on the Windows ABI under Wine', () => {
    it('needs Wine', (ctx) => {
      if (process.env.CI) throw new Error(`${NO_WINE}. CI must run it.`);
      console.warn(`skipped: ${NO_WINE}`);
      ctx.skip(NO_WINE);
    });
  });
} else {
  describe('the backend contract on the Windows ABI under Wine', () => {
    let dir = '';
    let contract: Outcome<RunResult>;
    let probe: Outcome<ProbeResult>;

    beforeAll(async () => {
      const started = Date.now();
      const dll = buildRasapi32DoubleDll();
      const withoutEapUi = buildRasapi32DoubleDll('RasInvokeEapUI');
      const [node] = await Promise.all([
        ensureWindowsNode(),
        ensureWindowsKoffi(),
        ensurePrefix(wine),
      ]);
      dir = mkdtempSync(path.join(tmpdir(), 'ras-wine-'));
      await Promise.all([
        bundle(path.join(import.meta.dirname, 'contract-main.ts'), path.join(dir, 'contract.cjs')),
        bundle(
          path.join(import.meta.dirname, 'real-rasapi32-main.ts'),
          path.join(dir, 'probe.cjs'),
        ),
      ]);
      const ready = Date.now();
      contract = await runBundle<RunResult>(
        node,
        dir,
        'contract.cjs',
        [windowsPath(dll), windowsPath(withoutEapUi)],
        120_000,
      );
      probe = await runBundle<ProbeResult>(node, dir, 'probe.cjs', [], 60_000);
      console.log(
        `wine: setup ${ready - started} ms, contract ${contract.run.ms} ms, ` +
          `rasapi32 probe ${probe.run.ms} ms`,
      );
    }, 300_000);

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('passes every contract test in Windows’ Node.js x64 over the double built as a DLL', () => {
      const result = contract.result;
      if (!result) throw new Error(noResult('The contract', contract.run));
      console.log(
        `wine contract: ${result.passed} passed, ${result.failed} failed` +
          (result.skipped ? `, ${result.skipped} skipped` : ''),
      );
      expect(result.runtime).toMatchObject({ platform: 'win32', arch: 'x64' });
      const failures = result.tests
        .filter((t) => t.status === 'failed')
        .map((t) => `${t.name}\n${t.error}`);
      expect(failures, 'contract tests that failed under Wine').toEqual([]);
      if (!result.complete || contract.run.code !== 0)
        throw new Error(
          `The contract under Wine stopped (${describeExit(contract.run)}) after ` +
            `${result.tests.length} of ${result.total} tests, in "${result.running}":\n` +
            contract.run.output,
        );
      expect(result.total).toBeGreaterThan(0);
      expect(result.passed + result.skipped).toBe(result.total);
    });

    it('starts over Wine’s own rasapi32.dll, which lacks RasInvokeEapUI, and says what its stubs do not do', () => {
      const result = probe.result;
      if (!result) throw new Error(noResult('The rasapi32 probe', probe.run));
      expect(result.runtime).toMatchObject({ platform: 'win32', arch: 'x64' });
      console.log(
        `wine rasapi32: ${result.loaded ? 'loaded' : `not loaded: ${result.error}`}\n${result.calls.map((c) => `  ${c.call}: ${c.ok ? '' : 'threw '}${c.value}`).join('\n')}`,
      );
      // Each function is bound when first used: one missing export does not stop the backend.
      expect(result.loaded, result.error).toBe(true);
      const call = (name: string) => result.calls.find((c) => c.call.startsWith(name))!;
      // Wine's RasEnumConnectionsW and RasEnumDevicesW answer with nothing, without error.
      expect(call('enumConnections()')).toEqual({
        call: 'enumConnections()',
        ok: true,
        value: '[]',
      });
      expect(call('listDevices()')).toMatchObject({ ok: true, value: '[]' });
      // Its RasDialW is a stub: the error says so in words, never a bare "Error 1."
      expect(call('dial(Probe)').ok).toBe(false);
      expect(call('dial(Probe)').value).toMatch(/Remote Access does not carry out this call/);
    });

    it('reads the DNS servers of the adapters Wine’s own iphlpapi reports, by the offsets of iptypes.h', () => {
      const result = probe.result;
      if (!result) throw new Error(noResult('The rasapi32 probe', probe.run));
      const adapters = result.calls.find((c) => c.call === 'adapters()')!;
      expect(adapters.ok, adapters.value).toBe(true);
      const list = JSON.parse(adapters.value) as { friendlyName: string; dnsServers: string[] }[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((a) => a.friendlyName.length > 0)).toBe(true);
      for (const server of list.flatMap((a) => a.dnsServers)) expect(isIP(server)).not.toBe(0);
      // Wine gives every adapter the name servers of this machine's resolv.conf.
      const nameservers = existsSync('/etc/resolv.conf')
        ? [...readFileSync('/etc/resolv.conf', 'utf8').matchAll(/^nameserver\s+(\S+)/gm)]
            .map((m) => m[1]!)
            .filter((a) => isIP(a) === 4)
        : [];
      if (nameservers.length > 0)
        expect(list.some((a) => nameservers.every((n) => a.dnsServers.includes(n)))).toBe(true);
    });
  });
}
