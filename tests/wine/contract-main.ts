// The bundle's entry under Windows' Node.js in Wine: the backend contract, unchanged, against
// the Win32 backend over the C test double of rasapi32 built as a Windows x64 DLL, so koffi
// calls it with Windows' own ABI (Microsoft x64 calling convention, __stdcall callbacks, the
// notifier from a Win32 thread). Usage: node.exe contract.cjs RESULT.json DOUBLE.dll
// (`vitest` is the shim in ./vitest-shim.ts here: the bundler swaps it in.)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRasApi32 } from '../../main/ras/win32/rasapi32';
import { Win32RasBackend } from '../../main/ras/win32/win32-backend';
import { backendContract } from '../contract/backend-contract';
import { win32World } from '../contract/win32-world';
import { resetDouble } from '../native/double-hooks';
import { win32Defects } from '../native/win32-defects';
import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../app/phonebook/entry';
import type { ConnectionEvent } from '../../main/ras/backend';
import { runRegistered } from './vitest-shim';

const [resultFile, library, withoutInvokeEapUi] = process.argv.slice(2);
if (!resultFile || !library || !withoutInvokeEapUi)
  throw new Error('usage: contract.cjs RESULT.json DOUBLE.dll DOUBLE-WITHOUT-EAP-UI.dll');

backendContract(
  'Win32 backend over the C test double of rasapi32, Windows x64 DLL under Wine',
  () => win32World(library),
);

// The defects Windows would show, each against the strict double (tests/native/win32-defects.ts).
win32Defects('the double as a Windows x64 DLL under Wine', {
  double: library,
  withoutInvokeEapUi,
});

// Windows only: RasConnectionNotification's event, waited for by the system's thread pool
// (RegisterWaitForSingleObject), tells the backend of connections without polling (the poll
// here is an hour apart). The double's DLL sets the event as Windows does.
describe('Win32 backend under Wine: connection events from RasConnectionNotification', () => {
  it('hears a connection come and go with no poll between', async () => {
    resetDouble(library);
    const backend = new Win32RasBackend({
      defaultPhonebook: 'C:\\Users\\test\\rasphone.pbk',
      api: loadRasApi32(library),
      watchIntervalMs: 3_600_000,
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'ras-win32-watch-'));
    const book = path.join(dir, 'watch.pbk');
    try {
      await backend.setEntry(book, makeEntry('Watched', 'vpn', ['vpn.example.com']));
      const events: ConnectionEvent[] = [];
      const stop = backend.watchConnections((e) => events.push(e));
      const until = async (done: () => boolean): Promise<void> => {
        const deadline = Date.now() + 10_000;
        while (!done()) {
          if (Date.now() > deadline) throw new Error(`no event in 10 s: ${JSON.stringify(events)}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      // The first poll and the registration settle before the dial.
      await new Promise((r) => setTimeout(r, 300));
      let connected = false;
      const handle = await backend.dial(
        {
          phonebook: book,
          entryName: 'Watched',
          userName: 'a',
          password: 'b',
          domain: '',
          pausedStates: true,
        },
        (n) => (connected ||= n.state === 0x2000),
      );
      await until(() => connected);
      await until(() => events.some((e) => e.kind === 'connected'));
      await backend.hangUp(handle);
      await until(() => events.some((e) => e.kind === 'disconnected'));
      expect(events).toEqual([
        { kind: 'connected', handle },
        { kind: 'disconnected', handle },
      ]);
      stop();
    } finally {
      backend.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

runRegistered(resultFile).then(
  (result) => process.exit(result.failed === 0 && result.total > 0 ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
