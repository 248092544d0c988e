// The contract's world for the Win32 backend over the C test double of rasapi32 and iphlpapi (the Linux .so
// in win32-contract.test.ts, the Windows DLL under Wine in tests/wine/contract-main.ts).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { iphlpapiAdapters } from '../../main/ras/win32/adapter-dns';
import { loadRasApi32 } from '../../main/ras/win32/rasapi32';
import { Win32RasBackend } from '../../main/ras/win32/win32-backend';
import { resetDouble } from '../native/double-hooks';
import type { ContractWorld } from './backend-contract';

export async function win32World(library: string): Promise<ContractWorld> {
  resetDouble(library);
  const backend = new Win32RasBackend({
    defaultPhonebook: 'C:\\Users\\test\\rasphone.pbk',
    api: loadRasApi32(library),
    // The double also answers iphlpapi's GetAdaptersAddresses, with the connections' adapters.
    adapters: iphlpapiAdapters(library),
    watchIntervalMs: 20,
  });
  // RAS owns the file on Windows; here it is a real path, so revisions can be checked.
  const dir = mkdtempSync(path.join(tmpdir(), 'ras-win32-'));
  return {
    backend,
    phonebook: path.join(dir, 'contract.pbk'),
    async until(done) {
      const deadline = Date.now() + 10_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error('condition not reached within 10 s');
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    async cleanup() {
      backend.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
